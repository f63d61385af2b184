"""Tests for geo.present: dates in words at their own precision, inferred dates marked."""

from __future__ import annotations

import pytest

from geo.present import format_date, format_period


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019", "2019"),
        ("2019-11", "November 2019"),
        ("2019-01", "January 2019"),
        ("2019-11-04", "4 November 2019"),
        ("2024-06-03", "3 June 2024"),
    ],
)
def test_format_date_at_each_precision(value: str, expected: str) -> None:
    assert format_date(value) == expected


@pytest.mark.parametrize(
    ("start", "end", "basis", "expected"),
    [
        ("2019", "2019", "stated", "2019"),
        ("2017", "2019", "stated", "2017–2019"),
        ("2019-11", "2019-11", "stated", "November 2019"),
        ("2019-11", "2020-02", "stated", "November 2019 – February 2020"),
        ("2016-04-07", "2016-04-07", "stated", "7 April 2016"),
        ("2016-04-07", "2016-04-09", "stated", "7 April 2016 – 9 April 2016"),
        ("2019", "2019", "inferred", "2019 (inferred)"),
        ("2017", "2019", "inferred", "2017–2019 (inferred)"),
        ("2019-11", "2019-11", "inferred", "November 2019 (inferred)"),
        ("2016-04-07", "2016-04-07", "inferred", "7 April 2016 (inferred)"),
    ],
)
def test_format_period(start: str, end: str, basis: str, expected: str) -> None:
    assert format_period(start, end, basis) == expected


def test_format_period_defaults_to_stated() -> None:
    assert format_period("2019-11", "2019-11") == "November 2019"
