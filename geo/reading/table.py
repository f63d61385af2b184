"""The reports table below the map: one plain-text row per report, newest first."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data.load import Dataset
from ..i18n import N_
from ..query.memo import memo_of
from ..settings import SETTINGS
from .wording import format_date, format_figures, format_period

TABLE_SOURCE_COLUMNS = [
    "id", "date_start", "date_end", "date_basis", "place_name", "role", "sector_ids", "publisher",
    "published", "workers_min", "workers_max", "workers_as_stated", "wage_min", "wage_max",
    "wage_currency", "wage_period", "wage_as_stated", "state_share_min", "state_share_max",
    "state_share_as_stated",
]


TABLE_HEADINGS = [N_("Report"), N_("When"), N_("Place"), N_("Role"), N_("Sectors"), N_("Figures"), N_("Source")]
"""The table's headings (in English here; the page shows them in the reader's language)."""


def table_frame(dataset: Dataset, rows: np.ndarray | None = None, place: str | None = None,
                *, limit: int = SETTINGS.table_limit) -> tuple[pd.DataFrame, int]:
    """The reports table, newest first: what a reader scans, one row per report, plain text.

    Parameters
    ----------
    rows
        Positions of the reports to show (``View.rows``, newest first); all reports when ``None``.
    place
        Show only the reports at this place id.

    Returns
    -------
    (table, total)
        At most ``limit`` rows, indexed by each report's position in ``Dataset.reports``, and
        how many reports there are in all (the CSV download has all).
    """
    rows = np.arange(len(dataset.reports)) if rows is None else rows
    if place:
        code = dataset.places.index.get_indexer([place])[0]
        rows = rows[dataset.codes.place[rows] == code]
    shown = rows[:limit]
    table = pd.DataFrame(table_rows_at(dataset, shown), columns=TABLE_HEADINGS, index=shown)
    return table, len(rows)


def table_rows_at(dataset: Dataset, positions: np.ndarray) -> list[tuple[str, ...]]:
    """The table row of each report at ``positions``, each formatted once per dataset."""
    labels = dataset.sectors["label"].to_dict()

    def row(r: dict) -> tuple[str, ...]:
        return (
            r["id"],
            format_period(r["date_start"], r["date_end"], r["date_basis"]),
            str(r["place_name"]),
            str(r["role"]),
            ", ".join(labels.get(s, s) for s in r["sector_ids"]),
            "; ".join(f"{k}: {v}" for k, v in format_figures(r)),
            f"{r['publisher']} ({format_date(r['published'])})",
        )

    def make(missing: list[int]) -> list[tuple[str, ...]]:
        return [row(r) for r in dataset.reports.iloc[missing][TABLE_SOURCE_COLUMNS].to_dict("records")]

    return memo_of(dataset).table_rows.get_many((int(p) for p in positions), make)
