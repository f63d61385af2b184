"""What a sentence says of one place it names: the place's role (origin, transit, destination, event), the quote
and the clause that holds the place, and whether workers are there, few or none."""

from __future__ import annotations

import re

from .cues import CLAUSE, EVENT, FEW, FROM_BEFORE, NONE
from .mentions import Mention


def role_of(text: str, offset: int, mention: Mention) -> tuple[str, str]:
    """The place's role in the sentence, and why."""
    before = text[: max(0, mention.start - offset)]
    after = text[max(0, mention.end - offset):]
    if re.search(r"(?i)\b(?:through|via|transit\w*|passing|by\s+way\s+of|chang(?:e|es|ed|ing)(?:\s+trains)?\s+at)\s+"
                 r"(?:\w+\s+){0,2}$", before) or (
            re.search(r"(?i)\benter(?:s|ed|ing)?\s+(?:\w+\s+){0,2}$", before)
            and re.search(r"(?i)\b(?:send|sending|sent|taken|transferred|bus(?:es)?)\b[^.]*\bto\b", after)):
        return "transit", "they pass through it on the way elsewhere"
    if re.search(r"(?i)\b(?:returned|came back|back)\s+from\s+(?:\w+\s+){0,2}$", before):
        return "destination", "'returned from': they had worked there"
    if FROM_BEFORE.search(before) and mention.entry.country != "KP" and re.search(
            r"(?i)\b(?:(?:moved|transferred|relocated|shifted)\s+(?:\w+\s+){0,3}|work(?:s|ed|ing)?\s+)from\s+"
            r"(?:[a-z][\w'’-]*\s+){0,3}$", before):
        return "destination", "'moved from' or 'worked from': they had worked there"
    if FROM_BEFORE.search(before):
        return "origin", "'from' before the place"
    if mention.entry.country == "KP":
        return "origin", "a place in North Korea: where the workers come from"
    if EVENT.search(text):
        return "event", f"an incident ('{EVENT.search(text).group(0)}')"
    return "destination", "default: workers at, or sent to, the place"


def quote_of(text: str, offset: int, mention: Mention) -> tuple[str, str]:
    """The sentence (without wrapping quotation marks), and the clause holding the place."""
    sentence = text.strip().strip("\"“”")
    local = mention.start - offset
    cuts = [0] + [m.start() for m in CLAUSE.finditer(text)] + [len(text)]
    clause = text
    for start, end in zip(cuts, cuts[1:], strict=False):
        if start <= local <= end:
            clause = text[start:end]
    clause = re.sub(r"^(?:,\s*(?:but|so|while|whereas)|;|\s+but)\s*", "", clause).strip().strip("\"“”")
    if len(cuts) > 2 and (len(sentence) > 300 or bool(FEW.search(clause) or NONE.search(clause)) !=
                          bool(FEW.search(sentence) or NONE.search(sentence))) and len(clause) > 20:
        return clause, clause
    return sentence, clause


def presence_of(clause: str) -> str:
    """``none``, ``few`` or ``reported``: what the clause says of the workers there."""
    if NONE.search(clause):
        return "none"
    return "few" if FEW.search(clause) else "reported"


def unique_rows(rows: list) -> list:
    """One candidate per place, sentence and role (a place named twice in a sentence counts once)."""
    seen, out = set(), []
    for mention, sentence, row in rows:
        key = (row["place_id"], sentence.start, row["role"], row["date_start"])
        if key not in seen:
            seen.add(key)
            out.append((mention, sentence, row))
    return out
