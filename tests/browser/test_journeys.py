"""The journeys of ../shared/JOURNEYS.md, taken in Chromium the way a person takes them: a mouse
that clicks a mark, a pointer that hovers places sitting close together, a reader who checks what
the map says about a place the source says has few workers.
"""

from __future__ import annotations

import functools
import re

import pytest

from geo.data.load import Dataset, load_dataset
from geo.settings import SETTINGS
from tests.browser import harness

pytestmark = pytest.mark.browser

JOURNALIST = {"width": 1280, "height": 720}


@functools.cache
def dataset() -> Dataset:
    return load_dataset(SETTINGS.data_dir)


def mark(page: object, name: str) -> object:
    """The map's mark for the place called ``name`` (marks are named buttons)."""
    return harness.map_frame(page).locator(f"path.nk-place[aria-label^='{name},']")


def hover_text(page: object, target: object) -> str:
    """Hover ``target`` with the mouse and read the tooltip that opens."""
    target.hover()
    tooltip = harness.map_frame(page).locator(".leaflet-tooltip").last
    tooltip.wait_for()
    return tooltip.inner_text()


def test_clicking_a_mark_focuses_its_place(open_dashboard) -> None:
    """The journalist clicks Dandong: the URL, the place box and the list of reports follow."""
    opened = open_dashboard(viewport=JOURNALIST)
    page = opened.page
    mark(page, "Dandong").click()
    page.wait_for_url(re.compile(r"[?&]place=Dandong\b"), timeout=20_000)
    heading = page.locator("h3.nk-table-heading")
    heading.filter(has_text="Reports at Dandong").wait_for(timeout=20_000)
    place_box = page.locator("[data-testid='stSelectbox']").filter(has_text="Focus on a place")
    assert "Dandong" in place_box.text_content() + " ".join(place_box.locator("input").evaluate_all(
        "inputs => inputs.map(i => i.value)"))
    reports = dataset().reports
    expected = int((reports["place_id"].astype(str) == "dandong").sum())
    harness.wait_for_app(page)
    rows = page.locator("[data-testid='stDataFrame']").first.get_attribute("data-test-rows") \
        or page.locator("[data-testid='stDataFrame'] [role='row']").count() - 1
    assert int(rows) == expected, f"the table should list every report at Dandong ({expected})"
    assert opened.console_errors == []


@pytest.mark.parametrize("pair", [("Hyesan", "Changbai County"), ("Tumen", "Hunchun")])
def test_places_that_sit_close_together_can_each_be_hovered(open_dashboard, pair: tuple[str, str]) -> None:
    page = open_dashboard(viewport=JOURNALIST).page
    for name in pair:
        assert hover_text(page, mark(page, name)).startswith(name), name
        page.mouse.move(0, 0)


@pytest.mark.parametrize("link", ["", "?years=2019&years=2019"], ids=["every-year", "2019"])
def test_near_places_keep_their_east_west_order_when_moved_apart(open_dashboard, link: str) -> None:
    """Tumen lies west of Hunchun: where their marks are moved apart, Tumen's mark and name stay on
    the west (Hunchun was drawn west of Tumen)."""
    page = open_dashboard(link, viewport=JOURNALIST).page
    frame = harness.map_frame(page)
    frame.locator(".nk-leader").first.wait_for(state="attached", timeout=20_000)
    page.wait_for_timeout(300)
    centre = {name: (lambda box: box["x"] + box["width"] / 2)(mark(page, name).bounding_box())
              for name in ("Tumen", "Hunchun")}
    page.screenshot(path=f"/tmp/nk-east-west{link and '-2019'}.png")
    assert centre["Tumen"] < centre["Hunchun"], centre
    labels = frame.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.nk-label')]
        .map(l => [l.innerText.trim(), l.getBoundingClientRect().left]))""")
    if "Tumen" in labels and "Hunchun" in labels:
        assert labels["Tumen"] < labels["Hunchun"], labels


def test_an_area_does_not_catch_a_click_on_open_ground(open_dashboard) -> None:
    """A click inside Northern China's pale circle, away from its handle, opens nothing."""
    page = open_dashboard(viewport=JOURNALIST).page
    frame = harness.map_frame(page)
    spot = frame.evaluate("""() => {
        let found = null;
        window.map.eachLayer(layer => {
            if (layer.options && layer.options.className === 'nk-area' && !found) {
                const centre = window.map.latLngToContainerPoint(layer.getLatLng());
                const size = window.map.getSize();
                const point = centre.add([0, 40]);
                if (point.x > 20 && point.y > 20 && point.x < size.x - 20 && point.y < size.y - 20) {
                    if (document.elementFromPoint(point.x, point.y).classList.contains('leaflet-container')
                        || document.elementFromPoint(point.x, point.y).tagName === 'path' &&
                           !document.elementFromPoint(point.x, point.y).classList.contains('leaflet-interactive')) {
                        found = [point.x, point.y];
                    }
                }
            }
        });
        return found;
    }""")
    assert spot, "some area has open ground below its centre"
    frame.locator(".leaflet-container").click(position={"x": spot[0], "y": spot[1]})
    page.wait_for_timeout(500)
    assert frame.locator(".leaflet-popup").count() == 0


def test_a_place_the_source_says_has_few_workers_says_so(open_dashboard) -> None:
    """Liaoning: "there aren't many workers being sent to Liaoning Province" is not a presence."""
    page = open_dashboard(viewport=JOURNALIST).page
    liaoning = mark(page, "Liaoning Province")
    assert "few workers reported" in hover_text(page, liaoning)
    assert "few workers reported" in (liaoning.get_attribute("aria-label") or "")
    assert "with few or no workers" in page.locator(".nk-summary").inner_text()


def test_an_inferred_movement_says_so_and_can_be_hidden(open_dashboard) -> None:
    page = open_dashboard(viewport=JOURNALIST).page
    frame = harness.map_frame(page)
    inferred = frame.locator("path.nk-flow.nk-inferred")
    assert inferred.count() >= 1
    # Along the line to a point where it is on top (lines cross), as a person moves the pointer along it.
    spot = inferred.first.evaluate("""line => {
        for (let k = 1; k < 20; k++) {
          const p = line.getPointAtLength(line.getTotalLength() * k / 20), m = line.getScreenCTM();
          const x = m.a * p.x + m.c * p.y + m.e, y = m.b * p.x + m.d * p.y + m.f;
          if (document.elementFromPoint(x, y) === line) { return {x, y}; }
        }
        return null; }""")
    assert spot is not None, "the inferred line is covered all along"
    box = page.locator(harness.MAP_IFRAME).bounding_box()
    page.mouse.move(box["x"] + spot["x"], box["y"] + spot["y"])
    tooltip = frame.locator(".leaflet-tooltip").last
    tooltip.wait_for()
    assert "inferred, not stated" in tooltip.inner_text()
    page.mouse.move(0, 0)
    legend = frame.locator(".nk-legend")
    if not legend.locator("details").evaluate("d => d.open"):
        legend.locator("summary").click()
    legend.get_by_label("Show inferred movements").uncheck()
    assert not inferred.first.is_visible()
    assert frame.locator("path.nk-flow:not(.nk-inferred)").first.is_visible()



@pytest.mark.parametrize("viewport", [JOURNALIST, {"width": 1440, "height": 900}], ids=["1280x720", "1440x900"])
def test_the_journalists_first_view_shows_the_title_the_years_and_300_px_of_map(open_dashboard, viewport) -> None:
    """Journey 1: on `/`, without scrolling, the title, the year control and at least 300 px of the
    map (a fresh user measured 296 px at 1280×720: the title took two tall lines)."""
    page = open_dashboard(viewport=viewport).page
    seen = page.evaluate("""([iframe]) => {
        const map = document.querySelector(iframe).getBoundingClientRect();
        const box = (s) => { const e = document.querySelector(s); return e && e.getBoundingClientRect(); };
        const title = box("h1"), years = box("[data-testid='stSlider']");
        return {map: Math.min(innerHeight, map.bottom) - Math.max(0, map.top),
                title: !!title && title.bottom <= innerHeight, years: !!years && years.bottom <= innerHeight};
    }""", [harness.MAP_IFRAME])
    assert seen["title"] and seen["years"], seen
    assert seen["map"] >= 300, f"{seen['map']:.0f} px of the map on the first screen"

PRESENTER = {"width": 1280, "height": 720}
WIDE = {"width": 1920, "height": 1080}
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
SHARED = "?years=2017&years=2019&sector=Restaurants+%26+hotels"


def test_play_shows_the_years_one_at_a_time(open_dashboard) -> None:
    page = open_dashboard("?present=true", viewport=PRESENTER).page
    page.get_by_role("button", name="▶ Play the years").click()
    seen: list[str] = []
    for _ in range(60):  # up to 15 s
        text = page.locator(".nk-bigyears").inner_text()
        if not seen or seen[-1] != text:
            seen.append(text)
        if len([year for year in seen if year.isdigit()]) >= 4:
            break
        page.wait_for_timeout(250)
    singles = [int(year) for year in seen if year.isdigit()]
    first = dataset().years[0]
    assert singles[:4] == [first, first + 1, first + 2, first + 3], seen
    page.get_by_role("button", name="❚❚ Pause").click()
    page.wait_for_timeout(2500)
    paused = page.locator(".nk-bigyears").inner_text()
    page.wait_for_timeout(2500)
    assert page.locator(".nk-bigyears").inner_text() == paused, "Pause stops the years"


def test_leaving_presenter_mode_brings_back_the_page_and_keeps_the_link(open_dashboard) -> None:
    page = open_dashboard("?present=true&sector=Restaurants+%26+hotels", viewport=PRESENTER).page
    page.get_by_text("Presenter mode", exact=True).click()
    page.wait_for_url(lambda url: "present=" not in url, timeout=20_000)
    harness.wait_for_app(page)
    assert "sector=Restaurants" in page.url
    assert page.locator("h1", has_text="North Korean workers reported in China").is_visible()
    assert page.get_by_text("Filter by sector, role, source or words in the quotes").is_visible()
    assert page.locator(".nk-chip", has_text="Sectors: Restaurants & hotels").is_visible()
    assert page.locator("[data-testid='stDataFrame']").count() == 1
    assert page.locator(".nk-bigyears").count() == 0


def test_back_and_forward_across_presenter_mode_give_one_mode_or_the_other(open_dashboard) -> None:
    """Back after leaving presenter mode gave half a presenter's page (the toggle on, the link's
    present=true, but the whole page's heading, filters and small years); Forward the other half.
    Each gives one mode whole."""
    page = open_dashboard("?present=true&sector=Restaurants+%26+hotels", viewport=PRESENTER).page
    toggle = page.locator("[data-testid='stCheckbox']").filter(has_text="Presenter mode").locator("input")
    filters = page.get_by_text("Filter by sector, role, source or words in the quotes")

    def presenter_page() -> bool:
        page.wait_for_timeout(1500)
        harness.wait_for_app(page)
        return page.locator(".nk-bigyears").is_visible() and not filters.is_visible()

    def whole_page() -> bool:
        page.wait_for_timeout(1500)
        harness.wait_for_app(page)
        return page.locator(".nk-bigyears").count() == 0 and filters.is_visible()

    assert presenter_page()
    page.get_by_text("Presenter mode", exact=True).click()
    page.wait_for_url(lambda url: "present=" not in url, timeout=20_000)
    assert whole_page() and not toggle.is_checked()
    page.go_back()
    page.wait_for_url(lambda url: "present=true" in url, timeout=20_000)
    assert presenter_page(), "Back: not the presenter's page"
    assert toggle.is_checked()
    page.go_forward()
    page.wait_for_url(lambda url: "present=" not in url, timeout=20_000)
    assert whole_page(), "Forward: not the whole page"
    assert not toggle.is_checked()
    assert "sector=Restaurants" in page.url


def test_a_presenters_legend_for_a_year_with_no_reports_has_no_empty_headings(open_dashboard) -> None:
    """Stepping to a year with no reports left the presenter's legend with three headings over empty
    lists and the inferred movements' switch: it keeps only its title; a year with reports brings
    back the headings of what it shows."""
    page = open_dashboard("?present=true&years=2013&years=2013", viewport=PRESENTER).page
    frame = harness.map_frame(page)
    frame.locator(".nk-presenting .nk-legend details[open]").wait_for(timeout=20_000)
    shown = """() => [...document.querySelectorAll('.nk-legend .nk-legend-h, .nk-legend-note')]
        .filter(e => e.offsetWidth > 0).map(e => e.textContent.trim())"""
    frame.wait_for_function(f"() => ({shown})().length > 0", timeout=20_000)
    assert "Size: number of reports" in frame.evaluate(shown)
    page.get_by_role("button", name="Next year ▶").click()
    page.wait_for_function("() => document.querySelector('.nk-bigyears').textContent.includes('2014')",
                           timeout=20_000)
    assert page.get_by_text("No reports match these filters").is_visible()
    frame.wait_for_function(f"() => ({shown})().length === 0", timeout=10_000)


def test_the_presenters_map_fills_the_screen(open_dashboard) -> None:
    page = open_dashboard("?present=true", viewport=WIDE).page
    box = page.locator(harness.MAP_IFRAME).bounding_box()
    assert box["height"] >= 600 and box["y"] + box["height"] <= WIDE["height"] + 1, box
    assert page.locator("h1").is_visible()


@pytest.mark.parametrize("viewport", [WIDE, JOURNALIST], ids=["1920x1080", "1280x720"])
def test_the_presenters_legend_is_open_and_lists_what_the_map_shows(open_dashboard, viewport) -> None:
    page = open_dashboard("?present=true&sector=Restaurants+%26+hotels", viewport=viewport).page
    legend = harness.map_frame(page).locator(".nk-legend")
    assert legend.locator("details").evaluate("details => details.open")
    sectors = legend.locator("li[data-key^='sector:']")
    listed = [sectors.nth(i).inner_text() for i in range(sectors.count()) if sectors.nth(i).is_visible()]
    assert listed == ["Restaurants & hotels"], listed
    assert page.locator("[data-testid='stCheckbox']").filter(has_text="Presenter mode").is_visible()
    toggle_text = page.locator("[data-testid='stCheckbox']").filter(has_text="Presenter mode")
    fits = "e => [...e.querySelectorAll('p, div')].filter(x => x.textContent.trim() === 'Presenter mode')" \
           ".every(x => x.scrollWidth <= x.clientWidth + 1)"
    assert toggle_text.evaluate(fits), "the toggle's label fits"


def test_a_shared_link_on_a_phone_shows_its_filter_and_a_tapped_popup_fits(open_dashboard) -> None:
    opened = open_dashboard(SHARED, **PHONE)
    page = opened.page
    chip = page.locator(".nk-chip", has_text="Sectors: Restaurants & hotels")
    chip.wait_for()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "nothing scrolls sideways"
    frame = harness.map_frame(page)
    mark(page, "Dandong").tap()
    popup = frame.locator(".leaflet-popup")
    popup.wait_for()
    page.wait_for_timeout(1500)  # the map pans to show the whole popup
    size = frame.evaluate("() => [window.innerWidth, window.innerHeight]")
    rect = "(selector) => document.querySelector(selector).getBoundingClientRect().toJSON()"
    box = frame.evaluate(rect, ".leaflet-popup")
    assert box["left"] >= 0 and box["right"] <= size[0], (box, size)
    close = frame.locator(".leaflet-popup-close-button")
    close_box = frame.evaluate(rect, ".leaflet-popup-close-button")
    assert 0 <= close_box["left"] and close_box["right"] <= size[0] and close_box["top"] >= 0
    close.tap()
    frame.locator(".leaflet-popup").wait_for(state="detached", timeout=5_000)


# Polled on every frame while a page loads: once the map shows marks (its frame has its height and
# its document has marks), where the map is and what is held back.
FIRST_SIGHT = """() => {
  const frame = document.querySelector('iframe[data-testid="stCustomComponentV1"]');
  const doc = frame && frame.contentDocument;
  const shown = !!doc && frame.getBoundingClientRect().height >= 100;
  if (!shown || !doc.querySelector('path.leaflet-interactive')) return false;
  frame.contentWindow.__first_sight = true;
  return {held: [...document.querySelectorAll('.nk-held')].map(e => e.className),
          top: frame.getBoundingClientRect().top,
          chips: [...document.querySelectorAll('.nk-chip')].map(e => e.firstChild.textContent),
          summary: (document.querySelector('.nk-summary') || {}).textContent};
}"""


def shared_link_reports() -> int:
    """How many reports the shared link's view holds, as the library counts them (the data grows)."""
    from geo.query.selection import build_view
    from geo.reading.pickers import filters_from_link

    dataset = load_dataset(SETTINGS.data_dir)
    filters = filters_from_link(dataset, {"sector": ["Restaurants & hotels"]}, (2017, 2019))
    return len(build_view(dataset, filters).rows)


def test_a_shared_links_marks_come_first_and_nothing_moves_as_the_page_fills_in(app_server, browser) -> None:
    """The reader of a shared link sees its marks, summary and filter chips before the page's
    widgets, timeline and table, which then take the room kept for them: the map neither moves
    nor reloads."""
    network = harness.NetworkLog()
    context = harness.new_context(browser, network, viewport=JOURNALIST)
    try:
        page = context.new_page()
        page.goto(app_server.url + SHARED)
        first = page.wait_for_function(FIRST_SIGHT, polling="raf", timeout=60_000).json_value()
        expected = f"{shared_link_reports()} reports"
        assert "Sectors: Restaurants & hotels" in first["chips"] and first["summary"].startswith(expected)
        held = {name.split("nk-held-")[-1] for name in first["held"]}
        assert held == {"place", "toggle", "language", "filters", "years", "timeline", "clear"}, \
            "the widgets (the language picker too), timeline and table come after the marks"
        harness.wait_for_app(page)
        frame = page.locator(harness.MAP_IFRAME)
        assert frame.bounding_box()["y"] == pytest.approx(first["top"], abs=1), "the map did not move"
        assert harness.map_frame(page).evaluate("() => window.__first_sight === true"), "the map did not reload"
        assert page.locator("[data-testid='stDataFrame']").is_visible()
        assert page.locator("[data-testid='stSlider']").is_visible()
        assert page.locator(".nk-summary").text_content() == first["summary"]
    finally:
        context.close()
    assert network.others == []


def test_the_page_fills_in_even_if_the_map_never_draws(app_server, browser) -> None:
    """Without the map's drawing script (blocked here) no "drawn" message comes: the widgets and
    the table still follow, after the page's own timer."""
    context = harness.new_context(browser, harness.NetworkLog(), viewport=JOURNALIST)
    try:
        context.route("**/nkmap.js", lambda route: route.abort())
        page = context.new_page()
        page.goto(app_server.url + SHARED)
        page.wait_for_selector("[data-testid='stDataFrame']", timeout=60_000)
        harness.wait_for_app(page)
        assert page.query_selector(harness.HELD) is None
        drawn = harness.map_frame(page).evaluate("() => document.querySelectorAll('path.leaflet-interactive').length")
        assert drawn == 0, "the map drew nothing, so it sent no message"
    finally:
        context.close()


def test_the_csv_download_opens_in_pandas(open_dashboard, tmp_path) -> None:
    import pandas as pd

    from geo.publish.export import EXPORT_COLUMNS

    page = open_dashboard(SHARED, viewport=JOURNALIST).page
    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    path = tmp_path / "reports.csv"
    download.value.save_as(path)
    frame = pd.read_csv(path)
    assert list(frame.columns) == EXPORT_COLUMNS
    assert len(frame) > 0 and frame["sector_labels"].str.contains("Restaurants & hotels").all()


def test_marked_places_are_named_on_the_map_when_tiles_are_missing(open_dashboard) -> None:
    """Tiles name places; without them (here, no internet) each point carries a label."""
    frame = harness.map_frame(open_dashboard(viewport=JOURNALIST).page)
    frame.wait_for_selector(".leaflet-container.nk-no-tiles", timeout=20_000)
    label = frame.locator(".nk-label", has_text="Dandong")
    assert label.count() == 1 and label.is_visible()


# ---------------------------------------------------------------- Back and Forward (issue 20, item 6)

SETTLED_MS = 1500  # longer than history.js's SETTLE_MS: a person pauses between two changes of view


def chips_shown(page: object) -> list[str]:
    return page.locator(".nk-chip").evaluate_all("chips => chips.map(c => c.dataset.key)")


def go(page: object, direction: str) -> None:
    """Press the browser's Back or Forward and wait for the page to show the view it restores."""
    getattr(page, f"go_{direction}")()
    assert page.url.startswith("http://127.0.0.1"), f"{direction} left the app for {page.url}"
    harness.wait_for_app(page)
    page.wait_for_timeout(500)
    harness.wait_for_app(page)


def test_back_undoes_the_last_change_of_view_and_forward_redoes_it(open_dashboard) -> None:
    """Change the years, then a sector; Back returns to the years alone, Back again to the first
    view (still in the app), Forward redoes the years."""
    from tests.browser.test_dashboard_browser import choose, open_filters, step_end_year_back

    page = open_dashboard(viewport=JOURNALIST).page
    first_url, first_summary = page.url, page.locator(".nk-summary").inner_text()
    page.wait_for_timeout(SETTLED_MS)
    step_end_year_back(page)
    page.wait_for_url(re.compile(r"years="), timeout=20_000)
    years_url, years_summary = page.url, page.locator(".nk-summary").inner_text()
    page.wait_for_timeout(SETTLED_MS)
    open_filters(page)
    choose(page, "Sectors", dataset().sectors.at["hospitality", "label"])
    page.wait_for_url(re.compile(r"sector="), timeout=20_000)
    assert chips_shown(page) == ["years", "sector"]
    page.screenshot(path="/tmp/nk-back-0-two-filters.png")

    go(page, "back")
    assert page.url == years_url, "Back undoes the sector only"
    page.wait_for_function("() => document.querySelectorAll('.nk-chip').length === 1", timeout=20_000)
    assert chips_shown(page) == ["years"]
    assert page.locator(".nk-summary").inner_text() == years_summary
    page.screenshot(path="/tmp/nk-back-1-years.png")

    go(page, "back")
    assert page.url == first_url, "Back again returns to the first view, not to the site before"
    page.wait_for_function("() => document.querySelectorAll('.nk-chip').length === 0", timeout=20_000)
    assert page.locator(".nk-summary").inner_text() == first_summary

    go(page, "forward")
    assert page.url == years_url
    page.wait_for_function("() => document.querySelectorAll('.nk-chip').length === 1", timeout=20_000)
    assert page.locator(".nk-summary").inner_text() == years_summary
    page.reload()
    harness.wait_for_app(page)
    assert chips_shown(page) == ["years"], "reload keeps the view"


def test_play_adds_one_history_entry_not_one_per_year(open_dashboard) -> None:
    """A presenter plays a few years and pauses: Back returns to the view before Play."""
    page = open_dashboard("?present=true", viewport=PRESENTER).page
    page.wait_for_timeout(SETTLED_MS)
    before = page.evaluate("history.length")
    page.get_by_role("button", name="▶ Play the years").click()
    first = dataset().years[0]
    page.wait_for_function("y => document.querySelector('.nk-bigyears')?.innerText === String(y)",
                           arg=first + 3, timeout=20_000)
    page.get_by_role("button", name="❚❚ Pause").click()
    harness.wait_for_app(page)
    assert page.evaluate("history.length") - before <= 1, "Play made one entry at most"
    go(page, "back")
    assert "years=" not in page.url, page.url
    page.wait_for_function("() => document.querySelector('.nk-bigyears')?.innerText.includes('–')", timeout=20_000)


# ---------------------------------------------------------------- the original article (item 12)

ASIAPRESS = "https://www.asiapress.org/rimjin-gang/2025/12/news/dispached_workers"


def test_popups_link_to_the_original_or_say_no_address_is_known(open_dashboard) -> None:
    """The reader follows a report to its original: Hyesan's (ASIAPRESS) links to it, in a new
    tab; Dandong's sources have no known address, and the popup says so."""
    page = open_dashboard(viewport=JOURNALIST).page
    frame = harness.map_frame(page)
    mark(page, "Hyesan").click()
    popup = frame.locator(".leaflet-popup")
    popup.wait_for()
    link = popup.get_by_role("link", name="Read the original article").first
    assert link.get_attribute("href") == ASIAPRESS
    assert link.get_attribute("target") == "_blank"
    page.screenshot(path="/tmp/nk-popup-original.png")
    page = open_dashboard(viewport=JOURNALIST).page  # afresh: the map has zoomed in on Hyesan
    frame = harness.map_frame(page)
    mark(page, "Dandong").click()
    dandong = frame.locator(".leaflet-popup", has_text="Dandong").last
    dandong.wait_for()
    assert "Original article: no address known" in dandong.inner_text()
    assert dandong.locator("a[href^='http']").count() == 0


# ---------------------------------------------------------------- the phone (item 7)

INSIDE = """(selector) => [...document.querySelectorAll(selector)].map(e => {
  const r = e.getBoundingClientRect();
  return {name: (e.getAttribute('aria-label') || '').split(',')[0], left: r.left, right: r.right, top: r.top,
          bottom: r.bottom, inside: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
          hit: document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === e};
})"""


def test_a_phones_first_view_shows_every_place_and_the_border_cluster_can_be_tapped(open_dashboard) -> None:
    page = open_dashboard(**PHONE).page
    frame = harness.map_frame(page)
    page.wait_for_timeout(500)
    page.screenshot(path="/tmp/nk-phone-first-view.png")
    places = frame.evaluate(INSIDE, "path.nk-place:not(.nk-area-handle)")
    assert len(places) >= 10
    assert [p["name"] for p in places if not p["inside"]] == [], places
    iframe = page.locator(harness.MAP_IFRAME).bounding_box()
    assert iframe["x"] >= 0 and iframe["x"] + iframe["width"] <= PHONE["viewport"]["width"]
    for name in ("Tumen", "Hunchun"):
        found = next(p for p in places if p["name"] == name)
        assert found["hit"], f"{name} is covered by something else: {found}"
    mark(page, "Hunchun").tap()
    frame.locator(".leaflet-popup", has_text="Hunchun").wait_for(timeout=10_000)


def test_a_tapped_mark_leaves_the_phones_map_where_it_was_so_the_next_can_be_tapped(open_dashboard) -> None:
    """Tapping Dandong zoomed the phone's map onto it: Shenyang, the mark the reader meant to tap next,
    went under the zoom buttons and the tap zoomed the map instead. A tap opens the mark's popup and
    chooses its place (the link and the list follow); the map stays at the reader's zoom."""
    page = open_dashboard(**PHONE).page
    frame = harness.map_frame(page)
    page.wait_for_timeout(500)
    before = harness.leaflet_view(page)
    mark(page, "Dandong").tap()
    page.wait_for_url(re.compile(r"[?&]place=Dandong\b"), timeout=20_000)
    harness.wait_for_app(page)
    page.wait_for_timeout(1500)
    assert harness.leaflet_view(page)["zoom"] == before["zoom"]
    frame.locator(".leaflet-popup-close-button").last.tap()
    frame.locator(".leaflet-popup").wait_for(state="detached")
    shenyang = next(p for p in frame.evaluate(INSIDE, "path.nk-place") if p["name"] == "Shenyang")
    assert shenyang["inside"] and shenyang["hit"], shenyang
    mark(page, "Shenyang").tap()
    frame.locator(".leaflet-popup", has_text="Shenyang").wait_for(timeout=10_000)
    page.wait_for_url(re.compile(r"[?&]place=Shenyang\b"), timeout=20_000)


def test_a_second_tapped_popup_opens_inside_the_map(open_dashboard) -> None:
    page = open_dashboard(**PHONE).page
    frame = harness.map_frame(page)
    second = None
    for name in ("Dandong", None):
        if name is None:  # a second mark the reader can see and tap, as close to the top as there is
            box = frame.evaluate(INSIDE, ".leaflet-popup")[-1]
            assert box["inside"], box
            frame.locator(".leaflet-popup-close-button").last.tap()
            frame.locator(".leaflet-popup").wait_for(state="detached")
            seen = []
            for _ in range(4):  # zoom out until another place shows, as a reader would
                seen = [p for p in frame.evaluate(INSIDE, "path.nk-place:not(.nk-area-handle)")
                        if p["hit"] and p["inside"] and p["name"] != "Dandong"]
                if seen:
                    break
                frame.locator(".leaflet-control-zoom-out").tap()
                page.wait_for_timeout(800)
            name = second = min(seen, key=lambda p: p["top"])["name"]
        mark(page, name).tap()
        page.wait_for_url(re.compile(rf"[?&]place={name.replace(' ', '[+ ]')}\b"), timeout=20_000)
        harness.wait_for_app(page)
        page.wait_for_timeout(1500)  # the map centres on the place, then keeps the popup inside
    popup = frame.locator(".leaflet-popup", has_text=second).last
    popup.wait_for()
    page.screenshot(path="/tmp/nk-phone-second-popup.png")
    box = frame.evaluate(INSIDE, ".leaflet-popup")[-1]
    assert box["inside"], box


def test_a_phones_legend_lists_only_what_the_map_shows(open_dashboard) -> None:
    page = open_dashboard(SHARED, **PHONE).page
    legend = harness.map_frame(page).locator(".nk-legend")
    assert not legend.locator("details").evaluate("d => d.open"), "folded until the reader opens it"
    legend.locator("summary").tap()
    sectors = legend.locator("li[data-key^='sector:']")
    listed = [sectors.nth(i).inner_text() for i in range(sectors.count()) if sectors.nth(i).is_visible()]
    page.screenshot(path="/tmp/nk-phone-legend.png")
    assert listed == ["Restaurants & hotels"], listed


def test_a_phones_map_keeps_names_and_legend_in_room_and_says_what_is_out_of_view(open_dashboard) -> None:
    """On `/` at 390×844: no place's name runs past the map's edge (Hunchun and Changbai County
    did), the open legend covers at most a quarter of the map, and the wide areas whose marks lie
    outside the first view are named on the map."""
    page = open_dashboard(**PHONE).page
    frame = harness.map_frame(page)
    frame.wait_for_selector(".nk-no-tiles .nk-label", timeout=20_000)
    page.wait_for_timeout(800)
    # The names a reader sees: a name with no room is hidden (visibility), and may run past the edge.
    labels = frame.evaluate("""() => [...document.querySelectorAll('.nk-label-text')]
        .filter(l => getComputedStyle(l).visibility !== 'hidden').map(l => {
        const r = l.getBoundingClientRect();
        return {name: l.innerText.trim(), left: r.left, right: r.right, inside: r.left >= 0 && r.right <= innerWidth};
    })""")
    assert len(labels) >= 8 and all(label["name"] for label in labels), labels
    assert [label for label in labels if not label["inside"]] == []
    out = [p["name"] for p in frame.evaluate(INSIDE, "path.nk-place") if not p["inside"]]
    note = frame.locator(".nk-offscreen")
    if not out:  # the first view's fit can take in every mark; then there is nothing to name
        assert not note.is_visible()
        frame.locator(".leaflet-control-zoom-in").tap()  # closer: some marks leave the map
        frame.wait_for_selector(".nk-offscreen", state="visible", timeout=20_000)
        page.wait_for_timeout(800)
        out = [p["name"] for p in frame.evaluate(INSIDE, "path.nk-place") if not p["inside"]]
    assert note.is_visible() and note.inner_text().strip(), "the note names what is off the map"
    assert all(name in note.inner_text() for name in out), (out, note.inner_text())
    legend = frame.locator(".nk-legend")
    legend.locator("summary").tap()
    page.wait_for_timeout(300)
    page.screenshot(path="/tmp/nk-phone-legend-open.png")
    share = frame.evaluate("""() => { const r = document.querySelector('.nk-legend').getBoundingClientRect();
        return r.width * r.height / (innerWidth * innerHeight); }""")
    assert share <= 0.25, f"the open legend covers {share:.0%} of the map"



def test_the_phones_out_of_view_note_hides_no_mark_and_no_popup(open_dashboard) -> None:
    """A phone reader could not tap Shenyang under the out-of-view note, and the note covered the
    first lines (the date) of every popup: taps go through it, and it hides while a popup is open."""
    page = open_dashboard(**PHONE).page
    frame = harness.map_frame(page)
    page.wait_for_timeout(800)
    if not frame.locator(".nk-offscreen").is_visible():  # the first view took in every mark: zoom in
        frame.locator(".leaflet-control-zoom-in").tap()
    frame.wait_for_selector(".nk-offscreen", state="visible", timeout=20_000)
    page.wait_for_timeout(800)
    covered = frame.evaluate("""() => [...document.querySelectorAll('path.nk-place')].flatMap(mark => {
        const r = mark.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
        if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) { return []; }
        const top = document.elementFromPoint(x, y);
        return top && top.closest('.nk-offscreen') ? [mark.getAttribute('aria-label')] : [];
    })""")
    assert covered == []
    note = frame.locator(".nk-offscreen")
    box = note.bounding_box()
    assert box["height"] <= 24, f"the note takes {box['height']} px: one line"
    frame.locator("path.nk-place[aria-label^='Tumen']").first.dispatch_event("click")
    frame.wait_for_selector(".leaflet-popup", timeout=10_000)
    assert not note.is_visible(), "the note is hidden while a popup is open"
    frame.locator(".leaflet-popup-close-button").click()
    frame.wait_for_selector(".leaflet-popup", state="detached", timeout=10_000)
    assert note.is_visible()

# ---------------------------------------------------------------- the presenter (item 8)

PAUSE_AS_SEEN = """() => {
  const shown = document.querySelector('.nk-bigyears').innerText;
  const pause = [...document.querySelectorAll('button')].find(b => b.innerText.includes('Pause'));
  pause.click();
  return shown;
}"""


def test_pause_stops_on_the_year_shown_every_time(open_dashboard) -> None:
    """Five tries, each pausing at another moment of a year's showing: the year on the screen
    when Pause is pressed is the year it stops on."""
    page = open_dashboard("?present=true", viewport=PRESENTER).page
    outcomes = []
    for delay in (100, 1400, 700, 1600, 1000):
        page.get_by_role("button", name="▶ Play the years").click()
        page.get_by_role("button", name="❚❚ Pause").wait_for(timeout=20_000)
        start = page.locator(".nk-bigyears").inner_text()
        # Play carries on from a paused year: wait for its next step.
        page.wait_for_function("y => /^\\d+$/.test(document.querySelector('.nk-bigyears')?.innerText)"
                               " && document.querySelector('.nk-bigyears').innerText !== y",
                               arg=start, timeout=20_000)
        page.wait_for_timeout(delay)
        seen = page.evaluate(PAUSE_AS_SEEN)
        page.get_by_role("button", name="▶ Play the years").wait_for(timeout=20_000)
        harness.wait_for_app(page)
        page.wait_for_timeout(1000)
        outcomes.append((seen, page.locator(".nk-bigyears").inner_text()))
    assert all(seen == stopped for seen, stopped in outcomes), outcomes


def one_line(page: object, selector: str) -> bool:
    return page.locator(selector).evaluate(
        "e => { const lh = parseFloat(getComputedStyle(e).lineHeight);"
        " return e.getBoundingClientRect().height < 1.5 * lh && e.scrollWidth <= e.clientWidth + 1; }")


@pytest.mark.parametrize("viewport", [WIDE, {"width": 1366, "height": 768}, JOURNALIST],
                         ids=["1920x1080", "1366x768", "1280x720"])
def test_the_presenters_screen_holds_the_count_and_the_whole_map(open_dashboard, viewport) -> None:
    page = open_dashboard("?present=true", viewport=viewport).page
    page.screenshot(path=f"/tmp/nk-presenter-{viewport['width']}.png")
    assert one_line(page, ".nk-summary"), page.locator(".nk-summary").inner_text()
    box = page.locator(harness.MAP_IFRAME).bounding_box()
    assert box["y"] + box["height"] <= viewport["height"], box


def test_the_presenters_type_reads_across_a_room_and_the_map_fits_its_marks(open_dashboard) -> None:
    """At 1920×1080 place labels and the legend are at least 18 px, the filters in force at least
    16 px (they were 14), and the marks (places and the handles of areas, all fitted) spread over
    the room above the legend strip instead of crowding one corner."""
    page = open_dashboard("?present=true&sector=Restaurants+%26+hotels", viewport=WIDE).page
    frame = harness.map_frame(page)
    frame.wait_for_selector(".nk-no-tiles .nk-label", timeout=20_000)
    size = "(selector) => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize)"
    assert page.evaluate(size, ".nk-chip") >= 16
    assert frame.evaluate(size, ".nk-label") >= 18
    assert frame.evaluate(size, ".nk-legend li") >= 18
    spread = frame.evaluate("""() => {
        const boxes = [...document.querySelectorAll('path.nk-place')].map(p => p.getBoundingClientRect());
        const left = Math.min(...boxes.map(b => b.left)), right = Math.max(...boxes.map(b => b.right));
        const top = Math.min(...boxes.map(b => b.top)), bottom = Math.max(...boxes.map(b => b.bottom));
        const room = document.querySelector('.nk-legend').getBoundingClientRect().top;
        return {inside: left >= 0 && top >= 0 && right <= innerWidth && bottom <= room, tall: (bottom - top) / room};
    }""")
    assert spread["inside"] and spread["tall"] >= 0.7, spread


def test_a_links_unreadable_values_are_named_and_the_rest_kept(open_dashboard) -> None:
    """`?sector=nonsense&years=abc` with a good sector: the page says which values it could not
    read (as text, escaped) and keeps the good sector."""
    page = open_dashboard("?sector=nonsense&years=abc&sector=Restaurants+%26+hotels&sector=%3Cb%3Ebold%3C%2Fb%3E",
                          viewport=JOURNALIST).page
    note = page.locator(".nk-unread")
    note.wait_for(timeout=20_000)
    page.screenshot(path="/tmp/nk-unread-link.png")
    text = note.inner_text()
    assert "sector “nonsense”" in text and "years “abc”" in text and "sector “<b>bold</b>”" in text, text
    assert note.locator("b").count() == 0
    assert "Restaurants" not in text
    assert chips_shown(page) == ["sector"]


@pytest.mark.parametrize("link", ["?present=true",
                                  "?present=true&years=2017&years=2019&sector=Restaurants+%26+hotels&role=Destination"],
                         ids=["no-filter", "three-chips"])
def test_a_presenters_legend_and_map_fit_a_small_screen(open_dashboard, link: str) -> None:
    """At 1280×720 the presenter's legend shows whole without scrolling, and three filter chips
    leave the whole map on the screen."""
    page = open_dashboard(link, viewport=PRESENTER).page
    frame = harness.map_frame(page)
    frame.locator(".nk-presenting .nk-legend details[open]").wait_for(timeout=20_000)
    page.wait_for_timeout(800)
    page.screenshot(path=f"/tmp/nk-presenter-small-{len(link)}.png")
    box = page.locator(harness.MAP_IFRAME).bounding_box()
    assert box["y"] + box["height"] <= PRESENTER["height"], box
    assert box["height"] >= 300, box
    legend = frame.evaluate("""() => {
        const l = document.querySelector('.nk-legend'), r = l.getBoundingClientRect();
        return {scroll: l.scrollHeight, client: l.clientHeight, top: r.top, bottom: r.bottom, height: innerHeight};
    }""")
    assert legend["scroll"] <= legend["client"] + 1, f"the legend scrolls: {legend}"
    assert legend["top"] >= 0 and legend["bottom"] <= legend["height"], legend


# ---------------------------------------------------------------- a chip's own ✕ (item 11)


def test_each_filter_chip_removes_only_its_own_filter(open_dashboard) -> None:
    """A shared link with years and a sector: the sector chip's ✕ takes the sector away and keeps
    the years; Back brings the sector back."""
    page = open_dashboard(SHARED, viewport=JOURNALIST).page
    assert chips_shown(page) == ["years", "sector"]
    page.screenshot(path="/tmp/nk-chips.png")
    remove = page.get_by_role("button", name="Remove the filter Sectors: Restaurants & hotels")
    remove.click()
    page.wait_for_url(lambda url: "sector=" not in url, timeout=20_000)
    harness.wait_for_app(page)
    page.wait_for_function("() => document.querySelectorAll('.nk-chip').length === 1", timeout=20_000)
    assert chips_shown(page) == ["years"]
    assert "years=2017&years=2019" in page.url
    assert page.locator(".nk-summary").inner_text().endswith("2017–2019")
    assert page.locator("[data-testid='stMultiSelect']").filter(has_text="Restaurants").count() == 0
    go(page, "back")
    page.wait_for_function("() => document.querySelectorAll('.nk-chip').length === 2", timeout=20_000)
    assert "sector=Restaurants" in page.url


# ---------------------------------------------------------------- the keyboard (item 9)

FOCUSED = """() => {
  let element = document.activeElement, inFrame = false;
  if (element && element.tagName === 'IFRAME' && element.contentDocument) {
    inFrame = true;
    element = element.contentDocument.activeElement;
  }
  return {inFrame, tag: element ? element.tagName : '', mark: !!(element && element.classList
          && element.classList.contains('nk-place')), testid: ((element && element.closest
          && element.closest('[data-testid]')) || {dataset: {}}).dataset.testid || '',
          name: element ? (element.getAttribute('aria-label') || element.innerText || '').slice(0, 60) : ''};
}"""


def tab_stops(page: object, until: str, limit: int = 80) -> list[dict]:
    """Press Tab from the top of the page until ``until`` ("mark": the first mark on the map, or
    a name) has the focus; the stops on the way."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        stops.append(stop)
        city = stop["mark"] and "-level" not in stop["name"]
        if (until == "mark" and stop["mark"]) or (until == "city" and city) or \
                (until not in ("mark", "city") and stop["name"].startswith(until)):
            return stops
    raise AssertionError(f"{until} never took the focus: {stops}")


def test_the_first_mark_is_a_few_tab_stops_in(open_dashboard) -> None:
    """The first mark Tab reaches is a city's, a few stops in: the handles of wide areas are not
    stops (China and the provinces in view were 6 more stops before the first city: 19). The
    language picker in the title row is one stop of its own (14 since it came)."""
    page = open_dashboard(viewport=JOURNALIST).page
    stops = tab_stops(page, "city")
    assert not [s for s in stops if s["testid"] == "stBaseButton-elementToolbar"], "the chart's toolbar"
    assert not [s for s in stops if s["mark"] and "-level" in s["name"]], "an area's handle"
    assert len(stops) <= 14, [s["name"] or s["testid"] for s in stops]


def test_escape_closes_a_popup_and_gives_the_focus_back_to_its_mark(open_dashboard) -> None:
    page = open_dashboard("?place=Dandong", viewport=JOURNALIST).page
    frame = harness.map_frame(page)
    dandong = mark(page, "Dandong")
    dandong.focus()
    page.keyboard.press("Enter")
    popup = frame.locator(".leaflet-popup", has_text="Dandong")
    popup.wait_for(timeout=10_000)
    page.keyboard.press("Tab")  # into the popup (its close button or a link)
    page.keyboard.press("Escape")
    popup.wait_for(state="detached", timeout=5_000)
    focused = page.evaluate(FOCUSED)
    assert focused["mark"] and focused["name"].startswith("Dandong"), focused


def test_the_table_is_one_stop_with_no_hidden_cells(open_dashboard) -> None:
    page = open_dashboard(viewport=JOURNALIST).page
    stops = tab_stops(page, "Report 1 of")
    after_map = stops[next(i for i, s in enumerate(stops) if s["name"].startswith("Show/hide columns")):]
    grid = [s for s in after_map if s["testid"] in ("data-grid-canvas", "stDataFrameResizable")
            or s["testid"].startswith("glide-cell")]
    assert len(grid) == 1, after_map


def test_focus_stays_on_the_card_when_next_becomes_disabled(open_dashboard) -> None:
    """A keyboard user steps with Next to the end of a place's list: focus stays on the card."""
    page = open_dashboard("?place=Dandong", viewport=JOURNALIST).page
    page.get_by_role("button", name="Next ▶").focus()
    for _ in range(12):
        if page.get_by_role("button", name="Next ▶").is_disabled():
            break
        page.keyboard.press("Enter")
        harness.wait_for_app(page)
    assert page.get_by_role("button", name="Next ▶").is_disabled()
    page.wait_for_timeout(300)
    focused = page.evaluate(FOCUSED)
    assert focused["tag"] == "BUTTON" and focused["name"].startswith("◀ Previous"), focused
    page.keyboard.press("Enter")  # and the keyboard goes on from there
    harness.wait_for_app(page)
    assert not page.get_by_role("button", name="Next ▶").is_disabled()


def test_space_or_enter_chooses_a_table_row(open_dashboard) -> None:
    """A keyboard user moves down the reports table and presses Space, then Enter: the card shows
    each chosen report (the grid's own key was Shift+Space)."""
    page = open_dashboard("?place=Dandong", viewport=JOURNALIST).page
    page.wait_for_timeout(1500)
    harness.wait_for_app(page)
    card = page.locator("[data-testid='stNumberInput'] label").first
    assert card.inner_text().startswith("Report 1 of"), card.inner_text()
    page.locator("[data-testid='stDataFrame'] [data-testid='data-grid-canvas']").focus()
    for key in ("ArrowDown", "ArrowDown", "ArrowRight", "ArrowDown"):  # to the third report's row
        page.keyboard.press(key)
    page.keyboard.press("Space")
    page.wait_for_function("() => document.querySelector(\"[data-testid='stNumberInput'] label\")"
                           ".innerText.startsWith('Report 4 of')", timeout=20_000)
    harness.wait_for_app(page)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector(\"[data-testid='stNumberInput'] label\")"
                           ".innerText.startsWith('Report 5 of')", timeout=20_000)


def test_the_map_and_the_expanders_have_names(open_dashboard) -> None:
    opened = open_dashboard(viewport=JOURNALIST)
    page = opened.page
    assert page.locator(harness.MAP_IFRAME).get_attribute("title").startswith("Map of the places")
    # Inside the frame, the map itself (the stop a keyboard reaches first) is named for what it holds, not
    # read out as the arrows and names of everything drawn in it.
    region = harness.map_frame(page).get_by_role("region", name="Map of the places")
    assert region.count() == 1 and "leaflet-container" in region.get_attribute("class")
    session = page.context.new_cdp_session(page)
    names = [node.get("name", {}).get("value", "") for node in session.send("Accessibility.getFullAXTree")["nodes"]
             if node.get("role", {}).get("value") == "DisclosureTriangle"]
    assert names and not [name for name in names if "keyboard_arrow" in name], names


# ---------------------------------------------------------------- focusing a place (item 10)

MAP_ROOM = """() => {
  const r = document.querySelector('iframe[data-testid="stCustomComponentV1"]').getBoundingClientRect();
  return {height: r.height, shown: Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0))}; }"""


@pytest.mark.parametrize("viewport", [JOURNALIST, {"width": 1440, "height": 900}], ids=["1280x720", "1440x900"])
def test_focusing_a_place_keeps_the_maps_room(open_dashboard, viewport) -> None:
    """Clicking a mark brings the list and the card, below the map: the map keeps its size and
    as much of it stays on the screen as before."""
    page = open_dashboard(viewport=viewport).page
    before = page.evaluate(MAP_ROOM)
    mark(page, "Dandong").click()
    page.wait_for_url(re.compile(r"[?&]place=Dandong\b"), timeout=20_000)
    harness.wait_for_app(page)
    page.locator("h3.nk-table-heading", has_text="Reports at Dandong").wait_for()
    after = page.evaluate(MAP_ROOM)
    assert after["height"] >= before["height"] and after["shown"] >= before["shown"] - 1, (before, after)


# ---------------------------------------------------------------- what a fresh user found (issue 20, the map)

DRAWN = """() => [...document.querySelectorAll('path.nk-place')].map(p => {
  const r = p.getBoundingClientRect();
  return {name: (p.getAttribute('aria-label') || '').split(',')[0], left: r.left, top: r.top, right: r.right,
          bottom: r.bottom, handle: p.classList.contains('nk-area-handle'),
          inside: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight};
})"""


@pytest.mark.parametrize(("link", "viewport"), [("", JOURNALIST), ("", {"width": 1366, "height": 768}),
                                                ("?present=1", WIDE), ("?present=1", {"width": 1366, "height": 768})],
                         ids=["1280x720", "1366x768", "present-1920x1080", "present-1366x768"])
def test_the_first_view_holds_every_mark_drawn(open_dashboard, link: str, viewport: dict) -> None:
    """Southern China's handle sat below the map at 1280×720 and 1366×768, Northeast China's above
    the presenter's map at 1920×1080: the first view holds every mark, areas' handles too."""
    page = open_dashboard(link, viewport=viewport).page
    frame = harness.map_frame(page)
    page.wait_for_timeout(800)
    page.screenshot(path=f"/tmp/nk-first-view{link.strip('?').replace('=', '-')}-{viewport['width']}.png")
    marks = frame.evaluate(DRAWN)
    assert len(marks) >= 15
    assert [m["name"] for m in marks if not m["inside"]] == [], [m for m in marks if not m["inside"]]


def test_a_presenters_map_follows_each_years_marks(open_dashboard) -> None:
    """A presenter stepped from 2013 (two places in the north-east) to 2016 (Ningbo alone, far south):
    the map stayed where 2013 had left it and showed nothing. Each step keeps that year's marks in sight
    while the presenter has not moved the map."""
    page = open_dashboard("?present=1&years=2013&years=2013", viewport=WIDE).page
    frame = harness.map_frame(page)
    outside = {}
    for year in ("2014", "2015", "2016"):
        page.get_by_role("button", name="Next year ▶").click()
        page.wait_for_function("y => document.querySelector('.nk-bigyears').innerText === y", arg=year,
                               timeout=20_000)
        harness.wait_for_app(page)
        page.wait_for_timeout(1200)
        marks = frame.evaluate(DRAWN)
        outside[year] = [m["name"] for m in marks if not m["inside"]] if marks else None
    page.screenshot(path="/tmp/nk-presenter-2016.png")
    assert outside["2016"] is not None, "Ningbo is 2016's place"
    assert all(names in ([], None) for names in outside.values()), outside


@pytest.mark.parametrize("viewport", [JOURNALIST, {"width": 1366, "height": 768}], ids=["1280x720", "1366x768"])
def test_a_presenters_legend_is_compact_and_leaves_the_marks_in_sight(open_dashboard, viewport: dict) -> None:
    """The presenter's legend opened over four fifths of the map's height at 1280×720 and 1366×768
    in 12–13 px type, and later over two fifths with its two long sentences: it opens as a low strip
    (their short names), in type that reads across a room, over no mark."""
    page = open_dashboard("?present=1", viewport=viewport).page
    frame = harness.map_frame(page)
    frame.locator(".nk-presenting .nk-legend details[open]").wait_for(timeout=20_000)
    page.wait_for_timeout(800)
    page.screenshot(path=f"/tmp/nk-presenter-legend-{viewport['width']}.png")
    legend = frame.evaluate("""() => { const r = document.querySelector('.nk-legend').getBoundingClientRect();
        return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, share: r.height / innerHeight,
                type: parseFloat(getComputedStyle(document.querySelector('.nk-legend li')).fontSize)}; }""")
    assert legend["share"] <= 0.32, legend
    assert legend["type"] >= 14.5, legend
    shown = frame.locator(".nk-legend li[data-key='area']").inner_text().strip()
    assert shown == "A whole province, region or country", shown
    under = [m["name"] for m in frame.evaluate(DRAWN)
             if m["left"] < legend["right"] and legend["left"] < m["right"]
             and m["top"] < legend["bottom"] and legend["top"] < m["bottom"]]
    assert under == [], f"the legend covers {under}"


def test_a_phones_legend_opened_over_a_popup_does_not_hide_it(open_dashboard) -> None:
    """On a phone the legend, opened while a popup was open, lay over the popup just tapped (its
    text showing through). Opening the legend closes the popup it would cover."""
    page = open_dashboard(**PHONE).page
    frame = harness.map_frame(page)
    mark(page, "Dandong").tap()
    popup = frame.locator(".leaflet-popup")
    popup.wait_for()
    page.wait_for_timeout(800)
    frame.locator(".nk-legend summary").tap()
    page.wait_for_timeout(600)
    assert frame.locator(".nk-legend details").evaluate("details => details.open"), "the legend did not open"
    covered = frame.evaluate("""() => {
        const l = document.querySelector('.nk-legend').getBoundingClientRect();
        return [...document.querySelectorAll('.leaflet-popup')].map(p => p.getBoundingClientRect())
            .filter(r => r.left < l.right && l.left < r.right && r.top < l.bottom && l.top < r.bottom).length; }""")
    assert covered == 0, "the open legend lies over the popup"


def test_a_phones_map_goes_back_where_it_was_when_a_popup_closes(open_dashboard) -> None:
    """On a phone a popup pans the small map to show all of it; after it closed the map stayed
    panned, a mark left under the zoom buttons. Closing it brings back the view the reader had."""
    page = open_dashboard(**PHONE).page
    frame = harness.map_frame(page)
    frame.locator("path.nk-place").first.wait_for(state="attached", timeout=20_000)
    page.wait_for_timeout(800)
    view = "() => [map.getCenter().lat.toFixed(4), map.getCenter().lng.toFixed(4), map.getZoom()]"
    first = frame.evaluate(view)
    # The point mark nearest the map's top: its popup cannot open above it without the map panning.
    names = frame.evaluate(DRAWN)
    top = min((m for m in names if not m["handle"]), key=lambda m: m["top"])
    mark(page, top["name"]).tap()
    popup = frame.locator(".leaflet-popup")
    popup.wait_for()
    page.wait_for_timeout(1500)
    assert frame.evaluate(view) != first, f"the popup of {top['name']} did not pan the map (nothing to undo)"
    frame.locator(".leaflet-popup-close-button").tap()
    popup.wait_for(state="detached")
    page.wait_for_timeout(800)
    page.screenshot(path="/tmp/nk-phone-popup-closed.png")
    assert frame.evaluate(view) == first, "the map stayed where the popup had panned it"


WHEEL = """() => { const hint = document.querySelector('.nk-wheel-hint');
  return {zoom: map.getZoom(), hint: !!hint && getComputedStyle(hint).opacity > 0.5 ? hint.textContent : ''}; }"""


def test_the_wheel_over_the_map_scrolls_the_page_until_the_reader_chooses_the_map(open_dashboard) -> None:
    """A reader scrolling down the page with the wheel got stuck in the map (it zoomed): the page
    scrolls on and the map says how to zoom; Ctrl with the wheel zooms, and so does the wheel after
    a click on the map."""
    page = open_dashboard(viewport=JOURNALIST).page
    frame = harness.map_frame(page)
    page.wait_for_timeout(800)
    box = page.locator(harness.MAP_IFRAME).bounding_box()
    scrolled = """() => Math.max(window.scrollY, ...[...document.querySelectorAll('*')]
        .filter(e => e.scrollHeight > e.clientHeight + 10 && e.scrollTop > 0).map(e => e.scrollTop))"""
    before, top = frame.evaluate(WHEEL), page.evaluate(scrolled)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + 120)
    page.mouse.wheel(0, 200)
    page.wait_for_timeout(600)
    after = frame.evaluate(WHEEL)
    assert after["zoom"] == before["zoom"], "a plain wheel zoomed the map"
    assert page.evaluate(scrolled) > top, "the page did not scroll"
    assert "Ctrl" in after["hint"], after
    page.keyboard.down("Control")
    page.mouse.wheel(0, -200)
    page.keyboard.up("Control")
    page.wait_for_timeout(600)
    zoomed = frame.evaluate(WHEEL)["zoom"]
    assert zoomed > before["zoom"], "Ctrl with the wheel did not zoom"
    box = page.locator(harness.MAP_IFRAME).bounding_box()  # the page has scrolled
    page.mouse.click(box["x"] + box["width"] - 60, box["y"] + 140)  # open sea, east of Japan: no mark there
    page.mouse.wheel(0, -200)
    page.wait_for_timeout(600)
    assert frame.evaluate(WHEEL)["zoom"] > zoomed, "the wheel did not zoom the map the reader clicked"


def test_a_phones_place_names_never_overlap(open_dashboard) -> None:
    """On a phone Changbai County's and Hyesan's names overlapped: no two names shown overlap, and
    every mark keeps its name for screen readers."""
    page = open_dashboard(**PHONE).page
    frame = harness.map_frame(page)
    frame.wait_for_selector(".nk-no-tiles .nk-label", timeout=20_000)
    page.wait_for_timeout(800)
    page.screenshot(path="/tmp/nk-phone-names.png")
    names = frame.evaluate("""() => [...document.querySelectorAll('.nk-label-text')]
        .filter(l => l.offsetWidth && getComputedStyle(l).visibility !== 'hidden')
        .map(l => { const r = l.getBoundingClientRect();
                    return {name: l.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom}; })""")
    assert len(names) >= 6
    overlaps = [(a["name"], b["name"]) for i, a in enumerate(names) for b in names[i + 1:]
                if min(a["right"], b["right"]) > max(a["left"], b["left"])
                and min(a["bottom"], b["bottom"]) > max(a["top"], b["top"])]
    assert overlaps == [], overlaps
    for name in ("Changbai County", "Hyesan"):
        assert mark(page, name).count() == 1, name
