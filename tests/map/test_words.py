"""The map's words in each language (geo.map.words), and places named in the reader's language on the map."""

from __future__ import annotations

import json
import re

import pytest

from geo.data.load import Dataset, load_dataset
from geo.escape import escape, script_json
from geo.i18n import LANGUAGES, TRANSLATED
from geo.map import layers, leaflet
from geo.map.records import export_records, map_config
from geo.map.style import legend_html
from geo.map.words import all_map_words, map_words
from geo.query.filters import Filters
from geo.query.selection import build_view
from geo.settings import ROOT, SETTINGS

NKMAP = ROOT / "geo" / "map" / "static" / "nkmap"
DANDONG = {"en": "Dandong", "ko": "단둥 (Dandong)", "zh": "丹东 (Dandong)", "ja": "丹東 (Dandong)"}


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(SETTINGS.data_dir)


def test_the_node_tests_read_the_catalogs_words() -> None:
    """tests/js/words.json is what Python builds now: else `python -m geo.map.words > tests/js/words.json`."""
    saved = json.loads((ROOT / "tests" / "js" / "words.json").read_text(encoding="utf-8"))
    assert saved == json.loads(json.dumps(all_map_words()))


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_word_is_translated(lang: str) -> None:
    """Each language's table differs from English in every entry (a catalog gap would show English)."""
    english, local = map_words("en"), map_words(lang)
    assert set(local) == set(english)
    for key, value in english.items():
        if key == "listSeparator" and lang == "ko":
            continue  # Korean separates a list with a comma too
        if isinstance(value, dict):
            for sub in value:
                assert local[key][sub] != value[sub], (lang, key, sub)
        else:
            assert local[key] != value, (lang, key)


def test_words_are_escaped_and_keep_their_placeholders() -> None:
    for lang in LANGUAGES:
        words = map_words(lang)
        for key in ("reports", "moreTable", "allTable", "scroll"):
            assert all("{n}" in form for form in words[key]), (lang, key)
        for text in json.dumps(words, ensure_ascii=False).split('"'):
            assert "<" not in text and ">" not in text


def test_english_is_the_default_and_an_unknown_language_reads_english() -> None:
    assert map_words("xx") == map_words("en")
    assert map_words("en")["reports"] == ["{n} report", "{n} reports"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_config_carries_the_words_and_a_title_in_the_language(dataset: Dataset, lang: str) -> None:
    config = map_config(dataset, more="table", lang=lang)
    assert config["words"] == map_words(lang)
    assert (config["title"].startswith("Map of the places")) == (lang == "en")


def test_the_script_holds_no_words_of_its_own() -> None:
    """The map's script takes every word from config.words: no English phrase is left in its string literals."""
    for part in ("words.js", "places.js", "setup.js"):
        code = re.sub(r"/\*.*?\*/|//[^\n]*", "", (NKMAP / part).read_text(encoding="utf-8"), flags=re.S)
        literals = re.findall(r'"([^"\\]*)"', code)
        for phrase in (r"\breports?\b", r"\bworkers?\b", r"-level", r"\blevel\b", r"see the table", r"scroll for",
                       r"inferred, not", r"not a presence", r"not a city"):
            assert not [text for text in literals if re.search(phrase, text)], (part, phrase)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_dashboards_map_names_places_in_the_language(dataset: Dataset, lang: str) -> None:
    view = build_view(dataset, Filters())
    records = json.loads(layers.view_layer(dataset, view, lang=lang).records_json)
    assert records["places"]["dandong"]["name"] == escape(DANDONG[lang])
    html = leaflet.base_map(dataset, lang=lang).get_root().render()
    assert script_json(map_words(lang)) in html  # the base map's config, for every places layer
    assert script_json(legend_html(dataset.sectors, lang=lang)) in html


def test_languages_do_not_share_cached_place_records(dataset: Dataset) -> None:
    view = build_view(dataset, Filters())
    names = [json.loads(layers.view_layer(dataset, view, lang=lang).records_json)["places"]["dandong"]["name"]
             for lang in ("ko", "en", "ja", "ko")]
    assert names == [DANDONG["ko"], "Dandong", DANDONG["ja"], DANDONG["ko"]]


def test_the_exports_records_are_named_and_ranked_in_the_language(dataset: Dataset) -> None:
    data = export_records(dataset, dataset.reports, lang="zh")
    assert data["places"]["dandong"]["name"] == DANDONG["zh"]
    assert data["config"]["words"] == map_words("zh")
    ranked = sorted(data["order"], key=data["order"].get)
    names = [data["places"][place_id]["name"] for place_id in ranked]
    assert names == sorted(names)


@pytest.mark.parametrize("lang", TRANSLATED)
def test_popups_name_the_reports_places_and_sectors_in_the_language(dataset: Dataset, lang: str) -> None:
    """Inside a popup, a report's words, origin and sectors are in the language (its quote stays as published)."""
    origin = {"ko": "양강도 (Ryanggang Province)", "zh": "两江道 (Ryanggang Province)",
              "ja": "両江道 (Ryanggang Province)"}[lang]
    unspecified = dataset.sectors.loc["unspecified", f"label_{lang}"]
    records = json.loads(layers.view_layer(dataset, build_view(dataset, Filters()), lang=lang).records_json)
    popups = " ".join(html for mark in records["marks"] for html in mark["reports"])
    assert origin in popups and unspecified in popups and "· Unspecified" not in popups
    english_words = (f"From {origin}", "· destination", "Original article", "some time in")
    assert [word for word in english_words if word in popups] == []
    exported = " ".join(report["html"] for report in export_records(dataset, dataset.reports, lang=lang)["reports"])
    assert origin in exported and unspecified in exported and f"From {origin}" not in exported
    english = json.loads(layers.view_layer(dataset, build_view(dataset, Filters())).records_json)
    assert "From Ryanggang Province" in " ".join(html for mark in english["marks"] for html in mark["reports"])
