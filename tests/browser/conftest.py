"""Browser fixtures for the dashboard: one server and one Chromium for the whole session.

Every page opened through ``open_dashboard`` routes its requests through a ``NetworkLog``; a
request that would leave the machine for anything but a map tile fails the test that made it.
Without /usr/bin/chromium these tests are skipped, unless ``REQUIRE_BROWSER=1`` (CI) makes that
an error. The standalone-map tests keep their own ``standalone_*`` fixtures.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

from tests.browser import harness

REQUIRED = os.environ.get("REQUIRE_BROWSER") == "1"
VIEWPORT = {"width": 1400, "height": 1000}


def browser_missing() -> str | None:
    """Why the browser tests can't run here, or None when they can."""
    if not harness.CHROMIUM.exists():
        return f"{harness.CHROMIUM} is missing"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip the tests that need the dashboard in Chromium when Chromium is absent.

    With REQUIRE_BROWSER=1 they are not skipped: the ``app_server`` fixture fails them instead.
    """
    reason = browser_missing()
    if reason is None or REQUIRED:
        return
    skip = pytest.mark.skip(reason=f"{reason} (set REQUIRE_BROWSER=1 to fail instead)")
    for item in items:
        if {"app_server", "browser"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def app_server() -> Iterator[harness.AppServer]:
    """The dashboard on the bundled data/, served once for every browser test."""
    reason = browser_missing()
    if reason is not None:
        pytest.fail(f"{reason} and REQUIRE_BROWSER=1: install Debian's chromium and playwright",
                    pytrace=False)
    with harness.running_app() as server:
        yield server


@pytest.fixture(scope="session")
def playwright_session() -> Iterator[object]:
    """The one sync Playwright of the session (a thread can run only one; other modules reuse it)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_session: object) -> Iterator[object]:
    """Headless system Chromium, shared by the session."""
    chromium = harness.launch_browser(playwright_session)
    try:
        yield chromium
    finally:
        chromium.close()


@dataclass
class Opened:
    """What ``open_dashboard`` gives a test: the page and what it did."""

    page: object
    network: harness.NetworkLog
    console_errors: list[str] = field(default_factory=list)


@pytest.fixture
def open_dashboard(app_server: harness.AppServer, browser: object) -> Iterator[Callable[..., Opened]]:
    """Open the dashboard (optionally with a query string and viewport) and wait for its map.

    At teardown, fail if any page of the test asked for anything off the machine except tiles.
    """
    contexts = []
    networks: list[harness.NetworkLog] = []

    def open_page(query: str = "", *, viewport: dict | None = None, markers: bool = True, **options: object) -> Opened:
        network = harness.NetworkLog()
        context = harness.new_context(browser, network, viewport=viewport or VIEWPORT, **options)
        contexts.append(context)
        networks.append(network)
        page = context.new_page()
        opened = Opened(page=page, network=network, console_errors=harness.watch_console(page))
        page.goto(app_server.url + query)
        harness.wait_for_app(page)
        if markers:
            harness.wait_for_markers(page)
        return opened

    try:
        yield open_page
    finally:
        for context in contexts:
            context.close()
    leaked = [url for network in networks for url in network.others]
    assert leaked == [], f"requests left the machine (only map tiles may): {leaked}"
