"""Tests for geo.publish.gis: the GeoPackage and KML exports open in GIS software with every report."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET  # noqa: N817
from pathlib import Path

import pyogrio
import pytest

from geo.cli import main
from geo.publish.export import EXPORT_COLUMNS
from tests.hostile import HOSTILE_QUOTE, IMG, SCRIPT_CLOSE, write_hostile_dataset

KML = "{http://www.opengis.net/kml/2.2}"


def export(data: Path, out: Path, fmt: str, *flags: str) -> Path:
    path = out / f"export.{fmt}"
    assert main(["export", "--format", fmt, "--data", str(data), *flags, "-o", str(path)]) == 0
    return path


def csv_rows(data: Path, out: Path, *flags: str) -> list[dict[str, str]]:
    path = export(data, out, "csv", *flags)
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


@pytest.mark.parametrize("fmt", ["gpkg", "kml"])
@pytest.mark.parametrize("flags", [[], ["--sectors", "garments"], ["--years", "2016"]])
def test_gis_export_has_every_report_of_the_csv_with_its_quote_and_source(
        tiny_dir: Path, tmp_path: Path, fmt: str, flags: list[str]) -> None:
    rows = csv_rows(tiny_dir, tmp_path, *flags)
    path = export(tiny_dir, tmp_path, fmt, *flags)
    reports = pyogrio.read_dataframe(path, layer="reports")
    assert len(reports) == len(rows) > 0
    assert reports.crs.to_epsg() == 4326
    assert set(EXPORT_COLUMNS) <= set(reports.columns)
    by_id = {row["id"]: row for row in rows}
    for _, feature in reports.iterrows():
        expected = by_id[feature["id"]]
        assert feature["quote"] == expected["quote"]
        assert (feature["presence"] or "") == expected["presence"]
        assert feature["source_url"] == expected["source_url"] == "https://example.org/2019/11/report"
        assert feature.geometry.x == pytest.approx(float(expected["lon"]))
        assert feature.geometry.y == pytest.approx(float(expected["lat"]))


@pytest.mark.parametrize("fmt", ["gpkg", "kml"])
def test_gis_export_has_places_and_movements_with_their_basis(tiny_dir: Path, tmp_path: Path, fmt: str) -> None:
    path = export(tiny_dir, tmp_path, fmt)
    places = pyogrio.read_dataframe(path, layer="places")
    assert sorted(places["place_id"]) == ["dandong", "jilin-province", "ningbo"]
    assert dict(zip(places["place_id"], places["reports"], strict=True))["dandong"] == 1
    movements = pyogrio.read_dataframe(path, layer="movements")
    assert list(movements["from_place_id"]) == ["pyongyang"] and list(movements["from_basis"]) == ["stated"]
    (line,) = movements.geometry
    assert line.geom_type == "LineString"
    assert list(line.coords) == [pytest.approx((125.7543, 39.0339)), pytest.approx((126.2, 43.7))]


def test_kml_placemarks_carry_the_quote_the_period_the_link_and_a_sector_style(tiny_dir: Path,
                                                                               tmp_path: Path) -> None:
    root = ET.parse(export(tiny_dir, tmp_path, "kml")).getroot()
    styles = {style.get("id"): style for style in root.iter(f"{KML}Style")}
    folders = {folder.find(f"{KML}name").text: folder for folder in root.iter(f"{KML}Folder")}
    placemarks = {mark.get("id"): mark for mark in folders["reports"].findall(f"{KML}Placemark")}
    assert sorted(placemarks) == ["r1", "r2", "r3"]
    dandong = placemarks["r1"]
    description = dandong.find(f"{KML}description").text
    assert "Dozens of North Korean women work in textile factories in Dandong." in description
    assert '<a href="https://example.org/2019/11/report">' in description
    assert "2019 (inferred)" in description
    assert dandong.find(f"{KML}styleUrl").text == "#sector-garments"
    # #009E73 as KML writes it: alpha, blue, green, red
    assert styles["sector-garments"].find(f"{KML}IconStyle/{KML}color").text == "ff739e00"


def test_kml_keeps_hostile_text_escaped(tmp_path: Path) -> None:
    data = write_hostile_dataset(tmp_path / "hostile")
    path = export(data, tmp_path, "kml")
    text = path.read_text(encoding="utf-8")
    assert IMG not in text and SCRIPT_CLOSE not in text  # nothing from the data is markup in the file
    root = ET.parse(path).getroot()
    (mark,) = [m for m in root.iter(f"{KML}Placemark") if m.get("id") == "r1"]
    description = mark.find(f"{KML}description").text
    # The description is HTML for Google Earth: the data's markup in it is escaped text, not tags.
    assert "<img" not in description and "&lt;img src=x onerror=alert(1)&gt;" in description
    reports = pyogrio.read_dataframe(path, layer="reports")
    assert HOSTILE_QUOTE in set(reports["quote"])  # a field reads back as the data's exact text


def test_gis_export_refuses_the_data_folder(tiny_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sorted(path.name for path in tiny_dir.iterdir())
    assert main(["export", "--format", "gpkg", "--data", str(tiny_dir), "-o", str(tiny_dir / "x.gpkg")]) == 1
    assert "refusing to write inside" in capsys.readouterr().err
    assert sorted(path.name for path in tiny_dir.iterdir()) == before


def test_gis_export_of_no_report_gives_empty_layers(tiny_dir: Path, tmp_path: Path) -> None:
    for fmt in ("gpkg", "kml"):
        path = export(tiny_dir, tmp_path, fmt, "--text", "no such words")
        assert len(pyogrio.read_dataframe(path, layer="reports")) == 0


def test_data_package_holds_the_geopackage(tiny_dir: Path, tmp_path: Path) -> None:
    import json
    import zipfile

    path = export(tiny_dir, tmp_path, "package", "--sectors", "garments")
    with zipfile.ZipFile(path) as archive:
        (tmp_path / "inner.gpkg").write_bytes(archive.read("reports.gpkg"))
        descriptor = json.loads(archive.read("datapackage.json"))
    assert sorted(pyogrio.read_dataframe(tmp_path / "inner.gpkg", layer="reports")["id"]) == ["r1", "r3"]
    assert "reports.gpkg" in [resource["path"] for resource in descriptor["resources"]]


def test_gpkg_numbers_are_numbers(tiny_dir: Path, tmp_path: Path) -> None:
    reports = pyogrio.read_dataframe(export(tiny_dir, tmp_path, "gpkg"), layer="reports").set_index("id")
    assert reports.at["r2", "workers_min"] == 30 and reports.at["r3", "wage_max"] == 2000.0
