"""Checkouts of the dashboard, a year step's CPU against a year step's CPU, alternately in one run.

``python -m benchmarks.stepcpu bundled|50k ROUNDS STEPS OLD NEW [MORE ...]``: each checkout set up
with ``make setup`` (and, for ``50k``, holding ``bench-out/synth-r50000-p1000``, which ``make bench``
makes) serves its data with its own environment; each round opens each in a new page, waits for the
first view, then takes STEPS one-year steps as ``benchmarks.browse.take_steps`` does under a Chromium
trace. Printed per checkout, medians: the step as timed (wall clock), the CPU of the renderer's main
thread per step (the trace's thread time of its tasks: the page and the map's frame share that
thread) and the server's CPU per step (``/proc``). A checkout written ``floor:TREE`` stands for the
step floor page of that checkout (``benchmarks/step_floor_app.py``), stepped and timed as ``make bench``
times it: the least any page on this stack can cost. On a machine shared with other work the wall
clock follows the load; CPU time follows it much less (docs/PERFORMANCE.md, issue 24).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks import browse
from tests.browser import harness

TASKS = ("ThreadControllerImpl::RunTask", "RunTask")  # the main thread's top-level tasks, by either name


def server_cpu_ms(pid: int) -> float:
    """User and system CPU time of process ``pid`` so far, in milliseconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK") * 1000


def main_thread_cpu_ms(trace: bytes) -> float:
    """CPU time of the renderers' main threads' top-level tasks in a Chromium trace, in milliseconds."""
    events = json.loads(trace)["traceEvents"]
    threads = {(e["pid"], e["tid"]): e["args"]["name"] for e in events if e.get("name") == "thread_name"}
    return sum(e.get("tdur", 0) for e in events
               if e.get("ph") == "X" and e.get("name") in TASKS
               and threads.get((e["pid"], e["tid"])) == "CrRendererMain") / 1000


def measure(browser: object, tree: Path, size: str, steps: int, *,
            floor: bool = False) -> tuple[list[float], float, float]:
    """One checkout's steps: (wall ms per step, browser CPU ms per step, server CPU ms per step);
    ``floor``: its step floor page's."""
    data = tree / "data" if size == "bundled" else tree / "bench-out/synth-r50000-p1000"
    port = harness.free_port()
    command = harness.app_command(port, data)
    command[0] = str(tree / ".venv/bin/python")
    if floor:  # staged as make bench stages it (it installs its scripts beside itself)
        source = tree / "benchmarks" / browse.STEP_FLOOR_SOURCE.name
        command[command.index("dashboard.py")] = str(browse.stage_naive(tree / "bench-out", source))
    with tempfile.NamedTemporaryFile(prefix="stepcpu-", suffix=".log", delete=False) as log:
        process = subprocess.Popen(command, cwd=tree, stdout=log, stderr=subprocess.STDOUT,  # noqa: S603 - a checkout's own
                                   stdin=subprocess.DEVNULL)  # interpreter
    try:
        server_process = harness.AppServer(process=process, port=port, log_path=Path(log.name))
        harness.wait_until_healthy(server_process, 120)
        context = harness.new_context(browser, harness.NetworkLog(), viewport=browse.VIEWPORT)
        page = context.new_page()
        sockets = browse.SocketBytes(page)
        page.goto(server_process.url)
        harness.wait_for_markers(page, timeout=120)
        page.wait_for_timeout(3000)
        browser.start_tracing(page=page, categories=["devtools.timeline", "toplevel"])
        before = server_cpu_ms(process.pid)
        taken = browse.take_steps(page, sockets, steps, naive=False, floor=floor)
        server = (server_cpu_ms(process.pid) - before) / steps
        browser_cpu = main_thread_cpu_ms(browser.stop_tracing()) / steps
        context.close()
        return [step.ms for step in taken], browser_cpu, server
    finally:
        process.terminate()
        process.wait()


def run(size: str, rounds: int, steps: int, trees: list[str]) -> None:
    """Measure the checkouts alternately and print one line per round and checkout, then the medians."""
    results = {tree: ([], [], []) for tree in trees}
    with browse.chromium() as browser:
        for number in range(rounds):
            for tree in trees:
                floor = tree.startswith("floor:")
                wall, browser_cpu, server = measure(browser, Path(tree.removeprefix("floor:")).resolve(), size, steps,
                                                    floor=floor)
                results[tree][0].extend(wall)
                results[tree][1].append(browser_cpu)
                results[tree][2].append(server)
                print(number, tree, "steps", [round(ms) for ms in wall], f"browser CPU {browser_cpu:.0f} ms/step",
                      f"server CPU {server:.0f} ms/step", flush=True)
    print("| checkout | step (ms, median) | browser CPU per step (ms) | server CPU per step (ms) |")
    print("|---|---|---|---|")
    for tree, (wall, browser_cpu, server) in results.items():
        print(f"| {tree} | {statistics.median(wall):.0f} | {statistics.median(browser_cpu):.0f} | "
              f"{statistics.median(server):.0f} |")


if __name__ == "__main__":
    if len(sys.argv) < 6 or sys.argv[1] not in ("bundled", "50k"):
        sys.exit(__doc__)
    run(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:])
