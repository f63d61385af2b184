"""Sort the reports table and add looked-up columns to it without holding two copies of it at once
(a 500,000-report table is 150 MB; pandas' ``sort_values`` and ``join`` copy it whole)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


def newest_first(reports: pd.DataFrame) -> pd.DataFrame:
    """``reports`` in :data:`geo.data.load.NEWEST_FIRST` order, moved one column at a time.

    ``DataFrame.sort_values`` would hold the whole table twice at once; here each column's old
    copy is freed before the next is moved. ``date_end`` must be a category (the loader makes the
    columns with few distinct values categories first, so that the sort moves codes, not text).
    """
    # NEWEST_FIRST, sorted on numbers rather than text: the end year, the end date's category
    # code (categories are in sorted order) and the id's rank (ids are unique). lexsort sorts by
    # its last key first.
    # Ranked in Arrow: pandas would make 500,000 Python strings of the ids to sort them (70 MB).
    id_rank = pc.rank(pa.array(reports["id"]), sort_keys="ascending", tiebreaker="first").to_numpy()
    date_rank = reports["date_end"].cat.codes.to_numpy().astype(np.int64)
    year = reports["year_end"].to_numpy().astype(np.int64)
    positions = np.lexsort((id_rank, -date_rank, -year))
    order = pd.Index(positions)
    columns = {}
    for column in list(reports.columns):
        moved = reports.pop(column).take(positions)
        moved.index = order
        columns[column] = moved
    return pd.DataFrame(columns, index=order, copy=False)


def add_looked_up(reports: pd.DataFrame, table: pd.DataFrame, *, on: str, categories: tuple[str, ...]) -> None:
    """Add ``table``'s columns to ``reports``, looked up by the id in ``reports[on]``.

    As ``reports.join(table, on=on)``, without copying ``reports``; columns named in
    ``categories`` become categories.
    """
    looked_up = reports[[on]].join(table, on=on).drop(columns=on)
    for column in looked_up.columns:
        values = looked_up.pop(column)
        reports[column] = values.astype("category") if column in categories else values


def sector_tuples(sectors: pd.Series) -> pd.Series:
    """Each report's sector ids as a tuple; reports with the same sectors share one tuple object."""
    codes = pd.Categorical(sectors.astype("str"))
    shared = np.empty(len(codes.categories), dtype=object)
    shared[:] = [tuple(str(value).split(";")) for value in codes.categories]
    return pd.Series(shared[codes.codes], index=sectors.index, dtype=object)
