"""Start the dashboard as ``make run`` and ``make curate`` do: on 127.0.0.1 unless told otherwise,
accepting only the host names it is reached by, with no look-up of the machine's public address,
stopping when the process that started it dies, and (for curation) with a curator's key printed at
start, no Host wildcard, and frame headers (``deploy/dashboard_app.py``, ``deploy/guard.py``)."""

from __future__ import annotations

import argparse
import ipaddress
import os
import socket
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
from deploy.tether import die_with_parent  # noqa: E402 - needs the repository on the path

LOOPBACK_NAMES = ["localhost", "127.0.0.1", "::1"]
WILDCARDS = {"0.0.0.0", "::", ""}  # noqa: S104 - names for "every interface", compared, not bound
FLAGS = ["--server.headless", "true", "--browser.gatherUsageStats", "false"]
APP = "deploy/dashboard_app.py"
"""dashboard.py as Streamlit's ASGI app, behind deploy.guard (frame headers, metrics by Host)."""


def is_loopback(address: str) -> bool:
    """Whether ``address`` (an IP or ``localhost``) reaches only this machine."""
    if address == "localhost":
        return True
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def machine_names() -> list[str]:
    """This machine's own names and addresses, for a server that listens on every interface."""
    names = [socket.gethostname()]
    try:
        names += socket.gethostbyname_ex(socket.gethostname())[2]
    except OSError:
        pass
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # a documentation address: picks the outgoing interface, sends nothing
            names.append(probe.getsockname()[0])
        except OSError:
            pass
    return names


def allowed_hosts(address: str, extra: list[str]) -> list[str]:
    """The Host names the server accepts a WebSocket from (``server.allowedHosts``).

    On a loopback address only the loopback names: a page on another site that makes its own name
    resolve to 127.0.0.1 (DNS rebinding) is refused. On one specific address, that address too; on
    every interface, the machine's own names and addresses. ``extra`` adds names (``HOSTS=…``).
    """
    hosts = list(LOOPBACK_NAMES)
    if address in WILDCARDS:
        hosts += machine_names()
    elif not is_loopback(address):
        hosts.append(address)
    hosts += [name for item in extra for name in item.replace(",", " ").split()]
    return list(dict.fromkeys(host for host in hosts if host))


def wildcard_hosts(extra: list[str]) -> list[str]:
    """The names in ``extra`` (``HOSTS=…``, ``--allow-host``) that accept any Host at all: ``*``."""
    return [name for item in extra for name in item.replace(",", " ").split() if name == "*"]


def streamlit_argv(port: int, address: str, hosts: list[str], page_args: list[str],
                   options: tuple[str, ...] = ()) -> list[str]:
    """The ``streamlit run`` command line (without the program name) for these choices."""
    # browser.serverAddress (and a specific server.address) keep Streamlit from asking a public
    # service for the machine's external address when it prints its URLs.
    shown = "localhost" if is_loopback(address) else (hosts[len(LOOPBACK_NAMES)] if address in WILDCARDS else address)
    argv = ["run", APP, "--server.port", str(port), "--server.address", address or "0.0.0.0",  # noqa: S104
            "--browser.serverAddress", shown, *FLAGS]
    for host in hosts:
        argv += ["--server.allowedHosts", host]
    return [*argv, *options, "--", *page_args]


def no_external_ip_lookup() -> None:
    """Streamlit asks checkip.amazonaws.com for the machine's address when it prints its URLs and
    whenever it refuses a WebSocket whose Origin is not its Host (blocking the server for up to 20 s
    without outbound DNS). The dashboard never needs that address: answer "unknown" at once."""
    from streamlit import net_util

    net_util.get_external_ip = lambda: None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT") or 8501))
    parser.add_argument("--address", default=os.environ.get("ADDRESS") or "127.0.0.1",
                        help="address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)")
    parser.add_argument("--allow-host", action="append", default=[os.environ.get("HOSTS", "")],
                        help="another host name readers use to reach the server (repeatable)")
    parser.add_argument("--data", type=Path, default=None, help="dataset folder (default: the bundled data/)")
    parser.add_argument("--curate", action="store_true", help="curation mode: the review page can merge")
    args, options = parser.parse_known_args(argv)  # the rest are Streamlit's own options
    if any(not option.startswith("--") or option == "--" for option in options[::2]):
        parser.error(f"unknown arguments: {' '.join(options)}")
    page_args = (["--data", str(args.data.resolve())] if args.data else []) + (["--curate"] if args.curate else [])
    if args.curate and wildcard_hosts(args.allow_host):
        # HOSTS is read from the environment too, where it may have been set for something else.
        raise SystemExit("launch: curation refuses HOSTS='*' (or --allow-host '*'): it would accept any host "
                         "name, so a web page whose own name resolves to this machine (DNS rebinding) could "
                         "drive the review page. Name the hosts instead: HOSTS=\"curate.example.org\".")
    # make run and make curate run this process directly: when make dies (SIGKILL, a closed terminal),
    # the server stops too instead of holding its port (make serve's processes do the same).
    die_with_parent()
    hosts = allowed_hosts(args.address, args.allow_host)
    if args.curate:
        from geo.curation import SECRET_ENV, expected_key, new_key

        key = expected_key() or new_key()
        os.environ[SECRET_ENV] = key
        print(f"\n  Curator's key (enter it once on the 'Add an article' page to merge): {key}\n", flush=True)
    if not is_loopback(args.address) or any(item.strip() for item in args.allow_host):
        print(f"  Listening on {args.address or 'every interface'}; accepting the host names "
              f"{', '.join(hosts)} (add more with HOSTS=...)", flush=True)
    os.chdir(ROOT)
    no_external_ip_lookup()
    from streamlit.web import cli

    sys.argv = ["streamlit", *streamlit_argv(args.port, args.address, hosts, page_args,
                                                       tuple(options))]
    return cli.main(prog_name="streamlit")


if __name__ == "__main__":
    raise SystemExit(main())
