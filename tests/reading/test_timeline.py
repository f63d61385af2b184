"""Tests for geo.reading.timeline: reports per year as a Vega-Lite spec."""

from __future__ import annotations

import json

import pytest

from geo.data.load import Dataset, load_dataset
from geo.reading.timeline import timeline_spec
from tests.conftest import write_dataset


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The tiny three-report dataset, loaded."""
    return load_dataset(write_dataset(tmp_path_factory.mktemp("tiny")))


def test_timeline_spec_is_valid_vega_lite_with_the_years_shaded(tiny: Dataset) -> None:
    import altair as alt
    import jsonschema

    spec = timeline_spec(tiny, None, (2017, 2018))
    jsonschema.validate(spec, alt.vegalite.v6.schema.core.load_schema())
    assert spec["datasets"]["band"] == [{"start": 2016.5, "end": 2018.5}]
    other = timeline_spec(tiny, None, (2019, 2019))
    assert other["datasets"]["band"] == [{"start": 2018.5, "end": 2019.5}]
    assert spec["datasets"]["band"] == [{"start": 2016.5, "end": 2018.5}], "each call gets its own copy"
    # Only the data changes between steps, so the page can update the chart instead of redrawing it.
    assert {k: v for k, v in spec.items() if k != "datasets"} == {k: v for k, v in other.items() if k != "datasets"}
    assert [layer["data"] for layer in spec["layer"]] == [{"name": "band"}, {"name": "bars"}]
    bars = spec["datasets"]["bars"]
    # r3 counts once for each of its two sectors; every report counts in each year it covers.
    assert sum(row["reports"] for row in bars) == 4




def test_the_timeline_follows_the_other_filters(tiny: Dataset) -> None:
    """Bars count the reports of the chosen sectors (and roles, sources, words), in every year."""
    import numpy as np

    from geo.query.filters import Filters, filter_mask

    rows = np.flatnonzero(filter_mask(tiny.reports, Filters(sectors=("hospitality",))))
    bars = timeline_spec(tiny, rows, (2019, 2019))["datasets"]["bars"]
    assert bars == [{"year": 2016, "sector": "Restaurants", "reports": 1}]


def test_the_timelines_datasets_go_to_streamlit_as_compact_arrow_with_the_same_rows(tmp_path_factory) -> None:
    """A year step sends the timeline's bars again: as small integers and each sector's label once,
    a third of what Streamlit makes of the rows through pandas, and the chart reads the same rows."""
    from streamlit.dataframe_util import convert_anything_to_arrow_bytes

    from geo.data.synth import synthesise
    from geo.reading import timeline
    from geo.reading.timeline import arrow_tables

    dataset = load_dataset(synthesise(tmp_path_factory.mktemp("timeline") / "data", reports=3000, places=60, seed=5))
    spec = timeline_spec(dataset, None, (dataset.years[0] + 1, dataset.years[1]))
    compact = arrow_tables(spec)
    # The bars' sectors travel as positions in the colour scale's sectors, named again by the chart.
    domain = spec["layer"][1]["encoding"]["color"]["scale"]["domain"]
    (names,) = compact["layer"][1]["transform"]
    assert names["as"] == "sector"
    assert compact["datasets"]["band"].to_pylist() == spec["datasets"]["band"]
    bars = compact["datasets"]["bars"].to_pylist()
    assert [{"year": row["year"], "sector": domain[row[timeline.SECTOR_CODE]], "reports": row["reports"]}
            for row in bars] == spec["datasets"]["bars"]
    assert names["calculate"] == f"{json.dumps(domain)}[datum.{timeline.SECTOR_CODE}]"
    import altair as alt
    import jsonschema

    jsonschema.validate(timeline._coded_sectors(spec), alt.vegalite.v6.schema.core.load_schema())
    unchanged = {k: v for k, v in compact.items() if k not in ("datasets", "layer")}
    assert unchanged == {k: v for k, v in spec.items() if k not in ("datasets", "layer")}
    before = sum(len(convert_anything_to_arrow_bytes(rows)) for rows in spec["datasets"].values())
    after = sum(len(convert_anything_to_arrow_bytes(table)) for table in compact["datasets"].values())
    assert len(spec["datasets"]["bars"]) > 50
    assert after <= 0.3 * before
