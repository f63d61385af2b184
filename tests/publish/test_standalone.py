"""Tests for geo.publish.standalone: the one-file HTML map for articles (Python side; see tests/browser)."""

from __future__ import annotations

import dataclasses
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from geo import cli
from geo.data.load import Dataset, load_dataset
from geo.escape import escape
from geo.map.records import export_records
from geo.map.style import marker_style
from geo.publish.export import ExportInfo
from geo.publish.standalone import control_years, page_script, standalone_html
from geo.query.filters import Filters, filter_mask
from geo.reading.reports import report_html
from geo.settings import ROOT, SETTINGS, Settings
from geo.vocab import ROLES
from tests.conftest import SEED_TEXT, tiny_copy, write_dataset

GENERATED = "2025-01-02T03:04:05+00:00"
MAX_BYTES = 1_000_000

URL_RE = re.compile(r"""https?://[^\s"'<>`\\)]+""")
LEAFLET_OWN_URLS = {
    "https://leafletjs.com",  # Leaflet's attribution prefix link (a link, never fetched)
    "http://www.w3.org/2000/svg",  # the SVG namespace name in leaflet.js (not a request)
    "https://bugzilla.mozilla.org/show_bug.cgi?id=888319",  # a comment in leaflet.css
}

HOSTILE_TAG = "<img src=x onerror=alert(1)>"
HOSTILE_NAME = f'Dandong {HOSTILE_TAG} ${{alert(1)}} `tick` </script> C:\\temp "dq" \'sq\''
HOSTILE_QUOTE = f"Workers sang {HOSTILE_TAG} and ${{alert(2)}} `tick` </script> at C:\\temp \"dq\" 'sq'."


def render(dataset: Dataset, filters: Filters | None = None, **options: object) -> str:
    """The standalone page for ``dataset`` with a fixed generation time."""
    filters = filters or Filters()
    info = ExportInfo(dataset_version=dataset.version, filters=filters.describe(), generated=GENERATED)
    return standalone_html(dataset, filters, info, **options)


def json_block(page: str, block_id: str) -> object:
    """Parse the ``<script type="application/json" id=block_id>`` element of ``page``."""
    match = re.search(rf'<script type="application/json" id="{block_id}">(.*?)</script>', page, re.S)
    assert match, f"no {block_id} block"
    return json.loads(match.group(1))


class Elements(HTMLParser):
    """Every start tag of a page as (tag, attributes)."""

    def __init__(self, page: str):
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def by_id(self, element_id: str) -> dict[str, str | None]:
        return next(attrs for _, attrs in self.tags if attrs.get("id") == element_id)

    def checked_sectors(self) -> list[str]:
        return [a["data-sector"] for t, a in self.tags
                if t == "input" and "nk-sector" in (a.get("class") or "") and "checked" in a]


@pytest.fixture(scope="module")
def real() -> Dataset:
    """The project's real dataset (data/ and seeds/)."""
    return load_dataset(ROOT / "data")


@pytest.fixture
def tiny(tiny_dir: Path) -> Dataset:
    """The tiny three-report dataset of tests/conftest.py."""
    return load_dataset(tiny_dir)


@pytest.fixture
def hostile(tmp_path: Path) -> Dataset:
    """The tiny dataset with a place name and a quote built to break out of HTML and JavaScript."""
    tables = tiny_copy()
    tables["places"][0]["name"] = HOSTILE_NAME
    tables["reports"][0]["quote"] = HOSTILE_QUOTE
    tables["reports"][0]["notes"] = HOSTILE_QUOTE
    return load_dataset(write_dataset(tmp_path / "hostile", tables, seed_text=SEED_TEXT + HOSTILE_QUOTE + "\n"))


def test_real_data_fits_under_a_megabyte(real: Dataset) -> None:
    size = len(render(real).encode("utf-8"))
    print(f"standalone HTML for data/: {size:,} bytes ({size / 1024:.0f} KiB)")
    assert size < MAX_BYTES


def test_requests_nothing_but_tiles(real: Dataset) -> None:
    page = render(real)
    quoted = {url for text in real.reports["quote"] for url in URL_RE.findall(text)}
    originals = {url for url in real.sources["url"] if url}  # links a reader may follow, not requests
    allowed = {SETTINGS.tiles_url, *URL_RE.findall(SETTINGS.tiles_attribution), *LEAFLET_OWN_URLS, *quoted,
               *originals}
    assert set(URL_RE.findall(page)) <= allowed
    assert SETTINGS.tiles_url in page
    tags = Elements(page).tags
    assert not [a for t, a in tags if t in ("script", "img", "iframe", "link") and (a.get("src") or a.get("href"))]
    assert "@import" not in page


def test_without_tiles_the_file_names_no_tile_host(real: Dataset) -> None:
    page = render(real, tiles=False)
    assert SETTINGS.tiles_url not in page
    assert "cartocdn" not in page and "openstreetmap.org" not in page.lower()
    assert json_block(page, "nk-data")["tiles"] is None


def test_other_tile_settings_are_used(tiny: Dataset) -> None:
    tiles = "https://tiles.example.org/{z}/{x}/{y}.png"
    page = render(tiny, settings=Settings(tiles_url=tiles, tiles_attribution="Example tiles"))
    assert json_block(page, "nk-data")["tiles"] == {"url": tiles, "attribution": "Example tiles"}
    assert "cartocdn" not in page


def test_play_shows_each_year_as_long_as_the_page_does(tiny: Dataset) -> None:
    slow = dataclasses.replace(SETTINGS, play_seconds=2.5)
    assert json_block(render(tiny), "nk-data")["play_ms"] == round(SETTINGS.play_seconds * 1000)
    assert json_block(render(tiny, settings=slow), "nk-data")["play_ms"] == 2500
    # The script steps at that pace, with no interval of its own.
    assert "setInterval(step, data.play_ms)" in page_script()
    assert not re.search(r"setInterval\([^)]*\d", page_script())


def test_metadata_block_and_footer_say_what_the_file_is(tiny: Dataset) -> None:
    filters = Filters(years=(2019, 2019), sectors=("garments",))
    page = render(tiny, filters)
    info = ExportInfo(dataset_version=tiny.version, filters=filters.describe(), generated=GENERATED)
    metadata = json_block(page, "nk-metadata")
    assert metadata == info.as_dict(3)
    footer = page[page.index('<footer class="nk-footer"'):page.index("</footer>")]
    for key in ("title", "dataset_version", "generated", "filters", "cite_as"):
        assert escape(metadata[key]) in footer, key
    assert "It holds 3 reports." in footer


def test_year_and_sector_filters_set_the_controls_but_ship_every_report(tiny: Dataset) -> None:
    page = render(tiny, Filters(years=(2016, 2017), sectors=("hospitality", "unspecified")))
    elements = Elements(page)
    assert elements.by_id("nk-year-from")["value"] == "2016"
    assert elements.by_id("nk-year-to")["value"] == "2017"
    assert (elements.by_id("nk-year-from")["min"], elements.by_id("nk-year-from")["max"]) == ("2016", "2019")
    assert elements.checked_sectors() == ["hospitality", "unspecified"]
    assert len(json_block(page, "nk-data")["reports"]) == 3
    assert json_block(page, "nk-data")["years"] == [2016, 2019]


def test_no_filters_start_with_everything(tiny: Dataset) -> None:
    elements = Elements(render(tiny))
    assert (elements.by_id("nk-year-from")["value"], elements.by_id("nk-year-to")["value"]) == ("2016", "2019")
    assert elements.checked_sectors() == ["garments", "hospitality", "unspecified"]


def test_no_sectors_ticks_none(tiny: Dataset) -> None:
    assert Elements(render(tiny, Filters(sectors=()))).checked_sectors() == []


@pytest.mark.parametrize(("years", "expected"), [
    (None, (2016, 2019)),
    ((2017, 2018), (2016, 2019)),
    ((2010, 2017), (2010, 2019)),
    ((2030, 2031), (2016, 2031)),
])
def test_year_controls_reach_the_years_asked_for(tiny: Dataset, years, expected) -> None:
    assert control_years(tiny, Filters(years=years)) == expected


def test_role_source_and_text_filters_decide_what_is_shipped(tiny: Dataset) -> None:
    page = render(tiny, Filters(roles=("event",)))
    assert [r["role"] for r in json_block(page, "nk-data")["reports"]] == [list(ROLES).index("event")]
    assert json_block(page, "nk-metadata")["reports"] == 1
    page = render(tiny, Filters(text="PYONGYANG"))
    assert len(json_block(page, "nk-data")["reports"]) == 1
    assert len(json_block(render(tiny, Filters(sources=("nope",))), "nk-data")["reports"]) == 0


def test_shipped_records_carry_every_report_of_each_place_and_the_styles(tiny: Dataset) -> None:
    """The page aggregates these in nkmap.js; the tooltip and popup text is written there only
    (compared with the dashboard's in tests/browser/test_one_map.py)."""
    data = export_records(tiny, tiny.reports)
    labels = tiny.sectors["label"].to_dict()
    for place_id in tiny.reports["place_id"].astype(str).unique():
        shipped = [r["html"] for r in data["reports"] if r["place"] == place_id]
        names = tiny.places["name"].to_dict()
        expected = [report_html(r, labels, names) for r in tiny.reports.to_dict("records")
                    if r["place_id"] == place_id]
        assert shipped == expected  # newest first, as popups show them
    for r, role in enumerate(ROLES):
        for s, colour in enumerate(tiny.sectors["colour"]):
            assert data["config"]["styles"][r][s] == marker_style(role, colour)
    assert data["config"]["radius"]["maxCount"] == tiny.max_reports_per_place
    assert data["config"]["more"] == "scroll"


def test_places_are_ranked_by_name_and_include_origins(tiny: Dataset) -> None:
    data = export_records(tiny, tiny.reports)
    ranked = sorted(data["order"], key=data["order"].get)
    names = [data["places"][place_id]["name"] for place_id in ranked]
    assert names == sorted(names)
    assert "pyongyang" in data["places"]  # only ever an origin, but its movement line needs it
    assert data["places"]["jilin-province"]["area_m"] == 300_000
    assert data["places"]["jilin-province"]["level"] == "province"
    assert data["places"]["ningbo"]["area_m"] == 0 and data["places"]["ningbo"]["level"] == ""


def test_reports_are_newest_first_and_reference_their_places(tiny: Dataset) -> None:
    data = export_records(tiny, tiny.reports)
    order = [(r["place"], r["from"] or None, r["y0"], r["y1"]) for r in data["reports"]]
    assert order == [("jilin-province", "pyongyang", 2019, 2019), ("dandong", None, 2019, 2019),
                     ("ningbo", None, 2016, 2016)]


@pytest.mark.parametrize("filters", [Filters(), Filters(text=HOSTILE_TAG, years=(2019, 2019))])
def test_hostile_text_never_appears_unescaped(hostile: Dataset, filters: Filters) -> None:
    page = render(hostile, filters)
    assert HOSTILE_TAG not in page
    assert "<img" not in page.lower()
    assert "${alert" not in page
    assert "`tick`" not in page
    assert "\\temp" not in page  # in JSON it would read C:\\temp
    assert '"dq"' not in page and "'sq'" not in page
    assert page.count("</script>") == page.count("<script")
    # ...and is shipped escaped, so the reader still sees it literally.
    data = json_block(page, "nk-data")
    assert escape(HOSTILE_NAME) in [place["name"] for place in data["places"].values()]
    assert any(escape(HOSTILE_QUOTE) in report["html"] for report in data["reports"])
    assert json.loads(json.dumps(json_block(page, "nk-metadata")))["filters"] == filters.describe()


def test_page_needs_no_template_values_it_was_not_given(tiny: Dataset) -> None:
    page = render(tiny)
    assert "{{" not in page.replace("{{ this", "") and "{%" not in page


def test_cli_writes_the_page(tiny_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "map.html"
    status = cli.main(["export", "--format", "html", "--data", str(tiny_dir), "--years", "2019",
                       "--sectors", "garments", "-o", str(target)])
    assert status == 0
    page = target.read_text(encoding="utf-8")
    assert json_block(page, "nk-metadata")["reports"] == 3
    assert Elements(page).by_id("nk-year-from")["value"] == "2019"
    reports = load_dataset(tiny_dir).reports
    expected = reports[filter_mask(reports, Filters(years=(2019, 2019), sectors=("garments",)))]
    assert len(expected) == 2
