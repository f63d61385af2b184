"""The year step sends numbers and what is new (geo.map.step.step_json, nkmap.step): after many
steps the map shows what a fresh page of the same link shows, and a map that lost the words it
was sent gets them again without an error. In Chromium, on the bundled data."""

from __future__ import annotations

import pytest

from tests.browser import harness
from tests.browser.test_dashboard_browser import THUMBS, dataset, expected, flag_map, map_flag, marks, summary

pytestmark = pytest.mark.browser

# Every mark with its tooltip, popup, style and size, and every movement line drawn.
DRAWN = """() => {
    const out = {marks: {}, flows: []};
    window.map.eachLayer(layer => {
        if (layer.options && layer.options.nkFrom) {
            out.flows.push([layer.options.nkFrom, layer.options.nkTo, layer.options.className]);
        }
        if (!(layer.options && layer.options.placeId)) { return; }
        const popup = layer.getPopup().getContent();
        out.marks[layer.options.placeId] = {
            tooltip: layer.getTooltip().getContent(), popup: popup,
            fill: layer.options.fillColor, stroke: layer.options.color, dash: layer.options.dashArray || "",
            radius: layer.getRadius(),
            label: (layer.getElement() || {getAttribute: () => ""}).getAttribute("aria-label"),
        };
    });
    out.flows.sort();
    return out;
}"""

# Ten steps by keyboard on the year slider's two thumbs: in, out, to one year and back, so that
# places leave the map and come back.
KEYS = [(0, "ArrowRight"), (0, "ArrowRight"), (1, "ArrowLeft"), (1, "Home"), (1, "End"), (0, "End"),
        (0, "Home"), (0, "PageUp"), (1, "ArrowLeft"), (0, "ArrowLeft")]


def press(page: object, thumb: int, key: str) -> None:
    page.locator(THUMBS).nth(thumb).focus()
    page.keyboard.press(key)
    harness.wait_for_app(page)


def years_in_link(page: object) -> tuple[int, int]:
    years = [int(value) for value in page.evaluate("new URLSearchParams(location.search).getAll('years')")]
    return (years[0], years[1]) if years else dataset().years


def test_after_ten_year_steps_the_map_matches_a_fresh_page_of_the_same_link(open_dashboard) -> None:
    opened = open_dashboard()
    page = opened.page
    flag_map(page)
    for thumb, key in KEYS:
        press(page, thumb, key)
    view = expected(years=years_in_link(page))
    assert harness.wait_for_markers(page, marks(view)) == marks(view)
    stepped = harness.map_frame(page).evaluate(DRAWN)
    assert map_flag(page) == 42, "the map was remounted by a step"
    assert page.locator(".nk-summary").inner_text() == view.summary

    fresh = open_dashboard(page.url[page.url.index("?"):] if "?" in page.url else "")
    assert harness.wait_for_markers(fresh.page, marks(view)) == marks(view)
    again = harness.map_frame(fresh.page).evaluate(DRAWN)
    assert set(stepped["marks"]) == set(view.places["place_id"])
    assert stepped == again
    assert opened.console_errors == [] and fresh.console_errors == []


def test_a_map_that_lost_its_copy_is_sent_everything_again(open_dashboard) -> None:
    """As a new frame in the same session would: the window forgets what it was sent, and the next
    step draws what a fresh page of the same link draws, with no error on the page."""
    opened = open_dashboard()
    page = opened.page
    harness.map_frame(page).evaluate("() => { delete window.nkmapHeld; }")
    press(page, 1, "Home")  # the first year only: fewer places than the whole span
    view = expected(years=years_in_link(page))
    fresh = open_dashboard(page.url[page.url.index("?"):])
    assert harness.wait_for_markers(fresh.page, marks(view)) == marks(view)
    again = harness.map_frame(fresh.page).evaluate(DRAWN)
    assert set(again["marks"]) == set(view.places["place_id"])
    assert harness.wait_for_markers(page, marks(view)) == marks(view)
    harness.wait_for_app(page)
    assert harness.map_frame(page).evaluate(DRAWN) == again
    assert summary(page) == view.summary
    assert page.locator("[data-testid='stException']").count() == 0
    assert opened.console_errors == []
