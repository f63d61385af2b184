"""Rules meant to carry over to articles the drafter has never seen (issue 23, ninth round).

Each test is built on a sentence written for it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.drafting import drafts


@pytest.fixture
def data(real_copy: Path) -> Path:
    """A copy of the real dataset with its seeds inside it."""
    return real_copy


def names(text: str, data: Path, published: str = "2024-05-20") -> list[str]:
    """The place of each candidate drafted from ``text``."""
    return [name for name, _ in drafts.drafted(text, data, published)]


OPENING = "About 300 North Korean women sew coats at two factories in Hunchun, in China's Jilin province.\n\n"


@pytest.mark.parametrize("second", [
    "The presence of North Korean workers so far from the border is unusual.\n",
    "Before the pandemic the women went home every two years.\n",
])
def test_a_sentence_naming_no_place_figure_pay_or_trade_is_not_about_china_in_general(second: str,
                                                                                       data: Path) -> None:
    assert names(OPENING + second, data) == ["Hunchun"]


@pytest.mark.parametrize("second", [
    "North Korean workers earn about 2,000 yuan a month, less than half what a local hand is paid.\n",
    "Most North Korean workers are sent to seafood plants and garment factories.\n",
    "North Korean workers are in demand because Chinese employers find them cheap and obedient.\n",
])
def test_a_general_sentence_with_pay_a_trade_or_china_named_by_its_adjective_is_about_china(second: str,
                                                                                            data: Path) -> None:
    assert names(OPENING + second, data)[1:] == ["China"]


@pytest.mark.parametrize(("text", "expected"), [
    ("About 40 North Korean welders left the shipyard in March and flew home via Warsaw and Beijing, a union "
     "official said.\n", ["Warsaw", "Beijing"]),
    ("The North Korean women travelled by bus from Sinuiju through Dandong and Beijing to the factory in Hefei.\n",
     ["Sinuiju", "Dandong", "Beijing", "Hefei"]),
])
def test_a_capital_listed_with_another_place_on_the_way_is_the_city(text: str, expected: list, data: Path) -> None:
    assert names(text, data) == expected


def test_a_capital_acting_with_another_is_still_its_government(data: Path) -> None:
    text = "About 300 North Korean builders work in Vladivostok. Moscow and Beijing have denied hiring such workers.\n"
    assert names(text, data) == ["Vladivostok"]


@pytest.mark.parametrize(("text", "expected"), [
    ("About 150 North Korean builders crossed into Russia by train at Khasan last month, a railway official said.\n",
     ["Russia", "Khasan"]),
    ("About 60 North Korean women came over the bridge at Quanhe in 2018 to work in Hunchun's fish plants.\n",
     ["Quanhe", "Hunchun"]),
])
def test_a_town_at_a_border_crossing_that_geonames_lacks_is_placed(text: str, expected: list, data: Path) -> None:
    assert names(text, data, "2019-05-02") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Some 200 North Korean loggers travel to Khabarovsk, Russia, through the Tumangang-Khasan crossing each "
     "spring.\n",
     {"Khabarovsk", "Tumangang", "Khasan"}),
    ("North Korean laborers still pass through the Khasan-Tumangang rail crossing into Russia's Primorye, officials "
     "said.\n", {"Khasan", "Tumangang", "Primorsky Krai"}),
])
def test_a_crossing_named_by_a_pair_of_towns_names_both_ends(text: str, expected: set, data: Path) -> None:
    assert set(names(text, data, "2019-05-02")) == expected


def test_a_crossing_named_after_one_town_is_still_not_that_town(data: Path) -> None:
    text = ("HUNCHUN, China - Buses carrying about 250 North Korean workers crossed the Quanhe bridge on Friday, "
            "officials said.\n")
    assert names(text, data, "2024-05-02") == ["Hunchun"]


@pytest.mark.parametrize(("text", "expected"), [
    ("In Cambodia, where officials say the last North Korean workers left in 2019, two restaurants in Siem Reap "
     "still employ North Korean waitresses.\n", ["Siem Reap"]),
    ("In Angola, a North Korean construction team was building a stadium in Luanda last year, diplomats said.\n",
     ["Luanda"]),
])
def test_a_country_opening_the_sentence_only_locates_its_city_later_in_the_clause(text: str, expected: list,
                                                                                   data: Path) -> None:
    assert names(text, data, "2020-05-02") == expected


def test_a_country_with_its_own_clause_is_still_a_place(data: Path) -> None:
    text = "About 2,000 North Koreans work in Angola, and a smaller team is building a stadium in Luanda.\n"
    assert names(text, data, "2020-05-02") == ["Angola", "Luanda"]


@pytest.mark.parametrize("second", [
    "Seoul has few direct channels to Pyongyang on the workers.",
    "Pyongyang's mission in Geneva said its workers abroad are there legally.",
    "Moscow says they are students, as Washington urges Asian allies to send them home.",
])
def test_a_capital_named_as_its_government_is_not_where_workers_are(second: str, data: Path) -> None:
    text = f"About 300 North Korean builders work in Vladivostok, Russia.\n\n{second}\n"
    assert set(names(text, data, "2019-05-02")) <= {"Vladivostok", "Russia"}


@pytest.mark.parametrize(("text", "expected"), [
    ("About 120 North Korean builders arrived by train last week, bound for building sites in Khabarovsk.\n",
     ["Khabarovsk"]),
    ("About 80 North Korean women crossed at Dandong in March, bound for seafood plants in Donggang.\n",
     ["Dandong", "Donggang"]),
])
def test_workers_bound_for_a_worksite_go_to_its_place(text: str, expected: list, data: Path) -> None:
    assert names(text, data, "2019-05-02") == expected


def test_goods_bound_for_a_market_are_still_not_where_workers_are(data: Path) -> None:
    text = "About 300 North Korean women process crab in Hunchun bound for supermarkets in Germany.\n"
    assert names(text, data, "2019-05-02") == ["Hunchun"]


def test_this_city_under_a_dateline_is_not_a_city_a_river_is_named_after(data: Path) -> None:
    text = ("HUNCHUN, China - Across the Tumen River from Rason, fish plants in this Chinese border city still "
            "employ about 200 North Korean women.\n")
    assert names(text, data, "2019-05-02") == ["Hunchun"]


@pytest.mark.parametrize(("text", "expected"), [
    ("North Korean women still sew shirts in Ji'an, across the Yalu River from Manpo, traders said.\n", ["Ji'an"]),
    ("About 50 North Korean women came across the Friendship Bridge from Sinuiju this year to work in Dandong.\n",
     ["Sinuiju", "Dandong"]),
])
def test_a_place_across_a_named_river_is_only_where_the_workers_came_from(text: str, expected: list,
                                                                          data: Path) -> None:
    assert names(text, data, "2019-05-02") == expected


def test_goods_shipped_through_a_port_do_not_put_workers_there(data: Path) -> None:
    text = ("About 200 North Korean women assemble chargers in Xiamen that are shipped through Hong Kong to buyers "
            "abroad, a trader said.\n")
    assert names(text, data, "2019-05-02") == ["Xiamen"]


def test_a_port_goods_ship_through_is_not_what_the_zone_refers_back_to(data: Path) -> None:
    text = ("HUNCHUN, China - About 300 North Korean women gut fish at a plant in the city's economic zone.\n\n"
            "The plant ships frozen fillets through Dalian to importers in Europe.\n\n"
            "Another factory in the zone, which sews uniforms, has between 100 and 150 North Koreans, an official "
            "said.\n")
    assert names(text, data, "2019-05-02") == ["Hunchun", "Hunchun"]


@pytest.mark.parametrize(("text", "expected"), [
    ("HAVANA, Cuba - A few North Korean doctors still work in Cuba.\n\nMaltese authorities gave work permits to "
     "about 40 North Koreans in 2016, according to a ministry in Valletta.\n", ["Cuba", "Malta"]),
    ("About 200 North Korean builders worked in Doha last year.\n\nA Qatari contractor who employed 80 of them on a "
     "road project until last spring has sent them home.\n", ["Doha", "Qatar"]),
])
def test_an_employer_or_authority_named_by_its_countrys_adjective_puts_a_head_count_in_that_country(
        text: str, expected: list, data: Path) -> None:
    assert names(text, data, "2017-05-02") == expected


def test_a_person_named_by_a_countrys_adjective_does_not(data: Path) -> None:
    text = ("About 200 North Korean builders worked in Doha last year.\n\n"
            "\"About 80 of them came every morning,\" a Qatari engineer in Dubai said.\n")
    assert "Qatar" not in names(text, data, "2017-05-02")


def test_a_statements_quote_the_headline_repeats_is_found_in_the_body() -> None:
    from benchmarks.draft_quality import _find

    text = ("Up to 500 North Koreans may work in Hunchun, report says\n\n"
            "HUNCHUN, China - Up to 500 North Koreans may work in Hunchun, a report said.\n")
    quote = "Up to 500 North Koreans may work in Hunchun"
    assert _find(text, quote)[0] == text.index("HUNCHUN") + len("HUNCHUN, China - ")
    assert _find("Headline only\n\nBody.\n", "Headline only") == (0, 13)


@pytest.mark.parametrize("text", [
    "About 300 North Korean women crossed the Dandong-Sinuiju bridge last week.\n",
    "About 300 North Korean women crossed the Sinuiju-Dandong bridge last week.\n",
])
def test_a_bridge_named_by_a_pair_of_towns_is_neither_town(text: str, data: Path) -> None:
    assert names(text, data, "2019-05-02") == []


@pytest.mark.parametrize(("sentence", "beijing"), [
    ("The workers left via Rome and Beijing.", True),
    ("Pyongyang keeps close ties to Moscow and Beijing.", False),
    ("Moscow and Beijing have denied it.", False),
])
def test_a_capital_after_a_place_and_and_is_the_city_only_after_a_word_of_place(sentence: str, beijing: bool) -> None:
    from geo.drafting.placefind import Placer

    assert ("Beijing" in [m.words for m in Placer([], sentence).mentions(sentence)]) is beijing
