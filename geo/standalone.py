"""Build the self-contained interactive HTML map an article can embed: one file, no server."""

from __future__ import annotations

import dataclasses

import pandas as pd

from . import assets
from .escape import css_colour, script_json
from .export import ExportInfo
from .filters import Filters, filter_mask
from .load import Dataset
from .present import format_date
from .records import export_records
from .settings import SETTINGS, Settings
from .style import OUTLINE_STYLE, legend_html
from .templates import render, safe

OUTLINE_ATTRIBUTION = "Outlines: Natural Earth"
"""Credit for the bundled country outlines, added to the map's attribution line."""


def standalone_html(
    dataset: Dataset, filters: Filters, info: ExportInfo, *, tiles: bool = True,
    settings: Settings = SETTINGS,
) -> str:
    """One self-contained HTML page: the map, its controls, the data, Leaflet, the sources.

    The file requests nothing but the optional map tiles, so it opens from ``file://`` and
    from any static host or CDN, and fits an article-width ``<iframe>``. It draws with the
    dashboard's own script, ``geo/assets/nkmap.js``, inlined.

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

    Returns
    -------
    str
        The HTML document. The page template escapes every value (autoescape, through
        :func:`geo.escape.escape`); embedded JSON is :func:`geo.escape.script_json` output.
    """
    topic = dataclasses.replace(filters, years=None, sectors=None)
    shipped = dataset.reports[filter_mask(dataset.reports, topic, sector_matrix=dataset.sector_matrix)]
    metadata = info.as_dict(len(shipped))
    first, last = control_years(dataset, filters)
    start, end = filters.years or (first, last)
    chosen = set(dataset.sectors.index if filters.sectors is None else filters.sectors)
    css, js = assets.inline_leaflet()
    blocks = {"leaflet_css": css, "map_css": assets.map_css(), "leaflet_js": js, "map_js": assets.map_script(),
              "page_js": assets.page_script()}
    for name, text in blocks.items():
        if "</script" in text.lower() or "</style" in text.lower():
            raise RuntimeError(f"{name} would close its own <script>/<style> element; cannot inline it")
    page = export_records(dataset, shipped, settings=settings)
    page.update(
        years=[first, last], legend=legend_html(dataset.sectors),
        map={"center": list(settings.map_center), "zoom": settings.map_zoom,
             "minZoom": settings.min_zoom, "maxZoom": settings.max_zoom},
        outlines={"style": OUTLINE_STYLE, "attribution": OUTLINE_ATTRIBUTION},
        tiles={"url": settings.tiles_url, "attribution": settings.tiles_attribution} if tiles else None,
    )
    return render(
        "standalone.html",
        **{name: safe(text) for name, text in blocks.items()},
        title=metadata["title"],
        data_json=safe(script_json(page)),
        countries_json=safe(script_json(assets.countries_geojson())),
        metadata_json=safe(script_json(metadata)),
        metadata=metadata,
        years={"min": first, "max": last, "from": start, "to": end},
        sectors=[
            {"index": i, "id": sector_id, "label": row["label"], "colour": css_colour(row["colour"]),
             "checked": sector_id in chosen}
            for i, (sector_id, row) in enumerate(dataset.sectors.iterrows())
        ],
        sources=source_list(dataset, shipped),
        n_reports=len(shipped),
        tiles=tiles,
    ) + "\n"


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


def source_list(dataset: Dataset, reports: pd.DataFrame) -> list[dict[str, str]]:
    """The sources the shipped reports quote, escaped for the page's sources note.

    Parameters
    ----------
    dataset
        A loaded dataset.
    reports
        The shipped reports.

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
         "date": format_date(str(row["published"])), "reports": str(int(counts[source_id])),
         "url": str(row.get("url") or "")}
        for source_id, row in rows.iterrows()
    ]
