"""Run a command that gets SIGTERM when the process that started it dies (Linux ``PR_SET_PDEATHSIG``).

``python deploy/tether.py COMMAND ARGS…`` sets the signal, then becomes the command (``exec``), so
supervisord still manages the command itself. A SIGKILL of supervisord (or of ``make serve``)
then stops nginx and the dashboard processes instead of leaving them holding their ports.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1


def die_with_parent(sig: int = signal.SIGTERM) -> None:
    """Ask the kernel to send ``sig`` to this process when its parent exits (kept across ``exec``).

    Raises
    ------
    OSError
        When the kernel refuses (not Linux).
    SystemExit
        When the parent has already gone, so the signal would never come.
    """
    parent = os.getppid()
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, sig, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")
    if os.getppid() != parent:  # the parent died before the signal was set up
        raise SystemExit(f"{sys.argv[0]}: the parent process has already exited")


def main(argv: list[str]) -> None:
    if not argv:
        raise SystemExit("usage: tether.py COMMAND [ARGS...]")
    die_with_parent()
    os.execvp(argv[0], argv)  # noqa: S606 - the command supervisord was configured with


if __name__ == "__main__":
    main(sys.argv[1:])
