"""Tests for geo.publish.image and geo.publish.imagemarks: the image of a view, drawn from the map's own records."""

from __future__ import annotations

import html
import re
import struct
import xml.etree.ElementTree as ET  # noqa: N817
from pathlib import Path

import numpy as np
import pytest

from geo.cli import main
from geo.data.load import Dataset, load_dataset
from geo.map.records import map_config
from geo.publish.export import ExportInfo
from geo.publish.image import EMPTY, NOTE, image_bytes, view_records
from geo.publish.imagemarks import TOUCHING, Mark, declutter
from geo.query.filters import Filters
from geo.query.selection import build_view
from geo.reading.pickers import chips
from geo.settings import ROOT
from tests.hostile import write_hostile_dataset

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    from tests.conftest import write_dataset

    return load_dataset(write_dataset(tmp_path_factory.mktemp("image") / "tiny"))


def info(dataset: Dataset) -> ExportInfo:
    return ExportInfo(dataset_version=dataset.version, filters="", generated="2026-01-02T03:04:05+00:00")


def svg_of(dataset: Dataset, filters: Filters, **options: object) -> ET.Element:
    return ET.fromstring(image_bytes(dataset, build_view(dataset, filters), info(dataset), "svg", **options))


def texts(root: ET.Element) -> str:
    """Every text element's words, joined (SVG keeps text as text)."""
    return " ".join("".join(element.itertext()) for element in root.iter(f"{SVG}text"))


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize(("size", "least"), [(None, (3840, 2160)), ("article", (2400, 1600))])
def test_png_is_at_twice_its_size(dataset: Dataset, size: str | None, least: tuple[int, int]) -> None:
    data = image_bytes(dataset, build_view(dataset, Filters()), info(dataset), "png", size=size)
    assert png_size(data) == least
    assert png_size(data) >= (1920, 1080)


def test_svg_holds_title_filters_legend_credit_and_note_as_text(dataset: Dataset) -> None:
    filters = Filters(years=(2019, 2019), sectors=("garments",))
    words = texts(svg_of(dataset, filters))
    assert "North Korean workers reported in China" in words
    for _, chip in chips(dataset, filters):  # the page's own words for the filters
        assert chip in words
    assert "Years: 2019" in words and "Sectors: Garments" in words
    assert "Legend" in words and "Colour: main sector" in words and "Garments" in words
    assert "Sources: A Publisher (November 2019)" in words and "Natural Earth" in words
    assert NOTE in words and f"Dataset version {dataset.version}, made 2026-01-02" in words


def test_the_image_marks_are_the_map_records(dataset: Dataset) -> None:
    """Each mark in the SVG is one of the map's records, in its record's colour; each movement too."""
    view = build_view(dataset, Filters())
    records = view_records(dataset, view)
    config = map_config(dataset, more="table")
    root = svg_of(dataset, Filters())
    groups = {element.get("id"): element for element in root.iter(f"{SVG}g") if element.get("id")}
    drawn = sorted(key.removeprefix("mark-") for key in groups if key.startswith("mark-"))
    assert drawn == sorted(html.unescape(mark["place"]) for mark in records["marks"]) == [
        "dandong", "jilin-province", "ningbo"]
    for mark in records["marks"]:
        fill = config["styles"][mark["role"]][mark["sector"]]["fillColor"].lower()
        svg = ET.tostring(groups[f"mark-{html.unescape(mark['place'])}"], encoding="unicode").lower()
        assert f"fill: {fill}" in svg
    flows = sorted(key for key in groups if key.startswith("flow-"))
    assert flows == [f"flow-{f['from']}-{f['to']}-{f['basis']}" for f in records["flows"]] == [
        "flow-pyongyang-jilin-province-stated"]


def test_a_focused_place_and_a_year_change_what_is_drawn(dataset: Dataset) -> None:
    root = svg_of(dataset, Filters(years=(2016, 2016)), place="ningbo")
    ids = [element.get("id") for element in root.iter(f"{SVG}g") if (element.get("id") or "").startswith("mark-")]
    assert ids == ["mark-ningbo"]
    assert "Place: Ningbo" in texts(root)


def test_an_empty_view_says_no_report_matches(dataset: Dataset) -> None:
    words = texts(svg_of(dataset, Filters(text="no such words")))
    assert EMPTY in words and "Filters: Quotes containing “no such words”" in words


def test_hostile_names_stay_text_in_the_svg(tmp_path: Path) -> None:
    dataset = load_dataset(write_hostile_dataset(tmp_path / "hostile"))
    data = image_bytes(dataset, build_view(dataset, Filters()), info(dataset), "svg")
    root = ET.fromstring(data)  # still well-formed XML
    assert not list(root.iter(f"{SVG}script")) and not list(root.iter(f"{SVG}image"))
    assert b"<img" not in data
    assert "Garments <img src=x onerror=alert(1)> `" in texts(root)  # the hostile sector label, as text


def test_cli_writes_each_image_format_and_refuses_a_bad_size(tiny_dir: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    for fmt, magic in (("png", b"\x89PNG"), ("pdf", b"%PDF"), ("svg", b"<?xml")):
        out = tmp_path / f"map.{fmt}"
        assert main(["export", "--format", fmt, "--data", str(tiny_dir), "--years", "2019", "-o", str(out)]) == 0
        assert out.read_bytes().startswith(magic)
    assert main(["export", "--format", "png", "--data", str(tiny_dir), "--size", "huge",
                 "-o", str(tmp_path / "x.png")]) == 1
    assert "unknown size 'huge'; known: slides, article, a4, letter" in capsys.readouterr().err
    assert main(["export", "--format", "png", "--data", str(tiny_dir), "--place", "atlantis",
                 "-o", str(tmp_path / "x.png")]) == 2
    assert main(["export", "--format", "png", "--data", str(tiny_dir), "-o", str(tiny_dir / "x.png")]) == 1
    assert "refusing to write inside" in capsys.readouterr().err


def test_marks_are_moved_apart_as_the_map_moves_them() -> None:
    script = (ROOT / "geo" / "map" / "static" / "nkmap" / "geometry.js").read_text(encoding="utf-8")
    assert re.search(r"var TOUCHING = (\d+);", script).group(1) == str(TOUCHING)


def test_moved_apart_marks_keep_their_east_west_order() -> None:
    """Hunchun, east of Tumen, listed first: the image, as the map, keeps Tumen on the west."""
    def mark(x: float, y: float) -> Mark:
        return Mark(place={}, record={}, style={}, radius=8.0, home=np.array([x, y]))

    hunchun, tumen, south = mark(410, 200), mark(402, 197), mark(405, 190)
    declutter([hunchun, tumen])
    assert tumen.spot[0] < hunchun.spot[0], (tumen.spot, hunchun.spot)
    declutter([south, hunchun, tumen])  # three: none crosses to the far side of one east of it
    west, middle, east = (m.spot[0] for m in (tumen, south, hunchun))
    assert west <= middle + 1e-6 and middle <= east + 1e-6, (tumen.spot, south.spot, hunchun.spot)
