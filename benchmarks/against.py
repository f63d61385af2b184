"""Two checkouts of the dashboard, year step against year step, alternately in one run.

``python -m benchmarks.against OLD NEW [ROUNDS]``: OLD and NEW are checkouts, each set up with
``make setup`` and holding ``bench-out/synth-r50000-p1000`` (``make bench`` makes it). Each serves its
own bundled data and its own 50k with its own environment, the step floor page between them; the
table gives medians, the ratio new/old and each against the floor (docs/PERFORMANCE.md, issue 22).
"""
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks import browse
from tests.browser import harness

TREES = {"old": Path(sys.argv[1]).resolve(), "new": Path(sys.argv[2]).resolve()} if len(sys.argv) > 2 else {}

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
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
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
print("| data | old step (ms) | new step (ms) | new/old | old/floor | new/floor | old KB/step | new KB/step "
      "| old paint (s) | new paint (s) |")
print("|---|---|---|---|---|---|---|---|---|---|")
for size in ("bundled", "50k"):
    o, n, f = (statistics.median(results[(size, k)]) for k in ("old", "new", "floor"))
    ok, nk = (statistics.median(results[(size, k, "kb")]) for k in ("old", "new"))
    op, np_ = (statistics.median(results[(size, k, "paint")]) for k in ("old", "new"))
    print(f"| {size} | {o:.0f} | {n:.0f} | {n/o:.2f}× | {o/f:.1f}× | {n/f:.1f}× | {ok:.0f} | {nk:.0f} "
          f"| {op:.1f} | {np_:.1f} |")
