"""Summarise filtered reports per place and per movement, so map cost grows with places."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .vocab import ROLES

PLACE_COLUMNS = [
    "place_id", "name", "lat", "lon", "country", "admin1", "precision", "radius_km",
    "reports", "role", "roles", "sector", "sectors", "year_min", "year_max",
]


def aggregate_places(
    reports: pd.DataFrame, places: pd.DataFrame, sector_matrix: pd.DataFrame
) -> pd.DataFrame:
    """One row per place that has at least one of ``reports``.

    Parameters
    ----------
    reports
        Filtered reports (a subset of ``Dataset.reports``, original index kept).
    places
        ``Dataset.places``.
    sector_matrix
        ``Dataset.sector_matrix`` (rows are looked up by the reports' index).

    Returns
    -------
    pandas.DataFrame
        Columns ``PLACE_COLUMNS``: ``reports`` is the count; ``role`` the most frequent role
        (ties go to the first in ``ROLES``), ``roles`` every role present in ``ROLES`` order;
        ``sector`` the most frequent sector (ties go to the first in ``sectors.csv``),
        ``sectors`` every sector present, most frequent first; ``year_min``/``year_max`` the
        span the reports cover. Sorted by descending count, then name.
    """
    if reports.empty:
        return pd.DataFrame(columns=PLACE_COLUMNS)
    # Work on integer codes with bincount: the cost is one pass over the reports plus one row
    # per place, with no per-group Python.
    place_codes = _codes(reports["place_id"])
    categories = _categories(reports["place_id"])
    n = len(categories)
    counts = np.bincount(place_codes, minlength=n)
    role_codes = pd.Categorical(reports["role"].astype(str), categories=list(ROLES)).codes
    role_counts = np.bincount(place_codes * len(ROLES) + role_codes, minlength=n * len(ROLES)).reshape(n, len(ROLES))
    matrix = sector_matrix.loc[reports.index].to_numpy()
    sector_counts = np.stack(
        [np.bincount(place_codes, weights=matrix[:, j], minlength=n) for j in range(matrix.shape[1])], axis=1
    ) if matrix.shape[1] else np.zeros((n, 0))
    year_min = np.full(n, np.iinfo(np.int32).max)
    year_max = np.full(n, np.iinfo(np.int32).min)
    np.minimum.at(year_min, place_codes, reports["year_start"].to_numpy(dtype=np.int32))
    np.maximum.at(year_max, place_codes, reports["year_end"].to_numpy(dtype=np.int32))

    present = np.flatnonzero(counts)
    ids = np.asarray(categories, dtype=object)[present]
    result = places.loc[ids, ["name", "lat", "lon", "country", "admin1", "precision", "radius_km"]].copy()
    result.insert(0, "place_id", ids)
    result["reports"] = counts[present]
    role_names = np.array(list(ROLES), dtype=object)
    role_counts = role_counts[present]
    # argmax picks the first maximum, so ties go to the earlier role in ROLES.
    result["role"] = role_names[role_counts.argmax(axis=1)]
    result["roles"] = [tuple(role_names[row > 0]) for row in role_counts]
    sector_names = np.array(list(sector_matrix.columns), dtype=object)
    sector_counts = sector_counts[present]
    result["sector"] = sector_names[sector_counts.argmax(axis=1)]
    order = np.argsort(-sector_counts, axis=1, kind="stable")
    result["sectors"] = [
        tuple(sector_names[index] for index in row_order if row[index] > 0)
        for row, row_order in zip(sector_counts, order, strict=True)
    ]
    result["year_min"] = year_min[present]
    result["year_max"] = year_max[present]
    result = result.sort_values(["reports", "name"], ascending=[False, True], kind="stable")
    return result.reset_index(drop=True)[PLACE_COLUMNS]


def _codes(column: pd.Series) -> np.ndarray:
    """Integer codes of a categorical (or any) column, for bincount."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        return column.cat.codes.to_numpy(dtype=np.int64)
    return pd.Categorical(column.astype(str)).codes.astype(np.int64)


def _categories(column: pd.Series) -> list[str]:
    if isinstance(column.dtype, pd.CategoricalDtype):
        return [str(c) for c in column.cat.categories]
    return [str(c) for c in pd.Categorical(column.astype(str)).categories]


def aggregate_flows(reports: pd.DataFrame, places: pd.DataFrame) -> pd.DataFrame:
    """One row per (from, to) movement the reports describe, with its report count.

    Returns
    -------
    pandas.DataFrame
        Columns ``from_place_id, to_place_id, from_name, to_name, from_lat, from_lon, to_lat,
        to_lon, reports``.
    """
    columns = ["from_place_id", "to_place_id", "from_name", "to_name", "from_lat", "from_lon",
               "to_lat", "to_lon", "reports"]
    moving = reports[reports["from_place_id"].astype(str) != ""]
    if moving.empty:
        return pd.DataFrame(columns=columns)
    pairs = (
        pd.DataFrame({"from_place_id": moving["from_place_id"].astype(str),
                      "to_place_id": moving["place_id"].astype(str)})
        .value_counts().rename("reports").reset_index()
    )
    origin = places.loc[pairs["from_place_id"], ["name", "lat", "lon"]].to_numpy()
    target = places.loc[pairs["to_place_id"], ["name", "lat", "lon"]].to_numpy()
    pairs["from_name"], pairs["from_lat"], pairs["from_lon"] = origin[:, 0], origin[:, 1], origin[:, 2]
    pairs["to_name"], pairs["to_lat"], pairs["to_lon"] = target[:, 0], target[:, 1], target[:, 2]
    return pairs.sort_values(["from_place_id", "to_place_id"]).reset_index(drop=True)[columns]


def summary(reports: pd.DataFrame, places_shown: int, *, years: tuple[int, int] | None = None) -> str:
    """The line above the map, e.g. ``14 reports at 9 places · 2017–2019 · 2 sectors``.

    ``years`` is the selected range; without it the span the reports cover is shown.
    """
    if reports.empty:
        return "No reports match these filters"
    n = len(reports)
    first, last = years or (int(reports["year_start"].min()), int(reports["year_end"].max()))
    span = str(first) if first == last else f"{first}–{last}"
    sectors = {s for ids in reports["sector_ids"] for s in ids}
    return (f"{n} report{'s' if n != 1 else ''} at {places_shown} place{'s' if places_shown != 1 else ''}"
            f" · {span} · {len(sectors)} sector{'s' if len(sectors) != 1 else ''}")
