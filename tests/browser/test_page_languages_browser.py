"""The map page in Korean, Chinese and Japanese in Chromium: no English label or button is left, a
Korean browser opens the page in Korean, and the page says its language in ``<html lang>``."""

from __future__ import annotations

import pytest

from geo.i18n import translations
from tests.browser import harness

PROPER_NAMES = {"GeoPackage (QGIS)", "KML (Google Earth)"}
"""Labels that are product names, written alike in every language."""

LABELS_JS = """() => {
  const seen = (el) => el.offsetParent !== null || el.getClientRects().length > 0;
  const texts = [];
  const add = (el) => { const t = (el.innerText || "").trim(); if (t && seen(el)) texts.push(t); };
  document.querySelectorAll("[data-testid='stWidgetLabel']").forEach(add);
  document.querySelectorAll("button").forEach(add);
  document.querySelectorAll("[data-testid='stExpander'] summary").forEach(add);
  document.querySelectorAll("h1, h3").forEach(add);
  document.querySelectorAll("input[placeholder]").forEach((el) => {
    if (seen(el) && el.placeholder) texts.push(el.placeholder.trim());
  });
  return texts;
}"""


def page_labels(page: object) -> set[str]:
    """The visible widget labels, buttons, expanders, headings and placeholders of the map page."""
    expander = page.locator("[data-testid='stExpander'] summary").first
    expander.click()  # the filters' labels too
    harness.wait_for_app(page)
    return set(page.evaluate(LABELS_JS))


@pytest.fixture(scope="module")
def english_labels(app_server: harness.AppServer, browser: object) -> set[str]:
    network = harness.NetworkLog()
    context = harness.new_context(browser, network, viewport={"width": 1400, "height": 1000}, locale="en-US")
    try:
        page = context.new_page()
        page.goto(app_server.url)
        harness.wait_for_app(page)
        harness.wait_for_markers(page)
        found = page_labels(page)
    finally:
        context.close()
    assert {"Presenter mode", "Years", "Sectors", "Download CSV", "Clear all"} - found == {"Clear all"}
    return found


@pytest.mark.parametrize("lang", ["ko", "zh", "ja"])
def test_no_english_label_is_left(open_dashboard, english_labels: set[str], lang: str) -> None:
    opened = open_dashboard(f"?lang={lang}")
    page = opened.page
    assert page.evaluate("() => document.documentElement.lang") == lang
    found = page_labels(page)
    left = (english_labels & found) - PROPER_NAMES
    assert not left, f"{lang}: still in English: {sorted(left)}"
    _ = translations(lang).gettext
    assert {_("Presenter mode"), _("Years"), _("Sectors"), _("Download CSV")} <= found
    assert opened.console_errors == []


def test_a_korean_browser_opens_the_page_in_korean(open_dashboard) -> None:
    opened = open_dashboard("", locale="ko-KR")  # Chromium sends Accept-Language: ko-KR
    page = opened.page
    assert page.evaluate("() => document.documentElement.lang") == "ko"
    assert page.locator("h1.nk-title").inner_text() == translations("ko").gettext(
        "North Korean workers reported in China")
    page.wait_for_function("() => new URLSearchParams(location.search).get('lang') === 'ko'")


def test_the_picker_switches_the_language_and_keeps_the_link(open_dashboard) -> None:
    opened = open_dashboard("?years=2015&years=2019")
    page = opened.page
    picker = page.locator("input[role='combobox'][aria-label='Language']")
    picker.click()
    page.get_by_role("option", name="日本語", exact=True).click()
    harness.wait_for_app(page)
    page.wait_for_function("() => document.documentElement.lang === 'ja'")
    assert page.locator("h1.nk-title").inner_text() == "中国で報告された北朝鮮労働者"
    query = page.evaluate("() => location.search")
    assert "lang=ja" in query and "years=2015" in query and "years=2019" in query
    page.go_back()  # Back undoes the change of language, as it does any other change of view
    page.wait_for_function("() => document.documentElement.lang === 'en'")
    harness.wait_for_app(page)
    assert page.locator("h1.nk-title").inner_text() == "North Korean workers reported in China"
    assert "lang=en" in page.evaluate("() => location.search")


# The title row's controls, as a presenter's screen shows them: the language picker's chosen name
# and the presenter switch's label (Streamlit cuts a text that does not fit with an ellipsis).
TITLE_ROW_CUT_JS = """() => {
  const cut = [];
  const check = (el, text) => { if (el.scrollWidth > el.clientWidth + 1) cut.push(text); };
  document.querySelectorAll(".st-key-lang input").forEach((el) => check(el, el.value));
  document.querySelectorAll(".st-key-present label *").forEach((el) => {
    if (el.children.length === 0 && el.innerText && el.innerText.trim()) check(el, el.innerText.trim());
  });
  return {cut: cut, found: document.querySelectorAll(".st-key-lang input").length};
}"""


@pytest.mark.parametrize("lang", ["en", "ko", "zh", "ja"])
@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)])
def test_the_title_rows_language_and_presenter_switch_are_not_cut(open_dashboard, lang: str,
                                                                 size: tuple[int, int]) -> None:
    """A presenter at 1280×720 read "Englisl" and "Presenter …": the picker's name and the switch's
    label fit their columns in every language, in presenter mode (larger type) and out of it."""
    for query in (f"?lang={lang}&present=true", f"?lang={lang}"):
        page = open_dashboard(query, viewport={"width": size[0], "height": size[1]}).page
        page.wait_for_selector(".st-key-lang input")
        shown = page.evaluate(TITLE_ROW_CUT_JS)
        assert shown["found"] == 1
        assert shown["cut"] == [], f"{query} at {size}: cut {shown['cut']}"
