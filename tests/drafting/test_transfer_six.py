"""Rules meant to carry over to articles the drafter has never seen (issue 23, sixth round).

Each test is built on a sentence written for it: where former workers now live, a city named across a river, where
the money is sent, buyers a few words after "sold", where a report was released or a vote taken, a province named as
an adjective ("the Jilin provincial capital"), a province opening a sentence about a city in it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.drafting import drafts


@pytest.fixture
def data(real_copy: Path) -> Path:
    """A copy of the real dataset with its seeds inside it."""
    return real_copy


def names(text: str, data: Path, published: str = "2023-04-12") -> list[str]:
    """The place of each candidate drafted from ``text``."""
    return [name for name, _ in drafts.drafted(text, data, published)]


def test_where_former_workers_now_live_is_not_where_workers_are(data: Path) -> None:
    text = ("About 300 North Korean women peel shrimp in Dalian, said a rights group that interviewed three former "
            "workers now living in South Korea.\n")
    assert names(text, data) == ["Dalian"]


def test_a_city_across_the_river_from_the_workplace_is_not_a_second_place(data: Path) -> None:
    text = ("A group of about 300 North Korean builders works at apartment sites in Blagoveshchensk, on the Amur "
            "River across from the Chinese city of Heihe.\n")
    assert names(text, data) == ["Blagoveshchensk"]


def test_where_the_money_is_sent_is_not_where_the_workers_are(data: Path) -> None:
    text = ("North Korean builders in Vladivostok are paid in cash by Russian contractors, who send the money to "
            "North Korean trading companies in Shenyang and Dandong.\n")
    assert names(text, data) == ["Vladivostok"]


def test_buyers_named_a_few_words_after_sold_are_a_market(data: Path) -> None:
    text = ("Timber cut by North Korean loggers near Khabarovsk is sold to furniture makers in Vietnam and Malaysia.\n")
    assert names(text, data) == ["Khabarovsk"]


@pytest.mark.parametrize("sentence", [
    "North Korean workers are still processing seafood in China, a UN panel said in a report released in New York "
    "on Friday.",
    "China, which voted for the 2017 sanctions in New York, says the North Korean workers in China entered before "
    "the ban.",
])
def test_where_a_report_was_released_or_a_vote_taken_is_not_where_workers_are(sentence: str, data: Path) -> None:
    assert names(sentence + "\n", data) == ["China"]


def test_a_province_named_as_an_adjective_is_not_a_place_of_workers(data: Path) -> None:
    text = ("Officials in Changchun, the Jilin provincial capital, say about 2,000 North Korean women work at "
            "factories in Hunchun.\n")
    assert names(text, data) == ["Hunchun"]


def test_a_province_opening_a_sentence_about_a_city_in_it_only_locates_the_city(data: Path) -> None:
    text = "In Heilongjiang province, some 800 North Korean workers tend farms near Mishan.\n"
    assert names(text, data) == ["Mishan"]


@pytest.mark.parametrize(("sentence", "place"), [
    ("About 400 North Korean women came to Hunchun last year on buses from Rason.", "Rajin"),
    ("The North Korean fishermen boarded the vessels in Nampo, North Korea's main western port, in 2019.", "Nampo"),
])
def test_a_north_korean_province_level_city_named_bare_is_the_city(sentence: str, place: str, data: Path) -> None:
    assert place in names(sentence + "\n", data)


def test_an_autonomous_region_of_two_words_is_that_region(data: Path) -> None:
    text = ("Hundreds of North Korean workers remain at garment factories in China's Inner Mongolia Autonomous "
            "Region, sources said.\n")
    assert names(text, data) == ["Inner Mongolia Province"]


def test_a_country_crossed_into_at_a_city_only_locates_the_city(data: Path) -> None:
    text = "The North Korean women cross into China at Tumen on trainee visas.\n"
    assert names(text, data) == ["Tumen"]


def test_a_city_at_the_far_end_of_a_rail_line_is_not_a_place_of_workers(data: Path) -> None:
    text = ("In Erenhot, a border town on the rail line to Ulaanbaatar, about 150 North Korean women sew uniforms "
            "at a factory.\n")
    assert names(text, data) == ["Erenhot"]


def test_a_region_after_the_cities_it_encloses_only_locates_them(data: Path) -> None:
    text = "North Korean software engineers based in Dalian and Shenyang in northeastern China took orders online.\n"
    assert names(text, data) == ["Dalian", "Shenyang"]


def test_where_the_clients_are_is_not_where_the_workers_are(data: Path) -> None:
    text = ("North Korean programmers in Dalian wrote the apps. Clients included a game developer in Tokyo and a web "
            "design firm in Osaka.\n")
    assert names(text, data) == ["Dalian"]


@pytest.mark.parametrize("sentence", [
    "Some 300 North Korean workers in Hunchun sew shirts, a court in Seoul heard.",
    "About 300 North Korean workers in Hunchun make clothes labelled \"Made in Italy\".",
    "About 300 North Korean workers in Hunchun stayed on after the summit in Hanoi collapsed.",
    "About 300 North Korean fishermen from Hunchun work on a trawler registered in Panama.",
    "About 300 North Korean workers at a Hunchun plant received orders from companies in Japan.",
    "About 300 North Korean women work at a hotel in Hunchun, according to NK News, which is based in Seoul.",
])
def test_a_court_a_label_a_summit_a_flag_an_order_or_a_newsroom_is_not_where_workers_are(sentence: str,
                                                                                          data: Path) -> None:
    assert names(sentence + "\n", data) == ["Hunchun"]


def test_restaurants_named_after_the_city_they_are_in_are_in_that_city(data: Path) -> None:
    text = "About 120 North Korean waitresses work in Beijing restaurants, the trader said.\n"
    assert names(text, data) == ["Beijing"]


@pytest.mark.parametrize(("sentence", "place"), [
    ("About 45 North Korean doctors worked in Dar es Salaam, Tanzania.", "Dar es Salaam"),
    ("About 75 North Korean builders were in Kuwait City last year.", "Kuwait City"),
])
def test_a_city_named_with_a_particle_or_after_its_country_is_that_city(sentence: str, place: str,
                                                                         data: Path) -> None:
    assert names(sentence + "\n", data) == [place]


def test_a_smaller_city_abroad_listed_after_another_is_read(data: Path) -> None:
    text = "Welders\n\nGDANSK, Poland - North Korean welders worked on ships at yards in Gdynia and Szczecin.\n"
    assert names(text, data) == ["Gdynia", "Szczecin"]


def test_an_inspectorate_s_seat_is_not_where_workers_are(data: Path) -> None:
    text = ("About 50 North Korean welders worked in Gdynia, Poland, a spokeswoman for the inspectorate in Warsaw "
            "said.\n")
    assert names(text, data) == ["Gdynia"]


def test_a_country_that_promised_something_speaks_as_its_government(data: Path) -> None:
    text = ("Several hundred North Korean builders remain on sites around Doha, months after Qatar promised to send "
            "them home.\n")
    assert names(text, data) == ["Doha"]


def test_sending_wages_home_through_an_office_is_no_statement(data: Path) -> None:
    text = ("Crews\n\nDOHA, Qatar - About 300 North Korean builders work on towers in Doha, contractors said.\n\n"
            "The workers send most of their wages back to Pyongyang through the company's office in Doha.\n")
    assert len(names(text, data)) == 1


RESTAURANTS = ("Restaurants\n\nVIENTIANE, Laos - Two North Korean restaurants in the Lao capital are still open, with "
               "waitresses from Pyongyang singing for diners most evenings.\n\n")


def test_in_a_story_about_north_korean_restaurants_a_restaurant_at_a_place_is_a_statement(data: Path) -> None:
    text = RESTAURANTS + "A third restaurant, in the northern town of Luang Prabang, closed last year.\n"
    assert "Luang Prabang" in names(text, data, "2019-09-20")


def test_a_smaller_city_is_read_in_an_article_that_names_its_country_by_its_adjective(data: Path) -> None:
    text = ("In Phnom Penh, the Cambodian capital, about 20 North Korean waitresses work at one restaurant, and "
            "about 15 at another in Siem Reap.\n")
    assert names(text, data, "2019-09-20") == ["Phnom Penh", "Siem Reap"]


def test_where_the_diners_come_from_and_police_speak_is_not_where_workers_are(data: Path) -> None:
    text = RESTAURANTS + ("About 15 North Korean women serve cold noodles in Vientiane to tour groups from South Korea "
                          "and China.\n\nIn Bangkok, Thai police said they had found no North Korean restaurant "
                          "still open.\n")
    assert names(text, data, "2019-09-20") == ["Pyongyang", "Vientiane", "Vientiane"]


def test_restaurants_sending_their_profits_home_is_no_statement(data: Path) -> None:
    text = RESTAURANTS + ("The restaurants are run by North Korean state trading companies and send their profits to "
                          "Pyongyang.\n")
    assert names(text, data, "2019-09-20") == ["Pyongyang", "Vientiane"]


def test_a_north_korean_city_that_restaurants_earn_currency_for_is_not_an_origin(data: Path) -> None:
    text = RESTAURANTS + ("The restaurants, which bring in hard currency for Pyongyang, had been popular with Chinese "
                          "and South Korean visitors.\n")
    assert names(text, data, "2019-09-20") == ["Pyongyang", "Vientiane"]


def test_a_sentence_under_a_dateline_abroad_about_the_capital_of_this_nation_is_at_the_dateline(data: Path) -> None:
    text = ("Builders\n\nMALABO, Equatorial Guinea (AP) - Dozens of North Korean construction workers are still "
            "building a hospital in the capital of this small oil-rich nation, residents said.\n")
    assert names(text, data, "2020-08-20") == ["Malabo"]


def test_a_smaller_city_abroad_after_in_nearby_is_read(data: Path) -> None:
    text = ("North Korean builders work in Equatorial Guinea. In nearby Bata, about 60 North Koreans were building "
            "a stadium until last year.\n")
    assert "Bata" in names(text, data, "2020-08-20")


def test_people_who_visited_the_plants_are_not_a_head_count(data: Path) -> None:
    text = ("Hundreds of North Korean women work at wig factories in Pingdu, according to two people who have "
            "visited the plants.\n")
    assert [row.get("workers_min", "") for _, row in drafts.drafted(text, data, "2020-03-20")] == [""]


def test_the_city_a_county_level_city_is_under_only_locates_it(data: Path) -> None:
    text = "Hundreds of North Korean women work at wig factories in Pingdu, a county-level city under Qingdao.\n"
    assert names(text, data, "2020-03-20") == ["Pingdu"]


def test_where_shipments_of_goods_come_from_and_go_is_not_where_workers_are(data: Path) -> None:
    text = ("About 200 North Korean women make eyelashes in Pingdu, and customs data show shipments of eyelashes "
            "from North Korea to China rose in 2019.\n")
    assert names(text, data, "2020-03-20") == ["Pingdu"]


def test_a_city_government_is_not_a_place_of_workers(data: Path) -> None:
    text = ("About 200 North Korean women make eyelashes in Pingdu, a spokesman for the Qingdao city government "
            "said.\n")
    assert names(text, data, "2020-03-20") == ["Pingdu"]


@pytest.mark.parametrize("sentence", [
    "Some 400 North Koreans work at the plant in Hunchun, according to a manager who spoke on condition of "
    "anonymity.",
    "One of the residents said about 200 North Koreans work at one site in Hunchun.",
    "In nearby Hunchun, about 200 North Koreans work at timber yards, the second resident said.",
    "About 36 North Korean women came to Hunchun in two groups of 18,\" he said.",
    "Several hundred North Koreans worked at seafood plants in Hunchun in 2018, trade records suggest.",
])
def test_a_statement_resting_on_one_unnamed_person_or_on_what_records_suggest_is_hedged(sentence: str,
                                                                                          data: Path) -> None:
    assert all(row["caution"] for _, row in drafts.drafted(sentence + "\n", data, "2019-09-20"))


def test_a_country_that_says_it_sent_its_workers_home_is_a_statement_about_it(data: Path) -> None:
    text = ("Hundreds of North Korean workers remain at factories in Erenhot, even as neighbouring Mongolia says it "
            "has sent all of its North Korean laborers home.\n")
    assert "Mongolia" in names(text, data, "2021-06-08")


@pytest.mark.parametrize(("text", "years"), [
    ("took orders from Japanese companies from 2019 until early this year", ("2019", "2022")),
    ("from 2019 until last year", ("2019", "2021")),
    ("farms have taken on North Korean laborers for the third year running", ("2020", "2022")),
])
def test_a_period_that_runs_to_this_year_or_for_the_nth_year(text: str, years: tuple[str, str]) -> None:
    from geo.drafting.dates import date_of, parse_published

    guess = date_of(text, parse_published("2022-09-12"))
    assert (guess.start, guess.end) == years


@pytest.mark.parametrize("sentence", [
    "A North Korean woman who worked at a seafood plant in Donggang escaped in 2019 and reached South Korea through "
    "Laos and Thailand.",
    "Thirteen waitresses from a North Korean restaurant in Donggang defected to Seoul in 2016.",
    "About 200 North Korean workers in Donggang risk being repatriated if they escape, rights groups in Seoul say.",
])
def test_where_a_defector_went_and_the_way_there_are_not_places_of_workers(sentence: str, data: Path) -> None:
    assert names(sentence + "\n", data, "2021-03-20") == ["Donggang"]


def test_a_place_workers_were_sent_to_after_a_defection_elsewhere_is_still_read(data: Path) -> None:
    text = "Since the waitresses defected in 2016, North Korea has sent 200 workers to Donggang.\n"
    assert "Donggang" in names(text, data, "2021-03-20")


@pytest.mark.parametrize(("sentence", "figure"), [
    ("Hunchun is home to about 3,000 North Koreans, most of them at seafood plants.", "3000"),
    ("A busload of North Koreans arrived in Hunchun last week.", ""),
])
def test_north_koreans_arriving_at_or_counted_in_a_place_are_workers_there(sentence: str, figure: str,
                                                                           data: Path) -> None:
    rows = drafts.drafted(sentence + "\n", data, "2021-03-20")
    assert [(name, row.get("workers_min", "")) for name, row in rows] == [("Hunchun", figure)]


@pytest.mark.parametrize("dateline", ["SEOUL, 5 June (Yonhap) - ", "SEOUL, Aug. 14, 2019 (Yonhap) - "])
def test_a_dateline_with_a_day_before_its_month_or_a_year_is_read(dateline: str, data: Path) -> None:
    text = f"Crab\n\n{dateline}About 400 North Korean women peel crab at plants in Hunchun.\n"
    assert names(text, data, "2019-08-14") == ["Hunchun"]


@pytest.mark.parametrize("sentence", [
    "About 300 North Korean women process squid in Donggang, and the packed squid leaves through the port of Dalian "
    "for Japan.",
    "About 300 North Korean women process fish in Donggang, fish that arrives by rail from Vladivostok.",
    "About 300 North Korean women work in Donggang, a two-hour drive from Dandong.",
])
def test_where_goods_pass_and_a_place_named_for_its_distance_are_not_places_of_workers(sentence: str,
                                                                                       data: Path) -> None:
    assert names(sentence + "\n", data, "2021-03-20") == ["Donggang"]


@pytest.mark.parametrize("sentence", [
    "About 300 North Korean women work in Donggang, where wages are half those in Shanghai.",
    "About 300 North Korean women work in Donggang; by contrast, factories in Shenzhen rely on migrants.",
    "About 300 North Korean women work in Donggang, similar to the arrangement in Dandong.",
])
def test_a_place_named_to_compare_is_not_a_place_of_workers(sentence: str, data: Path) -> None:
    assert names(sentence + "\n", data, "2023-03-20") == ["Donggang"]


def test_a_total_is_not_the_figure_of_the_place_half_of_them_are_in(data: Path) -> None:
    text = ("North Korean women sew clothes across the Yanbian Korean Autonomous Prefecture. Of the roughly 3,000 "
            "North Koreans in the prefecture, about half are in Hunchun, traders said.\n")
    figures = {name: row.get("workers_min", "") for name, row in drafts.drafted(text, data, "2023-03-20")
               if row["quote"].startswith("Of the")}
    assert figures == {"Hunchun": "", "Yanbian Korean Autonomous Prefecture": "3000"}


@pytest.mark.parametrize(("sentence", "places"), [
    ("About 300 North Korean women work in Liaoning's Dandong.", ["Dandong"]),
    ("About 300 North Korean women work in the Jilin city of Tumen.", ["Tumen"]),
    ("About 300 North Korean women work in Shandong province, in the coastal city of Weihai.", ["Weihai"]),
    ("About 300 North Korean women work in Hunchun and Tumen, both in Jilin province.", ["Hunchun", "Tumen"]),
])
def test_a_province_named_before_or_after_its_cities_only_locates_them(sentence: str, places: list[str],
                                                                        data: Path) -> None:
    assert names(sentence + "\n", data, "2023-03-20") == places


def test_a_country_after_its_cities_with_both_in_only_locates_them(data: Path) -> None:
    text = "About 300 North Korean builders work in Vladivostok and Khabarovsk, both in Russia.\n"
    assert names(text, data) == ["Vladivostok", "Khabarovsk"]


@pytest.mark.parametrize(("sentence", "place"), [
    ("About 300 North Korean builders work in Vladivostok, in Russia's Far East.", "Vladivostok"),
    ("About 300 North Korean waitresses work in Vientiane, the capital of Laos.", "Vientiane"),
    ("About 300 North Korean waitresses work in Siem Reap, in northwest Cambodia.", "Siem Reap"),
    ("About 300 North Korean loggers work in Tynda, in the Amur region of Russia.", "Tynda"),
    ("In Qatar, North Korean builders work on a stadium in Lusail, north of Doha.", "Lusail"),
])
def test_a_region_country_or_city_that_only_locates_a_city_abroad_is_not_a_second_place(sentence: str, place: str,
                                                                                         data: Path) -> None:
    assert names(sentence + "\n", data) == [place]
