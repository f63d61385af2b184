"""The map's script as Leaflet layers (geo/map/static/nkmap/): two maps in one document each draw
with their own settings and legend, and a places layer taken off its map leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.escape import script_json
from geo.map import static_files
from geo.map.words import map_words

pytestmark = pytest.mark.browser

RECORDS = {
    "places": {"dandong": {"id": "dandong", "name": "Dandong", "level": "", "ll": [40.12, 124.38], "area_m": 0}},
    "marks": [{"place": "dandong", "count": 3, "role": 0, "sector": 0, "presence": "reported",
               "reports": ["<p>newest</p>"]}],
    "flows": [],
}
STYLE = {"color": "#000", "fillColor": "#c00", "weight": 2, "fillOpacity": 1}
LEGEND = ('<details open><summary>Legend</summary><p data-key="sector:0">Mining</p>'
          '<p data-key="sector:1">Fishing</p></details>')


def config(radius_max: float, more: str, lang: str = "en") -> dict:
    return {"radius": {"min": 4, "max": radius_max, "maxCount": 3}, "styles": [[STYLE, STYLE]], "areaStyle": {},
            "flowStyle": {}, "fewStyle": {}, "inferredStyle": {}, "more": more,
            "home": {"center": [40, 124], "zoom": 5}, "title": "A map", "words": map_words(lang)}


def page_html() -> str:
    css, js = static_files.inline_leaflet()
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>{css}</style></head><body>
<div id="a" style="width:700px;height:400px"></div><div id="b" style="width:700px;height:400px"></div>
<script>{js}</script><script>{static_files.map_script()}</script>
<script>
var outlines = {{"type": "FeatureCollection", "features": []}};
var mapA = L.map("a", {{center: [40, 124], zoom: 5}}), mapB = L.map("b", {{center: [40, 124], zoom: 5}});
nkmap.setup(mapA, {script_json(config(20, "table"))}, {script_json(LEGEND)}, outlines, {{}});
nkmap.setup(mapB, {script_json(config(8, "scroll", "ko"))}, "", outlines, {{}});
var placesA = nkmap.places({script_json(RECORDS)}).addTo(mapA);
var placesB = nkmap.places({script_json(RECORDS)}).addTo(mapB);
</script></body></html>"""


def test_two_maps_in_one_document_keep_their_own_settings(browser: object, tmp_path: Path) -> None:
    path = tmp_path / "two-maps.html"
    path.write_text(page_html(), encoding="utf-8")
    context = browser.new_context()
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(path.as_uri())
        seen = page.evaluate("""() => {
            const shape = (layer) => layer.shapes().dandong;
            const content = (layer) => shape(layer).getPopup().getContent();
            return {radius: [shape(placesA).getRadius(), shape(placesB).getRadius()],
                    popups: [content(placesA), content(placesB)],
                    legend: [...document.querySelectorAll("#a .nk-legend [data-key]")]
                      .map((entry) => [entry.dataset.key, entry.classList.contains("nk-absent")]),
                    legendsInB: document.querySelectorAll("#b .nk-legend").length};
        }""")
        assert seen["radius"] == [20, 8], "each map's marks are sized by its own settings"
        assert "see the table below the map" in seen["popups"][0]
        assert "scroll for more" not in seen["popups"][1], "each map writes in its own language"
        assert map_words("ko")["scroll"][1].replace("{n}", "3") in seen["popups"][1]
        assert seen["legend"] == [["sector:0", False], ["sector:1", True]], "map A's legend lists what map A shows"
        assert seen["legendsInB"] == 0
        after = page.evaluate("""() => {
            mapA.removeLayer(placesA);
            const listening = mapA.listens("zoomend", placesA._update, placesA);
            mapA.setZoom(7, {animate: false});
            return {listening: listening, paths: document.querySelectorAll("#a path.nk-place").length,
                    pathsB: document.querySelectorAll("#b path.nk-place").length};
        }""")
        assert after == {"listening": False, "paths": 0, "pathsB": 1}, "a removed layer leaves no marks or handlers"
        assert not errors, errors
    finally:
        context.close()

