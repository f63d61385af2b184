"""Cells a spreadsheet would run as a formula, found in data and draft files and named by file and line."""

from __future__ import annotations

import pandas as pd

from .errors import Problem

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection)."""
TEXT_COLUMNS = {
    "sources": ("title", "publisher", "author", "published_note", "licence", "notes"),
    "places": ("name", "aliases", "admin1", "location_note"),
    "sectors": ("label", "description", "keywords"),
    "reports": ("quote", "date_note", "workers_as_stated", "wage_as_stated", "fee_as_stated",
                "state_share_as_stated", "caution", "notes"),
}
"""Free-text columns of each table; the schema holds every other column to a pattern no formula fits."""
REFUSED_COLUMNS = ("title", "publisher")
"""Columns where such a cell is refused: they are typed by a person, and no title or publisher starts so."""


def looks_like_formula(value: object) -> bool:
    """Whether a text cell starts like a formula (a signed number such as ``-12.5`` does not count)."""
    if not isinstance(value, str) or not value.startswith(FORMULA_PREFIXES):
        return False
    try:
        float(value)
    except ValueError:
        return True
    return False


def formula_cells(name: str, frame: pd.DataFrame, columns: tuple[str, ...]) -> tuple[list[Problem], list[Problem]]:
    """Problems (a title or publisher that starts like a formula) and warnings (any other such cell).

    Parameters
    ----------
    name
        How messages name the file.
    frame
        The file's text cells with their CSV line in ``_line`` (:func:`geo.data.csvio.read_table`).
    columns
        The columns to look at (those of :data:`TEXT_COLUMNS` the file has are enough).
    """
    problems, warnings = [], []
    lines = frame["_line"].tolist() if "_line" in frame else []
    for column in (c for c in columns if c in frame.columns):
        for position, value in enumerate(frame[column].tolist()):
            if not (isinstance(value, str) and value.startswith(FORMULA_PREFIXES) and looks_like_formula(value)):
                continue
            line = int(lines[position]) if lines else position + 2
            start = repr(value[:40] + ("…" if len(value) > 40 else ""))
            if column in REFUSED_COLUMNS:
                problems.append(Problem(name, line, column, f"{start} starts with {value[0]!r}, which a spreadsheet "
                                        f"runs as a formula; write the {column} without it"))
            elif column == "quote":
                warnings.append(Problem(name, line, column, f"{start} starts like a spreadsheet formula; the quote "
                                        "stays verbatim, but do not open this file in a spreadsheet unprotected"))
            else:
                warnings.append(Problem(name, line, column, f"{start} starts with {value[0]!r}, which a spreadsheet "
                                        "runs as a formula; check the cell"))
    return problems, warnings
