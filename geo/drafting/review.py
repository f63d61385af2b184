"""What the review page shows of a draft: the article as plain escaped HTML with each candidate's passage marked."""

from __future__ import annotations

import ahocorasick

from ..escape import escape
from ..i18n import N_

STYLES = {
    "passage": "background:#fff3b0;border-radius:2px",
    "selected": "background:#ffc400;outline:2px solid #8a5a00;border-radius:2px",
    "rejected": "background:#eeeeee;color:#555555;text-decoration:line-through",
}
"""How a passage looks: any candidate's, the selected candidate's, and one whose candidates are all rejected."""

DECISIONS = {"": N_("undecided"), "yes": N_("accept"), "no": N_("reject")}
"""A candidate's ``accept`` cell on the page, and what the reviewer reads for it."""


PLACE_TO_CHECK = ("refers back", "fallback", "names no place", "names no other place")
"""Words of a candidate's ``reason`` saying its place was not named in its sentence (a reference back, a place
the gazetteer lacks, the dateline's city, the story's country, China): checked first."""


def place_to_check(report: dict[str, str]) -> bool:
    """Whether the candidate's place came from a reference back ("the city", "there") or a fallback."""
    reason = str(report.get("reason", ""))
    return any(words in reason for words in PLACE_TO_CHECK)


def review_order(reports: list[dict[str, str]]) -> list[dict[str, str]]:
    """The candidates whose place came from a reference back or a fallback first, each group in article order."""
    return sorted(reports, key=lambda report: not place_to_check(report))


def passage_spans(text: str, quotes: list[str]) -> list[tuple[int, int] | None]:
    """Where each quote first occurs in ``text`` (start, end), or ``None`` when it does not occur.

    One Aho-Corasick pass over the text for all the quotes at once: a ``find`` per quote would read
    the article again for each candidate (minutes for a 2 MB article with tens of thousands of them).
    """
    wanted = {quote for quote in quotes if quote}
    first: dict[str, int] = {}
    if wanted:
        automaton = ahocorasick.Automaton()
        for quote in wanted:
            automaton.add_word(quote, quote)
        automaton.make_automaton()
        for end, quote in automaton.iter(text):
            start = end - len(quote) + 1
            if start < first.get(quote, len(text) + 1):
                first[quote] = start
    return [(first[quote], first[quote] + len(quote)) if quote in first else None for quote in quotes]


def marked_article(text: str, quotes: list[str], *, selected: int | None = None,
                   decisions: list[str] | None = None) -> str:
    """The article as HTML, each stretch of text marked with the candidates whose quote covers it.

    Parameters
    ----------
    text
        The article exactly as drafted (the seed's text); every character is escaped, nothing is parsed.
    quotes
        Each candidate's quote, in the order of the candidates.
    selected
        The position of the candidate the reviewer selected: its passage is highlighted strongly.
    decisions
        Each candidate's ``accept`` cell (``yes``, ``no`` or empty): a passage whose candidates are all
        rejected is struck through.

    Returns
    -------
    str
        A ``<div data-testid="article">`` of escaped text and ``<mark>`` elements; each mark carries
        ``data-candidates`` (the candidates' numbers, from 1) and a class of ``passage``, ``selected``
        or ``rejected``.
    """
    decisions = decisions or [""] * len(quotes)
    spans = passage_spans(text, quotes)
    cuts = sorted({0, len(text)} | {edge for span in spans if span for edge in span})
    # A sweep over the cuts: each candidate joins the covering set where its passage starts and
    # leaves where it ends, so the work grows with the article and the overlaps, not candidates².
    starting: dict[int, list[int]] = {}
    ending: dict[int, list[int]] = {}
    for n, span in enumerate(spans):
        if span:
            starting.setdefault(span[0], []).append(n)
            ending.setdefault(span[1], []).append(n)
    active: set[int] = set()
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        active.difference_update(ending.get(start, ()))
        active.update(starting.get(start, ()))
        covering = sorted(active)
        piece = escape(text[start:end])
        if not covering:
            out.append(piece)
            continue
        kind = ("selected" if selected in covering else
                "rejected" if all(decisions[n] == "no" for n in covering) else "passage")
        numbers = " ".join(str(n + 1) for n in covering)
        out.append(f"<mark class='{kind}' data-candidates='{numbers}' title='candidate {numbers}' "
                   f"style='{STYLES[kind]}'>{piece}</mark>")
    return ("<div data-testid='article' style='white-space:pre-wrap;max-height:34rem;overflow:auto;"
            "font-size:0.9rem;border:1px solid #dddddd;padding:0.5rem'>" + "".join(out) + "</div>")
