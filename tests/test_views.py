"""What the dashboard shows for a set of filters (geo.views), without Streamlit."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from geo import views
from geo.filters import Filters
from geo.load import Dataset, load_dataset
from tests.conftest import write_dataset


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The tiny three-report dataset, loaded."""
    return load_dataset(write_dataset(tmp_path_factory.mktemp("tiny")))


@pytest.mark.parametrize(("current", "direction", "expected"), [
    ((2012, 2012), +1, (2013, 2013)),
    ((2012, 2012), -1, (2011, 2011)),
    ((2025, 2025), +1, (2025, 2025)),   # stays at the last year
    ((2010, 2010), -1, (2010, 2010)),   # stays at the first year
    ((2012, 2019), +1, (2012, 2012)),   # a wide range starts the story at its first year
    ((2012, 2019), -1, (2019, 2019)),   # or, going back, at its last
])
def test_step_years(current, direction, expected) -> None:
    assert views.step_years(current, (2010, 2025), direction) == expected


def test_build_view_counts_and_summary(tiny: Dataset) -> None:
    view = views.build_view(tiny, Filters(years=(2019, 2019)))
    assert list(view.reports(tiny)["id"]) == ["r3", "r1"]  # newest first
    assert view.rows.tolist() == [0, 1]  # positions, not a copy of the reports
    assert sorted(view.places["place_id"]) == ["dandong", "jilin-province"]
    assert view.summary == "2 reports at 2 places · 2019 · 2 sectors"
    assert len(view.flows) == 1


def test_marker_sizes_do_not_depend_on_the_filter(tiny: Dataset) -> None:
    assert views.build_view(tiny, Filters(years=(2016, 2016))).max_count == views.build_view(tiny, Filters()).max_count


@pytest.mark.parametrize(("tooltip", "expected"), [
    ('<span data-place="dandong"><b>Dandong</b></span>', "dandong"),
    ("<b>no id</b>", None),
    (None, None),
    ('<span data-place="Bad Id!">', None),
])
def test_place_from_tooltip(tooltip, expected) -> None:
    assert views.place_from_tooltip(tooltip) == expected


def test_focus_zooms_less_for_areas(tiny: Dataset) -> None:
    city_centre, city_zoom = views.focus(tiny, "dandong")
    _, province_zoom = views.focus(tiny, "jilin-province")
    assert city_centre == [40.1292, 124.3947]
    assert province_zoom < city_zoom
    assert views.focus(tiny, "nowhere") == (None, None)


def test_table_is_newest_first_and_capped(tiny: Dataset) -> None:
    table, total = views.table_frame(tiny, limit=2)
    assert total == 3 and len(table) == 2
    assert list(table["Report"]) == ["r3", "r1"]
    assert table.iloc[0]["When"] == "November 2019 (inferred)"
    # The index is each row's position in Dataset.reports: what a chosen row looks up.
    assert [tiny.reports.iloc[p]["id"] for p in table.index] == ["r3", "r1"]


def test_table_of_one_place_and_of_a_view(tiny: Dataset) -> None:
    view = views.build_view(tiny, Filters(years=(2016, 2019), sectors=("garments",)))
    table, total = views.table_frame(tiny, view.rows)
    assert list(table["Report"]) == ["r3", "r1"] and total == 2
    table, total = views.table_frame(tiny, view.rows, "dandong")
    assert list(table["Report"]) == ["r1"] and total == 1
    assert views.place_of(tiny, table.index[0]) == "dandong"


def test_first_per_group_keeps_the_first_k_of_each_group_in_order() -> None:
    # Reports are newest first, so the first k of each place are its newest k.
    groups = np.array([2, 1, 2, 2, 1, 3, 1])
    assert views.first_per_group(groups, 2).tolist() == [0, 1, 2, 4, 5]
    assert views.first_per_group(groups, 1).tolist() == [0, 1, 5]
    assert views.first_per_group(groups[:0], 3).tolist() == []


def test_popups_hold_the_reports_of_their_place(tiny: Dataset) -> None:
    layer = views.build_view(tiny, Filters()).layer(tiny)
    places = json.loads(next(iter(layer._children.values())).places_json)
    popups = {p["id"]: p["h"] for p in places}
    assert "Dozens of North Korean women" in popups["dandong"]
    assert "thirty restaurant staff" in popups["ningbo"] and "Dozens" not in popups["ningbo"]


def test_memos_are_bounded(tiny: Dataset) -> None:
    memo = views.bounded_memo(tiny, "example", limit=2)
    memo.update({1: "a", 2: "b"})
    assert views.bounded_memo(tiny, "example", limit=2) == {}


def test_source_reader_marks_every_quote(tiny: Dataset) -> None:
    html = views.highlighted_seed(tiny, "src-a")
    assert html.count("<mark") == 3
    # The quote with a line break and a double space in the seed is still found.
    assert 'title="r3"' in html


def test_downloads_carry_the_filters_and_citations(tiny: Dataset, tmp_path: Path) -> None:
    view = views.build_view(tiny, Filters(years=(2019, 2019), sectors=("garments",)))
    csv_text = views.csv_download(tiny, view)
    assert "# filters: years 2019–2019; sectors garments" in csv_text
    assert "source_title" in csv_text and "seed_file" in csv_text
    collection = json.loads(views.geojson_download(tiny, view))
    assert collection["metadata"]["filters"] == (
        "years 2019–2019; sectors garments; places in China and North Korea only")
    assert sorted(f["id"] for f in collection["features"]) == ["r1", "r3"]
    html = views.html_download(tiny, view)
    assert html.startswith("<!DOCTYPE html>") or html.lstrip().lower().startswith("<!doctype html>")
    assert "years 2019–2019; sectors garments" in html


def test_layer_items_match_the_reference_builders(tiny: Dataset) -> None:
    """The layer is assembled from cached pieces; each mark must equal what the one-place builders give."""
    from geo import mapping

    view = views.build_view(tiny, Filters())
    for _ in range(2):  # the second build reuses the cached per-place text
        element = next(iter(view.layer(tiny)._children.values()))
        items = {p["id"]: p for p in json.loads(element.places_json)}
        styles = json.loads(element.styles_json)
        assert len(items) == len(view.places)
        for place in view.places.to_dict("records"):
            item = items[place["place_id"]]
            shown = views.report_html_at(tiny, view.rows[tiny.codes.place[view.rows]
                                                      == tiny.places.index.get_loc(place["place_id"])])
            # The page appends the count parts, as PlacesLayer's script does (checked in Chromium too).
            assert item["t"] + mapping._tooltip_tail(item["c"]) == mapping.tooltip_html(place)
            shown_here = item["c"] - item["m"]
            assert item["h"] + mapping._popup_tail(item["m"], shown_here) == mapping.popup_html(place, shown,
                                                                                                place["reports"])
            assert styles[item["s"]] == mapping.marker_style(place["role"], tiny.sectors.at[place["sector"], "colour"])
            assert item["ll"] == [round(place["lat"], 5), round(place["lon"], 5)]
            if place["precision"] in mapping.AREA_PRECISIONS:
                assert item["area_m"] == place["radius_km"] * 1000 and "r" not in item
            else:
                assert item["r"] == mapping.marker_radius(place["reports"], view.max_count)


def test_timeline_spec_is_valid_vega_lite_with_the_years_shaded(tiny: Dataset) -> None:
    import altair as alt
    import jsonschema

    spec = views.timeline_spec(tiny, (2017, 2018))
    jsonschema.validate(spec, alt.vegalite.v6.schema.core.load_schema())
    assert spec["datasets"]["band"] == [{"start": 2016.5, "end": 2018.5}]
    other = views.timeline_spec(tiny, (2019, 2019))
    assert other["datasets"]["band"] == [{"start": 2018.5, "end": 2019.5}]
    assert spec["datasets"]["band"] == [{"start": 2016.5, "end": 2018.5}], "each call gets its own copy"
    # Only the data changes between steps, so the page can update the chart instead of redrawing it.
    assert {k: v for k, v in spec.items() if k != "datasets"} == {k: v for k, v in other.items() if k != "datasets"}
    assert [layer["data"] for layer in spec["layer"]] == [{"name": "band"}, {"name": "bars"}]
    bars = spec["datasets"]["bars"]
    # r3 counts once for each of its two sectors; every report counts in each year it covers.
    assert sum(row["reports"] for row in bars) == 4


def test_popups_shrink_with_many_places_and_then_point_to_the_table() -> None:
    from dataclasses import replace

    from geo import mapping
    from geo.settings import SETTINGS

    small = replace(SETTINGS, popup_budget_bytes=10 * mapping.REPORT_HTML_BYTES, popup_max_reports=6)
    assert mapping.popup_reports_per_place(1, small) == 6
    assert mapping.popup_reports_per_place(5, small) == 2
    assert mapping.popup_reports_per_place(11, small) == 0  # not one report each: counts only
    place = {"name": "Dandong", "precision": "city", "place_id": "dandong", "reports": 3}
    assert mapping.popup_html(place, [], 3).endswith(
        '<p class="nk-more">3 reports here: see the table below the map.</p></div>')
    assert mapping.popup_html(place, ["<article>r</article>"], 3).endswith(
        '<article>r</article><p class="nk-more">+2 more reports here: see the table below the map.</p></div>')
    assert mapping.popup_html(place, ["<article>r</article>"], 1).endswith("<article>r</article></div>")
