"""Tests for geo.reading.printout: the reports the printed map page lists."""

from __future__ import annotations

import re

import pytest

from geo.data.load import Dataset, load_dataset
from geo.escape import escape
from geo.query.filters import Filters
from geo.query.selection import build_view
from geo.reading.printout import printed_parts, printed_reports
from tests.conftest import write_dataset


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The tiny three-report dataset, loaded."""
    return load_dataset(write_dataset(tmp_path_factory.mktemp("tiny")))


def listed(html: str) -> list[str]:
    """The report ids the list gives, in order."""
    return re.findall(r'class="nk-print-place"><b>[^<]*</b> · ([^<]+)</p>', html)


def test_every_report_of_the_view_with_its_quote_period_and_source(tiny: Dataset) -> None:
    view = build_view(tiny, Filters())
    html = printed_reports(tiny, view)
    assert listed(html) == list(tiny.reports["id"].iloc[view.rows])
    assert f"Reports ({len(view.rows)})" in html
    for report in tiny.reports.to_dict("records"):
        assert escape(report["quote"]) in html
        assert escape(report["publisher"]) in html
        if report["source_url"]:
            assert escape(report["source_url"]) in html


def test_a_focused_place_lists_only_its_reports(tiny: Dataset) -> None:
    view = build_view(tiny, Filters())
    place = str(tiny.reports["place_id"].iloc[0])
    name = tiny.places.at[place, "name"]
    html = printed_reports(tiny, view, place)
    expected = [r for r, p in zip(tiny.reports["id"].iloc[view.rows], tiny.reports["place_id"].iloc[view.rows],
                                  strict=True) if p == place]
    assert listed(html) == expected and 0 < len(expected) < len(view.rows)
    assert f"Reports at {escape(name)} ({len(expected)})" in html


def test_a_long_list_stops_at_the_limit_and_says_so(tiny: Dataset) -> None:
    view = build_view(tiny, Filters())
    html = printed_reports(tiny, view, limit=1)
    assert len(listed(html)) == 1
    assert f"The newest 1 of {len(view.rows)}; the CSV download has them all." in html


def test_an_empty_view_says_no_report_matches(tiny: Dataset) -> None:
    view = build_view(tiny, Filters(text="no quote says this"))
    html = printed_reports(tiny, view)
    assert listed(html) == [] and "No report matches these filters." in html


def test_the_printout_reads_in_the_pages_language(tiny: Dataset) -> None:
    """Headings, the limit's note and each report as the card words it, in Korean; quotes as published."""
    view = build_view(tiny, Filters())
    html = printed_reports(tiny, view, limit=1, lang="ko")
    total = len(view.rows)
    assert f"보고 ({total}건)" in html and f"전체 {total}건 중 최신 1건입니다." in html
    assert "Reports (" not in html and "The newest" not in html
    assert "nk-quoted" in html  # the card's "quoted as published" line
    focused = printed_reports(tiny, view, "dandong", lang="ja")
    assert "Dandongの報告（1件）" in focused and "Reports at" not in focused  # no local name: the English


def test_the_printout_in_two_parts_is_the_same_printout(tiny: Dataset) -> None:
    """The page sends the head (heading, count, notes) and the list apart; together they are the printout."""
    view = build_view(tiny, Filters())
    for place, limit, lang in ((None, 200, "en"), ("dandong", 200, "ja"), (None, 1, "ko")):
        head, listing = printed_parts(tiny, view, place, limit=limit, lang=lang)
        whole = printed_reports(tiny, view, place, limit=limit, lang=lang)
        assert re.sub(r"\s+", "", whole) == re.sub(r"\s+", "", f'<section class="nk-print">{head}{listing}</section>')
        assert "nk-print-heading" in head and "nk-print-list" not in head
        assert listed(listing) == listed(whole) and "nk-print-heading" not in listing
