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
