"""``make curate`` in Chromium: its own pages draw the map, another site cannot frame it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser import harness
from tests.browser.conftest import VIEWPORT
from tests.browser.test_serve import other_site
from tests.test_launch import start_make, stop_make


@pytest.fixture(scope="module")
def framing_browser(playwright_session: object) -> Iterator[object]:
    """Chromium that resolves ``frame.example`` (another site) to this machine."""
    chromium = playwright_session.chromium.launch(
        executable_path=str(harness.CHROMIUM), headless=True,
        args=[*harness.CHROMIUM_ARGS, "--host-resolver-rules=MAP frame.example 127.0.0.1"])
    try:
        yield chromium
    finally:
        chromium.close()


def test_make_curate_draws_its_map_but_no_other_site_can_frame_it(framing_browser: object) -> None:
    server = start_make("curate", harness.free_port())
    network = harness.NetworkLog(local_names=("frame.example",))
    context = harness.new_context(framing_browser, network, viewport=VIEWPORT)
    page = context.new_page()
    errors = harness.watch_console(page)
    try:
        harness.wait_until_healthy(server, timeout=90)
        # Its own page: the map (an iframe of the same origin) still draws under X-Frame-Options DENY.
        page.goto(server.url, timeout=60_000)
        harness.wait_for_app(page)
        assert harness.wait_for_markers(page, timeout=60) > 0
        assert [e for e in errors if "frame" in e.lower() and "refused" in e.lower()] == [], errors
        # Another site framing the curation page (clickjacking the Merge button): nothing draws.
        framing = (f'<iframe id="curate" src="{server.url}review" width="800" height="600"></iframe>'
                   f'<iframe id="curate-root" src="{server.url}" width="800" height="600"></iframe>')
        with other_site(framing) as other:
            page.goto(f"http://frame.example:{other}/")
            page.wait_for_timeout(4000)
            for frame in ("#curate", "#curate-root"):
                drawn = page.frame_locator(frame).locator("[data-testid='stAppViewContainer']")
                assert drawn.count() == 0, f"the curation page drew inside another site's frame ({frame})"
    finally:
        context.close()
        stop_make(server)
    assert network.others == [], f"requests left the machine: {network.others}"
