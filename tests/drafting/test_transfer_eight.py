"""Rules meant to carry over to articles the drafter has never seen (issue 23, eighth round).

Each test is built on a sentence written for it: a quotation that opens on "They" goes on about the workers of the
sentence before.
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


def names(text: str, data: Path, published: str = "2024-05-20") -> list[str]:
    """The place of each candidate drafted from ``text``."""
    return [name for name, _ in drafts.drafted(text, data, published)]


@pytest.mark.parametrize("opening", ['"', "“"])
def test_a_quotation_opening_on_they_goes_on_about_the_workers_before(opening: str, data: Path) -> None:
    text = ("About 200 North Korean women sew coats at a factory in Hunchun, a manager said.\n\n"
            f"{opening}They came in three groups, the last one in 2022,” the manager said.\n")
    rows = drafts.drafted(text, data, "2024-05-20")
    assert [(name, row["quote"][:9]) for name, row in rows] == [("Hunchun", "About 200"), ("Hunchun", "They came")]


@pytest.mark.parametrize(("text", "expected"), [
    ("About 300 North Koreans work on farms in Mishan, officials in Harbin said.\n", ["Mishan"]),
    ("About 300 North Korean women sew coats at a factory in Hunchun, the Changchun source said.\n", ["Hunchun"]),
    ("North Korean cooks still work in two restaurants in Vientiane, a Bangkok-based diplomat said.\n", ["Vientiane"]),
])
def test_a_place_that_only_says_where_a_speaker_is_is_not_where_workers_are(text: str, expected: list,
                                                                             data: Path) -> None:
    assert names(text, data) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Neighbouring Kuwait had some 6,000 North Korean laborers on building sites last year.\n", ["Kuwait"]),
    ("Nearby Hunchun has about 2,000 North Korean women in its fish plants.\n", ["Hunchun"]),
    ("Landlocked Mongolia took in about 1,200 North Korean builders in 2016.\n", ["Mongolia"]),
])
def test_a_word_capitalised_only_as_the_first_of_the_sentence_is_not_part_of_a_place_name(
        text: str, expected: list, data: Path) -> None:
    assert names(text, data) == expected


@pytest.mark.parametrize("text", [
    "PHNOM PENH, Cambodia (AP) - Two North Korean restaurants still serve diners here, staff said.\n\n"
    "A third North Korean restaurant in the Cambodian capital shut in 2019 and its waitresses moved to Siem Reap, "
    "a manager said.\n",
    "North Korean restaurants in Battambang and Siem Reap are still open.\n\n"
    "A third North Korean restaurant in the Cambodian capital shut in 2019 and its waitresses moved to Siem Reap, "
    "a manager said.\n",
])
def test_the_capital_named_by_its_countrys_adjective_is_that_capital_beside_other_places(text: str,
                                                                                         data: Path) -> None:
    assert sorted(names(text, data, "2020-03-02")[-2:]) == ["Phnom Penh", "Siem Reap"]


@pytest.mark.parametrize(("text", "expected"), [
    ("About 2,000 North Koreans are believed to work in Angola. Britain and the United States, which drafted the "
     "sanctions, have urged its government to send them home.\n", ["Angola"]),
    ("Some 300 North Korean loggers work in Khabarovsk. Japan has no direct channel to the Kremlin on the North "
     "Korean loggers.\n",
     ["Khabarovsk"]),
])
def test_a_country_that_acts_as_its_government_is_not_where_workers_are(text: str, expected: list,
                                                                         data: Path) -> None:
    assert names(text, data, "2019-06-01") == expected


@pytest.mark.parametrize("text", [
    "There are far fewer North Korean workers in Hainan than in Liaoning and Jilin, where thousands still work.\n",
    "The number of North Korean workers in Hainan is smaller than in the border provinces of Liaoning and Jilin, "
    "where tens of thousands remain, officials say.\n",
])
def test_a_compared_place_where_the_sentence_counts_workers_is_where_workers_are(text: str, data: Path) -> None:
    assert {"Liaoning Province", "Jilin Province"} <= set(names(text, data))


def test_a_place_named_only_for_comparison_is_still_left_out(data: Path) -> None:
    text = "North Korean builders in Hunchun are paid less than Chinese builders in Harbin, where wages are high.\n"
    assert names(text, data) == ["Hunchun"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("That is down from a peak of about 2,100 in 2013, officials said.", [(2100, 2100, "estimate")]),
    ("The figure was about 400 the year before.", [(400, 400, "estimate")]),
    ("That compares with 900 a year earlier, the ministry said.", [(900, 900, "count")]),
    ("That was in 2013.", []),
])
def test_another_figure_for_the_number_before_is_a_figure(sentence: str, expected: list) -> None:
    assert [(f.low, f.high, f.kind) for f in figures_in(sentence)] == expected


def test_another_figure_for_the_number_before_is_at_that_numbers_place(data: Path) -> None:
    text = ("HAVANA, Cuba - About 500 North Koreans worked in Cuba last year, officials said.\n\n"
            "That is down from a peak of about 900 in 2015, officials said, after a contract at a port in Mariel "
            "ended.\n")
    rows = drafts.drafted(text, data, "2019-05-02")
    assert ("Cuba", "900") in [(name, row.get("workers_min", "")) for name, row in rows]


@pytest.mark.parametrize("second", [
    "Jilin officials said in a statement that no North Korean workers hold permits in the province.",
    "No North Koreans have worked there since, residents said.",
])
def test_a_sentence_saying_no_workers_are_there_is_not_a_statement(second: str, data: Path) -> None:
    text = f"About 300 North Korean women worked at a fish plant in Hunchun until 2019.\n\n{second}\n"
    assert names(text, data, "2021-05-02") == ["Hunchun"]


def test_a_quotation_opening_on_a_head_count_is_a_figure_of_the_workers(data: Path) -> None:
    text = ("VLADIVOSTOK, Russia - About 3,000 North Korean workers remain on building sites in the city.\n\n"
            "\"Some 1,000 will leave from Vladivostok by ship this spring,\" a Russian construction official said.\n")
    rows = drafts.drafted(text, data, "2019-03-01")
    assert [(name, row.get("workers_min", "")) for name, row in rows] == [("Vladivostok", "3000"),
                                                                         ("Vladivostok", "1000")]
    assert [f.as_stated for f in figures_in("\"Some 1,000 will leave by ship,\" he said.")] == ["Some 1,000 will leave"]


def test_the_city_means_the_city_the_sentence_names_before_it_even_as_a_speakers_seat(data: Path) -> None:
    text = ("About 200 North Korean women sew coats in Yanji, a manager said.\n\n"
            "North Korean builders were also seen in Hunchun last year.\n\n"
            "A trader in Tumen said about 300 North Koreans still work in the city's garment plants.\n")
    assert names(text, data, "2020-03-02") == ["Yanji", "Hunchun", "Tumen"]


def test_the_town_a_sentence_refers_back_to_is_kept_beside_a_region_it_names(data: Path) -> None:
    text = ("About 300 North Korean builders work in Heihe, residents said.\n\n"
            "About 80 of them are putting up flats near the town's railway station, one resident said, adding that "
            "a similar number had gone to Russia's Amur region last year.\n")
    assert "Heihe" in names(text, data, "2019-03-02")[1:]


@pytest.mark.parametrize(("text", "expected"), [
    ("North Korean waitresses work in restaurants across South-East Asia, diplomats said.\n", ["Southeast Asia"]),
])
def test_south_east_asia_is_read_in_either_spelling(text: str, expected: list, data: Path) -> None:
    assert names(text, data, "2019-03-02") == expected


@pytest.mark.parametrize("second", [
    "\"Nobody has told us they are going home,\" a Chinese co-worker said.",
    "\"The Chinese farm hands are old, so the owners want the North Koreans,\" he said.",
])
def test_a_quotation_naming_no_place_and_no_figure_is_not_a_statement_about_china(second: str, data: Path) -> None:
    text = f"About 300 North Korean women make wigs at a factory in Hunchun, a manager said.\n\n{second}\n"
    assert names(text, data, "2019-03-02") == ["Hunchun"]


@pytest.mark.parametrize("text", [
    "Chinese companies in Yanbian had asked for North Korean farmhands in recent years, the partners added.\n",
    "Growers in Yanbian took on North Korean farm hands last summer.\n",
])
def test_farm_hands_are_workers(text: str, data: Path) -> None:
    assert names(text, data, "2019-03-02") == ["Yanbian Korean Autonomous Prefecture"]
