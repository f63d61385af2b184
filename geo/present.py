"""How a report reads to a person: dates at their precision, figures as stated, citations."""

from __future__ import annotations

import calendar

import pandas as pd


def format_date(value: str) -> str:
    """A partial ISO date in words at its own precision: ``2019``, ``November 2019``, ``24 November 2019``."""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = calendar.month_name[int(parts[1])]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def format_period(date_start: str, date_end: str, date_basis: str = "stated") -> str:
    """A report's period, e.g. ``2017–2019``, ``November 2019``, ``April 2016 (inferred)``."""
    text = format_date(date_start) if date_start == date_end else f"{format_date(date_start)} – {format_date(date_end)}"
    if len(date_start) == 4 and date_start != date_end:
        text = f"{date_start}–{date_end}"
    return f"{text} (inferred)" if date_basis == "inferred" else text


def _number(value: object) -> str:
    if value is None or pd.isna(value):
        return ""
    number = float(value)
    return f"{number:,.0f}" if number.is_integer() else f"{number:,.2f}"


def _range(low: object, high: object) -> str:
    low_text, high_text = _number(low), _number(high)
    if low_text and high_text and low_text != high_text:
        return f"{low_text}–{high_text}"
    return low_text or high_text


def format_figures(report: pd.Series | dict) -> list[tuple[str, str]]:
    """The figures a report gives, as (label, text) pairs, in the source's words where recorded."""
    figures = []
    workers = report.get("workers_as_stated") or _range(report.get("workers_min"), report.get("workers_max"))
    if workers:
        figures.append(("Workers", str(workers)))
    wage = _range(report.get("wage_min"), report.get("wage_max"))
    if wage or report.get("wage_as_stated"):
        structured = " ".join(x for x in (wage, report.get("wage_currency") or "") if x)
        if report.get("wage_period"):
            structured += f" a {report['wage_period']}"
        stated = report.get("wage_as_stated") or ""
        figures.append(("Wage", f"{stated} ({structured})" if stated and structured else stated or structured))
    share = _range(report.get("state_share_min"), report.get("state_share_max"))
    if share or report.get("state_share_as_stated"):
        stated = report.get("state_share_as_stated") or ""
        text = f"{share}%" if share else ""
        figures.append(("Taken by the state", f"{stated} ({text})" if stated and text else stated or text))
    return figures


def format_citation(report: pd.Series | dict) -> str:
    """``Publisher, “Title”, date`` for a report's source."""
    published = format_date(str(report.get("published") or ""))
    return f"{report.get('publisher')}, “{report.get('source_title')}”, {published}"
