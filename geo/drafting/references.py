"""References back: the places earlier sentences named, and the words that point back to them."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from . import gazetteer as gz
from .article import Sentence
from .countries import ADJECTIVES
from .cues import ANAPHORA, PRONOUN_SUBJECT
from .gazetteer import Entry
from .mentions import Mention
from .sectors import sectors_in

if TYPE_CHECKING:
    from .placefind import Placer

AREA_WORD = re.compile("province|region|prefecture")
"""A reference back to an area ("the prefecture", "these provinces")."""

DISTANCE_FROM = re.compile(r"(?i)\b(?:kilomet(?:re|er)s?|km|miles|drive|ride)\s+(?:[\w'’-]+\s+){0,4}(?:from|of)\s+"
                           r"(?:the\s+)?$")
"""A place named only to say how far away another is ("40 kilometres up the river from Tumen"): not what a later
reference back ("the factories") means."""


@dataclass
class Context:
    """What earlier sentences said: the last place named, by paragraph."""

    last: list[tuple[int, Mention]] = field(default_factory=list)

    dateline: Mention | None = None

    capital: Mention | None = None
    """The dateline's capital ("BEIJING -"), which "the capital" in a later sentence means."""

    abroad: Entry | None = None
    """The dateline's country when the story is filed from a country where workers are, other than China."""

    def most_named_country(self) -> str:
        """The country (ISO code) more of the places named so far lie in than in China ("" if none; North Korea,
        the workers' home, left out): an article about Laos or Uruguay is not about China."""
        counts = Counter(m.entry.country for _, m in self.last if m.entry.country not in ("", "KP"))
        top = max(counts, key=lambda c: counts[c], default="")
        return top if top and top != "CN" and counts[top] > counts["CN"] else ""

    def country(self, here: Entry | None = None) -> Mention | None:
        """The country ``here`` (the one country the sentence itself names, if any: "Senegal's government said ...
        in the country"), else the last country other than North Korea named ("in the country" refers back)."""
        if here is not None:
            return Mention(0, 0, "", here, f"the country the sentence names: {here.name}")
        return next((m for _, m in reversed(self.last) if m.entry.precision == "country" and m.entry.country != "KP"),
                    None)

    def carried(self, paragraph: int, areas: bool, noun: bool = False) -> Mention | None:
        """The last place named in this paragraph or the one before (a province or region only if ``areas``),
        else the dateline's city; for a noun that names the kind ("the city", "the prefecture") with no dateline,
        the last such place named earlier in the article."""
        kinds = ("province", "region") if areas else ("village", "city", "county")
        home: Mention | None = None
        for p, m in reversed(self.last):  # newest first: a long article must not be scanned once per sentence
            if p < paragraph - 1 and not (noun and (areas or self.dateline is None)):
                break
            if p <= paragraph and (m.entry.precision in kinds or (
                    not areas and m.entry.precision == "region" and m.entry.admin1)):  # a prefecture: "these plants"
                if m.entry.country != "KP":
                    return m
                home = home or m  # a North Korean place is where workers come from: only if no other fits
        if self.dateline is not None and not areas:
            return self.dateline
        return home


IN_THE_COUNTRY = re.compile(r"(?i)\b(?:in|across|throughout|around)\s+the\s+country\b")
"""Workers "in the country": the country named before (not North Korea)."""
DIRECTION_OF = re.compile(r"(?i)\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+(?:the|this|that)\s+"
                          r"(?:[\w-]+\s+)?(?:capital|city|town|port)\b")
"""A place given only by its direction from one named before ("south of the capital"): not that place."""
THE_CAPITAL = re.compile(r"(?<!north of )(?<!south of )(?<!east of )(?<!west of )"
                         r"\b(?:the|this)\s+(?:[A-Z][a-z]+\s+)?capital\b(?!\s+of\b(?!\s+(?:this|the)\s+"
                         r"(?:[\w-]+\s+){0,3}?(?:nation|country|state|kingdom|republic)\b))")
"""The capital a story is filed from, named again ("in the capital's art district")."""
THIS_CITY = re.compile(r"(?i)^th(?:is|at)\s+(?:(?:Chinese|Russian|[a-z-]+)\s+){0,2}(?:city|town|county)$")
"""A demonstrative reference to a city ("this border city", "that port town"): it names a city of its own beside any
other place of the sentence."""


def names_kind(text: str) -> bool:
    """A reference back by a noun that names the kind of place ("the city", "this prefecture")."""
    anaphor = ANAPHORA.search(text)
    return bool(anaphor and re.search(r"(?:city|town|county|prefecture|province|region)$", anaphor.group(0)))


def located_reference(text: str, sentence: Sentence, mentions: list[Mention], context: Context) -> list[Mention]:
    """"in this border city in Jilin province", "in this resort city on Hainan island": the province only locates
    the city the words refer back to (the dateline's, or the last named), which is the place."""
    anaphor = ANAPHORA.search(text)
    if not anaphor or not re.search(r"(?:city|town|county)$", anaphor.group(0)):
        return mentions
    located = [m for m in mentions if (m.entry.precision in ("province", "region") or re.match(
        r"\s+(?:[Pp]refecture|[Pp]rovince|[Rr]egion)\b", text[m.end - sentence.start:])) and re.fullmatch(
        r",?\s*(?:in|on)\s+(?:the\s+)?(?:[a-z-]+\s+)?(?:[A-Z][\w-]*['’]s\s+)?",
        text[anaphor.end(): m.start - sentence.start])]
    city = context.carried(sentence.paragraph, False) if located else None
    if city is None:
        return mentions
    named = replace(city, start=sentence.start + anaphor.start(), end=sentence.start + anaphor.end(),
                    words=anaphor.group(0), how=f"'{anaphor.group(0)}' refers back to {city.entry.name}; "
                                                f"{located[0].entry.name} only locates it")
    return sorted([m for m in mentions if m not in located] + [named], key=lambda m: m.start)


WORKPLACES = re.compile(r"(?i)\b(?:the|these|those|their|similar|some\s+of\s+the|many\s+of\s+the|most\s+of\s+the)\s+"
                        r"(?:factories|plants|workshops|restaurants|mills|sites|camps|dormitories)\b")
"""The workplaces of the workers the sentence before was about ("Some of the factories have moved to Donggang"); with
"N of them", a sentence that names a place goes on about those workers ("A farm in Mishan took on 60 of them")."""


def goes_on_about_work(text: str, rules: list) -> bool:
    """"They were sent to a clothing factory", "about 19,000 of them were in China": the workers of the sentence
    before, their work, their move or their number."""
    subject = PRONOUN_SUBJECT.search(text)
    if subject and re.match(r"(?:In|At|Across|Elsewhere)\b", subject.group(0)):
        return True  # "In Kuwait, most of the men ...": a place of theirs, named at the opening
    return bool(subject and (sectors_in(text, rules)[0] or ANAPHORA.search(text) or re.search(
        r"(?i)\b(?:sent|moved|transferred|assigned|placed|arrived|came|crossed|travell?ed|left|fled|flew|housed|"
        r"lodged)\b",
        text))) or bool(
        re.search(r"(?i)\b(?:[\d,]+|some|many|most|half|all)\s+of\s+them(?:\s+(?:were|are|work|worked|had|have)\b"
                  r"|\s*:)", text))


def city_named_before(text: str, offset: int, named: list[Mention], kept: list[Mention]) -> Mention | None:
    """"A source in Dandong said ... in the city's garment sector": a city the sentence names before "the city", even
    one named only as where someone speaks, is the city the words refer back to."""
    anaphor = ANAPHORA.search(text)
    if not anaphor or not re.search(r"(?:city|town)(?:['’]s)?$", anaphor.group(0)):
        return None
    return next((m for m in reversed(named) if m not in kept and m.entry.precision == "city" and m.entry.country != "KP"
                 and m.end - offset <= anaphor.start() and not _LANDMARK.match(text[m.end - offset:])), None)


_LANDMARK = re.compile(r"\s+(?:River|Bridge|Mountains?|Lake|Bay|Strait|Estuary|Dam)\b")
"""A city's name that names a river or a bridge ("Across the Tumen River"): not a city "the city" can refer to."""


def capital_by_adjective(placer: Placer, text: str) -> Mention | None:
    """The capital a sentence names by its country's adjective ("the Lao capital"), with or without a dateline."""
    named = THE_CAPITAL.search(text)
    iso = ADJECTIVES.get(named.group(0).split()[1]) if named and len(named.group(0).split()) == 3 else None
    capital = gz._geonames()[1].get(iso, {}).get("capital") if iso else None  # noqa: SLF001 - same package
    found = [m for m in placer.mentions(capital, 0) if m.entry.country == iso] if capital else []
    return replace(found[0], start=named.start(), end=named.end(), words=named.group(0),
                   how=f"'{named.group(0)}' is {found[0].entry.name}") if found else None
