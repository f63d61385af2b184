"""How a report reads to a person: dates at their precision, figures as stated, citations.

Small pure functions for cards, popups, tooltips and tables: :func:`format_report_period`
(a period with its basis and qualifier), :func:`format_presence` ("Few workers reported"),
:func:`format_movement` (stated or inferred movement), :func:`format_workers_kind`,
:func:`format_figures` (workers with the kind of figure, wages, the fee paid to the North Korean
side, the state's share, then the caution) and :func:`format_caution`.
"""

from __future__ import annotations

import calendar

import pandas as pd

from ..vocab import WORKERS_KINDS

PRESENCE_TEXT = {"few": "Few workers reported", "none": "No workers reported",
                 "sought": "Workers sought (recruitment or demand), none reported present"}
MOVEMENT_TEXT = {"stated": "Movement stated in the source", "inferred": "Inferred movement: the source implies it"}
FEE_LABEL = "Paid by the employer to the North Korean side"


def _text(value: object) -> str:
    """A cell as text: ``""`` for None, NaN and pandas' NA."""
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def format_date(value: str) -> str:
    """A partial ISO date in words at its own precision: ``2019``, ``November 2019``, ``24 November 2019``.

    A range ``START/END`` (as a source's publication date may be) reads ``START – END``; two months
    of one year read ``November–December 2019``.
    """
    if "/" in value:
        start, _, end = value.partition("/")
        return _span(start, end)
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = calendar.month_name[int(parts[1])]
    return f"{month} {parts[0]}" if len(parts) == 2 else f"{int(parts[2])} {month} {parts[0]}"


def _span(start: str, end: str) -> str:
    if start == end:
        return format_date(start)
    if len(start) == len(end) == 4:
        return f"{start}–{end}"
    if len(start) == len(end) == 7 and start[:4] == end[:4]:
        return f"{calendar.month_name[int(start[5:])]}–{calendar.month_name[int(end[5:])]} {start[:4]}"
    return f"{format_date(start)} – {format_date(end)}"


def format_period(date_start: str, date_end: str, date_basis: str = "stated", date_qualifier: str = "") -> str:
    """A report's period, e.g. ``2017–2019``, ``November 2019``, ``April 2016 (inferred)``.

    ``date_qualifier`` ``approximate`` reads ``about 2010–2013``; ``uncertain`` reads ``some time
    in November–December 2019`` for a span, and adds ``uncertain`` to the brackets for a single date.
    """
    text = _span(date_start, date_end)
    marks = ["inferred"] if date_basis == "inferred" else []
    if date_qualifier == "approximate":
        text = f"about {text}"
    elif date_qualifier == "uncertain":
        if date_start != date_end:
            text = f"some time in {text}"
        else:
            marks.append("uncertain")
    return f"{text} ({', '.join(marks)})" if marks else text


def format_report_period(report: pd.Series | dict) -> str:
    """:func:`format_period` of a report row (``date_start``, ``date_end``, ``date_basis``, ``date_qualifier``)."""
    return format_period(_text(report.get("date_start")), _text(report.get("date_end")),
                         _text(report.get("date_basis")) or "stated", _text(report.get("date_qualifier")))


def format_presence(presence: object) -> str:
    """``""`` for a report of workers present; ``Few workers reported`` / ``No workers reported`` otherwise.

    Style such reports (and places whose reports all say so) apart, and never count them as a presence.
    """
    return PRESENCE_TEXT.get(_text(presence), "")


def format_movement(from_basis: object) -> str:
    """How a movement line is known: stated in the source, or inferred (drawn distinctly, can be hidden)."""
    return MOVEMENT_TEXT.get(_text(from_basis), "")


def format_workers_kind(kind: object) -> str:
    """``count``, ``estimate``, ``projection``, ``per group``; ``""`` when not given."""
    text = _text(kind)
    return text.replace("_", " ") if text in WORKERS_KINDS else ""


def format_caution(report: pd.Series | dict) -> str:
    """What a journalist must know before using the report's figures (``""`` when nothing)."""
    return _text(report.get("caution")).strip()


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


def _money(report: pd.Series | dict, prefix: str) -> str:
    """``stated words (structured figure)`` for the ``wage_*`` or ``fee_*`` columns, or ``""``."""
    amount = _range(report.get(f"{prefix}_min"), report.get(f"{prefix}_max"))
    stated = _text(report.get(f"{prefix}_as_stated"))
    if not amount and not stated:
        return ""
    structured = " ".join(x for x in (amount, _text(report.get(f"{prefix}_currency"))) if x)
    if _text(report.get(f"{prefix}_period")):
        structured += f" a {_text(report.get(f'{prefix}_period'))}"
    return f"{stated} ({structured})" if stated and structured else stated or structured


def format_figures(report: pd.Series | dict, *, caution: bool = True) -> list[tuple[str, str]]:
    """The figures a report gives, as (label, text) pairs, in the source's words where recorded.

    The workers' label names the kind of figure (``Workers (estimate)``): figures of different
    kinds are never alike. A fee the employer pays the North Korean side is never a wage. The
    report's caution comes last as ``("Caution", text)`` unless ``caution=False`` (for a view that
    shows :func:`format_caution` on its own).
    """
    figures = []
    stated = _text(report.get("workers_as_stated"))
    numbers = [_number(report.get("workers_min")), _number(report.get("workers_max"))]
    recorded = _range(*(report.get(column) for column in ("workers_min", "workers_max")))
    workers = stated or recorded
    if stated and recorded and not all(number in stated for number in numbers if number):
        workers = f"{stated} ({recorded})"  # e.g. "... then six, and finally only two (2)"
    if workers:
        kind = format_workers_kind(report.get("workers_kind"))
        figures.append((f"Workers ({kind})" if kind else "Workers", workers))
    wage = _money(report, "wage")
    if wage:
        figures.append(("Wage", wage))
    fee = _money(report, "fee")
    if fee:
        figures.append((FEE_LABEL, fee))
    share = _range(report.get("state_share_min"), report.get("state_share_max"))
    if share or _text(report.get("state_share_as_stated")):
        stated = _text(report.get("state_share_as_stated"))
        text = f"{share}%" if share else ""
        figures.append(("Taken by the state", f"{stated} ({text})" if stated and text else stated or text))
    if caution and format_caution(report):
        figures.append(("Caution", format_caution(report)))
    return figures


def format_citation(report: pd.Series | dict) -> str:
    """``Publisher, “Title”, date`` for a report's source."""
    published = format_date(str(report.get("published") or ""))
    return f"{report.get('publisher')}, “{report.get('source_title')}”, {published}"
