"""Peak memory of each phase of loading a dataset from its CSV files, in a fresh process.

``python -m benchmarks.memory DIR`` prints one line per phase: the peak resident set (VmHWM)
while it ran, and what stayed resident after it. The peak is reset at the start of each phase
(``/proc/self/clear_refs``), so each line is that phase's own peak, not the process's so far.
Phases: the imports, reading the four CSV files, validating them, building the typed tables,
storing them in a Parquet cache, then the first view and five year steps as the page makes them
(``build_view`` and ``view_step``), and, in another fresh process, loading from that cache.
Linux only (``/proc``).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from benchmarks.measure import ROOT, year_ranges

PHASES = ("imports", "read", "validate", "build", "store", "view and 5 steps", "load from cache")


def _status_mb(key: str) -> float:
    for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
        if line.startswith(key):
            return int(line.split()[1]) / 1024
    return float("nan")


def _reset_peak() -> bool:
    """Start a new peak at the current resident set; ``False`` where the kernel does not allow it."""
    try:
        Path("/proc/self/clear_refs").write_text("5", encoding="utf-8")
    except OSError:
        return False
    return True


class Phases:
    """Peak and resident MB per phase; a phase entered several times keeps its highest peak."""

    def __init__(self) -> None:
        self.peaks: dict[str, float] = {}
        self.after: dict[str, float] = {}
        self.resets = True

    @contextlib.contextmanager
    def phase(self, name: str) -> Iterator[None]:
        self.resets = _reset_peak() and self.resets
        try:
            yield
        finally:
            self.peaks[name] = max(self.peaks.get(name, 0.0), _status_mb("VmHWM:"))
            self.after[name] = _status_mb("VmRSS:")

    def wrap(self, module: object, name: str, phase: str) -> None:
        """Count every call of ``module.name`` as ``phase``."""
        function: Callable = getattr(module, name)

        def counted(*args: object, **kwargs: object) -> object:
            with self.phase(phase):
                return function(*args, **kwargs)

        setattr(module, name, counted)


def measure_in_process(data_dir: Path, cache_dir: Path) -> dict:
    """Every phase but the cached load, in this process (which must not have imported pandas yet)."""
    phases = Phases()
    with phases.phase("imports"):
        import pandas  # noqa: F401
        import pandera.pandas  # noqa: F401
        import streamlit  # noqa: F401 - the server has it in memory too

        import geo.data.borders  # noqa: F401
        import geo.data.schemas  # noqa: F401
        from geo.data import load, validate
        from geo.data.parquet_cache import store
        from geo.map.layers import Sent, view_step
        from geo.query.filters import Filters
        from geo.query.selection import build_view
    phases.wrap(load, "read_table", "read")
    phases.wrap(validate, "run_schema", "validate")
    phases.wrap(load, "_build", "build")
    dataset = load.load_dataset(data_dir)
    with phases.phase("store"):
        store(dataset, cache_dir)
    with phases.phase("view and 5 steps"):
        first, last = dataset.years
        sent = Sent()
        view_step(dataset, build_view(dataset, Filters(years=(first, last))), sent)
        for years in year_ranges(first, last, 5):
            view_step(dataset, build_view(dataset, Filters(years=years)), sent)
    return {"peaks": phases.peaks, "after": phases.after, "resets": phases.resets,
            "whole": _status_mb("VmHWM:") if not phases.resets else max(phases.peaks.values())}


def measure_cached(data_dir: Path, cache_dir: Path) -> dict:
    """Loading from the Parquet cache ``measure_in_process`` filled, in this (fresh) process."""
    phases = Phases()
    with phases.phase("imports"):
        from geo.data.parquet_cache import load_cached
    with phases.phase("load from cache"):
        load_cached(data_dir, cache_dir)
    return {"peaks": phases.peaks, "after": phases.after}


def _child(what: str, data_dir: Path, cache_dir: Path) -> dict:
    result = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "benchmarks.memory", "--child", what, str(data_dir), str(cache_dir)],
        cwd=ROOT, check=True, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return json.loads(result.stdout.strip().splitlines()[-1])


def phase_peaks(data_dir: Path) -> dict:
    """Per-phase peaks of loading ``data_dir`` from CSV (fresh process, empty private cache), then
    from the cache that load filled (another fresh process).

    Returns
    -------
    dict
        ``peaks`` and ``after``: MB by phase name (:data:`PHASES`); ``whole``: the highest peak of
        the CSV process (what a server that starts on new data reaches before any reader's view
        beyond the first).
    """
    cache_dir = Path(tempfile.mkdtemp(prefix="memory-cache-"))
    os.chmod(cache_dir, 0o700)
    try:
        fresh = _child("csv", data_dir, cache_dir)
        cached = _child("cache", data_dir, cache_dir)
    finally:
        shutil.rmtree(cache_dir, ignore_errors=True)
    fresh["peaks"]["load from cache"] = cached["peaks"]["load from cache"]
    fresh["after"]["load from cache"] = cached["after"]["load from cache"]
    return fresh


def line(label: str, result: dict) -> str:
    """One line: each phase's peak (and what stayed resident after it)."""
    parts = [f"{name} {result['peaks'][name]:,.0f} ({result['after'][name]:,.0f})"
             for name in PHASES if name in result["peaks"]]
    return f"{label}: peak memory by phase, MB (resident after): " + ", ".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.memory", description=__doc__)
    parser.add_argument("--child", choices=["csv", "cache"], help=argparse.SUPPRESS)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("cache_dir", type=Path, nargs="?")
    args = parser.parse_args(argv)
    if args.child == "csv":
        print(json.dumps(measure_in_process(args.data_dir, args.cache_dir)))
        return 0
    if args.child == "cache":
        print(json.dumps(measure_cached(args.data_dir, args.cache_dir)))
        return 0
    print(line(str(args.data_dir), phase_peaks(args.data_dir)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
