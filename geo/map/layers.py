"""The map layer of a filter result: its places and movements with their popups, for the page."""

from __future__ import annotations

from dataclasses import dataclass, field

import folium

from ..data.load import Dataset
from ..i18n import DEFAULT_LANGUAGE, normalise
from ..query.aggregate import first_per_group
from ..query.memo import memo_of
from ..query.selection import View
from ..reading.reports import report_html_at
from ..settings import SETTINGS, Settings
from .leaflet import data_layer, step_layer
from .records import layer_json
from .step import step_json

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
    htmls = report_html_at(dataset, chosen, lang)
    for place_id, html in zip(place_ids, htmls, strict=True):
        popups.setdefault(place_id, []).append(html)
    memo = memo_of(dataset)
    place_json = memo.place_json if lang == DEFAULT_LANGUAGE else memo.place_json_in.setdefault(lang, {})
    records = layer_json(dataset, view.places, view.flows, popups, place_json=place_json, lang=lang)
    return data_layer(records, compact_legend=compact_legend)


@dataclass
class Sent:
    """What one browser's map was sent of a dataset (its places' records, reports' HTML and movements'
    places), so that a
    step sends only numbers and what is new (a page keeps one per reader, in its session).

    ``version`` is the dataset's; ``answered`` the browser's last request to be sent everything
    again (it lost its copy: a new frame, a reload, a step it never saw).
    """

    version: str = ""
    places: set[int] = field(default_factory=set)
    reports: set[int] = field(default_factory=set)
    pairs: set[int] = field(default_factory=set)
    answered: object = None
    last: tuple = ()
    """The filters (and presenting) of the last step, and the step: the same view is sent as the same
    text, so the map is not drawn again (streamlit-folium redraws when the text changes)."""

    def start(self, version: str, asked: object = None) -> bool:
        """Before a step: forget what was sent if the dataset changed or the browser asks for
        everything again (``asked``: its request, answered once). Returns whether the step starts afresh."""
        if version != self.version or (asked is not None and asked != self.answered):
            self.version, self.answered = version, asked if asked is not None else self.answered
            self.places, self.reports, self.pairs, self.last = set(), set(), set(), ()
        return not self.places and not self.reports and not self.pairs


def view_step(dataset: Dataset, view: View, sent: Sent, *, asked: object = None,
              compact_legend: bool = False, lang: str = DEFAULT_LANGUAGE) -> folium.FeatureGroup:
    """The map layer for ``view`` as a step (:func:`geo.map.step.step_json`): the browser draws it
    from what it holds and what the step adds (``nkmap.step``). Same arguments as :func:`view_layer`,
    with ``sent`` (what this reader's map was sent, updated here) and ``asked`` (the map's request
    to be sent everything again, from its value) and ``lang`` (the browser's copy holds words in one
    language: another starts it afresh)."""
    lang = normalise(lang) or DEFAULT_LANGUAGE
    version = f"{dataset.version}/{lang}"
    base = sent.start(version, asked)
    if sent.last and sent.last[0] == (view.filters, compact_legend):
        return step_layer(sent.last[1], compact_legend=compact_legend)
    per_place = popup_reports_per_place(len(view.places))
    chosen = view.rows[first_per_group(dataset.codes.place[view.rows], per_place)]
    place_ids = dataset.places.index.to_numpy(dtype=object)[dataset.codes.place[chosen]]
    popups: dict[str, list[int]] = {}
    for place_id, row in zip(place_ids, chosen.tolist(), strict=True):
        popups.setdefault(place_id, []).append(row)
    step = step_json(dataset, view.places, view.flows, popups, known=(sent.places, sent.reports, sent.pairs), base=base,
                     version=version, lang=lang)
    sent.last = ((view.filters, compact_legend), step)
    return step_layer(step, compact_legend=compact_legend)
