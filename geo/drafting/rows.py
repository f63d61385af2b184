"""The report cells of one candidate: place, role, period, figure and sector of the clause that names the place."""

from __future__ import annotations

import re
from dataclasses import replace

from .article import Sentence
from .changes import change_over_years
from .dates import DateGuess, Published, date_of
from .mentions import Mention
from .numbers import Figure, figure_clause, figure_for
from .sectors import sectors_in
from .statement import presence_of, quote_of, role_of


def over_years(text: str, row: dict[str, str], now: str) -> list[dict[str, str]]:
    """A number that changed between two years is two statements, one per year; else the row itself."""
    change = change_over_years(text, now) if row["role"] == "destination" else []
    return [row | {"workers_min": str(n), "workers_max": "" if high is None else str(high), "workers_kind": kind,
                   "workers_as_stated": str(n), "date_start": year, "date_end": year, "date_basis": "stated",
                   "date_qualifier": "", "date_note": "",
                   "reason": row["reason"] + f"; figure and year: {n} in {year}, of '{words}'"}
            for n, high, kind, year, words in change] or [row]


def statement_row(text: str, sentence: Sentence, mention: Mention, published: Published, rules: list,
         figures: list[Figure], origins: list[Mention]) -> dict[str, str]:
    role, role_why = role_of(text, sentence.start, mention)
    quote, clause = quote_of(text, sentence.start, mention)
    own = figure_clause(text, sentence.start, mention, figures)
    if own is not None and any(own[0] <= f.start < own[1] for f in figures) and len(figures) > 1:
        clause = text[own[0]: own[1]]  # an item of a list of figures by place: its own years and sector
    date: DateGuess = date_of(clause if clause != quote else text, published)
    if role == "origin" and date.note.endswith(", and still there."):
        date = replace(date, end=date.start)  # "who came from Rason two years ago": they left it then
    if role == "event" and date.basis != "stated":
        role, role_why = "destination", "default: workers at the place (an incident without a stated date)"
    sector_text = clause
    if role == "origin":
        work = re.search(r"(?i)\b(?:to\s+work|will\s+work|working|work\s+(?:at|in|as))\b", clause)
        sector_text = clause[work.start():] if work else ""
    sector_ids, sector_words = sectors_in(sector_text, rules)
    row = {
        "place_id": mention.entry.id, "role": role, "presence": presence_of(clause),
        "date_start": date.start, "date_end": date.end, "date_qualifier": date.qualifier,
        "date_basis": date.basis, "date_note": date.note, "sectors": ";".join(sector_ids) or "unspecified",
        "quote": quote, "notes": f"Drafted: {mention.how}." if mention.fallback else "",
        "_homonym": "places of this name" in mention.how,
    }
    source = [o for o in origins if o is not mention and o.entry.id != mention.entry.id]
    if role == "destination" and source:
        row["from_place_id"], row["from_basis"] = source[0].entry.id, "stated"
    figure = figure_for(text, sentence.start, mention, figures)
    if figure is not None:
        low, high = ("" if n is None else str(n) for n in (figure.low, figure.high))
        row.update(workers_min=low, workers_max=high,
                   workers_kind=figure.kind, workers_as_stated=figure.as_stated)
    reasons = [f"place: {mention.how}" if mention.how else "", f"role: {role} ({role_why})",
               f"date: {date.start}–{date.end} {date.basis}" + (f" ({date.note})" if date.note else ""),
               "sectors: " + (", ".join(sector_words) if sector_words else "none named → unspecified")]
    if figure is not None:
        reasons.append(f"figure: '{figure.as_stated}', kind: {figure.kind}")  # not "as a estimate"
    row["reason"] = "; ".join(r for r in reasons if r)
    return row
