"""One map, drawn once: for every place of the bundled data, the dashboard and the standalone export
show the same tooltip, the same popup heading and reports, and the same mark.

Both draw with geo/map/static/nkmap.js; this checks what a reader sees in each, in Chromium.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from geo.data.load import load_dataset
from geo.publish.export import ExportInfo
from geo.publish.standalone import standalone_html
from geo.query.filters import Filters, filter_mask
from geo.settings import ROOT
from tests.browser import harness

pytestmark = pytest.mark.browser

COLLECT = """() => {
    const out = {};
    window.map.eachLayer(layer => {
        if (!(layer.options && layer.options.placeId)) { return; }
        layer.openPopup();
        const popup = layer.getPopup().getElement().querySelector('.nk-popup');
        out[layer.options.placeId] = {
            tooltip: layer.getTooltip().getContent(),
            heading: popup.querySelector('h4').innerHTML,
            reports: Array.from(popup.querySelectorAll('article')).map(a => a.outerHTML),
            fill: layer.options.fillColor, stroke: layer.options.color,
            radius: layer.getRadius(), area: layer instanceof L.Circle,
        };
        layer.closePopup();
    });
    return out;
}"""


def test_dashboard_and_export_draw_every_place_alike(open_dashboard, browser: object, tmp_path: Path) -> None:
    dataset = load_dataset(ROOT / "data")
    opened = open_dashboard()
    dashboard = harness.map_frame(opened.page).evaluate(COLLECT)

    page_file = tmp_path / "map.html"
    info = ExportInfo(dataset_version=dataset.version, filters="none")
    page_file.write_text(standalone_html(dataset, Filters(), info, tiles=False), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                  else route.abort())
    try:
        page = context.new_page()
        page.goto(page_file.as_uri())
        page.wait_for_selector("path.nk-place")
        export = page.evaluate(COLLECT)
    finally:
        context.close()

    shown = dataset.reports[filter_mask(dataset.reports, Filters())]  # places beyond China wait to be asked for
    places = set(shown["place_id"].astype(str))
    assert set(dashboard) == set(export) == places
    for place_id in sorted(places):
        ours, theirs = dashboard[place_id], export[place_id]
        assert ours["tooltip"] == theirs["tooltip"], place_id
        assert re.search(rf'data-place="{place_id}"', ours["tooltip"])
        assert ours["heading"] == theirs["heading"], place_id
        # The dashboard's popup shows the newest reports and leaves the rest to the table; the
        # export's holds every report, newest first.
        assert ours["reports"] and ours["reports"] == theirs["reports"][:len(ours["reports"])], place_id
        for key in ("fill", "stroke", "radius", "area"):
            assert ours[key] == theirs[key], (place_id, key)
