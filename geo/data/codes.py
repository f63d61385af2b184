"""The reports as integer codes: numpy arrays built once per dataset, so that filtering and
aggregating a view are a few passes of integer arithmetic, never a copy of the reports table."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..vocab import PRESENCES, ROLES

PRESENCE_ORDER = tuple(PRESENCES)
"""``reported``, ``few``, ``none``, ``sought``: a place's presence is the first of these any of its reports has."""


@dataclass(frozen=True)
class ReportCodes:
    """The columns aggregation needs, one entry per report, as numpy arrays, plus small lookup
    tables. Built once per dataset, so a filter step is a few passes of integer arithmetic.

    ``place`` is a position in ``places.index``; ``role`` a position in ``ROLES``; ``combo``
    a row of ``combo_sectors`` (one boolean column per sector in ``sector_names`` order: a
    report's set of sectors); ``pair`` a row of ``pair_places`` (origin and destination
    positions, ordered by their ids), or -1 for a report that describes no movement.
    ``name_rank`` orders ``places`` by name. ``presence`` is a position in ``PRESENCE_ORDER``
    (0 ``reported``); ``inferred`` is true for a report whose movement is inferred, not stated.
    """

    place: np.ndarray
    role: np.ndarray
    year_start: np.ndarray
    year_end: np.ndarray
    combo: np.ndarray
    combo_sectors: np.ndarray
    sector_names: tuple[str, ...]
    pair: np.ndarray
    pair_places: np.ndarray
    name_rank: np.ndarray
    presence: np.ndarray
    inferred: np.ndarray

    @classmethod
    def of(cls, reports: pd.DataFrame, places: pd.DataFrame, sector_matrix: pd.DataFrame) -> ReportCodes:
        """Codes for ``reports`` (all of a dataset's reports, or a subset with its index kept)."""
        matrix = sector_matrix if sector_matrix.index.equals(reports.index) else sector_matrix.loc[reports.index]
        # A report's set of sectors is its ``sectors`` cell: code the cells, take one matrix row per code.
        combo, firsts = _first_of_each(reports["sectors"])
        combos = matrix.to_numpy(dtype=bool)[firsts]
        place = positions(reports["place_id"], places.index)
        pair, pair_places = pair_codes(positions(reports["from_place_id"], places.index), place, places)
        return cls(
            place=place,
            role=_role_codes(reports["role"]),
            year_start=reports["year_start"].to_numpy(dtype=np.int32),
            year_end=reports["year_end"].to_numpy(dtype=np.int32),
            combo=combo,
            combo_sectors=combos,
            sector_names=tuple(str(s) for s in sector_matrix.columns),
            pair=pair,
            pair_places=pair_places,
            name_rank=np.argsort(np.argsort(places["name"].to_numpy(dtype=str), kind="stable"), kind="stable"),
            presence=_presence_codes(reports),
            inferred=inferred_movements(reports),
        )


def _presence_codes(reports: pd.DataFrame) -> np.ndarray:
    """Each report's position in ``PRESENCE_ORDER``; an empty or missing cell is ``reported``."""
    if "presence" not in reports:
        return np.zeros(len(reports), dtype=np.int8)
    codes = pd.Categorical(reports["presence"].astype(str), categories=list(PRESENCE_ORDER)).codes
    return np.where(codes < 0, 0, codes).astype(np.int8)


def inferred_movements(reports: pd.DataFrame) -> np.ndarray:
    """Whether each report's movement is only inferred (``from_basis`` is ``inferred``)."""
    if "from_basis" not in reports:
        return np.zeros(len(reports), dtype=bool)
    return (reports["from_basis"].astype(str) == "inferred").to_numpy()


def pair_codes(origin: np.ndarray, target: np.ndarray, places: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Code each report's movement: a row of the returned (origin, destination) table, whose rows
    are ordered by origin id then destination id, or -1 for a report with no origin."""
    moving = origin >= 0
    pair = np.full(len(target), -1, dtype=np.int32)
    if not moving.any():
        return pair, np.zeros((0, 2), dtype=np.int32)
    found, inverse = np.unique(origin[moving].astype(np.int64) * len(places) + target[moving], return_inverse=True)
    ids = places.index.astype(str)
    pair_places = np.stack([found // len(places), found % len(places)], axis=1).astype(np.int32)
    by_id = np.lexsort((ids[pair_places[:, 1]], ids[pair_places[:, 0]]))
    rank = np.empty_like(by_id)
    rank[by_id] = np.arange(len(by_id))
    pair[moving] = rank[inverse.ravel()]
    return pair, pair_places[by_id]


def _first_of_each(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """A code per value (0, 1, ... in order of first appearance) and the row where each code first occurs."""
    codes, _ = pd.factorize(column)
    found, firsts = np.unique(codes, return_index=True)
    return codes.astype(np.int32), firsts[np.argsort(found)]


def positions(column: pd.Series, index: pd.Index) -> np.ndarray:
    """Position of each value in ``index`` (-1 for a value not in it, such as an empty cell)."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        lookup = np.append(index.get_indexer(column.cat.categories.astype(str)), -1).astype(np.int32)
        return lookup[column.cat.codes.to_numpy()]  # code -1 (missing) picks the appended -1
    return index.get_indexer(column.astype(str)).astype(np.int32)


def _role_codes(column: pd.Series) -> np.ndarray:
    if isinstance(column.dtype, pd.CategoricalDtype) and list(column.cat.categories) == list(ROLES):
        return column.cat.codes.to_numpy(dtype=np.int8)
    return pd.Categorical(column.astype(str), categories=list(ROLES)).codes.astype(np.int8)
