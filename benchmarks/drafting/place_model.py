"""The features and the scorer of the place-model experiment (benchmarks/drafting/LEARNED.md).

For each sentence the rules draft, every place the sentence names, the places the rules chose for it (a
fallback, a reference back) and the dateline's city are scored by a logistic regression over the rules' own
verdicts, the kind of place and the words around it. Plain Python: a model is a dict of weights by feature name.
The experiment found the model does not beat the rules on batches it was not trained on, so the drafter does
not use it.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from geo.drafting.mentions import Mention
from geo.drafting.notwhere import locates_only, not_where_workers_are
from geo.drafting.numbers import figures_in
from geo.drafting.statement import role_of

TOKEN = re.compile(r"<\w+>|[a-z]+(?:['’][a-z]+)?|\d[\d,.]*|[,;:()\"“”]")
WINDOW_NEAR, WINDOW_FAR = 3, 6
"""Words up to ``WINDOW_NEAR`` away from the place are features by position; up to ``WINDOW_FAR``, by side."""


def source_of(mention: Mention, named_ids: set[str], dateline: Mention | None) -> str:
    """Where the place came from: named in the sentence, the dateline, a reference back, or a fallback."""
    if dateline is not None and mention.entry.id == dateline.entry.id and mention.start == mention.end:
        return "dateline"
    if "refers back" in mention.how:
        return "reference"
    if mention.fallback or mention.start == mention.end:
        return "fallback"
    return "named" if mention.entry.id in named_ids else "other"


def tokens_around(text: str, offset: int, mention: Mention, named: list[Mention]) -> tuple[list[str], int]:
    """The sentence's tokens, lower-cased, each other place replaced by its kind (``<city>``), this one by
    ``<self>`` and each number by ``<num>``; and the index of ``<self>`` (-1 when the place is not in the words)."""
    own = (mention.start - offset, mention.end - offset) if mention.start < mention.end else None
    marks = sorted({(m.start - offset, m.end - offset, m.entry.precision) for m in named
                    if m.start < m.end and m.entry.id != mention.entry.id
                    and (own is None or m.end - offset <= own[0] or m.start - offset >= own[1])}
                   | ({(own[0], own[1], "self")} if own else set()))
    pieces, at = [], 0
    for start, end, kind in marks:
        if start < at or start < 0 or end > len(text):
            continue
        pieces += [text[at:start].lower(), f" <{kind}> "]
        at = end
    pieces.append(text[at:].lower())
    tokens = [re.sub(r"^\d.*", "<num>", t) for t in TOKEN.findall("".join(pieces))]
    return tokens, tokens.index("<self>") if "<self>" in tokens else -1


def features(text: str, offset: int, mention: Mention, named: list[Mention], chosen_ids: set[str],
             dateline: Mention | None = None) -> list[str]:
    """The names of the features present for ``mention`` in the sentence ``text`` (starting at ``offset`` in the
    article): ``named`` are the places the sentence names, ``chosen_ids`` the entry ids the rules chose for it,
    ``dateline`` the story's city when it has one."""
    entry = mention.entry
    named_ids = {m.entry.id for m in named}
    source = source_of(mention, named_ids, dateline)
    kept = "kept" if entry.id in chosen_ids else "dropped"
    country = "CN" if entry.country == "CN" else "KP" if entry.country == "KP" else "other"
    out = [f"rules={kept}", f"source={source}", f"rules={kept}|source={source}", f"kind={entry.precision}",
           f"country={country}", f"rules_chose={min(len(chosen_ids), 3)}", f"places={min(len(named_ids), 4)}",
           f"figures={min(len(figures_in(text)), 2)}"]
    if dateline is not None and entry.id == dateline.entry.id:
        out.append("dateline_place")
    if dateline is not None and entry.is_area and entry.country == dateline.entry.country and \
            entry.admin1 in ("", dateline.entry.admin1):
        out.append("encloses_dateline")
    if entry.is_area and any(not m.entry.is_area and m.entry.country == entry.country for m in named):
        out.append("area_with_a_city_named")
    if source == "named":
        mention = next(m for m in named if m.entry.id == entry.id)
        if not_where_workers_are(text, mention, offset):
            out.append("not_where_workers_are")
        standing = [m for m in named if not not_where_workers_are(text, m, offset)]
        if mention in standing and locates_only(text, mention, standing, offset):
            out.append("locates_only")
        order = [pid for pid, _ in sorted({m.entry.id: m.start for m in named}.items(), key=lambda kv: kv[1])]
        index = order.index(entry.id)
        out.append("position=" + ("only" if len(order) == 1 else "first" if index == 0 else
                                  "last" if index == len(order) - 1 else "middle"))
        before = text[: mention.start - offset]
        quoted = before.count('"') % 2 == 1 or before.count("“") > before.count("”")
        out.append("in_quotes" if quoted else "not_in_quotes")
    out.append(f"role={role_of(text, offset, mention)[0]}")
    tokens, at = tokens_around(text, offset, mention, named)
    if at == 0:
        out.append("L1=<start>")
    for i in range(1, WINDOW_FAR + 1) if at >= 0 else ():
        if at - i >= 0:
            out += [f"L:{tokens[at - i]}"] + ([f"L{i}={tokens[at - i]}"] if i <= WINDOW_NEAR else [])
        if at + i < len(tokens):
            out += [f"R:{tokens[at + i]}"] + ([f"R{i}={tokens[at + i]}"] if i <= WINDOW_NEAR else [])
    return sorted(set(out))


def pool(offset: int, named: list[Mention], chosen: list[Mention], dateline: Mention | None) -> list[Mention]:
    """The places the model chooses among for one sentence: those the rules chose (with their reasons), the others
    the sentence names, and the dateline's city (as the rules' fallback places it, at the sentence's start)."""
    out: dict[str, Mention] = {m.entry.id: m for m in chosen}
    for m in named:
        out.setdefault(m.entry.id, m)
    if dateline is not None:
        out.setdefault(dateline.entry.id, replace(dateline, start=offset, end=offset))
    return list(out.values())


def score(names: list[str], model: dict) -> float:
    """The model's probability that the workers were at (or came from, or passed) the place."""
    weights = model.get("weights", {})
    z = model.get("intercept", 0.0) + sum(weights.get(name, 0.0) for name in names)
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
