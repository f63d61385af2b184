"""Rules meant to carry over to articles the drafter has never seen (issue 23, third round).

Each test is built on a sentence written for it (not taken from the benchmark's articles): the words around a
figure give its kind, a place joined to another by "and" shares what the words before the first say about it, a
clause about someone other than the workers names no place of theirs.
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


def drafted(text: str, data: Path, published: str = "2023-04-12") -> list[tuple[str, dict[str, str]]]:
    """Each candidate as (place name, report cells), for an article published on ``published``."""
    return drafts.drafted(text, data, published)


def places(text: str, data: Path) -> set[str]:
    return {name for name, _ in drafted(text, data)}


def test_a_projection_word_in_another_clause_does_not_make_a_head_count_a_projection() -> None:
    text = "The plant employs 90 of the women; they are not allowed to leave the dormitory."
    assert [(f.low, f.high, f.kind) for f in figures_in(text)] == [(90, 90, "count")]


def test_a_projection_word_in_the_figure_s_own_clause_still_makes_it_a_projection() -> None:
    text = "The plant will employ 90 more women next year, and the dormitory is being enlarged."
    assert [f.kind for f in figures_in(text)] == ["projection"]


def test_the_population_of_a_city_is_not_a_number_of_workers() -> None:
    text = "In Baishan, a city of about 1.2 million people, some 300 North Koreans work at a brewery."
    assert [(f.low, f.kind) for f in figures_in(text)] == [(300, "estimate")]


def test_the_second_place_after_from_shares_the_from(data: Path) -> None:
    text = "Buyers from Ningbo and Wenzhou visit the plant in Dandong where 70 North Korean women sew coats.\n"
    assert places(text, data) == {"Dandong"}


def test_a_second_origin_joined_by_and_is_an_origin(data: Path) -> None:
    text = "About 50 North Korean women from Sinuiju and Chongjin arrived in Donggang in March.\n"
    roles = {name: row["role"] for name, row in drafted(text, data)}
    assert roles == {"Sinuiju": "origin", "Chongjin": "origin", "Donggang": "destination"}


def test_fleets_from_a_city_are_not_where_the_crews_are(data: Path) -> None:
    text = "Trawlers from Weihai took on about 40 North Korean fishermen in Zhoushan last year.\n"
    assert places(text, data) == {"Zhoushan"}


def test_a_relative_clause_about_someone_else_names_no_place_of_the_workers(data: Path) -> None:
    text = ("About 60 North Korean women pack mushrooms at a plant in Yanji, said the owner, who often travels to "
            "Qingdao and Tianjin for trade fairs.\n")
    assert places(text, data) == {"Yanji"}


def test_a_place_north_of_another_only_locates_it(data: Path) -> None:
    text = "Some 80 North Korean fishermen worked out of Zhuanghe, a port city north of Dalian, in 2021.\n"
    assert places(text, data) == {"Zhuanghe"}


def test_this_border_city_is_the_dateline_city_beside_another_place(data: Path) -> None:
    text = ("Sewing for export\n\nDANDONG, China - About 500 North Korean women sew jackets in this border city and "
            "in the nearby port of Donggang, traders said.\n")
    assert places(text, data) == {"Dandong", "Donggang"}


def test_an_island_or_province_after_this_city_only_locates_the_dateline_city(data: Path) -> None:
    text = ("Singers at a resort\n\nSANYA, China - About 30 North Korean singers perform at a hotel in this resort "
            "city on Hainan island, guests said.\n")
    assert places(text, data) == {"Sanya"}


def test_a_share_in_the_place_s_clause_does_not_give_it_the_total_of_another_clause(data: Path) -> None:
    text = ("About 2,000 North Korean builders arrived in Vladivostok in 2022, and roughly a third of them were sent "
            "on to Khabarovsk.\n")
    figures = {name: (row.get("workers_min", ""), row.get("workers_max", "")) for name, row in drafted(text, data)}
    assert figures == {"Vladivostok": ("2000", "2000"), "Khabarovsk": ("", "")}


def test_a_government_that_denies_is_not_a_destination(data: Path) -> None:
    text = "Beijing denies that North Korean workers are employed in Dandong.\n"
    assert "Beijing" not in places(text, data)


def test_an_agent_who_takes_the_pay_is_not_where_the_workers_are(data: Path) -> None:
    text = ("About 100 North Korean women sew in Hunchun; their pay is handed to a North Korean agent in Yanji, "
            "traders said.\n")
    assert places(text, data) == {"Hunchun"}


def test_another_n_went_to_a_second_city_is_that_city_s_figure(data: Path) -> None:
    text = "About 600 North Korean women crossed into Hunchun in May, and another 250 went to Tumen, traders said.\n"
    figures = {name: row.get("workers_min", "") for name, row in drafted(text, data)}
    assert figures == {"Hunchun": "600", "Tumen": "250"}


def test_a_dozen_more_after_an_opening_place_is_more_of_the_workers(data: Path) -> None:
    text = ("About 20 North Korean waitresses work at a restaurant in Qingdao. In Yantai, about a dozen more serve "
            "tables at a hotel.\n")
    assert {name for name, row in drafted(text, data) if "Yantai" in row["quote"]} == {"Yantai"}


def test_a_sentence_with_no_place_under_a_foreign_dateline_is_not_about_china(data: Path) -> None:
    text = ("Loggers in the taiga\n\nKHABAROVSK, Russia - About 300 North Korean loggers work near Khabarovsk, and "
            "the timber is shipped to China.\nUp to 40 percent of their earnings are deducted by their managers.\n")
    assert "China" not in places(text, data)


def test_one_staff_member_is_not_a_figure() -> None:
    assert figures_in("The restaurant earns $9,000 a month, one staff member estimated.") == []


def test_a_chinese_city_before_restaurant_is_where_the_restaurant_is(data: Path) -> None:
    text = ("North Korean restaurants reopened in Ningbo and Wuxi. The Ningbo restaurant employs some 25 North "
            "Korean women.\n")
    found = {name for name, row in drafted(text, data) if row["quote"].startswith("The Ningbo")}
    assert found == {"Ningbo"}



def test_the_county_refers_back_to_the_chinese_county_not_to_where_a_relative_speaks(data: Path) -> None:
    text = ("Wigs\n\nCHANGBAI, China - About 70 North Korean women from Hyesan make wigs in Changbai Korean Autonomous "
            "County, a relative in Hyesan said.\nThe county, in Jilin's Baishan prefecture, also employed North "
            "Korean loggers before the pandemic.\n")
    found = {name for name, row in drafted(text, data) if row["quote"].startswith("The county")}
    assert found == {"Changbai County"}


def test_the_capital_under_a_capital_s_dateline_is_that_city(data: Path) -> None:
    text = ("Painters\n\nBEIJING - At least eight North Korean painters worked at a studio in the capital's art "
            "district last year, a buyer said.\n")
    assert places(text, data) == {"Beijing"}


def test_numbers_listed_by_country_after_a_worker_word_are_each_country_s_figure(data: Path) -> None:
    text = ("North Korea had workers in many countries in 2018, including about 900 in Mongolia and some 1,500 on "
            "building sites in Qatar.\n")
    figures = {name: row.get("workers_min", "") for name, row in drafted(text, data)}
    assert figures == {"Mongolia": "900", "Qatar": "1500"}


def test_the_men_after_an_opening_place_go_on_about_the_workers_before(data: Path) -> None:
    text = ("About 300 North Korean workers were sent to the Gulf in 2016. In Kuwait, most of the men worked for a "
            "building firm. The men were housed in a camp outside Kuwait City.\n")
    later = [(name, row["quote"][:10]) for name, row in drafted(text, data) if not row["quote"].startswith("About")]
    assert later == [("Kuwait", "In Kuwait,"), ("Kuwait City", "The men we")]  # the city, read whole


def test_several_dozen_is_at_least_three_dozen() -> None:
    assert [(f.low, f.high, f.kind) for f in figures_in("They employed several dozen North Koreans.")] == [
        (36, None, "estimate")]


def test_a_country_s_named_agency_is_not_a_destination(data: Path) -> None:
    text = "South Korea's National Intelligence Service estimates that about 9,000 North Koreans work in Jilin.\n"
    assert places(text, data) == {"Jilin Province"}


def test_a_capital_is_read_whatever_its_size(data: Path) -> None:
    text = "At a hotel site in Vientiane, about 50 North Korean builders were seen at work in 2019.\n"
    assert places(text, data) == {"Vientiane"}


def test_the_factories_that_moved_go_on_about_the_workers_before(data: Path) -> None:
    text = ("About 2,000 North Korean women sew shirts in Dandong. Some of the factories have moved to Donggang to "
            "stay out of sight.\n")
    assert {name for name, row in drafted(text, data) if row["quote"].startswith("Some")} == {"Donggang"}


@pytest.mark.parametrize(("words", "region"), [("in Primorsky Krai", "Primorsky Krai"),
                                              ("in the Amur region", "Amur Oblast"),
                                              ("in the Russian Far East", "Russian Far East")])
def test_a_russian_region_is_an_area_of_its_own(data: Path, words: str, region: str) -> None:
    text = f"About 400 North Korean builders worked {words} in 2018.\n"
    found = [(name, row) for name, row in drafted(text, data)]
    assert [name for name, _ in found] == [region]


def test_a_russian_city_with_its_region_is_the_city(data: Path) -> None:
    text = "About 400 North Korean builders worked in Nakhodka, Primorsky Krai, in 2018.\n"
    assert places(text, data) == {"Nakhodka"}


def test_with_another_n_at_farms_in_a_nearby_town_is_that_town_s_figure(data: Path) -> None:
    text = "About 250 North Korean workers were hired in Jixi, with another 120 at farms in nearby Mishan.\n"
    figures = {name: row.get("workers_min", "") for name, row in drafted(text, data)}
    assert figures == {"Jixi": "250", "Mishan": "120"}


def test_n_of_them_goes_on_about_the_workers_before(data: Path) -> None:
    text = ("About 250 North Korean workers were hired in Jixi. A farm in Mishan also took on 60 of them, an official "
            "said.\n")
    assert {name for name, row in drafted(text, data) if row["quote"].startswith("A farm")} == {"Mishan"}


def test_where_the_goods_are_shipped_from_is_not_where_the_workers_come_from(data: Path) -> None:
    text = "About 500 North Korean women process crab shipped from Russia at plants in Hunchun.\n"
    assert places(text, data) == {"Hunchun"}


def test_the_number_of_workers_put_at_a_range_is_a_figure() -> None:
    text = "Officials put the number of North Korean workers in the prefecture at between 5,000 and 8,000."
    assert [(f.low, f.high, f.kind) for f in figures_in(text)] == [(5000, 8000, "estimate")]


def test_a_sentence_about_buyers_that_names_no_place_is_no_statement(data: Path) -> None:
    text = ("Crab\n\nHUNCHUN, China - About 400 North Korean women peel crab at plants in this city.\nRetailers "
            "contacted by reporters said they had not known about the North Korean women.\n")
    assert [row["quote"][:9] for _, row in drafted(text, data)] == ["About 400"]  # the quote starts after the dateline


def test_a_city_is_read_by_its_other_latin_name(data: Path) -> None:
    text = ("In Mongolia, about 200 North Korean workers sewed cashmere at a factory in Darkhan and built flats in "
            "Ulaanbaatar.\n")
    assert places(text, data) == {"Mongolia", "Darhan", "Ulan Bator"}


def test_dozens_more_in_another_clause_do_not_take_the_first_clause_s_figure(data: Path) -> None:
    text = ("As many as 700 North Korean women have been sent to Tumen since last autumn, and dozens more are "
            "expected in Hunchun next month.\n")
    figures = {name: (row.get("workers_min", ""), row.get("workers_max", "")) for name, row in drafted(text, data)}
    assert figures == {"Tumen": ("", "700"), "Hunchun": ("", "")}


def test_a_province_after_in_a_country_s_only_locates_the_prefecture(data: Path) -> None:
    text = ("The prefecture of Yanbian, in China's Jilin province, hosts more North Korean workers than anywhere "
            "else.\n")
    assert places(text, data) == {"Yanbian Korean Autonomous Prefecture"}


def test_to_be_named_is_not_a_projection() -> None:
    text = "A businesswoman, who asked not to be named, said she employs 45 North Korean women."
    assert [f.kind for f in figures_in(text)] == ["count"]


def test_her_workers_under_a_chinese_dateline_are_in_that_city(data: Path) -> None:
    text = ("Workshops\n\nYANJI, China - A businesswoman said she employs 45 North Korean women at her workshop.\n"
            "Her workers earn 2,200 yuan a month.\n")
    assert [name for name, _ in drafted(text, data)] == ["Yanji", "Yanji"]


def test_up_to_n_more_goes_on_about_the_workers_before(data: Path) -> None:
    text = ("About 400 North Korean builders work in Dandong. Up to 1,000 more could follow by the end of the year, "
            "contractors said.\n")
    assert [name for name, row in drafted(text, data) if row["quote"].startswith("Up to")] == ["Dandong"]


def test_a_word_inside_a_company_s_name_is_not_a_place_and_n_more_is_a_figure(data: Path) -> None:
    text = ("Liaoning Sanxing Apparel Co. employs about 90 North Korean women in Xinmin. A second Sanxing plant in "
            "Fushun employs some 40 more.\n")
    found = {name: row.get("workers_min", "") for name, row in drafted(text, data) if row["quote"].startswith("A ")}
    assert found == {"Fushun": "40"}


def test_a_consulate_s_sentence_is_not_a_statement_by_reference_back(data: Path) -> None:
    text = ("Protest\n\nDANDONG, China - About 300 North Korean workers at a seafood plant in Donggang staged a "
            "protest.\nThe North's consulate in Shenyang sent officials to the plant.\n")
    assert [row["quote"][:8] for _, row in drafted(text, data)] == ["About 30"]  # the quote starts after the dateline


def test_the_rest_in_another_clause_do_not_take_the_figure_of_those_sent_home(data: Path) -> None:
    text = "About 50 of the North Korean workers have been sent home, and the rest remain in Donggang.\n"
    assert [(name, row.get("workers_min", "")) for name, row in drafted(text, data)] == [("Donggang", "")]
