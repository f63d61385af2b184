"""Hostile text in the data never runs in the dashboard: no dialog opens, the text shows literally,
and the map still renders (a backtick must not break it)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import pytest

from tests.browser import harness
from tests.hostile import HOSTILE_NAME, IMG, MARKDOWN, SCRIPT_CLOSE, TEMPLATE, write_hostile_dataset

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory, browser: object) -> Iterator[harness.AppServer]:
    """The dashboard serving the hostile dataset."""
    folder = write_hostile_dataset(tmp_path_factory.mktemp("hostile"))
    with harness.running_app(folder) as server:
        yield server


def test_hostile_text_shows_literally_and_never_runs(hostile_server: harness.AppServer, browser: object) -> None:
    network = harness.NetworkLog()
    context = harness.new_context(browser, network, viewport={"width": 1400, "height": 1000})
    dialogs: list[str] = []
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    errors = harness.watch_console(page)
    try:
        page.goto(hostile_server.url)
        harness.wait_for_app(page)
        markers = harness.wait_for_markers(page)
        assert markers >= 3, "the map must still render with hostile names and quotes"

        frame = harness.map_frame(page)
        frame.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        # Open every popup and tooltip, so their HTML is really inserted into the page.
        texts = frame.evaluate("""() => {
            const out = [];
            window.map.eachLayer(layer => {
                if (layer.getPopup && layer.getPopup()) { layer.openPopup();
                    const el = layer.getPopup().getElement(); if (el) out.push(el.textContent); }
                if (layer.getTooltip && layer.getTooltip()) { layer.openTooltip();
                    const el = layer.getTooltip().getElement(); if (el) out.push(el.textContent); }
            });
            const legend = document.querySelector('.nk-legend');
            out.push(legend ? legend.textContent : '');
            return out.join('\\n');
        }""")
        page.wait_for_timeout(500)
        assert IMG in texts and TEMPLATE in texts and "`tick`" in texts, f"popups show the text literally: {texts}"
        assert "Garments <img" in texts, "the legend shows the sector label literally"
        assert frame.evaluate("() => document.querySelectorAll('img[src=x]').length") == 0

        page.get_by_role("link", name="Source documents").click()
        page.wait_for_selector(".nk-seed")
        seed_text = page.locator(".nk-seed").first.text_content()
        assert IMG in seed_text and SCRIPT_CLOSE in seed_text
        assert page.locator("img[src=x]").count() == 0
        assert dialogs == [], f"a dialog opened: {dialogs}"
        assert not [e for e in errors if "SyntaxError" in e], errors
        assert network.others == []
    finally:
        context.close()


def test_a_place_name_in_markdown_shows_literally(hostile_server: harness.AppServer, browser: object) -> None:
    """The heading above the table names the focused place: links, images and emphasis stay text."""
    network = harness.NetworkLog()
    context = harness.new_context(browser, network, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(f"{hostile_server.url}?place={quote(HOSTILE_NAME)}")
        harness.wait_for_app(page)
        heading = page.locator("h3.nk-table-heading", has_text="Reports at")
        heading.wait_for()
        assert MARKDOWN in heading.inner_text()
        assert heading.locator("a, img, strong, .katex").count() == 0
        printed = page.locator("h3.nk-print-heading", has_text="Reports at")  # the list for paper, hidden on screen
        assert MARKDOWN in printed.text_content() and printed.locator("a, img, strong, .katex").count() == 0
        assert not [url for url in requests if url.startswith("http://127.0.0.1:9/")], "a data image was fetched"
    finally:
        context.close()


def test_a_dataset_with_template_syntax_everywhere_loads_and_shows_it_literally(
        tmp_path_factory: pytest.TempPathFactory, browser: object) -> None:
    from tests.hostile import JINJA_BLOCK, JINJA_EXPR, PWNED, write_template_dataset

    folder = write_template_dataset(tmp_path_factory.mktemp("templated"))
    with harness.running_app(folder) as server:
        network = harness.NetworkLog()
        context = harness.new_context(browser, network, viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        try:
            page.goto(server.url)
            harness.wait_for_app(page)
            assert harness.wait_for_markers(page) >= 3
            assert page.locator("[data-testid='stException']").count() == 0
            legend = harness.map_frame(page).locator(".nk-legend").text_content()
            assert JINJA_EXPR in legend and JINJA_BLOCK in legend
        finally:
            context.close()
    assert not (harness.ROOT / PWNED).exists() and not (folder / PWNED).exists()
