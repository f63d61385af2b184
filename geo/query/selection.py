"""What the map shows for a set of filters: the matching reports and what they make per place."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..data.load import Dataset
from .aggregate import flows_of, places_of, summary_line
from .filters import Filters, filter_mask


@dataclass(frozen=True)
class View:
    """The reports passing a set of filters and what they make per place and per movement.

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
