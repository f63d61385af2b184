"""Slow, plain versions of what geo.query.aggregate computes, for tests to check the fast ones against.

They take a reports table (a filtered copy of ``Dataset.reports``) rather than row positions, as a
person reading the data would count.
"""

from __future__ import annotations

import pandas as pd

from geo.data.codes import ReportCodes, inferred_movements, pair_codes, positions
from geo.query import aggregate
from geo.query.aggregate import places_of, summary_line


def aggregate_places(reports: pd.DataFrame, places: pd.DataFrame, sector_matrix: pd.DataFrame) -> pd.DataFrame:
    """:func:`geo.query.aggregate.places_of` of a reports table (codes built for it alone)."""
    return places_of(ReportCodes.of(reports, places, sector_matrix), None, places)


def aggregate_flows(reports: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """:func:`geo.query.aggregate.flows_of` of a reports table (pairs coded for it alone)."""
    pair, pair_places = pair_codes(positions(reports["from_place_id"], places.index),
                                   positions(reports["place_id"], places.index), places)
    return aggregate._count_flows(pair, pair_places, places, inferred_movements(reports))


def few_or_none_places(reports: pd.DataFrame) -> int:
    """How many places have reports that all say few or no workers (none that reports a presence)."""
    if "presence" not in reports or reports.empty:
        return 0
    reported = reports["presence"].astype(str).isin(["reported", ""])
    place_ids = reports["place_id"].astype(str)
    return int(place_ids.nunique() - place_ids[reported].nunique())


def summary(reports: pd.DataFrame, places_shown: int, *, years: tuple[int, int] | None = None) -> str:
    """The line above the map from a reports table; without ``years``, the span the reports cover."""
    if reports.empty:
        return summary_line(0, places_shown, None)
    span = years or (int(reports["year_start"].min()), int(reports["year_end"].max()))
    return summary_line(len(reports), places_shown, span, few_or_none=few_or_none_places(reports))
