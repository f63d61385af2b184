"""The map in Korean, Chinese and Japanese, in headless Chromium: the dashboard at /?lang=ko|zh|ja and
the export written by `geo export --format html --lang ko|zh|ja` name Dandong 단둥 / 丹东 / 丹東 in
tooltips, labels and screen readers' names, and the popups' and tooltips' fixed words are in the
language (what nkmap draws from config.words, geo.map.words)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from geo import cli
from geo.map.words import map_words
from tests.browser import harness
from tests.browser.test_standalone_browser import PLACES, Visit, standalone_browser, standalone_open  # noqa: F401

pytestmark = pytest.mark.browser

DANDONG = {"ko": "단둥 (Dandong)", "zh": "丹东 (Dandong)", "ja": "丹東 (Dandong)"}
LEGEND = {"ko": "범례", "zh": "图例", "ja": "凡例"}
SECTOR = {"ko": "섬유·의류", "zh": "纺织服装", "ja": "繊維・衣料品"}
COUNT = {"ko": r"보고 \d+건", "zh": r"\d+条报告", "ja": r"報告\d+件"}
ENGLISH = re.compile(r"\b(reports?|workers?|level|city|table|scroll|presence|inferred|stated|newest)\b", re.I)
SHOTS = Path(os.environ.get("NK_SCREENSHOTS", "")) if os.environ.get("NK_SCREENSHOTS") else None
"""Where to save the screenshots of each language (set NK_SCREENSHOTS to a folder to look at them)."""

# Everything the map wrote, read back from Leaflet's layers and the page: tooltips and popups as bound,
# the labels beside the marks, the marks' names for screen readers, and the popups' own lines (not the
# reports' HTML inside them: geo.reading.reports, the card's wording).
WRITTEN_JS = """() => {
  const out = {tooltips: [], popups: [], labels: [], aria: [], fixed: []};
  window.map.eachLayer(function (layer) {
    const tip = layer.getTooltip && layer.getTooltip(), popup = layer.getPopup && layer.getPopup();
    if (tip && typeof tip.getContent() === "string") { out.tooltips.push(tip.getContent()); }
    if (popup && typeof popup.getContent() === "string") { out.popups.push(popup.getContent()); }
  });
  document.querySelectorAll(".nk-label-text").forEach(function (e) { out.labels.push(e.textContent); });
  document.querySelectorAll(".nk-place[aria-label]").forEach(function (e) {
    out.aria.push(e.getAttribute("aria-label"));
  });
  out.popups.forEach(function (html) {
    const box = document.createElement("div");
    box.innerHTML = html;
    const own = ".nk-popup > h4 .nk-precision, .nk-popup > p.nk-presence, .nk-popup > p.nk-more";
    box.querySelectorAll(own).forEach(function (e) { out.fixed.push(e.textContent); });
  });
  return out;
}"""


def text_of(html: str) -> str:
    """Visible words of a tooltip: tags, the hidden place key and English names in brackets taken out."""
    text = re.sub(r'<span class="nk-key" hidden>.*?</span>', "", html)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"\([A-Z][^()]*\)", "", text)


def check_written(written: dict, lang: str) -> None:
    dandong = DANDONG[lang]
    tooltips = [text_of(html) for html in written["tooltips"]]
    assert any(re.search(rf"^{re.escape(text_of(dandong))}\s· {COUNT[lang]}", t) for t in tooltips), tooltips[:5]
    assert any(f"<b>{dandong}</b>" in html for html in written["tooltips"])
    left = [t for t in tooltips if ENGLISH.search(t)]
    assert not left, f"{lang}: English left in tooltips: {left[:5]}"
    assert dandong in written["labels"]
    assert any(re.match(rf"{re.escape(dandong)}{re.escape(map_words(lang)['listSeparator'])}{COUNT[lang]}", a)
               for a in written["aria"]), written["aria"][:5]
    assert not [a for a in written["aria"] if ENGLISH.search(text_of(a))]
    # The popups' own lines: an area's level (the data have provinces and countries), few or no workers …
    assert written["fixed"], "no popup line of the map's own"
    notes = set(map_words(lang)["levelNote"].values())
    assert any(line.strip("()") in notes for line in written["fixed"]), written["fixed"][:5]
    left = [line for line in written["fixed"] if ENGLISH.search(line)]
    assert not left, f"{lang}: English left in popups: {left[:5]}"
    assert any(f"<h4>{dandong}" in html for html in written["popups"])


def hover_dandong(target: object, lang: str) -> str:
    """Point at Dandong's mark and return the tooltip the page shows."""
    mark = target.locator(f'.nk-place[aria-label^="{DANDONG[lang]}"]').first
    mark.hover(force=True)
    tip = target.locator(".leaflet-tooltip").first
    tip.wait_for(state="visible", timeout=5000)
    return tip.inner_text()


@pytest.mark.parametrize("lang", sorted(DANDONG))
def test_dashboard_map_reads_in_the_language(open_dashboard: Callable, lang: str) -> None:
    opened = open_dashboard(f"?lang={lang}", viewport={"width": 1280, "height": 720})
    frame = harness.map_frame(opened.page)
    check_written(frame.evaluate(WRITTEN_JS), lang)
    assert DANDONG[lang] in hover_dandong(frame, lang)
    assert frame.locator(".nk-legend summary").inner_text().strip() == LEGEND[lang]
    assert SECTOR[lang] in frame.locator(".nk-legend").text_content()  # folded on a small map
    zoom = frame.evaluate("""() => [...document.querySelectorAll('.leaflet-control-zoom a')]
        .map(a => [a.title, a.getAttribute('aria-label')])""")
    words = map_words(lang)
    assert zoom == [[words["zoomIn"]] * 2, [words["zoomOut"]] * 2], zoom  # Leaflet's "Zoom in" was left
    if SHOTS:
        opened.page.screenshot(path=str(SHOTS / f"dashboard-map-{lang}.png"))


def test_dashboard_map_stays_english_by_default(open_dashboard: Callable) -> None:
    written = harness.map_frame(open_dashboard("").page).evaluate(WRITTEN_JS)
    assert "Dandong" in written["labels"]
    assert any("<b>Dandong</b> · " in html and " report" in html for html in written["tooltips"])
    assert any("not a city" in line for line in written["fixed"])


@pytest.mark.parametrize("lang", sorted(DANDONG))
def test_export_map_reads_in_the_language(standalone_open: Callable[..., Visit], tmp_path: Path,  # noqa: F811
                                          lang: str, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / f"export-{lang}.html"
    assert cli.main(["export", "--format", "html", "--lang", lang, "--no-tiles", "-o", str(out)]) == 0
    visit = standalone_open(out.read_text(encoding="utf-8"))
    page = visit.page
    page.locator(PLACES).first.wait_for()
    check_written(page.evaluate(WRITTEN_JS), lang)
    assert DANDONG[lang] in hover_dandong(page, lang)
    # An export popup holds every report and says so in the language when there are several.
    assert any(line in {f.replace("{n}", n) for f in map_words(lang)["scroll"] for n in re.findall(r"\d+", line)}
               for line in page.evaluate(WRITTEN_JS)["fixed"])
    if SHOTS:
        page.screenshot(path=str(SHOTS / f"export-map-{lang}.png"))
    visit.assert_clean()
