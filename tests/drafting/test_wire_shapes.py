"""More wire-copy shapes (issue 23, second round): places that are not destinations, references back, worker words.

Each test is built on a sentence written for it (not taken from the benchmark's articles).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.drafting import drafts


@pytest.fixture
def data(real_copy: Path) -> Path:
    """A copy of the real dataset with its seeds inside it."""
    return real_copy


def drafted(text: str, data: Path, published: str = "2022-05-10") -> list[tuple[str, dict[str, str]]]:
    """Each candidate as (place name, report cells), for an article published on ``published``."""
    return drafts.drafted(text, data, published)


def places(text: str, data: Path) -> set[str]:
    return {name for name, _ in drafted(text, data)}


def test_a_place_named_only_to_say_no_workers_were_found_there_is_not_a_destination(data: Path) -> None:
    text = ("Investigators found no sign of North Korean workers in Tianjin or Qingdao, but about 200 sewed shirts "
            "in Dandong.\n")
    assert places(text, data) == {"Dandong"}


def test_a_place_named_for_comparison_is_not_a_destination(data: Path) -> None:
    text = "North Korean builders in Jixi are paid less than Chinese builders in Harbin, managers said.\n"
    assert places(text, data) == {"Jixi"}


def test_more_than_a_figure_is_not_a_comparison(data: Path) -> None:
    text = "More than 1,000 North Korean workers in Dandong sew uniforms.\n"
    assert places(text, data) == {"Dandong"}


def test_the_seat_of_an_authority_is_not_a_destination(data: Path) -> None:
    text = ("About 150 North Korean workers remained in Tumen, traders said, and the authorities in Changchun "
            "declined to comment.\n")
    assert places(text, data) == {"Tumen"}


def test_the_far_end_of_a_bridge_the_sentence_describes_is_not_where_the_workers_are(data: Path) -> None:
    text = ("Women at work\n\nDANDONG, China - About 60 North Korean women sew shirts at a workshop in this city, near "
            "the bridge that carries trains across the river to Sinuiju.\n")
    found = drafted(text, data)
    assert [name for name, _ in found] == ["Dandong"]
    assert found[0][1]["workers_min"] == "60"


def test_the_dateline_city_stands_for_a_first_sentence_that_names_no_other_place(data: Path) -> None:
    text = ("Workers return\n\nHUNCHUN, China - Buses carrying about 120 North Korean workers crossed the bridge over "
            "the Tumen River on Monday, officials said.\n")
    found = drafted(text, data)
    assert [(name, row["workers_min"]) for name, row in found] == [("Hunchun", "120")]
    assert "dateline" in found[0][1]["reason"]


def test_a_capital_dateline_does_not_stand_for_the_story(data: Path) -> None:
    text = "Workers leave\n\nSEOUL - About 120 North Korean workers crossed into China on Monday, officials said.\n"
    assert "Seoul" not in places(text, data)


def test_the_city_after_a_transit_town_is_the_city_named_before(data: Path) -> None:
    text = ("A builder in Mudanjiang hired 90 North Korean workers in March. The workers travelled by train "
            "through Tumen and were then driven on to the city.\n")
    second = {(name, row["role"]) for name, row in drafted(text, data) if row["quote"].startswith("The workers")}
    assert second == {("Tumen", "transit"), ("Mudanjiang", "destination")}


def test_a_prefecture_in_apposition_only_locates_its_city(data: Path) -> None:
    text = "About 70 North Korean workers cut timber at a mill in Helong, a city in Jilin's Yanbian prefecture.\n"
    assert places(text, data) == {"Helong"}
    text = "A team of 15 North Korean workers in Yanji, in the Yanbian Korean Autonomous Prefecture, sews gloves.\n"
    assert places(text, data) == {"Yanji"}


def test_programmers_and_a_team_are_workers(data: Path) -> None:
    text = "A team of 12 North Korean programmers in Shenyang wrote gambling software.\n"
    found = drafted(text, data)
    assert [(name, row["workers_min"]) for name, row in found] == [("Shenyang", "12")]


def test_a_capital_urged_to_act_is_its_government(data: Path) -> None:
    text = "The report urged Beijing to stop hiring North Korean workers, who were also found in Tianjin.\n"
    assert places(text, data) == {"Tianjin"}


def test_a_further_n_at_the_start_of_a_sentence_is_more_of_the_workers(data: Path) -> None:
    text = ("About 300 North Korean workers arrived in Hunchun in May. A further 100 are expected in the city "
            "next month.\n")
    second = [(name, row["workers_min"]) for name, row in drafted(text, data) if row["quote"].startswith("A further")]
    assert second == [("Hunchun", "100")]


def test_traders_speaking_from_a_north_korean_town_do_not_make_it_an_origin(data: Path) -> None:
    text = "Traders in Sinuiju said 200 North Korean workers had gone to Dandong.\n"
    assert places(text, data) == {"Dandong"}


def test_some_were_moved_goes_on_about_the_workers_of_the_sentence_before(data: Path) -> None:
    text = "About 500 North Korean workers built flats in Dandong. Some were moved to Shenyang in 2019.\n"
    second = [name for name, row in drafted(text, data) if row["quote"].startswith("Some were")]
    assert second == ["Shenyang"]


def test_the_plants_refers_back_to_the_city_of_the_plants(data: Path) -> None:
    text = ("About 900 North Korean women process squid at plants in Donggang. Workers at the plants earn about "
            "2,000 yuan a month.\n")
    second = [name for name, row in drafted(text, data) if row["quote"].startswith("Workers at")]
    assert second == ["Donggang"]


def test_dollars_sent_back_to_north_korea_are_not_a_statement_about_china(data: Path) -> None:
    text = ("North Korean developers work in Shenyang, China. Each developer must send at least $3,000 a month "
            "back to North Korea, officials said.\n")
    assert [row["quote"][:4] for _, row in drafted(text, data)] == ["Nort"]


def test_a_country_speaking_as_its_government_is_not_a_destination(data: Path) -> None:
    text = ("North Korean women sew shirts in Dandong, China. The United States said the workers' wages help pay "
            "for Pyongyang's weapons programmes.\n")
    assert [name for name, _ in drafted(text, data)] == ["Dandong"]


def test_where_a_researcher_or_an_institute_is_is_not_a_destination(data: Path) -> None:
    text = ("About 80 North Korean workers pack crabs in Donggang, said Park, a researcher at the Korea Institute "
            "for National Unification in Seoul.\n")
    assert places(text, data) == {"Donggang"}


def test_where_a_former_worker_now_lives_is_not_a_destination(data: Path) -> None:
    text = ("A former North Korean worker who now lives in Seoul, South Korea, said she had sewn coats in Hunchun "
            "for two years.\n")
    assert places(text, data) == {"Hunchun"}


def test_countries_the_goods_are_exported_to_are_not_destinations_but_exported_labour_is(data: Path) -> None:
    text = "Coats sewn by North Korean workers in Dandong are exported to Canada and Germany.\n"
    assert places(text, data) == {"Dandong"}
    text = "North Korea exports labour to China and Russia, officials said.\n"
    assert places(text, data) == {"China", "Russia"}


def test_n_of_them_is_a_figure_that_goes_on_about_the_workers_before(data: Path) -> None:
    text = ("North Korean workers were sent abroad in large numbers. About 7,000 of them were in Shenyang, many at "
            "shoe plants.\n")
    second = [(name, row["workers_min"]) for name, row in drafted(text, data) if row["quote"].startswith("About")]
    assert second == [("Shenyang", "7000")]


def test_a_city_name_used_for_its_river_is_not_the_city(data: Path) -> None:
    text = "About 200 North Korean workers crossed the Tumen into Hunchun on Monday.\n"
    assert places(text, data) == {"Hunchun"}


def test_where_buyers_come_from_is_not_where_the_workers_are(data: Path) -> None:
    text = "Buyers from Qingdao visit the plant in Hunchun where 300 North Korean women peel shrimp.\n"
    assert places(text, data) == {"Hunchun"}


def test_an_event_named_after_a_city_and_where_a_source_phones_from_are_not_destinations(data: Path) -> None:
    text = ("About 40 North Korean waitresses have worked in Shenyang since the Beijing Olympics, a trader told the "
            "broadcaster by phone from Dalian.\n")
    assert places(text, data) == {"Shenyang"}


def test_a_place_named_to_say_where_another_lies_is_not_a_second_destination(data: Path) -> None:
    assert places("About 100 North Korean miners work in Jixi, near Mudanjiang.\n", data) == {"Jixi"}
    text = "About 90 North Korean women sew in Tumen, about 60 kilometres from Yanji.\n"
    assert places(text, data) == {"Tumen"}
    assert places("About 100 North Korean workers sew in Dandong and near Shenyang.\n", data) == {"Dandong", "Shenyang"}


# Third round (issue 23): shapes studied on the first held-out half once it moved into the development half.


def test_where_the_goods_end_up_is_not_where_the_workers_are(data: Path) -> None:
    text = "Squid cleaned by about 400 North Korean women in Donggang ends up in freezers in Spain and Brazil.\n"
    assert places(text, data) == {"Donggang"}
    text = "Coats sewn by some 300 North Korean workers in Dandong are bound for Poland and Italy.\n"
    assert places(text, data) == {"Dandong"}
    text = "Shrimp peeled by North Korean women in Hunchun end up in shops in the Netherlands, Spain and Brazil.\n"
    assert places(text, data) == {"Hunchun"}


def test_a_country_or_capital_named_for_its_office_holder_is_not_a_destination(data: Path) -> None:
    text = ("About 200 North Korean women in Hunchun stopped work on Monday. South Korea's labour minister told "
            "lawmakers that the workers were closely watched.\n")
    assert places(text, data) == {"Hunchun"}
    text = ("Cooks reach Thailand\n\nSEOUL - About 20 North Korean cooks who worked in Ningbo have reached Thailand, "
            "Seoul's Foreign Ministry said on Monday.\n")
    assert places(text, data) == {"Ningbo", "Thailand"}


def test_a_capital_that_acts_as_its_government_is_not_a_destination(data: Path) -> None:
    text = "About 500 North Korean builders work in Vladivostok, Russia, under a deal Moscow itself approved.\n"
    assert places(text, data) == {"Vladivostok"}
    text = "North Korean loggers are one of the few ways Moscow can pay its debts to the North.\n"
    assert "Moscow" not in places(text, data)
    text = "About 700 North Korean builders work in Vladivostok, Russia, Moscow told a United Nations committee.\n"
    assert places(text, data) == {"Vladivostok"}


def test_a_north_korean_city_that_gets_the_money_is_not_where_the_workers_come_from(data: Path) -> None:
    text = "A firm in Dalian used about 60 North Korean programmers to earn money for Pyongyang.\n"
    assert places(text, data) == {"Dalian"}


def test_a_sentence_about_sanctions_or_where_the_pay_goes_that_names_no_place_is_not_a_statement(data: Path) -> None:
    text = ("Coats for export\n\nDANDONG, China - About 200 North Korean women sew coats in Dandong for buyers in "
            "China.\n\nMost of the women's wages are handed over to the North Korean government.\n\n"
            "Hiring North Korean workers violates a Security Council resolution passed in 2017.\n")
    assert [row["quote"][:5] for _, row in drafted(text, data)] == ["About"]  # the first sentence, after its dateline


def test_a_head_count_with_where_the_pay_goes_is_still_a_statement_about_china(data: Path) -> None:
    text = "North Korean workers in China earn little. About 3,000 of them hand most of their wages to the state.\n"
    second = [(name, row["workers_min"]) for name, row in drafted(text, data) if row["quote"].startswith("About")]
    assert second == [("China", "3000")]


def test_a_province_that_locates_the_city_a_reference_back_names_is_not_the_place(data: Path) -> None:
    text = ("Shirts\n\nTUMEN, China - About 300 North Korean women have sewn shirts in this border city in Jilin "
            "province since 2019, managers said.\n")
    assert places(text, data) == {"Tumen"}


def test_a_province_after_a_city_and_an_adjective_only_locates_the_city(data: Path) -> None:
    text = ("About 80 North Korean women were taken by bus from Sinuiju into Kuandian, in neighbouring Liaoning "
            "province.\n")
    assert "Liaoning Province" not in places(text, data)
    text = ("Some 900 North Korean women sew coats in Hunchun, a city in Jilin province's Yanbian Korean Autonomous "
            "Prefecture.\n")
    assert places(text, data) == {"Hunchun"}


def _at(text: str, data: Path, start: str) -> list[tuple[str, str, str, str]]:
    """The candidates of the sentence starting with ``start``: place, figure and kind."""
    return [(name, row.get("workers_min", ""), row.get("workers_max", ""), row.get("workers_kind", ""))
            for name, row in drafted(text, data) if row["quote"].startswith(start)]


def test_a_weak_worker_word_with_a_reference_back_to_a_city_is_about_workers(data: Path) -> None:
    text = ("Crab\n\nHUNCHUN, China - About 500 North Korean women peel crab in Hunchun.\n\nThey are rarely allowed "
            "out.\n\nOthers sew coats in workshops elsewhere in the city, a trader said.\n")
    assert _at(text, data, "Others") == [("Hunchun", "", "", "")]


def test_the_city_refers_back_past_a_capital_dateline_to_the_last_city_named(data: Path) -> None:
    text = ("Unpaid\n\nSEOUL - About 1,000 North Korean women sewed shirts at factories in Tumen, the Seoul-based "
            "outlet said.\n\nThe workers went unpaid for months.\n\nShoe factories in the city also employ North "
            "Koreans, the outlet said.\n")
    assert _at(text, data, "Shoe") == [("Tumen", "", "", "")]


def test_the_prefecture_refers_back_to_the_prefecture_that_located_a_city(data: Path) -> None:
    text = ("About 700 North Korean women sew in Longjing, a city in Jilin province's Yanbian Korean Autonomous "
            "Prefecture.\n\nMore North Koreans work elsewhere in the prefecture, including in Yanji.\n")
    assert {name for name, *_ in _at(text, data, "More")} == {"Yanbian Korean Autonomous Prefecture", "Yanji"}


def test_its_restaurant_and_the_bigger_factories_refer_back_to_the_dateline_city(data: Path) -> None:
    text = ("Hotel\n\nSHENYANG, China - A North Korean hotel in this city faced closure this week.\n\nNorth Korean "
            "waitresses still served diners in its restaurant on Monday, a guest said.\n")
    assert _at(text, data, "North Korean waitresses") == [("Shenyang", "", "", "")]
    text = ("Coats\n\nDANDONG, China - Hundreds of North Korean women sew coats in this city.\n\nBetween 20 and 40 "
            "North Koreans work at each of the bigger garment factories, managers said.\n")
    assert _at(text, data, "Between") == [("Dandong", "20", "40", "per_unit")]


def test_a_list_of_figures_by_place_gives_each_place_its_own_figure_and_years(data: Path) -> None:
    text = ("North Korean workers fill plants across the northeast. Reporters have counted some of them: about 800 in "
            "shoe factories in Yanji in 2018, more than 400 in Tumen between 2016 and 2019 and some 300 at garment "
            "plants in Longjing in March.\n")
    rows = [(name, row.get("workers_min", ""), row["date_start"][:4], row["date_end"][:4])
            for name, row in drafted(text, data) if row["quote"].startswith("Reporters")]
    assert rows == [("Yanji", "800", "2018", "2018"), ("Tumen", "400", "2016", "2019"),
                    ("Longjing", "300", "2022", "2022")]


def test_a_capital_that_sets_a_deadline_is_its_government_and_not_what_its_restaurant_refers_to(data: Path) -> None:
    text = ("Hotel\n\nSHENYANG, China - A North Korean hotel in this city shut this week under a deadline Beijing set "
            "in September.\n\nNorth Korean waitresses still served diners in its restaurant on Monday, a guest said.\n")
    assert _at(text, data, "North Korean waitresses") == [("Shenyang", "", "", "")]


def test_the_prefecture_refers_back_further_than_the_paragraph_before(data: Path) -> None:
    text = ("About 700 North Korean women sew in Longjing, a city in Jilin province's Yanbian Korean Autonomous "
            "Prefecture.\n\nThey work long shifts.\n\nThe plants are guarded.\n\nMore North Koreans work elsewhere in "
            "the prefecture, including in Yanji.\n")
    assert {name for name, *_ in _at(text, data, "More")} == {"Yanbian Korean Autonomous Prefecture", "Yanji"}


def test_a_foreign_office_holder_speaking_is_not_a_general_statement_about_china(data: Path) -> None:
    text = ("About 300 North Korean women sew coats in Dandong, China.\n\nJapan's labour minister told reporters "
            "that such workers are closely watched.\n")
    assert _at(text, data, "Japan") == []


def test_a_place_named_only_as_how_far_away_another_is_is_not_what_a_reference_back_means(data: Path) -> None:
    text = ("Crab\n\nHUNCHUN, China - About 500 North Korean women peel crab in this city.\n\nThe city lies about "
            "40 kilometres up the river from Tumen.\n\nMost of the women live beside the factories.\n")
    assert _at(text, data, "Most") == [("Hunchun", "", "", "")]


def _years(text: str, data: Path, published: str) -> list[tuple[str, str, str]]:
    return [(name, row["date_start"][:4], row["date_end"][:4]) for name, row in drafted(text, data, published)]


def test_since_a_month_runs_to_the_publication(data: Path) -> None:
    text = "North Korean cooks in Yanji have gone home since October, managers said.\n"
    assert _years(text, data, "2021-02-03") == [("Yanji", "2020", "2021")]


def test_since_last_spring_starts_the_year_before(data: Path) -> None:
    text = "Since last summer, North Korean crews have built flats in Dalian, a contractor said.\n"
    assert _years(text, data, "2023-03-01") == [("Dalian", "2022", "2023")]


def test_a_year_named_for_comparison_is_not_the_statement_s_year(data: Path) -> None:
    text = "About 900 North Korean workers entered Tumen last year, three times as many as in 2019.\n"
    assert _years(text, data, "2021-05-01") == [("Tumen", "2020", "2020")]


def test_for_the_past_n_years_and_before_the_pandemic(data: Path) -> None:
    text = "North Korean miners have worked near Jixi for the past four years, officials said.\n"
    assert _years(text, data, "2019-06-01") == [("Jixi", "2015", "2019")]
    text = "Some 700 North Koreans worked in Hunchun before the pandemic, traders said.\n"
    assert _years(text, data, "2023-06-01") == [("Hunchun", "2019", "2019")]


def test_most_of_them_in_a_place_does_not_give_the_place_the_total(data: Path) -> None:
    text = "Some 40,000 North Korean workers were abroad in 2014, many of them in Kuwait and Qatar, officials said.\n"
    assert {(name, row.get("workers_min", "")) for name, row in drafted(text, data)} == {("Kuwait", ""), ("Qatar", "")}


def test_the_group_that_travelled_by_way_of_a_country_passed_through_it(data: Path) -> None:
    text = ("About 12 North Korean waitresses who worked in Shenyang reached South Korea on Friday. The group "
            "travelled on by way of Thailand, an official said.\n")
    assert [(name, row["role"]) for name, row in drafted(text, data) if row["quote"].startswith("The group")] == [
        ("Thailand", "transit")]


def test_the_workers_with_no_place_under_a_chinese_city_s_dateline_are_in_that_city(data: Path) -> None:
    text = ("Shoes\n\nTUMEN, China - About 300 North Korean women stitch shoes in this city.\n\nFactory owners in "
            "the region value the women for their speed.\n\nNone of the new workers holds a proper visa, a broker "
            "said.\n")
    assert _at(text, data, "None") == [("Tumen", "", "", "")]
    assert {row["confidence"] for _, row in drafted(text, data) if row["quote"].startswith("None")} == {"low"}


def test_a_number_that_changed_from_one_year_to_another_is_two_statements(data: Path) -> None:
    text = ("The number of North Korean workers in Mongolia dropped from 1,200 in 2016 to 450 at the end of 2018, "
            "officials said.\n")
    rows = [(name, row.get("workers_min", ""), row["date_start"], row["date_end"]) for name, row in drafted(text, data)]
    assert rows == [("Mongolia", "1200", "2016", "2016"), ("Mongolia", "450", "2018", "2018")]


def _sectors(text: str, data: Path) -> list[tuple[str, str]]:
    return [(name, row["sectors"]) for name, row in drafted(text, data)]


def test_a_generic_factory_beside_a_named_kind_of_factory_is_not_a_second_sector(data: Path) -> None:
    text = "About 150 North Korean women are sewing shirts in the factories of Tumen.\n"
    assert _sectors(text, data) == [("Tumen", "garments")]


def test_what_the_workers_handle_or_do_names_the_sector(data: Path) -> None:
    text = "About 150 North Korean women shell crab and gut fish at three plants in Longjing.\n"
    assert _sectors(text, data) == [("Longjing", "seafood")]
    text = "Some 40 North Korean developers in Dalian write code for clients abroad.\n"
    assert _sectors(text, data) == [("Dalian", "it")]
    text = "Some 90 North Koreans helped build a hospital in Khabarovsk, Russia.\n"
    assert _sectors(text, data) == [("Khabarovsk", "construction")]


@pytest.mark.parametrize("said", ["an official said", "a local contractor said", "the contractor added",
                                  "a worker's relative told the broadcaster", "the trader said", "a guest said"])
def test_one_unnamed_person_s_account_is_a_caution(data: Path, said: str) -> None:
    text = f"About 60 North Korean cooks work in Yanji, {said}.\n"
    assert [bool(row.get("caution")) for _, row in drafted(text, data)] == [True]


def test_named_or_plural_sources_are_not_a_caution(data: Path) -> None:
    text = "About 60 North Korean cooks work in Yanji, officials and two contractors said.\n"
    assert [bool(row.get("caution")) for _, row in drafted(text, data)] == [False]


def test_people_charged_or_sanctioned_with_no_place_are_not_a_statement_about_china(data: Path) -> None:
    text = ("About 30 North Korean programmers work in Dalian, China.\n\nProsecutors in Texas have charged eight "
            "North Koreans with running a scheme in which IT workers posed as freelancers.\n")
    assert _at(text, data, "Prosecutors") == []


def test_a_russian_far_east_city_is_read_even_when_the_article_does_not_name_russia(data: Path) -> None:
    text = "A team of 20 North Korean developers moved from Dandong to Khabarovsk last year, the advisory said.\n"
    assert "Khabarovsk" in places(text, data)


def test_workers_moved_from_a_city_had_worked_there(data: Path) -> None:
    text = "About 300 North Korean seamstresses were moved from Hunchun to plants in Yanji in May.\n"
    assert {(name, row["role"]) for name, row in drafted(text, data)} == {("Hunchun", "destination"),
                                                                           ("Yanji", "destination")}


def test_workers_who_work_from_flats_in_a_city_are_there(data: Path) -> None:
    text = "Dozens of North Korean programmers have worked from rented flats in Dalian since 2019.\n"
    assert [(name, row["role"]) for name, row in drafted(text, data)] == [("Dalian", "destination")]
