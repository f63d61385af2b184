"""Rules meant to carry over to articles the drafter has never seen (issue 23, seventh round).

Each test is built on a sentence written for it: figures given as "N of its own laborers", "putting their number at",
"in groups of N to M".
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


def bounds(sentence: str) -> list[tuple[int | None, int | None, str]]:
    """Each figure of ``sentence`` as (low, high, kind)."""
    return [(f.low, f.high, f.kind) for f in figures_in(sentence)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("A Chinese builder has kept between 40 and 60 of its own North Korean laborers at the site since 2019.",
     [(40, 60, "estimate")]),
    ("The firm brought 250 of its own workers to the dam.", [(250, 250, "count")]),
])
def test_a_number_of_its_own_workers_is_a_figure(sentence: str, expected: list) -> None:
    assert bounds(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("North Korean loggers keep arriving in the region, officials said, putting their number at about 3,000 or more.",
     [(3000, None, "estimate")]),
    ("Local officials put their number at 1,200 last spring.", [(1200, 1200, "count")]),
])
def test_putting_their_number_at_a_figure_is_a_figure(sentence: str, expected: list) -> None:
    assert bounds(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The women are driven to the plants in groups of 20 to 25.", [(20, 25, "per_group")]),
    ("They arrived in three groups of 40, a broker said.", [(40, 40, "per_group")]),
    ("The company sends its cooks in batches of between 10 and 12.", [(10, 12, "per_group")]),
])
def test_groups_of_a_number_are_the_size_of_each_group(sentence: str, expected: list) -> None:
    assert bounds(sentence) == expected


def test_a_country_a_town_faces_is_not_where_workers_are(data: Path) -> None:
    text = "North Korean builders are putting up flats in Suifenhe, a Chinese border town that faces Russia.\n"
    assert names(text, data) == ["Suifenhe"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Managers at three fish plants in the zone said they employ between 80 and 90 North Koreans each.",
     [(80, 90, "per_unit")]),
    ("Teams of between 20 and 30 workers each were seen at the sites.", [(20, 30, "per_group")]),
])
def test_a_number_each_of_several_companies_is_per_unit(sentence: str, expected: list) -> None:
    assert bounds(sentence) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("About 900 North Korean women work in Yanji, most of them girls who came by train from Hoeryong.\n",
     [("Yanji", "900"), ("Hoeryong", "")]),
])
def test_the_place_of_most_or_many_of_them_does_not_get_the_total(text: str, expected: list, data: Path) -> None:
    rows = drafts.drafted(text, data, "2019-05-02")
    assert [(name, row.get("workers_min", "")) for name, row in rows] == expected


@pytest.mark.parametrize("sentence", [
    "A second source, a Chinese trader who often travels to the border, said groups of North Korean builders had "
    "been seen at sites in Tumen last year.",
    "A garment workshop in Yanji that hired North Korean seamstresses in 2015 no longer does, its owner said.",
])
def test_a_statement_resting_on_one_unnamed_person_is_hedged_even_outside_its_clause(sentence: str,
                                                                                     data: Path) -> None:
    rows = drafts.drafted(sentence + "\n", data, "2019-05-02")
    assert rows and rows[-1][1]["caution"]


def test_the_capital_under_a_dateline_is_read_beside_its_country(data: Path) -> None:
    text = ("ULAANBAATAR, May 3 (Reuters) - About 900 North Koreans were working in Mongolia last year, most of them "
            "on building sites in the capital.\n")
    rows = drafts.drafted(text, data, "2016-05-03")
    assert [(name, row.get("workers_min", "")) for name, row in rows] == [("Mongolia", "900"), ("Ulan Bator", "")]


def test_they_brought_in_from_one_place_by_way_of_another_are_at_the_place_named_before(data: Path) -> None:
    text = ("Some 300 North Korean women sew shirts at a factory in Yanji.\n\nThey were brought in from Hoeryong by "
            "way of Tumen in 2018.\n")
    assert sorted(names(text, data)) == ["Hoeryong", "Tumen", "Yanji", "Yanji"]


@pytest.mark.parametrize("second", [
    "Many of the workers were women who had been sent in groups of 100.",
    "At least eight plants in the town used North Korean labor despite a UN ban.",
])
def test_a_sentence_going_on_about_the_workers_or_the_town_stays_at_the_town(second: str, data: Path) -> None:
    text = f"More than 500 North Korean workers were employed at fish plants in Donggang last year.\n\n{second}\n"
    assert names(text, data) == ["Donggang", "Donggang"]


def test_a_province_named_bare_after_across_is_the_province(data: Path) -> None:
    text = "Brokers put the number of North Korean women in sewing plants across Zhejiang at several thousand.\n"
    assert names(text, data) == ["Zhejiang Province"]


def test_pay_handed_to_supervisors_is_no_statement(data: Path) -> None:
    text = ("HUNCHUN, China - About 500 North Korean women peel shrimp at plants in Hunchun.\n\nTheir pay, about 1,500 "
            "yuan a month, is handed to North Korean supervisors rather than to them, the managers said.\n")
    assert names(text, data) == ["Hunchun"]


@pytest.mark.parametrize(("sentence", "sector"), [
    ('"You see them on the scaffolding at night," said a foreman at a Yanji developer.', "construction"),
    ("North Korean workers were hired for a bridge project in Tumen until 2018.", "construction"),
])
def test_scaffolding_and_a_bridge_project_are_construction_and_a_developer_of_a_city_is_not_it(
        sentence: str, sector: str, data: Path) -> None:
    rows = drafts.drafted("About 300 North Korean builders work in Yanji.\n\n" + sentence + "\n", data, "2019-05-02")
    assert rows[-1][1]["sectors"] == sector



@pytest.mark.parametrize(("sentence", "published", "years"), [
    ("About 60 North Korean women started at a sewing plant in Yanji in the autumn.", "2018-02-20", ("2017", "2017")),
    ("About 60 North Korean builders arrived in Yanji in the spring.", "2019-06-18", ("2019", "2019")),
])
def test_a_season_that_has_begun_is_the_latest_one_before_publication(sentence: str, published: str,
                                                                       years: tuple[str, str], data: Path) -> None:
    rows = drafts.drafted(sentence + "\n", data, published)
    assert [(row["date_start"][:4], row["date_end"][:4]) for _, row in rows] == [years]


def test_the_number_of_workers_across_a_province_put_at_several_thousand(data: Path) -> None:
    text = "Brokers put the number of North Korean women in sewing plants across Zhejiang at several thousand.\n"
    rows = drafts.drafted(text, data, "2018-02-20")
    assert [(name, row["workers_min"], row["workers_max"], row["workers_kind"]) for name, row in rows] == [
        ("Zhejiang Province", "3000", "", "estimate")]


@pytest.mark.parametrize("second", ["Others picked apples on farms south of the capital.",
                                    "Others picked apples on orchards near Grojec, south of the capital."])
def test_a_place_south_of_the_capital_is_not_the_capital(second: str, data: Path) -> None:
    text = f"WARSAW, Poland - About 400 North Koreans worked in Poland last year.\n\n{second}\n"
    assert "Warsaw" not in names(text, data)


@pytest.mark.parametrize(("sentence", "place"), [
    ("Deep in the taiga north of Khabarovsk, North Korean logging brigades have cut timber for decades.",
     "Khabarovsk Krai"),
    ("About 300 North Korean women work at farms south of Mishan.", "Heilongjiang Province"),
])
def test_a_city_the_direction_is_taken_from_stands_for_its_region(sentence: str, place: str, data: Path) -> None:
    assert names(sentence + "\n", data) == [place]


def test_a_buyer_saying_it_did_not_know_of_the_workers_is_no_statement(data: Path) -> None:
    text = ("About 200 North Korean women sew jackets at a plant in Dalian.\n\nA German outdoor brand whose coats were "
            "made at the Dalian plant said it had not been aware of the workers and would investigate.\n")
    assert names(text, data) == ["Dalian"]


@pytest.mark.parametrize("second", [
    "Young Chinese women no longer take such jobs, which pay little, he said.",
    "Pyongyang has not sent large new groups to China since the border reopened.",
    "The moves reflect rising wages in the border region, the sources said.",
])
def test_other_workers_workers_not_sent_and_wage_levels_are_no_statement(second: str, data: Path) -> None:
    text = f"About 300 North Korean women sew shirts at a plant in Yanji, China.\n\n{second}\n"
    assert names(text, data) == ["Yanji"]


def test_the_home_countries_of_other_workers_who_speak_are_not_places_of_workers(data: Path) -> None:
    text = ("North Korean laborers were still at work on two sites in Doha this month, according to workers from Nepal "
            "and India who share the sites.\n")
    assert names(text, data) == ["Doha"]


def test_the_price_of_labour_in_two_places_is_not_where_workers_are(data: Path) -> None:
    text = ('About 200 North Korean women glue eyelashes in Pingdu.\n\n"Labour in Pyongyang costs a fifth of what it '
            'costs in Qingdao," a broker said.\n')
    assert names(text, data) == ["Pingdu"]


def test_a_crew_aboard_a_ship_is_not_in_the_country_of_the_dateline(data: Path) -> None:
    text = ("MONTEVIDEO, Uruguay - North Korean fishermen work aboard Chinese squid boats in the South Atlantic.\n\n"
            "On one ship, up to 12 of the 30 crew members were North Korean, former deckhands said.\n")
    assert "Uruguay" not in names(text, data)


def test_workers_who_came_years_ago_and_are_still_employed_span_to_publication(data: Path) -> None:
    text = ("Managers at a fish plant in Hunchun said they employ about 120 North Koreans, most of them women who came "
            "by bus from Rason two years ago.\n")
    rows = drafts.drafted(text, data, "2017-10-05")
    assert [(name, row["date_start"][:4], row["date_end"][:4]) for name, row in rows] == [
        ("Hunchun", "2015", "2017"), ("Rajin", "2015", "2015")]


def test_a_city_where_travellers_change_trains_is_a_transit(data: Path) -> None:
    text = "Some North Korean builders travel by train to Ulaanbaatar, changing at Erenhot in Inner Mongolia.\n"
    roles = {name: row["role"] for name, row in drafts.drafted(text, data, "2016-04-14")}
    assert roles.get("Erenhot") == "transit"


def test_a_group_said_to_be_somewhere_is_not_a_projection() -> None:
    assert bounds("A smaller group of about 200 is said to be at a seafood plant in Longjing.") == [
        (200, 200, "estimate")]


def test_where_an_exporter_speaks_from_is_not_the_place_of_the_figure(data: Path) -> None:
    text = ("A seafood exporter in Vladivostok said up to 900 North Koreans worked at fish plants in Primorsky region, "
            "many of them in Vladivostok itself.\n")
    rows = drafts.drafted(text, data, "2015-09-22")
    assert [(name, row.get("workers_max", "")) for name, row in rows] == [("Primorsky Krai", "900"),
                                                                          ("Vladivostok", "")]
