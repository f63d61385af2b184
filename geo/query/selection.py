"""What the map shows for a set of filters: the matching reports and what they make per place."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import folium
import numpy as np
import pandas as pd

from ..data.load import Dataset
from ..map import leaflet
from ..map.records import layer_json, report_html
from ..settings import SETTINGS, Settings
from .aggregate import first_per_group, flows_of, places_of, summary_line
from .filters import Filters, filter_mask
from .memo import memo_of


@dataclass(frozen=True)
class View:
    """The reports passing a set of filters and what the map and summary line make of them.

    A view keeps positions, not a copy of the reports, so many cached views cost little memory.
    """

    filters: Filters
    rows: np.ndarray
    """Positions in ``Dataset.reports`` of the reports that pass the filters, newest first."""
    places: pd.DataFrame
    flows: pd.DataFrame
    summary: str

    def reports(self, dataset: Dataset) -> pd.DataFrame:
        """The filtered reports, newest first (a copy, made only when asked for)."""
        return dataset.reports.iloc[self.rows]

    def layer(self, dataset: Dataset, *, compact_legend: bool = False) -> folium.FeatureGroup:
        """The map layer for this view (rebuilt per call: st_folium mutates what it is given);
        ``compact_legend`` for the presenter's legend, which lists only what the map shows."""
        per_place = popup_reports_per_place(len(self.places))
        chosen = self.rows[first_per_group(dataset.codes.place[self.rows], per_place)]
        place_ids = dataset.places.index.to_numpy(dtype=object)[dataset.codes.place[chosen]]
        popups: dict[str, list[str]] = {}
        for place_id, html in zip(place_ids, report_html_at(dataset, chosen), strict=True):
            popups.setdefault(place_id, []).append(html)
        records = layer_json(dataset, self.places, self.flows, popups, place_json=memo_of(dataset).place_json)
        return leaflet.data_layer(records, compact_legend=compact_legend)


def build_view(dataset: Dataset, filters: Filters) -> View:
    """Filter the dataset and aggregate per place.

    Parameters
    ----------
    dataset
        A loaded dataset.
    filters
        The values of the page's widgets.

    Returns
    -------
    View
    """
    codes = dataset.codes
    rows = np.flatnonzero(filter_mask(dataset.reports, filters, sector_matrix=dataset.sector_matrix)
                          ).astype(np.int32)  # half the memory of a cached view
    places = places_of(codes, rows, dataset.places)
    flows = flows_of(codes, rows, dataset.places)
    if len(rows):
        span = filters.years or (int(places["year_min"].min()), int(places["year_max"].max()))
        line = summary_line(len(rows), len(places), span, few_or_none=int((places["presence"] != "reported").sum()))
    else:
        line = summary_line(0, 0, None)
    return View(filters=filters, rows=rows, places=places, flows=flows, summary=line)


REPORT_HTML_BYTES = 500
"""Rough size of one report in a popup, to share the popup budget between places."""


def popup_reports_per_place(places: int, settings: Settings = SETTINGS) -> int:
    """How many reports each popup shows: all up to ``popup_max_reports`` when few places are
    shown, fewer when many are, and none when not even one report per place fits: then a popup
    gives the place's count, and clicking the place lists its reports in the table. A step's
    payload grows with places but stays within ``popup_budget_bytes``."""
    fits = settings.popup_budget_bytes // max(places * REPORT_HTML_BYTES, 1)
    return int(max(0, min(settings.popup_max_reports, fits)))


def report_html_at(dataset: Dataset, positions: np.ndarray) -> list[str]:
    """:func:`geo.map.leaflet.report_html` of the reports at ``positions``, each computed once per dataset."""
    labels = dataset.sectors["label"].to_dict()

    def make(missing: list[int]) -> list[str]:
        names = dataset.places["name"].to_dict()
        return [report_html(report, labels, names) for report in dataset.reports.iloc[missing].to_dict("records")]

    return memo_of(dataset).report_html.get_many((int(p) for p in positions), make)


def emptied_by(dataset: Dataset, filters: Filters) -> list[str]:
    """For a view with no reports, the labels of the filters that emptied it: each one whose
    removal alone brings reports back (``[]`` when no single filter does)."""
    found = []
    for spec, _ in filters.active():
        if spec.kind == "flag":
            continue  # places beyond China are left out by default, not by the reader
        loosened = dataclasses.replace(filters, **{spec.name: None})
        if filter_mask(dataset.reports, loosened, sector_matrix=dataset.sector_matrix).any():
            found.append(spec.label)
    return found
