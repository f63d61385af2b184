"""The records the map draws, in the one format the map's script (``geo/map/static/nkmap/``) reads.

Places, marks (a place's reports in one filter state), movements and the map's settings, with
named keys, numbers as numbers and every text already escaped. The dashboard sends a layer of
them per filter step; the standalone export carries every report and lets the script aggregate.

Format (all keys always present):

- ``config``: ``radius`` (``min``, ``max``, ``maxCount``), ``styles[role][sector]`` (Leaflet path
  options), ``areaStyle``, ``flowStyle``, ``fewStyle`` (over a mark's style where few or no workers
  are reported), ``inferredStyle`` (over ``flowStyle`` for an inferred movement), ``more``
  (``"table"`` or ``"scroll"``: what a popup says of the reports it leaves out), ``home``
  (``center``, ``zoom``: the map's own first view, which a phone's and a presenter's map fit to
  their marks instead), ``title`` (the map's name, which the dashboard's map frame takes),
  ``words`` (every word the script writes, in the map's language: :func:`geo.map.words.map_words`).
- ``places``: by place id, ``id``, ``name`` (in the map's language, with the English beside a local
  name: :func:`geo.reading.localise.place_label`), ``level`` (``""`` for a point, else its precision),
  ``ll`` (lat, lon) and ``area_m`` (the radius of an area in metres, 0 for a point).
- ``marks``: ``place`` (id), ``count``, ``role`` and ``sector`` (positions in the style table),
  ``presence`` (``reported``, or ``few``/``none`` when every report there says so), ``reports``
  (report HTML, newest first; may be fewer than ``count``).
- ``flows``: ``from``, ``to`` (place ids), ``count``, ``basis`` (``stated`` when any report
  states the movement, else ``inferred``).
- the export's ``reports``: ``place``, ``from`` (``""`` for none), ``basis``, ``presence``,
  ``y0``, ``y1``, ``role``, ``sectors`` (positions) and ``html``; and ``order``, each place's rank
  by name.
"""

from __future__ import annotations

import pandas as pd

from ..data.load import NEWEST_FIRST, Dataset
from ..escape import escape, script_json
from ..i18n import DEFAULT_LANGUAGE, normalise, translations
from ..reading.localise import place_label
from ..reading.reports import report_html_in
from ..settings import SETTINGS, Settings
from ..vocab import AREA_PRECISIONS, ROLES
from .style import AREA_STYLE, FEW_STYLE, FLOW_STYLE, INFERRED_STYLE, style_table
from .words import MAP_TITLE, map_words

ROLE_INDEX = {role: i for i, role in enumerate(ROLES)}


def map_config(dataset: Dataset, *, more: str, settings: Settings = SETTINGS, lang: str = DEFAULT_LANGUAGE,
               ) -> dict[str, object]:
    """The settings every layer of this dataset is drawn with (``config`` above).

    Parameters
    ----------
    dataset
        A loaded dataset: its sector colours and its largest count per place fix the styles and
        sizes, so marks don't change size between filters.
    more
        ``"table"`` (the dashboard) or ``"scroll"`` (the standalone export).
    lang
        The language of the map's words and title (:data:`geo.i18n.LANGUAGES`; English for others).
    """
    return {
        "radius": {"min": settings.marker_min_radius, "max": settings.marker_max_radius,
                   "maxCount": dataset.max_reports_per_place},
        "styles": style_table(dataset.sectors),
        "areaStyle": AREA_STYLE, "flowStyle": FLOW_STYLE, "fewStyle": FEW_STYLE, "inferredStyle": INFERRED_STYLE,
        "more": more, "printSize": list(settings.print_map_size),
        "home": {"center": list(settings.map_center), "zoom": settings.map_zoom},
        "title": translations(lang).gettext(MAP_TITLE), "words": map_words(lang),
    }


def place_record(place: dict | pd.Series, lang: str = DEFAULT_LANGUAGE) -> dict[str, object]:
    """One place as the map needs it (``places`` above), named in ``lang``, its text escaped."""
    area = place["precision"] in AREA_PRECISIONS
    radius_km = place["radius_km"]
    return {
        "id": escape(place["id"]), "name": escape(place_label(place, lang)),
        "level": escape(place["precision"]) if area else "",
        "ll": [round(float(place["lat"]), 5), round(float(place["lon"]), 5)],
        "area_m": float(radius_km) * 1000 if area and pd.notna(radius_km) else 0,
    }


def layer_json(dataset: Dataset, places: pd.DataFrame, flows: pd.DataFrame, popups: dict[str, list[str]],
               *, place_json: dict[str, str], settings: Settings = SETTINGS, lang: str = DEFAULT_LANGUAGE) -> str:
    """The dashboard's records for one filter state, as script-safe JSON (``places``, ``marks``,
    ``flows``; the ``config`` is the base map's).

    Parameters
    ----------
    places, flows
        :func:`geo.query.aggregate.places_of` and :func:`geo.query.aggregate.flows_of` of the filtered reports.
    popups
        Per place id, the report HTML its popup shows, newest first.
    place_json
        Where each place's record is kept as JSON once made (it does not change with the filters),
        one per language.
    lang
        The language places are named in.
    """
    sector_index = {sector: i for i, sector in enumerate(dataset.sectors.index)}
    top = flows.sort_values(["reports", "from_place_id", "to_place_id"], ascending=[False, True, True])
    top = top.head(settings.max_flows)
    shown = list(places["place_id"]) + list(top["from_place_id"]) + list(top["to_place_id"])
    missing = [place_id for place_id in dict.fromkeys(shown) if place_id not in place_json]
    for place in dataset.places.loc[missing].to_dict("records"):
        place_json[place["id"]] = script_json(place_record(place, lang))
    marks = [
        f'{{"place":{script_json(place_id)},"count":{int(count)},"role":{ROLE_INDEX[role]},'
        f'"sector":{sector_index.get(sector, 0)},"presence":{script_json(presence)},'
        f'"reports":{script_json(popups.get(place_id, []))}}}'
        for place_id, count, role, sector, presence in zip(places["place_id"], places["reports"], places["role"],
                                                           places["sector"], places["presence"], strict=True)
    ]
    lines = [{"from": escape(a), "to": escape(b), "count": int(n), "basis": escape(basis)}
             for a, b, n, basis in zip(top["from_place_id"], top["to_place_id"], top["reports"], top["basis"],
                                       strict=True)]
    records = ",".join(f"{script_json(escape(place_id))}:{place_json[place_id]}" for place_id in dict.fromkeys(shown))
    return f'{{"places":{{{records}}},"marks":[{",".join(marks)}],"flows":{script_json(lines)}}}'


def export_records(dataset: Dataset, reports: pd.DataFrame, *, settings: Settings = SETTINGS,
                   lang: str = DEFAULT_LANGUAGE) -> dict[str, object]:
    """The standalone export's records: ``config``, ``places`` used by ``reports``, ``order``
    and every report (newest first, as in popups), for the page to aggregate; places named and
    ranked by their name in ``lang``, words in ``lang``."""
    lang = normalise(lang) or DEFAULT_LANGUAGE
    ordered = reports.sort_values(list(NEWEST_FIRST), ascending=list(NEWEST_FIRST.values()), kind="stable")
    used = set(ordered["place_id"].astype(str)) | {p for p in ordered["from_place_id"].astype(str) if p}
    records = {place_id: place_record(dataset.places.loc[place_id], lang) for place_id in used}
    by_name = sorted(used, key=lambda place_id: (place_label(dataset.places.loc[place_id], lang), place_id))
    sector_index = {sector: i for i, sector in enumerate(dataset.sectors.index)}
    return {
        "config": map_config(dataset, more="scroll", settings=settings, lang=lang),
        "places": {escape(place_id): records[place_id] for place_id in by_name},
        "order": {escape(place_id): rank for rank, place_id in enumerate(by_name)},
        "reports": [
            {"place": escape(report["place_id"]), "from": escape(report["from_place_id"] or ""),
             "basis": escape(report.get("from_basis") or ""), "presence": escape(report.get("presence") or "reported"),
             "y0": int(report["year_start"]), "y1": int(report["year_end"]), "role": ROLE_INDEX[str(report["role"])],
             "sectors": [sector_index[s] for s in report["sector_ids"]], "html": report_html_in(report, dataset, lang)}
            for report in ordered.to_dict("records")
        ],
    }
