"""``make run`` and ``make curate`` listen on 127.0.0.1, refuse foreign host names and ask no one for their address."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from deploy import launch
from tests.browser import harness


class Recorder:
    """A TCP listener standing in for an HTTP proxy: it records every connection and answers none."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.requests: list[bytes] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.settimeout(2)
            try:
                self.requests.append(conn.recv(1024))
            except OSError:
                self.requests.append(b"")
            conn.close()


def start_make(target: str, port: int, env: dict[str, str] | None = None) -> harness.AppServer:
    """``make TARGET PORT=port`` in a session of its own, its output in a log file (not yet healthy)."""
    log = tempfile.NamedTemporaryFile(prefix=f"{target}-", suffix=".log", delete=False)
    process = subprocess.Popen(["make", "-s", target, f"PORT={port}"], cwd=harness.ROOT, stdout=log,  # noqa: S607
                               stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               env={**os.environ, "UV_OFFLINE": "1", "PYTHONUNBUFFERED": "1", **(env or {})},
                               start_new_session=True)
    log.close()
    return harness.AppServer(process=process, port=port, log_path=Path(log.name))


def stop_make(server: harness.AppServer) -> None:
    """SIGTERM the make's whole session, then SIGKILL whatever is left of it."""
    if server.process.poll() is None:
        os.killpg(server.process.pid, signal.SIGTERM)
        try:
            server.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.process.pid, signal.SIGKILL)
            server.process.wait()
    for pid in harness.session_processes(server.process.pid):
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    server.log_path.unlink(missing_ok=True)


@pytest.fixture(params=["curate", "run"])
def make_server(request: pytest.FixtureRequest) -> Iterator[tuple[str, harness.AppServer, Recorder]]:
    """``make curate`` (or ``make run``) on a free port, every outbound HTTP(S) request sent to a
    recording proxy."""
    recorder = Recorder()
    proxy = f"http://127.0.0.1:{recorder.port}"
    env = {key: value for key, value in os.environ.items() if key.lower() not in ("no_proxy", "all_proxy")}
    env.update(HTTP_PROXY=proxy, HTTPS_PROXY=proxy, http_proxy=proxy, https_proxy=proxy)
    server = start_make(request.param, harness.free_port(), env)
    try:
        harness.wait_until_healthy(server, timeout=90)
        yield request.param, server, recorder
    finally:
        stop_make(server)
        recorder.sock.close()


def test_make_curate_is_for_this_machine_and_its_curator_only(make_server) -> None:
    target, server, recorder = make_server
    port = server.port
    assert harness.listeners(port) == ["127.0.0.1"], harness.listeners(port)
    # The page itself, from this machine: accepted.
    assert harness.websocket_handshake(port, f"127.0.0.1:{port}", f"http://127.0.0.1:{port}") == 101
    assert harness.websocket_handshake(port, f"localhost:{port}", f"http://localhost:{port}") == 101
    # DNS rebinding: a page at evil.example whose name now resolves to 127.0.0.1 (Host and Origin agree).
    assert harness.websocket_handshake(port, f"evil.example:{port}", f"http://evil.example:{port}") == 403
    # Another site's page opening the curation server's WebSocket by its real name.
    started = time.monotonic()
    assert harness.websocket_handshake(port, f"127.0.0.1:{port}", "http://evil.example") == 403
    assert time.monotonic() - started < 2, "the refusal waited on a look-up"
    # The key is printed at start, for the curator.
    key = re.search(r"Curator's key .*: \S{16,}", server.log_tail(80))
    assert bool(key) == (target == "curate"), server.log_tail()
    # Nothing asked a public service for the machine's address: not at start, not while refusing.
    time.sleep(1)
    assert recorder.requests == [], f"requests left the machine: {recorder.requests}"


def test_allowed_hosts_follow_the_address() -> None:
    assert launch.allowed_hosts("127.0.0.1", []) == ["localhost", "127.0.0.1", "::1"]
    assert launch.allowed_hosts("10.1.2.3", ["map.example.org"]) == \
        ["localhost", "127.0.0.1", "::1", "10.1.2.3", "map.example.org"]
    everywhere = launch.allowed_hosts("0.0.0.0", ["a.example, b.example"])  # noqa: S104
    assert socket.gethostname() in everywhere and everywhere[-2:] == ["a.example", "b.example"]
    assert "*" not in everywhere
    argv = launch.streamlit_argv(8501, "127.0.0.1", ["localhost"], ["--curate"])
    assert argv[argv.index("--server.address") + 1] == "127.0.0.1"
    assert argv[argv.index("--browser.serverAddress") + 1] == "localhost"
    assert argv[-2:] == ["--", "--curate"]


def test_curation_cannot_be_framed_and_its_metrics_answer_only_its_own_names(make_server) -> None:
    target, server, _ = make_server
    base = server.url
    for path in ("", "review", "sources"):
        status, headers, _ = harness.http_get(base + path)
        assert status == 200, path
        if target == "curate":  # another site's page could make the curator click Merge (clickjacking)
            assert headers.get("x-frame-options") == "DENY", (path, headers)
            assert "frame-ancestors 'none'" in headers.get("content-security-policy", ""), (path, headers)
            assert headers.get("x-content-type-options") == "nosniff"
        else:  # the read-only dashboard: unchanged (make serve's nginx sets its own frame headers)
            assert "x-frame-options" not in headers, headers
    # Metrics tell whether anyone (a curator) is connected: its own names only, 404 for a rebinding page.
    own = harness.http_get(base + "_stcore/metrics", {"Host": f"127.0.0.1:{server.port}"})
    assert own[0] == 200, own
    assert harness.http_get(base + "_stcore/metrics", {"Host": f"localhost:{server.port}"})[0] == 200
    assert harness.http_get(base + "_stcore/metrics", {"Host": f"evil.example:{server.port}"})[0] == 404
    assert harness.http_get(base + "_stcore/metrics/", {"Host": "evil.example"})[0] == 404
    assert harness.http_get(base + "_stcore/health", {"Host": "evil.example"})[0] == 200  # health checks stay


@pytest.mark.parametrize("target", ["curate", "run"])
def test_a_sigkill_of_make_stops_the_server_and_frees_its_port(target: str) -> None:
    server = start_make(target, harness.free_port())
    try:
        harness.wait_until_healthy(server, timeout=90)
        assert harness.listeners(server.port) == ["127.0.0.1"]
        os.kill(server.process.pid, signal.SIGKILL)  # make alone, as a closed terminal or an OOM kill would
        server.process.wait()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and (harness.listeners(server.port)
                                               or harness.session_processes(server.process.pid)):
            time.sleep(0.2)
        assert harness.listeners(server.port) == [], "the server outlived make and holds the port"
        assert harness.session_processes(server.process.pid) == {}, "processes outlived make"
    finally:
        stop_make(server)


@pytest.mark.parametrize("hosts", ["*", "localhost *", "*,map.example.org"])
def test_curation_refuses_any_host_from_the_environment(hosts: str) -> None:
    server = start_make("curate", harness.free_port(), {"HOSTS": hosts})
    try:
        status = server.process.wait(timeout=90)
        log = server.log_tail(20)
        assert status != 0, log
        assert "HOSTS" in log and "'*'" in log and "any host" in log, log
        assert "Curator's key" not in log, log
        assert harness.listeners(server.port) == []
    finally:
        stop_make(server)


def test_wildcard_hosts_are_refused_only_for_curation() -> None:
    with pytest.raises(SystemExit, match="HOSTS"):
        launch.main(["--curate", "--allow-host", "*"])
    assert launch.wildcard_hosts(["map.example.org *.example.org"]) == []
    assert launch.wildcard_hosts(["a.example, *"]) == ["*"]


@pytest.mark.parametrize(("host", "allowed"), [
    ("127.0.0.1:8501", True), ("LOCALHOST", True), ("localhost.:8501", True), ("[::1]:8501", True),
    ("evil.example:8501", False), ("localhost.evil.example", False), ("user@localhost", False),
    ("localhost:99999", False), ("localhost/x", False), ("", False), (None, False),
])
def test_the_metrics_guard_matches_hosts_as_streamlit_does(host: str | None, allowed: bool) -> None:
    from deploy.guard import host_allowed

    assert host_allowed(host, ["localhost", "127.0.0.1", "::1"]) is allowed
    assert host_allowed("a.map.example.org", ["*.example.org"]) and host_allowed("x.example", ["*"])


def test_the_servers_settings_hide_tracebacks_and_the_toolbar_and_skip_a_collection_per_run() -> None:
    """``.streamlit/config.toml`` once lost its sections behind an edit of one setting: the page then
    showed Streamlit's Deploy button, a traceback could reach a reader, and each step paid a full
    garbage collection."""
    import tomllib
    from pathlib import Path

    config = tomllib.loads((Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml").read_text("utf-8"))
    assert config["client"] == {"toolbarMode": "minimal", "showErrorDetails": "none"}
    assert config["runner"]["postScriptGC"] is False
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["enableStaticServing"] is True
