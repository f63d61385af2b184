"""Downloads in Korean, Chinese and Japanese: CSV/GeoJSON/GIS place names in each script under English
column names, the data package's README in the chosen language, and images drawn with a CJK font."""

from __future__ import annotations

import io
import json
import warnings
import xml.etree.ElementTree as ET  # noqa: N817
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from geo import cli
from geo.data.load import Dataset, load_dataset
from geo.publish.datapackage import data_package
from geo.publish.export import EXPORT_COLUMNS, ExportInfo, to_csv_text, to_geojson
from geo.publish.gis import place_layer
from geo.publish.image import image_bytes
from geo.query.filters import Filters
from geo.query.selection import build_view
from geo.settings import SETTINGS

NAMES = {"name_ko": "단둥", "name_zh": "丹东", "name_ja": "丹東"}
DANDONG = {"ko": "단둥 (Dandong)", "zh": "丹东 (Dandong)", "ja": "丹東 (Dandong)"}
README = {  # a heading and a sentence of each language's README
    "ko": ("## 인용 방법", "인용문은 번역하지 않습니다"),
    "zh": ("## 引用方式", "引文从不翻译"),
    "ja": ("## 引用のしかた", "引用は翻訳しません"),
}
ENGLISH_README = ["## How to cite", "## Files", "## Sources", "one row per report", "never translated",
                  "author not named", "Address not checked"]


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(SETTINGS.data_dir)


def info(dataset: Dataset) -> ExportInfo:
    return ExportInfo(dataset_version=dataset.version, filters="all", generated="2026-01-02T03:04:05+00:00")


def test_csv_keeps_english_columns_and_gains_each_places_local_names(dataset: Dataset) -> None:
    frame = pd.read_csv(io.StringIO(to_csv_text(dataset, dataset.reports)), keep_default_na=False)
    assert list(frame.columns) == EXPORT_COLUMNS
    assert EXPORT_COLUMNS[1:5] == ["place", "name_ko", "name_zh", "name_ja"]
    dandong = frame[frame["place_id"] == "dandong"].iloc[0]
    assert dandong["place"] == "Dandong" and dict(dandong[list(NAMES)]) == NAMES
    for column in NAMES:  # every place of the dataset has its name in each script
        assert (frame[column] != "").all(), column
    by_place = dataset.places.loc[frame["place_id"]]
    for column in NAMES:
        assert list(frame[column]) == list(by_place[column])


def test_geojson_properties_carry_the_names(dataset: Dataset) -> None:
    collection = to_geojson(dataset, dataset.reports, info(dataset))
    properties = next(f["properties"] for f in collection["features"] if f["properties"]["place_id"] == "dandong")
    assert {key: properties[key] for key in NAMES} == NAMES and properties["place"] == "Dandong"


def test_the_gis_places_layer_carries_the_names(dataset: Dataset) -> None:
    layer = place_layer(dataset, dataset.reports)
    row = layer[layer["place_id"] == "dandong"].iloc[0]
    assert {key: row[key] for key in NAMES} == NAMES
    assert list(layer.columns[list(layer.columns).index("name"):][:4]) == ["name", *NAMES]


@pytest.mark.parametrize("lang", ["ko", "zh", "ja"])
def test_the_package_readme_is_in_the_chosen_language(dataset: Dataset, lang: str) -> None:
    archive = zipfile.ZipFile(io.BytesIO(data_package(dataset, dataset.reports.iloc[:5], info(dataset), lang=lang)))
    readme = archive.read("README.md").decode("utf-8")
    heading, sentence = README[lang]
    assert heading in readme and sentence in readme
    left = [text for text in ENGLISH_README if text in readme]
    assert not left, f"{lang}: still in English: {left}"
    # The data stay as they are: English column names, and the same CSV in every language.
    english = zipfile.ZipFile(io.BytesIO(data_package(dataset, dataset.reports.iloc[:5], info(dataset))))
    assert archive.read("reports.csv") == english.read("reports.csv")
    assert json.loads(archive.read("datapackage.json"))["resources"] == json.loads(
        english.read("datapackage.json"))["resources"]


def test_the_package_readme_stays_english_by_default(dataset: Dataset) -> None:
    archive = zipfile.ZipFile(io.BytesIO(data_package(dataset, dataset.reports.iloc[:5], info(dataset))))
    readme = archive.read("README.md").decode("utf-8")
    assert "## How to cite" in readme and "`name_ko`, `name_zh` and `name_ja`" in readme


def test_every_field_of_the_package_is_described(dataset: Dataset) -> None:
    archive = zipfile.ZipFile(io.BytesIO(data_package(dataset, dataset.reports.iloc[:5], info(dataset))))
    fields = json.loads(archive.read("datapackage.json"))["resources"][0]["schema"]["fields"]
    assert [field["name"] for field in fields] == EXPORT_COLUMNS
    undescribed = [field["name"] for field in fields if len(field.get("description", "")) < 10]
    assert not undescribed
    names = {field["name"]: field["description"] for field in fields}
    assert "Korean" in names["name_ko"] and "Chinese" in names["name_zh"] and "Japanese" in names["name_ja"]


def test_cli_writes_the_package_in_a_language(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "package-ja.zip"
    assert cli.main(["export", "--format", "package", "--lang", "ja", "-o", str(out)]) == 0
    readme = zipfile.ZipFile(out).read("README.md").decode("utf-8")
    assert README["ja"][0] in readme


@pytest.mark.parametrize("lang", ["ko", "zh", "ja"])
def test_images_name_places_in_the_language_with_a_cjk_font(dataset: Dataset, lang: str) -> None:
    """No glyph is missing (matplotlib warns of each one it draws as a box), and SVG keeps the names as text."""
    view = build_view(dataset, Filters())
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        png = image_bytes(dataset, view, info(dataset), "png", size="article", lang=lang)
        svg = image_bytes(dataset, view, info(dataset), "svg", size="article", lang=lang)
    missing = [str(w.message) for w in caught if "missing from" in str(w.message).lower()]
    assert not missing, missing[:3]
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    root = ET.fromstring(svg)
    text = " ".join("".join(e.itertext()) for e in root.iter("{http://www.w3.org/2000/svg}text"))
    assert DANDONG[lang] in text
    assert "Noto Sans CJK" in svg.decode("utf-8")
    # The title, the count line, the legend and the note are in the language too.
    english = [words for words in ("North Korean workers reported", " reports at ", "Legend", "main sector",
                                   "Each mark is a place", "Dataset version") if words in text]
    assert not english, english


@pytest.mark.parametrize("lang", ["ko", "zh", "ja"])
def test_an_images_filter_words_and_source_credit_are_in_the_language(dataset: Dataset, lang: str) -> None:
    """The line of filters (with the focused place) and the footer's credit of sources and base map:
    the publishers' names as they give them, the words around them in ``lang``."""
    from geo.i18n import translations

    sector = dataset.sectors.index[0]
    view = build_view(dataset, Filters(years=(2015, 2019), sectors=(sector,)))
    svg = image_bytes(dataset, view, info(dataset), "svg", size="article", place="dandong", lang=lang)
    text = " ".join("".join(e.itertext()) for e in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text"))
    english = [words for words in ("Filters:", "Place:", "Years:", "Sectors:", "Sources:", "Base map:", "none (")
               if words in text]
    assert not english, english
    _ = translations(lang).gettext
    assert _("Filters: {filters}").split("{")[0] in text
    assert _("Base map: {name}.").split("{")[0] + "Natural Earth" in text
    assert DANDONG[lang] in text.split(_("Base map: {name}.").split("{")[0])[0]  # the place named in the filters
    publishers = set(dataset.sources.loc[dataset.reports["source_id"].iloc[view.rows].astype(str), "publisher"])
    assert publishers and all(f"{publisher} (" in text for publisher in publishers)  # as they give them


def test_an_english_image_has_no_glyph_missing_either(dataset: Dataset) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        svg = image_bytes(dataset, build_view(dataset, Filters()), info(dataset), "svg", size="article")
    assert not [w for w in caught if "missing from" in str(w.message).lower()]
    assert b"Dandong" in svg and "단둥".encode() not in svg
