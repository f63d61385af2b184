"""A number of workers that changed between two years ("fell from 30,023 in 2017 to 11,490 in 2018"): two figures."""

from __future__ import annotations

import re

from .numbers import _LEAD, _NUM, words_to_number

_CHANGE = re.compile(rf"(?i)\bfrom\s+(?P<a>{_NUM})\s+(?:workers\s+)?in\s+(?P<ya>(?:19|20)[0-9]{{2}})\s+"
                     rf"to\s+(?P<b>{_NUM})\s+"
                     r"(?:in|by|at\s+the\s+end\s+of|by\s+the\s+end\s+of)\s+(?:late\s+|early\s+)?"
                     r"(?P<yb>(?:19|20)[0-9]{2})\b")


_CHANGE_BACK = re.compile(rf"(?i)\bto\s+(?P<b>{_NUM})\s+(?:workers\s+)?from\s+(?P<lead>(?:just\s+)?{_LEAD})"
                          rf"(?P<a>{_NUM})\s+"
                          r"(?:in|at\s+the\s+end\s+of|by\s+the\s+end\s+of)\s+(?:late\s+|early\s+)?"
                          r"(?P<ya>(?:19|20)[0-9]{2})\b")
"""A number cut or raised "to 11,490 from just over 30,000 at the end of 2017": the first is now's."""


def change_over_years(sentence: str, now: str) -> list[tuple[int, int | None, str, str, str]]:
    """"fell from 30,023 in 2017 to 11,490 at the end of 2018", "cut to 1,100 from about 2,400 in 2016" (the first
    number in the year ``now``, the publication's): each number as (low, high, kind, year, words), else []."""
    match = _CHANGE.search(sentence)
    if match:
        pairs = [(match.group(n), "", match.group(y)) for n, y in (("a", "ya"), ("b", "yb"))]
    elif (match := _CHANGE_BACK.search(sentence)) is not None:
        pairs = [(match.group("b"), "", now), (match.group("a"), match.group("lead").lower(), match.group("ya"))]
    else:
        return []
    out = []
    for words, lead, year in pairs:
        n = words_to_number(words)
        if n is None:
            return []
        open_end = re.search(r"\b(?:over|more\s+than|at\s+least)\s*$", lead)
        kind = "estimate" if re.search(r"\b(?:about|around|some|nearly|almost|roughly|approximately)\s*$", lead) \
            else "count"
        out.append((n, None if open_end else n, kind, year, match.group(0)))
    return out
