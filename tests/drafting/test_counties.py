"""China's prefectures and counties (geo/drafting/counties.py): English names, and agreement with GeoNames."""

from __future__ import annotations

import re

import pytest

from geo.drafting import counties
from geo.drafting import gazetteer as gz


@pytest.mark.parametrize(("name", "province", "precision"), [
    ("Yanbian Korean Autonomous Prefecture", "Jilin", "region"),
    ("Kuandian Manchu Autonomous County", "Liaoning", "county"),
    ("Changbai Korean Autonomous County", "Jilin", "county"),
    ("Donggang", "Liaoning", "city"),
    ("Hunchun", "Jilin", "city"),
    ("Ji'an", "Jilin", "city"),
])
def test_prefectures_and_counties_the_city_gazetteer_lacks_resolve(name: str, province: str, precision: str) -> None:
    found = [e for e in gz.name_index()[name] if e.admin1 == province]
    assert found and found[0].precision == precision


@pytest.mark.parametrize(("chinese", "english"), [
    ("延边朝鲜族自治州", "Yanbian Korean Autonomous Prefecture"),
    ("长白朝鲜族自治县", "Changbai Korean Autonomous County"),
    ("围场满族蒙古族自治县", "Weichang Manchu Mongol Autonomous County"),
    ("木垒哈萨克自治县", "Mulei Kazakh Autonomous County"),
    ("珲春市", "Hunchun"), ("集安市", "Ji'an"), ("和龙县", "Helong County"),
])
def test_english_names_keep_the_peoples_and_fix_readings_pypinyin_gets_wrong(chinese: str, english: str) -> None:
    assert counties.english_name(chinese)[1] == english


def test_a_county_under_a_city_of_the_same_name_does_not_take_its_bare_name() -> None:
    """Fuxin is the prefecture-level city; Fuxin Mongol Autonomous County is named in full."""
    assert {e.precision for e in gz.name_index()["Fuxin"] if e.admin1 == "Liaoning"} == {"city"}


def test_units_agree_with_geonames_where_both_have_the_place() -> None:
    """Where a GeoNames city of the same province carries a unit's Chinese name, both put it within 30 km
    (measured: 657 of 661), and most English names are the same (499 of 661; the others are mostly
    GeoNames naming the county seat's town, or a conventional spelling such as Lhasa for Lasa)."""
    cities, _ = gz._geonames()  # noqa: SLF001 - the same cache the gazetteer reads
    by_chinese: dict[str, list[dict]] = {}
    for city in cities.values():
        if city["countrycode"] == "CN":
            for alias in city["alternatenames"]:
                if re.fullmatch(r"[\u4e00-\u9fff]{2,}", alias):
                    by_chinese.setdefault(alias, []).append(city)
    both = near = same_name = 0
    for unit in counties.units():
        if unit.kind == "prefecture":
            continue
        found = [c for c in by_chinese.get(unit.chinese, []) + by_chinese.get(unit.chinese_base, [])
                 if gz.province_name("CN", c["admin1code"]) == unit.province]
        if not found:
            continue
        both += 1
        near += counties.km(unit.lat, unit.lon, found[0]["latitude"], found[0]["longitude"]) <= 30
        same_name += gz.fold(found[0]["name"]).replace(" ", "").lower() == unit.base.replace("'", "").lower()
    assert both > 500
    assert near / both >= 0.97
    assert same_name / both >= 0.7
