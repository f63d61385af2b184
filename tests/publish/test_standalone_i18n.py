"""The standalone export in Korean, Chinese and Japanese (geo.publish.standalone with ``lang``; the CLI's --lang)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from geo import cli
from geo.data.load import load_dataset
from geo.publish.export import ExportInfo
from geo.publish.standalone import standalone_html
from geo.query.filters import Filters
from geo.reading.page_words import page_words
from geo.settings import ROOT, SETTINGS

GENERATED = "2025-01-02T03:04:05+00:00"
ENGLISH_CONTROLS = ["Play the years", "All years", ">Years<", ">From<", ">To<", "Sectors:", "Sources and method",
                    "Places on the map", "About this file", "Cite as:", "Colour: main sector", ">Legend<",
                    "Show inferred movements", "What the map shows", "Click or tap"]
DANDONG = {"ko": "단둥 (Dandong)", "zh": "丹东 (Dandong)", "ja": "丹東 (Dandong)"}
LEGEND = {"ko": "범례", "zh": "图例", "ja": "凡例"}
SECTOR = {"ko": "섬유·의류", "zh": "纺织服装", "ja": "繊維・衣料品"}


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(SETTINGS.data_dir)


def page(dataset, lang: str) -> str:
    info = ExportInfo(dataset_version=dataset.version, filters=Filters().describe(), generated=GENERATED)
    return standalone_html(dataset, Filters(), info, lang=lang)


def data_block(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="nk-data">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


@pytest.mark.parametrize("lang", ["ko", "zh", "ja"])
def test_export_in_a_language(dataset, lang: str) -> None:
    html = page(dataset, lang)
    assert f'<html lang="{lang}">' in html
    visible = html.split("<script", 1)[0]  # the page's own HTML, before the inlined data and scripts
    left = [text for text in ENGLISH_CONTROLS if text in visible]
    assert not left, f"{lang}: still in English: {left}"
    data = data_block(html)
    assert data["places"]["dandong"]["name"] == DANDONG[lang]
    assert f"<summary>{LEGEND[lang]}</summary>" in data["legend"]
    assert SECTOR[lang] in visible and SECTOR[lang] in data["legend"]
    assert data["words"] == page_words(lang)
    # Place names keep the English beside the local one; the quotes stay as published (English).
    assert "(Dandong)" in data["places"]["dandong"]["name"]
    assert any("Dandong" in report["html"] for report in data["reports"])


def test_places_are_ranked_by_their_local_name(dataset) -> None:
    data = data_block(page(dataset, "ko"))
    ranked = sorted(data["order"], key=data["order"].get)
    assert [data["places"][place_id]["name"] for place_id in ranked] == sorted(
        data["places"][place_id]["name"] for place_id in ranked)


def test_english_export_is_unchanged_by_the_language_machinery(dataset) -> None:
    html = page(dataset, "en")
    assert '<html lang="en">' in html
    assert "▶ Play the years" in html and "Sources and method" in html
    assert data_block(html)["places"]["dandong"]["name"] == "Dandong"


def test_unknown_language_exports_english(dataset) -> None:
    assert page(dataset, "xx") == page(dataset, "en")


def test_source_dates_are_written_in_the_language(dataset) -> None:
    html = page(dataset, "ko")
    assert re.search(r"\d{4}년 \d{1,2}월", html.split("<script", 1)[0])


def test_the_script_holds_no_words_of_its_own() -> None:
    """standalone.js takes every word from data.words: none of the English phrases is in it."""
    script = (ROOT / "geo" / "publish" / "standalone.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.S)
    literals = re.findall(r'"([^"\\]*)"', code)
    literals = [text for text in literals if not text.startswith("nk-")]  # element ids
    for phrase in [r"Play the years", r"Pause", r"No reports match", r"\breports?\b", r"\bplaces?\b", r"few or no",
                   r"none ticked", r" of ", r"\ball\b", r" at "]:
        assert not [text for text in literals if re.search(phrase, text)], phrase


@pytest.mark.parametrize("lang", ["ko", "zh", "ja"])
def test_cli_exports_html_in_a_language(tmp_path: Path, lang: str, capsys) -> None:
    out = tmp_path / f"map-{lang}.html"
    assert cli.main(["export", "--format", "html", "--lang", lang, "--no-tiles", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in html and DANDONG[lang] in html


def test_cli_rejects_an_unknown_language(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["export", "--format", "html", "--lang", "fr", "-o", str(tmp_path / "x.html")])
    assert caught.value.code == 2
    assert "--lang" in capsys.readouterr().err
