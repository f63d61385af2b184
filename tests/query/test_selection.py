"""What the dashboard shows for a set of filters (geo.query.selection), without Streamlit."""

from __future__ import annotations

import numpy as np
import pytest

from geo.data.load import Dataset, load_dataset
from geo.query import selection as views
from geo.query.aggregate import first_per_group
from geo.query.filters import Filters
from tests.conftest import write_dataset


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The tiny three-report dataset, loaded."""
    return load_dataset(write_dataset(tmp_path_factory.mktemp("tiny")))


def test_build_view_counts_and_summary(tiny: Dataset) -> None:
    view = views.build_view(tiny, Filters(years=(2019, 2019)))
    assert list(view.reports(tiny)["id"]) == ["r3", "r1"]  # newest first
    assert view.rows.tolist() == [0, 1]  # positions, not a copy of the reports
    assert sorted(view.places["place_id"]) == ["dandong", "jilin-province"]
    assert view.summary == "2 reports at 2 places · 2019"
    assert len(view.flows) == 1


def test_first_per_group_keeps_the_first_k_of_each_group_in_order() -> None:
    # Reports are newest first, so the first k of each place are its newest k.
    groups = np.array([2, 1, 2, 2, 1, 3, 1])
    assert first_per_group(groups, 2).tolist() == [0, 1, 2, 4, 5]
    assert first_per_group(groups, 1).tolist() == [0, 1, 5]
    assert first_per_group(groups[:0], 3).tolist() == []
