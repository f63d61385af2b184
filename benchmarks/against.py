"""Checkouts of the dashboard, year step against year step, alternately in one run.

``python -m benchmarks.against OLD NEW [MORE ...] [ROUNDS]``: each is a checkout set up with
``make setup`` and holding ``bench-out/synth-r50000-p1000`` (``make bench`` makes it). Each serves its
own bundled data and its own 50k with its own environment, the step floor page after them; the
table gives medians, each against the first (OLD) and against the floor (docs/PERFORMANCE.md, issue 22).
"""
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks import browse
from tests.browser import harness

ARGS = [a for a in sys.argv[1:] if not a.isdigit()]


def commit_of(tree: str) -> str:
    """The short hash of the commit a checkout is at."""
    return subprocess.run(["git", "-C", tree, "rev-parse", "--short", "HEAD"],  # noqa: S603, S607 - git, a checkout
                          capture_output=True, text=True, check=False).stdout.strip()



TREES = {f"{Path(a).resolve().name}@{commit_of(a)}": Path(a).resolve() for a in ARGS} if len(ARGS) > 1 else {}


def starter(tree):
    def start_app(data_dir=None, *, port=None, timeout=60):
        port = port or harness.free_port()
        log = tempfile.NamedTemporaryFile(prefix="ab-", suffix=".log", delete=False)
        cmd = harness.app_command(port, data_dir or tree / "data")
        cmd[0] = str(tree / ".venv/bin/python")
        p = subprocess.Popen(cmd, cwd=tree, stdout=log, stderr=subprocess.STDOUT,  # noqa: S603 - a checkout's own
                             stdin=subprocess.DEVNULL, env={**os.environ, "PYTHONUNBUFFERED": "1"})  # interpreter
        log.close()
        s = harness.AppServer(process=p, port=port, log_path=Path(log.name))
        harness.wait_until_healthy(s, 120)
        return s
    return start_app

results = {}
if not TREES:
    sys.exit(__doc__)
rounds = next((int(a) for a in sys.argv[1:] if a.isdigit()), 3)
with browse.chromium() as chrome:
    for r in range(rounds):
        for size in ("bundled", "50k"):
            for name, tree in TREES.items():
                browse.harness.start_app = starter(tree)
                data = tree / "data" if size == "bundled" else tree / "bench-out/synth-r50000-p1000"
                run = browse.measure_app(chrome, data, steps=5)
                ms = [s.ms for s in run.steps]
                kb = [s.ws_bytes / 1024 for s in run.steps]
                results.setdefault((size, name), []).extend(ms)
                results.setdefault((size, name, "kb"), []).extend(kb)
                results.setdefault((size, name, "paint"), []).append(run.first_paint_s)
                print(r, size, name, f"paint {run.first_paint_s:.1f} s", "steps", [round(x) for x in ms],
                      run.error or "", flush=True)
            floor = browse.measure_app(chrome, None, steps=5, step_floor=True)
            results.setdefault((size, "floor"), []).extend(s.ms for s in floor.steps)
            print(r, size, "floor", [round(s.ms) for s in floor.steps], flush=True)
first = next(iter(TREES))
print("| data | checkout | step (ms) | against the first | against the floor | KB per step | first paint (s) |")
print("|---|---|---|---|---|---|---|")
for size in ("bundled", "50k"):
    f = statistics.median(results[(size, "floor")])
    o = statistics.median(results[(size, first)])
    for name in TREES:
        n = statistics.median(results[(size, name)])
        kb = statistics.median(results[(size, name, "kb")])
        paint = statistics.median(results[(size, name, "paint")])
        print(f"| {size} | {name} | {n:.0f} | {n / o:.2f}× | {n / f:.1f}× | {kb:.0f} | {paint:.1f} |")
    print(f"| {size} | step floor | {f:.0f} | | 1.0× | | |")
