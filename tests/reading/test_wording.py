"""Tests for geo.reading.wording: dates in words at their own precision, inferred dates marked."""

from __future__ import annotations

import pytest

from geo.reading.wording import format_date, format_period


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


# --- issue 13: ranges, qualified periods, presence, movement basis, kinds of figures, fees, cautions ---

from geo.reading.wording import (  # noqa: E402
    format_caution,
    format_figures,
    format_movement,
    format_presence,
    format_report_period,
    format_workers_kind,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-11-23/2019-12-21", "23 November 2019 – 21 December 2019"),
        ("2019-11/2019-12", "November–December 2019"),
        ("2012-08-03/2012", "3 August 2012 – 2012"),
    ],
)
def test_format_date_of_a_range(value: str, expected: str) -> None:
    assert format_date(value) == expected


@pytest.mark.parametrize(
    ("start", "end", "basis", "qualifier", "expected"),
    [
        ("2010", "2013", "inferred", "approximate", "about 2010–2013 (inferred)"),
        ("2019-11", "2019-12", "inferred", "uncertain", "some time in November–December 2019 (inferred)"),
        ("2019-11", "2019-12", "stated", "", "November–December 2019"),
        ("2012", "2012", "inferred", "uncertain", "2012 (inferred, uncertain)"),
        ("2012", "2012", "stated", "approximate", "about 2012"),
        ("2019", "2019", "stated", "", "2019"),
    ],
)
def test_format_period_with_a_qualifier(start: str, end: str, basis: str, qualifier: str, expected: str) -> None:
    assert format_period(start, end, basis, qualifier) == expected
    report = {"date_start": start, "date_end": end, "date_basis": basis, "date_qualifier": qualifier}
    assert format_report_period(report) == expected


@pytest.mark.parametrize(
    ("presence", "expected"),
    [("reported", ""), ("", ""), (None, ""), ("few", "Few workers reported"), ("none", "No workers reported"),
     ("sought", "Workers sought (recruitment or demand), none reported present")],
)
def test_format_presence(presence: str | None, expected: str) -> None:
    assert format_presence(presence) == expected


@pytest.mark.parametrize(
    ("basis", "expected"),
    [("stated", "Movement stated in the source"), ("inferred", "Inferred movement: the source implies it"),
     ("", "")],
)
def test_format_movement(basis: str, expected: str) -> None:
    assert format_movement(basis) == expected


@pytest.mark.parametrize(
    ("kind", "expected"),
    [("count", "count"), ("estimate", "estimate"), ("projection", "projection"), ("per_group", "per group"),
     ("", "")],
)
def test_format_workers_kind(kind: str, expected: str) -> None:
    assert format_workers_kind(kind) == expected


def test_format_figures_names_the_kind_of_figure() -> None:
    report = {"workers_min": 120000, "workers_max": 120000, "workers_kind": "projection",
              "workers_as_stated": "120,000 North Korea workers will be allowed"}
    assert format_figures(report) == [("Workers (projection)", "120,000 North Korea workers will be allowed")]
    assert format_figures({"workers_min": 30, "workers_max": 40, "workers_kind": "per_group"}) == [
        ("Workers (per group)", "30–40")]
    assert format_figures({"workers_as_stated": "thousands"}) == [("Workers", "thousands")]


def test_format_figures_shows_a_fee_apart_from_wages() -> None:
    report = {"fee_min": 2500, "fee_max": 2500, "fee_currency": "CNY", "fee_period": "month",
              "fee_as_stated": "about 2,500 yuan (about $325 USD) per person per month"}
    assert format_figures(report) == [(
        "Paid by the employer to the North Korean side",
        "about 2,500 yuan (about $325 USD) per person per month (2,500 CNY a month)",
    )]


def test_format_figures_ends_with_the_caution_unless_shown_apart() -> None:
    report = {"workers_min": 100, "workers_kind": "count", "workers_as_stated": "over 100",
              "caution": "Probably the same women as r039: do not add the two figures."}
    assert format_figures(report) == [
        ("Workers (count)", "over 100"),
        ("Caution", "Probably the same women as r039: do not add the two figures."),
    ]
    assert format_figures(report, caution=False) == [("Workers (count)", "over 100")]
    assert format_caution(report) == "Probably the same women as r039: do not add the two figures."
    assert format_caution({"caution": None}) == "" and format_caution({}) == ""


def test_format_figures_adds_the_recorded_number_when_the_words_do_not_show_it() -> None:
    painters = {"workers_min": 2, "workers_max": 2, "workers_kind": "count",
                "workers_as_stated": "eight painters for months-long stays, then six, and finally only two"}
    assert format_figures(painters) == [
        ("Workers (count)", "eight painters for months-long stays, then six, and finally only two (2)")]
    groups = {"workers_min": 30, "workers_max": 40, "workers_kind": "per_group",
              "workers_as_stated": "groups of 30-40 women"}
    assert format_figures(groups) == [("Workers (per group)", "groups of 30-40 women")]
    estimate = {"workers_min": 100000, "workers_max": 100000, "workers_kind": "estimate",
                "workers_as_stated": "a hundred thousand"}
    assert format_figures(estimate) == [("Workers (estimate)", "a hundred thousand (100,000)")]
