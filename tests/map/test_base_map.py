"""The dashboard's base map (geo.map.leaflet.base_map with a static folder): what streamlit-folium
sends again with every step stays small and the same, and the style table, legend and styles are
a file the app serves (issue 24: the script and header were 11.6 KB of every step at 50,000 reports)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import streamlit_folium

from geo.data.load import Dataset, load_dataset
from geo.map import leaflet, static_files
from geo.map.layers import Sent, view_step
from geo.map.style import legend_html
from geo.query.filters import Filters
from geo.query.selection import build_view
from tests.conftest import write_dataset


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The tiny three-report dataset, loaded."""
    return load_dataset(write_dataset(tmp_path_factory.mktemp("tiny")))


def component_args(monkeypatch: pytest.MonkeyPatch, dataset: Dataset, static_dir: Path | None,
                   years: list[tuple[int, int] | None]) -> list[dict]:
    """What ``st_folium`` hands the component on each of a few runs, as the dashboard calls it."""
    sent: list[dict] = []
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: sent.append(kwargs))
    session = Sent()
    for span in years:
        view = build_view(dataset, Filters(years=span))
        streamlit_folium.st_folium(leaflet.base_map(dataset, static_dir=static_dir),
                                   feature_group_to_add=view_step(dataset, view, session), key="map",
                                   returned_objects=["last_object_clicked_tooltip"])
    return sent


def test_the_linked_base_maps_header_says_the_same_in_fewer_bytes(
        monkeypatch: pytest.MonkeyPatch, tiny: Dataset, tmp_path: Path) -> None:
    """streamlit-folium sends the header with every step: the same words without the indentation
    of folium's templates."""
    import folium

    compact = component_args(monkeypatch, tiny, tmp_path, [None, None])
    monkeypatch.setattr(leaflet, "LinkedMap", folium.Map)
    (indented,) = component_args(monkeypatch, tiny, tmp_path, [None])
    assert "#map_div" in indented["header"] and "L_NO_TOUCH" in indented["header"]
    for args in compact:
        assert args["header"].split() == indented["header"].split()
        assert len(args["header"]) < 0.6 * len(indented["header"])
        assert args["script"] == indented["script"]


def test_the_linked_base_map_sends_no_style_table_legend_or_css(
        monkeypatch: pytest.MonkeyPatch, tiny: Dataset, tmp_path: Path) -> None:
    first, last = tiny.years
    runs = component_args(monkeypatch, tiny, tmp_path, [None, (first, last), (last, last)])
    legend = legend_html(tiny.sectors)
    for args in runs:
        assert "nk-legend" not in args["script"] and '"styles"' not in args["script"]
        assert "nk-legend" not in args["header"]  # map.css comes with the linked script
        assert len(args["script"]) < 1_500 and len(args["header"]) < 1_200
    # streamlit-folium keys the frame on the script: the same on every run, no remount
    assert len({args["script"] for args in runs}) == 1 and len({args["key"] for args in runs}) == 1
    args = runs[-1]
    base = args["js_links"][-1]
    assert args["js_links"][:2] == [f"{static_files.STATIC_URL}/leaflet/leaflet.js",
                                    f"{static_files.STATIC_URL}/nkmap/nkmap.js"]  # nkmap before its base
    key = base.rsplit("/", 1)[1].removesuffix(".js")
    assert f"nkmap.bases[\"{key}\"].config, nkmap.bases[\"{key}\"].legend" in args["script"]
    written = (tmp_path / "vendor" / "nkmap" / "bases" / f"{key}.js").read_text(encoding="utf-8")
    prefix = f'nkmap.bases = nkmap.bases || {{}};\nnkmap.bases["{key}"] = '
    assert written.startswith(prefix)
    values_line, styles_line = written.removeprefix(prefix).rstrip().split("\n")
    values = json.loads(values_line.removesuffix(";"))
    assert values["legend"] == legend and values["config"]["styles"]
    css = json.loads(styles_line[styles_line.rindex("})(") + 3:].removesuffix(");"))
    assert css == static_files.map_css()


def test_the_base_script_is_named_by_what_it_holds(tmp_path: Path) -> None:
    one = static_files.write_base_script(tmp_path, {"legend": "<ul>one</ul>"})
    assert static_files.write_base_script(tmp_path, {"legend": "<ul>one</ul>"}) == one
    two = static_files.write_base_script(tmp_path, {"legend": "<ul>two</ul>"})
    assert two != one
    folder = tmp_path / "vendor" / "nkmap" / "bases"
    assert sorted(path.name for path in folder.iterdir()) == sorted([f"{one}.js", f"{two}.js"])  # no part files


def test_a_map_rendered_on_its_own_keeps_everything_inline(tiny: Dataset) -> None:
    html = leaflet.base_map(tiny).get_root().render()
    assert "nk-legend" in html and "nkmap.bases" not in html and "map.css" not in html


