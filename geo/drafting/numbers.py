"""Figures and sectors for drafted reports: numbers of workers as stated with their kind, and sector cue words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cues import FIGURE_CLAUSE, WORKER
from .mentions import Mention

_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
          "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
          "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}
_WORD = "|".join(sorted(_UNITS, key=len, reverse=True))
_NUM = (rf"(?:several\s+(?:hundred|thousand|dozen)|(?:a|{_WORD})?\s*dozen|"
        rf"[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+(?:\.[0-9]+)?(?:\s+(?:thousand|million))?|"
        rf"(?:a|one|{_WORD})(?:[- ](?:{_WORD}))?(?:\s+(?:hundred|thousand|million))+"
        rf"(?:\s+(?:and\s+)?(?:{_WORD})(?:-(?:{_WORD}))?)?|(?:{_WORD})(?:-(?:{_WORD}))?)")
_PEOPLE = (r"(?:(?:North\s+Korean?|young|female|male|married|unmarried|Korean|more|other|skilled|semi-skilled)\s+)*"
           r"(?-i:[a-z][a-z-]+\s+)?(?:workers?|laborers?|labourers?|North\s+Koreans|Koreans|women|men|girls|people|persons?|staff|"
           r"painters|artists|employees|waitresses|waiters|trainees|nationals|housewives|builders|developers|programmers|"
           r"engineers|technicians|miners|loggers|cooks|seamstresses|fishermen|singers|dancers|performers|musicians|hostesses|"
           r"chefs|nurses|doctors|welders|plasterers|carpenters|sailors|deckhands|crew\s+members|students|interns|"
           r"(?<=of )them)")
_LEAD_WORDS = (r"(?:more than|over|at least|nearly|almost|up to|as many as|at most|no more than|fewer than|less than|"
               r"some|about|around|approximately|an estimated|roughly|perhaps|possibly|maybe|another|a further)")
_UP_TO = ("up to", "as many as", "at most", "no more than", "fewer than", "less than")
"""Leads that give only the upper bound ("fewer than 200 workers")."""
_TAIL = r"(?:\s+or\s+(?:more|so)|-?plus\b|\+|-odd\b)?"
"""An open or rough end after the number: "10,000 or more", "3,000-plus", "500-odd"."""
_LEAD = rf"(?:{_LEAD_WORDS}\s+)?"
_FIGURE = re.compile(
    rf"\b{_LEAD}(?:between\s+(?P<low>{_NUM})\s+and\s+(?P<high>{_NUM})|(?P<a>{_NUM})\s*(?:-(?![a-z])|–|to)\s*(?P<b>{_NUM})|"
    rf"(?P<one>{_NUM}){_TAIL})\s+(?:of\s+(?:the\s+|(?:its|their)\s+(?:own\s+)?)?)?{_PEOPLE}\b"
    rf"|\b{_LEAD}(?P<verb_n>{_NUM}){_TAIL}\s+(?:more\s+)?(?:or\s+so\s+)?(?:have\s+|had\s+|were\s+|are\s+|was\s+)?"
    rf"(?:been\s+)?(?:come|came|entered|arrived|left|departed|defected|sent|brought|employed|working|work|worked|stuck|hired|"
    rf"went|gone|crossed|returned|remained|remain|stayed|live|lived|joined|"
    rf"expected|stranded|moved|transferred)\b"
    rf"|\b{_LEAD}(?P<ing_n>{_NUM})\s+(?:more\s+)?(?:were|are)\s+(?-i:[a-z]+ing)\b"
    rf"|(?:^[\"“]?|(?<=,\s)){_LEAD}(?:between\s+(?P<blow>{_NUM})\s+and\s+(?P<bhigh>{_NUM})|(?P<bare_n>{_NUM}){_TAIL})"
    rf"\s+(?:more\s+)?(?:(?:were|are|will)\s+(?:still\s+|now\s+|also\s+)?(?:in|at|on|leave|be)|work(?:ed|s)?)\b"
    rf"|\b{_LEAD}(?P<more_n>{_NUM})\s+more\b(?!\s+(?:than|of|yuan|dollars|hours|days|weeks|months|years|times|"
    rf"percent|kilomet\w+|km|miles))"
    rf"|—\s*(?P<dash_n>{_NUM})\s+people\s*—"
    rf"|\b(?:an(?:other)?|a|one|the|a\s+(?:second|third|further|smaller|larger))\s+(?:group|team|crew|batch)\s+of\s+"
    rf"{_LEAD}(?P<group_n>{_NUM})\b(?!\s+(?:companies|firms|countries|cities|plants|factories))"
    rf"|\b(?:in\s+)?(?:groups|batches|teams|crews|shifts)\s+of\s+(?:between\s+(?P<glow>{_NUM})\s+and\s+"
    rf"(?P<ghigh>{_NUM})|(?P<ga>{_NUM})\s*(?:-(?![a-z])|–|to)\s*(?P<gb>{_NUM})|(?P<groups_n>{_NUM}))\b"
    r"(?!\s+(?:companies|firms|countries|cities|plants|factories|days|weeks|months|years))", re.I)
_LISTED = re.compile(rf"\b{_LEAD}(?P<listed>{_NUM})\s+(?=(?:in|at)\s)", re.I)
"""A bare number before a place in a list of them ("some of them: about 800 in Yanji, 400 in Tumen")."""
_LISTED_BY_PLACE = re.compile(rf"(?i)\b{_LEAD}(?P<listed>{_NUM})\s+(?=(?:(?:on|at|in)\s+(?:[a-z-]+\s+){{0,3}})?"
                              r"(?:in|at)\s+(?:the\s+)?(?:(?-i:[a-z-]+)\s+)?(?-i:[A-Z]))")
"""A bare number before a place, after a word for the workers: the number of them there ("workers in many countries,
including about 900 in Mongolia")."""
_NUMBER_OF = re.compile(rf"(?i)(?:\bnumber\s+of\s+{_PEOPLE}(?:\s+[\w-]+){{0,7}}?\s+(?:at|to|as|was|is|stood\s+at|"
                        rf"reached|of)|\bput(?:s|ting)?\s+(?:their|the|its)\s+(?:number|total)\s+at"
                        r"|^(?:That|This|The\s+(?:figure|number|total|tally))\s+(?:(?:is|was|had\s+been|has\s+been)\s+)?"
                        r"(?:(?:down|up)\s+from|compares\s+with|was|is|stood\s+at|rose\s+to|fell\s+to)"
                        r"(?:\s+a\s+(?:peak|high|low)\s+of)?)\s+(?P<num>"
                        rf"{_LEAD}(?:between\s+(?P<low>{_NUM})\s+and\s+(?P<high>{_NUM})|(?P<one>{_NUM}){_TAIL}))"
                        r"(?:\b|(?<=\+))(?!\s*(?:%|percent|per\s+cent))")
"""The number of workers put at a figure ("put the number of North Korean workers in the prefecture at between 5,000
and 8,000"); a sentence giving another figure for the number before ("That is down from a peak of about 2,100")."""
_OF_THEM = re.compile(r"(?i)\b(?:some|many|most|all|[\d,]+)\s+of\s+them\s*:")
_PART_OF_THEM = re.compile(
    r"(?i)\b(?:most|many|some|half|all|the\s+rest|(?:a|one|two)[\s-]+(?:thirds?|quarters?|fifths?|half)|"
    r"[\d.]+\s*(?:%|percent|per\s+cent))\s+of\s+(?:them|those|these|the\s+(?:workers|women|men|group))\s+"
    r"(?:in|at|on|(?:were|are|was|had|have|went|go|work(?:ed)?|live[sd]?)\b)"
    r"|\b(?:most|many|some|half)\s+of\s+them\b"
    r"|\b(?:about\s+|roughly\s+|nearly\s+)?(?:half|most|a\s+third|a\s+quarter)\s+(?:are|were|work(?:ed)?|live[sd]?)\s+(?:in|at)\b")
"""Part of a total named before ("most of them in Kuwait", "a third of them were sent on to Khabarovsk"): the place
the part is at does not get the total."""
_MONEY_BEFORE = re.compile(r"(?:\$|USD|RMB|US\$|€|£|¥|KPW|won)\s*$", re.I)


@dataclass(frozen=True)
class Figure:
    """A number of workers as the text gives it."""

    low: int | None
    high: int | None
    kind: str
    as_stated: str
    start: int = 0


def words_to_number(text: str) -> int | None:
    """``"120,000"`` → 120000, ``"a hundred thousand"`` → 100000, ``"thirty"`` → 30; ``None`` if not a number."""
    text = text.strip().lower().replace(",", "")
    if re.fullmatch(r"(?:a\s+)?dozen", text):
        return 12
    if text.endswith(" dozen") and text.split()[0] in _UNITS:
        return 12 * _UNITS[text.split()[0]]  # "two dozen"
    if text.startswith("several "):
        return 3 * _SCALES[text.split()[1]]
    if re.fullmatch(r"[0-9]+(\.[0-9]+)?(\s+(thousand|million))?", text):
        parts = text.split()
        value = float(parts[0]) * (_SCALES[parts[1]] if len(parts) > 1 else 1)
        return int(value)
    total, current = 0, 0
    for word in re.split(r"[\s-]+", text):
        if word == "and":
            continue  # "one hundred and fifty"
        if word in ("a", "one") and current == 0:
            current = 1
        elif word in _UNITS:
            current += _UNITS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in ("thousand", "million"):
            total += max(current, 1) * _SCALES[word]
            current = 0
        else:
            return None
    return total + current


def figures_in(sentence: str) -> list[Figure]:
    """Numbers of workers in ``sentence``: ranges kept as ranges, "more than N" open-ended, with their kind."""
    found = []
    matches = list(_FIGURE.finditer(sentence))
    worker = re.search(_PEOPLE, sentence, re.I) or WORKER.search(sentence)
    if worker:  # "workers in many countries, including about 900 in Mongolia and some 1,500 in Qatar"
        matches += [m for m in _LISTED_BY_PLACE.finditer(sentence, worker.end())
                    if not any(m.start() < f.end() and f.start() < m.end() for f in matches)]
    matches += [m for m in _NUMBER_OF.finditer(sentence)
                if not any(m.start("num") < f.end() and f.start() < m.end() for f in matches)]
    listed = _OF_THEM.search(sentence)
    if listed:  # after "some of them:", a bare number is a number of them
        matches += [m for m in _LISTED.finditer(sentence, listed.end())
                    if not any(m.start() < f.end() and f.start() < m.end() for f in matches)]
    for match in sorted(matches, key=lambda m: m.start()):
        after = sentence[match.end():]
        if _MONEY_BEFORE.search(sentence[: match.start()]) or re.match(r"\s*(?:%|per\s*cent|percent)", after):
            continue
        population = _POPULATION.search(sentence[: match.start()])
        if population and population.group(0).lower().startswith("home") and re.search(
                r"(?i)North\s+Koreans|workers|labou?rers", match.group(0)):
            population = None  # "home to about 3,000 North Koreans": a number of workers, not the town's people
        if population or _SPEAKERS.match(sentence[match.end():]) or re.search(
                r"(?i)\b(?:(?:one|two|[0-9]+)\s+(?:in|out\s+of)|according\s+to|interviews\s+with)\s+$",
                sentence[: match.start()]):
            continue  # "said two people familiar with the figures": who speaks, not how many work
        groups = match.groupdict()
        leading = re.search(rf"(?i){_LEAD_WORDS}\s+$", sentence[: match.start("group_n")]) if groups.get(
            "group_n") else re.match(rf"(?i){_LEAD_WORDS}\b", groups.get("num") or match.group(0))
        lead = leading.group(0).strip().lower() if leading else ""
        if groups.get("low") or groups.get("a") or groups.get("blow") or groups.get("glow") or groups.get("ga"):
            low = words_to_number(groups.get("low") or groups.get("a") or groups.get("blow") or groups.get("glow")
                                  or groups["ga"])  # a range
            high = words_to_number(groups.get("high") or groups.get("b") or groups.get("bhigh") or
                                   groups.get("ghigh") or groups["gb"])
        else:
            low = words_to_number(groups.get("one") or groups.get("verb_n") or groups.get("ing_n") or
                                  groups.get("bare_n") or groups.get("more_n") or groups.get("dash_n") or
                                  groups.get("listed") or groups.get("group_n") or groups.get("groups_n") or "")
            open_end = re.search(r"(?i)\bor\s+more\b|plus\b|\+", match.group(0))
            high = None if lead in ("more than", "over", "at least") or open_end else low
            if lead in _UP_TO:
                low, high = None, low
        if low is None and high is None:
            continue
        if low == high == 1 and not re.search(r"\d", match.group(0)):
            continue  # "one staff member estimated": a person speaking, not a number of workers
        if low is not None and 1900 <= low <= 2099 and re.search(rf"\b{low}\b", match.group(0)) and high == low:
            continue  # a year, not a number of people
        if re.match(r"(?i)several\b", groups.get("one") or groups.get("verb_n") or groups.get("ing_n") or
                    groups.get("more_n") or ""):
            high = None  # "several thousand": at least three thousand, no upper bound given
        if re.search(r"\bor\s+so\b|-odd\b|plus\b|\+", match.group(0)) or lead in ("perhaps", "possibly", "maybe"):
            lead = "about"  # "500-odd", "3,000-plus", "perhaps 10,000": an approximate number
        kind = _kind(sentence, match, lead, low, high)
        found.append(Figure(low, high, kind, match.group(0).strip(" —\"“"), match.start()))
    return found


_KIND_CLAUSE = re.compile(r";|,\s+(?:and|but|while|whereas|although|though)\s+|\s+but\s+")
"""Where the clause that gives a figure its kind ends: a projection word in another clause ("they are not allowed
to leave") says nothing about this figure."""
_SPEAKERS = re.compile(r"(?i)\s+(?:familiar\s+with|with\s+knowledge\s+of|who\s+(?:spoke|asked|declined|requested|"
                       r"(?:have\s+|had\s+)?(?:visited|seen|saw|met|interviewed|toured))|briefed\s+on|close\s+to)\b")
"""People who speak about the workers ("two people familiar with the figures"), not a number of workers."""
_POPULATION = re.compile(r"(?i)(?:\b(?:city|town|county|district|province|prefecture|region|country|population)\s+of|"
                         r"\bhome\s+to|\bpopulation(?:\s+of)?|\binhabitants\s+of)\s+$")
"""A place's population ("a city of about 1.2 million people"), not a number of workers."""


_SEGMENT = re.compile(r"[,;:]\s+|\s+(?:but|while|whereas)\s+")
"""A comma-delimited part of a sentence: a projection word must be in the figure's own ("who asked not to be named"
is not a projection)."""


def _own_clause(sentence: str, start: int, end: int, cuts_at: re.Pattern[str] = _KIND_CLAUSE) -> str:
    """The clause of ``sentence`` (cut where ``cuts_at`` matches) that holds ``start``..``end``."""
    cuts = [0] + [m.end() for m in cuts_at.finditer(sentence)] + [len(sentence)]
    first = max(c for c in cuts if c <= start)
    last = min(c for c in cuts if c >= end)
    return sentence[first:last]


def _kind(sentence: str, match: re.Match[str], lead: str, low: int | None, high: int | None) -> str:
    before = sentence[: match.start()].lower()
    clause = _own_clause(sentence, match.start(), match.end()).lower()
    if re.match(r"[^.;]{0,40}?\b(?:at|in|on|from)\s+each\b|\s*each\s+from\b", sentence[match.end():].lower()):
        return "per_unit"  # "30 work at each of the factories": the number at each unit, not a group size
    if re.search(r"\beach\s+(?:\w+\s+){0,2}(?:by|with)\s+$", before):
        return "per_unit"  # "three restaurants, each staffed by a dozen women"
    if re.match(r"[^.;]{0,20}\beach\b", sentence[match.end():].lower()) and re.search(
            r"\b(?:compan(?:y|ies)|firms|plants|factories|enterprises|sites|restaurants|farms|mines|workshops|mills|"
            r"yards|vessels|ships)\b(?![^.;]*\b(?:groups?|teams?|crews?|batch(?:es)?)\s+of\b)", before):
        return "per_unit"  # "two companies said they employ between 100 and 150 each": at each company
    if re.search(r"\b(?:groups?\s+of|each|per\s+group|at\s+a\s+time|batches\s+of)\s*$", before) or re.match(
            r"(?i)(?:in\s+)?(?:groups|batches|teams|crews|shifts)\s+of\b", match.group(0)) or re.search(
            r"\beach\b", sentence[match.end(): match.end() + 30].lower()):
        return "per_group"
    segment = _own_clause(sentence, match.start(), match.end(), _SEGMENT).lower()
    if re.search(r"\b(?:will|would|(?<!said )(?<!believed )(?<!thought )(?<!reported )to be|expected|projected|plans?|"
                 r"planned|allowed to|forecast)\b", segment):  # not "is said to be at a plant": a hedge
        return "projection"
    if re.search(r"\bestimat\w*", clause) or lead in ("an estimated", "approximately", "roughly"):
        return "estimate"
    if lead in ("some", "about", "around", "nearly", "almost") or re.search(
            r"(?i)\bseveral\s+(?:hundred|thousand|dozen)\b", match.group(0)):
        return "estimate"  # an approximate number (data/README.md: "around", "about", "some", "roughly")
    if low is not None and high is not None and low != high:
        return "estimate"  # a range such as "between 200 and 300"
    return "count"


def figure_for(text: str, offset: int, mention: Mention, figures: list[Figure]) -> Figure | None:
    """The figure of the clause that names the place; with several clauses, a figure of another clause is not
    this place's ("About 1,500 had entered Yanji, and around 600 more arrived in Tumen")."""
    if not figures:
        return None
    local = mention.start - offset
    figures = [f for f in figures if f.start > local or not _PART_OF_THEM.search(text[f.start: local])]
    if not figures:
        return None  # "40,000 were abroad, most of them in Kuwait": the total is not Kuwait's
    own = figure_clause(text, offset, mention, figures)
    if own is not None:
        inside = [f for f in figures if own[0] <= f.start < own[1]]
        return min(inside, key=lambda f: abs(f.start - local)) if inside else None
    clause = _clause_at(text, local)
    if clause is not None and not any(clause[0] <= f.start < clause[1] for f in figures) and _VAGUE.search(
            text[clause[0]: clause[1]]):
        return None  # "..., and dozens more are expected in Hunchun": a number of its own, not the other clause's
    return min(figures, key=lambda f: abs(f.start - local))


_VAGUE = re.compile(r"(?i)\b(?:dozens|hundreds|thousands|many|others|a\s+few|several|some\s+more|the\s+rest|"
                    r"a\s+(?:smaller|larger|second|further|separate)\s+(?:group|number|team|batch)|"
                    r"the\s+remainder|the\s+others|more\s+(?:workers|"
                    r"women|men))\b|\b(?:dozens|hundreds|thousands|few)\s+more\b|\bthere\s+(?:are|were|is)\s+more\b")
"""A quantity of its own with no number ("dozens more", "others")."""


def _clause_at(text: str, local: int) -> tuple[int, int] | None:
    """The clause (between ", and", ";" and the like) holding ``local``, when the sentence has more than one."""
    cuts = [0] + [m.end() for m in FIGURE_CLAUSE.finditer(text)] + [len(text)]
    if len(cuts) <= 2:
        return None
    return next(((a, b) for a, b in zip(cuts, cuts[1:], strict=False) if a <= local < b), None)


def figure_clause(text: str, offset: int, mention: Mention, figures: list[Figure]) -> tuple[int, int] | None:
    """The span of the clause naming the place, when the sentence's clauses carry figures of their own."""
    local = mention.start - offset
    cuts = [0] + [m.end() for m in FIGURE_CLAUSE.finditer(text)] + [len(text)]
    if len(cuts) > 2 and mention.words:
        for start, end in zip(cuts, cuts[1:], strict=False):
            if start <= local < end:
                inside = [f for f in figures if start <= f.start < end]
                with_figure = sum(any(a <= f.start < b for f in figures) for a, b in zip(cuts, cuts[1:], strict=False))
                if inside or with_figure > 1:
                    return start, end
    return None
