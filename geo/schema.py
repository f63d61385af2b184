"""The schema of each CSV table, declared with pandera; checks name the fix in their message.

Cells arrive as text. Each check says what a valid cell looks like; the messages are templates
filled with the offending ``{value}`` and the other cells of its row, so a failure reads like
``data/reports.csv:14: date_end: '2010' is before date_start '2020'``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from contextvars import ContextVar

import pandas as pd
import pandera.pandas as pa

from .quotes import SeedIndex
from .vocab import (
    AREA_PRECISIONS,
    DATE_BASES,
    DATE_QUALIFIERS,
    FEE_PERIODS,
    MOVEMENT_BASES,
    PLACE_PRECISIONS,
    PRESENCES,
    ROLES,
    WAGE_PERIODS,
    WORKERS_KINDS,
)

SLUG = r"^[a-z0-9][a-z0-9_-]*$"
PARTIAL_DATE = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
NUMBER = r"^-?[0-9]+(\.[0-9]+)?$"
INTEGER = r"^[0-9]+$"


def _check(test: Callable[[pd.Series], pd.Series], message: str) -> pa.Check:
    """A vectorised check; ``message`` is a template (see module docstring)."""
    return pa.Check(test, error=message, ignore_na=False)


def required() -> pa.Check:
    return _check(lambda s: s.str.strip() != "", "is empty; this column is required")


def matches(pattern: str, message: str, *, optional: bool = False) -> pa.Check:
    re.compile(pattern)  # fail early on a bad pattern

    def test(series: pd.Series) -> pd.Series:
        # fullmatch: "2019\n" is not a date. astype: an empty column (a header-only file) has no bool dtype.
        ok = series.astype("str").str.fullmatch(pattern).fillna(False).astype(bool)
        return ok | (series == "") if optional else ok

    return _check(test, message)


def one_of(allowed: set[str] | tuple[str, ...] | list[str], what: str, *,
           optional: bool = False) -> pa.Check:
    allowed = set(allowed)
    listing = _literal(", ".join(sorted(allowed)) if len(allowed) <= 12 else f"{len(allowed)} known ids")

    def test(series: pd.Series) -> pd.Series:
        ok = series.isin(allowed)
        return ok | (series == "") if optional else ok

    return _check(test, f"{{value}} is not a known {what} (expected one of: {listing})")


def _literal(text: str) -> str:
    """``text`` made safe inside a message template (ids read from the data may hold braces)."""
    return text.replace("{", "{{").replace("}", "}}")


def unique() -> pa.Check:
    return _check(lambda s: ~s.duplicated(keep=False),
                  "{value} is used by more than one row; ids must be unique")


def number_in(low: float, high: float, *, optional: bool = False) -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        values = pd.to_numeric(series.where(series.str.fullmatch(NUMBER), None), errors="coerce")
        ok = values.between(low, high)
        return ok | (series == "") if optional else ok

    need = "" if optional else "required; "
    return _check(test,
                  f"{{value}} is not a number between {low:g} and {high:g} ({need}use a dot for decimals)")


def id_checks() -> tuple[pa.Check, ...]:
    """An id column: present, a slug, unique."""
    return (required(), matches(SLUG, "{value} is not a valid id (lower-case letters, digits, - or _)"), unique())


DATE_MESSAGE = "{value} is not a date like 2019, 2019-11 or 2019-11-24"
PUBLISHED_MESSAGE = ("{value} is not a date like 2019, 2019-11 or 2019-11-24, "
                     "or a range of them like 2019-11-23/2019-12-21")
DAY = r"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"
URL = r"^https?://[^\s]+$"


def real_day() -> pa.Check:
    """A full date must exist in the calendar (no 31 February)."""
    def test(series: pd.Series) -> pd.Series:
        text = series.astype("str")
        days = text.str.len() == 10
        parsed = pd.to_datetime(text.where(days, None), format="%Y-%m-%d", errors="coerce")
        return ~days | parsed.notna()

    return _check(test, "{value} is not a real calendar date")


def column(*checks: pa.Check, required_column: bool = True) -> pa.Column:
    return pa.Column(None, checks=list(checks), nullable=False, required=required_column)


def sources_schema(seed_names: set[str]) -> pa.DataFrameSchema:
    """Schema of ``sources.csv``; ``seed_names`` are the files present in the seeds folder."""
    return pa.DataFrameSchema(
        {
            "id": column(*id_checks()),
            "seed_file": column(required(), one_of(seed_names, "file in the seeds folder")),
            "title": column(required()),
            "publisher": column(required()),
            "author": column(required_column=False),
            "published": column(required(), _published_date(), _published_range_in_order()),
            "published_basis": column(one_of(DATE_BASES, "date basis")),
            "published_note": column(
                _when_inferred("published_basis", "say how the publication date was worked out")),
            "licence": column(required_column=False),
            "notes": column(required_column=False),
            "url": column(
                matches(URL, "{value} is not a web address starting with http:// or https://", optional=True),
                required_column=False),
            "url_checked": column(
                matches(DAY, "{value} is not a full date like 2026-11-30", optional=True), real_day(),
                _checked_when_url(), required_column=False),
        }
    )


def places_schema() -> pa.DataFrameSchema:
    """Schema of ``places.csv``."""
    return pa.DataFrameSchema(
        {
            "id": column(*id_checks()),
            "name": column(required()),
            "aliases": column(required_column=False),
            "admin1": column(required_column=False),
            "country": column(
                matches(r"^[A-Z]{2}$", "{value} is not an ISO 3166-1 alpha-2 country code like CN or KP",
                        optional=True), _country_unless_multinational_region()),
            "lat": column(number_in(-90, 90)),
            "lon": column(number_in(-180, 180)),
            "precision": column(one_of(PLACE_PRECISIONS, "place precision")),
            "radius_km": column(number_in(0.1, 5000, optional=True), _radius_for_areas()),
            "geonames_id": column(
                matches(INTEGER, "{value} is not a GeoNames id (digits only)", optional=True), required_column=False),
            "location_note": column(required_column=False),
        }
    )


def sectors_schema() -> pa.DataFrameSchema:
    """Schema of ``sectors.csv``."""
    return pa.DataFrameSchema(
        {
            "id": column(*id_checks()),
            "label": column(required()),
            "colour": column(matches(r"^#[0-9a-fA-F]{6}$", "{value} is not a colour like #0072B2")),
            "description": column(required_column=False),
            "keywords": column(required_column=False),
        }
    )


def reports_schema(
    *, place_ids: set[str] | None, source_ids: set[str] | None, sector_ids: set[str] | None,
    seed_of_source: dict[str, str], seeds: SeedIndex,
) -> pa.DataFrameSchema:
    """Schema of ``reports.csv``, with the ids it may refer to and the seeds its quotes come from.

    An id set of ``None`` means its table could not be read: references into it are not checked,
    since calling every one of them unknown would bury the table's own problems.
    """
    optional = {"required_column": False}

    def references(ids: set[str] | None, check: Callable[[set[str]], pa.Check]) -> list[pa.Check]:
        return [] if ids is None else [check(ids)]

    return pa.DataFrameSchema(
        {
            "id": column(*id_checks()),
            "place_id": column(*references(place_ids, lambda ids: one_of(ids, "place id (see places.csv)"))),
            "from_place_id": column(
                *references(place_ids, lambda ids: one_of(ids, "place id (see places.csv)", optional=True)),
                _needs_column("from_basis", "say whether each movement is stated or inferred"),
                **optional,
            ),
            "from_basis": column(
                one_of(MOVEMENT_BASES, "movement basis", optional=True), *_basis_with_movement(), **optional),
            "source_id": column(*references(source_ids, lambda ids: one_of(ids, "source id (see sources.csv)"))),
            "role": column(one_of(set(ROLES), "role")),
            "presence": column(one_of(PRESENCES, "presence", optional=True), **optional),
            "date_start": column(matches(PARTIAL_DATE, DATE_MESSAGE), real_day()),
            "date_end": column(
                matches(PARTIAL_DATE, DATE_MESSAGE), real_day(),
                _same_precision(), _not_before_start(),
            ),
            "date_basis": column(one_of(DATE_BASES, "date basis")),
            "date_note": column(_when_inferred("date_basis", "say how the date was inferred"), _when_qualified()),
            "date_qualifier": column(one_of(DATE_QUALIFIERS, "date qualifier", optional=True), **optional),
            "sectors": column(*references(sector_ids, _sector_list)),
            "workers_min": column(
                matches(INTEGER, "{value} is not a whole number", optional=True),
                _needs_column("workers_kind", "say what kind of figure each is", when=_has_figure), **optional),
            "workers_max": column(
                matches(INTEGER, "{value} is not a whole number", optional=True), _not_below("workers_min"),
                **optional),
            "workers_as_stated": column(**optional),
            "workers_kind": column(
                one_of(WORKERS_KINDS, "kind of figure", optional=True), _kind_with_figure(), **optional),
            "wage_min": column(matches(NUMBER, "{value} is not a number", optional=True), **optional),
            "wage_max": column(
                matches(NUMBER, "{value} is not a number", optional=True), _not_below("wage_min"), **optional),
            "wage_currency": column(
                matches(r"^[A-Z]{3}$", "{value} is not an ISO 4217 currency code like CNY or USD", optional=True),
                _currency_with_wage(), **optional),
            "wage_period": column(one_of(WAGE_PERIODS, "wage period", optional=True), **optional),
            "wage_as_stated": column(**optional),
            "fee_min": column(matches(NUMBER, "{value} is not a number", optional=True), **optional),
            "fee_max": column(
                matches(NUMBER, "{value} is not a number", optional=True), _not_below("fee_min"), **optional),
            "fee_currency": column(
                matches(r"^[A-Z]{3}$", "{value} is not an ISO 4217 currency code like CNY or USD", optional=True),
                _currency_with("fee"), **optional),
            "fee_period": column(one_of(FEE_PERIODS, "fee period", optional=True), **optional),
            "fee_as_stated": column(**optional),
            "state_share_min": column(number_in(0, 100, optional=True), **optional),
            "state_share_max": column(
                number_in(0, 100, optional=True), _not_below("state_share_min"), **optional),
            "state_share_as_stated": column(**optional),
            "quote": column(required(), _verbatim(seed_of_source, seeds)),
            "caution": column(**optional),
            "notes": column(**optional),
        }
    )


# Checks that look at other cells of the same row. pandera hands a column check only its column,
# so these read the row's other cells from the frame being validated, set by ``validating``.

CURRENT_FRAME: ContextVar[pd.DataFrame] = ContextVar("CURRENT_FRAME")


def _other(series: pd.Series, column_name: str) -> pd.Series | None:
    """The cells of another column in the same rows, or ``None`` when the file lacks that column.

    A check that needs an absent column passes: a required column's absence is reported on its
    own ("column is missing from the header"), and an optional one may simply be left out.
    """
    frame = CURRENT_FRAME.get()
    return frame.loc[series.index, column_name] if column_name in frame.columns else None


def _passes(series: pd.Series) -> pd.Series:
    return pd.Series(True, index=series.index)


def _when_inferred(basis_column: str, fix: str) -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        basis = _other(series, basis_column)
        if basis is None:
            return _passes(series)
        return ~((basis == "inferred") & (series.str.strip() == ""))

    return _check(test, f"is empty but {basis_column} is 'inferred'; {fix}")


def _radius_for_areas() -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        precision = _other(series, "precision")
        if precision is None:
            return _passes(series)
        return ~(precision.isin(AREA_PRECISIONS) & (series == ""))

    return _check(test, "is empty but precision is {precision!r}; give the area's rough radius in km")


def _same_precision() -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        start = _other(series, "date_start")
        if start is None:
            return _passes(series)
        return series.str.len() == start.str.len()

    return _check(test, "{value} and date_start {date_start!r} must have the same precision "
                        "(both years, months or days)")


def _not_before_start() -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        start = _other(series, "date_start")
        if start is None:
            return _passes(series)
        comparable = series.str.len() == start.str.len()
        return ~comparable | (series >= start)

    return _check(test, "{value} is before date_start {date_start!r}")


def _not_below(low_column: str) -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        low_cells = _other(series, low_column)
        if low_cells is None:
            return _passes(series)
        high = pd.to_numeric(series.where(series.str.fullmatch(NUMBER), None), errors="coerce")
        low = pd.to_numeric(low_cells.where(low_cells.str.fullmatch(NUMBER), None), errors="coerce")
        return ~(high < low).fillna(False).astype(bool)

    return _check(test, f"{{value}} is less than {low_column} {{{low_column}!r}}")


def _currency_with_wage() -> pa.Check:
    return _currency_with("wage")


def _currency_with(prefix: str) -> pa.Check:
    """``{prefix}_currency`` must be given when ``{prefix}_min`` or ``{prefix}_max`` is."""
    def test(series: pd.Series) -> pd.Series:
        # only numbers count as given: a cell that is not a number has a problem of its own
        return ~(_any_given(series, (f"{prefix}_min", f"{prefix}_max"), numbers=True) & (series == ""))

    return _check(test, f"is empty but a {prefix} is given; add its currency (e.g. CNY, USD)")


def _any_given(series: pd.Series, names: tuple[str, ...], *, numbers: bool = False) -> pd.Series:
    """Whether any of the named columns (those the file has) holds a value (a number) in each row."""
    given = pd.Series(False, index=series.index)
    for name in names:
        cells = _other(series, name)
        if cells is not None:
            given |= cells.str.fullmatch(NUMBER).fillna(False).astype(bool) if numbers else cells != ""
    return given


def _has_figure(series: pd.Series) -> pd.Series:
    return _any_given(series, ("workers_min", "workers_max"))


def _needs_column(name: str, fix: str, *, when: Callable[[pd.Series], pd.Series] | None = None) -> pa.Check:
    """Rows that need column ``name`` (by default: rows where this column is set) when the file lacks it."""
    def test(series: pd.Series) -> pd.Series:
        if name in CURRENT_FRAME.get().columns:
            return _passes(series)
        needs = when(series) if when else series != ""
        return ~needs

    return _check(test, f"is given but the file has no {name} column; add it and {fix}")


def _basis_with_movement() -> list[pa.Check]:
    """A movement (``from_place_id``) needs a basis, and a basis needs a movement."""
    def cells(series: pd.Series) -> pd.Series | None:
        return _other(series, "from_place_id")

    def needed(series: pd.Series) -> pd.Series:
        origin = cells(series)
        return _passes(series) if origin is None else ~((origin != "") & (series == ""))

    def spare(series: pd.Series) -> pd.Series:
        origin = cells(series)
        return _passes(series) if origin is None else ~((origin == "") & (series != ""))

    return [
        _check(needed, "is empty but from_place_id is {from_place_id!r}; "
                       "say whether the movement is stated or inferred"),
        _check(spare, "is {value} but from_place_id is empty; a basis describes a movement, "
                      "so leave it empty"),
    ]


def _kind_with_figure() -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        return ~(_has_figure(series) & (series == ""))

    return _check(test, "is empty but a number of workers is given; say what kind of figure it is "
                        f"({', '.join(WORKERS_KINDS)})")


def _when_qualified() -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        qualifier = _other(series, "date_qualifier")
        if qualifier is None:
            return _passes(series)
        return ~(qualifier.isin(DATE_QUALIFIERS) & (series.str.strip() == ""))

    return _check(test, "is empty but date_qualifier is {date_qualifier!r}; say what the dates stand for")


def _checked_when_url() -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        url = _other(series, "url")
        if url is None:
            return _passes(series)
        return ~((url != "") & (series == ""))

    return _check(test, "is empty but url is given; give the date the address was checked (YYYY-MM-DD)")


def _country_unless_multinational_region() -> pa.Check:
    """Only a region may leave ``country`` empty (one that spans several countries, e.g. Southeast Asia)."""
    def test(series: pd.Series) -> pd.Series:
        precision = _other(series, "precision")
        if precision is None:
            return _passes(series)
        return ~((series == "") & (precision != "region"))

    return _check(test, "is empty but precision is {precision!r}; only a region spanning several countries "
                        "may leave country empty")


def _published_date() -> pa.Check:
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

    return _check(test, PUBLISHED_MESSAGE)


def _published_range_in_order() -> pa.Check:
    def in_order(cell: str) -> bool:
        start, _, end = cell.partition("/")
        width = min(len(start), len(end))
        return not end or end[:width] >= start[:width]

    def test(series: pd.Series) -> pd.Series:
        good = {cell for cell in series.astype("str").drop_duplicates() if in_order(cell)}
        return series.isin(good)

    return _check(test, "{value} ends before it starts")


def _sector_list(sector_ids: set[str]) -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        # Check each distinct cell once: a large dataset repeats a few sector combinations.
        distinct = series.drop_duplicates()
        good = {cell for cell in distinct if cell and all(part in sector_ids for part in cell.split(";"))}
        return series.isin(good)

    listing = _literal(", ".join(sorted(sector_ids)))
    return _check(test, f"{{value}} holds an unknown or empty sector; "
                        f"use ids from sectors.csv separated by ';' ({listing})")


def _quote_ok(seeds: SeedIndex, seed: str, quote: str) -> bool:
    return not seed or quote.strip() == "" or seeds.contains(seed, quote)


def _verbatim(seed_of_source: dict[str, str], seeds: SeedIndex) -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        source_ids = _other(series, "source_id")
        if source_ids is None:
            return _passes(series)
        # "" rather than NaN for an unknown source: NaN keys never match in the dict below
        seed_files = source_ids.map(lambda source: seed_of_source.get(source, ""))
        # Look each distinct (seed, quote) pair up once; large datasets repeat them.
        keys = seed_files.astype("str") + "\x00" + series.astype("str")
        good = {
            # an unknown source_id is reported by its own check; its quote cannot be looked up
            key for key in keys.drop_duplicates()
            if _quote_ok(seeds, *key.split("\x00", 1))
        }
        return keys.isin(good)

    return _check(test, "QUOTE_NOT_FOUND")
