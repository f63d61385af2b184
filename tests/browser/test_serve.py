"""`make serve` end to end: the embed, the map through nginx, a dashboard process killed, a clean stop."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator

import pytest

from tests.browser import harness
from tests.browser.conftest import REQUIRED, VIEWPORT

pytestmark = pytest.mark.browser


@pytest.fixture
def served(browser: object, tmp_path: object) -> Iterator[harness.ServedApp]:
    """``deploy/serve.py`` with two dashboard processes on a free port; stopped (and checked) by the test."""
    if not harness.NGINX.exists():
        message = f"{harness.NGINX} is missing (apt-get install nginx)"
        if REQUIRED:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    app = harness.start_served(replicas=2, runtime=tmp_path / "serve")
    try:
        yield app
    finally:
        app.stop()
        app.log_path.unlink(missing_ok=True)


def open_map(browser: object, url: str, timeout: float = 60) -> tuple[object, harness.NetworkLog, int]:
    """A new reader (own context, so own route cookie) opens the dashboard; returns context, network, markers."""
    network = harness.NetworkLog()
    context = harness.new_context(browser, network, viewport=VIEWPORT)
    page = context.new_page()
    page.goto(url, timeout=timeout * 1000)
    harness.wait_for_app(page, timeout=timeout * 1000)
    page.frame_locator(harness.MAP_IFRAME).locator(".leaflet-container").wait_for(timeout=timeout * 1000)
    return context, network, harness.wait_for_markers(page, timeout=timeout)


def test_serve_embed_map_failover_and_clean_stop(served: harness.ServedApp, browser: object) -> None:
    # The standalone map: static, HTML, cacheable, and revalidated with a 304.
    status, headers, body = harness.http_get(served.url + "embed/")
    assert status == 200
    assert headers["content-type"].startswith("text/html")
    assert b"leaflet" in body.lower()
    assert "max-age=" in headers["cache-control"]
    assert headers.get("etag") and headers.get("last-modified")
    assert harness.http_get(served.url + "embed/", {"If-None-Match": headers["etag"]})[0] == 304

    # The dashboard through nginx: page, WebSocket and map iframe all work.
    context, network, markers = open_map(browser, served.url)
    assert markers > 0
    context.close()
    assert network.others == [], f"requests left the machine: {network.others}"

    # Kill one dashboard process: supervisord starts it again, and new readers are served meanwhile.
    before = served.dashboards()
    assert len(before) == 2, before
    killed_port, killed_pid = sorted(before.items())[0]
    os.kill(killed_pid, signal.SIGKILL)
    killed_at = time.monotonic()
    context, network, markers = open_map(browser, served.url, timeout=60)
    assert markers > 0
    assert time.monotonic() - killed_at < 60
    context.close()
    deadline = time.monotonic() + 60
    while served.dashboards().get(killed_port) in (None, killed_pid) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert served.dashboards().get(killed_port) not in (None, killed_pid), "the killed process was not restarted"

    # SIGTERM stops everything: supervisord exits cleanly and no process of its session is left.
    pids = set(served.stray())
    assert len(pids) >= 4  # supervisord, two dashboards, nginx (master and worker)
    served.process.send_signal(signal.SIGTERM)
    assert served.process.wait(timeout=30) == 0, served.log_tail()
    deadline = time.monotonic() + 10
    while served.stray() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert served.stray() == {}, f"stray processes after SIGTERM: {served.stray()}"
