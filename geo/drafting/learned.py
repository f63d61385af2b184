"""A learned second opinion on the rules' place decision: which places of a sentence the workers were at.

For each sentence the rules draft, every place it names (and the fallback or reference the rules chose) is scored
by a logistic regression over the rules' own verdicts, the kind of place and the words around it. The weights
are a small JSON file (``place_model.json``) that ``benchmarks/drafting/train.py`` writes from the development
half's curated statements; scoring is plain Python (no model library at run time).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import replace
from functools import cache
from pathlib import Path

from .mentions import Mention
from .notwhere import locates_only, not_where_workers_are
from .numbers import figures_in
from .statement import role_of

WEIGHTS = Path(__file__).with_name("place_model.json")
RECORD: list | None = None
"""When a list (training only): :func:`decide` keeps every place it scores and appends ``(sentence start, sentence
end, entry, features, chosen by the rules)`` for each."""
TOKEN = re.compile(r"<\w+>|[a-z]+(?:['’][a-z]+)?|\d[\d,.]*|[,;:()\"“”]")
WINDOW_NEAR, WINDOW_FAR = 3, 6


def _source(mention: Mention, named_ids: set[str], dateline: Mention | None) -> str:
    """Where the place came from: named in the sentence, the dateline, a reference back, or a fallback."""
    if dateline is not None and mention.entry.id == dateline.entry.id and mention.start == mention.end:
        return "dateline"
    if "refers back" in mention.how:
        return "reference"
    if mention.fallback or mention.start == mention.end:
        return "fallback"
    return "named" if mention.entry.id in named_ids else "other"


def _tokens(text: str, offset: int, mention: Mention, named: list[Mention]) -> tuple[list[str], int]:
    """The sentence's tokens, lower-cased, each place replaced by its kind and this one by ``<self>``; the index of
    ``<self>`` (-1 when the place is not in the sentence's words)."""
    spans = sorted({(m.start - offset, m.end - offset, m.entry.precision) for m in named
                    if m.start < m.end and m.entry.id != mention.entry.id})
    own = (mention.start - offset, mention.end - offset) if mention.start < mention.end else None
    pieces, at = [], 0
    marks = sorted([*(s for s in spans if own is None or s[1] <= own[0] or s[0] >= own[1]),
                    *([(own[0], own[1], "self")] if own else [])])
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
    article): ``named`` are the places the sentence names, ``chosen_ids`` the entry ids the rules chose."""
    entry = mention.entry
    named_ids = {m.entry.id for m in named}
    source = _source(mention, named_ids, dateline)
    out = [f"rules={'kept' if entry.id in chosen_ids else 'dropped'}", f"source={source}",
           f"kind={entry.precision}", f"country={'CN' if entry.country == 'CN' else 'KP' if entry.country == 'KP' else 'other'}",
           f"rules_chose={min(len(chosen_ids), 3)}", f"places={min(len(named_ids), 4)}",
           f"figures={min(len(figures_in(text)), 2)}"]
    out.append(f"rules={'kept' if entry.id in chosen_ids else 'dropped'}|source={source}")
    if dateline is not None and entry.id == dateline.entry.id:
        out.append("dateline_place")
    if dateline is not None and entry.is_area and entry.country == dateline.entry.country and \
            entry.admin1 in ("", dateline.entry.admin1):
        out.append("encloses_dateline")
    if entry.is_area and any(not m.entry.is_area and m.entry.country == entry.country for m in named):
        out.append("area_with_a_city_named")
    if source == "named":
        own = [m for m in named if m.entry.id == entry.id]
        where = own[0] if own else mention
        if not_where_workers_are(text, where, offset):
            out.append("not_where_workers_are")
        kept = [m for m in named if not not_where_workers_are(text, m, offset)]
        if where in kept and locates_only(text, where, kept, offset):
            out.append("locates_only")
        order = sorted({m.entry.id: m.start for m in named}.items(), key=lambda kv: kv[1])
        index = [pid for pid, _ in order].index(entry.id)
        out.append("position=" + ("only" if len(order) == 1 else "first" if index == 0 else
                                  "last" if index == len(order) - 1 else "middle"))
        out.append("in_quotes" if text[: max(0, where.start - offset)].count("\"") % 2 or (
            text[: max(0, where.start - offset)].count("“") > text[: max(0, where.start - offset)].count("”"))
            else "not_in_quotes")
        mention = where
    out.append(f"role={role_of(text, offset, mention)[0]}")
    tokens, at = _tokens(text, offset, mention, named)
    if at >= 0:
        for i in range(1, WINDOW_FAR + 1):
            if at - i >= 0:
                out.append(f"L:{tokens[at - i]}")
                if i <= WINDOW_NEAR:
                    out.append(f"L{i}={tokens[at - i]}")
            if at + i < len(tokens):
                out.append(f"R:{tokens[at + i]}")
                if i <= WINDOW_NEAR:
                    out.append(f"R{i}={tokens[at + i]}")
        if at == 0:
            out.append("L1=<start>")
    return sorted(set(out))


@cache
def _model(path: Path = WEIGHTS) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def score(names: list[str], model: dict | None = None) -> float:
    """The model's probability that the workers were at (or came from, or passed) the place."""
    model = _model() if model is None else model
    weights = model.get("weights", {})
    z = model.get("intercept", 0.0) + sum(weights.get(name, 0.0) for name in names)
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def decide(text: str, offset: int, named: list[Mention], chosen: list[Mention],
           dateline: Mention | None = None, model: dict | None = None) -> list[Mention]:
    """The places of a sentence to draft: those the model scores at or above its threshold, each with its score in
    ``how``, in the order of the sentence. The rules' ``chosen`` places come with their reasons; a named place the
    rules dropped can come back, and a chosen one can go. With no model, ``chosen`` unchanged."""
    model = _model() if model is None else model
    if not model and RECORD is None:
        return chosen
    chosen_ids = {m.entry.id for m in chosen}
    pool: dict[str, Mention] = {m.entry.id: m for m in chosen}
    for m in named:
        pool.setdefault(m.entry.id, m)
    if dateline is not None and dateline.entry.id not in pool:  # the story's city, as the rules' fallback has it
        pool[dateline.entry.id] = replace(dateline, start=offset, end=offset)
    out = []
    for mention in pool.values():
        names = features(text, offset, mention, named, chosen_ids, dateline)
        if RECORD is not None:
            RECORD.append((offset, offset + len(text), mention.entry, names, mention.entry.id in chosen_ids))
            out.append(mention)
            continue
        p = score(names, model)
        if p >= model.get("threshold", 0.5):
            note = f"model score {p:.2f}" + ("" if mention.entry.id in chosen_ids else ", a place the rules dropped")
            out.append(replace(mention, how=f"{mention.how} ({note})" if mention.how else note))
    if not out and chosen and model.get("keep_best"):
        best = max(pool.values(), key=lambda m: score(features(text, offset, m, named, chosen_ids, dateline), model))
        p = score(features(text, offset, best, named, chosen_ids, dateline), model)
        out = [replace(best, how=f"{best.how} (model score {p:.2f}, the best of the sentence)")]
    return sorted(out, key=lambda m: m.start)


def low_score(mention: Mention) -> bool:
    """Whether the model scored the place below 0.5 (the review page puts it lower)."""
    found = re.search(r"model score (\d\.\d\d)", mention.how)
    return bool(found) and float(found.group(1)) < 0.5  # noqa: PLR2004 - a probability's midpoint
