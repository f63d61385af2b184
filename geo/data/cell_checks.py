"""Checks of one cell each, for the pandera schemas: a message template names the fix.

Cells arrive as text. A message is filled with the offending ``{value}`` and the row's other cells.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd
import pandera.pandas as pa

SLUG = r"^[a-z0-9][a-z0-9_-]*$"
PARTIAL_DATE = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
NUMBER = r"^-?[0-9]+(\.[0-9]+)?$"
INTEGER = r"^[0-9]+$"
MOST_WORKERS = 100_000_000
"""Larger than any figure a source could give; beyond it a number is a typing error (and would
overflow the 64-bit integer column)."""
MOST_WAGE = 1_000_000_000
"""Larger than any wage in any currency a source could give."""


def check(test: Callable[[pd.Series], pd.Series], message: str) -> pa.Check:
    """A vectorised check; ``message`` is a template (see module docstring)."""
    return pa.Check(test, error=message, ignore_na=False)


def required() -> pa.Check:
    return check(lambda s: s.str.strip() != "", "is empty; this column is required")


def matches(pattern: str, message: str, *, optional: bool = False) -> pa.Check:
    re.compile(pattern)  # fail early on a bad pattern

    def test(series: pd.Series) -> pd.Series:
        # fullmatch: "2019\n" is not a date. astype: an empty column (a header-only file) has no bool dtype.
        ok = series.astype("str").str.fullmatch(pattern).fillna(False).astype(bool)
        return ok | (series == "") if optional else ok

    return check(test, message)


def one_of(allowed: set[str] | tuple[str, ...] | list[str], what: str, *,
           optional: bool = False) -> pa.Check:
    allowed = set(allowed)
    listing = literal(", ".join(sorted(allowed)) if len(allowed) <= 12 else f"{len(allowed)} known ids")

    def test(series: pd.Series) -> pd.Series:
        ok = series.isin(allowed)
        return ok | (series == "") if optional else ok

    return check(test, f"{{value}} is not a known {what} (expected one of: {listing})")


def literal(text: str) -> str:
    """``text`` made safe inside a message template (ids read from the data may hold braces)."""
    return text.replace("{", "{{").replace("}", "}}")


def unique() -> pa.Check:
    return check(lambda s: ~s.duplicated(keep=False),
                  "{value} is used by more than one row; ids must be unique")


def number_in(low: float, high: float, *, optional: bool = False) -> pa.Check:
    def test(series: pd.Series) -> pd.Series:
        values = pd.to_numeric(series.where(series.str.fullmatch(NUMBER), None), errors="coerce")
        ok = values.between(low, high)
        return ok | (series == "") if optional else ok

    need = "" if optional else "required; "
    return check(test,
                  f"{{value}} is not a number between {_plain(low)} and {_plain(high)} "
                  f"({need}use a dot for decimals)")


def _plain(number: float) -> str:
    """A bound as people write it: 100,000,000 rather than 1e+08."""
    return f"{int(number):,}" if float(number).is_integer() else f"{number:g}"


def whole_number() -> pa.Check:
    """An optional count of workers: digits only, at most ``MOST_WORKERS``."""
    def test(series: pd.Series) -> pd.Series:
        digits = series.str.fullmatch(INTEGER)
        # Compare as text: a 30-digit number must not be turned into a number to find it too large.
        small = series.str.len() <= len(str(MOST_WORKERS))
        values = pd.to_numeric(series.where(digits & small, None), errors="coerce")
        return (series == "") | (values <= MOST_WORKERS)

    return check(test, f"{{value}} is not a whole number from 0 to {MOST_WORKERS:,}")


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

    return check(test, "{value} is not a real calendar date")


def column(*checks: pa.Check, required_column: bool = True) -> pa.Column:
    return pa.Column(None, checks=list(checks), nullable=False, required=required_column)
