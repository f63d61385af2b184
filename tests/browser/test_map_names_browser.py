"""Place names beside the marks as a reader sees them after a zoom, and on a phone: a name shows only
beside its own mark in view, never over the phone's note of what is out of view, and never hides
much of another mark (found by someone trying the map: names of marks that had left the map stayed
inside it, the note hid Tumen's name, and Changbai County's name covered Shenyang's mark). In
Chromium, on the bundled data."""

from __future__ import annotations

import pytest

from tests.browser import harness
from tests.browser.test_journeys import PHONE

pytestmark = pytest.mark.browser

# Every name shown and every mark, in the map's frame's pixels, with the map's size.
SHOWN = """() => {
    const box = e => {
        const r = e.getBoundingClientRect();
        return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};
    };
    const names = [...document.querySelectorAll('.nk-label-text')]
        .filter(l => l.offsetWidth && getComputedStyle(l).visibility !== 'hidden')
        .map(l => ({name: l.textContent, ...box(l)}));
    const marks = [...document.querySelectorAll('path.nk-place')]
        .map(m => ({name: (m.getAttribute('aria-label') || '').split(',')[0], ...box(m)}));
    const note = document.querySelector('.nk-offscreen');
    const map = document.querySelector('.leaflet-container').getBoundingClientRect();
    return {names, marks, map: {width: map.width, height: map.height},
            note: note && note.offsetWidth && getComputedStyle(note).visibility !== 'hidden' ? box(note) : null};
}"""


def overlap(a: dict, b: dict) -> float:
    across = min(a["right"], b["right"]) - max(a["left"], b["left"])
    down = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    return across * down if across > 0 and down > 0 else 0.0


def in_view(mark: dict, size: dict) -> bool:
    """Whether the mark is drawn with its centre inside the map (Leaflet leaves a mark far outside undrawn)."""
    x, y = (mark["left"] + mark["right"]) / 2, (mark["top"] + mark["bottom"]) / 2
    return mark["right"] > mark["left"] and 0 <= x <= size["width"] and 0 <= y <= size["height"]


def check_names(shown: dict) -> None:
    marks = {mark["name"]: mark for mark in shown["marks"]}
    for name in shown["names"]:
        own = marks[name["name"]]
        assert in_view(own, shown["map"]), f"{name['name']}'s name shows, its mark is out of view: {own}"
        for other in shown["marks"]:
            if other["name"] != name["name"]:
                area = (other["right"] - other["left"]) * (other["bottom"] - other["top"])
                assert overlap(name, other) <= area / 4 + 1, f"{name['name']}'s name hides {other['name']}'s mark"
        if shown["note"]:
            assert overlap(name, shown["note"]) == 0, f"the out-of-view note hides {name['name']}'s name"


def test_after_zooming_in_only_marks_in_view_keep_their_names(open_dashboard) -> None:
    page = open_dashboard("?years=2019&years=2025", viewport={"width": 1366, "height": 768}).page
    frame = harness.map_frame(page)
    frame.wait_for_selector(".nk-no-tiles .nk-label", timeout=20_000)
    frame.locator(".leaflet-control-zoom-in").click()
    page.wait_for_timeout(900)
    shown = frame.evaluate(SHOWN)
    check_names(shown)
    assert any(not in_view(mark, shown["map"]) for mark in shown["marks"]), "zoomed in, some marks left the map"
    assert shown["names"], "names still show beside the marks in view"
    page.screenshot(path="/tmp/nk-names-zoomed.png")


def test_a_phones_names_keep_clear_of_the_out_of_view_note_and_of_other_marks(open_dashboard) -> None:
    page = open_dashboard(**PHONE).page
    frame = harness.map_frame(page)
    frame.wait_for_selector(".nk-no-tiles .nk-label", timeout=20_000)
    page.wait_for_timeout(800)
    shown = frame.evaluate(SHOWN)
    if not shown["note"]:  # the first view took in every mark: closer, some marks leave the map
        frame.locator(".leaflet-control-zoom-in").tap()
        frame.wait_for_selector(".nk-offscreen", state="visible", timeout=20_000)
        page.wait_for_timeout(800)
        shown = frame.evaluate(SHOWN)
    page.screenshot(path="/tmp/nk-names-phone.png")
    assert shown["note"], "the note names what is out of view"
    assert len(shown["names"]) >= 5
    check_names(shown)
