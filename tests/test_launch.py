"""``make run`` and ``make curate`` listen on 127.0.0.1, refuse foreign host names and ask no one for their address."""

from __future__ import annotations

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


@pytest.fixture(params=["curate", "run"])
def make_server(request: pytest.FixtureRequest) -> Iterator[tuple[str, harness.AppServer, Recorder]]:
    """``make curate`` (or ``make run``) on a free port, every outbound HTTP(S) request sent to a
    recording proxy."""
    recorder = Recorder()
    port = harness.free_port()
    proxy = f"http://127.0.0.1:{recorder.port}"
    env = {key: value for key, value in os.environ.items() if key.lower() not in ("no_proxy", "all_proxy")}
    env.update(HTTP_PROXY=proxy, HTTPS_PROXY=proxy, http_proxy=proxy, https_proxy=proxy, UV_OFFLINE="1",
               PYTHONUNBUFFERED="1")
    log = tempfile.NamedTemporaryFile(prefix="curate-", suffix=".log", delete=False)
    process = subprocess.Popen(["make", "-s", request.param, f"PORT={port}"], cwd=harness.ROOT, stdout=log,  # noqa: S607
                               stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, start_new_session=True)
    log.close()
    server = harness.AppServer(process=process, port=port, log_path=Path(log.name))
    try:
        harness.wait_until_healthy(server, timeout=90)
        yield request.param, server, recorder
    finally:
        with_group = process.pid
        if process.poll() is None:
            os.killpg(with_group, signal.SIGTERM)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(with_group, signal.SIGKILL)
                process.wait()
        server.log_path.unlink(missing_ok=True)
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
