"""A download as a Frictionless Data Package: one ZIP holding the reports as CSV and GeoJSON, a
``datapackage.json`` that describes them, and a README that says what they are and how to cite.
"""

from __future__ import annotations

import io
import json
import re
import zipfile

import pandas as pd

from ..data.load import Dataset
from .export import EXPORT_COLUMNS, ExportInfo, geojson_text, to_csv_text
from .gis import geopackage_bytes

PROFILE = "tabular-data-package"
"""The Frictionless profile the package follows (https://specs.frictionlessdata.io/)."""

FIELD_TYPES = {
    "lat": "number", "lon": "number", "workers_min": "integer", "workers_max": "integer",
    "wage_min": "number", "wage_max": "number", "fee_min": "number", "fee_max": "number",
    "state_share_min": "number", "state_share_max": "number",
}
"""Table Schema types of the CSV's columns that are not text (dates keep their own precision, so
they stay text: ``2019``, ``2019-11`` and ``2019-11-24`` in one column)."""

FIELD_NOTES = {
    "sector_labels": "The report's sectors by name, separated by '; '.",
    "sectors": "The report's sector ids (sectors.csv), separated by ';'.",
    "quote": "The source's words, copied exactly.",
    "presence": "reported, few, none or sought: only reported is a presence (sought is recruitment or demand).",
    "from_basis": "stated or inferred: whether the source states the movement or only implies it.",
    "workers_kind": ("count, estimate, projection, per_group or per_unit: figures of different kinds are never "
                     "added up."),
    "author": "The source document's author(s) as printed, separated by ';'; empty when not named.",
    "published": "The source's publication date: YYYY, YYYY-MM, YYYY-MM-DD, or START/END when only bounds are known.",
    "published_basis": "stated (the publisher gives the date) or inferred (worked out; see published_note).",
    "published_note": "How the publication date was established.",
    "licence": "The source document's licence, when known (e.g. CC BY-NC 4.0: acknowledge and link the source).",
    "caution": "What to know before using the report's figures.",
    "source_url": "The original article, where it could be identified.",
}


def data_package(dataset: Dataset, reports: pd.DataFrame, info: ExportInfo) -> bytes:
    """The ZIP of a data package of ``reports``.

    Parameters
    ----------
    dataset
        The loaded dataset the reports come from.
    reports
        The reports to package (a view's, or all).
    info
        What the export is: version, filters, generation time.

    Returns
    -------
    bytes
        A ZIP with ``reports.csv``, ``reports.geojson``, ``reports.gpkg``, ``datapackage.json`` and ``README.md``.
    """
    metadata = info.as_dict(len(reports))
    descriptor = {
        "profile": PROFILE,
        "name": "nk-workers-reports",
        "title": metadata["title"],
        "version": metadata["dataset_version"],
        "created": metadata["generated"],
        "description": f"Reports of North Korean workers, each quoting its source. Filters: {metadata['filters']}.",
        "citation": metadata["cite_as"],
        "sources": [_source(row) for _, row in dataset.sources.loc[sorted(set(reports["source_id"].astype(str)))]
                    .iterrows()],
        "resources": [
            {"name": "reports", "path": "reports.csv", "profile": "tabular-data-resource", "format": "csv",
             "mediatype": "text/csv", "encoding": "utf-8",
             "schema": {"fields": [_field(column) for column in EXPORT_COLUMNS], "primaryKey": "id"}},
            {"name": "reports-geojson", "path": "reports.geojson", "format": "geojson",
             "mediatype": "application/geo+json", "encoding": "utf-8"},
            {"name": "reports-geopackage", "path": "reports.gpkg", "format": "gpkg",
             "mediatype": "application/geopackage+sqlite3",
             "description": "Layers reports (points, EPSG:4326, the CSV's columns), places and movements (lines)."},
        ],
    }
    readme = _readme(metadata, descriptor["sources"])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("reports.csv", to_csv_text(dataset, reports))
        archive.writestr("reports.geojson", geojson_text(dataset, reports, info))
        archive.writestr("reports.gpkg", geopackage_bytes(dataset, reports, info))
        archive.writestr("datapackage.json", json.dumps(descriptor, ensure_ascii=False, indent=2))
        archive.writestr("README.md", readme)
    return buffer.getvalue()


def _source(row: pd.Series) -> dict[str, str]:
    """A source as the descriptor lists it: publisher, title, author, date, licence and the original's
    address, each when known."""
    source = {"title": f"{row['publisher']}, “{row['title']}”"}
    if _cell(row, "author"):
        source["author"] = _cell(row, "author").replace(";", "; ")
    source["published"] = _cell(row, "published") + (" (inferred)" if _cell(row, "published_basis") == "inferred"
                                                     else "")
    if _cell(row, "licence"):
        source["licence"] = _cell(row, "licence")
    if _cell(row, "url"):
        source["path"] = _cell(row, "url")
    return source


def _cell(row: pd.Series, column: str) -> str:
    value = row.get(column)
    return "" if value is None or pd.isna(value) else str(value)


def _citation(source: dict[str, str]) -> str:
    """One source in the README: who, what, when, under which licence, where."""
    parts = [source["title"], f"by {source['author']}" if "author" in source else "author not named",
             f"published {source['published']}",
             f"licence {source['licence']}" if "licence" in source else "no licence stated (quote briefly, attribute)"]
    return "- " + ", ".join(parts) + (f". <{source['path']}>" if "path" in source else ". Address not checked.")


def _readme(metadata: dict, sources: list[dict]) -> str:
    """The package's README in Markdown, where text from the data and the filters is only ever a code block.

    A fenced block shows its text as it is in any Markdown viewer: a source's title or a search
    filter cannot become a link, an autolink or an image that a viewer would fetch.
    """
    listed = "\n".join(_citation(source) for source in sources)
    return (
        f"# {_markdown_line(metadata['title'])}\n\n"
        f"{int(metadata['reports'])} reports. Dataset version, when this package was made, and its filters:\n\n"
        + verbatim(f"version {metadata['dataset_version']}\ngenerated {metadata['generated']}\n"
                   f"Filters: {metadata['filters']}.") + "\n\n"
        "## How to cite\n\n"
        f"{verbatim(metadata['cite_as'])}\n\n"
        "## Files\n\n"
        "- `reports.csv`: one row per report, header on the first line (UTF-8, CRLF line ends).\n"
        "- `reports.geojson`: the same reports as RFC 7946 points, with the same properties.\n"
        "- `reports.gpkg`: a GeoPackage for GIS software: layers `reports` (the CSV's rows as points, "
        "EPSG:4326), `places` (reports per place) and `movements` (lines from origin, with `from_basis`).\n"
        "- `datapackage.json`: a Frictionless Data Package describing both, column by column.\n\n"
        "Each report quotes its source word for word. `presence` few, none or sought is not a presence; "
        "`from_basis` inferred is a movement the source only implies; figures of different "
        "`workers_kind` are never added up; read `caution` before using a figure.\n\n"
        f"## Sources\n\n{verbatim(listed)}\n"
    )


def verbatim(text: str) -> str:
    """``text`` as a fenced Markdown code block whose fence is longer than any run of backticks in it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"


def _markdown_line(text: str) -> str:
    """One line of text with every ASCII punctuation mark backslash-escaped (CommonMark shows it literally)."""
    return re.sub(r"([!-/:-@\[-`{-~])", r"\\\1", " ".join(str(text).split()))


def _field(column: str) -> dict[str, str]:
    field = {"name": column, "type": FIELD_TYPES.get(column, "string")}
    if column in FIELD_NOTES:
        field["description"] = FIELD_NOTES[column]
    return field
