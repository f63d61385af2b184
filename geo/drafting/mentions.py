"""A place named in a sentence, and the checks that drop or move one by the words around it."""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from .gazetteer import Entry

_OFFICE = (r"['’]s\s+(?:[\w-]+\s+){0,2}(?:minister|ministry|president|prime\s+minister|spokes(?:man|woman|person)|"
           r"envoy|ambassador|state\s+media|mission|delegation|diplomats?)\b")
_OFFICE_HOLDER = re.compile(rf"^(?i:{_OFFICE})")
"""A place named for an office holder: "South Korea's unification minister", "Seoul's Foreign Ministry"."""
_ORGANISATION_AFTER = re.compile(
    rf"^(?:(?i:-based|{_OFFICE}|['’]s\s+(?:government|regime|leader|leadership|authorities|state|weapons|nuclear|missile|military|"
    r"ministry|foreign\s+ministry|spy\s+agency|intelligence|embassy|coffers|treasury|ruling\s+party|officials|economy|"
    r"(?:[\w-]+\s+)?(?:authority|agency|coast\s+guard|navy|police|customs|inspectors?))|\s+(?:restaurants?|chain|company|companies|"
    r"hotel|gallery|institute|university|academy|government|regime|provincial|municipal|city\s+government|authorities|state|style|leader|officials?|"
    r"(?:[a-z]+\s+)?(?:studios?|firms?|agency|bank|enterprises?)|"
    r"market|trading|traders?|eatery|eateries)\b)"
    r"|(?:\s+[A-Z][\w&'’-]*){1,4}\s+(?:Co\.|Co\b|Company|Corp\.?|Corporation|Group|Ltd\.?|Inc\.?|Trading|Industr\w*)"
    r"|['’]s(?:\s+[A-Z][\w&'’-]*){0,4}\s+(?:Service|Ministry|Agency|Institute|Office|Bureau|Department|Council|"
    r"Committee|Commission|Court|Parliament|Assembly|Police|Army|Navy|Embassy|Consulate|Party)\b)")
CAPITALS = {"Beijing", "Pyongyang", "Seoul", "Moscow", "Washington", "Tokyo"}
_GOVERNMENT_VERB = re.compile(r"^(?:\s+and\s+(?:Beijing|Pyongyang|Seoul|Moscow|Washington|Tokyo))?"
                              r"\s+(?:itself\s+|(?:can|could|would|will|must)\s+)?(?:said|says|stepped|has|have|had|is|was|wants|announced|accused|insists|agreed|"
                              r"voted|approved|signed|depends|relies|pays|paid|pay|set|sets|ordered|orders|imposed|told|tells|"
                              r"denied|denies|deny|rejects|rejected|barred|bars|banned|bans|halted|stopped|suspended|blocked|maintains|insisted|responded|protested|estimates|estimated|repatriated|"
                              r"deported|expelled|refused|demanded|claims|claimed|allows|allowed|earns|earned|receives|received|collects|takes|took|"
                              r"urges|urged|presses|pressed)\b")
_CAPITAL = re.compile(r"\b(?:Beijing|Pyongyang|Seoul|Moscow|Washington|Tokyo)\b")
_ORGANISATION_BEFORE = re.compile(r"(?:restaurant\s+chain|company|chain|named|called|name)\s+$", re.I)


APPOSITION = re.compile(r",\s*(?:(?:both|all|each)\s+)?(?:in\s+)?|,\s*in\s+(?:the\s+)?[a-z-]+\s+|\s+in\s+|"
                        r",\s*in\s+(?:[a-z-]+\s+)?[A-Z][\w-]*['’]s\s+(?:[a-z-]+\s+)?|"
                        r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}(?:in|of)\s+(?:(?:[a-z-]+\s+)?[A-Z][\w-]*['’]s\s+"
                        r"(?:[a-z-]+\s+)?)?")
"""Between a place and a province that only locates it: "Donggang, Liaoning", "Donggang, a port town in Liaoning",
"Ji'an, in neighbouring Jilin", "Tumen, a city in China's Jilin Province", "Huizhou, in southern China's Guangdong"."""


_PROVINCE_BEFORE_CITY = re.compile(r"(?:\s+[Pp]rovince)?(?:['’]s\s+|\s+(?:[\w-]+\s+)?(?:city|port|town|county|village)"
                                   r"\s+of\s+|,\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:city|port|town|county)\s+of\s+)")
"""Between a province and a city of it that it only locates: "Liaoning's Dandong", "the Jilin city of Tumen",
"Shandong province, in the coastal city of Weihai"."""
_COUNTRY_AFTER_PLACE = re.compile(
    r",\s*(?:(?:both|all|each)\s+)?(?:in\s+)?(?:(?:north|south|east|west|central)[\w-]*\s+)?"
    r"|,\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}(?:of|in)\s+(?:(?:north|south|east|west|central)[\w-]*\s+)?"
    r"|,?\s+in\s+the\s+(?:[\w-]+\s+){1,3}(?:region|province|oblast|krai|state)\s+of\s+")
"""Between a place and its country named only to locate it: "Vientiane, the capital of Laos", "Siem Reap, in
northwest Cambodia", "Tynda, in the Amur region of Russia"."""
_COUNTRY = re.compile(r"\b(?:United\s+States|U\.S\.|South\s+Korea|North\s+Korea|Japan|Russia|China|Britain|"
                      r"European\s+Union)\b")


def government(text: str) -> bool:
    """A capital named as its government ("Beijing has said", "Moscow and Beijing have denied"), a country
    ("The United States said"), or either for an office holder ("South Korea's labour minister")."""
    return any(_GOVERNMENT_VERB.match(text[m.end():]) or _OFFICE_HOLDER.match(text[m.end():])
               for m in re.finditer(_CAPITAL, text)) or any(
        _COUNTRY_SPEAKS.match(text[m.end():]) or _OFFICE_HOLDER.match(text[m.end():])
        for m in re.finditer(_COUNTRY, text))


@dataclass(frozen=True)
class Mention:
    """A place named in a sentence: its offsets in the article, the words, the place, and why."""

    start: int
    end: int
    words: str
    entry: Entry
    how: str
    fallback: bool = False


def size(entry: Entry) -> int:
    return ["village", "county", "city", "province", "region", "country"].index(entry.precision)


def without_overlaps(found: list[Mention]) -> list[Mention]:
    """Longest mention first; dataset places before gazetteer entries; no two overlap."""
    kept: list[Mention] = []
    starts: list[int] = []  # the kept mentions' starts, in order; kept mentions never overlap
    for mention in sorted(found, key=lambda m: (-(m.end - m.start), not m.entry.known, m.start)):
        index = bisect.bisect_left(starts, mention.start)
        if index < len(starts) and starts[index] < mention.end:
            continue  # a kept mention starts inside this one
        if index > 0 and kept[index - 1].end > mention.start:
            continue  # the kept mention before this one reaches into it
        starts.insert(index, mention.start)
        kept.insert(index, mention)
    return kept


def qualifier_only(text: str, mention: Mention, kept: list[Mention]) -> bool:
    """A country or province used only to locate another place: "Ningbo, China", "China's Jilin Province",
    "Donggang, Liaoning"."""
    if mention.entry.precision == "province":
        return any(k.end <= mention.start and APPOSITION.fullmatch(text[k.end: mention.start])
                   and k.entry.precision not in ("province", "country") and k.entry.admin1 == mention.entry.admin1
                   for k in kept) or any(
            k.start >= mention.end and _PROVINCE_BEFORE_CITY.fullmatch(text[mention.end: k.start])
            and k.entry.precision not in ("province", "region", "country") and k.entry.admin1 == mention.entry.admin1
            for k in kept)  # "Liaoning's Dandong", "the Jilin city of Tumen"
    if mention.entry.precision == "region":  # "southern China's Guangdong Province": the province is the place
        return any(k.start >= mention.end and re.fullmatch(r"['’]s\s+", text[mention.end: k.start]) for k in kept)
    if mention.entry.precision != "country":
        return False
    before, after = text[: mention.start], text[mention.end:]
    follows_place = any(k.end <= mention.start and _COUNTRY_AFTER_PLACE.fullmatch(text[k.end: mention.start])
                        and not k.entry.is_area for k in kept)
    possessive_of_place = any(k.start >= mention.end and re.fullmatch(r"['’]s\s+", text[mention.end: k.start])
                              for k in kept)
    return follows_place or possessive_of_place or bool(re.match(r"['’]s\s+(?:[A-Z]\w+ ){0,2}Province", after)) or (
        before.endswith("in ") and after.startswith(" Province"))


def inside_enclosing(text: str, mention: Mention, kept: list[Mention]) -> Mention:
    """A gazetteer place the text locates in a larger one ("X Village, Hunchun") must lie inside it.

    When it does not, the gazetteer has another place of that name: the mention falls back to the
    enclosing place, and says so.
    """
    if mention.entry.known or mention.fallback:
        return mention
    following = [k for k in kept if k.start >= mention.end
                 and re.fullmatch(r"(?:,\s*|\s+(?:of|in)\s+)", text[mention.end: k.start])]
    if not following or size(following[0].entry) <= size(mention.entry):
        return mention
    outer = following[0].entry
    if outer.precision == "country":
        inside = outer.country == mention.entry.country
    elif outer.precision in ("province", "region"):
        inside = outer.admin1 == mention.entry.admin1 or outer.precision == "region"
    else:
        inside = km(outer, mention.entry) <= 60
    if inside:
        return mention
    return replace(mention, entry=outer, fallback=True,
                   how=f"fallback: the gazetteer's '{mention.words}' is not in {outer.name}, where the text places "
                       f"it; recorded at {outer.name}, the smallest enclosing place the text names")


def km(a: Entry, b: Entry) -> float:
    lat1, lon1, lat2, lon2 = (math.radians(x) for x in (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


_COUNTRY_SPEAKS = re.compile(r"^(?:\s+and\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?"
                             r"(?:,\s+which\s+[^,;]{1,100},)?\s+"
                             r"(?:(?:has|have|had)\s+no\s+(?:direct\s+|diplomatic\s+|formal\s+)?(?:channels?|ties|relations|"
                             r"contacts?|embassy|leverage)\b|(?:(?:has|have|had|did|do|does)\s+(?:not\s+|never\s+)?)?"
                             r"(?:said|says|denied|denies|insist\w*|claim\w*|announc\w*|accus\w*|demand\w*|refus\w*|"
                             r"agreed|impos\w*|sanction\w*|urg\w*|estimat\w*|believes|believed|warn\w*|say|promis\w*|pledg\w*|vow\w*|"
                             r"decid\w*|vot\w*|ordered|orders|expelled|deported)\b)")
"""A country that speaks or acts as its government: "The United States said", "Japan and South Korea accused",
"Japan and the United States, which lead the sanctions effort, have urged", "Japan has no direct channel to"."""


def organisation(text: str, mention: Mention) -> bool:
    """A place name used in a name or as a modifier: "Pyongyang-based", "the Pyongyang restaurant"; a country
    speaking as its government ("The United States said ...")."""
    after = text[mention.end:]
    if mention.entry.precision == "country" and _COUNTRY_SPEAKS.match(after) and not _SENT_HOME.search(after[:120]):
        return True  # (not "Mongolia says it has sent all of its North Korean laborers home": none there now)
    if mention.words in CAPITALS and (_GOVERNMENT_VERB.match(after) or re.search(
            r"(?i)\b(?:with|and|between|urged|urges|pressed|presses|asked|asks|called\s+on|calls\s+on|critici[sz]ed|told|"
            r"(?:channels?|ties|relations|talks|contacts?|links)\s+(?:to|with))\s+$",
            text[: mention.start]) and not _PLACES_BEFORE.search(text[: mention.start])):
        return True  # the government, not the city: "as Beijing stepped up", "programs with Pyongyang"
    if mention.entry.country != "KP" and _ESTABLISHMENT_AFTER.match(after) and re.search(
            r"(?i)\b(?:the|a|an|its|one|this|that|in|at|to)\s+$", text[: mention.start]):
        return False  # "the Ningbo restaurant", "in Beijing restaurants": in the city (a North Korean one: a chain)
    if mention.entry.country == "KP" and _EMPLOYER_AFTER.match(after):
        return True  # "Pyongyang's Mansudae studio": the employer, not where the workers come from
    return bool(_ORGANISATION_AFTER.match(after) or _ORGANISATION_BEFORE.search(text[: mention.start]))


_PLACES_BEFORE = re.compile(r"(?<!ties\s)(?<!links\s)(?<!talks\s)(?<!channel\s)(?<!channels\s)(?<!relations\s)"
                            r"\b(?:in|at|via|through|to|from|near|into|across)\s+(?:[A-Z][\w'’-]*\s+)?[A-Z][\w'’-]*"
                            r"(?:,\s+(?:[A-Z][\w'’-]*\s+)?[A-Z][\w'’-]*)*,?\s+and\s+$")
"""Places the capital is listed with after a word of place: "left via Rome and Beijing", "through Shenyang and
Beijing" (the city, not its government as in "Moscow and Beijing have denied")."""
_SENT_HOME = re.compile(r"(?i)\b(?:sent|returned)\s+(?:all\s+)?(?:of\s+)?(?:its|their|the)?\s*"
                        r"(?:[\w-]+\s+){0,4}?(?:home|back)\b|\b(?:repatriated|expelled|deported)\b")
_EMPLOYER_AFTER = re.compile(r"^['’]s\s+(?:[A-Z][\w-]*\s+){1,3}(?:(?:art\s+)?studios?|company|companies|corporation|"
                             r"group|firm|enterprise|bureau)\b")


_ESTABLISHMENT_AFTER = re.compile(r"^\s+(?:restaurants?|company|companies|hotel|gallery|eatery|eateries)\b")
"""A lower-case establishment after a place outside North Korea: where it is, not its name."""


_BORDER_PROVINCES = re.compile(r"\b(?:north-?eastern\s+)?(?:Chinese\s+)?provinces,?\s+bordering\s+North\s+Korea\b",
                               re.I)


def border_provinces(text: str, kept: list[Mention], provinces: Callable[[], list[Entry]]) -> list[Mention]:
    """"(Chinese) provinces bordering North Korea" are Liaoning and Jilin (``provinces``), not the whole northeast
    (Heilongjiang borders no part of it): one candidate each, in place of a region named in the phrase."""
    match = _BORDER_PROVINCES.search(text)
    if not match:
        return kept
    inside = [m for m in kept if m.start < match.end() and match.start() < m.end and m.entry.is_area]
    added = [Mention(match.start(), match.end(), match.group(0), entry,
                     f"'{match.group(0)}': the Chinese provinces bordering North Korea are Liaoning and Jilin")
             for entry in provinces()]
    return sorted([m for m in kept if m not in inside] + added, key=lambda m: m.start)


_ROUTE_AFTER = re.compile(r"^\s+(?:[a-z]+\s+)?(?:crossing|bridge|border|checkpoint|railway|rail|road|highway|route|"
                          r"line|ferry)\b", re.I)


def route_ends(text: str, tokens: list[re.Match[str]], names: Mapping[str, object],
               token: re.Pattern[str]) -> list[re.Match[str]]:
    """Capitalised words with a hyphenated pair of places before a crossing or a route split into the two places
    ("through the Tumangang-Khasan crossing", "the Hunchun-Rason road"): each end is named."""
    out = []
    for match in tokens:
        first, _, second = match.group(0).partition("-")
        if second and match.group(0) not in names and first in names and second in names and second[0].isupper() \
                and _ROUTE_AFTER.match(text[match.end():]):
            out += [token.match(text, match.start(), match.start() + len(first)),
                    token.match(text, match.end() - len(second), match.end())]
        else:
            out.append(match)
    return out
