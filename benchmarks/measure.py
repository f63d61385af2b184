"""Python-side measurements: benchmark datasets, load time in a fresh process, and one slider step."""

from __future__ import annotations

import json
import os
import shutil
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
    subprocess.run(  # noqa: S603 - our own interpreter and CLI
        [sys.executable, "-m", "geo", "synth", "--reports", str(reports), "--places", str(places),
         "--seed", str(seed), "--force", "-o", str(folder)],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
    )
    stamp.write_text(json.dumps(args), encoding="utf-8")
    return folder


# ---------------------------------------------------------------- load and validate


_LOAD_SNIPPET = """
import json, sys, time
from pathlib import Path
from geo.data.load import load_dataset
try:
    from geo.data.parquet_cache import load_cached
except ImportError:
    load_cached = None
data_dir, cache_dir = sys.argv[1], sys.argv[2]
if not cache_dir:  # imports excluded: validation imports these only when it runs
    import pandera.pandas, geo.data.schemas, geo.data.borders  # noqa: E401, F401
start = time.perf_counter()
if cache_dir and load_cached is not None:
    dataset = load_cached(Path(data_dir), Path(cache_dir))
else:
    dataset = load_dataset(data_dir)
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "reports": len(dataset.reports), "cached": load_cached is not None}))
"""


@dataclass
class LoadTimes:
    """Seconds loading a dataset took in a fresh process: validating the CSVs, and from the loader's cache."""

    cold: float
    """``geo.data.load.load_dataset``: read and validate the CSV files (what a first start costs)."""
    warm: float | None
    """``geo.data.parquet_cache.load_cached`` with its Parquet cache filled; ``None`` when there is no such cache."""
    first_cached: float | None = None
    """``load_cached`` with an empty cache: validate, then write the cache."""


def _load_once(data_dir: Path, cache_dir: Path | None = None) -> tuple[float, bool]:
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", _LOAD_SNIPPET, str(data_dir), str(cache_dir or "")],
        cwd=ROOT, check=True, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    return float(answer["seconds"]), bool(answer["cached"])


def time_load(data_dir: Path) -> LoadTimes:
    """Time loading in fresh subprocesses: ``load_dataset`` (cold), then ``load_cached`` empty and filled.

    The cache used here is a private folder in ``bench-out/``, emptied first, so "cold" stays cold
    across runs. Afterwards the dashboard's own cache (``SETTINGS.cache_dir``) is filled too, so
    its start-up is measured with a warm cache, as a reader would meet it after the first start.
    """
    from geo.settings import SETTINGS

    cold, has_cache = _load_once(data_dir)
    if not has_cache:
        return LoadTimes(cold=cold, warm=None)
    private = BENCH_DIR / "load-cache" / data_dir.name
    shutil.rmtree(private, ignore_errors=True)
    first, _ = _load_once(data_dir, private)
    warm, _ = _load_once(data_dir, private)
    shutil.rmtree(private, ignore_errors=True)
    cache_dir = getattr(SETTINGS, "cache_dir", None)
    if cache_dir is not None:
        _load_once(data_dir, Path(cache_dir))
    return LoadTimes(cold=cold, warm=warm, first_cached=first)


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
    """Load once, then time build_view, view_layer and streamlit-folium's feature-group JS per range.

    The first (full) range is built once beforehand, as the page's first paint does, so the
    per-report popup HTML memo is as warm as after a page load; each measured range is new.
    """
    from streamlit_folium import _get_feature_group_string

    from geo.data.load import load_dataset
    from geo.map.layers import view_layer
    from geo.map.leaflet import base_map
    from geo.query.filters import Filters
    from geo.query.selection import build_view

    dataset = load_dataset(data_dir)
    first, last = dataset.years
    warm = build_view(dataset, Filters(years=(first, last)))
    _get_feature_group_string(view_layer(dataset, warm), base_map(dataset))
    parts: list[tuple[float, float, float, int, int]] = []
    for years in year_ranges(first, last, count):
        fmap = base_map(dataset)
        t0 = time.perf_counter()
        view = build_view(dataset, Filters(years=years))
        t1 = time.perf_counter()
        layer = view_layer(dataset, view)
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
