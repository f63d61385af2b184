"""Summarise filtered reports per place and per movement, so map cost grows with places."""

from __future__ import annotations

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
    place_ids = reports["place_id"].astype(str)
    counts = place_ids.value_counts()
    role_table = pd.crosstab(place_ids, reports["role"].astype(str)).reindex(columns=list(ROLES), fill_value=0)
    sector_table = sector_matrix.loc[reports.index].groupby(place_ids.to_numpy()).sum()
    spans = reports.groupby(place_ids.to_numpy()).agg(year_min=("year_start", "min"), year_max=("year_end", "max"))

    result = places.loc[counts.index, ["name", "lat", "lon", "country", "admin1", "precision", "radius_km"]].copy()
    result.insert(0, "place_id", counts.index)
    result["reports"] = counts.to_numpy()
    role_table = role_table.loc[counts.index]
    result["role"] = role_table.idxmax(axis=1).to_numpy()
    result["roles"] = [tuple(r for r in ROLES if row[r] > 0) for _, row in role_table.iterrows()]
    sector_table = sector_table.loc[counts.index]
    result["sector"] = sector_table.idxmax(axis=1).to_numpy()
    result["sectors"] = [
        tuple(s for s in row.sort_values(ascending=False, kind="stable").index if row[s] > 0)
        for _, row in sector_table.iterrows()
    ]
    result["year_min"] = spans.loc[counts.index, "year_min"].to_numpy()
    result["year_max"] = spans.loc[counts.index, "year_max"].to_numpy()
    result = result.sort_values(["reports", "name"], ascending=[False, True], kind="stable")
    return result.reset_index(drop=True)[PLACE_COLUMNS]


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
