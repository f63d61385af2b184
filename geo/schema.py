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
from .vocab import DATE_BASES, PLACE_PRECISIONS, AREA_PRECISIONS, ROLES, WAGE_PERIODS

SLUG = r"^[a-z0-9][a-z0-9_-]*$"
PARTIAL_DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
NUMBER = r"^-?\d+(\.\d+)?$"
INTEGER = r"^\d+$"


def _check(test: Callable[[pd.Series], pd.Series], message: str) -> pa.Check:
    """A vectorised check; ``message`` is a template (see module docstring)."""
    return pa.Check(test, error=message, ignore_na=False)


def required() -> pa.Check:
    return _check(lambda s: s.str.strip() != "", "is empty; this column is required")


def matches(pattern: str, message: str, *, optional: bool = False) -> pa.Check:
    regex = re.compile(pattern)

    def test(series: pd.Series) -> pd.Series:
        ok = series.map(lambda cell: bool(regex.match(cell)))
        return ok | (series == "") if optional else ok

    return _check(test, message)


def one_of(allowed: set[str] | tuple[str, ...] | list[str], what: str, *, optional: bool = False) -> pa.Check:
    allowed = set(allowed)
    listing = ", ".join(sorted(allowed)) if len(allowed) <= 12 else f"{len(allowed)} known ids"

    def test(series: pd.Series) -> pd.Series:
        ok = series.isin(allowed)
        return ok | (series == "") if optional else ok

    return _check(test, f"{{value}} is not a known {what} (expected one of: {listing})")


def unique() -> pa.Check:
    return _check(lambda s: ~s.duplicated(keep=False), "{value} is used by more than one row; ids must be unique")


def number_in(low: float, high: float, *, optional: bool = False) -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        values = pd.to_numeric(series.where(series.str.match(NUMBER), None), errors="coerce")
        ok = values.between(low, high)
        return ok | (series == "") if optional else ok

    need = "" if optional else "required; "
    return _check(test, f"{{value}} is not a number between {low:g} and {high:g} ({need}use a dot for decimals)")


def column(*checks: pa.Check, required_column: bool = True) -> pa.Column:
    return pa.Column(None, checks=list(checks), nullable=False, required=required_column)


def sources_schema(seed_names: set[str]) -> pa.DataFrameSchema:
    """Schema of ``sources.csv``; ``seed_names`` are the files present in the seeds folder."""
    return pa.DataFrameSchema(
        {
            "id": column(required(), matches(SLUG, "{value} is not a valid id (lower-case letters, digits, - or _)"), unique()),
            "seed_file": column(required(), one_of(seed_names, "file in the seeds folder")),
            "title": column(required()),
            "publisher": column(required()),
            "author": column(required_column=False),
            "published": column(required(), matches(PARTIAL_DATE, "{value} is not a date like 2019, 2019-11 or 2019-11-24")),
            "published_basis": column(one_of(DATE_BASES, "date basis")),
            "published_note": column(_when_inferred("published_basis", "say how the publication date was worked out")),
            "licence": column(required_column=False),
            "notes": column(required_column=False),
        }
    )


def places_schema() -> pa.DataFrameSchema:
    """Schema of ``places.csv``."""
    return pa.DataFrameSchema(
        {
            "id": column(required(), matches(SLUG, "{value} is not a valid id (lower-case letters, digits, - or _)"), unique()),
            "name": column(required()),
            "aliases": column(required_column=False),
            "admin1": column(required_column=False),
            "country": column(matches(r"^[A-Z]{2}$", "{value} is not an ISO 3166-1 alpha-2 country code like CN or KP")),
            "lat": column(number_in(-90, 90)),
            "lon": column(number_in(-180, 180)),
            "precision": column(one_of(PLACE_PRECISIONS, "place precision")),
            "radius_km": column(number_in(0.1, 5000, optional=True), _radius_for_areas()),
            "geonames_id": column(matches(INTEGER, "{value} is not a GeoNames id (digits only)", optional=True), required_column=False),
            "location_note": column(required_column=False),
        }
    )


def sectors_schema() -> pa.DataFrameSchema:
    """Schema of ``sectors.csv``."""
    return pa.DataFrameSchema(
        {
            "id": column(required(), matches(SLUG, "{value} is not a valid id (lower-case letters, digits, - or _)"), unique()),
            "label": column(required()),
            "colour": column(matches(r"^#[0-9a-fA-F]{6}$", "{value} is not a colour like #0072B2")),
            "description": column(required_column=False),
        }
    )


def reports_schema(
    *, place_ids: set[str], source_ids: set[str], sector_ids: set[str],
    seed_of_source: dict[str, str], seeds: SeedIndex,
) -> pa.DataFrameSchema:
    """Schema of ``reports.csv``, with the ids it may refer to and the seeds its quotes come from."""
    optional = {"required_column": False}
    return pa.DataFrameSchema(
        {
            "id": column(required(), matches(SLUG, "{value} is not a valid id (lower-case letters, digits, - or _)"), unique()),
            "place_id": column(one_of(place_ids, "place id (see places.csv)")),
            "from_place_id": column(one_of(place_ids, "place id (see places.csv)", optional=True), **optional),
            "source_id": column(one_of(source_ids, "source id (see sources.csv)")),
            "role": column(one_of(set(ROLES), "role")),
            "date_start": column(matches(PARTIAL_DATE, "{value} is not a date like 2019, 2019-11 or 2019-11-24")),
            "date_end": column(
                matches(PARTIAL_DATE, "{value} is not a date like 2019, 2019-11 or 2019-11-24"),
                _same_precision(), _not_before_start(),
            ),
            "date_basis": column(one_of(DATE_BASES, "date basis")),
            "date_note": column(_when_inferred("date_basis", "say how the date was inferred")),
            "sectors": column(_sector_list(sector_ids)),
            "workers_min": column(matches(INTEGER, "{value} is not a whole number", optional=True), **optional),
            "workers_max": column(matches(INTEGER, "{value} is not a whole number", optional=True), _not_below("workers_min"), **optional),
            "workers_as_stated": column(**optional),
            "wage_min": column(matches(NUMBER, "{value} is not a number", optional=True), **optional),
            "wage_max": column(matches(NUMBER, "{value} is not a number", optional=True), _not_below("wage_min"), **optional),
            "wage_currency": column(matches(r"^[A-Z]{3}$", "{value} is not an ISO 4217 currency code like CNY or USD", optional=True), _currency_with_wage(), **optional),
            "wage_period": column(one_of(WAGE_PERIODS, "wage period", optional=True), **optional),
            "wage_as_stated": column(**optional),
            "state_share_min": column(number_in(0, 100, optional=True), **optional),
            "state_share_max": column(number_in(0, 100, optional=True), _not_below("state_share_min"), **optional),
            "state_share_as_stated": column(**optional),
            "quote": column(required(), _verbatim(seed_of_source, seeds)),
            "notes": column(**optional),
        }
    )


# Checks that look at other cells of the same row. pandera hands a column check only its column,
# so these read the row's other cells from the frame being validated, set by ``validating``.

CURRENT_FRAME: ContextVar[pd.DataFrame] = ContextVar("CURRENT_FRAME")


def _row_frame(series: pd.Series) -> pd.DataFrame:
    return CURRENT_FRAME.get().loc[series.index]


def _when_inferred(basis_column: str, fix: str) -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        frame = _row_frame(series)
        return ~((frame[basis_column] == "inferred") & (series.str.strip() == ""))

    return _check(test, f"is empty but {basis_column} is 'inferred'; {fix}")


def _radius_for_areas() -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        frame = _row_frame(series)
        return ~(frame["precision"].isin(AREA_PRECISIONS) & (series == ""))

    return _check(test, "is empty but precision is {precision!r}; give the area's rough radius in km")


def _same_precision() -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        return series.str.len() == _row_frame(series)["date_start"].str.len()

    return _check(test, "{value} and date_start {date_start!r} must have the same precision (both years, months or days)")


def _not_before_start() -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        start = _row_frame(series)["date_start"]
        comparable = series.str.len() == start.str.len()
        return ~comparable | (series >= start)

    return _check(test, "{value} is before date_start {date_start!r}")


def _not_below(low_column: str) -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        frame = _row_frame(series)
        high = pd.to_numeric(series.where(series.str.match(NUMBER), None), errors="coerce")
        low = pd.to_numeric(frame[low_column].where(frame[low_column].str.match(NUMBER), None), errors="coerce")
        return ~(high < low).fillna(False).astype(bool)

    return _check(test, f"{{value}} is less than {low_column} {{{low_column}!r}}")


def _currency_with_wage() -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        frame = _row_frame(series)
        has_wage = (frame["wage_min"] != "") | (frame["wage_max"] != "")
        return ~(has_wage & (series == ""))

    return _check(test, "is empty but a wage is given; add its currency (e.g. CNY, USD)")


def _sector_list(sector_ids: set[str]) -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        return series.map(lambda cell: bool(cell) and all(part in sector_ids for part in cell.split(";")))

    listing = ", ".join(sorted(sector_ids))
    return _check(test, f"{{value}} holds an unknown or empty sector; use ids from sectors.csv separated by ';' ({listing})")


def _verbatim(seed_of_source: dict[str, str], seeds: SeedIndex) -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        frame = _row_frame(series)
        seed_files = frame["source_id"].map(seed_of_source)
        pairs = pd.DataFrame({"seed": seed_files, "quote": series})
        unique_pairs = pairs.drop_duplicates()
        found = {
            (seed, quote): (isinstance(seed, str) and seeds.contains(seed, quote)) or quote.strip() == ""
            for seed, quote in unique_pairs.itertuples(index=False)
        }
        return pd.Series([found[(s, q)] for s, q in pairs.itertuples(index=False)], index=series.index)

    return _check(test, "QUOTE_NOT_FOUND")
