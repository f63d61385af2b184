"""The standalone HTML map in headless Chromium: offline, escaped, interactive, article-sized.

Each test writes the page to a temporary folder, opens it from file:// and lets nothing else
load: every other request is recorded and aborted (tiles included). Fixtures are named
``standalone_*`` so they cannot clash with the dashboard's browser fixtures.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from geo.data.load import Dataset, load_dataset
from geo.map.style import marker_style
from geo.publish.export import ExportInfo
from geo.publish.standalone import standalone_html
from geo.query.filters import Filters, filter_mask
from geo.settings import ROOT, SETTINGS
from tests.conftest import SEED_TEXT, tiny_copy, write_dataset
from tests.oracle import aggregate_flows, aggregate_places, summary

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
REQUIRED = os.environ.get("REQUIRE_BROWSER") == "1"

if not CHROMIUM.exists():
    if REQUIRED:
        pytest.fail(f"{CHROMIUM} is missing and REQUIRE_BROWSER=1: install Debian's chromium", pytrace=False)
    pytest.skip(f"{CHROMIUM} is missing (set REQUIRE_BROWSER=1 to make this an error)", allow_module_level=True)
if not REQUIRED:
    pytest.importorskip("playwright.sync_api")
from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402

HOSTILE_TAG = "<img src=x onerror=alert(1)>"
HOSTILE_NAME = f'Dandong {HOSTILE_TAG} ${{alert(1)}} `tick` </script> C:\\temp "dq" \'sq\''
HOSTILE_QUOTE = f"Workers sang {HOSTILE_TAG} and ${{alert(2)}} `tick` </script> at C:\\temp \"dq\" 'sq'."
PLACES = "path.leaflet-interactive.nk-place"
FLOWS = "path.leaflet-interactive.nk-flow"
BLOCKED_TILE = "Failed to load resource: net::ERR_FAILED"


def tile_pattern(template: str = SETTINGS.tiles_url) -> re.Pattern[str]:
    """A regex for the URLs the tile template can produce."""
    pattern = re.escape(template)
    for name, part in {"s": "[a-z0-9-]+", "z": r"\d+", "x": r"\d+", "y": r"\d+", "r": "(@2x)?"}.items():
        pattern = pattern.replace(re.escape("{" + name + "}"), part)
    return re.compile(f"^{pattern}$")


@dataclass
class Visit:
    """One opened page and what it tried to do."""

    page: Page
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def remote(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(("file:", "data:"))]

    def assert_clean(self, *, tiles: bool = False) -> None:
        """No dialog, no script error and nothing fetched from the network (bar blocked tiles)."""
        assert self.dialogs == []
        remote = self.remote()
        if tiles:
            assert [url for url in remote if not tile_pattern().match(url)] == []
            assert {error for error in self.errors} <= {BLOCKED_TILE}
        else:
            assert remote == []
            assert self.errors == []


@pytest.fixture(scope="module")
def standalone_browser(request: pytest.FixtureRequest) -> Iterator[Browser]:
    """Headless Debian Chromium, shared by this module's tests.

    Only one sync Playwright can run in a thread at a time. When the browser conftest keeps a
    session-wide one (``playwright_session``), launch from it; otherwise start one here.
    """
    own = None
    try:
        playwright = request.getfixturevalue("playwright_session")
    except pytest.FixtureLookupError:
        playwright = own = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    if own is not None:
        own.stop()


@pytest.fixture
def standalone_open(standalone_browser: Browser, tmp_path: Path) -> Iterator[Callable[..., Visit]]:
    """Write a page as map.html (and optionally an article around it) and open it from file://."""
    contexts = []

    def open_page(html: str, *, viewport: tuple[int, int] = (1280, 800), article: str | None = None) -> Visit:
        (tmp_path / "map.html").write_text(html, encoding="utf-8")
        target = tmp_path / "map.html"
        if article is not None:
            target = tmp_path / "article.html"
            target.write_text(article, encoding="utf-8")
        context = standalone_browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        contexts.append(context)
        page = context.new_page()
        visit = Visit(page)

        def route(route) -> None:
            visit.requests.append(route.request.url)
            if route.request.url.startswith(("file:", "data:")):
                route.continue_()
            else:
                route.abort()

        def dialog(box) -> None:
            visit.dialogs.append(box.message)
            box.dismiss()

        context.route("**/*", route)
        page.on("dialog", dialog)
        page.on("console", lambda message: visit.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: visit.errors.append(str(error)))
        page.goto(target.as_uri())
        return visit

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def standalone_real() -> Dataset:
    """The project's real dataset."""
    return load_dataset(ROOT / "data")


@pytest.fixture
def standalone_hostile(tmp_path: Path) -> Dataset:
    """The tiny dataset with a place name and a quote built to break out of HTML and JavaScript."""
    tables = tiny_copy()
    tables["places"][0]["name"] = HOSTILE_NAME
    tables["reports"][0]["quote"] = HOSTILE_QUOTE
    return load_dataset(write_dataset(tmp_path / "hostile", tables, seed_text=SEED_TEXT + HOSTILE_QUOTE + "\n"))


def page_for(dataset: Dataset, filters: Filters | None = None, *, tiles: bool = False) -> str:
    filters = filters or Filters()
    info = ExportInfo(dataset_version=dataset.version, filters=filters.describe())
    return standalone_html(dataset, filters, info, tiles=tiles)


def expected(dataset: Dataset, years: tuple[int, int], sectors: tuple[str, ...] | None = None) -> tuple[str, int, int]:
    """What the Python side makes of these controls: count line, places, movement lines."""
    filters = Filters(years=years, sectors=sectors)
    reports = dataset.reports[filter_mask(dataset.reports, filters, sector_matrix=dataset.sector_matrix)]
    places = aggregate_places(reports, dataset.places, dataset.sector_matrix)
    flows = aggregate_flows(reports, dataset.places)
    # A movement is drawn only when both its ends are on the map.
    shown = set(places["place_id"])
    drawn = flows[flows["from_place_id"].isin(shown) & flows["to_place_id"].isin(shown)]
    return summary(reports, len(places), years=years), len(places), len(drawn)


def shown(page: Page) -> tuple[str, int, int]:
    """What the page shows: count line, place marks, movement lines."""
    places, flows = page.locator(PLACES).count(), page.locator(FLOWS).count()
    assert page.locator("path.leaflet-interactive").count() == places + flows
    return page.locator("#nk-summary").inner_text(), places, flows


def check_view(page: Page, want: tuple[str, int, int]) -> None:
    expect(page.locator("#nk-summary")).to_have_text(want[0])
    assert shown(page) == want


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_markers_and_count_line_match_python(standalone_open, standalone_real: Dataset) -> None:
    visit = standalone_open(page_for(standalone_real))
    page = visit.page
    dataset = standalone_real
    want = expected(dataset, dataset.years)
    check_view(page, want)
    shipped = dataset.reports[filter_mask(dataset.reports, Filters())]  # places beyond China left out
    places = aggregate_places(shipped, dataset.places, dataset.sector_matrix)
    assert want[1] == len(places) > 10
    # Each mark is styled as the dashboard styles it: main sector's colour, main role's outline
    # (sizes and text are compared with the dashboard's own in test_one_map.py).
    colours = dataset.sectors["colour"].to_dict()
    python_marks = {}
    for place in places.to_dict("records"):
        style = marker_style(place["role"], colours[place["sector"]])
        # An area's mark is the handle at its centre, outlined as any mark of its role; a place
        # where every report says few or no workers is a ring in its sector's colour.
        few = place["presence"] != "reported"
        python_marks[place["place_id"]] = (style["fillColor"], style["fillColor"] if few else style["color"])
    page_marks = {}
    for i in range(page.locator(PLACES).count()):
        mark = page.locator(PLACES).nth(i)
        mark.dispatch_event("mouseover")
        place_id = page.locator(".leaflet-tooltip [data-place]").last.get_attribute("data-place")
        mark.dispatch_event("mouseout")
        page_marks[place_id] = (mark.get_attribute("fill"), mark.get_attribute("stroke"))
    assert page_marks == python_marks
    visit.assert_clean()


def test_export_filters_set_the_first_view(standalone_open, standalone_real: Dataset) -> None:
    filters = Filters(years=(2017, 2019), sectors=("garments", "hospitality"))
    visit = standalone_open(page_for(standalone_real, filters))
    page = visit.page
    check_view(page, expected(standalone_real, (2017, 2019), ("garments", "hospitality")))
    assert page.get_by_label("From").input_value() == "2017"
    assert page.get_by_label("To").input_value() == "2019"
    assert page.get_by_label("Textiles & clothing").is_checked()
    assert not page.get_by_label("Mining").is_checked()
    assert page.locator("#nk-sector-state").inner_text() == "Restaurants & hotels, Textiles & clothing"
    visit.assert_clean()


def test_year_controls_work_by_keyboard(standalone_open, standalone_real: Dataset) -> None:
    visit = standalone_open(page_for(standalone_real))
    page = visit.page
    first, last = standalone_real.years
    start = shown(page)
    year_from, year_to = page.get_by_label("From"), page.get_by_label("To")
    year_from.press("End")  # From jumps to the last year and To stays there: one year
    check_view(page, expected(standalone_real, (last, last)))
    assert shown(page) != start
    year_to.press("Home")  # To before From pulls From back with it
    check_view(page, expected(standalone_real, (first, first)))
    year_to.press("End")
    for _ in range(7):
        year_from.press("ArrowRight")
    check_view(page, expected(standalone_real, (first + 7, last)))
    assert page.locator("#nk-year-from-out").inner_text() == str(first + 7)
    views = {expected(standalone_real, (year, year))[1:] for year in range(first, last + 1)}
    assert len(views) > 1, "the years should not all look alike"
    visit.assert_clean()


def test_sector_toggles_change_the_map(standalone_open, standalone_real: Dataset) -> None:
    visit = standalone_open(page_for(standalone_real))
    page = visit.page
    years = standalone_real.years
    page.get_by_role("button", name="None", exact=True).click()
    check_view(page, ("No reports match these filters", 0, 0))
    garments = page.get_by_label("Textiles & clothing")
    garments.focus()
    page.keyboard.press("Space")
    check_view(page, expected(standalone_real, years, ("garments",)))
    page.get_by_label("Seafood processing").check()
    check_view(page, expected(standalone_real, years, ("garments", "seafood")))
    page.get_by_role("button", name="All", exact=True).click()
    check_view(page, expected(standalone_real, years))
    visit.assert_clean()


def test_play_steps_through_the_years(standalone_open, standalone_real: Dataset) -> None:
    visit = standalone_open(page_for(standalone_real))
    page = visit.page
    first, _ = standalone_real.years
    play = page.locator("#nk-play")
    play.click()
    expect(play).to_have_attribute("aria-pressed", "true")
    page.wait_for_function(f"document.getElementById('nk-year-from').value === '{first + 1}'", timeout=5000)
    play.click()
    expect(play).to_have_attribute("aria-pressed", "false")
    year = int(page.get_by_label("From").input_value())
    assert page.get_by_label("To").input_value() == str(year)
    check_view(page, expected(standalone_real, (year, year)))
    visit.assert_clean()


def test_popups_hold_every_quote_and_source(standalone_open, standalone_real: Dataset) -> None:
    visit = standalone_open(page_for(standalone_real))
    page = visit.page
    page.locator(PLACES).last.click()  # a real click: the last-drawn mark is on top
    expect(page.locator(".leaflet-popup-content")).to_contain_text("“")
    texts, articles = [], 0
    for i in range(page.locator(PLACES).count()):
        page.locator(PLACES).nth(i).dispatch_event("click")
        popup = page.locator(".leaflet-popup-content").last
        texts.append(squash(popup.inner_text()))
        articles += popup.locator("article.nk-report").count()
    assert len(set(texts)) == len(texts), "each mark opens its own popup"
    # The file ships every report at places in China and North Korea (places beyond them only with
    # --abroad, i.e. Filters(abroad=True)).
    shipped = standalone_real.reports[filter_mask(standalone_real.reports, Filters())]
    assert len(shipped) < len(standalone_real.reports)
    assert articles == len(shipped), "with no table below, popups hold every report the file ships"
    assert any(" reports here, newest first" in text for text in texts)
    everything = " ".join(texts)
    for report in shipped.itertuples():
        assert f"“{squash(report.quote)}”" in everything, report.id
        assert squash(f"{report.publisher}, “{report.source_title}”") in everything, report.id
    visit.assert_clean()


def test_places_list_opens_popups(standalone_open, standalone_real: Dataset) -> None:
    visit = standalone_open(page_for(standalone_real))
    page = visit.page
    page.locator("#nk-places-summary").click()
    page.locator("#nk-place-list button", has_text="Ningbo").click()
    expect(page.locator(".leaflet-popup-content h4").last).to_have_text("Ningbo")
    visit.assert_clean()


@pytest.mark.parametrize("filters", [Filters(), Filters(text=HOSTILE_TAG)], ids=["all", "text-filter"])
def test_hostile_text_shows_literally_and_runs_nothing(standalone_open, standalone_hostile: Dataset,
                                                       filters: Filters) -> None:
    visit = standalone_open(page_for(standalone_hostile, filters))
    page = visit.page
    expect(page.locator("#nk-summary")).not_to_be_empty()
    popups, tooltips = [], []
    for i in range(page.locator(PLACES).count()):
        mark = page.locator(PLACES).nth(i)
        mark.dispatch_event("mouseover")
        tooltips.append(page.locator(".leaflet-tooltip").last.inner_text())
        mark.dispatch_event("mouseout")
        mark.dispatch_event("click")
        popups.append(page.locator(".leaflet-popup-content").last.inner_text())
    page.locator("#nk-places-summary").click()
    buttons = page.locator("#nk-place-list button").all_inner_texts()
    page.wait_for_timeout(300)  # an injected <img onerror> would fire by now

    assert any(HOSTILE_NAME in text for text in tooltips)
    assert any(squash(HOSTILE_QUOTE) in squash(text) and HOSTILE_NAME in text for text in popups)
    assert any(HOSTILE_NAME in text for text in buttons)
    if filters.text:
        assert HOSTILE_TAG in page.locator("#nk-footer").inner_text()
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    # metadata, data, outlines, Leaflet, nkmap.js, the page's script: no element added by the data
    assert page.evaluate("document.querySelectorAll('script').length") == 6
    visit.assert_clean()


def test_tiles_are_the_only_remote_request(standalone_open, standalone_real: Dataset) -> None:
    visit = standalone_open(page_for(standalone_real, tiles=True))
    page = visit.page
    expect(page.locator("#nk-summary")).not_to_be_empty()
    page.locator(".leaflet-control-zoom-in").click()
    page.wait_for_timeout(500)
    assert visit.remote(), "the tile layer should have asked for tiles (and been refused)"
    assert page.locator(".leaflet-nkBasemap-pane path").count() > 0, "outlines carry the map offline"
    assert "OpenStreetMap" in page.locator(".leaflet-control-attribution").inner_text()
    visit.assert_clean(tiles=True)


def test_without_tiles_nothing_is_requested(standalone_open, standalone_real: Dataset) -> None:
    visit = standalone_open(page_for(standalone_real, tiles=False))
    expect(visit.page.locator("#nk-summary")).not_to_be_empty()
    visit.page.locator(".leaflet-control-zoom-in").click()
    visit.page.wait_for_timeout(300)
    assert visit.requests == [] or all(url.startswith("file:") for url in visit.requests)
    assert "Natural Earth" in visit.page.locator(".leaflet-control-attribution").inner_text()
    visit.assert_clean()


def test_credit_links_open_outside_the_frame(standalone_open, standalone_real: Dataset) -> None:
    visit = standalone_open(page_for(standalone_real))
    page = visit.page
    page.evaluate("document.addEventListener('click', (event) => event.preventDefault())")
    link = page.locator(".leaflet-control-attribution a").first
    link.click()
    assert link.get_attribute("target") == "_blank"
    assert "noopener" in (link.get_attribute("rel") or "")
    visit.assert_clean()


def layout(frame) -> dict:
    return frame.evaluate("""() => {
      const box = (sel) => document.querySelector(sel).getBoundingClientRect();
      const root = document.documentElement;
      return {scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, map: box('#nk-map').toJSON(),
              controls: box('.nk-controls').toJSON(), summary: box('#nk-summary').toJSON()};
    }""")


def assert_fits(sizes: dict, width: int) -> None:
    assert sizes["scrollWidth"] <= sizes["clientWidth"] <= width, "nothing may scroll sideways"
    assert sizes["map"]["height"] >= 359.5
    assert sizes["map"]["right"] <= sizes["clientWidth"] + 0.5
    assert sizes["controls"]["bottom"] <= sizes["summary"]["top"] <= sizes["map"]["top"]


def test_fits_an_article_iframe(standalone_open, standalone_real: Dataset) -> None:
    article = ("<!DOCTYPE html><html><body style='margin:0'><main style='max-width:680px;margin:0 auto'>"
               "<p>Article text.</p><iframe src='map.html' width='640' height='600' loading='lazy' "
               "title='Map: North Korean workers reported in China' style='border:0'></iframe>"
               "<p>More article text.</p></main></body></html>")
    visit = standalone_open(page_for(standalone_real), viewport=(700, 650), article=article)
    frame = visit.page.frame_locator("iframe")
    expect(frame.locator("#nk-summary")).not_to_be_empty()
    inner = next(f for f in visit.page.frames if f.url.endswith("map.html"))
    sizes = layout(inner)
    assert_fits(sizes, 640)
    assert sizes["map"]["bottom"] <= 600, "the whole map fits the frame without scrolling"
    assert frame.locator(PLACES).count() == expected(standalone_real, standalone_real.years)[1]
    assert not inner.evaluate("document.querySelector('.nk-legend details').open"), "legend starts folded"
    visit.assert_clean()


def test_fits_a_phone(standalone_open, standalone_real: Dataset) -> None:
    visit = standalone_open(page_for(standalone_real), viewport=(390, 844))
    page = visit.page
    expect(page.locator("#nk-summary")).not_to_be_empty()
    assert_fits(layout(page), 390)
    page.locator(PLACES).last.click()
    # Leaflet pans the map to bring the popup in; wait for it to settle inside the screen.
    page.wait_for_function("""() => {
      const box = document.querySelector('.leaflet-popup').getBoundingClientRect();
      return box.left >= 0 && box.right <= window.innerWidth;
    }""", timeout=5000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    visit.assert_clean()


def test_stated_origin_movements_are_drawn_as_stated_lines(standalone_open, standalone_real: Dataset) -> None:
    """Issue 21: Pyongyang, Ryanggang and Hyesan to China, as the sources state them."""
    from tests.browser.harness import drawn_movements

    page = standalone_open(page_for(standalone_real)).page
    check_view(page, expected(standalone_real, standalone_real.years))
    drawn = drawn_movements(page)
    stated = [("pyongyang", "china"), ("ryanggang-province", "china"), ("hyesan", "china"), ("changbai", "shenyang")]
    assert {pair: drawn.get(pair) for pair in stated} == dict.fromkeys(stated, "stated")
    assert drawn[("pyongyang", "jilin-province")] == "inferred"


def test_the_export_links_each_report_to_its_original_or_says_none_is_known(
        standalone_open, standalone_real: Dataset) -> None:
    """An article's reader opens Hyesan's popup and the sources: the one known address is a link
    (in a new tab, out of an iframe), every other source says no address is known."""
    url = "https://www.asiapress.org/rimjin-gang/2025/12/news/dispached_workers"
    page = standalone_open(page_for(standalone_real)).page
    page.locator("#nk-places-summary").click()
    page.locator("#nk-place-list button", has_text="Hyesan").click()
    popup = page.locator(".leaflet-popup")
    popup.wait_for()
    link = popup.get_by_role("link", name="Read the original article").first
    assert link.get_attribute("href") == url and link.get_attribute("target") == "_blank"
    page.locator(".nk-method summary").click()
    sources = page.locator(".nk-method li")
    texts = [sources.nth(i).inner_text() for i in range(sources.count())]
    # Which sources have an address is the data's: each of those links, every other says none is known.
    known = {row["publisher"] for _, row in standalone_real.sources.iterrows() if str(row.get("url") or "")}
    with_url = [text for text in texts if any(publisher in text for publisher in known)]
    assert len(with_url) == len(known) and all("Read the original article" in text for text in with_url)
    others = [text for text in texts if text not in with_url]
    assert others and all("no address known" in text for text in others), others
    assert page.locator(f".nk-method a[href='{url}']").count() == 1


def test_the_wheel_scrolls_past_the_map_until_it_is_chosen(standalone_open, standalone_real: Dataset) -> None:
    """In an article the wheel over the export's map scrolls the page, and the map says how to zoom;
    Ctrl with the wheel zooms it."""
    visit = standalone_open(page_for(standalone_real), viewport=(1280, 600))
    page = visit.page
    page.wait_for_selector("path.nk-place")
    box = page.locator("#nk-map").bounding_box()
    zoom = page.evaluate("map.getZoom()")
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + min(box["height"] / 2, 200))
    page.mouse.wheel(0, 200)
    page.wait_for_timeout(600)
    assert page.evaluate("map.getZoom()") == zoom
    assert "Ctrl" in page.evaluate("document.querySelector('.nk-wheel-hint').textContent")
    assert page.evaluate("getComputedStyle(document.querySelector('.nk-wheel-hint')).opacity") == "1"
    page.keyboard.down("Control")
    page.mouse.wheel(0, -200)
    page.keyboard.up("Control")
    page.wait_for_timeout(600)
    assert page.evaluate("map.getZoom()") > zoom
    visit.assert_clean()


def test_closing_a_popup_returns_the_map_to_where_it_was(standalone_open, standalone_real: Dataset) -> None:
    """A popup pans the map to show all of it; after it closed the map stayed panned, with marks
    left under the credits line. Closing it brings back the view the reader had."""
    visit = standalone_open(page_for(standalone_real), viewport=(1280, 800))
    page = visit.page
    page.wait_for_selector("path.nk-place")
    view = "() => [map.getCenter().lat.toFixed(5), map.getCenter().lng.toFixed(5), map.getZoom()]"
    first = page.evaluate(view)
    # The mark nearest the map's top: its popup cannot open above it without the map panning.
    top = page.evaluate("""() => { const marks = [...document.querySelectorAll('path.nk-place:not(.nk-area-handle)')];
        const tops = marks.map(m => m.getBoundingClientRect().top); return tops.indexOf(Math.min(...tops)); }""")
    page.locator("path.nk-place:not(.nk-area-handle)").nth(top).click()
    page.locator(".leaflet-popup").wait_for()
    page.wait_for_timeout(800)
    assert page.evaluate(view) != first, "the popup did not pan the map (nothing to undo)"
    page.locator(".leaflet-popup-close-button").click()
    page.locator(".leaflet-popup").wait_for(state="detached")
    page.wait_for_timeout(500)
    page.screenshot(path="/tmp/nk-export-popup-closed.png")
    assert page.evaluate(view) == first
    credits = page.locator(".leaflet-control-attribution").bounding_box()
    under = page.evaluate("""(c) => [...document.querySelectorAll('path.nk-place')].map(m => m.getBoundingClientRect())
        .filter(r => r.right > c.x && r.left < c.x + c.width && r.bottom > c.y && r.top < c.y + c.height).length""",
                          credits)
    assert under == 0
    visit.assert_clean()
