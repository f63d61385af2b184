"""Tests for geo.i18n: choosing the reader's language, and catalogs that cover every marked string."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from geo import i18n
from geo.i18n import LANGUAGES, TRANSLATED, fill, pick_language, read_catalog, translations
from geo.map.style import legend_html
from geo.settings import ROOT
from tests.conftest import tiny_dir  # noqa: F401 - a fixture

BRACES = re.compile(r"\{(\w+)\}")
PERCENT = re.compile(r"%\((\w+)\)[sd]")


@pytest.mark.parametrize(("lang", "header", "expected"), [
    ("ko", None, "ko"),
    ("zh", "ja", "zh"),  # the link wins over the browser
    ("JA", None, "ja"),
    ("ko_KR", None, "ko"),
    ("zh-Hans-CN", None, "zh"),
    (["ja"], None, "ja"),  # query parameters may come as a list
    ("xx", None, "en"),  # unknown: English, no error
    ("", "", "en"),
    (None, None, "en"),
    ("xx", "ko-KR,ko;q=0.9,en-US;q=0.8", "ko"),  # an unknown lang= falls through to the browser's
    (None, "fr-FR,fr;q=0.9,ja;q=0.5,en;q=0.4", "ja"),  # the first language offered, by weight
    (None, "en;q=0.1,zh-CN;q=0.9", "zh"),
    (None, "zh-TW", "zh"),
    (None, "ko;q=0", "en"),  # q=0 means "not this one"
    (None, "ko;q=abc, de", "en"),  # a malformed weight is skipped
    (None, "*", "en"),
])
def test_pick_language(lang: object, header: str | None, expected: str) -> None:
    assert pick_language(lang, header) == expected


def test_fill_replaces_named_placeholders_only() -> None:
    assert fill("{n} of {total} {unknown} {", n=2, total=3) == "2 of 3 {unknown} {"


def extracted_messages() -> dict[object, list[str]]:
    """Every string marked for translation under the project, as Babel's API extracts it with
    ``babel.cfg``: msgid (a tuple for a plural) → the files it comes from."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    found: dict[object, list[str]] = {}
    for filename, _line, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map, comment_tags=("Translators:",)):
        key = message if isinstance(message, str) else tuple(message[:2])
        found.setdefault(key, []).append(filename)
    return found


def test_extraction_finds_the_marked_strings() -> None:
    found = extracted_messages()
    # One from each kind of source: a Python N_(), a Python ngettext, a template _(), a template ngettext.
    assert "Destination: solid" in found
    assert ("{n} report", "{n} reports") in found
    assert "Sources and method" in found
    assert ("It holds %(num)d report.", "It holds %(num)d reports.") in found
    assert len(found) >= 60


def catalog_gaps(lang: str, found: dict[object, list[str]]) -> list[str]:
    """Marked strings that ``lang``'s catalog has no usable translation for."""
    catalog = read_catalog(lang)
    gaps = []
    for key, files in found.items():
        entry = catalog.get(key[0] if isinstance(key, tuple) else key)
        strings = () if entry is None else entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if entry is None or entry.fuzzy or not strings or not all(s and s.strip() for s in strings):
            gaps.append(f"{lang}: {key!r} (from {', '.join(sorted(set(files)))})")
    return gaps


def test_every_marked_string_has_a_translation_in_each_language() -> None:
    """A string marked for translation without a translated entry in ko, zh and ja fails here:
    run `make messages`, then translate the empty entries in geo/locales/*/LC_MESSAGES/messages.po."""
    found = extracted_messages()
    gaps = [gap for lang in TRANSLATED for gap in catalog_gaps(lang, found)]
    assert not gaps, "untranslated strings:\n" + "\n".join(gaps)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_translations_keep_their_placeholders(lang: str) -> None:
    """A translation that drops or renames {n} or %(num)d would print a hole or raise."""
    for message in read_catalog(lang):
        if not message.id or not message.string:
            continue
        source = message.id if isinstance(message.id, tuple) else (message.id,)
        target = message.string if isinstance(message.string, tuple) else (message.string,)
        for pattern in (BRACES, PERCENT):
            wanted = set(pattern.findall(source[-1]))
            for text in target:
                assert set(pattern.findall(text)) == wanted, f"{lang}: {message.id!r} -> {text!r}"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_catalogs_declare_one_plural_form(lang: str) -> None:
    """Korean, Chinese and Japanese count without plural forms; geo.reading.page_words relies on at most two."""
    with (i18n.catalog_path(lang)).open("rb") as po_file:
        catalog = read_po(po_file)
    assert catalog.num_plurals == 1
    assert translations(lang).ngettext("{n} report", "{n} reports", 1) == translations(lang).ngettext(
        "{n} report", "{n} reports", 5)


def test_english_and_unknown_languages_read_the_source_text() -> None:
    for lang in ("en", "xx", ""):
        assert translations(lang).gettext("Legend") == "Legend"
        assert translations(lang).ngettext("{n} report", "{n} reports", 2) == "{n} reports"


def test_translated_languages_read_their_own_words() -> None:
    assert translations("ko").gettext("Legend") == "범례"
    assert translations("zh").gettext("Legend") == "图例"
    assert translations("ja").gettext("Legend") == "凡例"


@pytest.fixture
def gappy_catalogs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The real catalogs, with Korean's "Legend" removed, "Sectors" emptied, "Years" fuzzy and a
    plural emptied: what a half-finished translation looks like."""
    shutil.copytree(i18n.LOCALE_DIR, tmp_path / "locales")
    path = tmp_path / "locales" / "ko" / "LC_MESSAGES" / "messages.po"
    text = path.read_text(encoding="utf-8")
    text = text.replace('msgid "Legend"\nmsgstr "범례"\n', "")
    text = text.replace('msgid "Sectors"\nmsgstr "업종"', 'msgid "Sectors"\nmsgstr ""')
    text = text.replace('msgid "Years"\nmsgstr "연도"', '#, fuzzy\nmsgid "Years"\nmsgstr "연도"')
    text = text.replace('msgstr[0] "보고 {n}건"', 'msgstr[0] ""')
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "locales")
    translations.cache_clear()
    yield path
    translations.cache_clear()


def test_a_missing_entry_falls_back_to_english(gappy_catalogs: Path) -> None:
    korean = translations("ko")
    assert korean.gettext("Legend") == "Legend"  # no entry
    assert korean.gettext("Sectors") == "Sectors"  # empty msgstr, never an empty label
    assert korean.gettext("Years") == "Years"  # fuzzy: not trusted
    assert korean.ngettext("{n} report", "{n} reports", 1) == "{n} report"
    assert korean.ngettext("{n} report", "{n} reports", 3) == "{n} reports"
    assert korean.gettext("All years") == "모든 연도"  # the rest still Korean


def test_a_missing_entry_shows_english_in_the_legend(gappy_catalogs: Path, tiny_dir: Path) -> None:  # noqa: F811
    from geo.data.load import load_dataset

    legend = legend_html(load_dataset(tiny_dir).sectors, lang="ko")
    assert "<summary>Legend</summary>" in legend
    assert "색: 주요 업종" in legend


def test_the_gap_test_lists_a_missing_entry(gappy_catalogs: Path) -> None:
    """The check above can fail: against the gappy catalog it names each gap."""
    gaps = catalog_gaps("ko", extracted_messages())
    for msgid in ("'Legend'", "'Sectors'", "'Years'", "('{n} report', '{n} reports')"):
        assert any(f"ko: {msgid} " in gap for gap in gaps), msgid


def test_languages_and_their_names() -> None:
    assert LANGUAGES == ("en", "ko", "zh", "ja")
    assert set(i18n.LANGUAGE_NAMES) == set(LANGUAGES) == set(i18n.BABEL_LOCALES)
    for lang in TRANSLATED:
        assert i18n.catalog_path(lang).is_file()
