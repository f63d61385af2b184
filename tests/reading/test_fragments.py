"""Tests for geo.reading.fragments: a report's card, a source's header, the highlighted seed, the method."""

from __future__ import annotations

import re

import pytest

from geo.data.load import Dataset, load_dataset
from geo.reading import fragments
from tests.conftest import write_dataset


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The tiny three-report dataset, loaded."""
    return load_dataset(write_dataset(tmp_path_factory.mktemp("tiny")))


def test_source_reader_marks_every_quote(tiny: Dataset) -> None:
    html = fragments.highlighted_seed(tiny, "src-a")
    assert html.count("<mark") == 3
    # The quote with a line break and a double space in the seed is still found.
    assert 'title="r3"' in html
    assert "Workers  from Pyongyang\nwere sent" in html  # the text itself is unchanged


def test_a_card_gives_the_quote_the_date_reasoning_and_the_level(tiny: Dataset) -> None:
    report = tiny.reports.set_index("id").loc["r3"].copy()
    report["id"] = "r3"
    html = fragments.report_card(report, tiny)
    assert "Workers from Pyongyang were sent to Jilin Province." in html
    assert "Date: &#39;this month&#39;" in html or "Date: &#x27;this month&#x27;" in html
    assert "Reported at province level, not at a city." in html


def test_the_source_header_names_the_document_and_its_date_basis(tiny: Dataset) -> None:
    html = fragments.source_header(tiny, "src-a")
    assert "<b>A report</b> by A. Writer. A Publisher, November 2019 — date inferred:" in html
    assert "3 reports quote this document" in html


LOCAL_WORDS = [("ko", ("건", "원문 기사")), ("zh", ("条", "原文")), ("ja", ("件", "元の記事"))]


@pytest.mark.parametrize(("lang", "words"), LOCAL_WORDS)
def test_the_source_header_is_in_the_readers_language(tiny: Dataset, lang: str, words: tuple[str, ...]) -> None:
    """The source documents page's header: its own words translated, the document's as the data gives them."""
    html = fragments.source_header(tiny, "src-a", lang)
    assert "<b>A report</b>" in html and "A. Writer" in html
    english = [word for word in (" by ", "date inferred", "reports quote", "File:", "Read the original")
               if word in html]
    assert english == []
    assert all(word in html for word in words), html
    assert ".." not in html


def test_the_method_counts_the_dataset(tiny: Dataset) -> None:
    html = fragments.method_html(tiny)
    assert "<b>3 reports</b> at <b>4 places</b> from <b>1 document</b>" in html
    assert tiny.version in html


def test_a_card_links_to_the_original_and_gives_the_publication_dates_reasoning(tiny: Dataset) -> None:
    report = tiny.reports.set_index("id").loc["r1"].copy()
    report["id"] = "r1"
    html = fragments.report_card(report, tiny)
    assert '<a href="https://example.org/2019/11/report" target="_blank" rel="noopener noreferrer">' in html
    assert "Publication date: from the deadline it names" in html


def test_show_in_source_marks_the_passage_in_its_context(tiny: Dataset) -> None:
    report = tiny.reports.set_index("id").loc["r2"].copy()
    report["id"] = "r2"
    html = fragments.source_passage(tiny, report, context=20)
    assert '<mark title="r2">In 2016, thirty restaurant staff left Ningbo together.</mark>' in html
    assert html.count("…") == 2  # the passage is cut on both sides


def test_the_method_lists_every_source_with_its_dates_basis(tiny: Dataset) -> None:
    html = fragments.method_html(tiny)
    assert "A Publisher, “A report”, A. Writer, November 2019 — 3 reports. Date: inferred" in html
    assert 'href="https://example.org/2019/11/report"' in html


def test_show_in_source_cuts_its_context_at_whole_words(tiny: Dataset) -> None:
    report = tiny.reports.set_index("id").loc["r2"].copy()
    report["id"] = "r2"
    text = re.sub(r"<[^>]+>", "", fragments.source_passage(tiny, report, context=20))
    before, after = text.split("In 2016", 1)[0], text.split("together.", 1)[1]
    # Twenty characters would start inside "factories" and end inside "Pyongyang": whole words instead.
    assert before.strip() == "… in Dandong." and after.strip() == "Workers  from …", (before, after)


def test_a_passage_not_found_says_so_in_the_readers_language(tiny: Dataset) -> None:
    report = tiny.reports.set_index("id").loc["r2"].copy()
    report["quote"] = "words this seed does not hold"
    assert "could not be found" in fragments.source_passage(tiny, report)
    korean = fragments.source_passage(tiny, report, lang="ko")
    assert "출처 원문에서 이 대목을 찾을 수 없습니다." in korean and "could not be found" not in korean


@pytest.mark.parametrize(("lang", "words"), [
    ("ko", ("저자 A. Writer", "2019년 11월", "날짜 추정:", "보고 3건이 이 문서를 인용합니다", "파일:", "원문")),
    ("zh", ("作者：A. Writer", "2019年11月", "日期推断：", "有 3 条报告引用此文件", "文件：")),
    ("ja", ("著者：A. Writer", "2019年11月", "日付は推定：", "3件の報告がこの文書を引用しています", "ファイル：")),
])
def test_the_source_header_reads_in_the_readers_language(tiny: Dataset, lang: str, words: tuple[str, ...]) -> None:
    html = fragments.source_header(tiny, "src-a", lang)
    assert "<b>A report</b>" in html and "A Publisher" in html  # the source's own fields as it gives them
    for english in (" by ", "date inferred", "quote this document", "File:", "Read the original article",
                    "November"):
        assert english not in html, english
    for word in words:
        assert word in html, word
