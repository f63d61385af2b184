"""Run the dashboard as a server and drive it in headless Chromium (for tests and benchmarks).

Importable without pytest. A typical session::

    with running_app() as app, sync_playwright() as pw:
        browser = launch_browser(pw)
        network = NetworkLog()
        context = new_context(browser, network)
        page = context.new_page()
        page.goto(app.url)
        wait_for_app(page)
        wait_for_markers(page)
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from geo.settings import SETTINGS

ROOT = Path(__file__).resolve().parents[2]
"""The repository root: where ``dashboard.py`` lives and the server runs."""

CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium (``playwright install`` can't download its own here)."""

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]



def _map_titles() -> list[str]:
    """The map's own name in every language (``geo.map.words.MAP_TITLE``, translated)."""
    from geo.i18n import LANGUAGES, translations
    from geo.map.words import MAP_TITLE

    return sorted({translations(lang).gettext(MAP_TITLE) for lang in LANGUAGES})


MAP_IFRAME = ", ".join(['iframe[title="streamlit_folium.st_folium"]',
                        *(f'iframe[title="{title}"]' for title in _map_titles())])
"""The streamlit-folium component's iframe in the page: the component's title until the map has
set up, then the map's own name in the page's language (``geo.map.words.MAP_TITLE``)."""

MARKERS = "path.leaflet-interactive"
"""Everything clickable drawn as SVG in the map: place circles, area circles and movement lines."""

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


def tile_host_pattern(tiles_url: str = SETTINGS.tiles_url) -> re.Pattern[str]:
    """A regex matching the host names of the tile URL template (``{s}`` is a subdomain)."""
    host = urlsplit(tiles_url).hostname or ""
    parts = [re.escape(part) for part in host.split("{s}")]
    return re.compile("^" + "[a-z0-9-]+".join(parts) + "$", re.IGNORECASE)


TILE_HOST = tile_host_pattern()


# ---------------------------------------------------------------- the server


@dataclass
class AppServer:
    """A running ``streamlit run dashboard.py`` and where to reach it."""

    process: subprocess.Popen
    port: int
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def log_tail(self, lines: int = 40) -> str:
        """The end of the server's combined stdout/stderr, for error messages."""
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self, timeout: float = 10) -> None:
        """Terminate the server, then kill it if it does not exit within ``timeout`` seconds."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=timeout)


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def app_command(port: int, data_dir: Path | str | None = None) -> list[str]:
    """The command line that serves the dashboard on ``port`` with the dataset in ``data_dir``."""
    return [
        sys.executable, "-m", "streamlit", "run", "dashboard.py",
        "--server.port", str(port), "--server.address", "127.0.0.1",
        "--server.headless", "true", "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
        "--", "--data", str(Path(data_dir or SETTINGS.data_dir).resolve()),
    ]


def wait_until_healthy(server: AppServer, timeout: float = 60) -> None:
    """Poll ``/_stcore/health`` until it answers ``ok``; raise with the server log if it never does."""
    deadline = time.monotonic() + timeout
    health = f"{server.url}_stcore/health"
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"the dashboard exited with code {server.process.returncode}:\n"
                               f"{server.log_tail()}")
        with contextlib.suppress(OSError, urllib.error.URLError):
            with urllib.request.urlopen(health, timeout=2) as response:  # noqa: S310 (local URL)
                if response.read().decode().strip() == "ok":
                    return
        time.sleep(0.2)
    raise TimeoutError(f"{health} did not answer 'ok' within {timeout:.0f} s:\n{server.log_tail()}")


def start_app(data_dir: Path | str | None = None, *, port: int | None = None,
              timeout: float = 60) -> AppServer:
    """Start the dashboard on a free port and wait until it is healthy.

    Parameters
    ----------
    data_dir
        Dataset folder passed as ``-- --data``; the bundled ``data/`` when not given.
    port
        Port to serve on; a free one when not given.
    timeout
        Seconds to wait for ``/_stcore/health``.

    Returns
    -------
    AppServer
        Call :meth:`AppServer.stop` when done (or use :func:`running_app`).
    """
    port = port or free_port()
    log = tempfile.NamedTemporaryFile(prefix="dashboard-", suffix=".log", delete=False)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(app_command(port, data_dir), cwd=ROOT, stdout=log,
                               stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
    log.close()
    server = AppServer(process=process, port=port, log_path=Path(log.name))
    try:
        wait_until_healthy(server, timeout)
    except BaseException:
        server.stop()
        server.log_path.unlink(missing_ok=True)  # its tail is in the error message
        raise
    return server


@contextlib.contextmanager
def running_app(data_dir: Path | str | None = None, **kwargs: object) -> Iterator[AppServer]:
    """Serve the dashboard for the duration of a ``with`` block; always stop it afterwards."""
    server = start_app(data_dir, **kwargs)
    try:
        yield server
    finally:
        server.stop()
        server.log_path.unlink(missing_ok=True)


# ---------------------------------------------------------------- the browser


def launch_browser(playwright: object, **kwargs: object) -> object:
    """Headless system Chromium with the flags that keep it quiet and offline-friendly."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
                                      headless=True, **kwargs)


@dataclass
class NetworkLog:
    """Requests the browser tried to send off the machine (all of them were aborted)."""

    tiles: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    local_names: tuple[str, ...] = ()
    """More host names that reach this machine (a test's ``--host-resolver-rules``)."""

    def route(self, route: object) -> None:
        """Playwright route handler: let local requests through, abort and record the rest."""
        url = route.request.url
        verdict = classify(url)
        if verdict == "local" or (urlsplit(url).hostname or "").lower() in self.local_names:
            route.continue_()
            return
        (self.tiles if verdict == "tile" else self.others).append(url)
        route.abort()


def classify(url: str) -> str:
    """``"local"`` for the app itself, data: and blob:; ``"tile"`` for the tile server; else ``"other"``."""
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return "local"
    host = (parts.hostname or "").lower()
    if host in LOCAL_HOSTS:
        return "local"
    if TILE_HOST.match(host):
        return "tile"
    return "other"


def new_context(browser: object, network: NetworkLog, **kwargs: object) -> object:
    """A browser context whose every request goes through ``network.route``."""
    context = browser.new_context(**kwargs)
    context.route("**/*", network.route)
    return context


# ---------------------------------------------------------------- waiting on the page


def wait_for_app(page: object, timeout: float = 60_000) -> None:
    """Wait until Streamlit has rendered the whole page and no script run is in progress.

    A new reader's first view of the map page holds back its widgets, timeline and table until the
    map has drawn (``.nk-held`` marks their room): wait for them too.
    """
    page.wait_for_selector("[data-testid='stAppViewContainer']", state="attached", timeout=timeout)
    _settle(page, timeout)
    if page.query_selector(HELD) is not None:
        page.wait_for_function(f"() => !document.querySelector({HELD!r})", timeout=timeout)
        _settle(page, timeout)


HELD = ".nk-held"
"""The room of a part of the page that a new reader's first view holds back."""


def _settle(page: object, timeout: float) -> None:
    # The script-state attribute flips to "running" only after a short delay: don't read it too early.
    page.wait_for_timeout(300)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']",
                           state="attached", timeout=timeout)
    page.wait_for_function("() => document.querySelectorAll(\"[data-testid='stSkeleton']\").length === 0",
                           timeout=timeout)


FLOW_LINES_JS = """() => {
  const lines = [];
  window.map.eachLayer((layer) => {
    const name = (layer.options && layer.options.className) || "";
    if (layer instanceof L.Polyline && name.split(" ").includes("nk-flow-line")) {
      lines.push({from: layer.options.nkFrom, to: layer.options.nkTo,
                  inferred: name.split(" ").includes("nk-inferred")});
    }
  });
  return lines;
}"""
"""The visible movement lines on the map (``window.map``): the places they join, and whether drawn as inferred."""


def drawn_movements(target: object) -> dict[tuple[str, str], str]:
    """The movements ``target`` (a page or frame holding ``window.map``) draws, as
    {(from place id, to place id): "stated" or "inferred"}."""
    return {(line["from"], line["to"]): "inferred" if line["inferred"] else "stated"
            for line in target.evaluate(FLOW_LINES_JS)}


def map_frame(page: object, timeout: float = 30_000) -> object:
    """The map iframe's ``Frame`` (for ``evaluate``); waits for the iframe to be attached."""
    handle = page.wait_for_selector(MAP_IFRAME, state="attached", timeout=timeout)
    frame = handle.content_frame()
    if frame is None:
        raise RuntimeError(f"{MAP_IFRAME} has no content frame")
    return frame


def marker_count(page: object) -> int:
    """How many interactive SVG paths (places, areas, movement lines) the map draws now."""
    return map_frame(page).evaluate(f"() => document.querySelectorAll({MARKERS!r}).length")


def wait_for_markers(page: object, n: int | None = None, timeout: float = 30) -> int:
    """Wait until the map draws ``n`` markers (or, without ``n``, a nonzero count that holds still).

    Returns
    -------
    int
        The marker count reached.

    Raises
    ------
    TimeoutError
        With the last count seen.
    """
    deadline = time.monotonic() + timeout
    last, stable_since = -1, time.monotonic()
    while time.monotonic() < deadline:
        try:
            count = marker_count(page)
        except Exception:  # noqa: BLE001 - the frame may be navigating or not there yet
            count = -1
        if count != last:
            last, stable_since = count, time.monotonic()
        if n is not None and count == n:
            return count
        if n is None and count > 0 and time.monotonic() - stable_since >= 0.5:
            return count
        time.sleep(0.1)
    wanted = f"{n}" if n is not None else "a steady nonzero number of"
    raise TimeoutError(f"waited {timeout:.0f} s for {wanted} markers in the map; last count {last}")


def leaflet_view(page: object) -> dict:
    """The Leaflet map's zoom and centre (streamlit-folium keeps the map in ``window.map``)."""
    return map_frame(page).evaluate(
        "() => { const c = window.map.getCenter();"
        " return {zoom: window.map.getZoom(), lat: c.lat, lng: c.lng}; }")


def watch_console(page: object) -> list[str]:
    """A live list of the page's script errors and console errors, except blocked tile loads.

    Aborted tile requests log "Failed to load resource" against the tile URL: that is the
    offline case working as designed, not an error.
    """
    errors: list[str] = []

    def on_console(message: object) -> None:
        if message.type != "error":
            return
        source = (message.location or {}).get("url", "")
        if classify(source) == "tile" and "Failed to load resource" in message.text:
            return
        errors.append(f"{message.text} ({source})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    return errors


# ---------------------------------------------------------------- make serve: nginx, supervisord, replicas


NGINX = Path("/usr/sbin/nginx")
"""Debian's nginx, which ``make serve`` puts in front of the dashboard processes."""


@dataclass
class ServedApp(AppServer):
    """A running ``deploy/serve.py``: supervisord with its dashboard processes and nginx (its log is
    the launcher's and supervisord's output)."""

    runtime: Path = Path()

    def dashboards(self) -> dict[int, int]:
        """The running dashboard processes, as {local port: pid}."""
        found = {}
        for pid, argv in session_processes(self.process.pid).items():
            if "streamlit" in argv and "--server.port" in argv:
                found[int(argv[argv.index("--server.port") + 1])] = pid
            elif "deploy.launch" in argv and "--port" in argv:  # deploy/launch.py runs Streamlit in-process
                found[int(argv[argv.index("--port") + 1])] = pid
        return found

    def stray(self) -> dict[int, list[str]]:
        """Every process still alive in the launcher's session (none once it has stopped)."""
        return session_processes(self.process.pid)

    def stop(self, timeout: float = 30) -> int:
        """SIGTERM supervisord and wait for it; kill whatever is left in its session. Returns its exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=timeout)
        for pid in self.stray():
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        return self.process.returncode


def session_processes(session_id: int) -> dict[int, list[str]]:
    """Live processes (not zombies) whose session id is ``session_id``, as {pid: argv}."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            argv = (entry / "cmdline").read_bytes().decode(errors="replace").split("\0")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()  # state, ppid, pgrp, session, ...
        if fields[0] != "Z" and int(fields[3]) == session_id:
            found[int(entry.name)] = [a for a in argv if a]
    return found


def http_get(url: str, headers: dict | None = None, timeout: float = 5) -> tuple[int, dict, bytes]:
    """GET ``url``; return status, headers (lower-case names) and body, also for HTTP errors."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (local URL)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def start_served(replicas: int = 2, runtime: Path | None = None, *, port: int | None = None,
                 data_dir: Path | str | None = None, timeout: float = 90) -> ServedApp:
    """Run ``deploy/serve.py`` in its own session and wait until nginx and every dashboard answer."""
    port = port or free_port()
    runtime = Path(runtime or tempfile.mkdtemp(prefix="serve-"))
    log = tempfile.NamedTemporaryFile(prefix="serve-", suffix=".log", delete=False)
    command = [sys.executable, "deploy/serve.py", "--port", str(port), "--replicas", str(replicas),
               "--runtime", str(runtime)]
    if data_dir is not None:
        command += ["--data", str(Path(data_dir).resolve())]
    process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"}, start_new_session=True)
    log.close()
    served = ServedApp(process=process, port=port, runtime=runtime, log_path=Path(log.name))
    try:
        wait_until_served(served, replicas, timeout)
    except BaseException:
        served.stop()
        raise
    return served


def wait_until_served(served: ServedApp, replicas: int, timeout: float = 90) -> None:
    """Wait until ``replicas`` dashboards answer ``/_stcore/health`` directly and nginx answers too."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if served.process.poll() is not None:
            raise RuntimeError(f"serve.py exited with code {served.process.returncode}:\n{served.log_tail()}")
        ports = list(served.dashboards()) + [served.port]
        healthy = 0
        for port in ports:
            with contextlib.suppress(OSError, urllib.error.URLError):
                if http_get(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)[2] == b"ok":
                    healthy += 1
        if len(ports) == replicas + 1 and healthy == len(ports):
            return
        time.sleep(0.3)
    raise TimeoutError(f"make serve was not healthy within {timeout:.0f} s:\n{served.log_tail()}")


def websocket_handshake(port: int, host: str, origin: str | None, path: str = "/_stcore/stream",
                        timeout: float = 30) -> int:
    """Open Streamlit's WebSocket on 127.0.0.1:``port`` with these Host and Origin headers, as a
    browser would; return the HTTP status of the answer (101 when the server accepts it)."""
    import base64

    lines = [f"GET {path} HTTP/1.1", f"Host: {host}", "Upgrade: websocket", "Connection: Upgrade",
             f"Sec-WebSocket-Key: {base64.b64encode(os.urandom(16)).decode()}", "Sec-WebSocket-Version: 13",
             "Sec-WebSocket-Protocol: streamlit"]
    if origin is not None:
        lines.append(f"Origin: {origin}")
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        answer = b""
        while b"\r\n" not in answer:
            chunk = sock.recv(4096)
            if not chunk:
                break
            answer += chunk
    return int(answer.split(b" ", 2)[1])


def listeners(port: int) -> list[str]:
    """The local addresses a TCP socket listens on at ``port`` (from /proc/net/tcp and tcp6)."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                address, hex_port = fields[1].rsplit(":", 1)
                if fields[3] == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                    raw = bytes.fromhex(address)
                    if len(raw) == 4:
                        found.append(socket.inet_ntop(socket.AF_INET, raw[::-1]))
                    else:
                        words = b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
                        found.append(socket.inet_ntop(socket.AF_INET6, words))
    return found
