"""The standalone export in Korean, Chinese and Japanese, in headless Chromium: the script fills the
page's words from data.words, and the places carry their local names beside the English ones."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from geo.data.load import load_dataset
from geo.publish.export import ExportInfo
from geo.publish.standalone import standalone_html
from geo.query.filters import Filters
from geo.reading.page_words import page_words
from geo.settings import SETTINGS
from tests.browser.test_standalone_browser import PLACES, Visit, standalone_browser, standalone_open  # noqa: F401

pytestmark = pytest.mark.browser

EXPECTED = {
    # summary line pattern, Dandong in the place list, the pause button's word
    "ko": (r"^장소 \d+곳, 보고 \d+건( \(그중 \d+곳은 노동자가 적거나 없음\))? · \d{4}년 ~ \d{4}년$", "단둥 (Dandong)"),
    "zh": (r"^\d+个地点的\d+条报告(（其中\d+个地点劳工很少或没有）)? · \d{4}–\d{4}年$", "丹东 (Dandong)"),
    "ja": (r"^\d+か所で報告\d+件(（うち\d+か所は労働者が少ない・いない）)? · \d{4}年～\d{4}年$", "丹東 (Dandong)"),
}


@pytest.mark.parametrize("lang", sorted(EXPECTED))
def test_export_reads_in_its_language(standalone_open: Callable[..., Visit], lang: str) -> None:  # noqa: F811
    dataset = load_dataset(SETTINGS.data_dir)
    info = ExportInfo(dataset_version=dataset.version, filters=Filters().describe(), generated="2025-01-02")
    visit = standalone_open(standalone_html(dataset, Filters(), info, tiles=False, lang=lang))
    page = visit.page
    page.locator(PLACES).first.wait_for()
    summary_pattern, dandong = EXPECTED[lang]
    summary = page.locator("#nk-summary").inner_text()
    assert re.match(summary_pattern, summary), summary
    words = page_words(lang)
    assert page.locator("#nk-places-summary").inner_text().startswith(words["placesOnMap"].split("{n}")[0])
    assert page.locator("#nk-sector-state").inner_text() == words["sectorsAll"].replace(
        "{n}", str(len(dataset.sectors)))
    page.locator("#nk-place-list").evaluate("list => list.closest('details').open = true")
    assert dandong in page.locator("#nk-place-list").inner_text()
    page.locator("#nk-play").click()
    assert page.locator("#nk-play").inner_text() == words["pause"]
    page.locator("#nk-play").click()
    assert page.locator("#nk-play").inner_text() == words["play"]
    page.locator("#nk-no-sectors").click()
    assert page.locator("#nk-summary").inner_text() == words["noMatch"]
    visit.assert_clean()
