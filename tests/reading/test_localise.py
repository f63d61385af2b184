"""Tests for geo.reading.localise and geo.reading.page_words: dates, numbers, names and phrases in each language."""

from __future__ import annotations

import pytest

from geo.query.aggregate import summary_line
from geo.reading.localise import (
    ROLE_WORDS,
    format_date_in,
    format_money,
    format_number,
    format_year_span,
    place_label,
    place_name,
    sector_label,
    vocabulary_word,
)
from geo.reading.page_words import page_words, summary_line_in
from geo.reading.wording import format_date


@pytest.mark.parametrize(("value", "lang", "expected"), [
    ("2019-11", "ko", "2019년 11월"),
    ("2019-11", "zh", "2019年11月"),
    ("2019-11", "ja", "2019年11月"),
    ("2019", "ko", "2019년"),
    ("2019", "ja", "2019年"),
    ("2019-11-23", "ko", "2019년 11월 23일"),
    ("2019-11-23", "zh", "2019年11月23日"),
    ("2019-11/2019-12", "ko", "2019년 11월 ~ 12월"),
    ("2019-11/2019-12", "zh", "2019年11月至12月"),
    ("2019-11-23/2019-12-21", "ja", "2019年11月23日～12月21日"),
    ("2019-11-23/2019-11-23", "ja", "2019年11月23日"),
])
def test_format_date_in(value: str, lang: str, expected: str) -> None:
    assert format_date_in(value, lang) == expected


@pytest.mark.parametrize("value", ["2019", "2019-11", "2019-11-23", "2019-11-23/2019-12-21", "2019-11/2019-12"])
@pytest.mark.parametrize("lang", ["en", "xx"])
def test_english_dates_keep_the_projects_wording(value: str, lang: str) -> None:
    assert format_date_in(value, lang) == format_date(value)


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "2010–2013"), ("ko", "2010년 ~ 2013년"), ("zh", "2010–2013年"), ("ja", "2010年～2013年")])
def test_format_year_span(lang: str, expected: str) -> None:
    assert format_year_span(2010, 2013, lang) == expected
    assert format_year_span(2016, 2016, lang) == format_date_in("2016", lang)


@pytest.mark.parametrize(("amount", "currency", "lang", "expected"), [
    (5000, "CNY", "zh", "¥5,000"),
    (5000, "CNY", "ko", "CN¥5,000"),
    (780, "USD", "ko", "US$780"),
    (12.5, "USD", "en", "$12.50"),
    (700, "CNY", "ja", "元700"),
])
def test_format_money(amount: float, currency: str, lang: str, expected: str) -> None:
    assert format_money(amount, currency, lang) == expected


def test_format_number() -> None:
    assert [format_number(120000, lang) for lang in ("en", "ko", "zh", "ja")] == ["120,000"] * 4


DANDONG = {"name": "Dandong", "name_ko": "단둥", "name_zh": "丹东", "name_ja": "丹東"}


@pytest.mark.parametrize(("place", "lang", "name", "label"), [
    (DANDONG, "ko", "단둥", "단둥 (Dandong)"),
    (DANDONG, "zh", "丹东", "丹东 (Dandong)"),
    (DANDONG, "ja", "丹東", "丹東 (Dandong)"),
    (DANDONG, "en", "Dandong", "Dandong"),
    (DANDONG, "xx", "Dandong", "Dandong"),
    ({"name": "Ningbo", "name_ko": "", "name_zh": " "}, "ko", "Ningbo", "Ningbo"),  # missing: English
    ({"name": "Ningbo"}, "zh", "Ningbo", "Ningbo"),  # no such column
    ({"name": "IT", "name_ja": "IT"}, "ja", "IT", "IT"),  # the same in both: said once
])
def test_place_name_and_label(place: dict, lang: str, name: str, label: str) -> None:
    assert place_name(place, lang) == name
    assert place_label(place, lang) == label


def test_sector_label_falls_back_to_english() -> None:
    sector = {"label": "Construction", "label_ko": "건설", "label_zh": ""}
    assert [sector_label(sector, lang) for lang in ("en", "ko", "zh", "ja")] == [
        "Construction", "건설", "Construction", "Construction"]


def test_vocabulary_words() -> None:
    assert [vocabulary_word(ROLE_WORDS, "origin", lang) for lang in ("en", "ko", "zh", "ja")] == [
        "origin", "송출지", "派出地", "送り出し地"]
    assert vocabulary_word(ROLE_WORDS, "unknown-role", "ko") == "unknown-role"


@pytest.mark.parametrize(("reports", "places", "years", "few"), [
    (12, 5, (2012, 2019), 0), (1, 1, (2016, 2016), 0), (12, 5, (2012, 2019), 1), (2, 1, (2010, 2011), 1),
    (0, 0, None, 0),
])
def test_english_summary_line_is_the_one_geo_aggregate_writes(reports: int, places: int, years: tuple | None,
                                                               few: int) -> None:
    """One phrase in two homes (the page's and the export script's): they must agree."""
    assert summary_line_in("en", reports, places, years, few_or_none=few) == summary_line(
        reports, places, years, few_or_none=few)


@pytest.mark.parametrize(("lang", "expected"), [
    ("ko", "장소 5곳, 보고 12건 (그중 1곳은 노동자가 적거나 없음) · 2012년 ~ 2019년"),
    ("zh", "5个地点的12条报告（其中1个地点劳工很少或没有） · 2012–2019年"),
    ("ja", "5か所で報告12件（うち1か所は労働者が少ない・いない） · 2012年～2019年"),
])
def test_summary_line_in_each_language(lang: str, expected: str) -> None:
    assert summary_line_in(lang, 12, 5, (2012, 2019), few_or_none=1) == expected


def test_page_words_year_templates_come_from_babel() -> None:
    assert page_words("ko")["year"] == "{y}년"
    assert page_words("en")["yearSpan"] == "{first}–{last}"
    assert page_words("ja")["yearSpan"] == "{first}年～{last}年"
