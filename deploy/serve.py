"""Serve several dashboard processes behind nginx under supervisord (``make serve``); see docs/DEPLOY.md."""

from __future__ import annotations

import argparse
import getpass
import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "deploy"
sys.path.insert(0, str(ROOT))
from deploy.tether import die_with_parent  # noqa: E402 - needs the repository on the path
from geo.settings import SETTINGS  # noqa: E402

DASHBOARD_FLAGS = ["--server.fileWatcherType", "none"]
TETHER = [sys.executable, str(HERE / "tether.py")]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def port_in_use(port: int) -> bool:
    """Whether something already listens on 127.0.0.1:``port`` (nginx could not bind it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return True
        return False


def port_holders(port: int) -> list[str]:
    """``pid (command line)`` of each process listening on TCP ``port``, as far as /proc shows them."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(f"socket:[{fields[9]}]")
    holders = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if any(os.readlink(fd) in inodes for fd in (entry / "fd").iterdir()):
                argv = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
                holders.append(f"{entry.name} ({argv})")
        except OSError:
            continue
    return holders


def port_message(port: int, when: str) -> str:
    """What to tell the operator when 127.0.0.1:``port`` is taken."""
    holders = port_holders(port)
    who = ("held by process " + ", ".join(holders)) if holders else "held by a process this user cannot see"
    return f"serve.py: port {port} is in use {when}: {who}. Stop it (or pick another PORT) first."


def tiles_origin(tiles_url: str = SETTINGS.tiles_url) -> str:
    """The tile server as a Content-Security-Policy source: ``https://*.host`` for a ``{s}`` subdomain."""
    parts = urlsplit(tiles_url)
    return f"{parts.scheme}://{(parts.hostname or '').replace('{s}', '*')}"


def render(template: str, **fields: str) -> str:
    """Replace each ``{{name}}`` in ``template``; fail if one is left unfilled."""
    for name, value in fields.items():
        template = template.replace("{{" + name + "}}", value)
    if "{{" in template:
        start = template.index("{{")
        raise ValueError(f"unfilled field in template: {template[start:template.index('}}', start) + 2]}")
    return template


def dashboard_command(port: int, data_dir: Path | None) -> list[str]:
    """The dashboard on 127.0.0.1:``port`` (``deploy/launch.py``: no external-address look-up),
    tethered to supervisord. Any Host is accepted: nginx in front refuses foreign origins."""
    command = [*TETHER, sys.executable, "-m", "deploy.launch", "--port", str(port), "--address", "127.0.0.1",
               "--allow-host", "*"]
    if data_dir is not None:
        command += ["--data", str(data_dir.resolve())]
    return [*command, *DASHBOARD_FLAGS]


def dashboard_program(index: int, port: int, data_dir: Path | None, runtime: Path) -> str:
    """The supervisord section of one dashboard process."""
    return "\n".join([
        f"[program:dashboard-{index}]",
        "command=" + " ".join(dashboard_command(port, data_dir)),
        f"directory={ROOT}",
        "priority=100",
        "autorestart=true",
        "startsecs=3",
        "startretries=10",
        "stopsignal=TERM",
        "stopwaitsecs=10",
        "stopasgroup=true",
        "killasgroup=true",
        "redirect_stderr=true",
        f"stdout_logfile={runtime}/logs/dashboard-{index}.log",
        'environment=PYTHONUNBUFFERED="1"',
        "", "",
    ])


def prepare(port: int, replicas: int, runtime: Path, data_dir: Path | None) -> Path:
    """Write the embed, nginx.conf and supervisord.conf under ``runtime``; return supervisord.conf's path."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    runtime = runtime.resolve()
    for folder in ("logs", "embed", "nginx/client_body", "nginx/proxy", "nginx/fastcgi", "nginx/uwsgi",
                   "nginx/scgi"):
        (runtime / folder).mkdir(parents=True, exist_ok=True)
    export = [sys.executable, "-m", "geo", "export", "--format", "html", "-o", str(runtime / "embed/index.html")]
    if data_dir is not None:
        export += ["--data", str(data_dir)]
    subprocess.run(export, cwd=ROOT, check=True)  # noqa: S603 - our own interpreter and arguments
    ports = [free_port() for _ in range(replicas)]
    servers = "\n".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=10s;" for p in ports)
    # As root, nginx would start its workers as "nobody", who can't write the runtime folder.
    user = f"user {getpass.getuser()};" if os.geteuid() == 0 else ""
    (runtime / "nginx.conf").write_text(render((HERE / "nginx.conf.template").read_text(), runtime=str(runtime),
                                               port=str(port), servers=servers, user=user,
                                               tiles=tiles_origin()))
    subprocess.run([nginx, "-t", "-q", "-p", f"{runtime}/nginx/", "-c", str(runtime / "nginx.conf"),  # noqa: S603
                    "-e", str(runtime / "logs/nginx-error.log")], check=True)
    dashboards = "".join(dashboard_program(i, p, data_dir, runtime) for i, p in enumerate(ports))
    conf = runtime / "supervisord.conf"
    conf.write_text(render((HERE / "supervisord.conf.template").read_text(), runtime=str(runtime),
                           dashboards=dashboards, nginx=" ".join([*TETHER, nginx]),
                           user=f"user={getpass.getuser()}" if os.geteuid() == 0 else ""))
    return conf


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT") or 8080))
    parser.add_argument("--replicas", type=int, default=int(os.environ.get("REPLICAS") or 2))
    parser.add_argument("--runtime", type=Path, default=ROOT / "build" / "serve",
                        help="folder for the generated configs, logs, nginx temp files and the embed")
    parser.add_argument("--data", type=Path, default=None, help="dataset folder (default: the bundled data/)")
    args = parser.parse_args()
    if args.replicas < 1:
        parser.error("--replicas must be at least 1")
    # The whole stack dies with whatever started it (make, a shell, systemd): a SIGKILL of
    # `make serve`'s make left supervisord, nginx and the dashboards running.
    die_with_parent()
    if port_in_use(args.port):
        print(port_message(args.port, "before the start"), file=sys.stderr, flush=True)
        return 2
    conf = prepare(args.port, args.replicas, args.runtime, args.data)
    print(f"serving {args.replicas} dashboard processes at http://127.0.0.1:{args.port}/ "
          f"and the standalone map at /embed/ (Ctrl-C stops everything)", flush=True)
    supervisord = str(Path(sys.executable).with_name("supervisord"))
    process = subprocess.Popen([supervisord, "-c", str(conf)], preexec_fn=die_with_parent)  # noqa: S603, PLW1509
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda number, _frame: process.send_signal(number))
    code = process.wait()
    if port_in_use(args.port):
        print(port_message(args.port, "after the stop"), file=sys.stderr, flush=True)
        return code or 3
    return code


if __name__ == "__main__":
    raise SystemExit(main())
