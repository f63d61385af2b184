"""Every route from the data into HTML or JavaScript goes through ``geo.escape``.

The hostile dataset puts markup, template-literal syntax, script closers and backslashes into
every free-text field. Each rendered output must carry that text only in escaped form, and must
carry it (so the route was really exercised).
"""

from __future__ import annotations

from pathlib import Path

import folium
import pytest

from geo.data.load import Dataset, load_dataset
from geo.map import leaflet
from geo.map.layers import view_layer
from geo.map.style import legend_html
from geo.publish import downloads
from geo.publish.export import ExportInfo
from geo.query.filters import Filters
from geo.query.selection import build_view
from geo.reading import fragments, printout
from tests.hostile import IMG, SCRIPT_CLOSE, TEMPLATE, write_hostile_dataset

RAW = (IMG, TEMPLATE, SCRIPT_CLOSE, "`tick`", "\\n ")
ESCAPED_IMG = ("&lt;img src=x onerror=alert(1)&gt;", "\\u0026lt;img src=x onerror=alert(1)\\u0026gt;")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The hostile dataset, loaded."""
    return load_dataset(write_hostile_dataset(tmp_path_factory.mktemp("hostile")))


def full_map_html(dataset: Dataset) -> str:
    view = build_view(dataset, Filters())
    fmap = leaflet.base_map(dataset)
    view_layer(dataset, view).add_to(fmap)
    return fmap.get_root().render()


def standalone(dataset: Dataset) -> str:
    from geo.publish.standalone import standalone_html

    return standalone_html(dataset, Filters(), ExportInfo(dataset_version=dataset.version, filters="none"))


ROUTES = {
    "map with legend, tooltips and popups": full_map_html,
    "report cards": lambda d: "".join(fragments.report_card(r, d) for _, r in d.reports.iterrows()),
    "source header": lambda d: fragments.source_header(d, "src-a"),
    "source reader": lambda d: fragments.highlighted_seed(d, "src-a"),
    "printed reports": lambda d: printout.printed_reports(d, build_view(d, Filters())),
    "legend": lambda d: legend_html(d.sectors),
    "standalone HTML export": standalone,
}


@pytest.mark.parametrize("route", list(ROUTES))
def test_hostile_text_reaches_each_route_only_escaped(hostile: Dataset, route: str) -> None:
    html = ROUTES[route](hostile)
    leaked = [raw for raw in RAW if raw in html]
    assert not leaked, f"{route}: raw hostile text reached the output: {leaked}"
    assert any(form in html for form in ESCAPED_IMG), f"{route}: the hostile text never arrived"


def test_the_check_catches_a_route_that_skips_escaping(hostile: Dataset) -> None:
    """The test above can fail: a popup built without escape() leaks the raw markup."""
    fmap = folium.Map()
    folium.Marker([40, 124], popup=folium.Popup(hostile.places.iloc[0]["name"])).add_to(fmap)
    html = fmap.get_root().render()
    assert IMG in html


def test_csv_export_keeps_text_verbatim_but_neutralises_formulas(hostile: Dataset, tmp_path: Path) -> None:
    """Downloads are data, not HTML: the quote stays word for word."""
    text = downloads.csv_download(hostile, build_view(hostile, Filters()))
    assert IMG in text and TEMPLATE in text
