"""Tests for geo.fragments: a report's card, a source's header, the highlighted seed, the method."""

from __future__ import annotations

import pytest

from geo import fragments
from geo.load import Dataset, load_dataset
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


def test_the_method_counts_the_dataset(tiny: Dataset) -> None:
    html = fragments.method_html(tiny)
    assert "<b>3 reports</b> at <b>4 places</b> from <b>1 documents</b>" in html
    assert tiny.version in html
