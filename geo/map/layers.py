"""The map layer of a filter result: its places and movements with their popups, for the page."""

from __future__ import annotations

import folium
import numpy as np

from ..data.load import Dataset
from ..i18n import DEFAULT_LANGUAGE, normalise
from ..query.aggregate import first_per_group
from ..query.memo import BoundedCache, memo_of
from ..query.selection import View
from ..reading.localise import place_label, sector_label
from ..reading.reports import report_html, report_html_at
from ..settings import SETTINGS, Settings
from .leaflet import data_layer
from .records import layer_json

REPORT_HTML_BYTES = 500
"""Rough size of one report in a popup, to share the popup budget between places."""


def popup_reports_per_place(places: int, settings: Settings = SETTINGS) -> int:
    """How many reports each popup shows: all up to ``popup_max_reports`` when few places are
    shown, fewer when many are, and none when not even one report per place fits: then a popup
    gives the place's count, and clicking the place lists its reports in the table. A step's
    payload grows with places but stays within ``popup_budget_bytes``."""
    fits = settings.popup_budget_bytes // max(places * REPORT_HTML_BYTES, 1)
    return int(max(0, min(settings.popup_max_reports, fits)))


def view_layer(dataset: Dataset, view: View, *, compact_legend: bool = False,
               lang: str = DEFAULT_LANGUAGE) -> folium.FeatureGroup:
    """The map layer for ``view`` (rebuilt per call: st_folium mutates what it is given).

    Parameters
    ----------
    dataset
        The dataset ``view`` was built from.
    view
        What :func:`geo.query.selection.build_view` made of a set of filters.
    compact_legend
        For the presenter's legend, which lists only what the map shows.
    lang
        The language places are named in (:data:`geo.i18n.LANGUAGES`; English for others).

    Returns
    -------
    folium.FeatureGroup
        One element holding the places, marks and movement lines, with popups newest first.
    """
    per_place = popup_reports_per_place(len(view.places))
    chosen = view.rows[first_per_group(dataset.codes.place[view.rows], per_place)]
    place_ids = dataset.places.index.to_numpy(dtype=object)[dataset.codes.place[chosen]]
    lang = normalise(lang) or DEFAULT_LANGUAGE
    popups: dict[str, list[str]] = {}
    htmls = report_html_at(dataset, chosen) if lang == DEFAULT_LANGUAGE else report_html_in(dataset, chosen, lang)
    for place_id, html in zip(place_ids, htmls, strict=True):
        popups.setdefault(place_id, []).append(html)
    memo = memo_of(dataset)
    place_json = memo.place_json if lang == DEFAULT_LANGUAGE else memo.place_json_in.setdefault(lang, {})
    records = layer_json(dataset, view.places, view.flows, popups, place_json=place_json, lang=lang)
    return data_layer(records, compact_legend=compact_legend)


def report_html_in(dataset: Dataset, positions: np.ndarray, lang: str) -> list[str]:
    """:func:`geo.reading.reports.report_html_at` with the reports' places and sectors named in ``lang``
    (a place's local name with the English beside it), each computed once per dataset and language."""
    labels = {row["id"]: sector_label(row, lang) for row in dataset.sectors.to_dict("records")}

    def make(missing: list[int]) -> list[str]:
        names = {row["id"]: place_label(row, lang) for row in dataset.places.to_dict("records")}
        return [report_html(report, labels, names) for report in dataset.reports.iloc[missing].to_dict("records")]

    cache = memo_of(dataset).report_html_in.setdefault(lang, BoundedCache())
    return cache.get_many((int(p) for p in positions), make)
