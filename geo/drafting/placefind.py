"""Find the places a sentence names: the dataset's own places and aliases first, then the gazetteer."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from . import gazetteer as gz
from .countries import countries_by_adjective
from .gazetteer import Entry
from .mentions import (
    Mention,
    border_provinces,
    inside_enclosing,
    km,
    organisation,
    qualifier_only,
    route_ends,
    size,
    without_overlaps,
)

SUFFIXES = {"province": "province", "city": "city", "county": "county", "village": "village", "town": "city",
            "township": "city", "district": "county", "prefecture": "region", "-si": "city", "-do": "province"}
_TOKEN = re.compile(r"(?:U\.S\.(?:A\.)?|[A-Z][\w'’.-]*[\w]|[A-Z])(?:['’]s\b)?|[\u4e00-\u9fff\uac00-\ud7af]{2,}")
_FUNCTION_WORDS = {
    "In", "The", "A", "An", "At", "Since", "From", "To", "By", "On", "And", "But", "So", "Even", "Most", "Many",
    "Some", "Until", "For", "With", "Across", "Near", "Outside", "Inside", "Like", "Then", "Now", "As", "Of",
}
MUNICIPALITIES = {"Beijing", "Shanghai", "Tianjin", "Chongqing", "Rason", "Nampo", "Kaesong"}
"""Province-level cities (China's and North Korea's): named bare, they mean the city, not the unit around it."""
_UNKNOWN_AFTER_NOUN = re.compile(r"\b(?:village|town|township|county)(?:,|\s+of)?\s+([A-Z][a-z]+)\b")
_EXPLICIT_PROVINCE = re.compile(r"^(?:\s+(?:City|city|County|county|Town|town|Village|village))?\s*(?:,|\s+of|\s+in)\s+"
                                r"(?:[A-Z][a-z]+\s+(?:City|city)\s+(?:of|in)\s+)?([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+Province")
_PARTICLE_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+(?:es|el|al|de|del|da|do|di|la|of)\s+[A-Z][\w'’-]+)+")  # Dar es
_COMPANY = re.compile(r"\b((?:[A-Z][\w&'’-]*\s+){2,4})(?:Co\.|Co\b|Company|Corp\.?|Corporation|Group|Ltd\.?|Inc\.?)")
"""A company's name: its words after the first (which is often its city) name the company wherever they recur."""

_CALLED_CITY = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:city|town|port|zone)\b")
"""An apposition that calls the place a city ("Rason, the North Korean trade zone"): not the province of that name."""
_PLACE_BEFORE = re.compile(r"\b(?:(?i:in|at|near|outside|around|through|across|throughout)|to|from|of|via)\s+"
                           r"(?:nearby\s+)?(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?(?:,\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+))*$")
_COUNTRY_AFTER = re.compile(r",\s+[A-Z]")
NEAR_KM = 250
"""A homonym this close to a place the article names with one meaning is the one the article means."""
ANCHOR_CHARS = 20_000
"""Anchors are read from the article's start (the dateline and the first places named)."""
NAMED_BARE = {"RU": 100_000}
"""A foreign city is read only in an article that names its country, or if it has a million people; Russia's cities
(China's and North Korea's neighbour, the other large host of North Korea's workers) are named bare from this size."""
BORDER_PROVINCES = frozenset({"Liaoning", "Jilin", "Heilongjiang"})
"""The last tie-breaker between homonyms nothing else tells apart: where most reports are."""

MAX_MENTIONS = 12
"""Places drafted from one sentence at most (the seeds name at most 5): a repeated place name stays cheap."""


class Placer:
    """Finds and resolves place names in the sentences of one article against one dataset's places."""

    def __init__(self, places: list[dict[str, str]], article_text: str):
        self.known = [_known_entry(row) for row in places]
        names = sorted({(name, i) for i, e in enumerate(self.known) for name in _names(e)}, key=lambda p: -len(p[0]))
        self.known_by_name = {name: self.known[i] for name, i in names}
        pattern = "|".join(re.escape(name) for name, _ in names) or r"(?!x)x"
        self.known_pattern = re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])")
        self.article_countries = self._countries_named(article_text) | gz.countries_in(article_text) | \
            countries_by_adjective(article_text)  # "the Cambodian capital": Siem Reap is read
        self.smaller = gz.smaller_abroad(self.article_countries)  # "Gdansk" in an article that names Poland
        self.index = gz.name_index() if not self.smaller else gz.name_index() | {
            name: gz.name_index().get(name, []) + entries for name, entries in self.smaller.items()}
        self.article_provinces = self._provinces_named(article_text)
        self.text = article_text
        self.company_words = {word for match in _COMPANY.finditer(article_text[:ANCHOR_CHARS])
                              for word in match.group(1).split()[1:]}
        self._anchors: list[Entry] | None = None

    # ------------------------------------------------------------------ finding

    def mentions(self, text: str, offset: int = 0) -> list[Mention]:
        """Places named in ``text`` (a sentence starting at ``offset`` in the article), in order."""
        found: list[Mention] = []
        for match in self.known_pattern.finditer(text):
            entry = self.known_by_name[match.group(0)]
            found.append(Mention(match.start(), match.end(), match.group(0), entry,
                                 f"'{match.group(0)}' is {entry.id} in the dataset's places"))
        for pattern, kind in gz.REGION_PATTERNS:
            for match in pattern.finditer(text):
                entry = self._known_or(gz.region_entry(match.group(1) if kind == "china" else kind))
                found.append(Mention(match.start(), match.end(), match.group(0), entry, _how(match.group(0), entry)))
        found += self._gazetteer_mentions(text)
        for match in (m for m in _PARTICLE_NAME.finditer(text) if m.group(0) in self.index):
            entry, how = self._choose(match.group(0), text, match.end(), "city")
            found += [Mention(match.start(), match.end(), match.group(0), entry, how)] if entry else []
        found += self._unknown_places(text, found)
        kept = without_overlaps(found)[:MAX_MENTIONS]
        kept = [m for m in kept if not qualifier_only(text, m, kept) and not organisation(text, m)
                and m.words not in self.company_words]  # "a second Sanxing plant": the company's, not a town
        kept = [inside_enclosing(text, m, kept) for m in kept]
        kept = border_provinces(text, kept, lambda: [self._known_or(gz.province_entry("CN", c)) for c in ("19", "05")])
        return [replace(m, start=m.start + offset, end=m.end + offset) for m in kept]

    def _gazetteer_mentions(self, text: str) -> list[Mention]:
        found = []
        tokens = route_ends(text, list(_TOKEN.finditer(text)), self.index, _TOKEN)  # "Khasan-Tumangang crossing"
        runs: list[list[re.Match[str]]] = []
        for token in tokens:
            gap = text[runs[-1][-1].end(): token.start()] if runs else ""
            joined = runs and (gap == " " or (gap == ". " and runs[-1][-1].group(0) == "St")) and not _possessive(
                runs[-1][-1].group(0))
            runs[-1].append(token) if joined else runs.append([token])
        for run in runs:
            words = ["Saint" if t.group(0) == "St" and len(run) > 1 else _plain(t.group(0)) for t in run]
            full_end = run[-1].end() - (2 if _possessive(run[-1].group(0)) else 0)
            while words and run[0].start() == _sentence_start(text) and (words[0] in _FUNCTION_WORDS or len(
                    words) > 1 and words[0] not in self.index and " ".join(words) not in self.index):
                run, words = run[1:], words[1:]  # "Neighbouring Kuwait": capitalised only as the sentence's first word
            precision = "city"
            if len(words) > 2 and words[-2:] == ["Autonomous", "Region"]:  # "Inner Mongolia Autonomous Region"
                precision, run, words = "province", run[:-1], words[:-1]
            elif len(words) > 1 and words[-1].lower() in SUFFIXES and words[-1] != "Province" and (
                    len(words) == 2 and not (words[-1] == "City" and gz.countries_in(words[0]))  # "Kuwait City"
                    or " ".join(words) not in self.index):  # "Kuandian Manchu Autonomous County"
                precision, run, words = SUFFIXES[words[-1].lower()], run[:-1], words[:-1]
            if len(words) > 1 and words[-1] == "Autonomous":  # "Yanbian Korean Autonomous": peoples go with the kind
                keep = _name_words(words, self.index)
                run, words = run[:keep], words[:keep]
            after = text[run[-1].end():] if run else ""
            lower_suffix = re.match(r"\s+(city|county|village|town|prefecture)\b", after)
            if lower_suffix:
                precision = SUFFIXES[lower_suffix.group(1)]
            name = " ".join(words)
            region_word = re.match(r"\s+(region|oblast|krai|territory)\b", after)
            if words and region_word and f"{name} {region_word.group(1).title()}" in self.index:
                name = f"{name} {region_word.group(1).title()}"  # "the Amur region": Amur Oblast
                full_end = run[-1].end() + region_word.end()
            province = re.match(r"\s+province\b", after)  # "Sichuan province", "Inner Mongolia": the province
            ahead = text[: run[0].start()] if run else ""  # "across Fujian"; not "in Shidao in Shandong" (locates it)
            bare = province or len(words) > 1 or _PLACE_BEFORE.search(ahead) and not re.search(
                r"\bin\s+[A-Z][\w'’-]+\s+in\s+$", ahead) and not _possessive(run[-1].group(0))  # not "Liaoning's"
            if words and name not in self.index and f"{name} Province" in self.index and bare:
                name, full_end = f"{name} Province", run[-1].end() + (province.end() if province else 0)
            if not words or name not in self.index or (name in self.smaller and name not in gz.name_index() and not (
                    _PLACE_BEFORE.search(text[: run[0].start()]) or _COUNTRY_AFTER.match(text[full_end:])
                    or text.strip() == name)):
                continue  # a smaller city abroad is read after "in", "near" or before ", Poland" (not "Police said")
            entry, how = self._choose(name, text, run[-1].end(), precision)
            if entry is not None:
                found.append(Mention(run[0].start(), full_end, name, entry, how, fallback=how.startswith("fallback")))
        return found

    def _unknown_places(self, text: str, found: list[Mention]) -> list[Mention]:
        """A village or county the gazetteer lacks: placed at the smallest enclosing place the sentence names."""
        out = []
        for match in list(_UNKNOWN_AFTER_NOUN.finditer(text)) + list(
                re.finditer(r"\b([A-Z][a-z]+)\s+(?:[A-Z][a-z]+\s+){0,2}(?:Autonomous\s+)?(?:Village|Town|Township|County|"
                           r"Prefecture|Development\s+Zone|New\s+Area)\b", text)):
            name = match.group(1)
            if name in self.index or name in self.known_by_name:
                continue
            if any(m.start <= match.start(1) < m.end for m in found):
                continue
            enclosing = [m for m in found if m.start > match.start(1) and not m.entry.precision == "country"]
            if enclosing:
                best = min(enclosing, key=lambda m: size(m.entry))
                out.append(Mention(match.start(1), match.end(1), name, best.entry,
                                   f"fallback: '{name}' is not in the gazetteer; recorded at {best.entry.name}, "
                                   "the smallest enclosing place the text names", fallback=True))
        return out

    def _choose(self, name: str, text: str, end: int, precision: str) -> tuple[Entry | None, str]:
        candidates = [e for e in (gz.resolve(e) for e in self.index[name]) if e is not None]
        provinces = [e for e in candidates if e.precision == "province"]
        if provinces:
            entry = self._known_or(provinces[0])
            return entry, _how(name, entry)
        bare_province = [e for e in (gz.resolve(x) for x in self.index.get(f"{name} Province", [])) if e]
        if bare_province and precision == "city" and not re.match(r"\s+(?:City|city)\b", text[end:]) and (
                name not in MUNICIPALITIES) and not _CALLED_CITY.match(text[end:]):
            entry = self._known_or(bare_province[0])
            return entry, f"'{name}' read as the province (no 'city' after it); " + _how(name, entry)
        countries = [e for e in candidates if e.precision == "country"]
        if countries:
            entry = self._known_or(countries[0])
            return entry, _how(name, entry)
        explicit = _EXPLICIT_PROVINCE.match(text[end:])
        if explicit:
            province = explicit.group(1)
            matching = [e for e in candidates if e.admin1 == province]
            if not matching:
                enclosing = self._known_or(self._province_named(province)) if self._province_named(province) else None
                if enclosing is None:
                    return None, ""
                return enclosing, (f"fallback: no '{name}' in {province} in the gazetteer; recorded at "
                                   f"{enclosing.name}, the smallest enclosing place the text names")
            candidates = matching
        home = [e for e in candidates if e.country in ("CN", "KP")]
        if not home:
            candidates = [e for e in candidates if e.country in self.article_countries or e.population >= 1_000_000
                          or e.population >= NAMED_BARE.get(e.country, 1_000_000)
                          or e.geonames_id in gz.capital_ids()]
        else:
            candidates = home
        if not candidates:
            return None, ""
        anchors = [a for a in self.anchors() if a.name != name] if len(candidates) > 1 else []

        def near(e: Entry) -> bool:
            return any(km(a, e) <= NEAR_KM for a in anchors)

        best = max(candidates, key=lambda e: (e.admin1 in self.article_provinces, near(e), e.precision == precision,
                                              math.log10(e.population + 10), e.admin1 in BORDER_PROVINCES))
        if re.match(r"\s+[Dd]istrict\b", text[end:]) and not best.known and best.admin1 not in self.article_provinces \
                and not any(km(a, best) <= NEAR_KM for a in self.anchors() if a.id != best.id):
            return None, ""  # "the city's Heping district": a district of a city named, not a county far away
        hint = precision if best.geonames_id and precision in ("city", "county", "village") else best.precision
        entry = self._known_or(gz.with_precision(best, hint))
        why = _how(name, entry)
        if len(home) > 1:
            why += (f"; {len(home)} places of this name in China and North Korea, chose the one in "
                    f"{best.admin1 or best.country}" + (" (a province the article names)"
                                                          if best.admin1 in self.article_provinces else
                                                          f" (within {NEAR_KM} km of a place the article names)"
                                                          if near(best) else " (the most populous)"))
        return entry, why

    def anchors(self) -> list[Entry]:
        """Places the article names that have one meaning: the dataset's own, and names with one place of
        that name in China and North Korea (a homonym is read as the one near them)."""
        if self._anchors is None:
            found: dict[str, Entry] = {}
            for match in self.known_pattern.finditer(self.text[:ANCHOR_CHARS]):
                found.setdefault(match.group(0), self.known_by_name[match.group(0)])
            for match in re.finditer(r"\b[A-Z][A-Za-z'’]+\b", self.text[:ANCHOR_CHARS]):
                word = re.sub(r"['’]s$", "", match.group(0))
                word = word.title() if word.isupper() else word
                home = [e for e in self.index.get(word, []) if e.country in ("CN", "KP") and e.precision != "country"]
                if len(home) == 1 and not home[0].precision == "province" and word not in found:
                    found[word] = home[0]
            self._anchors = list(found.values())
        return self._anchors

    def _known_or(self, entry: Entry) -> Entry:
        """The dataset's own place for a gazetteer entry (same GeoNames id, province, country or name)."""
        for known in self.known:
            same = (entry.geonames_id and known.geonames_id == entry.geonames_id) or known.id == entry.id or (
                known.precision == entry.precision and entry.is_area and known.country == entry.country
                and (known.admin1 == entry.admin1 if entry.precision == "province" else
                     entry.precision == "country" or known.name == entry.name))
            if same:
                return known
        return entry

    def _province_named(self, name: str) -> Entry | None:
        found = [gz.resolve(e) for e in self.index.get(f"{name} Province", [])]
        return found[0] if found else None

    def _provinces_named(self, text: str) -> set[str]:
        named = {province[0] for province in gz.PROVINCES.values()
                 if re.search(rf"\b{re.escape(province[0])}\b", text)}
        return named | {e.admin1 for e in self.known if e.admin1 and re.search(rf"\b{re.escape(e.name)}\b", text)}

    def _countries_named(self, text: str) -> set[str]:
        return {"CN", "KP"} | {e.country for e in self.known if e.precision == "country" and e.name in text}


def _known_entry(row: dict[str, str]) -> Entry:
    return Entry(id=row["id"], name=row["name"], admin1=row.get("admin1", ""), country=row.get("country", ""),
                 lat=float(row["lat"]), lon=float(row["lon"]), precision=row["precision"],
                 radius_km=row.get("radius_km", ""), geonames_id=row.get("geonames_id", ""),
                 location_note=row.get("location_note", ""), aliases=row.get("aliases", ""), known=True)


def _names(entry: Entry) -> list[str]:
    names = [entry.name] + [a for a in entry.aliases.split(";") if a]
    return [n for n in names if len(n) >= 2 and not (n.isupper() and len(n) <= 3 and n not in ("PRC", "UAE", "DPRK"))]


def _how(words: str, entry: Entry) -> str:
    where = "the dataset's places" if entry.known else "the gazetteer"
    return f"'{words}' is {entry.name} ({entry.precision}, {entry.admin1 or entry.country or 'no country'}) in {where}"


def _name_words(words: list[str], index: dict) -> int:
    """How many words name the place before "Autonomous" ("Inner Mongolia", not "Yanbian Korean")."""
    return max(n for n in range(1, len(words)) if n == 1 or {" ".join(words[:n]), " ".join(words[:n]) + " Province"}
               & index.keys())


def _plain(token: str) -> str:
    token = re.sub(r"['’]s$", "", token)
    return token.title() if token.isupper() and len(token) > 4 else token


def _sentence_start(text: str) -> int:
    return len(text) - len(text.lstrip(" \"“‘([*※◆-"))


_possessive = re.compile(r"['’]s$").search
