"""What the dashboard shows for a set of filters, computed without Streamlit so it can be tested."""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import folium
import numpy as np
import pandas as pd

from . import mapping
from .aggregate import first_per_group, flows_of, places_of, summary_line
from .escape import css_colour, escape
from .export import ExportInfo, geojson_text, to_csv_text
from .filters import Filters, filter_mask
from .load import TABLES, Dataset, seeds_dir_for
from .present import format_date, format_figures, format_period
from .vocab import AREA_PRECISIONS, ROLES

__all__ = ["Filters", "View", "build_view", "escape", "ROLES"]


@dataclass(frozen=True)
class View:
    """The reports passing a set of filters and what the map and summary line make of them.

    A view keeps positions, not a copy of the reports, so many cached views cost little memory.
    """

    filters: Filters
    rows: np.ndarray
    """Positions in ``Dataset.reports`` of the reports that pass the filters, newest first."""
    places: pd.DataFrame
    flows: pd.DataFrame
    summary: str
    max_count: int

    def reports(self, dataset: Dataset) -> pd.DataFrame:
        """The filtered reports, newest first (a copy, made only when asked for)."""
        return dataset.reports.iloc[self.rows]

    def layer(self, dataset: Dataset) -> folium.FeatureGroup:
        """The map layer for this view (rebuilt per call: st_folium mutates what it is given)."""
        per_place = mapping.popup_reports_per_place(len(self.places))
        chosen = self.rows[first_per_group(dataset.codes.place[self.rows], per_place)]
        place_ids = dataset.places.index.to_numpy(dtype=object)[dataset.codes.place[chosen]]
        popups: dict[str, list[str]] = {}
        for place_id, html in zip(place_ids, report_html_at(dataset, chosen), strict=True):
            popups.setdefault(place_id, []).append(html)
        return mapping.data_layer(self.places, self.flows, popups, dataset.sectors, max_count=self.max_count,
                                  memo=dataset.memo.setdefault("layer", {}))


def build_view(dataset: Dataset, filters: Filters) -> View:
    """Filter the dataset and aggregate per place.

    Parameters
    ----------
    dataset
        A loaded dataset.
    filters
        The values of the page's widgets.

    Returns
    -------
    View
    """
    codes = dataset.codes
    rows = np.flatnonzero(filter_mask(
        dataset.reports, sector_matrix=dataset.sector_matrix, years=filters.years, sectors=filters.sectors,
        roles=filters.roles, sources=filters.sources, text=filters.text,
    )).astype(np.int32)  # half the memory of a cached view
    places = places_of(codes, rows, dataset.places)
    flows = flows_of(codes, rows, dataset.places)
    if len(rows):
        span = filters.years or (int(places["year_min"].min()), int(places["year_max"].max()))
        line = summary_line(len(rows), len(places), span, len(set().union(*places["sectors"])))
    else:
        line = summary_line(0, 0, None, 0)
    return View(filters=filters, rows=rows, places=places, flows=flows, summary=line,
                max_count=max_reports_per_place(dataset))


MEMO_LIMIT = 50_000
"""Most formatted reports kept per kind (popup HTML, table rows): a few tens of MB at most."""


def bounded_memo(dataset: Dataset, name: str, limit: int = MEMO_LIMIT) -> dict:
    """``dataset.memo[name]``, emptied once it holds ``limit`` entries so it cannot grow with use."""
    memo = dataset.memo.setdefault(name, {})
    if len(memo) >= limit:
        memo.clear()
    return memo


def report_html_at(dataset: Dataset, positions: np.ndarray) -> list[str]:
    """:func:`geo.mapping.report_html` of the reports at ``positions``, each computed once per dataset."""
    labels = dataset.sectors["label"].to_dict()
    return formatted_at(dataset, "report_html", positions, None, lambda report: mapping.report_html(report, labels))


def formatted_at(dataset: Dataset, name: str, positions: np.ndarray, columns: list[str] | None,
                 make: Callable[[dict], object]) -> list:
    """``make(report)`` for the reports at ``positions``, kept in ``dataset.memo[name]`` (bounded)
    so each report is formatted once; ``columns`` limits what ``make`` is given."""
    memo = bounded_memo(dataset, name)
    found = {int(p): memo.get(int(p)) for p in positions}  # a local copy: another session may clear the memo
    missing = [p for p, value in found.items() if value is None]
    if missing:
        rows = dataset.reports.iloc[missing]
        for position, record in zip(missing, (rows if columns is None else rows[columns]).to_dict("records"),
                                    strict=True):
            found[position] = memo[position] = make(record)
    return [found[int(p)] for p in positions]


def max_reports_per_place(dataset: Dataset) -> int:
    """Most reports at one place over the whole dataset (fixes marker sizes across filters)."""
    if "max_count" not in dataset.memo:
        dataset.memo["max_count"] = int(dataset.reports["place_id"].value_counts().max())
    return dataset.memo["max_count"]


def files_stamp(data_dir: Path) -> tuple:
    """What changes whenever any input file does: for the four tables and every seed, its size,
    modification time, change time and inode.

    Cheap enough for every page view (no file is read). The change time catches an edit whose
    size and modification time were put back; the inode, a file replaced by a rename.
    """
    seeds_dir = seeds_dir_for(Path(data_dir))
    paths = [Path(data_dir) / f"{table}.csv" for table in TABLES]
    paths += sorted(seeds_dir.glob("*.txt")) if seeds_dir.is_dir() else []
    stamp = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:  # missing, or a link that loops: the load reports it
            stamp.append((path.name, None))
            continue
        stamp.append((path.name, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino))
    return tuple(stamp)


def base_map(dataset: Dataset) -> folium.Map:
    """The mounted base map for this dataset."""
    return mapping.base_map(dataset.sectors)


def places_by_name(dataset: Dataset) -> list[str]:
    """Place ids in the order of their names, for pickers."""
    return list(dataset.places.sort_values("name", key=lambda names: names.str.lower()).index)


def labels(dataset: Dataset, table: str) -> dict[str, str]:
    """What a picker shows for each id of ``table`` ("sectors", "sources" or "places"), in the
    order the picker lists them. Built once per dataset: a large dataset has thousands of places.

    Pickers and links identify an option by its label, so labels are made unique: two sources of
    one publisher and month, or two places of one name, get their id in brackets.
    """
    key = f"labels_{table}"
    if key not in dataset.memo:
        if table == "sectors":
            found = dataset.sectors["label"].to_dict()
        elif table == "sources":
            found = {s: source_label(dataset, s) for s in dataset.sources.index}
        elif table == "places":
            names = dataset.places["name"].to_dict()
            found = {p: names[p] for p in places_by_name(dataset)}
        else:
            raise ValueError(f"no labels for {table!r}")
        dataset.memo[key] = _unique_labels(found)
    return dataset.memo[key]


def _unique_labels(found: dict[str, str]) -> dict[str, str]:
    counts = Counter(found.values())
    return {key: label if counts[label] == 1 else f"{label} ({key})" for key, label in found.items()}


def place_of(dataset: Dataset, position: int) -> str:
    """The place id of the report at ``position`` in ``Dataset.reports``."""
    return str(dataset.places.index[dataset.codes.place[position]])


def focus(dataset: Dataset, place: str | None) -> tuple[list[float] | None, int | None]:
    """Centre and zoom that bring ``place`` into view, or (None, None) to leave the view alone."""
    if not place or place not in dataset.places.index:
        return None, None
    row = dataset.places.loc[place]
    zoom = {"country": 4, "region": 5, "province": 6}.get(row["precision"], 8)
    return [float(row["lat"]), float(row["lon"])], zoom


def map_height(presenting: bool) -> int:
    """Map height in pixels: most of a 720-pixel shared screen when presenting."""
    return 500 if presenting else 560


_TOOLTIP_PLACE = re.compile(r'data-place="([a-z0-9][a-z0-9_-]*)"')


def place_from_tooltip(tooltip: str | None) -> str | None:
    """The place id carried by a clicked marker's tooltip HTML."""
    match = _TOOLTIP_PLACE.search(tooltip or "")
    return match.group(1) if match else None


def years_from_link(values: list[str], bounds: tuple[int, int]) -> tuple[int, int]:
    """The years a link asks for, in order and within ``bounds``; all of ``bounds`` when the link
    has no readable pair of years.

    Parameters
    ----------
    values
        The link's ``years`` parameters, as text (``?years=2019&years=2013``).
    bounds
        The first and last year of the data.
    """
    first, last = bounds
    try:
        years = sorted(int(value) for value in values)
    except ValueError:
        return first, last
    if len(years) != 2 or years[1] < first or years[0] > last:
        return first, last
    return max(years[0], first), min(years[1], last)


def step_years(current: tuple[int, int], bounds: tuple[int, int], direction: int) -> tuple[int, int]:
    """The presenter's next single-year view.

    From a single year, move one year ``direction`` (+1 or -1), staying within ``bounds``. From a
    wider range, start the story at its first year (forward) or its last year (back).
    """
    start, end = current
    first, last = bounds
    if start != end:
        year = start if direction > 0 else end
    else:
        year = min(max(start + direction, first), last)
    return year, year


def role_label(role: str) -> str:
    return role.capitalize()


def source_label(dataset: Dataset, source_id: str) -> str:
    row = dataset.sources.loc[source_id]
    return f"{row['publisher']} ({format_date(row['published'])})"


def year_label(years: tuple[int, int] | None) -> str:
    if not years:
        return ""
    return str(years[0]) if years[0] == years[1] else f"{years[0]}–{years[1]}"


def reports_per_year(dataset: Dataset) -> pd.DataFrame:
    """Reports per (year, sector label), in year then sector id order; a report counts in every
    year it covers and once for each of its sectors. Computed once per dataset.

    Each report adds one at its first year and takes one away after its last, per set of
    sectors; a running sum over the years then gives the counts, in one pass over the reports.
    """
    if "per_year" in dataset.memo:
        return dataset.memo["per_year"]
    codes = dataset.codes
    first, last = dataset.years
    width = last - first + 2
    combos = len(codes.combo_sectors)
    edges = (np.bincount(codes.combo * width + (codes.year_start - first), minlength=combos * width)
             - np.bincount(codes.combo * width + (codes.year_end - first + 1), minlength=combos * width))
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
    dataset.memo["per_year"] = data
    return data


def timeline_spec(dataset: Dataset, years: tuple[int, int]) -> dict:
    """Stacked bars of reports per year by sector, with the selected years shaded: a Vega-Lite
    spec for ``st.vega_lite_chart``.

    Written as a plain dict, without Altair (whose import and schema cost the first page view
    over a second); the tests validate it against the Vega-Lite schema. The bars are built once
    per dataset. Both layers read named datasets, so the spec itself is the same on every step and
    the page updates the chart's data instead of drawing a new chart; a step only swaps the
    shaded band's two numbers into a copy.
    """
    base = dataset.memo.get("timeline_spec")
    if base is None:
        first, last = dataset.years
        scale = {"domain": [first - 0.5, last + 0.5], "nice": False, "zero": False}
        bars = reports_per_year(dataset)
        base = {
            "height": 110,
            "layer": [
                {"data": {"name": "band"}, "mark": {"type": "rect", "color": "#000", "opacity": 0.1},
                 "encoding": {"x": {"field": "start", "type": "quantitative", "scale": scale},
                              "x2": {"field": "end"}}},
                {"data": {"name": "bars"}, "mark": {"type": "bar", "size": 10},
                 "encoding": {
                     "x": {"field": "year", "type": "quantitative", "scale": scale,
                           "axis": {"format": "d", "title": None, "tickMinStep": 1}},
                     "y": {"aggregate": "sum", "field": "reports", "type": "quantitative", "title": "Reports"},
                     "color": {"field": "sector", "type": "nominal", "legend": None,
                               "scale": {"domain": list(dataset.sectors["label"]),
                                         "range": [css_colour(c) for c in dataset.sectors["colour"]]}},
                     "tooltip": [
                         {"field": "year", "type": "quantitative", "format": "d"},
                         {"field": "sector", "type": "nominal"},
                         {"aggregate": "sum", "field": "reports", "type": "quantitative", "title": "reports"},
                     ],
                 }},
            ],
            "datasets": {"bars": [{"year": int(y), "sector": str(s), "reports": int(n)}
                                  for y, s, n in zip(bars["year"], bars["sector"], bars["reports"], strict=True)]},
        }
        dataset.memo["timeline_spec"] = base
    spec = copy.deepcopy(base)
    spec["datasets"]["band"] = [{"start": years[0] - 0.5, "end": years[1] + 0.5}]
    return spec


TABLE_LIMIT = 2000
TABLE_SOURCE_COLUMNS = [
    "id", "date_start", "date_end", "date_basis", "place_name", "role", "sector_ids", "publisher",
    "published", "workers_min", "workers_max", "workers_as_stated", "wage_min", "wage_max",
    "wage_currency", "wage_period", "wage_as_stated", "state_share_min", "state_share_max",
    "state_share_as_stated",
]


TABLE_HEADINGS = ["Report", "When", "Place", "Role", "Sectors", "Figures", "Source"]


def table_frame(dataset: Dataset, rows: np.ndarray | None = None, place: str | None = None,
                *, limit: int = TABLE_LIMIT) -> tuple[pd.DataFrame, int]:
    """The reports table, newest first: what a reader scans, one row per report, plain text.

    Parameters
    ----------
    rows
        Positions of the reports to show (``View.rows``, newest first); all reports when ``None``.
    place
        Show only the reports at this place id.

    Returns
    -------
    (table, total)
        At most ``limit`` rows, indexed by each report's position in ``Dataset.reports``, and
        how many reports there are in all (the CSV download has all).
    """
    rows = np.arange(len(dataset.reports)) if rows is None else rows
    if place:
        code = dataset.places.index.get_indexer([place])[0]
        rows = rows[dataset.codes.place[rows] == code]
    shown = rows[:limit]
    table = pd.DataFrame(table_rows_at(dataset, shown), columns=TABLE_HEADINGS, index=shown)
    return table, len(rows)


def table_rows_at(dataset: Dataset, positions: np.ndarray) -> list[tuple[str, ...]]:
    """The table row of each report at ``positions``, each formatted once per dataset."""
    labels = dataset.sectors["label"].to_dict()

    def row(r: dict) -> tuple[str, ...]:
        return (
            r["id"],
            format_period(r["date_start"], r["date_end"], r["date_basis"]),
            str(r["place_name"]),
            str(r["role"]),
            ", ".join(labels.get(s, s) for s in r["sector_ids"]),
            "; ".join(f"{k}: {v}" for k, v in format_figures(r)),
            f"{r['publisher']} ({format_date(r['published'])})",
        )

    return formatted_at(dataset, "table_rows", positions, TABLE_SOURCE_COLUMNS, row)


def report_card(report: pd.Series, dataset: Dataset) -> str:
    """A chosen report in full: quote, figures, citation, notes (all escaped)."""
    labels = dataset.sectors["label"].to_dict()
    html = mapping.report_html(report, labels)
    notes = f'<p class="nk-notes">Note: {escape(report["notes"])}</p>' if report.get("notes") else ""
    date_note = f'<p class="nk-notes">Date: {escape(report["date_note"])}</p>' if report.get("date_note") else ""
    precision = ""
    if report.get("place_precision") in AREA_PRECISIONS:
        precision = f'<p class="nk-notes">Reported at {escape(report["place_precision"])} level, not at a city.</p>'
    return f'<div class="nk-card"><h4>{escape(report["place_name"])}</h4>{html}{precision}{date_note}{notes}</div>'


def export_info(dataset: Dataset, view: View) -> ExportInfo:
    """What a download from this view says about itself."""
    return ExportInfo(dataset_version=dataset.version, filters=view.filters.describe())


def csv_download(dataset: Dataset, view: View) -> str:
    """The filtered reports as the CSV export, with its metadata lines."""
    return to_csv_text(dataset, view.reports(dataset), export_info(dataset, view))


def geojson_download(dataset: Dataset, view: View) -> str:
    """The filtered reports as RFC 7946 GeoJSON with a metadata member."""
    return geojson_text(dataset, view.reports(dataset), export_info(dataset, view))


def html_download(dataset: Dataset, view: View) -> str:
    """The standalone interactive map, starting at this view's filters."""
    from .standalone import standalone_html

    return standalone_html(dataset, view.filters, export_info(dataset, view))


def source_header(dataset: Dataset, source_id: str) -> str:
    row = dataset.sources.loc[source_id]
    count = int((dataset.reports["source_id"].astype(str) == source_id).sum())
    how = f" — date {escape(row['published_basis'])}: {escape(row['published_note'])}" if row["published_note"] else ""
    author = f" by {escape(row['author'])}" if row.get("author") else ""
    return (f'<p><b>{escape(row["title"])}</b>{author}. {escape(row["publisher"])}, '
            f'{escape(format_date(row["published"]))}{how}. <br>{count} reports quote this document '
            f'(highlighted). File: <code>{escape(row["seed_file"])}</code></p>')


def highlighted_seed(dataset: Dataset, source_id: str) -> str:
    """The seed text, escaped, with every quoted passage wrapped in ``<mark>``."""
    seed_file = dataset.sources.at[source_id, "seed_file"]
    text = dataset.seeds.raw.get(seed_file, "")
    quotes = dataset.reports.loc[dataset.reports["source_id"].astype(str) == source_id, ["id", "quote"]]
    spans = []
    for report_id, quote in quotes.itertuples(index=False):
        span = dataset.seeds.span(seed_file, quote)
        if span:
            spans.append((span[0], span[1], report_id))
    spans.sort()
    merged: list[list] = []
    for start, end, report_id in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(report_id)
        else:
            merged.append([start, end, [report_id]])
    out, cursor = [], 0
    for start, end, ids in merged:
        out.append(escape(text[cursor:start]))
        out.append(f'<mark title="{escape(", ".join(ids))}">{escape(text[start:end])}</mark>')
        cursor = end
    out.append(escape(text[cursor:]))
    return f'<div class="nk-seed">{"".join(out)}</div>'


def method_markdown(dataset: Dataset) -> str:
    """Sources and method, for readers."""
    return (
        f"**{len(dataset.reports)} reports** at **{len(dataset.places)} places** from "
        f"**{len(dataset.sources)} documents** (dataset version `{dataset.version}`).\n\n"
        "- Each report is one statement in one document that workers were at, sent from, or passed "
        "through a place in a period, with the document's words quoted exactly.\n"
        "- Places keep the precision the source gives: a statement about a province or about China as "
        "a whole is drawn as a wide pale circle over that area, not as a city.\n"
        "- Dates keep their precision too (a year, a month). When a date is worked out rather than "
        "printed — from a publication date, or 'last year' — the report says so and how.\n"
        "- Where sources disagree (for example on how many North Koreans work in China) each figure "
        "is its own report.\n"
        "- Background map: Natural Earth country outlines (public domain), bundled so the map works "
        "offline; light tiles © OpenStreetMap contributors © CARTO when online."
    )
