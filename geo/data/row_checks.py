"""Checks that read other cells of the same row (dates in order, a currency with a wage, a basis
with a movement, a quote in its seed), for the pandera schemas."""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar

import numpy as np
import pandas as pd
import pandera.pandas as pa

from ..vocab import AREA_PRECISIONS, DATE_QUALIFIERS, WORKERS_KINDS
from .cell_checks import NUMBER, PARTIAL_DATE, PUBLISHED_MESSAGE, check, literal
from .quotes import SeedIndex

# Checks that look at other cells of the same row. pandera hands a column check only its column,
# so these read the row's other cells from the frame being validated, set by ``validating``.

CURRENT_FRAME: ContextVar[pd.DataFrame] = ContextVar("CURRENT_FRAME")


def other_cells(series: pd.Series, column_name: str) -> pd.Series | None:
    """The cells of another column in the same rows, or ``None`` when the file lacks that column.

    A check that needs an absent column passes: a required column's absence is reported on its
    own ("column is missing from the header"), and an optional one may simply be left out.
    """
    frame = CURRENT_FRAME.get()
    return frame.loc[series.index, column_name] if column_name in frame.columns else None


def passes(series: pd.Series) -> pd.Series:
    return pd.Series(True, index=series.index)


def when_inferred(basis_column: str, fix: str) -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        basis = other_cells(series, basis_column)
        if basis is None:
            return passes(series)
        return ~((basis == "inferred") & (series.str.strip() == ""))

    return check(test, f"is empty but {basis_column} is 'inferred'; {fix}")


def radius_for_areas() -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        precision = other_cells(series, "precision")
        if precision is None:
            return passes(series)
        return ~(precision.isin(AREA_PRECISIONS) & (series == ""))

    return check(test, "is empty but precision is {precision!r}; give the area's rough radius in km")


def same_precision() -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        start = other_cells(series, "date_start")
        if start is None:
            return passes(series)
        return series.str.len() == start.str.len()

    return check(test, "{value} and date_start {date_start!r} must have the same precision "
                        "(both years, months or days)")


def not_before_start() -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        start = other_cells(series, "date_start")
        if start is None:
            return passes(series)
        comparable = series.str.len() == start.str.len()
        return ~comparable | (series >= start)

    return check(test, "{value} is before date_start {date_start!r}")


def not_below(low_column: str) -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        low_cells = other_cells(series, low_column)
        if low_cells is None:
            return passes(series)
        high = pd.to_numeric(series.where(series.str.fullmatch(NUMBER), None), errors="coerce")
        low = pd.to_numeric(low_cells.where(low_cells.str.fullmatch(NUMBER), None), errors="coerce")
        return ~(high < low).fillna(False).astype(bool)

    return check(test, f"{{value}} is less than {low_column} {{{low_column}!r}}")


def currency_with_wage() -> pa.Check:
    return currency_with("wage")


def currency_with(prefix: str) -> pa.Check:
    """``{prefix}_currency`` must be given when ``{prefix}_min`` or ``{prefix}_max`` is."""
    def test(series: pd.Series) -> pd.Series:
        # only numbers count as given: a cell that is not a number has a problem of its own
        return ~(_any_given(series, (f"{prefix}_min", f"{prefix}_max"), numbers=True) & (series == ""))

    return check(test, f"is empty but a {prefix} is given; add its currency (e.g. CNY, USD)")


def _any_given(series: pd.Series, names: tuple[str, ...], *, numbers: bool = False) -> pd.Series:
    """Whether any of the named columns (those the file has) holds a value (a number) in each row."""
    given = pd.Series(False, index=series.index)
    for name in names:
        cells = other_cells(series, name)
        if cells is not None:
            given |= cells.str.fullmatch(NUMBER).fillna(False).astype(bool) if numbers else cells != ""
    return given


def has_figure(series: pd.Series) -> pd.Series:
    return _any_given(series, ("workers_min", "workers_max"))


def needs_column(name: str, fix: str, *, when: Callable[[pd.Series], pd.Series] | None = None) -> pa.Check:
    """Rows that need column ``name`` (by default: rows where this column is set) when the file lacks it."""
    def test(series: pd.Series) -> pd.Series:
        if name in CURRENT_FRAME.get().columns:
            return passes(series)
        needs = when(series) if when else series != ""
        return ~needs

    return check(test, f"is given but the file has no {name} column; add it and {fix}")


def basis_with_movement() -> list[pa.Check]:
    """A movement (``from_place_id``) needs a basis, and a basis needs a movement."""
    def cells(series: pd.Series) -> pd.Series | None:
        return other_cells(series, "from_place_id")

    def needed(series: pd.Series) -> pd.Series:
        origin = cells(series)
        return passes(series) if origin is None else ~((origin != "") & (series == ""))

    def spare(series: pd.Series) -> pd.Series:
        origin = cells(series)
        return passes(series) if origin is None else ~((origin == "") & (series != ""))

    return [
        check(needed, "is empty but from_place_id is {from_place_id!r}; "
                       "say whether the movement is stated or inferred"),
        check(spare, "is {value} but from_place_id is empty; a basis describes a movement, "
                      "so leave it empty"),
    ]


def kind_with_figure() -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        return ~(has_figure(series) & (series == ""))

    return check(test, "is empty but a number of workers is given; say what kind of figure it is "
                        f"({', '.join(WORKERS_KINDS)})")


def when_qualified() -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        qualifier = other_cells(series, "date_qualifier")
        if qualifier is None:
            return passes(series)
        return ~(qualifier.isin(DATE_QUALIFIERS) & (series.str.strip() == ""))

    return check(test, "is empty but date_qualifier is {date_qualifier!r}; say what the dates stand for")


def checked_when_url() -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        url = other_cells(series, "url")
        if url is None:
            return passes(series)
        return ~((url != "") & (series == ""))

    return check(test, "is empty but url is given; give the date the address was checked (YYYY-MM-DD)")


def country_unless_multinational_region() -> pa.Check:
    """Only a region may leave ``country`` empty (one that spans several countries, e.g. Southeast Asia)."""
    def test(series: pd.Series) -> pd.Series:
        precision = other_cells(series, "precision")
        if precision is None:
            return passes(series)
        return ~((series == "") & (precision != "region"))

    return check(test, "is empty but precision is {precision!r}; only a region spanning several countries "
                        "may leave country empty")


def published_date() -> pa.Check:
    """A partial ISO date, or two of them as a range ``START/END``; every full date must exist."""
    def valid(cell: str) -> bool:
        parts = cell.split("/")
        if len(parts) > 2 or not all(re.fullmatch(PARTIAL_DATE, part) for part in parts):
            return False
        days = [part for part in parts if len(part) == 10]
        return pd.to_datetime(pd.Series(days, dtype="str"), format="%Y-%m-%d", errors="coerce").notna().all()

    def test(series: pd.Series) -> pd.Series:
        good = {cell for cell in series.astype("str").drop_duplicates() if valid(cell)}
        return series.isin(good)

    return check(test, PUBLISHED_MESSAGE)


def published_range_in_order() -> pa.Check:
    def in_order(cell: str) -> bool:
        start, _, end = cell.partition("/")
        width = min(len(start), len(end))
        return not end or end[:width] >= start[:width]

    def test(series: pd.Series) -> pd.Series:
        good = {cell for cell in series.astype("str").drop_duplicates() if in_order(cell)}
        return series.isin(good)

    return check(test, "{value} ends before it starts")


def sector_list(sector_ids: set[str]) -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        # Check each distinct cell once: a large dataset repeats a few sector combinations.
        distinct = series.drop_duplicates()
        good = {cell for cell in distinct if cell and all(part in sector_ids for part in cell.split(";"))}
        return series.isin(good)

    listing = literal(", ".join(sorted(sector_ids)))
    return check(test, f"{{value}} holds an unknown or empty sector; "
                        f"use ids from sectors.csv separated by ';' ({listing})")


def _quote_ok(seeds: SeedIndex, seed: str, quote: str) -> bool:
    return not seed or quote.strip() == "" or seeds.contains(seed, quote)


def verbatim(seed_of_source: dict[str, str], seeds: SeedIndex) -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        source_ids = other_cells(series, "source_id")
        if source_ids is None:
            return passes(series)
        # Look each distinct (source, quote) pair up once; large datasets repeat them. Pairs are
        # numbered by the codes of their source and quote, so no text is made per row (at 500,000
        # reports, joined text keys cost 130 MB).
        quote_codes, quotes = pd.factorize(series.astype("str"))
        source_codes, sources = pd.factorize(source_ids.astype("str"))
        # "" for an unknown source: its own check reports it, and its quote cannot be looked up
        seed_files = [seed_of_source.get(source, "") for source in sources]
        seeds.locate(quotes)
        pairs = source_codes.astype(np.int64) * len(quotes) + quote_codes
        distinct = np.unique(pairs)
        good = [pair for pair in distinct.tolist()
                if _quote_ok(seeds, seed_files[pair // len(quotes)], quotes[pair % len(quotes)])]
        return pd.Series(np.isin(pairs, good), index=series.index)

    return check(test, "QUOTE_NOT_FOUND")
