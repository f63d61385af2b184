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
