"""Rules meant to carry over to articles the drafter has never seen (issue 23, fifth round).

Each test is built on a sentence written for it: a province or region that only locates a city, a province named
with a lower-case "province", Inner Mongolia, where a source lives, who owns the boats, a North Korean studio.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.drafting.numbers import figures_in
from tests.drafting import drafts


@pytest.fixture
def data(real_copy: Path) -> Path:
    """A copy of the real dataset with its seeds inside it."""
    return real_copy


def names(text: str, data: Path, published: str = "2023-04-12") -> list[str]:
    """The place of each candidate drafted from ``text``."""
    return [name for name, _ in drafts.drafted(text, data, published)]


@pytest.mark.parametrize("sentence", [
    "About 800 North Korean women sew shirts in Tumen, a city in China's Jilin Province on the border.",
    "About 300 North Korean women have assembled circuit boards in Huizhou, in southern China's Guangdong Province, "
    "since 2020.",
])
def test_a_province_or_region_that_only_locates_the_city_is_not_a_second_place(sentence: str, data: Path) -> None:
    assert len(names(sentence + "\n", data)) == 1


def test_a_province_named_with_a_lower_case_province_is_that_province(data: Path) -> None:
    text = "Dozens of North Korean waitresses moved to restaurants in China's Sichuan province last year.\n"
    assert names(text, data) == ["Sichuan Province"]


def test_inner_mongolia_is_not_the_country_mongolia(data: Path) -> None:
    text = "About 60 North Korean miners work at a coal mine near Ordos in Inner Mongolia.\n"
    assert "Mongolia" not in names(text, data)


def test_where_a_source_who_fled_now_lives_is_not_where_the_workers_are(data: Path) -> None:
    text = ("About 200 North Korean loggers cut timber in Khabarovsk, according to a former logger who escaped from "
            "a camp and now lives in Seoul.\n")
    assert names(text, data) == ["Khabarovsk"]


def test_where_the_owners_of_the_boats_are_is_not_where_the_crews_are(data: Path) -> None:
    text = ("About 30 North Korean fishermen work aboard squid boats off Peru owned by companies in Zhoushan, "
            "the group said.\n")
    assert "Zhoushan" not in names(text, data)


def test_a_north_korean_city_s_studio_is_the_employer_not_an_origin(data: Path) -> None:
    text = "In Dakar, where Pyongyang's Mansudae studio built a monument, about 50 North Korean builders still work.\n"
    assert names(text, data) == ["Dakar"]


@pytest.mark.parametrize(("sentence", "published", "years"), [
    ("North Korean IT workers have lived in Shenyang since at least 2015, a trader said.", "2019-05-02",
     ("2015", "2019")),
    ("About 400 North Korean women have sewn coats in Dandong since around 2018.", "2021-03-09", ("2018", "2021")),
    ("About 600 North Korean women have been stuck in Tumen since the border was closed in 2020.", "2023-04-12",
     ("2020", "2023")),
    ("About 500 North Korean workers have been stuck in Tumen since the border closed in early 2020.", "2021-06-02",
     ("2020", "2021")),
])
def test_since_a_rough_year_or_an_event_in_a_year_runs_to_the_publication(sentence: str, published: str,
                                                                          years: tuple[str, str], data: Path) -> None:
    (_, row), = drafts.drafted(sentence + "\n", data, published)
    assert (row["date_start"][:4], row["date_end"][:4]) == years


def test_a_number_on_each_of_several_farms_is_per_unit() -> None:
    text = "About 40 North Koreans work on each of several farms leased by a North Korean company."
    assert [(f.low, f.high, f.kind) for f in figures_in(text)] == [(40, 40, "per_unit")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Between 60 and 80 were still at one plant there this spring.", [(60, 80, "estimate")]),
    ("Some 1,000 will leave by ship in May.", [(1000, 1000, "projection")]),
    ("In 2015, about 2,000 or more were in the country.", [(2000, None, "estimate")]),
])
def test_a_head_count_with_no_noun_that_opens_the_sentence_is_read(sentence: str, expected: list[tuple]) -> None:
    assert [(f.low, f.high, f.kind) for f in figures_in(sentence)] == expected


def test_a_sentence_that_opens_with_a_head_count_goes_on_about_the_workers_before(data: Path) -> None:
    text = ("About 300 North Korean women sewed shirts in Yanji last year.\n\n"
            "Between 60 and 80 were still at one plant there this spring, a trader said.\n")
    rows = drafts.drafted(text, data, "2023-06-01")
    assert [(name, row["workers_min"], row["workers_max"]) for name, row in rows][1:] == [("Yanji", "60", "80")]


def test_a_bare_head_count_after_a_sentence_about_workers_is_at_the_place_named_before(data: Path) -> None:
    text = ("North Korean women have been entering Tumen in groups since early May, a trader in the city said.\n\n"
            "Already more than 100 have come.\n")
    rows = drafts.drafted(text, data, "2023-06-01")
    assert [(name, row["workers_min"]) for name, row in rows][-1] == ("Tumen", "100")


def test_a_sentence_naming_no_place_in_a_story_abroad_is_not_drafted_at_the_whole_country(data: Path) -> None:
    text = ("KHABAROVSK, Russia - About 300 North Korean builders work in Khabarovsk for Chinese firms.\n\n"
            "More North Koreans now work in construction than in farming, where wages are lower.\n")
    assert names(text, data) == ["Khabarovsk"]


def test_a_hotel_where_the_workers_live_is_not_their_sector(data: Path) -> None:
    text = "About 30 North Korean IT workers have lived in Dalian since 2019, some of them at a hotel near the port.\n"
    (_, row), = drafts.drafted(text, data, "2023-06-01")
    assert row["sectors"] == "it"


def test_a_hotel_where_the_workers_live_and_work_is_their_sector(data: Path) -> None:
    text = "About 30 North Korean waitresses live and work at a hotel in Dalian.\n"
    (_, row), = drafts.drafted(text, data, "2023-06-01")
    assert row["sectors"] == "hospitality"


def test_a_smaller_city_abroad_that_opens_the_sentence_after_in_is_read(data: Path) -> None:
    text = ("About 40 North Korean waitresses work in Cambodia.\n\n"
            "In Siem Reap, about 20 North Korean waitresses work at one restaurant.\n")
    assert names(text, data)[-1] == "Siem Reap"


def test_north_korean_factories_at_home_are_not_an_origin_of_workers_abroad(data: Path) -> None:
    text = ("SEOUL - Hair products are North Korea's top export to China, with most of the work done by women in "
            "factories in Pyongyang and Sinuiju.\n")
    assert names(text, data) == []


def test_workers_sent_from_factories_in_a_north_korean_city_still_come_from_it(data: Path) -> None:
    text = "About 200 women from factories in Sinuiju were sent to sew coats in Dandong.\n"
    assert set(names(text, data)) == {"Sinuiju", "Dandong"}


def test_there_are_more_in_another_clause_is_a_quantity_of_its_own(data: Path) -> None:
    text = "About 300 North Korean women sew clothes in Mudanjiang, and there are more at a shoe factory in Harbin.\n"
    rows = {name: (row["workers_min"], row["workers_max"]) for name, row in drafts.drafted(text, data, "2023-06-01")}
    assert rows == {"Mudanjiang": ("300", "300"), "Harbin": ("", "")}


def test_a_range_before_a_verb_is_read_as_a_range() -> None:
    text = "Between 100 and 150 work on each of several farms leased by a North Korean company."
    assert [(f.low, f.high, f.kind) for f in figures_in(text)] == [(100, 150, "per_unit")]


def test_this_winter_in_january_began_in_the_december_before(data: Path) -> None:
    text = "About 900 North Korean loggers are cutting timber near Khabarovsk this winter.\n"
    (_, row), = drafts.drafted(text, data, "2016-01-20")
    assert (row["date_start"][:4], row["date_end"][:4]) == ("2015", "2016")


def test_a_country_named_before_a_city_in_it_in_the_same_clause_only_locates_the_city(data: Path) -> None:
    text = "Across the border in Cambodia, two restaurants in Phnom Penh still employ North Korean waitresses.\n"
    assert names(text, data) == ["Phnom Penh"]


def test_several_hundred_more_at_a_named_place_is_about_workers_after_a_sentence_about_someone_else(
        data: Path) -> None:
    text = ("SEOUL - About 2,500 North Korean workers rioted at garment factories in Helong in January.\n\n"
            "A North Korean official was beaten during the unrest.\n\n"
            "Several hundred more at seafood plants in Hunchun joined a sit-in.\n")
    assert "Hunchun" in names(text, data, "2024-02-05")


def test_several_hundred_more_has_no_upper_bound() -> None:
    text = "Several hundred more at seafood plants in Hunchun joined the sit-in."
    assert [(f.low, f.high, f.kind) for f in figures_in(text)] == [(300, None, "estimate")]
