"""Write filtered reports as CSV or GeoJSON that carry their citations and say what they are."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from .formulas import FORMULA_PREFIXES
from .load import Dataset
from .settings import ROOT

EXPORT_COLUMNS = [
    "id", "place", "place_id", "country", "lat", "lon", "place_precision", "role", "presence",
    "from_place_id", "from_basis", "date_start", "date_end", "date_precision", "date_qualifier", "date_basis",
    "date_note", "sector_labels", "sectors", "workers_min", "workers_max", "workers_kind", "workers_as_stated",
    "wage_min", "wage_max", "wage_currency", "wage_period", "wage_as_stated",
    "fee_min", "fee_max", "fee_currency", "fee_period", "fee_as_stated",
    "state_share_min", "state_share_max", "state_share_as_stated",
    "quote", "caution", "notes", "source_id", "source_title", "publisher", "published", "seed_file", "source_url",
]
"""Columns of an export: the names of ``reports.csv``, plus the place and the source joined in
(``source_url`` is the source's ``url`` in ``sources.csv``) and ``sector_labels``, the sectors
by name (``sectors`` keeps their ids)."""


class ExportError(Exception):
    """An export that would be unsafe or cannot be written (e.g. a target inside data/)."""


@dataclass(frozen=True)
class ExportInfo:
    """What an export is: the dataset version, when it was made, the filters, how to cite it."""

    dataset_version: str
    filters: str
    generated: str = ""
    title: str = "North Korean workers reported in China"

    def as_dict(self, reports: int) -> dict[str, object]:
        generated = self.generated or datetime.now(UTC).replace(microsecond=0).isoformat()
        return {
            "title": self.title,
            "dataset_version": self.dataset_version,
            "generated": generated,
            "filters": self.filters,
            "reports": reports,
            "cite_as": (f"{self.title}, dataset version {self.dataset_version}, generated {generated[:10]}. "
                        "Cite each report's own source document too: its publisher, title and date "
                        "travel with every report."),
        }


def export_rows(dataset: Dataset, reports: pd.DataFrame) -> pd.DataFrame:
    """The export table: one row per report, citation columns included, in ``EXPORT_COLUMNS`` order.

    Rows keep the order of ``reports.csv`` (the reports' index), whatever order they are given in.
    """
    rows = reports.sort_index().rename(columns={"place_name": "place"})
    labels = dataset.sectors["label"].to_dict()
    rows["sector_labels"] = ["; ".join(labels.get(s, s) for s in ids) for ids in rows["sector_ids"]]
    for column in EXPORT_COLUMNS:
        rows[column] = rows[column].astype(object).where(rows[column].notna(), "")
    return rows[EXPORT_COLUMNS].reset_index(drop=True)


def neutralise_formula(value: object) -> object:
    """Prefix a text cell a spreadsheet would run as a formula with ``'`` (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def to_csv_text(dataset: Dataset, reports: pd.DataFrame) -> str:
    """CSV text: the header on the first line, then one row per report, so that ``pandas.read_csv``
    and a spreadsheet open it with no options. What the file is (dataset version, filters, how to
    cite) travels beside it in the data package (:mod:`geo.package`).

    Lines end in CRLF as RFC 4180 asks, which also makes the writer quote any cell holding a bare
    CR: with ``\n`` alone it would not, and a reader would split the cell into a row of its own.
    """
    rows = export_rows(dataset, reports)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for record in rows.itertuples(index=False):
        writer.writerow([neutralise_formula(value) for value in record])
    return buffer.getvalue()


def to_geojson(dataset: Dataset, reports: pd.DataFrame, info: ExportInfo) -> dict:
    """An RFC 7946 FeatureCollection, one Point Feature per report, with a ``metadata`` member."""
    rows = export_rows(dataset, reports)
    features = []
    for record in rows.to_dict(orient="records"):
        lon, lat = float(record.pop("lon")), float(record.pop("lat"))
        record["sectors"] = record["sectors"].split(";") if record["sectors"] else []
        record["sector_labels"] = record["sector_labels"].split("; ") if record["sector_labels"] else []
        properties = {key: _plain(value) for key, value in record.items()}
        features.append({
            "type": "Feature",
            "id": properties["id"],
            "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
            "properties": properties,
        })
    return {"type": "FeatureCollection", "metadata": info.as_dict(len(features)), "features": features}


def _plain(value: object) -> object:
    """JSON-ready value: numpy/pandas scalars to Python, empty strings to null."""
    if value == "" or value is None:
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def write_atomic(path: Path, text: str | bytes, *, protected: list[Path] | None = None) -> Path:
    """Write ``text`` (or bytes) to ``path`` via a temporary file and a rename; refuse protected folders.

    Raises
    ------
    ExportError
        When ``path`` is inside a protected folder (the dataset's ``data/`` and ``seeds/``), or
        names something that exists and is not a regular file (a folder, device, FIFO or socket).
    """
    path = Path(path)
    target = path.resolve()
    for folder in protected or []:
        folder = folder.resolve()
        if target == folder or folder in target.parents:
            raise ExportError(f"{path}: refusing to write inside {folder}; choose another output path")
    if target.is_dir():
        raise ExportError(f"{path}: is a folder; give a file name")
    if target.exists() and not target.is_file():
        # A device, FIFO or socket: the rename below would replace it (run as root, /dev/null).
        raise ExportError(f"{path}: exists and is not a regular file; give a file name")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8") if isinstance(text, str) else text)
        # mkstemp makes the file private (0600); an export is for sharing, so use the usual mode.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def protected_folders(dataset: Dataset) -> list[Path]:
    """Folders an export must never write into."""
    return [dataset.data_dir, dataset.seeds_dir, ROOT / "data", ROOT / "seeds"]


def geojson_text(dataset: Dataset, reports: pd.DataFrame, info: ExportInfo) -> str:
    """:func:`to_geojson` serialised as UTF-8 JSON text."""
    return json.dumps(to_geojson(dataset, reports, info), ensure_ascii=False, indent=1)
