"""Build the self-contained interactive HTML map an article can embed: one file, no server."""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

import pandas as pd

from ..data.load import Dataset
from ..data.outlines import countries_geojson
from ..escape import css_colour, script_json
from ..i18n import DEFAULT_LANGUAGE, normalise, translations
from ..map import static_files
from ..map.records import export_records
from ..map.style import OUTLINE_STYLE, legend_html
from ..query.filters import Filters, filter_mask
from ..reading.localise import format_date_in, sector_label
from ..reading.page_words import page_words
from ..reading.templates import render, safe
from ..settings import SETTINGS, Settings
from .export import ExportInfo

PAGE_SCRIPT_PATH: Path = Path(__file__).resolve().parent / "standalone.js"
"""The standalone export's page controls (year slider, play, filters), inlined beside the map's script."""

OUTLINE_ATTRIBUTION = "Outlines: Natural Earth"
"""Credit for the bundled country outlines, added to the map's attribution line."""


def standalone_html(
    dataset: Dataset, filters: Filters, info: ExportInfo, *, tiles: bool = True,
    settings: Settings = SETTINGS, lang: str = "en",
) -> str:
    """One self-contained HTML page: the map, its controls, the data, Leaflet, the sources.

    The file requests nothing but the optional map tiles, so it opens from ``file://`` and
    from any static host or CDN, and fits an article-width ``<iframe>``. It draws with the
    dashboard's own script (:func:`geo.map.static_files.map_script`), inlined.

    Which reports it carries: the role, source and text filters decide what is *shipped*;
    the year and sector filters only set the *initial state* of the year and sector
    controls. Readers can widen the years or tick other sectors and still find every report
    the export's topic covers; the count line always describes what is on screen.

    Parameters
    ----------
    dataset
        A loaded dataset.
    filters
        ``roles``, ``sources`` and ``text`` select the reports written into the file;
        ``years`` and ``sectors`` set the controls' starting values (``None``: all).
    info
        What the export is; ``info.as_dict(n)`` goes into the visible footer and into the
        ``<script type="application/json" id="nk-metadata">`` block, ``n`` being the number
        of reports in the file.
    tiles
        Add the online tile layer (``settings.tiles_url``), the file's only remote request.
        Without it the map shows the bundled country outlines only.
    settings
        Map centre, zoom, marker sizes and tile source.
    lang
        The page's language (:data:`geo.i18n.LANGUAGES`): ``<html lang>``, controls, legend,
        sector labels and place names (with the English name beside a local one). The script
        takes its words from ``data.words`` (:func:`geo.reading.page_words.page_words`). The reports'
        own text (quotes, sources' titles) stays as published.

    Returns
    -------
    str
        The HTML document. The page template escapes every value (autoescape, through
        :func:`geo.escape.escape`); embedded JSON is :func:`geo.escape.script_json` output.
    """
    topic = dataclasses.replace(filters, years=None, sectors=None)
    shipped = dataset.reports[filter_mask(dataset.reports, topic, sector_matrix=dataset.sector_matrix)]
    lang = normalise(lang) or DEFAULT_LANGUAGE
    words = translations(lang)
    metadata = info.as_dict(len(shipped), lang=lang)
    first, last = control_years(dataset, filters)
    start, end = filters.years or (first, last)
    chosen = set(dataset.sectors.index if filters.sectors is None else filters.sectors)
    css, js = static_files.inline_leaflet()
    blocks = {"leaflet_css": css, "map_css": static_files.map_css(), "leaflet_js": js,
              "map_js": static_files.map_script(), "page_js": page_script()}
    for name, text in blocks.items():
        if "</script" in text.lower() or "</style" in text.lower():
            raise RuntimeError(f"{name} would close its own <script>/<style> element; cannot inline it")
    page = export_records(dataset, shipped, settings=settings, lang=lang)
    page.update(
        years=[first, last], legend=legend_html(dataset.sectors, lang=lang), words=page_words(lang),
        map={"center": list(settings.map_center), "zoom": settings.map_zoom,
             "minZoom": settings.min_zoom, "maxZoom": settings.max_zoom},
        outlines={"style": OUTLINE_STYLE, "attribution": OUTLINE_ATTRIBUTION},
        tiles={"url": settings.tiles_url, "attribution": settings.tiles_attribution} if tiles else None,
        play_ms=round(settings.play_seconds * 1000),  # each year shows as long as on the page
    )
    return render(
        "standalone.html",
        **{name: safe(text) for name, text in blocks.items()},
        title=metadata["title"],
        data_json=safe(script_json(page)),
        countries_json=safe(script_json(countries_geojson())),
        metadata_json=safe(script_json(metadata)),
        metadata=metadata,
        lang=lang, _=words.gettext, ngettext=words.ngettext, words=page_words(lang),
        years={"min": first, "max": last, "from": start, "to": end},
        sectors=[
            {"index": i, "id": sector_id, "label": sector_label(row, lang), "colour": css_colour(row["colour"]),
             "checked": sector_id in chosen}
            for i, (sector_id, row) in enumerate(dataset.sectors.iterrows())
        ],
        sources=source_list(dataset, shipped, lang=lang),
        n_reports=len(shipped),
        tiles=tiles,
    ) + "\n"


@functools.lru_cache(maxsize=1)
def page_script() -> str:
    """``standalone.js``, the standalone export's page controls, as text to inline."""
    return PAGE_SCRIPT_PATH.read_text(encoding="utf-8")


def control_years(dataset: Dataset, filters: Filters) -> tuple[int, int]:
    """The year controls' range: the dataset's years, widened to any years the filters ask for.

    Parameters
    ----------
    dataset
        A loaded dataset.
    filters
        ``filters.years`` may lie outside the data; the range then reaches it, so the first
        view honestly shows "No reports match these filters" rather than other years.

    Returns
    -------
    tuple of int
        Inclusive (first, last).
    """
    first, last = dataset.years
    if filters.years:
        first, last = min(first, filters.years[0]), max(last, filters.years[1])
    return first, last


def source_list(dataset: Dataset, reports: pd.DataFrame, *, lang: str = "en") -> list[dict[str, str]]:
    """The sources the shipped reports quote, escaped for the page's sources note.

    Parameters
    ----------
    dataset
        A loaded dataset.
    reports
        The shipped reports.
    lang
        The language of the dates (:func:`geo.reading.localise.format_date_in`).

    Returns
    -------
    list of dict
        ``publisher``, ``title``, ``author``, ``date`` (in words), ``reports`` (how many
        shipped reports quote it) and ``url`` (the original's address, or ``""``), oldest source
        first; text as it is (the template escapes).
    """
    counts = reports["source_id"].astype(str).value_counts()
    published = dataset.sources["published"]
    rows = dataset.sources.loc[sorted(counts.index, key=lambda source_id: (published[source_id], source_id))]
    return [
        {"publisher": row["publisher"], "title": row["title"],
         "author": str(row.get("author") or "").replace(";", ", "),
         "date": format_date_in(str(row["published"]), lang), "reports": str(int(counts[source_id])),
         "url": str(row.get("url") or "")}
        for source_id, row in rows.iterrows()
    ]
