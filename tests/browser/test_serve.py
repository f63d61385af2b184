"""`make serve` end to end: the embed, the map through nginx, a dashboard process killed, a clean stop."""

from __future__ import annotations

import contextlib
import http.server
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

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


PUBLIC_NAME = "map.example.org"
"""A host name readers would use; Chromium resolves it to 127.0.0.1 (``--host-resolver-rules``)."""


@pytest.fixture(scope="module")
def named_browser(playwright_session: object) -> Iterator[object]:
    """Chromium that resolves ``PUBLIC_NAME`` and ``frame.example`` to this machine."""
    chromium = playwright_session.chromium.launch(
        executable_path=str(harness.CHROMIUM), headless=True,
        args=[*harness.CHROMIUM_ARGS,
              f"--host-resolver-rules=MAP {PUBLIC_NAME} 127.0.0.1, MAP frame.example 127.0.0.1"])
    try:
        yield chromium
    finally:
        chromium.close()


def test_serve_behind_a_real_host_name(served: harness.ServedApp, named_browser: object) -> None:
    url = f"http://{PUBLIC_NAME}:{served.port}/"
    network = harness.NetworkLog(local_names=(PUBLIC_NAME, "frame.example"))
    context = harness.new_context(named_browser, network, viewport=VIEWPORT)
    page = context.new_page()
    errors = harness.watch_console(page)
    refused = []
    page.on("response", lambda response: refused.append(response.url) if response.status >= 400 else None)
    try:
        # The page, its WebSocket (Host and Origin map.example.org:PORT) and the map all work, under
        # the Content-Security-Policy (a blocked script, style or frame would log an error).
        page.goto(url, timeout=60_000)
        harness.wait_for_app(page)
        assert harness.wait_for_markers(page, timeout=60) > 0
        assert refused == [], refused
        assert [e for e in errors if "Content Security Policy" in e or "Refused" in e] == [], errors

        # Another site may frame the standalone map, but not the dashboard (clickjacking).
        framing = (f'<iframe id="embed" src="{url}embed/" width="600" height="400"></iframe>'
                   f'<iframe id="dashboard" src="{url}" width="600" height="400"></iframe>')
        with other_site(framing) as other:
            page.goto(f"http://frame.example:{other}/")
            page.frame_locator("#embed").locator(".leaflet-container").wait_for(timeout=30_000)
            page.wait_for_timeout(3000)
            dashboard = page.frame_locator("#dashboard").locator("[data-testid='stAppViewContainer']")
            assert dashboard.count() == 0, "the dashboard drew inside another site's frame"
    finally:
        context.close()
    assert network.others == [], f"requests left the machine: {network.others}"


def test_serve_headers_and_private_endpoints(served: harness.ServedApp) -> None:
    base = served.url
    for path in ("_stcore/metrics", "_stcore/agent/openapi.json", "_stcore/agent/interact"):
        assert harness.http_get(base + path)[0] == 404, path
    # The page asks for these two itself (see docs/RELIABILITY.md).
    assert harness.http_get(base + "_stcore/health")[0] == 200
    assert harness.http_get(base + "_stcore/host-config")[0] == 200

    status, headers, _ = harness.http_get(base, {"Host": PUBLIC_NAME})
    assert status == 200
    csp = headers["content-security-policy"]
    assert "frame-ancestors 'self'" in csp and "default-src 'self'" in csp
    assert "https://*.basemaps.cartocdn.com" in csp  # the tile server of geo.settings, and no other host
    assert headers["x-frame-options"] == "SAMEORIGIN"
    assert headers["x-content-type-options"] == "nosniff"
    assert "Secure" not in headers["set-cookie"]
    assert "; Secure" in harness.http_get(base, {"X-Forwarded-Proto": "https"})[1]["set-cookie"]

    status, headers, _ = harness.http_get(base + "embed/")
    assert "frame-ancestors" not in headers["content-security-policy"] and "x-frame-options" not in headers
    assert headers["x-content-type-options"] == "nosniff"
    # /embed's redirect names no host, whatever Host the request sent.
    request = urllib.request.Request(base + "embed", headers={"Host": "evil.example"})  # noqa: S310
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(request, timeout=5)
    assert redirect.value.code == 301 and redirect.value.headers["location"] == "/embed/"

    # The WebSocket: its own name and a real host name pass; another site's page is refused by
    # nginx (Streamlit's own refusal would look up the machine's public address).
    assert harness.websocket_handshake(served.port, f"{PUBLIC_NAME}:{served.port}",
                                       f"http://{PUBLIC_NAME}:{served.port}") == 101
    assert harness.websocket_handshake(served.port, PUBLIC_NAME, f"https://{PUBLIC_NAME}") == 101
    assert harness.websocket_handshake(served.port, f"127.0.0.1:{served.port}", "http://evil.example") == 403


@contextlib.contextmanager
def other_site(html: str) -> Iterator[int]:
    """Another web site (``frame.example`` in ``named_browser``) serving ``html``; yields its port."""

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            body = html.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hand a redirect back as an error instead of following it."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def test_killed_nginx_leaves_no_orphan_and_the_stack_dies_with_make(tmp_path: object) -> None:
    if not harness.NGINX.exists():
        pytest.skip(f"{harness.NGINX} is missing (apt-get install nginx)")
    port = harness.free_port()
    log = tmp_path / "make-serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(["make", "-s", "serve", f"PORT={port}", "REPLICAS=1"], cwd=harness.ROOT,  # noqa: S607
                                   stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                   start_new_session=True)
    served = harness.ServedApp(process=process, port=port, log_path=log, runtime=harness.ROOT / "build" / "serve")
    supervisord_log = served.runtime / "logs" / "supervisord.log"  # make serve's own: appended to at each start
    log_start = supervisord_log.stat().st_size if supervisord_log.exists() else 0
    try:
        harness.wait_until_served(served, replicas=1, timeout=120)

        # SIGKILL nginx: supervisord starts it once again and nothing else holds the port.
        nginx = [pid for pid, argv in served.stray().items() if argv and "nginx" in argv[0]]
        assert len(nginx) == 1, served.stray()  # one process: no master/worker pair to split
        os.kill(nginx[0], signal.SIGKILL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            now = [pid for pid, argv in served.stray().items() if argv and "nginx" in argv[0] and pid != nginx[0]]
            # The new nginx shows in the process list a moment before it listens: refused until then.
            with contextlib.suppress(OSError):
                if now and harness.http_get(f"{served.url}_stcore/health", timeout=2)[2] == b"ok":
                    break
            time.sleep(0.5)
        else:
            raise AssertionError(f"nginx did not come back: {served.stray()}\n{served.log_tail()}")
        time.sleep(6)  # longer than nginx's startsecs: a failing restart would show by now
        with supervisord_log.open("rb") as this_run:
            this_run.seek(log_start)
            spawned = this_run.read().decode(errors="replace").count("spawned: 'nginx'")
        assert spawned == 2, f"nginx was started {spawned} times"
        assert not [pid for pid, argv in served.stray().items() if argv and "nginx" in argv[0] and
                    parent(pid) == 1], f"an orphaned nginx process: {served.stray()}"

        # SIGKILL make itself: the whole stack follows, and the port is free again.
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
        deadline = time.monotonic() + 30
        while served.stray() and time.monotonic() < deadline:
            time.sleep(0.3)
        assert served.stray() == {}, f"left running after make was killed: {served.stray()}"
        assert harness.listeners(port) == []
    finally:
        for pid in served.stray():
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


def test_serve_says_when_its_port_is_taken(tmp_path: object) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen(1)
        port = holder.getsockname()[1]
        result = subprocess.run([sys.executable, "deploy/serve.py", "--port", str(port), "--replicas", "1",  # noqa: S603
                                 "--runtime", str(tmp_path / "serve")], cwd=harness.ROOT, capture_output=True,
                                text=True, timeout=60)
    assert result.returncode == 2
    assert f"port {port} is in use before the start: held by process {os.getpid()}" in result.stderr
    assert not (tmp_path / "serve" / "supervisord.conf").exists()  # nothing was started


def parent(pid: int) -> int:
    """The parent process id of ``pid`` (0 when it is gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0
    return int(stat[stat.rindex(")") + 2:].split()[1])
