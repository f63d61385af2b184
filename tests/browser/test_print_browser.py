"""The map page on paper and its image download, in Chromium.

Printing (Chromium's PDF of the page, as Ctrl+P makes it) must give the map, the filters in force,
the legend and every report of the view with its quote, on A4 pages none of which is blank; the
image downloaded after choosing filters must say those filters. Expected words come from ``geo``.
"""

from __future__ import annotations

import functools
import re
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from geo.data.load import Dataset, load_dataset
from geo.query.filters import Filters
from geo.query.selection import View, build_view
from geo.reading.pickers import chips
from geo.settings import SETTINGS
from tests.browser import harness
from tests.browser.test_dashboard_browser import THUMBS, choose, open_filters, step_end_year_back, wait_for_summary

pytestmark = pytest.mark.browser

JOURNALIST = {"width": 1280, "height": 720}
PRINTED = "?years=2017&years=2019&sector=Restaurants+%26+hotels"
"""A filtered view: two filters in force, a few pages of reports."""
A4_CONTENT_WIDTH = 794 - 2 * 45  # CSS pixels: 210 mm less the stylesheet's 12 mm margins
SVG = "{http://www.w3.org/2000/svg}"


@functools.cache
def dataset() -> Dataset:
    return load_dataset(SETTINGS.data_dir)


def view_of(**filters: object) -> View:
    filters.setdefault("years", dataset().years)
    return build_view(dataset(), Filters(**filters))


def plain(text: str) -> str:
    """Text as compared: ligatures and compatibility forms undone, whitespace runs made one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def pdf_pages(path: Path) -> list[str]:
    """The text of each page of the PDF at ``path`` (poppler's pdftotext; a form feed ends a page)."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: install Debian's poppler-utils (.ci/run does)", pytrace=False)
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,  # noqa: S607
                         capture_output=True, text=True).stdout
    return out.split("\f")[:-1]


PRINT_STATE_JS = """() => {
  window.__nkPrinted = null;
  window.addEventListener("beforeprint", () => {
    // Registered after nkmap's own listener, so this sees the map as it goes to paper.
    const size = window.map.getSize();
    const box = window.map.getContainer().getBoundingClientRect();
    const marks = Array.from(document.querySelectorAll("path.nk-place")).map((path) => {
      const r = path.getBoundingClientRect();
      return {x: (r.left + r.right) / 2 - box.left, y: (r.top + r.bottom) / 2 - box.top};
    });
    const legend = document.querySelector(".nk-legend");
    const legendBox = legend ? legend.getBoundingClientRect() : null;
    window.__nkPrinted = {width: size.x, height: size.y, marks: marks, frameWidth: window.innerWidth,
                         frameHeight: window.innerHeight, legendBottom: legendBox ? legendBox.bottom : null};
  });
}"""


def test_printing_the_map_page_gives_map_filters_legend_and_every_quote(open_dashboard, tmp_path: Path) -> None:
    page = open_dashboard(PRINTED, viewport=JOURNALIST).page
    view = view_of(years=(2017, 2019), sectors=("hospitality",))
    assert harness.wait_for_markers(page) > 0
    frame = harness.map_frame(page)
    frame.evaluate(PRINT_STATE_JS)
    before = harness.leaflet_view(page)

    page.emulate_media(media="print")
    path = tmp_path / "page.pdf"
    page.pdf(path=str(path), format="A4")
    page.emulate_media(media="screen")

    # The map on paper: no wider than the page, every mark of the view inside it, the legend whole
    # inside the frame below it; and the screen's view back afterwards.
    printed = frame.evaluate("() => window.__nkPrinted")
    assert printed is not None, "the map heard no beforeprint"
    assert printed["width"] <= printed["frameWidth"] <= A4_CONTENT_WIDTH
    assert len(printed["marks"]) == len(view.places)
    width, height = printed["width"], printed["height"]
    outside = [m for m in printed["marks"] if not (0 <= m["x"] <= width and 0 <= m["y"] <= height)]
    assert outside == [], f"marks cut off the printed map ({width}×{height}): {outside}"
    assert printed["legendBottom"] is not None and printed["legendBottom"] <= printed["frameHeight"]
    frame.wait_for_function("() => window.map.getSize().x > 1000")
    after = harness.leaflet_view(page)
    assert after["zoom"] == before["zoom"]
    # The same centre, to the pixel (a fitted zoom is fractional, and Leaflet rounds a view to whole pixels).
    moved = frame.evaluate("(c) => map.latLngToContainerPoint([c.lat, c.lng]).distanceTo(map.getSize().divideBy(2))",
                           before)
    assert moved < 1.5, (before, after)

    pages = pdf_pages(path)
    text = plain(" ".join(pages))
    for _, words in chips(dataset(), view.filters):
        assert plain(words) in text, f"the filter {words!r} is not on paper"
    assert plain(view.summary) in text
    for heading in ("Colour: main sector", "Outline: main role", "Size: number of reports"):
        assert heading in text, f"the legend's {heading!r} is not on paper"
    for label in dataset().sectors["label"]:
        assert plain(label) in text, f"the legend's sector {label!r} is not on paper"
    reports = dataset().reports.iloc[view.rows]
    missing = [rid for rid, quote in zip(reports["id"], reports["quote"], strict=True) if plain(quote) not in text]
    assert missing == [], f"reports whose quote is not on paper: {missing}"
    # No Streamlit chrome or widgets on paper.
    for screen_only in ("Presenter mode", "Clear all", "Download CSV", "Image of this view", "Cite this view",
                        "Source documents", "Tick a row"):
        assert screen_only not in text, f"{screen_only!r} is printed"

    # As many pages as the reports need, and none blank.
    assert 2 <= len(pages) <= 2 + len(view.rows) // 3, f"{len(pages)} pages for {len(view.rows)} reports"
    blank = [number for number, words in enumerate(pages, 1) if len(plain(words)) < 40]
    assert blank == [], f"blank pages: {blank}"


def svg_words(path: Path) -> str:
    root = ET.parse(path).getroot()
    return plain(" ".join("".join(element.itertext()) for element in root.iter(f"{SVG}text")))


def test_the_image_downloaded_after_choosing_filters_says_them(open_dashboard, tmp_path: Path) -> None:
    page = open_dashboard(viewport=JOURNALIST).page
    first, last = dataset().years
    open_filters(page)
    choose(page, "Sectors", "Restaurants & hotels")
    step_end_year_back(page)
    view = view_of(years=(first, last - 1), sectors=("hospitality",))
    wait_for_summary(page, view.summary)

    with page.expect_download() as download:
        page.get_by_role("button", name="Image of this view (SVG)").click()
    path = tmp_path / "view.svg"
    download.value.save_as(path)
    words = svg_words(path)
    found = chips(dataset(), view.filters)
    assert [key for key, _ in found] == ["years", "sector"]
    for _, text in found:
        assert plain(text) in words, f"the image does not say {text!r}: {words[:400]}"
    assert plain(view.summary) in words


PRINTED_LIST_JS = """() => Array.from(document.querySelectorAll('section.nk-print .nk-print-place'),
  (place) => place.textContent.split(' · ').pop().trim())"""


def test_a_year_step_keeps_the_printed_list_it_has_and_paper_follows_each_step(
        browser: object, tmp_path_factory: pytest.TempPathFactory) -> None:
    """The printed list of reports (hidden on the screen) costs a year step nothing when the step
    leaves its reports as they were (more reports than the list holds: only the heading's count
    changes): the list's element stays, not sent, sanitised or built again (issue 22). A step that
    changes the reports lists the new ones, on the page and on paper."""
    from geo.data.synth import synthesise

    folder = synthesise(tmp_path_factory.mktemp("print-step") / "synth", reports=600, places=30)
    data = load_dataset(folder)
    first, last = data.years
    views = [build_view(data, Filters(years=(start, last))) for start in (first, first + 1)]
    lists = [list(data.reports["id"].iloc[v.rows[:SETTINGS.print_reports]]) for v in views]
    # The step raises the start year: it drops old reports, the newest stay.
    assert lists[0] == lists[1] and len(views[0].rows) > len(views[1].rows) > SETTINGS.print_reports
    network = harness.NetworkLog()
    context = harness.new_context(browser, network, viewport=JOURNALIST)
    try:
        with harness.running_app(folder) as server:
            page = context.new_page()
            page.goto(server.url)
            harness.wait_for_app(page)
            heading = page.locator("h3.nk-print-heading")
            heading.wait_for(state="attached")
            assert f"({len(views[0].rows)})" in heading.text_content()
            assert page.evaluate(PRINTED_LIST_JS) == lists[0]
            page.evaluate("() => { document.querySelector('section.nk-print').nkMarked = true; }")

            page.locator(THUMBS).nth(0).focus()
            page.keyboard.press("ArrowRight")  # the start year one on
            harness.wait_for_app(page)
            page.wait_for_function("(n) => document.querySelector('h3.nk-print-heading').textContent"
                                   ".includes('(' + n + ')')", arg=len(views[1].rows))
            assert page.evaluate("() => document.querySelector('section.nk-print').nkMarked === true"), \
                "the printed list was built again though its reports did not change"
            assert page.evaluate(PRINTED_LIST_JS) == lists[1]

            page.locator(THUMBS).nth(1).focus()
            page.keyboard.press("Home")  # the end year down as far as it goes: other reports
            harness.wait_for_app(page)
            years = sorted(int(year) for year in parse_qs(urlparse(page.url).query)["years"])
            view = build_view(data, Filters(years=(years[0], years[-1])))
            page.wait_for_function("(n) => document.querySelector('h3.nk-print-heading').textContent"
                                   ".includes('(' + n + ')')", arg=len(view.rows))
            listed = list(data.reports["id"].iloc[view.rows[:SETTINGS.print_reports]])
            assert listed != lists[1]
            page.emulate_media(media="print")
            path = tmp_path_factory.mktemp("print-step-pdf") / "page.pdf"
            page.pdf(path=str(path), format="A4")
            page.emulate_media(media="screen")
            assert page.evaluate(PRINTED_LIST_JS) == listed
            text = plain(" ".join(pdf_pages(path)))
            assert all(f"· {rid}" in text for rid in listed[:20]), "the step's reports are not on paper"
    finally:
        context.close()
    assert network.others == []
