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
from geo.data.load import load_dataset
from geo.settings import SETTINGS
from tests.browser import harness

pytestmark = pytest.mark.browser

KEY = "the-curator-key-of-this-test"
ARTICLE = ("North Korean workers from Pyongyang arrived in Yanji in May 2023. "
           "Dozens of North Korean women now work in seafood-processing plants in Hunchun.")


@pytest.fixture
def review_server(tmp_path: Path):
    yield from _serve(tmp_path, "review_page.py")


@pytest.fixture
def curate_server(tmp_path: Path):
    """The whole app in curation mode (``make curate``): the map's pages and the review page."""
    yield from _serve(tmp_path, "dashboard.py")


def _serve(tmp_path: Path, script: str):
    data = tmp_path / "data"
    shutil.copytree(harness.ROOT / "data", data)
    shutil.copytree(harness.ROOT / "seeds", data / "seeds")
    port = harness.free_port()
    log = tempfile.NamedTemporaryFile(prefix="review-", suffix=".log", delete=False)
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
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


SHOTS = Path(tempfile.gettempdir()) / "review-shots"
HOSTILE = ("North Korean workers arrived in Yanji in May 2023.\n\n"  # blank lines end an HTML block in Markdown
           "See [the report](https://evil.example/link) and https://evil.example/autolink **bold**.\n\n"
           "![beacon](https://evil.example/beacon.png)\n\n"
           "<img src=https://evil.example/tag.png> <a href=https://evil.example/a>a tag</a>\n")


def open_page(server: harness.AppServer, browser: object, network: harness.NetworkLog) -> tuple[object, object]:
    context = harness.new_context(browser, network, viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(server.url)
    harness.wait_for_app(page)
    return context, page


def draft(page: object, article: str) -> None:
    page.get_by_label("Article text (or upload a file below)").fill(article)
    page.get_by_role("textbox", name="Published (YYYY, YYYY-MM or YYYY-MM-DD)").fill("2023-06")
    page.get_by_role("textbox", name="Publisher").fill("Test News")
    page.get_by_role("button", name="Draft candidates").click()
    page.locator("[data-testid='article']").wait_for(timeout=60_000)
    harness.wait_for_app(page)


def click_candidate_row(page: object, number: int) -> None:
    """Click the candidate list's row ``number`` (from 1), as a person would: its tick box."""
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    row_height, header = 35, 35
    page.mouse.click(box["x"] + 16, box["y"] + header + row_height * (number - 0.5))  # the row's tick box
    harness.wait_for_app(page)


def test_paste_review_and_merge(review_server, browser) -> None:
    server, data = review_server
    network = harness.NetworkLog()
    context, page = open_page(server, browser, network)
    SHOTS.mkdir(exist_ok=True)
    try:
        draft(page, ARTICLE)
        # Nothing arrives accepted: the button says none will be published, and is off.
        page.get_by_label("Curator's key", exact=False).fill(KEY)
        page.get_by_label("Curator's key", exact=False).press("Enter")
        harness.wait_for_app(page)
        merge = page.get_by_role("button", name="Merge")
        assert merge.inner_text() == "Merge 0 accepted reports into the dataset" and merge.is_disabled()
        marks = page.locator("[data-testid='article'] mark")
        assert marks.count() == 2 and page.locator("[data-testid='article'] mark.selected").count() == 0
        new_places = page.frame_locator("iframe[title='streamlit_folium.st_folium']")
        new_places.locator("path.leaflet-interactive").first.wait_for(timeout=30_000)
        # Selecting a row highlights that candidate's passage only.
        click_candidate_row(page, 3)
        selected = page.locator("[data-testid='article'] mark.selected")
        selected.wait_for(timeout=10_000)
        assert selected.count() == 1 and "Hunchun" in selected.inner_text()
        assert selected.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 196, 0)"
        page.screenshot(path=str(SHOTS / "selected.png"), full_page=True)
        page.get_by_text("reject", exact=True).click()
        harness.wait_for_app(page)
        struck = page.locator("[data-testid='article'] mark.selected")
        assert "line-through" not in struck.evaluate("e => getComputedStyle(e).textDecorationLine")
        click_candidate_row(page, 1)
        rejected = page.locator("[data-testid='article'] mark.rejected")
        assert rejected.count() == 1 and "Hunchun" in rejected.inner_text()
        assert rejected.evaluate("e => getComputedStyle(e).textDecorationLine") == "line-through"
        page.get_by_text("accept", exact=True).click()
        harness.wait_for_app(page)
        page.screenshot(path=str(SHOTS / "rejected.png"), full_page=True)
        merge = page.get_by_role("button", name="Merge")
        assert merge.inner_text() == "Merge 1 accepted report into the dataset" and merge.is_enabled()
        merge.click()
        page.get_by_text("Merged.", exact=False).wait_for(timeout=60_000)
        harness.wait_for_app(page)
        box = page.get_by_text("Merged.", exact=False).bounding_box()
        assert 0 <= box["y"] <= 768 - box["height"], box  # in view where the reviewer clicked, not scrolled away
        assert "seeds/README.md" in page.locator("[data-testid='stAlert']").all_inner_texts()[-1]
        page.screenshot(path=str(SHOTS / "merged.png"), full_page=True)
    finally:
        context.close()
    assert len(load_dataset(data).reports) == len(load_dataset(SETTINGS.data_dir).reports) + 1  # the one accepted
    # Scripts, styles and the new places' map all come from the app: nothing leaves the machine.
    assert network.others == [], network.others


def test_a_hostile_article_shows_as_plain_text_with_no_live_link_or_image(review_server, browser) -> None:
    server, _data = review_server
    network = harness.NetworkLog()
    context, page = open_page(server, browser, network)
    try:
        assert "2MB per file" in page.locator("[data-testid='stFileUploaderDropzone']").inner_text()
        draft(page, HOSTILE)
        article = page.locator("[data-testid='article']")
        assert article.locator("a, img").count() == 0
        assert article.inner_text().strip() == HOSTILE.strip()  # exactly as pasted: no Markdown, no HTML
        assert page.locator("main a[href*='evil.example'], main img[src*='evil.example']").count() == 0
        page.wait_for_timeout(500)
        page.screenshot(path=str(SHOTS / "hostile.png"), full_page=True)
    finally:
        context.close()
    assert not [url for url in network.others if "evil.example" in url], network.others


def test_leaving_the_page_mid_review_keeps_the_source_fields_and_the_article(curate_server, browser) -> None:
    """A reviewer who went to the map and came back found the source's fields empty and the date's basis
    back at "stated", while the candidates stayed: a merge then published an inferred date as printed.
    What was typed comes back, and the page still asks how the inferred date was established."""
    server, _data = curate_server
    network = harness.NetworkLog()
    context = harness.new_context(browser, network, viewport={"width": 1366, "height": 768})
    page = context.new_page()
    try:
        page.goto(server.url + "review")
        harness.wait_for_app(page)
        page.get_by_role("textbox", name="Title").fill("Workers at the border")
        page.get_by_role("combobox", name="Is the date printed?").click()
        page.get_by_role("option", name="inferred").click()
        harness.wait_for_app(page)
        draft(page, ARTICLE)
        asked = page.get_by_text("Say how the publication date was established (it is inferred).")
        asked.wait_for()
        page.get_by_role("link", name="Map").click()
        page.wait_for_url(lambda url: "/review" not in url, timeout=20_000)
        harness.wait_for_app(page)
        page.get_by_role("link", name="Add an article").click()
        page.wait_for_url(lambda url: "/review" in url, timeout=20_000)
        harness.wait_for_app(page)
        page.locator("[data-testid='article']").wait_for(timeout=30_000)
        assert page.get_by_role("textbox", name="Published (YYYY, YYYY-MM or YYYY-MM-DD)").input_value() == "2023-06"
        assert page.get_by_role("textbox", name="Publisher").input_value() == "Test News"
        assert page.get_by_role("textbox", name="Title").input_value() == "Workers at the border"
        assert page.get_by_label("Article text (or upload a file below)").input_value() == ARTICLE
        assert page.get_by_role("combobox", name="Is the date printed?").input_value() == "inferred"
        assert asked.is_visible(), "the page no longer asks how the inferred date was established"
    finally:
        context.close()


def test_a_text_over_the_candidate_limit_says_where_drafting_stopped(review_server, browser) -> None:
    """A pasted text of one worker sentence repeated showed "2000 candidates" with no word that drafting
    had stopped there: the page gives the drafter's remark, with the character it stopped at."""
    server, _data = review_server
    network = harness.NetworkLog()
    context, page = open_page(server, browser, network)
    try:
        draft(page, "North Korean workers in Dandong, Hunchun, Yanji and Shenyang. " * 600)
        remark = page.locator("[data-testid='stCode']").filter(has_text="drafting stopped at character")
        remark.wait_for(timeout=30_000)
        assert "more than 2,000 candidates" in remark.inner_text()
    finally:
        context.close()


def test_an_article_with_no_candidates_says_so(review_server, browser) -> None:
    server, _data = review_server
    network = harness.NetworkLog()
    context, page = open_page(server, browser, network)
    try:
        page.get_by_label("Article text (or upload a file below)").fill("The weather in the capital was mild.")
        page.get_by_role("textbox", name="Published (YYYY, YYYY-MM or YYYY-MM-DD)").fill("2023-06")
        page.get_by_role("button", name="Draft candidates").click()
        remark = page.locator("[data-testid='stCode']").filter(has_text="no candidates: the article names no place")
        remark.wait_for(timeout=60_000)
        assert page.get_by_text("The drafter has a remark on this article:").count() == 1
        assert page.get_by_role("button", name="Merge").count() == 0
    finally:
        context.close()
