"""Tests for geo.query.aggregate: one row per place, one per movement, and the summary line."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.data.load import Dataset, load_dataset
from geo.query.aggregate import PLACE_COLUMNS
from geo.query.filters import Filters, filter_mask
from geo.vocab import ROLES
from tests.conftest import TINY, tiny_copy, write_dataset
from tests.oracle import aggregate_flows, aggregate_places, summary

DANDONG = TINY["reports"][0]["quote"]
PYONGYANG = TINY["reports"][2]["quote"]


def report(report_id: str, place_id: str, role: str, years: str, sectors: str, quote: str,
           from_place_id: str = "", from_basis: str = "", presence: str = "") -> dict[str, str]:
    """A stated report row like the tiny dataset's r2, with the given values."""
    start, _, end = years.partition("-")
    return dict(TINY["reports"][1], id=report_id, place_id=place_id, from_place_id=from_place_id,
                from_basis=from_basis or ("stated" if from_place_id else ""), presence=presence,
                role=role, date_start=start, date_end=end or start, sectors=sectors, quote=quote,
                workers_min="", workers_max="", workers_kind="")


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """Nine reports at four places, built so that ties and counts differ from alphabetical order.

    sectors.csv order is hospitality, unspecified, garments (not alphabetical).

    pyongyang       3 reports: event 2015, origin 2017, transit 2016 (a three-way role tie)
    dandong         2 reports: destination 2019 garments, event 2012-2013 hospitality (ties)
    jilin-province  2 reports: r3 2019-11 unspecified;garments, r7 2018 garments; both from pyongyang
                    (r3 stated, r7 inferred)
    ningbo          2 reports: r2 event 2016, r8 destination 2016-2018 from dandong (inferred), both
                    hospitality; r2 says few workers, r8 none

    dandong's r4 says few, but r1 reports workers there.
    """
    tables = tiny_copy()
    tables["reports"][1]["presence"] = "few"
    by_id = {row["id"]: row for row in tables["sectors"]}
    tables["sectors"] = [by_id["hospitality"], by_id["unspecified"], by_id["garments"]]
    tables["reports"] += [
        report("r4", "dandong", "event", "2012-2013", "hospitality", DANDONG, presence="few"),
        report("r5", "pyongyang", "event", "2015", "unspecified", PYONGYANG),
        report("r6", "pyongyang", "origin", "2017", "unspecified", PYONGYANG),
        report("r9", "pyongyang", "transit", "2016", "unspecified", PYONGYANG),
        report("r7", "jilin-province", "destination", "2018", "garments", PYONGYANG, "pyongyang", "inferred"),
        report("r8", "ningbo", "destination", "2016-2018", "hospitality", DANDONG, "dandong", "inferred",
               presence="none"),
    ]
    return load_dataset(write_dataset(tmp_path_factory.mktemp("aggregate") / "data", tables))


@pytest.fixture(scope="module")
def places(dataset: Dataset):
    """``aggregate_places`` over every report, indexed by place id."""
    return aggregate_places(dataset.reports, dataset.places, dataset.sector_matrix).set_index("place_id")


def test_places_sorted_by_count_then_name(dataset: Dataset) -> None:
    result = aggregate_places(dataset.reports, dataset.places, dataset.sector_matrix)
    assert list(result.columns) == PLACE_COLUMNS
    assert list(result["place_id"]) == ["pyongyang", "dandong", "jilin-province", "ningbo"]
    assert list(result["reports"]) == [3, 2, 2, 2]


@pytest.mark.parametrize(
    ("place_id", "role", "roles"),
    [
        # alphabetical order would pick "event" in both ties
        ("pyongyang", "origin", ("origin", "transit", "event")),
        ("dandong", "destination", ("destination", "event")),
        ("jilin-province", "destination", ("destination",)),
    ],
)
def test_main_role_ties_go_to_the_first_in_roles_order(places, place_id: str, role: str, roles: tuple) -> None:
    assert places.loc[place_id, "role"] == role
    assert places.loc[place_id, "roles"] == roles


@pytest.mark.parametrize(
    ("place_id", "sector", "sectors"),
    [
        ("dandong", "hospitality", ("hospitality", "garments")),  # tie: sectors.csv order wins
        ("jilin-province", "garments", ("garments", "unspecified")),  # count beats order
        ("pyongyang", "unspecified", ("unspecified",)),
    ],
)
def test_main_sector_is_most_frequent_then_first_in_sectors_csv(places, place_id: str, sector: str,
                                                                sectors: tuple) -> None:
    assert places.loc[place_id, "sector"] == sector
    assert places.loc[place_id, "sectors"] == sectors


@pytest.mark.parametrize(
    ("place_id", "span"),
    [("dandong", (2012, 2019)), ("pyongyang", (2015, 2017)), ("jilin-province", (2018, 2019)),
     ("ningbo", (2016, 2018))],  # the later report ends later than any starts
)
def test_year_span_covers_every_report(places, place_id: str, span: tuple[int, int]) -> None:
    assert (places.loc[place_id, "year_min"], places.loc[place_id, "year_max"]) == span


def test_place_rows_carry_coordinates_and_area_radius(places) -> None:
    assert (places.loc["dandong", "lat"], places.loc["dandong", "lon"]) == (40.1292, 124.3947)
    assert places.loc["jilin-province", "precision"] == "province"
    assert places.loc["jilin-province", "radius_km"] == 300


def test_filtered_reports_are_counted_with_the_full_sector_matrix(dataset: Dataset) -> None:
    """After a year filter only the 2019 reports count, and the sector comes from those alone."""
    recent = dataset.reports[filter_mask(dataset.reports, Filters(years=(2019, 2019)))]
    result = aggregate_places(recent, dataset.places, dataset.sector_matrix).set_index("place_id")
    assert result["reports"].to_dict() == {"dandong": 1, "jilin-province": 1}
    assert result.loc["dandong", "sector"] == "garments"
    assert (result.loc["dandong", "year_min"], result.loc["dandong", "year_max"]) == (2019, 2019)


def test_no_reports_gives_an_empty_table_with_the_columns(dataset: Dataset) -> None:
    result = aggregate_places(dataset.reports.iloc[:0], dataset.places, dataset.sector_matrix)
    assert result.empty and list(result.columns) == PLACE_COLUMNS


def test_flows_count_each_movement_once_per_report(dataset: Dataset) -> None:
    flows = aggregate_flows(dataset.reports, dataset.places)
    assert flows[["from_place_id", "to_place_id", "reports"]].values.tolist() == [
        ["dandong", "ningbo", 1],
        ["pyongyang", "jilin-province", 2],
    ]
    row = flows.iloc[1]
    assert (row["from_name"], row["to_name"]) == ("Pyongyang", "Jilin Province")
    assert (row["from_lat"], row["from_lon"], row["to_lat"], row["to_lon"]) == (39.0339, 125.7543, 43.7, 126.2)


def test_a_place_whose_reports_all_say_few_or_none_is_marked(places) -> None:
    """Only ``reported`` counts as a presence: dandong's 'few' report does not outweigh its other one."""
    assert places["presence"].to_dict() == {
        "pyongyang": "reported", "dandong": "reported", "jilin-province": "reported", "ningbo": "few",
    }


def test_place_presence_follows_the_filtered_reports(dataset: Dataset) -> None:
    old = dataset.reports[filter_mask(dataset.reports, Filters(years=(2012, 2013)))]
    result = aggregate_places(old, dataset.places, dataset.sector_matrix).set_index("place_id")
    assert result["presence"].to_dict() == {"dandong": "few"}


def test_flows_carry_whether_the_movement_is_stated_or_inferred(dataset: Dataset) -> None:
    """A movement is stated when any of its reports states it; ``stated_reports`` counts those."""
    flows = aggregate_flows(dataset.reports, dataset.places)
    assert flows[["from_place_id", "to_place_id", "basis", "reports", "stated_reports"]].values.tolist() == [
        ["dandong", "ningbo", "inferred", 1, 0],
        ["pyongyang", "jilin-province", "stated", 2, 1],
    ]


def test_flows_of_codes_match_aggregate_flows(dataset: Dataset) -> None:
    from geo.query.aggregate import ReportCodes, flows_of

    codes = ReportCodes.of(dataset.reports, dataset.places, dataset.sector_matrix)
    assert flows_of(codes, None, dataset.places).equals(aggregate_flows(dataset.reports, dataset.places))


def test_no_movements_gives_an_empty_flow_table(dataset: Dataset) -> None:
    still = dataset.reports[dataset.reports["from_place_id"] == ""]
    flows = aggregate_flows(still, dataset.places)
    assert flows.empty and "from_place_id" in flows.columns


def test_summary_line_counts_places_with_few_or_no_workers_apart() -> None:
    from geo.query.aggregate import summary_line

    assert summary_line(5, 3, (2019, 2019)) == "5 reports at 3 places · 2019"
    assert summary_line(5, 3, (2019, 2019), few_or_none=2) == (
        "5 reports at 3 places (2 with few or no workers) · 2019")


@pytest.mark.parametrize(
    ("ids", "places_shown", "years", "line"),
    [
        pytest.param(None, 4, None, "9 reports at 4 places (1 with few or no workers) · 2012–2019",
                     id="all"),
        pytest.param(["r2", "r8"], 1, None, "2 reports at 1 place (1 with few or no workers) · 2016–2018",
                     id="only-few-or-none"),
        pytest.param(["r1", "r4"], 1, None, "2 reports at 1 place · 2012–2019", id="few-beside-reported"),
        pytest.param(["r1"], 1, None, "1 report at 1 place · 2019", id="singular"),
        pytest.param(["r1", "r3"], 2, None, "2 reports at 2 places · 2019", id="one-year"),
        pytest.param(["r1", "r4"], 1, None, "2 reports at 1 place · 2012–2019", id="span-of-reports"),
        pytest.param(["r1"], 1, (2010, 2020), "1 report at 1 place · 2010–2020", id="years-given"),
        pytest.param(["r1"], 1, (2019, 2019), "1 report at 1 place · 2019", id="one-year-given"),
        pytest.param([], 0, None, "No reports match these filters", id="none"),
    ],
)
def test_summary_line(dataset: Dataset, ids: list[str] | None, places_shown: int,
                      years: tuple[int, int] | None, line: str) -> None:
    reports = dataset.reports if ids is None else dataset.reports[dataset.reports["id"].isin(ids)]
    assert summary(reports, places_shown, years=years) == line


# ---------------------------------------------------------------- the fast path against plain pandas

@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """2,000 synthetic reports at 60 places: many sector sets, roles and movements."""
    from geo.data.synth import synthesise

    return load_dataset(synthesise(tmp_path_factory.mktemp("synth") / "data", reports=2000, places=60, seed=7))


def plain_places(reports, sector_names: list[str]) -> dict[str, tuple]:
    """Per place: count, main role, main sector, sectors by count, year span; by pandas groupby."""
    expected = {}
    roles = list(ROLES)
    for place_id, group in reports.groupby(reports["place_id"].astype(str), observed=True):
        role_counts = group["role"].astype(str).value_counts()
        main_role = max(roles, key=lambda r: (role_counts.get(r, 0), -roles.index(r)))
        sector_counts = {s: sum(s in ids for ids in group["sector_ids"]) for s in sector_names}
        main_sector = max(sector_names, key=lambda s: (sector_counts[s], -sector_names.index(s)))
        ranked = tuple(sorted((s for s in sector_names if sector_counts[s]),
                              key=lambda s: (-sector_counts[s], sector_names.index(s))))
        expected[place_id] = (len(group), main_role, main_sector, ranked,
                              int(group["year_start"].min()), int(group["year_end"].max()))
    return expected


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=st.integers(2000, 2030), span=st.integers(0, 12), sector_pick=st.integers(0, 2**8 - 1))
def test_view_matches_plain_pandas(synthetic: Dataset, first: int, span: int, sector_pick: int) -> None:
    from geo.query.selection import build_view

    names = list(synthetic.sectors.index)
    sectors = tuple(s for bit, s in enumerate(names) if sector_pick >> bit & 1) or None
    filters = Filters(years=(first, first + span), sectors=sectors)
    view = build_view(synthetic, filters)
    reports = synthetic.reports[filter_mask(synthetic.reports, filters, sector_matrix=synthetic.sector_matrix)]
    assert list(view.reports(synthetic)["id"]) == list(reports["id"])
    got = {row.place_id: (row.reports, row.role, row.sector, row.sectors, row.year_min, row.year_max)
           for row in view.places.itertuples()}
    assert got == plain_places(reports, names)
    assert list(view.places["reports"]) == sorted(view.places["reports"], reverse=True)
    moving = reports[reports["from_place_id"].astype(str) != ""]
    pairs = moving.groupby([moving["from_place_id"].astype(str), moving["place_id"].astype(str)],
                           observed=True).size()
    assert {(f.from_place_id, f.to_place_id): f.reports for f in view.flows.itertuples()} == pairs.to_dict()
    assert view.summary == summary(reports, len(view.places), years=filters.years)


@pytest.mark.parametrize("which", ["synthetic", "dataset"])
def test_reports_per_year_matches_plain_pandas(which: str, request: pytest.FixtureRequest) -> None:
    from geo.reading.timeline import FEW_LABEL, reports_per_year

    data = request.getfixturevalue(which)
    reports = data.reports
    spans = reports["year_end"].astype(int) - reports["year_start"].astype(int) + 1
    rows = reports.loc[reports.index.repeat(spans), ["year_start", "sector_ids", "presence"]].copy()
    rows["year"] = rows["year_start"].astype(int) + rows.groupby(level=0).cumcount()
    # A report that says few or no workers counts once a year, apart from the sectors.
    few = rows["presence"].astype(str).isin(["few", "none"])
    per_sector = rows[~few].explode("sector_ids").groupby(["year", "sector_ids"]).size().reset_index(name="reports")
    per_sector["sector"] = per_sector["sector_ids"].map(data.sectors["label"].to_dict())
    apart = rows[few].groupby("year").size().reset_index(name="reports").assign(sector=FEW_LABEL)
    plain = pd.concat([per_sector, apart], ignore_index=True)
    got = reports_per_year(data)
    assert got.to_dict("list") == plain[["year", "sector", "reports"]].to_dict("list")
    if which == "dataset":
        assert FEW_LABEL in set(got["sector"])
