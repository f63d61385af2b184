"""Summarise filtered reports per place and per movement, so map cost grows with places.

The dashboard works on :class:`ReportCodes`, the reports as numpy arrays of integer codes built
once per dataset, and on row positions: a filter step never copies the reports table.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data.codes import PRESENCE_ORDER, ReportCodes
from ..vocab import ROLES

PLACE_COLUMNS = [
    "place_id", "name", "lat", "lon", "country", "admin1", "precision", "radius_km",
    "reports", "role", "roles", "sector", "sectors", "year_min", "year_max", "presence",
]
FLOW_COLUMNS = [
    "from_place_id", "to_place_id", "from_name", "to_name", "from_lat", "from_lon", "to_lat", "to_lon", "reports",
    "basis", "stated_reports",
]
_ROLE_SETS = [tuple(role for bit, role in enumerate(ROLES) if mask >> bit & 1) for mask in range(2 ** len(ROLES))]


def places_of(codes: ReportCodes, rows: np.ndarray | None, places: pd.DataFrame) -> pd.DataFrame:
    """One row per place that has at least one of the reports at positions ``rows`` (all when ``None``).

    Parameters
    ----------
    codes
        ``Dataset.codes``: the reports as integer codes.
    rows
        Positions in ``Dataset.reports`` of the filtered reports, or ``None`` for all.
    places
        ``Dataset.places``.

    Returns
    -------
    pandas.DataFrame
        Columns ``PLACE_COLUMNS``: ``reports`` is the count; ``role`` the most frequent role
        (ties go to the first in ``ROLES``), ``roles`` every role present in ``ROLES`` order;
        ``sector`` the most frequent sector (ties go to the first in ``sectors.csv``),
        ``sectors`` every sector present, most frequent first; ``year_min``/``year_max`` the
        span the reports cover; ``presence`` is ``reported`` when any report puts workers there,
        else ``few`` when one says few, else ``none`` (every report there says few or none: draw
        it so, and don't count it as a presence). Sorted by descending count, then name.
    """
    take = (lambda values: values) if rows is None else (lambda values: values[rows])
    place_codes = take(codes.place)
    if len(place_codes) == 0:
        return pd.DataFrame(columns=PLACE_COLUMNS)
    # Integer codes and bincount: one pass over the reports plus one row per place, no per-group Python.
    n = len(places)
    counts = np.bincount(place_codes, minlength=n)
    present = np.flatnonzero(counts)
    role_counts = np.bincount(place_codes * len(ROLES) + take(codes.role), minlength=n * len(ROLES))
    role_counts = role_counts.reshape(n, len(ROLES))[present]
    # Reports per (place, set of sectors), then per sector: a report counts once for each of its sectors.
    combos = len(codes.combo_sectors)
    per_combo = np.bincount(place_codes * combos + take(codes.combo), minlength=n * combos).reshape(n, combos)
    sector_counts = per_combo[present] @ codes.combo_sectors.astype(np.int64)
    year_min = _per_group_extreme(place_codes, take(codes.year_start), n, first=True)[present]
    year_max = _per_group_extreme(place_codes, take(codes.year_end), n, first=False)[present]
    presence = _per_group_extreme(place_codes, take(codes.presence).astype(np.int32), n, first=True)[present]

    # Most reports first, then by name.
    order = np.lexsort((codes.name_rank[present], -counts[present]))
    present, role_counts, sector_counts = present[order], role_counts[order], sector_counts[order]
    result = places.iloc[present][["name", "lat", "lon", "country", "admin1", "precision", "radius_km"]]
    result = result.reset_index(drop=True)
    result.insert(0, "place_id", places.index[present].astype(str))
    result["reports"] = counts[present]
    role_names = np.array(list(ROLES), dtype=object)
    # argmax picks the first maximum, so ties go to the earlier role in ROLES.
    result["role"] = role_names[role_counts.argmax(axis=1)]
    role_masks = (role_counts > 0) @ (1 << np.arange(len(ROLES)))
    result["roles"] = [_ROLE_SETS[mask] for mask in role_masks.tolist()]
    sector_names = np.array(codes.sector_names, dtype=object)
    result["sector"] = sector_names[sector_counts.argmax(axis=1)] if len(sector_names) else ""
    ranked = np.argsort(-sector_counts, axis=1, kind="stable")
    named = sector_names[ranked].tolist() if len(sector_names) else [[] for _ in present]
    result["sectors"] = [tuple(row[:k]) for row, k in zip(named, (sector_counts > 0).sum(axis=1).tolist(),
                                                           strict=True)]
    result["year_min"] = year_min[order]
    result["year_max"] = year_max[order]
    result["presence"] = np.array(PRESENCE_ORDER, dtype=object)[presence[order]]
    return result[PLACE_COLUMNS]


def _per_group_extreme(groups: np.ndarray, years: np.ndarray, n: int, *, first: bool) -> np.ndarray:
    """The smallest (``first``) or largest year in each of ``n`` groups (0 for an empty group).

    Years span a few decades, so one bincount over a (group, year) grid replaces a slow
    ``ufunc.at`` loop.
    """
    low = int(years.min())
    width = int(years.max()) - low + 1
    seen = np.bincount(groups * width + (years - low), minlength=n * width).reshape(n, width) > 0
    if first:
        return np.where(seen.any(axis=1), low + seen.argmax(axis=1), 0)
    return np.where(seen.any(axis=1), low + width - 1 - seen[:, ::-1].argmax(axis=1), 0)


def flows_of(codes: ReportCodes, rows: np.ndarray | None, places: pd.DataFrame) -> pd.DataFrame:
    """One row per (from, to) movement the reports at positions ``rows`` (all when ``None``) describe,
    with its report count.

    Returns
    -------
    pandas.DataFrame
        Columns ``FLOW_COLUMNS``, sorted by origin then destination id. ``basis`` is ``stated``
        when any of the movement's reports states it, else ``inferred`` (draw it distinctly; hide
        such rows to show stated movements only); ``stated_reports`` counts the stating reports.
    """
    if rows is None:
        return _count_flows(codes.pair, codes.pair_places, places, codes.inferred)
    return _count_flows(codes.pair[rows], codes.pair_places, places, codes.inferred[rows])


def _count_flows(pair: np.ndarray, pair_places: np.ndarray, places: pd.DataFrame,
                 inferred: np.ndarray) -> pd.DataFrame:
    counts = np.bincount(pair[pair >= 0], minlength=len(pair_places))
    stated = np.bincount(pair[(pair >= 0) & ~inferred], minlength=len(pair_places))
    found = np.flatnonzero(counts)
    if not len(found):
        return pd.DataFrame(columns=FLOW_COLUMNS)
    pairs, counts, stated = pair_places[found], counts[found], stated[found]
    start, end = places.iloc[pairs[:, 0]], places.iloc[pairs[:, 1]]
    return pd.DataFrame({
        "from_place_id": start.index.astype(str), "to_place_id": end.index.astype(str),
        "from_name": start["name"].to_numpy(), "to_name": end["name"].to_numpy(),
        "from_lat": start["lat"].to_numpy(), "from_lon": start["lon"].to_numpy(),
        "to_lat": end["lat"].to_numpy(), "to_lon": end["lon"].to_numpy(), "reports": counts,
        "basis": np.where(stated > 0, "stated", "inferred").astype(object), "stated_reports": stated,
    }, columns=FLOW_COLUMNS)


def summary_line(reports: int, places_shown: int, years: tuple[int, int] | None, *, few_or_none: int = 0) -> str:
    """The line above the map, e.g. ``14 reports at 9 places (1 with few or no workers) · 2017–2019``;
    ``few_or_none`` of the ``places_shown`` report few or no workers, ``years`` is the span shown.

    With a places table from :func:`places_of`, that is ``(places["presence"] != "reported").sum()``.
    The line names no count of sectors: beside a sector filter it read as the sectors picked.
    """
    if reports == 0:
        return "No reports match these filters"
    first, last = years
    span = str(first) if first == last else f"{first}–{last}"
    apart = f" ({few_or_none} with few or no workers)" if few_or_none else ""
    return (f"{reports} report{'s' if reports != 1 else ''} at {places_shown} place{'s' if places_shown != 1 else ''}"
            f"{apart} · {span}")


def first_per_group(groups: np.ndarray, k: int) -> np.ndarray:
    """Indices of the first ``k`` entries of each group, in their original order.

    With reports in newest-first order and ``groups`` their place codes, these are the newest
    ``k`` reports at each place: one stable sort, no per-group Python.
    """
    return np.flatnonzero(order_in_group(groups) < k)


def order_in_group(groups: np.ndarray) -> np.ndarray:
    """Each entry's place among the entries of its group, in their original order (0 for the first).

    With reports in newest-first order and ``groups`` their place codes, 0 is a place's newest
    report, 1 the one before it, and so on.
    """
    # A stable sort of small integers is a radix sort in numpy: linear in the number of rows.
    small = groups.astype(np.int16) if len(groups) and 0 <= groups.min() and groups.max() < 2**15 else groups
    order = np.argsort(small, kind="stable")
    ordered = groups[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]]) if len(ordered) else np.array([], dtype=int)
    sizes = np.diff(np.r_[starts, len(ordered)])
    rank = np.empty(len(ordered), dtype=np.int64)
    rank[order] = np.arange(len(ordered)) - np.repeat(starts, sizes)
    return rank
