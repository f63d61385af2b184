"""Rules meant to carry over to articles the drafter has never seen (issue 23, fourth round).

Each test is built on a sentence written for it: figures in words and with open ends, a year that belongs to a
relative clause about something else, the sector a workplace's article names, small cities abroad.
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


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Two thousand North Korean laborers work at the port.", [(2000, 2000, "count")]),
    ("Twenty-five North Korean women sew at the plant.", [(25, 25, "count")]),
    ("Perhaps 10,000 or more North Korean workers are in the province.", [(10000, None, "estimate")]),
    ("Some 3,000-plus North Korean laborers were hired.", [(3000, None, "estimate")]),
    ("The plant hired 500-odd North Korean women.", [(500, 500, "estimate")]),
    ("At most 300 North Korean workers remain at the site.", [(None, 300, "count")]),
    ("Fewer than 200 North Korean workers stayed on.", [(None, 200, "count")]),
    ("No more than 50 North Korean cooks work there.", [(None, 50, "count")]),
])
def test_figures_in_words_and_with_open_ends(sentence: str, expected: list[tuple]) -> None:
    assert [(f.low, f.high, f.kind) for f in figures_in(sentence)] == expected


@pytest.mark.parametrize("sentence", [
    "Perhaps 400 North Korean women sew coats in Dandong.",
    "About 400 North Korean women are believed to sew coats in Dandong.",
    "About 400 North Korean women possibly still sew coats in Dandong.",
])
def test_perhaps_possibly_and_believed_to_are_hedges(sentence: str, data: Path) -> None:
    (_, row), = drafted(sentence + "\n", data)
    assert row["caution"]


@pytest.mark.parametrize("sentence", [
    "The plant in Dandong, which opened in 2015, employs about 200 North Korean women.",
    "About 200 North Korean women work at a plant in Dandong founded in 2012.",
    "Unlike the restaurants in Beijing, which closed after the 2017 sanctions, the Dandong branch employs 20 "
    "North Korean waitresses.",
])
def test_a_year_in_a_relative_clause_about_a_thing_is_not_the_statement_s_year(sentence: str, data: Path) -> None:
    (name, row), = drafted(sentence + "\n", data)
    assert (name, row["date_start"], row["date_end"]) == ("Dandong", "2023", "2023")


def test_a_year_in_the_workers_own_clause_is_still_read(data: Path) -> None:
    text = "The plant in Dandong, which opened in 2015, took on about 200 North Korean women in 2019.\n"
    (_, row), = drafted(text, data)
    assert (row["date_start"], row["date_end"]) == ("2019", "2019")
