"""The image of a view (``geo.publish.image``): seconds to make it and its size, on the bundled data and
the 50k synthetic dataset (``python -m benchmarks.run --only image``).

Each dataset is measured in a fresh process, so the first image pays what a server's first download
pays (importing matplotlib, finding fonts); the next ones are what every later download costs.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks import measure

FORMATS = ("png", "svg", "pdf")
REPEATS = 3
"""Images of each format made in a row after the first (the median is reported)."""

TARGETS_S = {"bundled data/": 3.0, "synthetic 50k": 10.0}
"""The issue's budgets for the image of the whole view (PNG, the default download)."""

_SNIPPET = """
import json, sys, time
data_dir, formats, repeats = sys.argv[1], sys.argv[2].split(","), int(sys.argv[3])
from geo.data.load import load_dataset
from geo.query.filters import Filters
from geo.query.selection import build_view
from geo.publish import downloads
dataset = load_dataset(data_dir)
view = build_view(dataset, Filters())
out = {"reports": len(dataset.reports), "places": len(view.places), "formats": {}}
for name in formats:
    seconds = []
    for _ in range(1 + repeats):
        start = time.perf_counter()
        data = downloads.image_download(dataset, view, name)
        seconds.append(time.perf_counter() - start)
    out["formats"][name] = {"first": seconds[0], "next": seconds[1:], "bytes": len(data)}
print(json.dumps(out))
"""


@dataclass
class ImageRow:
    """One dataset's images: seconds and bytes per format."""

    label: str
    reports: int = 0
    places: int = 0
    formats: dict[str, dict] = field(default_factory=dict)

    def median(self, name: str) -> float:
        return statistics.median(self.formats[name]["next"])


def measure_images(label: str, data_dir: Path, *, formats: tuple[str, ...] = FORMATS,
                   repeats: int = REPEATS) -> ImageRow:
    """Make the whole view's image in each format ``1 + repeats`` times in a fresh process."""
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", _SNIPPET, str(data_dir), ",".join(formats), str(repeats)],
        cwd=measure.ROOT, check=True, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": str(measure.ROOT), "MPLBACKEND": "Agg"})
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    return ImageRow(label=label, reports=answer["reports"], places=answer["places"], formats=answer["formats"])


def run_images(log: object = print) -> list[ImageRow]:
    """The bundled data and the 50k synthetic dataset (made by ``geo synth`` if missing)."""
    from geo.settings import SETTINGS

    rows = []
    for label, folder in (("bundled data/", Path(SETTINGS.data_dir)),
                          ("synthetic 50k", measure.synth_dataset(50_000, 1_000))):
        log(f"[image] {label}")
        row = measure_images(label, folder)
        for name in row.formats:
            log(f"  {name}: first {row.formats[name]['first']:.2f} s, then {row.median(name):.2f} s, "
                f"{row.formats[name]['bytes'] / 1024:,.0f} KB")
        rows.append(row)
    return rows


def image_table(rows: list[ImageRow]) -> str:
    """A Markdown table: per dataset and format, seconds (first in a fresh process, then the median) and size."""
    lines = ["| Dataset | Reports | Places drawn | Format | First image in a fresh process (s) "
             f"| Next images, median of {REPEATS} (s) | Size (KB) | Target |", "|" + "---|" * 8]
    for row in rows:
        for name, values in row.formats.items():
            target = TARGETS_S.get(row.label) if name == "png" else None
            verdict = ("–" if target is None else
                       f"< {target:.0f} s: **{'PASS' if max(values['first'], row.median(name)) < target else 'FAIL'}**")
            lines.append(f"| {row.label} | {row.reports:,} | {row.places:,} | {name.upper()} | {values['first']:.2f} "
                         f"| {row.median(name):.2f} | {values['bytes'] / 1024:,.0f} | {verdict} |")
    return "\n".join(lines)
