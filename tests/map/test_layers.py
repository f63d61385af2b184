"""The map layer of a filter result (geo.map.layers): popups per place within their budget."""

from __future__ import annotations

import json

import pytest

from geo.data.load import Dataset, load_dataset
from geo.map import layers
from geo.query.filters import Filters
from geo.query.selection import build_view
from tests.conftest import write_dataset


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The tiny three-report dataset, loaded."""
    return load_dataset(write_dataset(tmp_path_factory.mktemp("tiny")))


def test_popups_hold_the_reports_of_their_place(tiny: Dataset) -> None:
    layer = layers.view_layer(tiny, build_view(tiny, Filters()))
    records = json.loads(layer.records_json)
    popups = {mark["place"]: "".join(mark["reports"]) for mark in records["marks"]}
    assert "Dozens of North Korean women" in popups["dandong"]
    assert "thirty restaurant staff" in popups["ningbo"] and "Dozens" not in popups["ningbo"]


def test_popups_shrink_with_many_places_and_then_point_to_the_table() -> None:
    from dataclasses import replace

    from geo.settings import SETTINGS

    small = replace(SETTINGS, popup_budget_bytes=10 * layers.REPORT_HTML_BYTES, popup_max_reports=6)
    assert layers.popup_reports_per_place(1, small) == 6
    assert layers.popup_reports_per_place(5, small) == 2
    assert layers.popup_reports_per_place(11, small) == 0  # not one report each: counts only


def test_a_step_sends_the_words_once_then_numbers(tiny: Dataset) -> None:
    """The first step carries the places' records and the popups' reports; the same view again
    carries only numbers, a few bytes per place, and the same marks."""
    view = build_view(tiny, Filters())
    sent = layers.Sent()
    text = layers.view_step(tiny, view, sent).records_json
    first = json.loads(text)
    assert layers.view_step(tiny, view, sent).records_json == text  # the same view: the same text, not drawn again
    sent.last = ()
    second = json.loads(layers.view_step(tiny, view, sent).records_json)
    assert first["base"] and not second["base"]
    assert {record["id"] for _, record in first["places"]} >= set(view.places["place_id"])
    assert any("Dozens of North Korean women" in html for html in first["html"].values())
    assert second["places"] == [] and second["html"] == {}
    assert second["marks"] == first["marks"] and second["popups"] == first["popups"]
    assert len(second["marks"]) == 3 * len(view.places)
    numbers = len(json.dumps(second["marks"])) + len(json.dumps(second["popups"]))
    assert numbers <= 16 * len(view.places)


def test_a_step_starts_afresh_for_another_dataset_or_when_the_map_asks(tiny: Dataset) -> None:
    view = build_view(tiny, Filters())
    sent = layers.Sent()
    layers.view_step(tiny, view, sent)
    assert json.loads(layers.view_step(tiny, view, sent, asked="lost-1").records_json)["base"]
    other = build_view(tiny, Filters(years=(tiny.years[1], tiny.years[1])))
    assert not json.loads(layers.view_step(tiny, other, sent, asked="lost-1").records_json)["base"]  # answered once
    sent.version = "another"
    assert json.loads(layers.view_step(tiny, view, sent, asked="lost-1").records_json)["base"]
