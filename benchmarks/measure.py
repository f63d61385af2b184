"""Python-side measurements: benchmark datasets, load time in a fresh process, and one slider step."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
"""The repository root (``make bench`` runs from here)."""

BENCH_DIR = ROOT / "bench-out"
"""Where generated datasets and the staged naive app live (gitignored)."""

ARGS_FILE = ".bench-args.json"
"""Written into a dataset folder after ``geo synth`` succeeds: the arguments that made it."""

CACHE_FILES = ".bench-cache-files.json"
"""Files the loader created beside a dataset on a cold load (its cache), so they can be cleared."""

CACHE_ROOTS = (ROOT / ".cache",)
"""Folders besides the dataset folder where a loader cache may be written."""


# ---------------------------------------------------------------- datasets


def synth_dataset(reports: int, places: int, *, seed: int = 1, root: Path = BENCH_DIR) -> Path:
    """A synthetic dataset made by ``python -m geo synth``; reused when present with the same arguments.

    Returns
    -------
    Path
        ``root/synth-r{reports}-p{places}``.
    """
    folder = root / f"synth-r{reports}-p{places}"
    args = {"reports": reports, "places": places, "seed": seed}
    stamp = folder / ARGS_FILE
    if stamp.is_file() and all((folder / f"{t}.csv").is_file() for t in ("reports", "places", "sources", "sectors")):
        try:
            if json.loads(stamp.read_text(encoding="utf-8")) == args:
                return folder
        except ValueError:
            pass
    stamp.unlink(missing_ok=True)
    subprocess.run(
        [sys.executable, "-m", "geo", "synth", "--reports", str(reports), "--places", str(places),
         "--seed", str(seed), "-o", str(folder)],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
    )
    stamp.write_text(json.dumps(args), encoding="utf-8")
    return folder


# ---------------------------------------------------------------- load and validate


_LOAD_SNIPPET = """
import json, sys, time
from geo.load import load_dataset
start = time.perf_counter()
dataset = load_dataset(sys.argv[1])
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "reports": len(dataset.reports)}))
"""


@dataclass
class LoadTimes:
    """Seconds ``load_dataset`` took in a fresh process: without and with the loader's cache."""

    cold: float
    warm: float | None
    """``None`` when the loader wrote no cache (a second load would be another cold one)."""
    cache_files: list[str]


def _load_once(data_dir: Path) -> float:
    result = subprocess.run([sys.executable, "-c", _LOAD_SNIPPET, str(data_dir)], cwd=ROOT, check=True,
                            capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return float(json.loads(result.stdout.strip().splitlines()[-1])["seconds"])


def _snapshot(data_dir: Path) -> dict[str, tuple[int, int]]:
    """Size and mtime of every file a loader cache could be among (the CSVs and seeds excluded)."""
    files = {}
    for root in (data_dir, *CACHE_ROOTS):
        if not root.is_dir():
            continue
        for path in root.rglob("*"):
            if not path.is_file() or path.name in (ARGS_FILE, CACHE_FILES):
                continue
            if root == data_dir and (path.suffix in (".csv", ".txt")):
                continue
            stat = path.stat()
            files[str(path)] = (stat.st_size, stat.st_mtime_ns)
    return files


def time_load(data_dir: Path) -> LoadTimes:
    """Time ``geo.load.load_dataset`` in fresh subprocesses, cold and (if the loader caches) warm.

    A cache is recognised by what the first load writes under the dataset folder or ``.cache/``;
    those files are remembered in the dataset folder and deleted before the next cold load, so
    "cold" stays cold across benchmark runs.
    """
    remembered = data_dir / CACHE_FILES
    if remembered.is_file():
        for name in json.loads(remembered.read_text(encoding="utf-8")):
            Path(name).unlink(missing_ok=True)
    before = _snapshot(data_dir)
    cold = _load_once(data_dir)
    after = _snapshot(data_dir)
    written = sorted(name for name, stat in after.items() if before.get(name) != stat)
    if not written:
        return LoadTimes(cold=cold, warm=None, cache_files=[])
    remembered.write_text(json.dumps(written), encoding="utf-8")
    warm = min(_load_once(data_dir) for _ in range(2))
    return LoadTimes(cold=cold, warm=warm, cache_files=written)


# ---------------------------------------------------------------- one slider step, in Python


def year_ranges(first: int, last: int, count: int) -> list[tuple[int, int]]:
    """``count`` different year ranges the way a reader drags the slider: narrowing from both ends."""
    ranges, start, end = [], first, last
    for index in range(count * 4):
        if len(ranges) == count:
            break
        if index % 2 == 0 and start < end:
            start += 1
        elif end > start:
            end -= 1
        else:
            start, end = first, last - (index % 3)
        if (start, end) not in ranges:
            ranges.append((start, end))
    return ranges


@dataclass
class StepTimes:
    """Medians over several year ranges of what one slider step costs the server in Python."""

    filter_aggregate_ms: float
    layer_ms: float
    feature_group_ms: float
    feature_group_bytes: int
    places: int

    @property
    def total_ms(self) -> float:
        return self.filter_aggregate_ms + self.layer_ms + self.feature_group_ms


def time_steps(data_dir: Path, count: int = 15) -> StepTimes:
    """Load once, then time build_view, View.layer and streamlit-folium's feature-group JS per range.

    The first (full) range is built once beforehand, as the page's first paint does, so the
    per-report popup HTML memo is as warm as after a page load; each measured range is new.
    """
    from streamlit_folium import _get_feature_group_string

    from geo import views
    from geo.load import load_dataset

    dataset = load_dataset(data_dir)
    first, last = dataset.years
    warm = views.build_view(dataset, views.Filters(years=(first, last)))
    _get_feature_group_string(warm.layer(dataset), views.base_map(dataset))
    parts: list[tuple[float, float, float, int, int]] = []
    for years in year_ranges(first, last, count):
        fmap = views.base_map(dataset)
        t0 = time.perf_counter()
        view = views.build_view(dataset, views.Filters(years=years))
        t1 = time.perf_counter()
        layer = view.layer(dataset)
        t2 = time.perf_counter()
        script = _get_feature_group_string(layer, fmap)
        t3 = time.perf_counter()
        parts.append((t1 - t0, t2 - t1, t3 - t2, len(script.encode("utf-8")), len(view.places)))
    med = [statistics.median(values) for values in zip(*parts, strict=True)]
    return StepTimes(filter_aggregate_ms=med[0] * 1000, layer_ms=med[1] * 1000, feature_group_ms=med[2] * 1000,
                     feature_group_bytes=int(med[3]), places=int(med[4]))


# ---------------------------------------------------------------- the machine


def peak_memory_mb(pid: int) -> float | None:
    """VmHWM (peak resident set) of a process in MB, from /proc; ``None`` if unreadable."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def process_name(pid: int) -> str:
    """The executable name of a process (to check we measure python, not a wrapper)."""
    try:
        return Path(f"/proc/{pid}/comm").read_text(encoding="utf-8").strip()
    except OSError:
        return "?"


def machine_line() -> str:
    """CPU count, load average and versions: what the numbers depend on."""
    import folium
    import streamlit

    load = os.getloadavg()
    return (f"{os.cpu_count()} CPUs, load average {load[0]:.1f} at start; Python {sys.version.split()[0]}, "
            f"streamlit {streamlit.__version__}, folium {folium.__version__}")
