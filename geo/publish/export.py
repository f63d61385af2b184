"""Write filtered reports as CSV or GeoJSON that carry their citations and say what they are."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from .. import files
from ..data.load import Dataset
from ..formulas import FORMULA_PREFIXES
from ..i18n import N_, fill, translations
from ..query.filters import Filters, filter_mask

EXPORT_COLUMNS = [
    "id", "place", "name_ko", "name_zh", "name_ja", "place_id", "country", "lat", "lon", "place_precision", "role",
    "presence",
    "from_place_id", "from_basis", "date_start", "date_end", "date_precision", "date_qualifier", "date_basis",
    "date_note", "sector_labels", "sectors", "workers_min", "workers_max", "workers_kind", "workers_as_stated",
    "wage_min", "wage_max", "wage_currency", "wage_period", "wage_as_stated",
    "fee_min", "fee_max", "fee_currency", "fee_period", "fee_as_stated",
    "state_share_min", "state_share_max", "state_share_as_stated",
    "quote", "caution", "notes", "source_id", "source_title", "publisher", "author", "published", "published_basis",
    "published_note", "licence", "seed_file", "source_url",
]
"""Columns of an export: the names of ``reports.csv``, plus the place and the source joined in
(``source_url`` is the source's ``url`` in ``sources.csv``; ``author``, ``published_basis``,
``published_note`` and ``licence`` are its columns of those names, so a reader can judge a date and
cite the source), ``sector_labels``, the sectors by name (``sectors`` keeps their ids), and the place's
name in Korean, Chinese and Japanese (``name_ko``, ``name_zh``, ``name_ja``, as ``places.csv`` names
them; ``place`` is the English name). Column names stay English in every language: they are data."""
PLACE_NAME_COLUMNS = ("name_ko", "name_zh", "name_ja")
"""Columns of ``places.csv`` an export carries beside each report's place, as they are named there."""
SOURCE_COLUMNS = ("author", "published_basis", "published_note", "licence")
"""Columns of ``sources.csv`` an export carries beside each report, as they are named there."""
MONEY_COLUMNS = ("wage_min", "wage_max", "fee_min", "fee_max", "state_share_min", "state_share_max")
"""Amounts written as integers when whole (``780``, not ``780.0``)."""


@dataclass(frozen=True)
class ExportInfo:
    """What an export is: the dataset version, when it was made, the filters, how to cite it."""

    dataset_version: str
    filters: str
    generated: str = ""
    title: str = N_("North Korean workers reported in China")

    def as_dict(self, reports: int, *, lang: str = "en") -> dict[str, object]:
        """The export's metadata; ``lang`` (see :mod:`geo.i18n`) translates the title and the citation."""
        _ = translations(lang).gettext
        generated = self.generated or datetime.now(UTC).replace(microsecond=0).isoformat()
        title = _(self.title)
        return {
            "title": title,
            "dataset_version": self.dataset_version,
            "generated": generated,
            "filters": self.filters,
            "reports": reports,
            "cite_as": fill(_("{title}, dataset version {version}, generated {date}. Cite each report's own "
                              "source document too: its publisher, title and date travel with every report."),
                            title=title, version=self.dataset_version, date=generated[:10]),
        }


def export_rows(dataset: Dataset, reports: pd.DataFrame) -> pd.DataFrame:
    """The export table: one row per report, citation columns included, in ``EXPORT_COLUMNS`` order.

    Rows keep the order of ``reports.csv`` (the reports' index), whatever order they are given in.
    """
    rows = reports.sort_index().rename(columns={"place_name": "place"})
    sources = dataset.sources.reindex(columns=list(SOURCE_COLUMNS))
    rows = rows.drop(columns=[c for c in SOURCE_COLUMNS if c in rows]).join(sources, on="source_id")
    for column in MONEY_COLUMNS:
        rows[column] = pd.Series([_whole(value) for value in rows[column].astype(object)], index=rows.index,
                                 dtype=object)
    names = dataset.places.reindex(columns=list(PLACE_NAME_COLUMNS))
    rows = rows.drop(columns=[c for c in PLACE_NAME_COLUMNS if c in rows]).join(names, on="place_id")
    labels = dataset.sectors["label"].to_dict()
    rows["sector_labels"] = ["; ".join(labels.get(s, s) for s in ids) for ids in rows["sector_ids"]]
    for column in EXPORT_COLUMNS:
        rows[column] = rows[column].astype(object).where(rows[column].notna(), "")
    return rows[EXPORT_COLUMNS].reset_index(drop=True)


def _whole(value: object) -> object:
    """A whole amount as an int (``780.0`` → ``780``); others unchanged, missing as ``None``."""
    if value is None or pd.isna(value):
        return None
    number = float(value)
    return int(number) if number.is_integer() else number


def left_out_abroad(dataset: Dataset, filters: Filters) -> int:
    """How many reports ``filters`` leave out only because they are beyond China (0 with ``abroad``)."""
    if filters.abroad:
        return 0
    wider = dataclasses.replace(filters, abroad=True)
    return int(filter_mask(dataset.reports, wider, sector_matrix=dataset.sector_matrix).sum()
               - filter_mask(dataset.reports, filters, sector_matrix=dataset.sector_matrix).sum())


def left_out_text(left_out: int, how: str, *, lang: str = "en") -> str:
    """What a CSV or GeoJSON without the reports beyond China leaves out, and ``how`` to include them
    (``""`` when nothing is left out), in ``lang``."""
    if not left_out:
        return ""
    return fill(translations(lang).ngettext(
        "{n} report beyond China and North Korea (Russia, Mongolia, South Korea and elsewhere) is left out; "
        "{how} to include them.",
        "{n} reports beyond China and North Korea (Russia, Mongolia, South Korea and elsewhere) are left out; "
        "{how} to include them.", left_out), n=left_out, how=how)


def neutralise_formula(value: object) -> object:
    """Prefix a text cell a spreadsheet would run as a formula with ``'`` (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def to_csv_text(dataset: Dataset, reports: pd.DataFrame) -> str:
    """CSV text: the header on the first line, then one row per report, so that ``pandas.read_csv``
    and a spreadsheet open it with no options. What the file is (dataset version, filters, how to
    cite) travels beside it in the data package (:mod:`geo.publish.datapackage`).

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


def protected_folders(dataset: Dataset) -> list[Path]:
    """Folders an export must never write into: the dataset's own and the project's ``data/`` and ``seeds/``."""
    return files.protected_folders(dataset.data_dir, dataset.seeds_dir)


def geojson_text(dataset: Dataset, reports: pd.DataFrame, info: ExportInfo) -> str:
    """:func:`to_geojson` serialised as UTF-8 JSON text."""
    return json.dumps(to_geojson(dataset, reports, info), ensure_ascii=False, indent=1)
