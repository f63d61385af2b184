"""The reader's language: which one it is, and its gettext catalog (Babel), English where a string is missing.

Catalogs are the ``.po`` files in ``geo/locales/<lang>/LC_MESSAGES/messages.po``. They are compiled
in memory when first used (``babel.messages.pofile`` → ``babel.messages.mofile``), so the checkout
runs as it is: there is no ``.mo`` file to build, commit or let fall out of date, and an edited
``.po`` takes effect on the next start. Compiling all three takes a few milliseconds.

A page module uses it as::

    from geo.i18n import pick_language, translations
    lang = pick_language(st.query_params.get("lang"), st.context.headers.get("Accept-Language"))
    t = translations(lang)
    _ , ngettext = t.gettext, t.ngettext
    st.header(_("Filters"))
    st.caption(ngettext("%(num)d report", "%(num)d reports", n) % {"num": n})
"""

from __future__ import annotations

import functools
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Babel is imported where it is used, so that the command line's --help stays quick
    from babel import Locale
    from babel.messages.catalog import Catalog
    from babel.support import NullTranslations

LANGUAGES: tuple[str, ...] = ("en", "ko", "zh", "ja")
"""The interface's languages: English (the default and the source language), Korean, Chinese in
simplified characters, Japanese."""
DEFAULT_LANGUAGE = "en"
TRANSLATED: tuple[str, ...] = tuple(lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE)
"""The languages with a catalog; English is the text of the code itself."""
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "ko": "한국어", "zh": "简体中文", "ja": "日本語"}
"""Each language in its own words, for a language picker."""
BABEL_LOCALES: dict[str, str] = {"en": "en", "ko": "ko", "zh": "zh_Hans_CN", "ja": "ja"}
"""The Babel (CLDR) locale that formats dates and numbers for each language."""
LOCALE_DIR: Path = Path(__file__).resolve().parent / "locales"
DOMAIN = "messages"

# Traditional-character and Taiwanese/Hong Kong Chinese are not offered; a reader asking for them
# still reads Chinese characters sooner than English.
_TAGS = {"zh-hans": "zh", "zh-cn": "zh", "zh-sg": "zh", "zh-hant": "zh", "zh-tw": "zh", "zh-hk": "zh"}


def N_(message: str) -> str:  # noqa: N802 - the name Babel's extractor looks for by default
    """Mark ``message`` for extraction without translating it here (it is translated where shown)."""
    return message


_WEIGHT = re.compile(r"(0(\.[0-9]{0,3})?|1(\.0{0,3})?)")
"""A valid ``q`` weight (RFC 9110): a malformed one makes its language not wanted."""
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(template: str, **values: object) -> str:
    """``template`` with each ``{name}`` replaced by ``values[name]``; other braces are left alone.

    Unlike :meth:`str.format`, a stray brace in a translation cannot raise.
    """
    return _PLACEHOLDER.sub(lambda match: str(values.get(match.group(1), match.group(0))), template)


def normalise(lang: object) -> str | None:
    """``lang`` as one of :data:`LANGUAGES` (``"ko-KR"`` → ``"ko"``), or ``None`` when it is none of them."""
    tag = str(lang or "").strip().lower().replace("_", "-")
    if tag in _TAGS:
        return _TAGS[tag]
    primary = tag.split("-", 1)[0]
    return primary if primary in LANGUAGES else None


def accepted_languages(header: str | None) -> list[str]:
    """The language tags of an ``Accept-Language`` header, most wanted first (``q=0`` left out).

    Parameters
    ----------
    header
        e.g. ``"ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7"``; ``None`` or malformed parts are skipped.

    Returns
    -------
    list of str
        The tags in order of their ``q`` weight (ties keep the header's order).
    """
    weighted = []
    for position, part in enumerate(str(header or "").split(",")):
        tag, *params = [piece.strip() for piece in part.split(";")]
        weights = [value.strip() for key, _, value in (p.partition("=") for p in params) if key.strip() == "q"]
        weight = float(weights[0]) if weights and _WEIGHT.fullmatch(weights[0]) else 1.0 if not weights else 0.0
        if tag and weight > 0:
            weighted.append((-weight, position, tag))
    return [tag for _, _, tag in sorted(weighted)]


def pick_language(lang: object = None, accept_language: str | None = None) -> str:
    """The reader's language: ``lang=`` from the link, else the browser's ``Accept-Language``, else English.

    An unknown or empty value is passed over without an error, so ``?lang=xx`` reads English.

    Parameters
    ----------
    lang
        The link's ``lang=`` value (a string, a list of them as query parameters may give, or ``None``).
    accept_language
        The ``Accept-Language`` request header, if known.

    Returns
    -------
    str
        One of :data:`LANGUAGES`.
    """
    values = lang if isinstance(lang, list | tuple) else [lang]
    for value in values:
        chosen = normalise(value)
        if chosen:
            return chosen
    for tag in accepted_languages(accept_language):
        chosen = normalise(tag)
        if chosen:
            return chosen
    return DEFAULT_LANGUAGE


def catalog_path(lang: str) -> Path:
    """Where the ``.po`` catalog of ``lang`` is kept."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(lang: str) -> Catalog:
    """The catalog of ``lang`` as Babel reads it from its ``.po`` file."""
    from babel.messages.pofile import read_po

    with catalog_path(lang).open("rb") as po_file:
        return read_po(po_file, locale=BABEL_LOCALES[lang], domain=DOMAIN)


@functools.lru_cache(maxsize=len(LANGUAGES))
def translations(lang: str) -> NullTranslations:
    """The gettext translations of ``lang``: ``gettext``, ``ngettext``, ``pgettext`` …

    A string the catalog lacks (no entry, an empty or fuzzy ``msgstr``) comes back as the English
    text it was marked with, never as a key or an empty label. An unknown ``lang`` gives English.

    Parameters
    ----------
    lang
        One of :data:`LANGUAGES` (other values read as English).

    Returns
    -------
    babel.support.NullTranslations
        A :class:`babel.support.Translations` for ``ko``, ``zh`` and ``ja``; for English the
        null translations, which return each message as written.
    """
    from babel.messages.mofile import write_mo
    from babel.support import NullTranslations, Translations

    lang = normalise(lang) or DEFAULT_LANGUAGE
    if lang == DEFAULT_LANGUAGE:
        return NullTranslations()
    catalog = read_catalog(lang)
    for message in list(catalog):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.id and not all(text and text.strip() for text in strings):
            del catalog[message.id]  # a plural with an empty form would show nothing: English instead
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)  # leaves out fuzzy entries too: English shows
    compiled.seek(0)
    result = Translations(compiled, domain=DOMAIN)
    result.add_fallback(NullTranslations())
    return result


def babel_locale(lang: str) -> Locale:
    """The Babel locale that formats dates and numbers in ``lang``."""
    from babel import Locale

    return Locale.parse(BABEL_LOCALES[normalise(lang) or DEFAULT_LANGUAGE])
