"""Shared fixtures: a tiny valid dataset built in code, and a way to break it; helpers for
AppTests of the dashboard."""

from __future__ import annotations

import csv
import html
import io
import re
import shutil
from pathlib import Path

import pytest

TITLE = re.compile(r'<h1 class="nk-title">(.*?)</h1>', re.S)


def whole_page(at: object) -> object:
    """An AppTest of the dashboard that starts past a new reader's first view.

    That view holds back the widgets, the timeline and the table until the map has drawn in the
    browser (``ui.explore.main``), which AppTest can't do; tests of those parts start with the whole
    page, as a reader has it a moment later. The first view has tests of its own.
    """
    at.session_state["_map_page_seen"] = True
    return at


def page_titles(at: object) -> list[str]:
    """The text of the page's ``h1`` titles (plain HTML, not Markdown)."""
    bodies = [element.proto.body for element in at.get("html")]
    return [html.unescape(match) for body in bodies for match in TITLE.findall(body)]

SEED_TEXT = (
    "Dozens of North Korean women work in textile factories in Dandong.\n"
    "In 2016, thirty restaurant staff left Ningbo together.\n"
    "Workers  from Pyongyang\nwere sent to Jilin Province.\n"
)

TINY = {
    "sources": [
        {"id": "src-a", "seed_file": "a.txt", "title": "A report", "publisher": "A Publisher",
         "author": "A. Writer", "published": "2019-11", "published_basis": "inferred",
         "published_note": "from the deadline it names", "licence": "", "notes": "",
         "url": "https://example.org/2019/11/report", "url_checked": "2026-11-30"},
    ],
    "places": [
        {"id": "dandong", "name": "Dandong", "aliases": "丹东", "admin1": "Liaoning", "country": "CN",
         "lat": "40.1292", "lon": "124.3947", "precision": "city", "radius_km": "",
         "geonames_id": "2037886", "location_note": "city centre"},
        {"id": "ningbo", "name": "Ningbo", "aliases": "", "admin1": "Zhejiang", "country": "CN",
         "lat": "29.8750", "lon": "121.5492", "precision": "city", "radius_km": "",
         "geonames_id": "1799397", "location_note": "city centre"},
        {"id": "pyongyang", "name": "Pyongyang", "aliases": "", "admin1": "Pyongyang", "country": "KP",
         "lat": "39.0339", "lon": "125.7543", "precision": "city", "radius_km": "",
         "geonames_id": "1871859", "location_note": "city centre"},
        {"id": "jilin-province", "name": "Jilin Province", "aliases": "", "admin1": "Jilin",
         "country": "CN", "lat": "43.7", "lon": "126.2", "precision": "province", "radius_km": "300",
         "geonames_id": "", "location_note": "rough centroid"},
    ],
    "sectors": [
        {"id": "garments", "label": "Garments", "colour": "#009E73", "description": "textiles"},
        {"id": "hospitality", "label": "Restaurants", "colour": "#E69F00", "description": ""},
        {"id": "unspecified", "label": "Not stated", "colour": "#999999", "description": ""},
    ],
    "reports": [
        {"id": "r1", "place_id": "dandong", "from_place_id": "", "source_id": "src-a",
         "role": "destination", "date_start": "2019", "date_end": "2019", "date_basis": "inferred",
         "date_note": "publication year", "sectors": "garments", "workers_min": "24",
         "workers_max": "", "workers_as_stated": "dozens", "workers_kind": "estimate",
         "wage_min": "", "wage_max": "",
         "wage_currency": "", "wage_period": "", "wage_as_stated": "", "state_share_min": "",
         "state_share_max": "", "state_share_as_stated": "",
         "quote": "Dozens of North Korean women work in textile factories in Dandong.", "notes": "",
         "presence": "reported", "from_basis": "", "date_qualifier": "", "caution": "",
         "fee_min": "", "fee_max": "", "fee_currency": "", "fee_period": "", "fee_as_stated": ""},
        {"id": "r2", "place_id": "ningbo", "from_place_id": "", "source_id": "src-a", "role": "event",
         "date_start": "2016", "date_end": "2016", "date_basis": "stated", "date_note": "",
         "sectors": "hospitality", "workers_min": "30", "workers_max": "30",
         "workers_as_stated": "thirty", "workers_kind": "count",
         "wage_min": "", "wage_max": "", "wage_currency": "",
         "wage_period": "", "wage_as_stated": "", "state_share_min": "", "state_share_max": "",
         "state_share_as_stated": "",
         "quote": "In 2016, thirty restaurant staff left Ningbo together.", "notes": "",
         "presence": "reported", "from_basis": "", "date_qualifier": "", "caution": "",
         "fee_min": "", "fee_max": "", "fee_currency": "", "fee_period": "", "fee_as_stated": ""},
        {"id": "r3", "place_id": "jilin-province", "from_place_id": "pyongyang", "source_id": "src-a",
         "role": "destination", "date_start": "2019-11", "date_end": "2019-11",
         "date_basis": "inferred", "date_note": "'this month'", "sectors": "unspecified;garments",
         "workers_min": "", "workers_max": "", "workers_as_stated": "",
         "workers_kind": "", "wage_min": "1500",
         "wage_max": "2000", "wage_currency": "CNY", "wage_period": "month", "wage_as_stated": "RMB 1500 to 2000",
         "state_share_min": "50", "state_share_max": "50", "state_share_as_stated": "about half",
         "quote": "Workers from Pyongyang were sent to Jilin Province.", "notes": "",
         "presence": "", "from_basis": "stated", "date_qualifier": "", "caution": "",
         "fee_min": "", "fee_max": "", "fee_currency": "", "fee_period": "", "fee_as_stated": ""},
    ],
}


def to_csv(rows: list[dict[str, str]], *, line_ending: str = "\n") -> str:
    """Rows as CSV text with a header taken from the first row."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator=line_ending)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write_dataset(folder: Path, tables: dict | None = None, seed_text: str = SEED_TEXT) -> Path:
    """Write a dataset folder (CSV files plus ``seeds/a.txt``) and return it."""
    tables = tables or TINY
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        (folder / f"{name}.csv").write_text(to_csv(rows), encoding="utf-8")
    (folder / "seeds").mkdir(exist_ok=True)
    (folder / "seeds" / "a.txt").write_text(seed_text, encoding="utf-8")
    return folder


def tiny_copy() -> dict:
    """A deep copy of the tiny dataset's rows, safe to edit in a test."""
    return {name: [dict(row) for row in rows] for name, rows in TINY.items()}


def tiny_with_abroad() -> dict:
    """The tiny dataset's rows with a fourth report, at Russia: one report beyond China and North Korea."""
    tables = tiny_copy()
    tables["places"].append({**tables["places"][0], "id": "russia", "name": "Russia", "aliases": "", "admin1": "",
                             "country": "RU", "lat": "61.5", "lon": "105.0", "precision": "country",
                             "radius_km": "2000", "geonames_id": "", "location_note": "centre"})
    tables["reports"].append({**tables["reports"][0], "id": "r4", "place_id": "russia"})
    return tables


@pytest.fixture
def real_copy(tmp_path: Path) -> Path:
    """A copy of the project's real dataset with its seeds inside it, safe to write to."""
    root = Path(__file__).resolve().parent.parent
    folder = tmp_path / "data"
    shutil.copytree(root / "data", folder)
    shutil.copytree(root / "seeds", folder / "seeds")
    return folder


@pytest.fixture
def tiny_dir(tmp_path: Path) -> Path:
    """A valid four-table dataset of three reports at four places from one seed."""
    return write_dataset(tmp_path / "tiny")
