"""Build the self-contained interactive HTML map an article can embed: one file, no server."""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

import jinja2
import pandas as pd

from . import assets
from .escape import css_colour, escape, script_json
from .export import ExportInfo
from .filters import Filters, apply_filters
from .load import NEWEST_FIRST, Dataset
from .mapping import AREA_STYLE, FLOW_STYLE, MAP_CSS, OUTLINE_STYLE, legend_html, marker_style, report_html
from .present import format_date
from .settings import SETTINGS, Settings
from .views import max_reports_per_place
from .vocab import AREA_PRECISIONS, ROLES

TEMPLATE_DIR: Path = Path(__file__).resolve().parent / "templates"
"""Folder of ``standalone.html``, the page's HTML, CSS and script as a Jinja2 template."""

"""Country outlines as the dashboard draws them (see ``geo.mapping.CountryOutlines``)."""

OUTLINE_ATTRIBUTION = "Outlines: Natural Earth"
"""Credit for the bundled country outlines, added to the map's attribution line."""


def standalone_html(
    dataset: Dataset, filters: Filters, info: ExportInfo, *, tiles: bool = True,
    settings: Settings = SETTINGS,
) -> str:
    """One self-contained HTML page: the map, its controls, the data, Leaflet, the sources.

    The file requests nothing but the optional map tiles, so it opens from ``file://`` and
    from any static host or CDN, and fits an article-width ``<iframe>``.

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
        The HTML document. Every value from the data in it went through
        :func:`geo.escape.escape` (HTML) or :func:`geo.escape.script_json` (embedded JSON).
    """
    shipped = apply_filters(
        dataset.reports, dataclasses.replace(filters, years=None, sectors=None), dataset.sector_matrix
    )
    metadata = info.as_dict(len(shipped))
    first, last = control_years(dataset, filters)
    start, end = filters.years or (first, last)
    chosen = set(dataset.sectors.index if filters.sectors is None else filters.sectors)
    css, js = assets.inline_leaflet()
    if "</script" in js.lower() or "</style" in css.lower():
        raise RuntimeError("Leaflet's text would close its own <script>/<style> element; cannot inline it")
    page = standalone_data(dataset, shipped, tiles=tiles, settings=settings)
    page["years"] = [first, last]
    return _template().render(
        title=escape(metadata["title"]),
        leaflet_css=css,
        leaflet_js=js,
        map_css=MAP_CSS,
        data_json=script_json(page),
        countries_json=script_json(assets.countries_geojson()),
        metadata_json=script_json(metadata),
        metadata={key: escape(value) for key, value in metadata.items()},
        years={"min": first, "max": last, "from": start, "to": end},
        sectors=[
            {"index": i, "id": escape(sector_id), "label": escape(row["label"]),
             "colour": css_colour(row["colour"]), "checked": sector_id in chosen}
            for i, (sector_id, row) in enumerate(dataset.sectors.iterrows())
        ],
        sources=source_list(dataset, shipped),
        n_reports=len(shipped),
        tiles=tiles,
    )


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


def standalone_data(
    dataset: Dataset, reports: pd.DataFrame, *, tiles: bool = True, settings: Settings = SETTINGS,
) -> dict[str, object]:
    """The compact data the page's script re-aggregates whenever the reader moves a control.

    Parameters
    ----------
    dataset
        A loaded dataset (for places, sectors and the marker-size scale).
    reports
        The reports to ship, a subset of ``dataset.reports``.
    tiles
        Include the tile layer's URL template and attribution.
    settings
        Map and marker settings.

    Returns
    -------
    dict
        ``places``: per place ``n`` (name), ``t`` (tooltip without its count), ``h`` (popup
        heading), ``ll`` (lat, lon), ``a`` (area radius in metres, 0 for a point), sorted by
        name so an index is also the tie-break order of
        :func:`geo.aggregate.aggregate_places`. ``reports``: per report ``p``/``f`` (place
        and origin indexes, ``-1`` for none), ``y0``/``y1`` (years), ``r`` (role index),
        ``s`` (sector indexes) and ``h`` (:func:`geo.mapping.report_html`), newest first as
        in popups. ``styles[role][sector]`` are :func:`geo.mapping.marker_style` options.
        Every string is :func:`~geo.escape.escape` output or a constant.
    """
    ordered = reports.sort_values(list(NEWEST_FIRST), ascending=list(NEWEST_FIRST.values()), kind="stable")
    used = set(ordered["place_id"].astype(str)) | {p for p in ordered["from_place_id"].astype(str) if p}
    names = dataset.places["name"]
    places = dataset.places.loc[sorted(used, key=lambda place_id: (names[place_id], place_id))]
    place_index = {place_id: i for i, place_id in enumerate(places.index)}
    sector_index = {sector_id: i for i, sector_id in enumerate(dataset.sectors.index)}
    labels = dataset.sectors["label"].to_dict()
    return {
        "roles": list(ROLES),
        "styles": [[marker_style(role, colour) for colour in dataset.sectors["colour"]] for role in ROLES],
        "radius": {"min": settings.marker_min_radius, "max": settings.marker_max_radius,
                   "maxCount": max_reports_per_place(dataset)},
        "places": [_place_record(place) for _, place in places.iterrows()],
        "reports": [
            {"p": place_index[str(report["place_id"])],
             "f": place_index.get(str(report["from_place_id"]), -1),
             "y0": int(report["year_start"]), "y1": int(report["year_end"]),
             "r": list(ROLES).index(str(report["role"])),
             "s": [sector_index[s] for s in report["sector_ids"]],
             "h": report_html(report, labels)}
            for _, report in ordered.iterrows()
        ],
        "legend": legend_html(dataset.sectors),
        "map": {"center": list(settings.map_center), "zoom": settings.map_zoom,
                "minZoom": settings.min_zoom, "maxZoom": settings.max_zoom},
        "outlines": {"style": OUTLINE_STYLE, "attribution": OUTLINE_ATTRIBUTION},
        "areaStyle": AREA_STYLE, "flowStyle": FLOW_STYLE,
        "tiles": {"url": settings.tiles_url, "attribution": settings.tiles_attribution} if tiles else None,
    }


def _place_record(place: pd.Series) -> dict[str, object]:
    """One place as the page needs it; ``t`` and ``h`` mirror ``tooltip_html``/``popup_html``."""
    name = escape(place["name"])
    area = place["precision"] in AREA_PRECISIONS
    tooltip = (f'<span data-place="{escape(place["id"])}"><b>{name}</b>'
               + (f" ({escape(place['precision'])}-level)" if area else ""))
    heading = name + (f' <span class="nk-precision">(reported at {escape(place["precision"])} level, '
                      "not a city)</span>" if area else "")
    radius_km = place["radius_km"]
    return {
        "n": name, "t": tooltip, "h": heading,
        "ll": [round(float(place["lat"]), 5), round(float(place["lon"]), 5)],
        "a": float(radius_km) * 1000 if area and pd.notna(radius_km) else 0,
    }


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
        ``publisher``, ``title``, ``author``, ``date`` (in words) and ``reports`` (how many
        shipped reports quote it), oldest source first.
    """
    counts = reports["source_id"].astype(str).value_counts()
    published = dataset.sources["published"]
    rows = dataset.sources.loc[sorted(counts.index, key=lambda source_id: (published[source_id], source_id))]
    return [
        {"publisher": escape(row["publisher"]), "title": escape(row["title"]),
         "author": escape(str(row.get("author") or "").replace(";", ", ")),
         "date": escape(format_date(str(row["published"]))), "reports": str(int(counts[source_id]))}
        for source_id, row in rows.iterrows()
    ]


@functools.lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    """The page template. Autoescape is off on purpose: the caller passes only escape() or
    script_json() output and its own constants, and Jinja's escaping would double-escape them."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR), autoescape=False,  # noqa: S701 - see docstring
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
    )
    return environment.get_template("standalone.html")

