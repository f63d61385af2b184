"""Tests for geo.query.filters: one table of filter inputs and the report ids they keep, and the
declaration everything else about a filter comes from."""

from __future__ import annotations

from dataclasses import fields

import pytest

from geo.data.load import Dataset, load_dataset
from geo.query.filters import FILTERS, Filters, filter_mask
from tests.conftest import TINY, tiny_copy, write_dataset

SECOND_SEED = "Waitresses from Pyongyang worked in Chinese restaurants from 2014 to 2017.\n"


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The tiny dataset plus r4, a multi-year report (2014-2017) from a second source.

    r1  2019     garments              destination  src-a  "...textile factories in Dandong."
    r2  2016     hospitality           event        src-a  "...restaurant staff left Ningbo..."
    r3  2019-11  unspecified;garments  destination  src-a  "Workers from Pyongyang were sent..."
    r4  2014-17  hospitality;unspecified  origin    src-b  "Waitresses from Pyongyang worked..."
    """
    tables = tiny_copy()
    tables["sources"].append(dict(TINY["sources"][0], id="src-b", seed_file="b.txt"))
    tables["reports"].append(dict(
        TINY["reports"][1], id="r4", place_id="pyongyang", source_id="src-b", role="origin",
        date_start="2014", date_end="2017", sectors="hospitality;unspecified",
        quote=SECOND_SEED.strip(),
    ))
    folder = write_dataset(tmp_path_factory.mktemp("filters") / "data", tables)
    (folder / "seeds" / "b.txt").write_text(SECOND_SEED, encoding="utf-8")
    return load_dataset(folder)


ALL = ["r1", "r2", "r3", "r4"]

CASES = [
    pytest.param({}, ALL, id="no-filters"),
    # years: a report passes when its period overlaps the range, both ends inclusive
    pytest.param({"years": (2010, 2030)}, ALL, id="years-all"),
    pytest.param({"years": (2019, 2019)}, ["r1", "r3"], id="years-one-year"),
    pytest.param({"years": (2017, 2018)}, ["r4"], id="years-touch-end-of-period"),
    pytest.param({"years": (2010, 2014)}, ["r4"], id="years-touch-start-of-period"),
    pytest.param({"years": (2015, 2015)}, ["r4"], id="years-inside-period"),
    pytest.param({"years": (2016, 2016)}, ["r2", "r4"], id="years-single-and-period"),
    pytest.param({"years": (2018, 2018)}, [], id="years-gap"),
    pytest.param({"years": (2020, 2030)}, [], id="years-after-everything"),
    # sectors: any of
    pytest.param({"sectors": ["garments"]}, ["r1", "r3"], id="sector-one"),
    pytest.param({"sectors": ["unspecified"]}, ["r3", "r4"], id="sector-second-in-list"),
    pytest.param({"sectors": ["garments", "hospitality"]}, ALL, id="sectors-any-of"),
    pytest.param({"sectors": ["hospitality", "no-such-sector"]}, ["r2", "r4"], id="sectors-unknown-ignored"),
    pytest.param({"sectors": ["no-such-sector"]}, [], id="sectors-only-unknown"),
    pytest.param({"sectors": []}, [], id="sectors-empty-selection"),
    # roles and sources: one of
    pytest.param({"roles": ["destination"]}, ["r1", "r3"], id="role-one"),
    pytest.param({"roles": ["origin", "event"]}, ["r2", "r4"], id="roles-two"),
    pytest.param({"roles": []}, [], id="roles-empty-selection"),
    pytest.param({"sources": ["src-b"]}, ["r4"], id="source-one"),
    pytest.param({"sources": ["src-a", "src-b"]}, ALL, id="sources-all"),
    pytest.param({"sources": []}, [], id="sources-empty-selection"),
    # text: case-insensitive, literal, in the quote
    pytest.param({"text": "pyongyang"}, ["r3", "r4"], id="text-lower-case"),
    pytest.param({"text": "NINGBO"}, ["r2"], id="text-upper-case"),
    pytest.param({"text": "restaurant"}, ["r2", "r4"], id="text-part-of-word"),
    pytest.param({"text": "."}, ALL, id="text-dot-is-literal"),
    pytest.param({"text": ".*Dandong"}, [], id="text-not-a-regex"),
    pytest.param({"text": ""}, ALL, id="text-empty-means-no-filter"),
    pytest.param({"text": "Shenyang"}, [], id="text-no-match"),
    # combined: every filter must pass
    pytest.param({"years": (2016, 2019), "sectors": ["garments"]}, ["r1", "r3"], id="years-and-sector"),
    pytest.param({"years": (2016, 2016), "roles": ["event", "origin"], "text": "thirty"}, ["r2"],
                 id="years-roles-text"),
    pytest.param({"sectors": ["hospitality"], "sources": ["src-a"]}, ["r2"], id="sector-and-source"),
    pytest.param({"years": (2019, 2019), "roles": ["origin"]}, [], id="combined-nothing-left"),
]


def kept(reports) -> list[str]:
    return sorted(reports["id"])


def select(reports, sector_matrix=None, **values):
    """The reports passing ``Filters(**values)``; lists become tuples, as the widgets' values do."""
    values = {key: tuple(value) if isinstance(value, list) else value for key, value in values.items()}
    return reports[filter_mask(reports, Filters(**values), sector_matrix=sector_matrix)]


@pytest.mark.parametrize(("filters", "expected"), CASES)
@pytest.mark.parametrize("use_matrix", [True, False], ids=["sector-matrix", "sector-cells"])
def test_filter_mask(dataset: Dataset, filters: dict, expected: list[str], use_matrix: bool) -> None:
    """The same answers whether sectors come from the precomputed matrix or the ``sectors`` cells."""
    matrix = dataset.sector_matrix if use_matrix else None
    assert kept(select(dataset.reports, matrix, **filters)) == expected


def test_filtering_a_filtered_subset_with_the_full_sector_matrix(dataset: Dataset) -> None:
    """The matrix is matched to reports by index, not position, so filters can be chained."""
    recent = select(dataset.reports, years=(2016, 2019))
    assert kept(recent) == ALL
    later = recent[recent["id"] != "r1"]
    assert kept(select(later, dataset.sector_matrix, sectors=["garments"])) == ["r3"]


def test_filters_do_not_change_the_reports_table(dataset: Dataset) -> None:
    before = dataset.reports.copy()
    select(dataset.reports, dataset.sector_matrix, years=(2019, 2019), text="x")
    assert dataset.reports.equals(before)


def test_each_filter_is_declared_once_for_every_field() -> None:
    assert [spec.name for spec in FILTERS] == [field.name for field in fields(Filters)]
    assert len({spec.key for spec in FILTERS}) == len({spec.cli for spec in FILTERS}) == len(FILTERS)


@pytest.mark.parametrize(("values", "expected"), [
    ({}, Filters()),
    ({"years": [2019, 2013]}, Filters(years=(2013, 2019))),  # a link's years, in either order
    ({"sector": ["garments"], "role": [], "source": None, "q": "  "}, Filters(sectors=("garments",))),
    ({"q": " Ningbo ", "abroad": True}, Filters(text="Ningbo", abroad=True)),
    ({"years": (2016, 2016), "role": ("event",), "unrelated": "x"}, Filters(years=(2016, 2016), roles=("event",))),
])
def test_filters_from_widget_values(values: dict, expected: Filters) -> None:
    """Keys are the filters' URL keys; an empty widget filters nothing."""
    assert Filters.from_values(values) == expected


def test_the_command_line_has_a_flag_for_every_filter() -> None:
    from geo.cli import build_parser

    args = build_parser().parse_args(["export", "--format", "csv", "-o", "x.csv", "--years", "2017-2019",
                                      "--roles", "origin,event", "--text", "Ningbo", "--abroad"])
    assert Filters.from_values(vars(args)) == Filters(years=(2017, 2019), roles=("origin", "event"),
                                                      text="Ningbo", abroad=True)


@pytest.mark.parametrize(
    ("filters", "description"),
    [
        (Filters(abroad=True), "none (all reports)"),
        (Filters(), "places in China and North Korea only"),
        (Filters(years=(2016, 2019), abroad=True), "years 2016–2019"),
        (Filters(years=(2016, 2019)), "years 2016–2019; places in China and North Korea only"),
        (Filters(sectors=("garments", "seafood"), roles=(), abroad=True), "sectors garments, seafood; roles (none)"),
        (Filters(sources=("src-a",), text="Ningbo", abroad=True), "sources src-a; quote contains 'Ningbo'"),
    ],
)
def test_describe_says_what_was_filtered(filters: Filters, description: str) -> None:
    assert filters.describe() == description



# --- beyond China: left out unless asked for ------------------------------------------------------

RUSSIA_SEED = "Workers were sent to Russia and to Southeast Asia.\n"


@pytest.fixture(scope="module")
def with_abroad(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The tiny dataset plus r5 in Russia (RU) and r6 in Southeast Asia (a region with no country code)."""
    tables = tiny_copy()
    tables["sources"].append(dict(TINY["sources"][0], id="src-b", seed_file="b.txt"))
    tables["places"] += [
        dict(TINY["places"][3], id="russia", name="Russia", admin1="", country="RU", lat="61.5", lon="105.0",
             precision="country", radius_km="2000"),
        dict(TINY["places"][3], id="southeast-asia", name="Southeast Asia", admin1="", country="", lat="10.0",
             lon="110.0", precision="region", radius_km="2000"),
    ]
    for report_id, place_id in (("r5", "russia"), ("r6", "southeast-asia")):
        tables["reports"].append(dict(TINY["reports"][1], id=report_id, place_id=place_id, source_id="src-b",
                                      quote=RUSSIA_SEED.strip()))
    folder = write_dataset(tmp_path_factory.mktemp("abroad") / "data", tables)
    (folder / "seeds" / "b.txt").write_text(RUSSIA_SEED, encoding="utf-8")
    return load_dataset(folder)


def test_places_beyond_china_are_left_out_by_default(with_abroad: Dataset) -> None:
    assert kept(select(with_abroad.reports)) == ALL[:3]


def test_places_beyond_china_are_kept_when_asked_for(with_abroad: Dataset) -> None:
    everything = ["r1", "r2", "r3", "r5", "r6"]
    assert kept(select(with_abroad.reports, abroad=True)) == everything


@pytest.mark.parametrize(("country", "beyond"), [("CN", False), ("KP", False), ("RU", True), ("KR", True),
                                                 ("AE", True), ("", True), (None, True)])
def test_beyond_china_follows_the_country_code(country: str | None, beyond: bool) -> None:
    import pandas as pd

    from geo.query.filters import beyond_china_mask

    assert beyond_china_mask(pd.DataFrame({"country": [country]})).tolist() == [beyond]


def test_beyond_china_mask_over_a_table(with_abroad: Dataset) -> None:
    from geo.query.filters import beyond_china_mask

    reports = with_abroad.reports.set_index("id")
    assert dict(zip(reports.index, beyond_china_mask(reports), strict=True)) == {
        "r1": False, "r2": False, "r3": False, "r5": True, "r6": True}


def test_an_empty_widget_value_filters_nothing() -> None:
    """What Clear all puts in each widget reads back as no filter at all."""
    values = {spec.key: spec.empty((2010, 2025)) for spec in FILTERS}
    assert Filters.from_values(values) == Filters(years=(2010, 2025))
