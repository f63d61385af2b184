"""China's prefectures and counties for drafting: cpca's adcodes with English names, checked against GeoNames."""

from __future__ import annotations

import csv
import functools
import importlib.metadata
import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

PROVINCE_OF_ADCODE = {
    "11": "Beijing", "12": "Tianjin", "13": "Hebei", "14": "Shanxi", "15": "Inner Mongolia", "21": "Liaoning",
    "22": "Jilin", "23": "Heilongjiang", "31": "Shanghai", "32": "Jiangsu", "33": "Zhejiang", "34": "Anhui",
    "35": "Fujian", "36": "Jiangxi", "37": "Shandong", "41": "Henan", "42": "Hubei", "43": "Hunan",
    "44": "Guangdong", "45": "Guangxi", "46": "Hainan", "50": "Chongqing", "51": "Sichuan", "52": "Guizhou",
    "53": "Yunnan", "54": "Tibet", "61": "Shaanxi", "62": "Gansu", "63": "Qinghai", "64": "Ningxia",
    "65": "Xinjiang",
}
"""The first two digits of an adcode → the province as gazetteer.PROVINCES names it."""

PEOPLES = {
    "朝鲜": "Korean", "满": "Manchu", "蒙古": "Mongol", "回": "Hui", "藏": "Tibetan", "彝": "Yi", "苗": "Miao",
    "土家": "Tujia", "壮": "Zhuang", "侗": "Dong", "布依": "Bouyei", "瑶": "Yao", "黎": "Li", "傣": "Dai", "白": "Bai",
    "哈尼": "Hani", "傈僳": "Lisu", "羌": "Qiang", "纳西": "Naxi", "拉祜": "Lahu", "佤": "Va", "景颇": "Jingpo",
    "哈萨克": "Kazakh", "柯尔克孜": "Kyrgyz", "锡伯": "Xibe", "达斡尔": "Daur", "鄂温克": "Evenki", "鄂伦春": "Oroqen",
    "土": "Tu", "撒拉": "Salar", "东乡": "Dongxiang", "保安": "Bonan", "裕固": "Yugur", "仡佬": "Gelao", "水": "Sui",
    "毛南": "Maonan", "仫佬": "Mulao", "畲": "She", "各": "Multi-Ethnic", "塔吉克": "Tajik", "怒": "Nu",
    "独龙": "Derung", "普米": "Pumi", "阿昌": "Achang", "布朗": "Blang", "德昂": "De'ang", "基诺": "Jino",
}
"""Peoples named in autonomous units' names (朝鲜族 → Korean): a name's English form keeps them."""

# Chinese ending → English word, and the kind of unit. Longest first.
_ENDINGS = (
    ("自治州", "Autonomous Prefecture", "prefecture"), ("自治县", "Autonomous County", "county"),
    ("自治旗", "Autonomous Banner", "county"), ("地区", "Prefecture", "prefecture"),
    ("林区", "Forestry District", "county"), ("特区", "Special District", "county"),
    ("盟", "League", "prefecture"), ("县", "County", "county"), ("旗", "Banner", "county"), ("市", "", "city"),
)
_READINGS = {"长": "chang", "珲": "hun", "六": "lu", "乐亭": "lao ting", "蚌埠": "beng bu", "番禺": "pan yu"}
"""Readings of characters that pypinyin gets wrong in place names (长白 is Changbai, 珲春 Hunchun)."""


@dataclass(frozen=True)
class Unit:
    """A prefecture or county-level unit: its adcode, names, kind, province and seat."""

    adcode: str
    chinese: str
    chinese_base: str
    base: str
    """The English name without the unit's kind (``Yanbian``, ``Kuandian``, ``Donggang``)."""
    english: str
    """The full English name (``Yanbian Korean Autonomous Prefecture``, ``Kuandian Manchu Autonomous County``)."""
    kind: str
    """``prefecture`` (an area), ``city`` (a prefecture- or county-level city) or ``county``."""
    province: str
    lat: float
    lon: float


def romanise(chinese: str) -> str:
    """Pinyin without tones, one word, apostrophe before a syllable that starts with a vowel (集安 → Ji'an)."""
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(chinese)
    if len(syllables) == len(chinese):  # one syllable a character: fix the readings pypinyin gets wrong
        for chars, reading in sorted(_READINGS.items(), key=lambda kv: -len(kv[0])):
            for found in re.finditer(chars, chinese):
                syllables[found.start(): found.end()] = reading.split()
    word = syllables[0] + "".join(("'" + s if s[0] in "aeo" else s) for s in syllables[1:])
    return word.replace("v", "u").capitalize()


def english_name(chinese: str) -> tuple[str, str, str, str] | None:
    """``(base, full English name, kind, Chinese base)`` of a unit's Chinese name (``None``: a district or other)."""
    for ending, word, kind in _ENDINGS:
        if chinese.endswith(ending) and len(chinese) > len(ending):
            stem = chinese[: -len(ending)]
            peoples: list[str] = []
            if ending.startswith("自治"):
                stem, peoples = _peel_peoples(stem)
            if not stem:
                return None
            base = romanise(stem)
            full = " ".join([base, *peoples, word]).strip()
            return base, full, kind, stem
    return None


def _peel_peoples(stem: str) -> tuple[str, list[str]]:
    """``延边朝鲜族`` → (``延边``, [``Korean``]); peoples are read from the end, each followed by 族 (the last
    one may go without it when its name has several characters: 木垒哈萨克 → 木垒, Kazakh)."""
    peoples: list[str] = []
    while True:
        stem = stem.removesuffix("和")
        marked = stem.endswith("族")
        core = stem.removesuffix("族")
        match = next((p for p in sorted(PEOPLES, key=len, reverse=True) if core.endswith(p) and len(core) > len(p)
                      and (marked or (not peoples and len(p) > 1))), None)
        if match is None:
            return stem, peoples
        peoples.insert(0, PEOPLES[match])
        stem = core[: -len(match)]


def adcodes_path() -> str:
    """Where the installed ``cpca`` package keeps adcodes.csv (read as a file: importing cpca is not needed)."""
    return str(importlib.metadata.distribution("cpca").locate_file("cpca/resources/adcodes.csv"))


@functools.lru_cache(maxsize=1)
def units() -> tuple[Unit, ...]:
    """Every prefecture- and county-level unit of mainland China in cpca's adcodes (districts left out)."""
    out = []
    with open(adcodes_path(), encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            code = row["adcode"]
            province = PROVINCE_OF_ADCODE.get(code[:2])
            if province is None or code[2:4] == "00" or code[6:] != "000000":
                continue  # a province itself, Taiwan, Hong Kong, Macau, or below a county
            if code[4:6] != "00" and code[4:6] <= "20" and row["name"].endswith("区"):
                continue  # a city's district
            named = english_name(row["name"])
            if named is None or not row["latitude"] or not row["longitude"]:
                continue
            base, full, kind, stem = named
            if kind == "city" and code[4:6] == "00":
                full = base  # a prefecture-level city: named by its base
            out.append(Unit(code, row["name"], stem, base, full, kind, province, float(row["latitude"]),
                            float(row["longitude"])))
    return tuple(out)


def names_of(unit: Unit) -> list[str]:
    """The names a text may use for ``unit``: the full English name and, when it is not one syllable, the base."""
    names = [unit.english]
    if unit.kind == "county" and not unit.english.endswith(" County"):
        names.append(re.sub(r"\s+(?:Autonomous\s+)?(?:County|Banner)$", "", unit.english))
    if len(re.findall(r"[aeiouv]+", unit.base.lower())) > 1 or unit.kind != "county":
        names += [unit.base, unit.base.replace("'", "")]
    names += [unit.chinese] + ([unit.chinese_base] if len(unit.chinese_base) > 1 else [])
    return list(dict.fromkeys(names))


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    lat1, lon1, lat2, lon2 = (math.radians(x) for x in (lat1, lon1, lat2, lon2))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def entry_fields(unit: Unit, unit_id: str) -> dict[str, object]:
    """The gazetteer entry of ``unit`` (``gazetteer.Entry``'s fields): a prefecture is an area of about 100 km."""
    precision = {"prefecture": "region", "city": "city", "county": "county"}[unit.kind]
    seat = "its seat" if unit.kind != "prefecture" else "its seat; radius covers most of the prefecture"
    return {"id": unit_id, "name": unit.english, "admin1": unit.province, "country": "CN",
            "lat": round(unit.lat, 4), "lon": round(unit.lon, 4), "precision": precision,
            "radius_km": "100" if unit.kind == "prefecture" else "", "aliases": unit.chinese,
            "location_note": f"China adcode {unit.adcode} ({unit.chinese}, {unit.province}) from the cpca package, "
                             f"{seat}; English name from pinyin. Drafted by geo draft, check before merging."}


def unit_index(near: Callable[[str], list[tuple[float, float]]]) -> list[tuple[str, dict[str, object]]]:
    """``(name, entry fields)`` for every name of every unit, leaving out a name where ``near(name)`` already
    has a place within 30 km (GeoNames knows it, with a population) and a county's bare name where a city of
    its province has it (Fuxin is the city, not Fuxin Mongol Autonomous County)."""
    every = units()
    cities = {(u.base, u.province) for u in every if u.kind != "county"}
    ids = Counter(re.sub(r"[^a-z0-9]+", "-", u.english.lower().replace("'", "")).strip("-") for u in every)
    out = []
    for unit in every:
        unit_id = re.sub(r"[^a-z0-9]+", "-", unit.english.lower().replace("'", "")).strip("-")
        if ids[unit_id] > 1:
            unit_id += "-" + unit.province.lower().replace(" ", "-")
        fields = entry_fields(unit, unit_id)
        for name in names_of(unit):
            if unit.kind == "county" and name == unit.base and (name, unit.province) in cities:
                continue
            if any(km(lat, lon, unit.lat, unit.lon) <= 30 for lat, lon in near(name)):
                continue
            out.append((name, fields))
    return out
