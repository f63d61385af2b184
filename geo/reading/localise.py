"""Words in the reader's language: dates and numbers (Babel, CLDR), place names, sector labels, vocabularies.

English keeps the project's own wording (:mod:`geo.reading.wording`); the other languages are formatted by
Babel for their locale: ``2019-11`` reads 2019년 11월, 2019年11月.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from babel.dates import format_interval, format_skeleton
from babel.numbers import format_currency, format_decimal

from ..i18n import DEFAULT_LANGUAGE, N_, TRANSLATED, babel_locale, normalise, translations
from .wording import format_date

NAME_COLUMNS: dict[str, str] = {lang: f"name_{lang}" for lang in TRANSLATED}
"""``places.csv``'s column of each place's name in each language (English is ``name``)."""
LABEL_COLUMNS: dict[str, str] = {lang: f"label_{lang}" for lang in TRANSLATED}
"""``sectors.csv``'s column of each sector's label in each language (English is ``label``)."""

_SKELETONS = {4: "y", 7: "yMMMM", 10: "yMMMMd"}

ROLE_WORDS: dict[str, str] = {
    "destination": N_("destination"),
    "origin": N_("origin"),
    "transit": N_("transit"),
    "event": N_("event"),
}
"""Each ``role`` in a word, marked for translation (see ``vocab.ROLES`` for their meaning)."""
PRESENCE_WORDS: dict[str, str] = {
    "reported": N_("workers reported"),
    "few": N_("few workers"),
    "none": N_("no workers"),
    "sought": N_("workers sought"),
}
"""Each ``presence`` in words, marked for translation."""
BASIS_WORDS: dict[str, str] = {"stated": N_("stated"), "inferred": N_("inferred")}
"""``date_basis``, ``published_basis`` and ``from_basis`` in a word, marked for translation."""
KIND_WORDS: dict[str, str] = {
    "count": N_("count"),
    "estimate": N_("estimate"),
    "projection": N_("projection"),
    "per_group": N_("per group"),
    "per_unit": N_("per unit"),
}
"""Each ``workers_kind`` in words, marked for translation."""


def vocabulary_word(words: Mapping[str, str], value: str, lang: str) -> str:
    """``value`` of a vocabulary (:data:`ROLE_WORDS` …) in ``lang``; an unknown value is shown as it is."""
    return translations(lang).gettext(words[value]) if value in words else value


def format_date_in(value: str, lang: str) -> str:
    """A partial ISO date (or a ``START/END`` range) in words, in ``lang``.

    Parameters
    ----------
    value
        ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``START/END`` of those, as the data holds them.
    lang
        One of :data:`geo.i18n.LANGUAGES`.

    Returns
    -------
    str
        ``2019-11``: "November 2019" (as :func:`geo.reading.wording.format_date`), "2019년 11월",
        "2019年11月" (zh and ja); ``2019-11/2019-12``: "2019년 11월 ~ 12월", "2019年11月至12月" …
    """
    lang = normalise(lang) or DEFAULT_LANGUAGE
    if lang == DEFAULT_LANGUAGE:
        return format_date(value)
    start, _, end = value.partition("/")
    first = _as_date(start)
    if not end or end == start:
        return format_skeleton(_SKELETONS[len(start)], first, locale=babel_locale(lang))
    skeleton = _SKELETONS[min(len(start), len(end))]
    return format_interval(first, _as_date(end), skeleton, locale=babel_locale(lang))


def format_year_span(first: int, last: int, lang: str) -> str:
    """A span of years in ``lang``: "2010–2013", "2010년 ~ 2013년", "2010–2013年", "2010年～2013年"."""
    if first == last:
        return format_date_in(str(first), lang)
    return format_date_in(f"{first}/{last}", lang)


def format_number(number: float, lang: str) -> str:
    """A number with the locale's grouping: 120,000 (the four languages group by thousands alike)."""
    return format_decimal(number, locale=babel_locale(lang))


def format_money(amount: float, currency: str, lang: str) -> str:
    """An amount of a currency (ISO 4217) as the locale writes it, without decimals a whole sum lacks."""
    locale = babel_locale(lang)
    pattern = locale.currency_formats["standard"].pattern
    if float(amount).is_integer():
        pattern = pattern.replace(".00", "")
    return format_currency(amount, currency, pattern, locale=locale, currency_digits=False)


def _as_date(value: str) -> dt.date:
    """The first day a partial ISO date covers."""
    parts = [int(part) for part in value.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def place_name(place: Mapping[str, object], lang: str) -> str:
    """The place's name in ``lang`` (``name_ko`` …), or its English ``name`` when it has none."""
    column = NAME_COLUMNS.get(normalise(lang) or DEFAULT_LANGUAGE)
    local = str(place.get(column) or "").strip() if column else ""
    return local or str(place["name"])


def place_label(place: Mapping[str, object], lang: str) -> str:
    """The local name with the English one beside it where they differ: "단둥 (Dandong)", "Dandong".

    A reader must be able to match the place to an English source, so the English name stays.
    """
    local, english = place_name(place, lang), str(place["name"])
    return local if local == english else f"{local} ({english})"


def sector_label(sector: Mapping[str, object], lang: str) -> str:
    """The sector's legend label in ``lang`` (``label_ko`` …), or its English ``label``."""
    column = LABEL_COLUMNS.get(normalise(lang) or DEFAULT_LANGUAGE)
    local = str(sector.get(column) or "").strip() if column else ""
    return local or str(sector["label"])
