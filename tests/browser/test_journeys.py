"""The journeys of ../shared/JOURNEYS.md, taken in Chromium the way a person takes them: a mouse
that clicks a mark, a pointer that hovers places sitting close together, a reader who checks what
the map says about a place the source says has few workers.
"""

from __future__ import annotations

import functools
import re

import pytest

from geo.load import Dataset, load_dataset
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
    assert "inferred, not stated" in hover_text(page, inferred.first)
    page.mouse.move(0, 0)
    legend = frame.locator(".nk-legend")
    if not legend.locator("details").evaluate("d => d.open"):
        legend.locator("summary").click()
    legend.get_by_label("Show inferred movements").uncheck()
    assert not inferred.first.is_visible()
    assert frame.locator("path.nk-flow:not(.nk-inferred)").first.is_visible()
