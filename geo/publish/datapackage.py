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
from ..i18n import DEFAULT_LANGUAGE, fill, translations
from .export import EXPORT_COLUMNS, ExportInfo, geojson_text, to_csv_text

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
    "id": "The report's id (r001, r002, ...): stable, never reused.",
    "place": ("Where the report puts the workers (or where they leave from or pass through, by role): the English "
              "name."),
    "name_ko": "The place's name in Korean (Hangul), as Korean newspapers write it; empty where it has none.",
    "name_zh": ("The place's name in Chinese, simplified characters, as it is officially written; empty where it "
                "has none."),
    "name_ja": "The place's name in Japanese, as Japanese newspapers write it; empty where it has none.",
    "place_id": "The place's id (places.csv).",
    "country": "The place's country, ISO 3166-1 alpha-2 (CN, KP, ...); empty for a region spanning several countries.",
    "lat": "Latitude of the place, WGS84 decimal degrees (an area's approximate centre).",
    "lon": "Longitude of the place, WGS84 decimal degrees (an area's approximate centre).",
    "place_precision": ("What kind of place it is: village, city or county (a point); province, region or country "
                        "(an area: the report is not about a city)."),
    "role": "What the place is in the report: destination, origin (sent from), transit or event.",
    "presence": "reported, few, none or sought: only reported is a presence (sought is recruitment or demand).",
    "from_place_id": "Where the workers came from, when the source says or implies it (places.csv id); else empty.",
    "from_basis": "stated or inferred: whether the source states the movement or only implies it.",
    "date_start": "Start of the period the report is about: YYYY, YYYY-MM or YYYY-MM-DD.",
    "date_end": "End of that period, at the same precision as date_start.",
    "date_precision": "year, month or day: how exactly date_start and date_end are given.",
    "date_qualifier": "Empty (as given), approximate (bounds standing for vague wording) or uncertain.",
    "date_basis": "stated (the source gives the date) or inferred (worked out; see date_note).",
    "date_note": "How the date was worked out, with the source's own wording.",
    "sector_labels": "The report's sectors by name, separated by '; '.",
    "sectors": "The report's sector ids (sectors.csv), separated by ';'.",
    "workers_min": "Number of workers, lower bound, as the source states it; empty when it gives none.",
    "workers_max": "Number of workers, upper bound; empty for an open-ended figure (more than 100).",
    "workers_kind": ("count, estimate, projection, per_group or per_unit: figures of different kinds are never "
                     "added up."),
    "workers_as_stated": "The source's own words for the number of workers.",
    "wage_min": "Wage paid to the workers, lower bound (only what the workers are paid).",
    "wage_max": "Wage paid to the workers, upper bound.",
    "wage_currency": "Currency of the wage, ISO 4217 (USD, CNY, KPW).",
    "wage_period": "The period the wage is paid for (month, year, day, ...).",
    "wage_as_stated": "The source's own words for the wage.",
    "fee_min": "What the employer pays the North Korean side per worker (not a wage), lower bound.",
    "fee_max": "The same fee, upper bound.",
    "fee_currency": "Currency of the fee, ISO 4217.",
    "fee_period": "The period the fee is paid for (hour, day, week, month, year).",
    "fee_as_stated": "The source's own words for the fee.",
    "state_share_min": "Percent of the earnings taken by the North Korean state, lower bound (0 to 100).",
    "state_share_max": "The same share, upper bound (0 to 100).",
    "state_share_as_stated": "The source's own words for the state's share.",
    "quote": "The source's words, copied exactly, in the language they were published in (never translated).",
    "caution": "What to know before using the report's figures.",
    "notes": "Anything else a reader needs: who said it, caveats, disagreements with other sources.",
    "source_id": "The source document's id (the descriptor's sources list it).",
    "source_title": "The source document's title as printed ([square brackets] where none is printed).",
    "publisher": "Who published the source document.",
    "author": "The source document's author(s) as printed, separated by ';'; empty when not named.",
    "published": "The source's publication date: YYYY, YYYY-MM, YYYY-MM-DD, or START/END when only bounds are known.",
    "published_basis": "stated (the publisher gives the date) or inferred (worked out; see published_note).",
    "published_note": "How the publication date was established.",
    "licence": "The source document's licence, when known (e.g. CC BY-NC 4.0: acknowledge and link the source).",
    "seed_file": "The project's copy of the source text that the quote is checked against.",
    "source_url": "The original article, where it could be identified.",
}
"""A description of every column of the CSV (English, as the column names: they are data)."""


def data_package(dataset: Dataset, reports: pd.DataFrame, info: ExportInfo, *, lang: str = DEFAULT_LANGUAGE) -> bytes:
    """The ZIP of a data package of ``reports``.

    Parameters
    ----------
    dataset
        The loaded dataset the reports come from.
    reports
        The reports to package (a view's, or all).
    info
        What the export is: version, filters, generation time.
    lang
        The language of the README (:data:`geo.i18n.LANGUAGES`; English for others). The data keep
        their English column names and descriptions in every language, and carry each place's name
        in Korean, Chinese and Japanese (``name_ko``, ``name_zh``, ``name_ja``).

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
    readme = _readme(info.as_dict(len(reports), lang=lang), descriptor["sources"], lang)
    from .gis import geopackage_bytes  # geopandas and GDAL: imported when a package is made, not with the page

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


def _citation(source: dict[str, str], lang: str = DEFAULT_LANGUAGE) -> str:
    """One source in the README: who, what, when, under which licence, where (the words in ``lang``)."""
    _ = translations(lang).gettext
    parts = [source["title"],
             fill(_("by {author}"), author=source["author"]) if "author" in source else _("author not named"),
             fill(_("published {date}"), date=source["published"]),
             fill(_("licence {licence}"), licence=source["licence"]) if "licence" in source
             else _("no licence stated (quote briefly, attribute)")]
    return "- " + _(", ").join(parts) + (f". <{source['path']}>" if "path" in source
                                         else ". " + _("Address not checked."))


def _readme(metadata: dict, sources: list[dict], lang: str = DEFAULT_LANGUAGE) -> str:
    """The package's README in Markdown, in ``lang``, where text from the data and the filters is only ever a
    code block.

    A fenced block shows its text as it is in any Markdown viewer: a source's title or a search
    filter cannot become a link, an autolink or an image that a viewer would fetch. ``metadata`` is
    :meth:`geo.publish.export.ExportInfo.as_dict` in ``lang`` (its title and citation translated).
    """
    words = translations(lang)
    _, ngettext = words.gettext, words.ngettext
    listed = "\n".join(_citation(source, lang) for source in sources)
    reports = int(metadata["reports"])
    files = [
        ("reports.csv", _("one row per report, header on the first line (UTF-8, CRLF line ends).")),
        ("reports.geojson", _("the same reports as RFC 7946 points, with the same properties.")),
        ("reports.gpkg", _("a GeoPackage for GIS software: layers `reports` (the CSV's rows as points, EPSG:4326), "
                           "`places` (reports per place) and `movements` (lines from origin, with `from_basis`).")),
        ("datapackage.json", _("a Frictionless Data Package describing both, column by column.")),
    ]
    heading = fill(ngettext("{n} report. Dataset version, when this package was made, and its filters:",
                            "{n} reports. Dataset version, when this package was made, and its filters:", reports),
                   n=reports)
    facts = fill(_("version {version}\ngenerated {generated}\nFilters: {filters}."),
                 version=metadata["dataset_version"], generated=metadata["generated"], filters=metadata["filters"])
    columns = _("Column names are in English in every language; `place` is the English name of the place, and "
                "`name_ko`, `name_zh` and `name_ja` are its names in Korean, Chinese and Japanese.")
    reading = _("Each report quotes its source word for word, in the language it was published in: quotes are "
                "never translated. `presence` few, none or sought is not a presence; `from_basis` inferred is a "
                "movement the source only implies; figures of different `workers_kind` are never added up; read "
                "`caution` before using a figure.")
    cite, listing, sources_heading = _("How to cite"), _("Files"), _("Sources")
    return (
        f"# {_markdown_line(metadata['title'])}\n\n{heading}\n\n{verbatim(facts)}\n\n"
        f"## {cite}\n\n{verbatim(metadata['cite_as'])}\n\n"
        f"## {listing}\n\n" + "".join(f"- `{name}`: {text}\n" for name, text in files)
        + f"\n{columns}\n\n{reading}\n\n"
        f"## {sources_heading}\n\n{verbatim(listed)}\n"
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
