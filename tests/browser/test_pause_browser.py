"""The presenter's Pause, pressed at any moment of a year's turn, stops on the year on the screen
when it was pressed: the big years, the link, the slider, the map and the summary all say that year.

A click late in a year's turn comes while the page is already working on the next year; the page
used to stop one year on (or, once, one year back) with the screen and the link disagreeing.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from geo.data.load import Dataset, load_dataset
from geo.query.filters import Filters
from geo.query.selection import build_view
from geo.settings import SETTINGS
from tests.browser import harness

pytestmark = pytest.mark.browser

PRESENTER = {"width": 1280, "height": 720}

# Waits in the browser for the big years to change to a new single year, waits ``delay`` ms more,
# then reads the year on the screen and clicks Pause in the same turn of the browser's script.
PAUSE_AFTER = """([delay]) => new Promise((resolve, reject) => {
  const big = () => document.querySelector('.nk-bigyears');
  const start = big() ? big().innerText : null;
  const give_up = setTimeout(() => reject(new Error('no new year within 20 s')), 20000);
  const check = () => {
    const now = big() ? big().innerText : null;
    if (now && now !== start && /^\\d{4}$/.test(now)) {
      setTimeout(() => {
        clearTimeout(give_up);
        const shown = big().innerText;
        const pause = [...document.querySelectorAll('button')].find(b => b.innerText.includes('Pause'));
        pause.click();
        resolve(shown);
      }, delay);
    } else {
      requestAnimationFrame(check);
    }
  };
  check();
})"""


@functools.cache
def dataset() -> Dataset:
    return load_dataset(SETTINGS.data_dir)


def marks_expected(year: int) -> list[tuple[str, int]]:
    """Each place the map shows for ``year`` alone, with its number of reports."""
    places = build_view(dataset(), Filters(years=(year, year))).places
    return sorted((str(name), int(count)) for name, count in zip(places["name"], places["reports"], strict=True))


def marks_drawn(page: object) -> list[tuple[str, int]]:
    """Each mark on the map, by its name for a screen reader: ``Name, N reports`` (a wide place
    says its level after its name)."""
    labels = harness.map_frame(page).locator("path.nk-place").evaluate_all(
        "paths => paths.map(p => p.getAttribute('aria-label'))")
    found = []
    for label in labels:
        match = re.match(r"^(.*?)(?:, [^,\d]*)?, (\d+) reports?\b", label or "")
        assert match, f"a mark's name does not say its place and count: {label!r}"
        found.append((match.group(1), int(match.group(2))))
    return sorted(found)


def what_the_page_says(page: object) -> dict:
    """The year in the big years, the link, the slider, the summary and the map's marks."""
    query = parse_qs(urlsplit(page.url).query)
    return {
        "big years": page.locator(".nk-bigyears").inner_text(),
        "link": query.get("years"),
        "slider": page.locator("[data-testid='stSlider'] input[type='range']").evaluate_all(
            "inputs => inputs.map(i => i.value)"),
        "summary": page.locator(".nk-summary").inner_text(),
        "marks": marks_drawn(page),
    }


def test_pause_stops_on_the_year_seen_early_middle_or_late_in_its_turn(open_dashboard) -> None:
    """Pause pressed 0.2, 0.9, then 1.45 to 1.65 s after a year appears (of its 1.7 s): the page stops
    on that year, and the link, the slider, the map and the summary agree with it."""
    assert SETTINGS.play_seconds == pytest.approx(1.7), "the moments below are chosen for 1.7 s a year"
    page = open_dashboard("?present=true", viewport=PRESENTER).page
    wrong = []
    for delay in (200, 900, 1500, 1650, 1450, 1600, 1550, 1650):
        page.get_by_role("button", name="▶ Play the years").click()
        page.get_by_role("button", name="❚❚ Pause").wait_for(timeout=20_000)
        seen = page.evaluate(PAUSE_AFTER, [delay])
        page.get_by_role("button", name="▶ Play the years").wait_for(timeout=20_000)
        harness.wait_for_app(page)
        page.wait_for_timeout(1200)  # a step still on its way would show by now
        harness.wait_for_app(page)
        year = int(seen)
        said = what_the_page_says(page)
        expected = {
            "big years": seen,
            "link": [seen, seen],
            "slider": [seen, seen],
            "summary": build_view(dataset(), Filters(years=(year, year))).summary,
            "marks": marks_expected(year),
        }
        if said != expected:
            wrong.append({"pressed after ms": delay, "seen": seen,
                          **{part: said[part] for part in said if said[part] != expected[part]}})
    page.screenshot(path="/tmp/nk-pause-last.png")
    assert wrong == [], wrong


def test_pause_by_keyboard_stops_on_the_year_shown_and_keeps_the_focus(open_dashboard) -> None:
    """A presenter who tabbed to Pause presses Space while a year shows: the page stops on that
    year, and the focus stays on the button (now Play) for the next press."""
    page = open_dashboard("?present=true", viewport=PRESENTER).page
    page.get_by_role("button", name="▶ Play the years").click()
    pause = page.get_by_role("button", name="❚❚ Pause")
    pause.wait_for(timeout=20_000)
    pause.focus()
    # The middle of a year's turn, so that the year read is still the one shown at the key press.
    seen = page.evaluate("""() => new Promise(resolve => {
      const big = () => document.querySelector('.nk-bigyears').innerText, start = big();
      const check = () => big() !== start ? setTimeout(() => resolve(big()), 700) : requestAnimationFrame(check);
      check();
    })""")
    page.keyboard.press("Space")
    page.get_by_role("button", name="▶ Play the years").wait_for(timeout=20_000)
    harness.wait_for_app(page)
    page.wait_for_timeout(1200)
    said = what_the_page_says(page)
    assert (said["big years"], said["link"], said["slider"]) == (seen, [seen, seen], [seen, seen]), said
    assert page.evaluate("document.activeElement.innerText").strip() == "▶ Play the years"


def test_next_and_previous_year_write_the_link_and_back_steps_back_in_presenter_mode(open_dashboard) -> None:
    """A presenter opens a shared link in presenter mode and steps with Next and Previous: after each
    step the link says the year on the screen and still opens presenter mode (a link copied then
    shows what the room saw), and Back returns to the year before, still presenting."""
    page = open_dashboard("?present=1&years=2013&years=2013", viewport=PRESENTER).page
    seen = []
    for button, year in (("Next year ▶", "2014"), ("Next year ▶", "2015"), ("◀ Previous year", "2014")):
        page.get_by_role("button", name=button).click()
        page.wait_for_function("y => document.querySelector('.nk-bigyears').innerText === y", arg=year,
                               timeout=20_000)
        harness.wait_for_app(page)
        page.wait_for_timeout(1200)
        query = parse_qs(urlsplit(page.url).query)
        seen.append((year, query.get("years"), query.get("present")))
    assert seen == [(year, [year, year], ["true"]) for year in ("2014", "2015", "2014")], seen
    page.go_back()
    page.wait_for_function("() => (document.querySelector('.nk-bigyears') || {}).innerText === '2015'",
                           timeout=20_000)
    harness.wait_for_app(page)
    assert parse_qs(urlsplit(page.url).query).get("present") == ["true"]
    assert page.locator(".nk-bigyears").is_visible(), "Back left presenter mode"
