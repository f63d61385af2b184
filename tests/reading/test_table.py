"""Tests for geo.reading.table: the reports table below the map."""

from __future__ import annotations

import pytest

from geo.data.load import Dataset, load_dataset
from geo.query.filters import Filters
from geo.query.selection import build_view
from geo.reading.table import table_frame
from tests.conftest import write_dataset


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The tiny three-report dataset, loaded."""
    return load_dataset(write_dataset(tmp_path_factory.mktemp("tiny")))


def test_table_is_newest_first_and_capped(tiny: Dataset) -> None:
    table, total = table_frame(tiny, limit=2)
    assert total == 3 and len(table) == 2
    assert list(table["Report"]) == ["r3", "r1"]
    assert table.iloc[0]["When"] == "November 2019 (inferred)"
    # The index is each row's position in Dataset.reports: what a chosen row looks up.
    assert [tiny.reports.iloc[p]["id"] for p in table.index] == ["r3", "r1"]


def test_table_of_one_place_and_of_a_view(tiny: Dataset) -> None:
    view = build_view(tiny, Filters(years=(2016, 2019), sectors=("garments",)))
    table, total = table_frame(tiny, view.rows)
    assert list(table["Report"]) == ["r3", "r1"] and total == 2
    table, total = table_frame(tiny, view.rows, "dandong")
    assert list(table["Report"]) == ["r1"] and total == 1
    assert tiny.reports["place_id"].iloc[table.index[0]] == "dandong"


