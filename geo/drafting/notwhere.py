"""Places a sentence names where workers are not: rivers and bridges, markets, places across from another."""

from __future__ import annotations

import re

from .mentions import Mention

_LANDMARK_AFTER = re.compile(r"^\s+(?:River|river|Bridge|bridge|crossing|Crossing|Mountains?|mountains?|Strait|Lake|"
                             r"Bay|Port|port|customs|Customs|checkpoint|Estuary|Dam)\b")
_MARKET_BEFORE = re.compile(
    r"\b(?:buyers?|customers?|markets?|retailers?|importers?|consumers?|clients?|brands?|shipped|"
    r"sold|sells?|selling)\b(?:\s+\w+){0,2}\s+(?:in|to)\s+(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?"
    r"(?:,\s+and\s+|,\s*|\s+and\s+))*$")
_ACROSS_FROM = re.compile(r"(?i)\b(?:across\s+(?:the\s+\w+\s+)?from|opposite|facing|bordering|"
                          r"on\s+the\s+border\s+with|partners?\s+in|ties\s+to|"
                          r"links\s+to|headquartered\s+in|headquarters\s+in)\s+(?:the\s+)?$")
_SPEAKER_BEFORE = re.compile(
    r"(?i)\b(?:a|an|one|two|three|several|the|our)\s+(?:[a-z-]+\s+){0,2}(?:sources?|residents?|traders?|officials?|"
    r"businessm[ae]n|merchants?|insiders?|analysts?|reporters?|correspondents?|journalists?)\s+(?:based\s+)?"
    r"(?:in|of|from)\s+$|\b(?-i:Officials|Sources|Residents|Traders)\s+(?:in|of)\s+$")
"""Where the person speaking is, not where the workers are: "a source in Dandong told ...", "A resident of
Sinuiju said"."""
_MONEY = re.compile(r"(?i)\b(?:wages?|earnings|revenue|money|dollars|income|cash|profits?|percent|salar(?:y|ies))\b")


def not_where_workers_are(text: str, mention: Mention, offset: int) -> bool:
    """A river, bridge or crossing named after a place; a market or buyers of the goods; a place only
    described as across from another; where a source speaks from; North Korea as where the money goes."""
    before, after = text[: mention.start - offset], text[mention.end - offset:]
    if _LANDMARK_AFTER.match(after):
        return True
    if _MARKET_BEFORE.search(before[-120:]) and mention.entry.country not in ("KP",):
        return True
    if _ACROSS_FROM.search(before[-40:]):
        return True
    if _SPEAKER_BEFORE.search(before[-60:]) and mention.entry.country != "KP":
        return True  # a resident of a North Korean province is often one of the families the workers left
    return mention.entry.country == "KP" and bool(re.search(r"\bto\s+(?:the\s+\w+\s+in\s+)?$", before)) and \
        bool(_MONEY.search(text))
