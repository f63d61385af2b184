"""Tests for geo.publish.citation: the citation of a view, and a link that opens the same view."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from geo.data.load import Dataset, load_dataset
from geo.publish.citation import cite_view, view_link
from geo.publish.export import ExportInfo
from geo.query.filters import Filters
from geo.reading.pickers import filters_from_link, place_from_link, years_from_link
from tests.conftest import write_dataset


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    return load_dataset(write_dataset(tmp_path_factory.mktemp("cite") / "tiny"))


@pytest.mark.parametrize(("filters", "place"), [
    (Filters(), None),
    (Filters(years=(2016, 2019), sectors=("garments", "hospitality"), text="a & b"), "jilin-province"),
    (Filters(roles=("event",), sources=("src-a",), abroad=True), "ningbo"),
])
def test_the_link_opens_the_same_view(dataset: Dataset, filters: Filters, place: str | None) -> None:
    link = view_link(dataset, filters, "http://127.0.0.1:8501/?old=1", place)
    assert link.startswith("http://127.0.0.1:8501/")
    params = parse_qs(urlsplit(link).query)
    years = years_from_link(params.get("years", []), dataset.years)
    back = filters_from_link(dataset, params, years)
    expected = Filters(years=filters.years or dataset.years, sectors=filters.sectors, roles=filters.roles,
                       sources=filters.sources, text=filters.text, abroad=filters.abroad)
    assert back == expected
    assert place_from_link(dataset, params.get("place", [])) == place
    assert "old" not in params


def test_citation_has_title_version_link_date_and_sources(dataset: Dataset) -> None:
    filters = Filters(sectors=("garments",))
    info = ExportInfo(dataset_version=dataset.version, filters=filters.describe())
    link = view_link(dataset, filters, "https://example.org/")
    cited = cite_view(dataset, filters, ["src-a"], info, url=link, accessed=date(2026, 3, 4))
    assert cited["text"] == (
        f"North Korean workers reported in China, dataset version {dataset.version}. View: sectors garments; "
        "places in China and North Korea only. "
        "https://example.org/?sector=Garments (accessed 4 March 2026). Sources of the reports shown: "
        "A Publisher (November 2019). Cite each report's own source document too.")
    (item,) = json.loads(cited["csl"])
    assert item["type"] == "dataset" and item["version"] == dataset.version and item["URL"] == link
    assert item["accessed"] == {"date-parts": [[2026, 3, 4]]}
    assert "A Publisher (November 2019)" in item["note"]


def test_no_filter_gives_the_bare_link(dataset: Dataset, tmp_path: Path) -> None:
    assert view_link(dataset, Filters(years=dataset.years), "https://example.org/") == "https://example.org/"


def test_a_citation_in_korean_translates_only_the_words_around_its_fields(dataset: Dataset) -> None:
    filters = Filters(sectors=("garments",))
    info = ExportInfo(dataset_version=dataset.version, filters=filters.describe())
    link = view_link(dataset, filters, "https://example.org/")
    cited = cite_view(dataset, filters, ["src-a"], info, url=link, accessed=date(2026, 3, 4), lang="ko")
    text = cited["text"]
    assert text.startswith(f"중국에서 보고된 북한 노동자, 데이터 버전 {dataset.version}. 화면: ")
    assert "(2026년 3월 4일 접속)" in text
    assert "A Publisher (2019년 11월)" in text  # the publisher as it gives its name
    assert link in text  # the link keeps its English labels: it opens the same view in any language
    for english in ("dataset version", "View:", "accessed", "Sources of the reports shown", "places in China",
                    "Cite each"):
        assert english not in text, english
    (item,) = json.loads(cited["csl"])
    assert item["URL"] == link and item["version"] == dataset.version and item["language"] == "ko"
    assert item["accessed"] == {"date-parts": [[2026, 3, 4]]}
    assert "Sources of the reports shown" not in item["note"] and "A Publisher" in item["note"]


def test_a_cited_view_and_its_data_package_name_sectors_by_label(dataset: Dataset) -> None:
    """"Cite this view" and the data package say the sector a reader picked ("Restaurants"), not
    its id ("hospitality"); roles and sources by their labels too."""
    import io
    import zipfile

    from geo.publish import downloads
    from geo.query.selection import build_view

    view = build_view(dataset, Filters(sectors=("hospitality",), roles=("event",), sources=("src-a",)))
    cited = downloads.view_citation(dataset, view, "https://example.org/", date(2026, 3, 4))
    assert "View: sectors Restaurants; roles Event; sources A Publisher (November 2019);" in cited["text"]
    assert "hospitality" not in cited["text"] and "hospitality" not in cited["csl"]
    package = zipfile.ZipFile(io.BytesIO(downloads.package_download(dataset, view)))
    described = json.loads(package.read("datapackage.json"))["description"]
    assert "sectors Restaurants" in described and "hospitality" not in described
