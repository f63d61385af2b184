"""Tests for geo.publish.datapackage: the data package download (CSV, GeoJSON, datapackage.json, README)."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pandas as pd
import pytest

from geo.data.load import Dataset, load_dataset
from geo.publish.datapackage import data_package
from geo.publish.export import EXPORT_COLUMNS, ExportInfo
from tests.conftest import write_dataset


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    return load_dataset(write_dataset(tmp_path_factory.mktemp("package") / "tiny"))


def test_the_package_holds_the_reports_their_description_and_how_to_cite(dataset: Dataset) -> None:
    info = ExportInfo(dataset_version=dataset.version, filters="years 2019–2019", generated="2026-01-02T03:04:05+00:00")
    archive = zipfile.ZipFile(io.BytesIO(data_package(dataset, dataset.reports.iloc[:2], info)))
    assert sorted(archive.namelist()) == ["README.md", "datapackage.json", "reports.csv", "reports.geojson",
                                         "reports.gpkg"]
    descriptor = json.loads(archive.read("datapackage.json"))
    assert descriptor["profile"] == "tabular-data-package" and descriptor["version"] == dataset.version
    resource = descriptor["resources"][0]
    assert resource["path"] == "reports.csv"
    assert [field["name"] for field in resource["schema"]["fields"]] == EXPORT_COLUMNS
    frame = pd.read_csv(io.BytesIO(archive.read("reports.csv")))
    assert list(frame.columns) == EXPORT_COLUMNS and len(frame) == 2
    types = {field["name"]: field["type"] for field in resource["schema"]["fields"]}
    assert types["lat"] == "number" and types["workers_min"] == "integer" and types["date_start"] == "string"
    readme = archive.read("README.md").decode("utf-8")
    assert "## How to cite" in readme and info.as_dict(2)["cite_as"] in readme
    assert "years 2019–2019" in readme and dataset.version in readme
    assert json.loads(archive.read("reports.geojson"))["metadata"]["reports"] == 2


def test_the_readme_cites_each_source_with_its_author_licence_and_address(tmp_path) -> None:
    """Issue 21: TRANSCEND's CC BY-NC 4.0 asks for an acknowledgement and a link."""
    from tests.conftest import tiny_copy

    tables = tiny_copy()
    tables["sources"][0].update(licence="CC BY-NC 4.0")
    loaded = load_dataset(write_dataset(tmp_path / "data", tables))
    info = ExportInfo(dataset_version=loaded.version, filters="none", generated="2026-01-02T03:04:05+00:00")
    archive = zipfile.ZipFile(io.BytesIO(data_package(loaded, loaded.reports, info)))
    readme = archive.read("README.md").decode("utf-8")
    url = loaded.sources.loc["src-a", "url"]
    assert (f"- A Publisher, “A report”, by A. Writer, published 2019-11 (inferred), licence CC BY-NC 4.0. <{url}>"
            in readme)
    source = json.loads(archive.read("datapackage.json"))["sources"][0]
    assert (source["author"], source["licence"], source["path"]) == ("A. Writer", "CC BY-NC 4.0", url)
    fields = {f["name"] for f in json.loads(archive.read("datapackage.json"))["resources"][0]["schema"]["fields"]}
    assert {"author", "published_basis", "published_note", "licence"} <= fields


HOSTILE_MARKDOWN = ("[click](http://evil.example/a) ![beacon](http://evil.example/b.png) <http://evil.example/c> "
                    "www.evil.example ``` # heading <img src=http://evil.example/d.png>")


def outside_code_blocks(markdown: str) -> str:
    """The README's lines that are not inside a fenced code block (a fence closes only with its own length)."""
    outside, fence = [], None
    for line in markdown.split("\n"):
        if fence is None and re.match(r"`{3,}", line):
            fence = re.match(r"`+", line).group(0)
        elif fence is not None and line.rstrip() == fence:
            fence = None
        elif fence is None:
            outside.append(line)
    assert fence is None, "a code block is never closed"
    return "\n".join(outside)


def test_the_readme_shows_data_and_filters_only_as_code(tmp_path) -> None:
    from tests.conftest import tiny_copy

    tables = tiny_copy()
    for source in tables["sources"]:
        source.update(title=HOSTILE_MARKDOWN, publisher=HOSTILE_MARKDOWN, url="http://evil.example/e")
    dataset = load_dataset(write_dataset(tmp_path / "hostile", tables))
    info = ExportInfo(dataset_version=dataset.version, filters=f"search {HOSTILE_MARKDOWN}")
    readme = zipfile.ZipFile(io.BytesIO(data_package(dataset, dataset.reports, info))).read("README.md").decode()
    assert readme.count("evil.example/a") == 3  # twice per source line (publisher and title), once in the filters
    assert "evil.example" not in outside_code_blocks(readme)
