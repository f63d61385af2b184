"""Prefectures, counties, homonyms, references back and strays in drafting (issue 23), each on a sentence
written for its test."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.drafting.test_wire_copy import drafted


@pytest.fixture
def data(real_copy: Path) -> Path:
    """A copy of the real dataset with its seeds inside it."""
    return real_copy


def _places(text: str, data: Path) -> list[tuple[str, str]]:
    return [(name, row["place_id"]) for name, row in drafted(text, data)]


def test_an_autonomous_prefecture_is_drafted_as_the_prefecture_not_china(data: Path) -> None:
    text = "Around 900 North Korean workers gut fish in the Yanbian Korean Autonomous Prefecture, a trader said.\n"
    assert [name for name, _ in _places(text, data)] == ["Yanbian Korean Autonomous Prefecture"]


def test_an_autonomous_county_is_drafted_as_the_county(data: Path) -> None:
    text = "North Korean workers were seen at a wood mill in Kuandian Manchu Autonomous County last spring.\n"
    assert [name for name, _ in _places(text, data)] == ["Kuandian Manchu Autonomous County"]


def test_a_county_level_city_missing_from_geonames_cities_is_found_and_its_province_only_locates_it(
        data: Path) -> None:
    text = "About 80 North Korean women pack clams at a plant in Donggang, Liaoning, the owner said.\n"
    found = drafted(text, data)
    assert [name for name, _ in found] == ["Donggang"]
    assert "Liaoning" in found[0][1]["reason"]


def test_a_homonym_in_the_province_the_article_names_beats_a_larger_one(data: Path) -> None:
    """Heilongjiang's Fuyuan is a city in GeoNames; Yunnan has a Fuyuan County, which the words match better."""
    text = ("HARBIN, Heilongjiang - Some 300 North Korean laborers were taken to Fuyuan County to plant "
            "soybeans, farmers said.\n")
    found = drafted(text, data)
    assert [(name, row["workers_min"]) for name, row in found] == [("Fuyuan County", "300")]
    assert "Yunnan" not in found[0][1]["reason"]


def test_a_homonym_near_the_dateline_beats_one_elsewhere_when_no_province_is_named(data: Path) -> None:
    """Ji'an is a city in Jiangxi and a border city in Jilin; the dateline's Tonghua is next to the second."""
    text = "TONGHUA - A bus carried 60 North Korean workers from the bridge to a fish plant in Ji'an on Monday.\n"
    found = drafted(text, data)
    assert [name for name, _ in found] == ["Ji'an"]
    assert "Jilin" in found[0][1]["reason"] and "Jiangxi" not in found[0][1]["reason"].split("chose")[-1]


def test_a_sentence_about_the_same_workers_goes_to_the_place_just_named_not_china(data: Path) -> None:
    text = ("About 70 North Korean garment workers arrived in Hunchun in April, a broker said. "
            "The women work twelve hours a day and sleep in dormitories.\n")
    assert [name for name, _ in _places(text, data)] == ["Hunchun", "Hunchun"]


def test_more_workers_expected_there_are_drafted_at_the_place_of_the_sentence_before(data: Path) -> None:
    text = ("Some 50 North Korean workers started at a hotel in Yanji this month. Dozens more are due there "
            "before the new year, the hotel said.\n")
    assert [name for name, _ in _places(text, data)] == ["Yanji", "Yanji"]


def test_others_working_in_another_country_are_a_statement_of_their_own(data: Path) -> None:
    text = ("Investigators found 400 North Korean workers on Chinese fishing boats. Others were said to be "
            "working in Russia at timber yards.\n")
    assert "Russia" in [name for name, _ in _places(text, data)]


def test_a_capital_speaking_as_its_government_is_no_statement_and_no_china_fallback(data: Path) -> None:
    text = ("About 90 North Korean workers sew uniforms in Dandong, a manager said. Beijing has said it sends "
            "North Korean workers home when their permits end. Moscow and Beijing have denied hiring new ones.\n")
    assert [name for name, _ in _places(text, data)] == ["Dandong"]


def test_countries_a_city_borders_are_not_where_its_workers_are(data: Path) -> None:
    text = "Some 500 North Korean workers fillet cod in Hunchun, a city bordering Russia and North Korea.\n"
    assert [name for name, _ in _places(text, data)] == ["Hunchun"]


def test_a_province_in_apposition_only_locates_the_town(data: Path) -> None:
    text = "Around 120 North Korean women shell crabs in Donggang, a fishing town in Liaoning, a buyer said.\n"
    assert [name for name, _ in _places(text, data)] == ["Donggang"]


def test_a_policy_of_sending_workers_abroad_names_no_place(data: Path) -> None:
    text = "North Korea keeps sending workers abroad to earn the foreign currency its leaders need.\n"
    assert _places(text, data) == []


def test_a_head_count_of_workers_abroad_is_still_drafted_at_north_korea(data: Path) -> None:
    text = "North Korea had about 100,000 workers abroad in 2017, officials estimated.\n"
    assert [name for name, _ in _places(text, data)] == ["North Korea"]


def test_a_one_syllable_chinese_name_is_a_person_not_a_town(data: Path) -> None:
    text = "A North Korean worker who goes by the Chinese name Feng has sewed shirts in Dandong for a year.\n"
    assert [name for name, _ in _places(text, data)] == ["Dandong"]


def test_another_group_in_a_second_town_is_a_statement_about_workers(data: Path) -> None:
    text = ("About 300 North Korean workers pack crab in Hunchun, a trader said. In nearby Tumen, another 80 "
            "were cutting timber for a Chinese firm.\n")
    assert [name for name, _ in _places(text, data)] == ["Hunchun", "Tumen"]


def test_where_a_source_speaks_from_is_not_where_the_workers_are(data: Path) -> None:
    text = "About 250 North Korean workers reached a shoe plant in Shenyang, a trader in Dandong told reporters.\n"
    assert [name for name, _ in _places(text, data)] == ["Shenyang"]


def test_a_resident_of_a_north_korean_province_still_names_where_the_workers_come_from(data: Path) -> None:
    text = "A resident of Ryanggang Province said groups of 30 women from the province left to work in China.\n"
    assert "Ryanggang Province" in [name for name, _ in _places(text, data)]


@pytest.mark.parametrize("dateline", ["SEOUL, Dec. 3 (Yonhap) -- ", "BEIJING/SEOUL (Reuters) - ",
                                      "SEOUL, South Korea, March 5 (AP) — "])
def test_a_news_agency_dateline_is_where_the_story_was_filed_not_a_place_of_workers(dateline: str, data: Path) -> None:
    text = f"Workers abroad\n\n{dateline}About 100 North Korean workers arrived in Dandong last month, traders said.\n"
    assert [name for name, _ in _places(text, data)] == ["Dandong"]
