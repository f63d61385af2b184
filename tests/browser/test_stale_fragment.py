"""A year step after the data files change shows the new data, not the page's old copy."""

from __future__ import annotations

import csv
import io
import shutil
import time
from pathlib import Path

import pytest

from tests.browser import harness
from tests.browser.conftest import VIEWPORT
from tests.browser.test_dashboard_browser import THUMBS

pytestmark = pytest.mark.browser


def drop_one_place(data: Path) -> str:
    """Remove every report of the first report's place from ``data/reports.csv``; return that place."""
    path = data / "reports.csv"
    text = path.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    place = rows[0]["place_id"]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(row for row in rows if row["place_id"] != place)
    path.write_text(out.getvalue(), encoding="utf-8")
    return place


def test_a_year_step_after_the_files_change_shows_the_new_data(browser: object, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(harness.ROOT / "data", data)
    shutil.copytree(harness.ROOT / "seeds", data / "seeds")
    network = harness.NetworkLog()
    with harness.running_app(data) as server:
        context = harness.new_context(browser, network, viewport=VIEWPORT)
        try:
            page = context.new_page()
            page.goto(server.url)
            harness.wait_for_app(page)
            before = harness.wait_for_markers(page)

            drop_one_place(data)
            # Two year steps (one back, one forward): each reruns only the explorer fragment, and the
            # page ends on the same years, so only the data can change what the map draws.
            for key in ("ArrowLeft", "ArrowRight"):
                page.locator(THUMBS).nth(1).focus()
                page.keyboard.press(key)
                harness.wait_for_app(page)
            deadline = time.monotonic() + 30
            while harness.marker_count(page) == before and time.monotonic() < deadline:
                time.sleep(0.3)
            after = harness.wait_for_markers(page)
        finally:
            context.close()
    assert after < before, f"the map still draws {after} marks after a place lost all its reports ({before} before)"
    assert network.others == [], network.others
