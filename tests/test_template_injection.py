"""Data is never code: template syntax in any text field shows literally and never runs.

Folium and branca render an element's script and then compile that output again as a Jinja
template. Text from the data that reached such a compile would run on the server (a payload
below creates a folder). Every route, the map and legend included, must show the text as it is.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import streamlit_folium
from streamlit.testing.v1 import AppTest

from geo.data.load import Dataset, load_dataset
from geo.map import leaflet
from geo.map.layers import view_layer
from geo.map.style import legend_html
from geo.publish.export import ExportInfo, geojson_text, to_csv_text
from geo.query.filters import Filters
from geo.query.selection import build_view
from geo.reading import fragments
from geo.settings import ROOT
from tests.conftest import whole_page
from tests.hostile import JINJA_BLOCK, JINJA_COMMENT, JINJA_EXPR, PWNED, write_template_dataset

LITERAL = (JINJA_EXPR, JINJA_BLOCK, JINJA_COMMENT)


@pytest.fixture(scope="module")
def templated(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The dataset with template syntax in every free-text field, loaded."""
    return load_dataset(write_template_dataset(tmp_path_factory.mktemp("templated")))


@pytest.fixture(autouse=True)
def in_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run each test in an empty folder, where the payload would create ``NK_PWNED``."""
    folder = tmp_path / "cwd"
    folder.mkdir()
    monkeypatch.chdir(folder)
    yield folder
    assert not (folder / PWNED).exists(), "a template payload from the data ran on the server"


def folium_page(dataset: Dataset) -> str:
    """The whole map page as folium renders it: base map, legend, places layer."""
    fmap = leaflet.base_map(dataset)
    view_layer(dataset, build_view(dataset, Filters())).add_to(fmap)
    return fmap.get_root().render()


def st_folium_scripts(dataset: Dataset) -> str:
    """What streamlit-folium sends the browser: the header, the map's and the layer's scripts."""
    fmap = leaflet.base_map(dataset)
    fmap.render()
    layer = view_layer(dataset, build_view(dataset, Filters()))
    return (streamlit_folium._get_header(fmap) + streamlit_folium._get_map_string(fmap)
            + streamlit_folium._get_feature_group_string(layer, fmap))


def standalone(dataset: Dataset) -> str:
    from geo.publish.standalone import standalone_html

    return standalone_html(dataset, Filters(), ExportInfo(dataset_version=dataset.version, filters="none"))


def info(dataset: Dataset) -> ExportInfo:
    return ExportInfo(dataset_version=dataset.version, filters="none")


ROUTES = {
    "folium page (map, legend, tooltips, popups)": folium_page,
    "streamlit-folium scripts": st_folium_scripts,
    "legend": lambda d: legend_html(d.sectors),
    "report cards": lambda d: "".join(fragments.report_card(r, d) for _, r in d.reports.iterrows()),
    "source header": lambda d: fragments.source_header(d, "src-a"),
    "source reader": lambda d: fragments.highlighted_seed(d, "src-a"),
    "standalone HTML export": standalone,
    "CSV export": lambda d: to_csv_text(d, d.reports),
    "review page's map of new places": lambda d: leaflet.places_map(
        [{"name": row["name"], "lat": row["lat"], "lon": row["lon"]} for _, row in d.places.iterrows()]
    ).get_root().render(),
    "GeoJSON export": lambda d: geojson_text(d, d.reports, info(d)),
}


@pytest.mark.parametrize("route", list(ROUTES))
def test_template_syntax_shows_literally_on_every_route(templated: Dataset, route: str) -> None:
    text = ROUTES[route](templated)
    missing = [syntax for syntax in LITERAL if syntax not in text]
    assert not missing, f"{route}: template syntax from the data was compiled or dropped: {missing}"


def test_the_legend_label_is_not_compiled_by_the_base_map(templated: Dataset) -> None:
    """The reproduction: a sector label ``{{ 7*7 }}`` came out of the base map as ``49``."""
    html = leaflet.base_map(templated).get_root().render()
    assert "Garments 0 {{ 7*7 }}" in html


def test_the_dashboard_loads_a_dataset_with_template_syntax_everywhere(templated: Dataset,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["dashboard.py", "--data", str(templated.data_dir)])
    at = whole_page(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60))
    at.run()
    assert not at.exception, at.exception
    args = json.loads(at.get("component_instance")[0].proto.json_args)
    shipped = args["script"] + args["feature_group"]
    assert all(syntax in shipped for syntax in LITERAL)
    at.selectbox(key="place").set_value("dandong").run()
    assert not at.exception, at.exception
