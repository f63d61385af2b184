"""Tests for geo.publish.downloads: what the page's download buttons hand over."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.data.load import Dataset, load_dataset
from geo.publish import downloads
from geo.query.filters import Filters
from geo.query.selection import build_view
from tests.conftest import write_dataset


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The tiny three-report dataset, loaded."""
    return load_dataset(write_dataset(tmp_path_factory.mktemp("tiny")))


def test_downloads_carry_the_filters_and_citations(tiny: Dataset, tmp_path: Path) -> None:
    view = build_view(tiny, Filters(years=(2019, 2019), sectors=("garments",)))
    csv_text = downloads.csv_download(tiny, view)
    assert csv_text.startswith("id,place,") and "source_title" in csv_text and "seed_file" in csv_text
    import io
    import zipfile

    package = zipfile.ZipFile(io.BytesIO(downloads.package_download(tiny, view)))
    assert "years 2019–2019; sectors Garments" in package.read("README.md").decode("utf-8")
    collection = json.loads(downloads.geojson_download(tiny, view))
    assert collection["metadata"]["filters"] == (
        "years 2019–2019; sectors Garments; places in China and North Korea only")
    assert sorted(f["id"] for f in collection["features"]) == ["r1", "r3"]
    html = downloads.html_download(tiny, view)
    assert html.startswith("<!DOCTYPE html>") or html.lstrip().lower().startswith("<!doctype html>")
    assert "years 2019–2019; sectors Garments" in html




def test_the_caption_says_what_a_download_without_abroad_leaves_out(tmp_path: Path) -> None:
    """Issue 21: the page says the reports beyond China are left out, and how to include them."""
    from tests.conftest import tiny_with_abroad

    tables = tiny_with_abroad()
    loaded = load_dataset(write_dataset(tmp_path / "data", tables))
    caption = downloads.left_out_caption(loaded, build_view(loaded, Filters()))
    assert caption.startswith("1 report beyond China and North Korea") and "“Beyond China”" in caption
    assert downloads.left_out_caption(loaded, build_view(loaded, Filters(abroad=True))) == ""
