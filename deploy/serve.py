"""Serve several dashboard processes behind nginx under supervisord (``make serve``); see docs/DEPLOY.md."""

from __future__ import annotations

import argparse
import getpass
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "deploy"
DASHBOARD_FLAGS = ["--server.headless", "true", "--server.fileWatcherType", "none",
                   "--browser.gatherUsageStats", "false"]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def render(template: str, **fields: str) -> str:
    """Replace each ``{{name}}`` in ``template``; fail if one is left unfilled."""
    for name, value in fields.items():
        template = template.replace("{{" + name + "}}", value)
    if "{{" in template:
        start = template.index("{{")
        raise ValueError(f"unfilled field in template: {template[start:template.index('}}', start) + 2]}")
    return template


def dashboard_command(port: int, data_dir: Path | None) -> list[str]:
    """``streamlit run dashboard.py`` on 127.0.0.1:``port``."""
    command = [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
               "--server.address", "127.0.0.1", *DASHBOARD_FLAGS]
    if data_dir is not None:
        command += ["--", "--data", str(data_dir.resolve())]
    return command


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
                                               port=str(port), servers=servers, user=user))
    subprocess.run([nginx, "-t", "-q", "-p", f"{runtime}/nginx/", "-c", str(runtime / "nginx.conf"),  # noqa: S603
                    "-e", str(runtime / "logs/nginx-error.log")], check=True)
    dashboards = "".join(dashboard_program(i, p, data_dir, runtime) for i, p in enumerate(ports))
    conf = runtime / "supervisord.conf"
    conf.write_text(render((HERE / "supervisord.conf.template").read_text(), runtime=str(runtime),
                           dashboards=dashboards, nginx=nginx,
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
    conf = prepare(args.port, args.replicas, args.runtime, args.data)
    print(f"serving {args.replicas} dashboard processes at http://127.0.0.1:{args.port}/ "
          f"and the standalone map at /embed/ (Ctrl-C stops everything)", flush=True)
    supervisord = str(Path(sys.executable).with_name("supervisord"))
    os.execv(supervisord, [supervisord, "-c", str(conf)])  # noqa: S606 - replaces this process
    return 1


if __name__ == "__main__":
    raise SystemExit(main())
