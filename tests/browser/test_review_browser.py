"""The review page in Chromium: paste an article, draft, review, merge into a copy of the data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from geo import curation
from geo.load import load_dataset
from tests.browser import harness

pytestmark = pytest.mark.browser

KEY = "the-curator-key-of-this-test"
ARTICLE = ("North Korean workers from Pyongyang arrived in Yanji in May 2023. "
           "Dozens of North Korean women now work in seafood-processing plants in Hunchun.")


@pytest.fixture
def review_server(tmp_path: Path):
    data = tmp_path / "data"
    shutil.copytree(harness.ROOT / "data", data)
    shutil.copytree(harness.ROOT / "seeds", data / "seeds")
    port = harness.free_port()
    log = tempfile.NamedTemporaryFile(prefix="review-", suffix=".log", delete=False)
    command = [sys.executable, "-m", "streamlit", "run", "review_page.py", "--server.port", str(port),
               "--server.address", "127.0.0.1", "--server.headless", "true", "--server.fileWatcherType", "none",
               "--browser.gatherUsageStats", "false", "--", "--curate", "--data", str(data)]
    process = subprocess.Popen(command, cwd=harness.ROOT, stdout=log, stderr=subprocess.STDOUT,  # noqa: S603
                               stdin=subprocess.DEVNULL,
                               env={**os.environ, "PYTHONUNBUFFERED": "1", curation.SECRET_ENV: KEY})
    log.close()
    server = harness.AppServer(process=process, port=port, log_path=Path(log.name))
    try:
        harness.wait_until_healthy(server)
        yield server, data
    finally:
        server.stop()
        server.log_path.unlink(missing_ok=True)


def test_paste_review_and_merge(review_server, browser) -> None:
    server, data = review_server
    network = harness.NetworkLog()
    context = harness.new_context(browser, network)
    page = context.new_page()
    try:
        page.goto(server.url)
        harness.wait_for_app(page)
        page.get_by_label("Article text (or upload a file below)").fill(ARTICLE)
        page.get_by_label("Published (YYYY, YYYY-MM or YYYY-MM-DD)").fill("2023-06")
        page.get_by_label("Publisher").fill("Test News")
        page.get_by_role("button", name="Draft candidates").click()
        page.get_by_text("candidates", exact=False).first.wait_for(timeout=60_000)
        harness.wait_for_app(page)
        assert page.locator("[data-testid='article'] mark").count() >= 2
        new_places = page.frame_locator("iframe[title='streamlit_folium.st_folium']")
        new_places.locator("path.leaflet-interactive").first.wait_for(timeout=30_000)
        page.get_by_label("Curator's key", exact=False).fill(KEY)
        page.get_by_label("Curator's key", exact=False).press("Enter")
        harness.wait_for_app(page)
        page.get_by_role("button", name="Merge").click()
        page.get_by_text("Merged.", exact=True).wait_for(timeout=60_000)
    finally:
        context.close()
    assert len(load_dataset(data).reports) > 58
    # Scripts, styles and the new places' map all come from the app: nothing leaves the machine.
    assert network.others == [], network.others
