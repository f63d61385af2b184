"""Countries an article names only by their adjective ("the Cambodian capital", "Polish yards")."""

from __future__ import annotations

import re

ADJECTIVES = {
    "Cambodian": "KH", "Lao": "LA", "Laotian": "LA", "Vietnamese": "VN", "Thai": "TH", "Malaysian": "MY",
    "Indonesian": "ID", "Burmese": "MM", "Mongolian": "MN", "Russian": "RU", "Polish": "PL", "Maltese": "MT",
    "Romanian": "RO", "Czech": "CZ", "Qatari": "QA", "Kuwaiti": "KW", "Emirati": "AE", "Omani": "OM", "Saudi": "SA",
    "Bahraini": "BH", "Nigerian": "NG", "Angolan": "AO", "Namibian": "NA", "Senegalese": "SN", "Equatoguinean": "GQ",
    "Tanzanian": "TZ", "Ugandan": "UG", "Ethiopian": "ET", "Congolese": "CD", "Mozambican": "MZ", "Zimbabwean": "ZW",
    "Beninese": "BJ", "Malian": "ML", "Algerian": "DZ", "Libyan": "LY", "Uruguayan": "UY", "Peruvian": "PE",
    "Argentine": "AR", "Nepali": "NP", "Bangladeshi": "BD",
}
"""Adjectives of the countries that host, or hosted, North Korea's workers: a smaller city there is read when the
article names the country only so."""


def countries_by_adjective(text: str) -> set[str]:
    """ISO codes of the countries ``text`` names by an adjective of :data:`ADJECTIVES`."""
    return {iso for word, iso in ADJECTIVES.items() if re.search(rf"\b{word}\b", text)}


_EMPLOYER = re.compile(r"\b(" + "|".join(ADJECTIVES) + r")\s+(?:[a-z-]+\s+)?(?:authorities|government|officials|"
                       r"contractors?|compan(?:y|ies)|firms?|employers?|shipyards?|yards|farms|ministry)\b")


def employer_country(text: str) -> str:
    """The country whose employer or authority the sentence names by its adjective ("Polish authorities issued permits
    to some 500 North Koreans", "a Kuwaiti contractor who employed 120 of them"): "" if none or several."""
    found = {ADJECTIVES[m.group(1)] for m in _EMPLOYER.finditer(text)}
    return found.pop() if len(found) == 1 else ""
