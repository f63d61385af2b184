"""Which sectors a sentence names: the cue words of ``sectors.csv`` and what the workers handle or do."""

from __future__ import annotations

import re


def sector_rules(sectors: list[dict[str, str]]) -> list[tuple[str, re.Pattern[str]]]:
    """Each sector id with a pattern of its cue words (``keywords`` in sectors.csv, else its id).

    A keyword matches as a whole word or phrase, plural allowed; ``manufactur*`` matches any word
    starting so; an all-capitals keyword (``IT``) matches only in capitals.
    """
    rules = []
    for row in sectors:
        if row["id"] == "unspecified":
            continue
        words = [w.strip() for w in (row.get("keywords") or "").split(";") if w.strip()] or [row["id"]]
        words += WORK_WORDS.get(row["id"], [])
        parts = []
        for word in sorted(words, key=len, reverse=True):
            body = re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word) + "(?:s|es)?"
            parts.append(body if word.isupper() else f"(?i:{body})")
        rules.append((row["id"], re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w])")))
    return rules


_BUILT_BEFORE = re.compile(r"(?i)\b(?:working\s+on|work\s+on|worked\s+on|built|build(?:ing|s)?|construct\w*|"
                           r"renovat\w*)\s+(?:the\s+|a\s+|new\s+)?(?:[\w-]+\s+)?$")
"""Words before a hotel or restaurant that make it the building the workers put up, not where they serve."""
_LIVE_BEFORE = re.compile(r"(?i)\b(?:li(?:ve|ved|ving)|stay(?:s|ed|ing)?|housed|lodged|sle(?:ep|eps|eping|pt))\b"
                          r"(?![^.;]*\bwork)[^.;]{0,80}$")
"""Words before a hotel that make it where the workers live, not where they work (not "live and work at a hotel")."""
GENERIC_FACTORY = re.compile(r"(?i)^(?:factory|factories|plants?|manufactur\w*|assembly)$")
MADE_IN_FACTORIES = ("garments", "electronics", "seafood")
"""Sectors whose work is done in factories: beside one of them, "the factories" is not a second sector."""
WORK_WORDS = {
    "garments": ["sew", "sewn", "sews", "seamstress"],
    "seafood": ["fish", "crab", "shellfish", "squid", "clam", "shrimp", "salmon"],
    "it": ["developer", "information technology"],
    "construction": ["build", "built", "renovate", "renovating", "apartment block", "apartment tower", "stadium",
                     "highway", "construction site", "scaffolding", "bridge project"],
}
"""What the workers handle or do, read as a sector beside the keywords of sectors.csv (drafting only)."""


def sectors_in(text: str, rules: list[tuple[str, re.Pattern[str]]]) -> tuple[list[str], list[str]]:
    """Sector ids whose cue words appear in ``text`` (in sectors.csv order), and the words that matched.

    A generic word ("factories") counts for ``factory`` only when no more specific word stands just
    before it ("clothing factories" is ``garments``, "Chinese factories" is ``factory``).
    """
    ids, words = [], []
    spans = [("construction" if sector == "hospitality" and _BUILT_BEFORE.search(text[: m.start()]) else sector, m)
             for sector, pattern in rules for m in pattern.finditer(text)]  # "working on hotels": building them
    spans = [(sector, m) for sector, m in spans if not (sector == "hospitality" and m.group(0).lower().startswith(
        "hotel") and _LIVE_BEFORE.search(text[: m.start()]))]  # "lived in Shenyang, some at a hotel": their lodging
    spans = [(sector, m) for sector, m in spans if not (sector == "it" and m.group(0).lower() == "developer" and (
        re.search(r"(?:\b(?:a|an|property|housing|real[- ]estate)\s+|\b[A-Z][\w'’-]+\s+)$", text[: m.start()])))]
    # "a Yanji developer", "a property developer": a builder, not a programmer
    for sector, match in spans:
        if GENERIC_FACTORY.match(match.group(0)):
            before = text[: match.start()]
            if any(other != sector and m.end() <= match.start() and not before[m.end():].strip(" -")
                   for other, m in spans):
                continue
        if sector not in ids:
            ids.append(sector)
        words.append(f"'{match.group(0)}' → {sector}")
    if "factory" in ids and any(i in ids for i in MADE_IN_FACTORIES) and not any(
            "factory" in w and not GENERIC_FACTORY.match(w.split("'")[1]) for w in words):
        ids.remove("factory")  # "sewing clothes in the factories": garments, not garments and other manufacturing
    order = [sector for sector, _ in rules]
    return sorted(ids, key=order.index), words


WORKPLACE = re.compile(r"(?i)(?<!other\s)(?<!another\s)\b(?:plants?|factory|factories|workshops?|mills?|"
                       r"(?:production\s+)?lines)\b")
"""A workplace word (not "other factories": another kind may be meant)."""
SAME_WORKERS = re.compile(r"(?i)\b(?:such|similar)\s+(?:teams?|crews?|groups?|units?|workers|women|men)\b"
                          r"|\bthe\s+(?:workers|women|men)\s+there\b")
"""A sentence that goes on about the workers of the sentence before ("One such team", "Similar crews", "The women
there")."""


def industry_of(text: str, rules: list[tuple[str, re.Pattern[str]]], industry: str) -> str:
    """The industry of the article's factories so far: the one factory-made sector ``text`` names, else ``industry``."""
    named = [i for i in sectors_in(text, rules)[0] if i in MADE_IN_FACTORIES]
    return named[0] if len(named) == 1 else industry


def carried_sector(row: dict[str, str], text: str, rules: list[tuple[str, re.Pattern[str]]], industry: str,
                   before: list[str]) -> None:
    """A statement naming no sector of its own (or only "the plant") takes the article's: a plant in an article
    about one factory-made sector is of that sector; a sentence going on about the workers of the sentence before
    ("One such team moved to Dalian") keeps their sector. ``row`` is changed in place."""
    ids, words = sectors_in(text, rules)
    if row["role"] == "origin" or (ids and (ids != ["factory"] or not all(
            GENERIC_FACTORY.match(w.split("'")[1]) for w in words))):
        return
    workplace = WORKPLACE.search(text)
    if industry and workplace:
        chosen, why = [industry], f"'{workplace.group(0)}' in an article about {industry}"
    elif not ids and before and SAME_WORKERS.search(text):
        chosen, why = before, f"goes on about the workers of the sentence before ({', '.join(before)})"
    else:
        return
    row["sectors"] = ";".join(chosen)
    row["reason"] = re.sub(r"sectors: [^;]*", f"sectors: {why}", row["reason"])


_PART = re.compile(r",\s+and\s+|;\s+|\s+and\s+(?=(?:on|at|in)\s)|,\s+(?:while|whereas|but)\s+")
"""Where one part of a sentence ends and another, about workers somewhere else, begins."""


def own_part_sector(row: dict[str, str], text: str, local: int, others: list[int],
                    rules: list[tuple[str, re.Pattern[str]]]) -> None:
    """When the sentence's places lie in parts of their own ("... in Dandong's garment plants, and hundreds more
    clean clams in Donggang"), the sector of the place's own part (``local`` its offset, ``others`` the offsets of
    the other places). ``row`` is changed in place."""
    cuts = [0] + [m.end() for m in _PART.finditer(text)] + [len(text)]
    part = next(((a, b) for a, b in zip(cuts, cuts[1:], strict=False) if a <= local < b), None)
    if part is None or len(cuts) <= 2 or row["role"] == "origin" or all(part[0] <= o < part[1] for o in others):
        return
    ids, words = sectors_in(text[part[0]: part[1]], rules)
    row["sectors"] = ";".join(ids) or "unspecified"
    row["reason"] = re.sub(r"sectors: [^;]*", "sectors: " + (", ".join(words) or "none named") + " (its own part of "
                           "the sentence)", row["reason"])
