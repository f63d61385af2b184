"""The timeline above the map: reports per year by sector, as a Vega-Lite spec."""

from __future__ import annotations

import copy
import json

import numpy as np
import pandas as pd

from ..data.load import Dataset
from ..escape import css_colour
from ..i18n import DEFAULT_LANGUAGE, N_, normalise, translations
from ..query.memo import memo_of
from .localise import sector_label

FEW_LABEL = N_("Few or no workers reported")
"""The timeline's series for reports that say few or no workers: apart, never as a presence."""
FEW_COLOUR = "#d9d9d9"


def reports_per_year(dataset: Dataset, rows: np.ndarray | None = None) -> pd.DataFrame:
    """Reports per (year, sector label), in year then sector id order; a report counts in every
    year it covers and once for each of its sectors. Reports that say few or no workers are
    counted once a year under ``FEW_LABEL`` instead, last.

    Each report adds one at its first year and takes one away after its last, per set of
    sectors; a running sum over the years then gives the counts, in one pass over the reports.

    Parameters
    ----------
    rows
        Positions of the reports to count (a view's); all reports when ``None``.
    """
    codes = dataset.codes
    rows = np.arange(len(codes.place)) if rows is None else rows
    reported = codes.presence[rows] == 0
    data = _per_sector(dataset, rows[reported])
    few = rows[~reported]
    if len(few):
        first, last = dataset.years
        width = last - first + 2
        edges = (np.bincount(codes.year_start[few] - first, minlength=width)
                 - np.bincount(codes.year_end[few] - first + 1, minlength=width))
        per_year = np.cumsum(edges)[:-1]
        years = np.flatnonzero(per_year)
        data = pd.concat([data, pd.DataFrame({"year": years + first, "sector": FEW_LABEL,
                                               "reports": per_year[years]})], ignore_index=True)
    return data


def _per_sector(dataset: Dataset, rows: np.ndarray) -> pd.DataFrame:
    codes = dataset.codes
    combo, year_start, year_end = codes.combo[rows], codes.year_start[rows], codes.year_end[rows]
    first, last = dataset.years
    width = last - first + 2
    combos = len(codes.combo_sectors)
    edges = (np.bincount(combo * width + (year_start - first), minlength=combos * width)
             - np.bincount(combo * width + (year_end - first + 1), minlength=combos * width))
    per_combo = np.cumsum(edges.reshape(combos, width), axis=1)[:, :-1]  # (set of sectors, year)
    per_sector = codes.combo_sectors.T.astype(np.int64) @ per_combo  # (sector, year)
    order = np.argsort(np.array(codes.sector_names, dtype=str), kind="stable")
    years, sectors = np.nonzero(per_sector[order].T)
    labels = dataset.sectors["label"].to_dict()
    names = [codes.sector_names[i] for i in order]
    data = pd.DataFrame({
        "year": years + first,
        "sector": [labels.get(names[i], names[i]) for i in sectors],
        "reports": per_sector[order][sectors, years],
    })
    return data


def timeline_spec(dataset: Dataset, rows: np.ndarray | None, years: tuple[int, int]) -> dict:
    """Stacked bars of reports per year by sector, with the selected years shaded: a Vega-Lite
    spec for ``st.vega_lite_chart``.

    Parameters
    ----------
    rows
        The reports to count: those passing every filter but the years (the years are the
        shaded band), so the chart follows the sectors, roles, sources and words chosen.
        ``None`` counts every report.
    years
        The selected years.

    Written as a plain dict, without Altair (whose import and schema cost the first page view
    over a second); the tests validate it against the Vega-Lite schema. Both layers read named
    datasets, so the spec itself is the same on every step and the page updates the chart's data
    instead of drawing a new chart.
    """
    base = memo_of(dataset).timeline
    if base is None:
        first, last = dataset.years
        scale = {"domain": [first - 0.5, last + 0.5], "nice": False, "zero": False}
        base = {
            "height": 80,
            "layer": [
                {"data": {"name": "band"}, "mark": {"type": "rect", "color": "#000", "opacity": 0.1},
                 "encoding": {"x": {"field": "start", "type": "quantitative", "scale": scale},
                              "x2": {"field": "end"}}},
                {"data": {"name": "bars"}, "mark": {"type": "bar", "size": 10},
                 "encoding": {
                     "x": {"field": "year", "type": "quantitative", "scale": scale,
                           "axis": {"format": "d", "title": None, "tickMinStep": 1}},
                     "y": {"aggregate": "sum", "field": "reports", "type": "quantitative", "title": None,
                           "axis": {"format": "d", "tickMinStep": 1}},
                     "color": {"field": "sector", "type": "nominal", "legend": None,
                               "scale": {"domain": [*dataset.sectors["label"], FEW_LABEL],
                                         "range": [*(css_colour(c) for c in dataset.sectors["colour"]),
                                                   FEW_COLOUR]}},
                     "tooltip": [
                         {"field": "year", "type": "quantitative", "format": "d"},
                         {"field": "sector", "type": "nominal"},
                         {"aggregate": "sum", "field": "reports", "type": "quantitative", "title": "reports"},
                     ],
                 }},
            ],
        }
        memo_of(dataset).timeline = base
    bars = reports_per_year(dataset, rows)
    spec = copy.deepcopy(base)
    spec["datasets"] = {"bars": [{"year": int(y), "sector": str(s), "reports": int(n)}
                                 for y, s, n in zip(bars["year"], bars["sector"], bars["reports"], strict=True)]}
    return shaded(spec, years)


def shaded(spec: dict, years: tuple[int, int]) -> dict:
    """``spec`` with ``years`` shaded: a new spec sharing the bars, so that a year step can reuse
    the bars of the step before."""
    return {**spec, "datasets": {**spec["datasets"], "band": [{"start": years[0] - 0.5, "end": years[1] + 0.5}]}}


def in_language(spec: dict, dataset: Dataset, lang: str) -> dict:
    """``spec`` with its sectors and tooltip in ``lang`` (a new spec; the bars' numbers are shared).

    The English spec is cached and shaded per step; this renames its few dozen bars after that.
    """
    if (normalise(lang) or DEFAULT_LANGUAGE) == DEFAULT_LANGUAGE:
        return spec
    _ = translations(lang).gettext
    names = {str(row["label"]): sector_label(row, lang) for _id, row in dataset.sectors.iterrows()}
    names[FEW_LABEL] = _(FEW_LABEL)
    band, bars = spec["layer"]
    encoding = bars["encoding"]
    color = {**encoding["color"], "scale": {**encoding["color"]["scale"],
                                            "domain": [names.get(d, d) for d in encoding["color"]["scale"]["domain"]]}}
    titles = [_("Year"), _("Sector"), _("Reports")]
    tooltip = [{**field, "title": title} for field, title in zip(encoding["tooltip"], titles, strict=True)]
    layer = [band, {**bars, "encoding": {**encoding, "color": color, "tooltip": tooltip}}]
    datasets = {**spec["datasets"], "bars": [{**bar, "sector": names.get(bar["sector"], bar["sector"])}
                                             for bar in spec["datasets"]["bars"]]}
    return {**spec, "layer": layer, "datasets": datasets}


def arrow_tables(spec: dict) -> dict:
    """``spec`` with each named dataset as a compact Arrow table, for ``st.vega_lite_chart``.

    Streamlit sends a chart's named datasets as Arrow; from rows of dicts it goes through pandas
    and sends 64-bit numbers, each bar's sector label in full and pandas' own description of the
    table: 7 KB of bars at 50,000 reports, on every year step. Here whole numbers take the
    smallest integer type that holds them, and each bar's sector is its position in the colour
    scale's list of sectors, which a ``calculate`` in the bars' layer turns back into the label
    (text is dictionary-encoded otherwise): 1.2 KB. The chart reads the same rows.
    """
    import pyarrow as pa  # noqa: PLC0415 - the page has it; geo.reading's other users do not need it

    spec = _coded_sectors(spec)
    tables = {}
    for name, rows in spec["datasets"].items():
        table = pa.Table.from_pylist(rows)
        columns = []
        for column in table.columns:
            if pa.types.is_integer(column.type) and len(column):
                low, high = pa.compute.min(column).as_py(), pa.compute.max(column).as_py()
                for small in (pa.int8(), pa.int16(), pa.int32()):
                    if -(2 ** (small.bit_width - 1)) <= low and high < 2 ** (small.bit_width - 1):
                        column = column.cast(small)
                        break
            elif pa.types.is_string(column.type):
                column = column.dictionary_encode()
            columns.append(column)
        tables[name] = pa.table(columns, names=table.column_names)
    return {**spec, "datasets": tables}


SECTOR_CODE = "sector_code"
"""The bars' column holding each bar's position in the colour scale's sectors (:func:`arrow_tables`)."""


def _coded_sectors(spec: dict) -> dict:
    """``spec`` with the bars' sectors as positions in the colour scale's domain, and a
    ``calculate`` that names them again; unchanged if a bar's sector is not in the domain."""
    band, bars = spec["layer"]
    domain = bars["encoding"]["color"]["scale"]["domain"]
    position = {label: i for i, label in enumerate(domain)}
    rows = spec["datasets"]["bars"]
    if any(row["sector"] not in position for row in rows):
        return spec
    coded = [{"year": row["year"], SECTOR_CODE: position[row["sector"]], "reports": row["reports"]} for row in rows]
    names = {"calculate": f"{json.dumps(domain)}[datum.{SECTOR_CODE}]", "as": "sector"}
    layer = [band, {**bars, "transform": [*bars.get("transform", []), names]}]
    return {**spec, "layer": layer, "datasets": {**spec["datasets"], "bars": coded}}
