"""Tests for geo.map.static_files: the bundled basemap, local Leaflet files and offline rendering."""

from __future__ import annotations

import re
from pathlib import Path

import folium
import pytest

from geo.data import outlines
from geo.map import static_files

# What a URL looks like inside rendered HTML/JS: stops at quotes, whitespace, brackets,
# backticks and backslashes.
URL_RE = re.compile(r"""https?://[^\s"'<>`\\)]+""")
# The only remote URLs allowed in a rendered map: the tile template and its attribution link.
TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
ALLOWED_REMOTE = {TILE_URL, "https://www.openstreetmap.org/copyright"}


@pytest.fixture
def restore_folium_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    """Undo ``use_local_assets`` (class-level state) after the test."""
    monkeypatch.setattr(folium.Map, "default_js", list(folium.Map.default_js))
    monkeypatch.setattr(folium.Map, "default_css", list(folium.Map.default_css))


def build_map() -> folium.Map:
    """A map with every layer type the dashboard uses, on OpenStreetMap tiles."""
    m = folium.Map(location=[40.5, 125.0], zoom_start=5, tiles="OpenStreetMap")
    folium.GeoJson(
        outlines.countries_geojson(),
        name="countries",
        style_function=lambda f: {"color": "#555", "weight": 1},
        tooltip=folium.GeoJsonTooltip(fields=["name"]),
        popup=folium.GeoJsonPopup(fields=["name"]),
    ).add_to(m)
    group = folium.FeatureGroup(name="reports")
    folium.CircleMarker([40.13, 124.39], radius=6, tooltip=folium.Tooltip("Dandong")).add_to(group)
    group.add_to(m)
    points = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"place": "Hunchun", "n": 3},
                "geometry": {"type": "Point", "coordinates": [130.36, 42.87]},
            }
        ],
    }
    folium.GeoJson(
        points,
        marker=folium.CircleMarker(radius=5, fill=True),
        tooltip=folium.GeoJsonTooltip(fields=["place", "n"]),
        popup=folium.GeoJsonPopup(fields=["place", "n"]),
    ).add_to(m)
    folium.PolyLine([[40.13, 124.39], [42.87, 130.36]]).add_to(m)
    folium.Polygon([[39, 124], [39, 126], [40, 126], [40, 124]]).add_to(m)
    folium.LayerControl().add_to(m)
    return m


def declared_links(element: object) -> list[str]:
    """Every default_js/default_css URL in a map's tree (what streamlit-folium loads)."""
    links = [url for _, url in getattr(element, "default_js", [])]
    links += [url for _, url in getattr(element, "default_css", [])]
    for child in getattr(element, "_children", {}).values():
        links += declared_links(child)
    return links


# --- local Leaflet files -----------------------------------------------------------------


def test_install_static_copies_leaflet(tmp_path: Path) -> None:
    dest = static_files.install_static(tmp_path / "static")
    assert dest == tmp_path / "static" / "vendor" / "leaflet"
    src = static_files.leaflet_dir()
    expected = ["leaflet.css", "leaflet.js"] + sorted(
        f"images/{p.name}" for p in (src / "images").glob("*.png")
    )
    copied = sorted(str(p.relative_to(dest)) for p in dest.rglob("*") if p.is_file())
    assert copied == sorted(expected)
    assert "images/layers.png" in copied
    for rel in expected:
        assert (dest / rel).read_bytes() == (src / rel).read_bytes()
    script = tmp_path / "static" / "vendor" / "nkmap" / "nkmap.js"
    assert script.read_text(encoding="utf-8") == static_files.map_script()


def test_install_static_is_idempotent_and_repairs(tmp_path: Path) -> None:
    dest = static_files.install_static(tmp_path)
    stamps = {p: p.stat().st_mtime_ns for p in dest.rglob("*") if p.is_file()}
    css = dest / "leaflet.css"
    css.write_bytes(b"/" * css.stat().st_size)  # same size, other bytes
    (dest / "leaflet.js").touch()
    stamps[dest / "leaflet.js"] = (dest / "leaflet.js").stat().st_mtime_ns
    assert static_files.install_static(tmp_path) == dest
    # Unchanged files are not rewritten; a changed one is restored.
    for path, stamp in stamps.items():
        if path.name != "leaflet.css":
            assert path.stat().st_mtime_ns == stamp, path
    original = (static_files.leaflet_dir() / "leaflet.css").read_bytes()
    assert (dest / "leaflet.css").read_bytes() == original


# --- offline rendering -------------------------------------------------------------------


def test_default_folium_links_cdns(restore_folium_defaults: None) -> None:
    """The checker below sees CDN links when they are there (folium's defaults)."""
    # Other tests or modules may already have called use_local_assets in this process.
    folium.Map.default_js = list(folium.folium._default_js)
    folium.Map.default_css = list(folium.folium._default_css)
    html = build_map().get_root().render()
    remote = set(URL_RE.findall(html)) - ALLOWED_REMOTE
    assert any("leaflet" in url for url in remote)
    assert any("jquery" in url for url in remote)


@pytest.mark.parametrize("base_url", [static_files.STATIC_URL, "/app/static/vendor", "vendor/"])
def test_use_local_assets_renders_without_remote_urls(
    restore_folium_defaults: None, base_url: str
) -> None:
    static_files.use_local_assets(base_url)
    static_files.use_local_assets(base_url)  # idempotent
    m = build_map()
    html = m.get_root().render()
    remote = set(URL_RE.findall(html))
    assert remote <= ALLOWED_REMOTE, remote - ALLOWED_REMOTE
    assert TILE_URL in remote  # the regex does find URLs in this HTML
    base = base_url.rstrip("/")
    assert f'<script src="{base}/leaflet/leaflet.js"></script>' in html
    assert f'<link rel="stylesheet" href="{base}/leaflet/leaflet.css"/>' in html
    # Exactly Leaflet and the map's drawing script are linked: streamlit-folium loads every
    # declared default_js/css.
    assert sorted(set(declared_links(m))) == sorted(
        [f"{base}/leaflet/leaflet.js", f"{base}/leaflet/leaflet.css", f"{base}/nkmap/nkmap.js"]
    )
    # None of these layers calls jQuery, which is no longer loaded.
    script = html[html.index('<script src="' + base) :]
    assert not re.search(r"\$\(|\$\.|jQuery", script)


def test_streamlit_default_url_is_relative_to_component_iframe() -> None:
    # st_folium's iframe is {base}/component/streamlit_folium.st_folium/index.html;
    # ../../app/static/... resolves to {base}/app/static/... with or without a base path.
    assert static_files.STATIC_URL == "../../app/static/vendor"


def test_inline_leaflet_is_self_contained() -> None:
    css, js = static_files.inline_leaflet()
    assert ".leaflet-container" in css
    assert "url(images/" not in css
    assert css.count("data:image/png;base64,") == 3  # layers, layers-2x, marker-icon
    assert js.startswith("/* @preserve\n * Leaflet " + static_files.LEAFLET_VERSION)
    assert "sourceMappingURL" not in css + js
    assert "</script" not in js.lower() and "</style" not in css.lower()


def test_the_map_script_joins_every_part_once_in_order() -> None:
    """A part added to geo/map/static/nkmap/ but not to SCRIPT_PARTS would never reach a page."""
    on_disk = sorted(path.name for path in static_files.SCRIPT_DIR.glob("*.js"))
    assert sorted(static_files.SCRIPT_PARTS) == on_disk
    script = static_files.map_script()
    parts = [(static_files.SCRIPT_DIR / name).read_text(encoding="utf-8") for name in static_files.SCRIPT_PARTS]
    starts = [script.index(part) for part in parts]
    assert starts == sorted(starts)
    assert script.startswith("/*") and "var nkmap = {};" in script.split("\n", 2)[1]


def test_the_page_scripts_hold_no_tag_that_streamlits_sanitiser_drops_them_for() -> None:
    """``st.html`` runs the page's scripts through DOMPurify, which removes a script element whose
    text looks like markup (a ``<`` before a letter, ``/`` or ``!``): every page script would be
    lost, as ``printout.js`` was when it first built its section from a string of tags."""
    text = static_files.page_scripts()
    assert "window.nkPrint =" in text  # printout.js is among them
    assert re.findall(r"<[/\w!].{0,40}", text) == []
