"""Drafting the sentence shapes of wire copy (issue 23): each test is built on a sentence written for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.drafting.article import article_from_bytes
from geo.drafting.dates import parse_published
from geo.drafting.draft_folder import make_draft
from geo.drafting.numbers import figures_in


@pytest.fixture
def data(real_copy: Path) -> Path:
    """A copy of the real dataset with its seeds inside it."""
    return real_copy


def drafted(text: str, data: Path, published: str = "2022-05-10") -> list[tuple[str, dict[str, str]]]:
    """Each candidate as (place name, report cells)."""
    draft = make_draft(article_from_bytes(text.encode("utf-8")), parse_published(published), data, publisher="Test")
    import csv

    with (data / "places.csv").open(encoding="utf-8") as stream:
        names = {row["id"]: row["name"] for row in csv.DictReader(stream)}
    names |= {row["id"]: row["name"] for row in draft.places}
    return [(names[row["place_id"]], row) for row in draft.reports]


def test_a_dateline_sentence_pairs_each_place_with_the_figure_of_its_clause(data: Path) -> None:
    text = ("TONGHUA, Jilin Province - About 400 North Korean workers had reached Tonghua by May, "
            "and around 250 more arrived in Baishan, traders said.\n")
    found = {name: (row["workers_min"], row["workers_kind"]) for name, row in drafted(text, data)}
    assert found == {"Tonghua": ("400", "estimate"), "Baishan": ("250", "estimate")}  # no Jilin Province row



def test_a_datelines_own_date_is_when_the_story_was_filed_not_when_workers_were_there(data: Path) -> None:
    # "DANDONG, China, Feb. 14, 2025 (Wire) — … last month": drafted as 2025-02, stated, from the dateline,
    # with the dateline in the quote. The period is the month before, inferred; the quote starts after it.
    text = ("DANDONG, China, Feb. 14, 2025 (Wire) — About 30 North Korean women began working at a market "
            "restaurant near the river last month, a Chinese trader said.\n")
    [(name, row)] = drafted(text, data, published="2025-02-14")
    assert name == "Dandong"
    assert (row["date_start"], row["date_end"], row["date_basis"]) == ("2025-01", "2025-01", "inferred")
    assert row["quote"].startswith("About 30 North Korean women")

def test_countries_that_buy_the_goods_are_not_destinations(data: Path) -> None:
    text = "North Korean women in Hunchun peel shrimp that is sold to buyers in Canada and Germany.\n"
    assert [name for name, _ in drafted(text, data)] == ["Hunchun"]


def test_a_river_or_bridge_named_after_a_city_is_not_that_city(data: Path) -> None:
    text = "North Korean workers in Hunchun live in dormitories a short walk from the Tumen River.\n"
    assert [name for name, _ in drafted(text, data)] == ["Hunchun"]


def test_the_headline_is_not_drafted(data: Path) -> None:
    text = "North Korean workers return to Yanji factories\n\nTraders said that 60 North Korean workers came back.\n"
    assert all(row["quote"].startswith("Traders") for _, row in drafted(text, data))


def test_references_back_go_to_the_place_just_named_or_the_dateline(data: Path) -> None:
    text = ("DANDONG, China - Trade across the bridge picked up this spring in Dandong. About 300 North Korean "
            "women now work in the city's seafood plants. Most of them were sent to Yanji in April. "
            "They sew uniforms there.\n")
    found = [(name, row["quote"][:12]) for name, row in drafted(text, data)]
    assert ("Dandong", "About 300 No") in found
    assert ("Yanji", "They sew uni") in found
    assert not any(name == "China" for name, _ in found)


def test_a_company_named_after_a_place_is_placed_where_its_apposition_says(data: Path) -> None:
    text = "Dandong Jinhai Foods Co., a seafood processor in Hunchun, employs about 150 North Korean women.\n"
    found = drafted(text, data)
    assert [name for name, _ in found] == ["Hunchun"]
    assert found[0][1]["sectors"] == "seafood"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Up to 500 North Korean workers were hired.", [(None, 500, "count")]),
    ("Between 60 and 80 North Korean workers were hired.", [(60, 80, "estimate")]),
    ("Some 300 North Korean workers were hired.", [(300, 300, "estimate")]),
    ("Several thousand North Korean workers were hired.", [(3000, None, "estimate")]),
    ("Another 90 or so were sent to the plant.", [(90, 90, "estimate")]),
    ("The plant hired about a dozen North Korean workers.", [(12, 12, "estimate")]),
    ("About 35 percent of the North Korean workers sew clothes.", []),
])
def test_figure_forms_and_kinds(sentence: str, expected: list[tuple]) -> None:
    assert [(f.low, f.high, f.kind) for f in figures_in(sentence)] == expected


def test_a_share_is_not_a_head_count(data: Path) -> None:
    text = "About 35 percent of the North Korean workers in Dandong sew clothes.\n"
    (name, row), = drafted(text, data)
    assert name == "Dandong" and row["workers_min"] == "" and row["workers_max"] == ""


@pytest.mark.parametrize(("sentence", "hedged"), [
    ("North Korean workers may have been moved to Ningbo in March.", True),
    ("North Korean workers were reportedly moved to Ningbo in March.", True),
    ("North Korean workers were moved to Ningbo in March, a source said.", True),
    ("North Korean workers were moved to Ningbo in May, according to customs records.", False),
])
def test_hedges_fill_caution(sentence: str, hedged: bool, data: Path) -> None:
    (_, row), = drafted(sentence + "\n", data)
    assert bool(row["caution"]) is hedged


def test_a_prefecture_geonames_cities_lack_is_the_prefecture_and_its_province_only_locates_it(data: Path) -> None:
    """Once a fallback to Jilin Province; the prefectures and counties of geo/drafting/counties.py know it."""
    text = "About 80 North Korean workers were sent to Yanbian Korean Autonomous Prefecture in Jilin Province.\n"
    (name, row), = drafted(text, data)
    assert name == "Yanbian Korean Autonomous Prefecture"
    assert "fallback" not in row["reason"] and row["confidence"] == "high"


def test_a_development_zone_named_after_a_city_is_that_city(data: Path) -> None:
    text = "Up to 600 North Korean workers are employed in the Hunchun Border Economic Cooperation Zone.\n"
    (name, row), = drafted(text, data)
    assert (name, row["workers_min"], row["workers_max"]) == ("Hunchun", "", "600")


def test_a_homonym_loses_to_the_town_in_the_province_the_dateline_names(data: Path) -> None:
    # GeoNames has a slightly larger Linjiang in Chongqing; the dateline puts this one in Jilin.
    text = "LINJIANG, Jilin - About 100 North Korean workers arrived in Linjiang in March.\n"
    (name, row), = drafted(text, data)
    assert "Jilin" in row["reason"] and name == "Linjiang"


@pytest.mark.parametrize(("sentence", "low", "high"), [
    ("About 400 North Korean garment workers were moved to Shenyang.", 400, 400),
    ("In nearby Tumen, another 80 were cutting timber for a Chinese firm.", 80, 80),
])
def test_a_figure_with_a_trade_word_or_an_ing_verb_is_read(sentence: str, low: int, high: int) -> None:
    (figure,) = figures_in(sentence)
    assert (figure.low, figure.high) == (low, high)
