"""The dashboard in headless Chromium: what only a browser shows.

The map and its markers, that nothing but tiles leaves the machine, that filters update the map
in place (same iframe, same pan and zoom), that the URL reproduces a view, presenter mode, a phone
screen and focusing on a place. Expected numbers come from ``geo``, never from the page itself.
"""

from __future__ import annotations

import functools
import re

import pytest

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # conftest skips these tests without playwright
    PlaywrightTimeout = TimeoutError

from geo.data.load import Dataset, load_dataset
from geo.query.filters import Filters
from geo.query.selection import View, build_view
from geo.reading.pickers import focus, step_years, year_label
from geo.settings import SETTINGS
from tests.browser import harness

pytestmark = pytest.mark.browser

SUMMARY = ".nk-summary"
BIG_YEARS = ".nk-bigyears"
THUMBS = "[data-testid='stSlider'] input[type='range']"
TABLE = "[data-testid='stDataFrame']"
EXCEPTION = "[data-testid='stException']"
FLAG = 42
PRESENTER = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}


@functools.cache
def dataset() -> Dataset:
    return load_dataset(SETTINGS.data_dir)


def expected(**filters: object) -> View:
    """What geo makes of these filters (years default to the dataset's whole span)."""
    filters.setdefault("years", dataset().years)
    return build_view(dataset(), Filters(**filters))


def marks(view: View) -> int:
    """Interactive paths the map should draw: one per place, and one line per movement whose two
    ends are both on the map."""
    shown = set(view.places["place_id"])
    both = view.flows["from_place_id"].isin(shown) & view.flows["to_place_id"].isin(shown)
    return len(view.places) + int(both.sum())


def summary(page: object) -> str:
    return page.locator(SUMMARY).inner_text()


def wait_for_summary(page: object, text: str, timeout: float = 30_000) -> None:
    """Wait until the summary line reads ``text`` (it is rewritten after each fragment run)."""
    page.wait_for_function("([sel, text]) => document.querySelector(sel)?.innerText === text",
                           arg=[SUMMARY, text], timeout=timeout)


def flag_map(page: object) -> None:
    """Leave a mark in the map iframe's window: it survives only if the iframe is not remounted."""
    harness.map_frame(page).evaluate(f"window.__nk_flag = {FLAG}")


def map_flag(page: object) -> object:
    return harness.map_frame(page).evaluate("window.__nk_flag")


TICKED_JS = ("() => [...document.querySelectorAll(\"[data-testid='stDataFrame'] [aria-selected='true']\")]"
             ".filter(row => row.tagName !== 'TD')"  # the keyboard's cell is marked selected too
             ".map(row => [...row.querySelectorAll('td')].map(cell => cell.textContent)"
             ".find(text => /^r\\d+$/.test(text)))")
"""The report ids of the reports table's ticked rows."""


def step_end_year_back(page: object) -> None:
    """Move the slider's end thumb one year back, by keyboard, and wait for the rerun."""
    page.locator(THUMBS).nth(1).focus()
    page.keyboard.press("ArrowLeft")
    harness.wait_for_app(page)


def choose(page: object, label: str, option: str) -> None:
    """Pick ``option`` in the select box or multiselect labelled ``label``."""
    box = page.locator(f"input[role='combobox'][aria-label='{label}']")
    item = page.get_by_role("option", name=option, exact=True)
    for _ in range(6):  # a rerun can redraw the widget between the click and the key press
        harness.wait_for_app(page)
        box.click()
        page.keyboard.press("ArrowDown")
        try:
            item.wait_for(state="visible", timeout=5_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
    item.click()
    page.keyboard.press("Escape")
    harness.wait_for_app(page)


def open_filters(page: object) -> None:
    """Unfold the expander that holds the sector, role, source and text filters."""
    expander = page.locator("[data-testid='stExpander']").filter(has_text="words in the quotes")
    if expander.locator("input[aria-label='Sectors']").is_hidden():
        expander.locator("summary").click()
    expander.locator("input[aria-label='Sectors']").wait_for(state="visible")


def big_years(page: object) -> str:
    return page.locator(BIG_YEARS).inner_text()


def press_next_year(page: object) -> None:
    shown = big_years(page)
    page.get_by_role("button", name="Next year ▶").click()
    page.wait_for_function("([sel, old]) => document.querySelector(sel)?.innerText !== old",
                           arg=[BIG_YEARS, shown])
    harness.wait_for_app(page)


def wait_for_centre(page: object, lat: float, lng: float, timeout: float = 30_000) -> None:
    """Wait until the Leaflet map is centred on (lat, lng), to about a kilometre."""
    harness.map_frame(page).wait_for_function(
        "([lat, lng]) => Math.abs(window.map.getCenter().lat - lat) < 0.01"
        " && Math.abs(window.map.getCenter().lng - lng) < 0.01", arg=[lat, lng], timeout=timeout)


def test_map_draws_every_place_and_movement_without_console_errors(open_dashboard) -> None:
    opened = open_dashboard()
    page = opened.page
    view = expected()

    assert marks(view) > 0
    assert harness.wait_for_markers(page, marks(view)) == marks(view)
    assert summary(page) == view.summary
    assert harness.map_frame(page).evaluate("typeof window.L === 'object' && !!window.map")
    assert opened.console_errors == []


def test_count_only_popups_point_to_the_table(open_dashboard) -> None:
    """With more places than the popup budget allows one report each, popups carry only counts
    and send the reader to the table."""
    from streamlit_folium import _get_feature_group_string

    from geo.map import leaflet
    from geo.map.records import layer_json

    opened = open_dashboard()
    view = expected()
    harness.wait_for_markers(opened.page, marks(view))
    records = layer_json(dataset(), view.places, view.flows, {}, place_json={})
    script = _get_feature_group_string(leaflet.data_layer(records), leaflet.base_map(dataset()))
    shown = harness.map_frame(opened.page).evaluate("""([script]) => {
        const before = new Set(Object.keys(window.map._layers));
        (0, eval)(script);
        const out = {};
        for (const key of Object.keys(window.map._layers)) {
            const layer = window.map._layers[key];
            if (!before.has(key) && layer.options && layer.options.placeId) {
                out[layer.options.placeId] = layer.getPopup().getContent();
            }
        }
        return out;
    }""", [script])
    assert len(shown) == len(view.places)
    for place in view.places.to_dict("records"):
        count = int(place["reports"])
        popup = shown[place["place_id"]]
        assert popup.endswith(f'<p class="nk-more">{count} report{"s" if count != 1 else ""} here: '
                              "see the table below the map.</p></div>"), place["place_id"]
        assert "<article" not in popup


def test_nothing_but_tiles_leaves_the_machine(open_dashboard) -> None:
    opened = open_dashboard()
    step_end_year_back(opened.page)
    harness.wait_for_markers(opened.page, marks(expected(years=(dataset().years[0], dataset().years[1] - 1))))

    assert opened.network.others == []
    assert opened.console_errors == []
    # The recorder must have seen the tile requests, or it is not recording anything.
    assert opened.network.tiles, "no tile request was seen: is the route handler in place?"


def test_year_slider_updates_the_map_in_place_and_keeps_pan_and_zoom(open_dashboard) -> None:
    page = open_dashboard().page
    first, last = dataset().years
    frame = harness.map_frame(page)
    flag_map(page)
    start = harness.leaflet_view(page)
    frame.locator(".leaflet-control-zoom-in").click()
    frame.wait_for_function("z => window.map.getZoom() === z && !window.map._animatingZoom",
                            arg=start["zoom"] + 1)
    frame.evaluate("window.map.panBy([120, -80], {animate: false})")
    frame.wait_for_function("c => window.map.getCenter().lng !== c", arg=start["lng"])
    before = harness.leaflet_view(page)
    assert before["zoom"] == start["zoom"] + 1
    assert (before["lat"], before["lng"]) != (start["lat"], start["lng"])

    step_end_year_back(page)
    view = expected(years=(first, last - 1))
    assert summary(page) == view.summary != expected().summary
    assert harness.wait_for_markers(page, marks(view)) == marks(view) != marks(expected())
    assert f"years={first}&years={last - 1}" in page.url

    assert map_flag(page) == FLAG, "the map iframe was remounted"
    after = harness.leaflet_view(page)
    assert after["zoom"] == before["zoom"]
    assert after["lat"] == pytest.approx(before["lat"], abs=1e-6)
    assert after["lng"] == pytest.approx(before["lng"], abs=1e-6)


def test_the_url_reproduces_the_view(open_dashboard) -> None:
    page = open_dashboard().page
    first, last = dataset().years
    sector = "hospitality"
    step_end_year_back(page)
    open_filters(page)
    choose(page, "Sectors", dataset().sectors.at[sector, "label"])
    page.locator("input[aria-label='Search the quotes']").fill("restaurant")
    page.keyboard.press("Enter")
    harness.wait_for_app(page)
    view = expected(years=(first, last - 1), sectors=(sector,), text="restaurant")
    wait_for_summary(page, view.summary)
    harness.wait_for_markers(page, marks(view))
    query = "?" + page.url.split("?", 1)[1]

    again = open_dashboard(query).page
    assert summary(again) == view.summary
    assert harness.wait_for_markers(again, marks(view)) == marks(view)


def test_garbage_in_the_url_falls_back_to_the_defaults(open_dashboard) -> None:
    opened = open_dashboard("?years=abc&years=<script>&sector=nope&present=maybe&place=%3Cimg%3E",
                            markers=False)
    page = opened.page

    assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).first.inner_text()
    assert summary(page) == expected().summary
    assert harness.wait_for_markers(page, marks(expected())) == marks(expected())
    assert page.locator(BIG_YEARS).count() == 0, "'present=maybe' turned presenter mode on"
    assert opened.console_errors == []


def test_presenter_mode_from_the_url(open_dashboard) -> None:
    page = open_dashboard("?present=true", viewport=PRESENTER).page
    bounds = dataset().years

    assert page.locator(BIG_YEARS).is_visible()
    assert big_years(page) == year_label(bounds)
    assert page.locator(TABLE).count() == 0
    assert page.locator("h1").is_visible(), "a presenter's screen keeps its title"
    big = page.locator(BIG_YEARS).evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    body = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert big >= 2 * body, f"the big years are {big}px on a {body}px page"
    box = page.locator(harness.MAP_IFRAME).bounding_box()
    bottom = box["y"] + box["height"]
    # The map fills the screen below the controls: it ends at the bottom of the window, not below.
    assert PRESENTER["height"] - 25 <= bottom <= PRESENTER["height"] + 5, box
    assert box["height"] >= 0.5 * PRESENTER["height"], f"only {box['height']:.0f}px of map"

    years = bounds
    for _ in range(2):
        years = step_years(years, bounds, +1)
        press_next_year(page)
        view = expected(years=years)
        assert big_years(page) == year_label(years)
        wait_for_summary(page, view.summary)
        assert harness.wait_for_markers(page, marks(view)) == marks(view)
    assert years != bounds


def test_presenter_steps_on_from_the_years_in_the_link(open_dashboard) -> None:
    page = open_dashboard("?present=true&years=2016&years=2016", viewport=PRESENTER).page
    wait_for_summary(page, expected(years=(2016, 2016)).summary)

    press_next_year(page)
    assert big_years(page) == "2017"
    wait_for_summary(page, expected(years=(2017, 2017)).summary)


THUMB_VALUES = """() => [...document.querySelectorAll("[data-testid='stSlider'] [data-testid='stSliderThumbValue']")]
    .filter(v => v.getBoundingClientRect().width > 0).map(v => {
        const r = v.getBoundingClientRect(), thumb = v.closest("[role='slider']") || v.parentElement;
        const t = thumb.getBoundingClientRect();
        return {text: v.textContent.trim(), off: Math.abs((r.left + r.right) / 2 - (t.left + t.right) / 2)}; })"""


@pytest.mark.parametrize("link", ["?years=2013&years=2013", "?present=true&years=2011&years=2011"],
                         ids=["page", "presenter"])
def test_a_slider_on_one_year_prints_it_once_over_its_thumb(open_dashboard, link: str) -> None:
    """A slider on one year read "2013 2013", a copy each side of the thumb: the year shows once,
    centred over the thumb; a range still shows both ends, and a step back to one year reads once."""
    page = open_dashboard(link, viewport=PRESENTER).page
    year = link.rsplit("=", 1)[1]
    page.wait_for_function(f"() => ({THUMB_VALUES})().length === 1", timeout=20_000)
    shown = page.evaluate(THUMB_VALUES)
    assert [v["text"] for v in shown] == [year] and shown[0]["off"] < 3, shown
    if "present" in link:
        page.get_by_role("button", name="Next year ▶").click()
        page.wait_for_function("() => document.querySelector('.nk-bigyears').textContent.includes('2012')",
                               timeout=20_000)
        page.wait_for_timeout(300)
        assert [v["text"] for v in page.evaluate(THUMB_VALUES)] == ["2012"]
    else:
        page.goto(page.url.split("?")[0] + "?years=2012&years=2014")
        page.wait_for_function(f"() => ({THUMB_VALUES})().length === 2", timeout=20_000)
        assert [v["text"] for v in page.evaluate(THUMB_VALUES)] == ["2012", "2014"]


def test_presenter_big_years_match_the_link(open_dashboard) -> None:
    page = open_dashboard("?present=true&years=2016&years=2016", viewport=PRESENTER).page

    assert summary(page) == expected(years=(2016, 2016)).summary
    assert big_years(page) == "2016"


def test_presenter_toggle_switches_it_on(open_dashboard) -> None:
    page = open_dashboard().page
    assert page.locator(BIG_YEARS).count() == 0
    assert page.locator(TABLE).count() == 1

    page.get_by_text("Presenter mode", exact=True).click()
    harness.wait_for_app(page)
    page.locator(BIG_YEARS).wait_for(state="visible")
    assert page.locator(TABLE).count() == 0
    assert "present=true" in page.url
    assert harness.wait_for_markers(page, marks(expected())) == marks(expected())


def test_a_phone_screen_does_not_scroll_sideways(open_dashboard) -> None:
    page = open_dashboard(viewport=PHONE).page

    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth,"
        " document.querySelector(\"[data-testid='stMain']\")?.scrollWidth ?? 0]")
    assert widths[0] <= widths[1] and widths[2] <= widths[1], widths
    iframe = page.locator(harness.MAP_IFRAME)
    iframe.scroll_into_view_if_needed()
    assert iframe.is_visible()
    box = iframe.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert box["height"] >= 300
    assert harness.wait_for_markers(page, marks(expected())) == marks(expected())


def test_focusing_on_a_place_moves_the_map_without_remounting(open_dashboard) -> None:
    page = open_dashboard().page
    place = "hunchun"
    (lat, lng), zoom = focus(dataset(), place)
    flag_map(page)
    before = harness.leaflet_view(page)
    assert abs(before["lat"] - lat) + abs(before["lng"] - lng) > 1

    choose(page, "Focus on a place", dataset().places.at[place, "name"])
    wait_for_centre(page, lat, lng)
    assert harness.leaflet_view(page)["zoom"] == zoom
    assert map_flag(page) == FLAG, "the map iframe was remounted"


def test_a_link_with_a_place_focuses_the_map(open_dashboard) -> None:
    page = open_dashboard().page
    place = "hunchun"
    (lat, lng), zoom = focus(dataset(), place)
    choose(page, "Focus on a place", dataset().places.at[place, "name"])
    wait_for_centre(page, lat, lng)

    again = open_dashboard("?" + page.url.split("?", 1)[1]).page
    wait_for_centre(again, lat, lng, timeout=5_000)
    assert harness.leaflet_view(again)["zoom"] == zoom


def test_a_place_chosen_after_a_year_step_goes_into_the_link(open_dashboard) -> None:
    """The link carries the place however the page got there: a select box inside the part of the
    page that a year step reruns stopped writing to the link after the first step."""
    page = open_dashboard().page
    step_end_year_back(page)
    step_end_year_back(page)
    choose(page, "Focus on a place", "Hunchun")
    page.wait_for_url(re.compile(r"[?&]place=Hunchun\b"), timeout=10_000)
    assert "years=" in page.url
    again = open_dashboard("?" + page.url.split("?", 1)[1]).page
    assert "Reports at Hunchun" in again.locator("h3.nk-table-heading").inner_text()


def test_going_claim_by_claim_moves_the_tables_tick_with_the_card(open_dashboard) -> None:
    page = open_dashboard("?place=Dandong").page
    ticked = TICKED_JS
    for step in (1, 2):
        page.get_by_role("button", name="Next ▶").click()
        harness.wait_for_app(page)
        label = page.locator("[data-testid='stNumberInput'] label").inner_text()
        shown = re.search(r"\((r\d+)\)", label).group(1)
        assert f"Report {step + 1} of" in label
        page.wait_for_function(f"() => ({ticked})().length === 1", timeout=10_000)
        assert page.evaluate(ticked) == [shown], "the ticked row is the report in the card"


def test_a_year_step_changes_the_tables_rows_in_place_and_keeps_the_tick_on_the_card(open_dashboard) -> None:
    """A year step used to build the reports table anew (a new grid, a quarter of the browser's
    work in a step): it now changes the rows of the same table, and the tick stays on the report
    the card shows, at its new row."""
    page = open_dashboard("?place=Dandong&years=2010&years=2018").page
    ticked = TICKED_JS
    card = page.locator("[data-testid='stNumberInput'] label")
    for _ in range(2):
        page.get_by_role("button", name="Next ▶").click()
        harness.wait_for_app(page)
    shown = re.search(r"\((r\d+)\)", card.inner_text()).group(1)
    assert card.inner_text().startswith("Report 3 of"), card.inner_text()
    page.evaluate("() => { document.querySelector(\"[data-testid='stDataFrame']\").nkSame = true; }")
    before = card.inner_text()
    page.locator(THUMBS).nth(1).focus()
    page.keyboard.press("End")  # to the last year: a newer report comes first, the card's moves down
    harness.wait_for_app(page)
    after = card.inner_text()
    assert after != before and f"({shown})" in after, (before, after)  # the same report, in a new list
    page.wait_for_function(f"() => ({ticked})().length === 1", timeout=10_000)
    assert page.evaluate(ticked) == [shown], "the ticked row is the report in the card"
    assert page.evaluate("() => document.querySelector(\"[data-testid='stDataFrame']\").nkSame === true"), \
        "the table was built anew"


def test_a_tick_taken_off_comes_back_while_the_card_shows_its_report(open_dashboard) -> None:
    """A fresh reader took the tick off the chosen row: the card went on showing that report with no
    row ticked, and Next went on from it. The tick comes back on the report the card shows."""
    page = open_dashboard("?place=Dandong&years=2017&years=2025").page
    card = page.locator("[data-testid='stNumberInput'] label")

    def agree(position: str) -> None:
        shown = re.search(r"\((r\d+)\)", card.inner_text()).group(1)
        assert card.inner_text().startswith(position), card.inner_text()
        try:
            page.wait_for_function(f"() => ({TICKED_JS})().length === 1", timeout=10_000)
        finally:
            assert page.evaluate(TICKED_JS) == [shown], "the ticked row is the report in the card"

    page.locator("[data-testid='stDataFrame'] [data-testid='data-grid-canvas']").focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")  # choose the second row
    page.wait_for_function("() => document.querySelector(\"[data-testid='stNumberInput'] label\")"
                           ".innerText.startsWith('Report 2 of 5')", timeout=20_000)
    harness.wait_for_app(page)
    agree("Report 2 of 5")
    page.wait_for_timeout(1000)  # the grid drawn again after the choice
    page.keyboard.press("Space")  # and take its tick off
    page.wait_for_timeout(1000)
    harness.wait_for_app(page)
    agree("Report 2 of 5")


def test_all_places_after_a_place_zooms_back_out(open_dashboard) -> None:
    page = open_dashboard("?place=Hunchun").page
    (lat, lng), zoom = focus(dataset(), "hunchun")
    wait_for_centre(page, lat, lng)
    choose(page, "Focus on a place", "All places")
    (lat, lng), zoom = SETTINGS.map_center, SETTINGS.map_zoom
    # The whole map's first view, to within a few pixels at its zoom.
    harness.map_frame(page).wait_for_function(
        "([lat, lng, zoom]) => window.map.getZoom() === zoom && Math.abs(window.map.getCenter().lat - lat) < 0.1"
        " && Math.abs(window.map.getCenter().lng - lng) < 0.1", arg=[lat, lng, zoom], timeout=10_000)
    assert "place=" not in page.url


STATED_ORIGIN_MOVEMENTS = [("pyongyang", "china"), ("ryanggang-province", "china"), ("hyesan", "china"),
                           ("changbai", "shenyang")]
"""Movements the sources state (issue 21): each must be drawn as a stated (solid) line."""


def test_stated_origin_movements_are_drawn_as_stated_lines(open_dashboard) -> None:
    opened = open_dashboard()
    harness.wait_for_markers(opened.page, marks(expected()))
    drawn = harness.drawn_movements(harness.map_frame(opened.page))
    assert {pair: drawn.get(pair) for pair in STATED_ORIGIN_MOVEMENTS} == dict.fromkeys(STATED_ORIGIN_MOVEMENTS,
                                                                                         "stated")
    assert drawn[("pyongyang", "jilin-province")] == "inferred"  # and an inferred one stays inferred
