"""Streamlit page: a thin UI over ``geo`` (read widgets, call geo, draw)."""

from __future__ import annotations

import argparse
import dataclasses
import gc
import sys
import time
import zlib
from pathlib import Path

import streamlit as st
from streamlit.errors import StreamlitAPIException
from streamlit_folium import st_folium

import publish_page
from geo.data.load import Dataset
from geo.data.parquet_cache import files_stamp, is_stale, load_cached
from geo.errors import DataError
from geo.escape import escape
from geo.map import leaflet, static_files
from geo.map.layers import view_layer
from geo.publish import downloads
from geo.query.filters import FILTERS, Filters
from geo.query.selection import View, build_view, emptied_by
from geo.reading import fragments, pickers, printout, timeline
from geo.reading.table import table_frame
from geo.settings import SETTINGS

CSS = (Path(__file__).parent / "dashboard.css").read_text(encoding="utf-8")
PAGE_CSS, PRESENTER_CSS = CSS.split("/* presenter */")
TABLE_COLUMNS = {
    "Report": st.column_config.TextColumn(width="small"),
    "When": st.column_config.TextColumn(width="medium"),
    "Figures": st.column_config.TextColumn(width="medium"),
}

st.set_page_config(page_title="North Korean workers reported in China", page_icon="🗺️", layout="wide")


def page_args() -> argparse.Namespace:
    """``streamlit run dashboard.py -- [--data DIR] [--curate]``: another dataset, and curation mode
    (``make curate``), the only mode with a page that can add to the dataset."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data", type=Path, default=SETTINGS.data_dir)
    parser.add_argument("--curate", action="store_true")
    known, _ = parser.parse_known_args(sys.argv[1:])
    return known


def data_dir_from_argv() -> Path:
    return page_args().data


@st.cache_resource(show_spinner="Loading the dataset…", max_entries=4)
def cached_dataset(data_dir: str, stamp: tuple) -> Dataset | DataError:
    """Load once per version of the files (``stamp`` changes when any file changes).

    A dataset that fails validation is cached too, as its error: every page view then shows the
    problems at once instead of validating again."""
    try:
        return load_cached(Path(data_dir), SETTINGS.cache_dir)
    except DataError as error:
        return error


@st.cache_resource(max_entries=8, show_spinner=False)  # a view: positions and per-place tables
def cached_view(data_dir: str, stamp: tuple, filters: Filters) -> View:
    """The filtered, aggregated view for one set of filter values."""
    return build_view(cached_dataset(data_dir, stamp), filters)


@st.cache_resource(max_entries=8, show_spinner=False)
def cached_bars(data_dir: str, stamp: tuple, filters: Filters) -> dict:
    """The timeline for the filters without the years (bars of every year, no band): a year step
    reuses it."""
    dataset = cached_dataset(data_dir, stamp)
    return timeline.timeline_spec(dataset, cached_view(data_dir, stamp, filters).rows, dataset.years)


def cached_timeline(data_dir: str, stamp: tuple, filters: Filters, years: tuple[int, int]) -> dict:
    """The timeline's spec: the cached bars, and the chosen years shaded."""
    return timeline.shaded(cached_bars(data_dir, stamp, filters), years)


@st.cache_resource
def heap_frozen() -> bool:
    """Once the dataset is loaded, everything alive (modules, Streamlit, the dataset) lives as long
    as the server: move it out of the cycle collector's reach, whose full passes otherwise stall
    a filter step by 40 to 90 ms. Reference counting still frees it."""
    gc.collect()
    gc.freeze()
    return True


@st.cache_resource
def static_ready() -> Path:
    return static_files.install_static(SETTINGS.static_dir)


PLAY_SECONDS = 1.7  # how long each year shows while the presenter's Play runs
HOLD_SECONDS = 4.0  # at the latest, a new reader's timeline and table follow the map after this


def loaded() -> tuple[Dataset, Path, tuple]:
    """The dataset (with its folder and files' stamp), or the page stops with its problems."""
    data_dir = data_dir_from_argv()
    static_ready()
    stamp = files_stamp(data_dir)
    dataset = cached_dataset(str(data_dir), stamp)
    if isinstance(dataset, DataError):
        error = dataset
        st.title("The dataset has problems")
        # Plain text elements only: a folder or a value from the data never passes through Markdown.
        st.error("The dataset could not be loaded. Fix these problems and reload the page.")
        st.code(f"{data_dir}\n\n{error.report(limit=SETTINGS.problems_shown)}", language=None)
        st.stop()
    heap_frozen()
    return dataset, data_dir, stamp


def main() -> None:
    """The map page: filters, years, the map and the reports table."""
    dataset, data_dir, stamp = loaded()
    if st.session_state.pop("_clear_filters", False):
        clear_filters(dataset)

    presenting = presenter_mode()
    st.html(f"<style>{PAGE_CSS}{PRESENTER_CSS if presenting else ''}</style>")
    st.html(f'<script class="nk-page-scripts">{static_files.page_scripts()}</script>', unsafe_allow_javascript=True)
    # A new reader's first view is the map and what it shows (the summary, the filters in force):
    # the widgets, the timeline and the table, whose code costs the browser most, follow as soon
    # as the map says its marks are on the screen (nkmap.announceDrawn), or after HOLD_SECONDS if
    # it never does. Until then each keeps its place, so nothing on the page moves.
    holding = not presenting and "_map_page_seen" not in st.session_state
    st.session_state["_map_page_seen"] = True
    if "_pending_place" in st.session_state:  # a click on a mark
        st.session_state["place"] = st.session_state.pop("_pending_place")
    # The title, the place box, the toggle and the filters live here, in the same places in both
    # modes: switching modes keeps every widget (and the link) as it was (a select box or a toggle
    # drawn elsewhere after a switch stopped writing to the link), and a year step reruns only the
    # explorer below.
    heading, place_col, switch = st.columns([4.6, 2.2, 1.7], vertical_alignment="center")
    heading.html('<h1 class="nk-title">North Korean workers reported in China</h1>')
    with switch:
        if holding:
            held("toggle")
        else:
            st.toggle("Presenter mode", key="present", bind="query-params",
                      help="Large type and a big map for screen-sharing; step through the years.")
    # In both modes (presenter mode hides it), so that the page keeps its shape across a switch.
    st.html('<p class="nk-lede">Every mark on the map is a statement in a source document, quoted word for word. '
            "Pick the years, filter by sector or source, and click a place for its reports and sources.</p>")
    if holding:
        held("filters")
    else:
        with st.expander("Filter by sector, role, source or words in the quotes"):
            filter_fields(dataset)
    # The place box lives here, not in the explorer: rerunning the explorer (a year step) made a
    # select box in it stop writing to the link, and a link shared then lost its place.
    with place_col:
        if holding:
            held("place")
            place = pickers.place_from_link(dataset, st.query_params.get_all("place"))
        else:
            place = place_box(dataset)
    playing = presenting and st.session_state.get("playing", False)
    every = PLAY_SECONDS if playing else HOLD_SECONDS if holding else None
    st.fragment(explorer, run_every=every)(dataset, str(data_dir), stamp, place, holding)


# Pixels each part held back from a new reader's first view takes (measured at 390, 1280 and 1920
# px wide): its room stays empty until it comes, so nothing moves. Phones hide the timeline's.
HELD_HEIGHTS = {"toggle": 24, "filters": 40, "place": 40, "years": 68, "timeline": 80, "clear": 40}


def held(part: str) -> None:
    """The room of a part of the page held back from a new reader's first view, empty."""
    st.html(f'<div class="nk-held nk-held-{part}" style="height: {HELD_HEIGHTS[part]}px" aria-hidden="true"></div>')


def presenter_mode() -> bool:
    """Whether the page is in presenter mode: the toggle's state, or the URL on first load."""
    if "present" in st.session_state:
        return bool(st.session_state["present"])
    return st.query_params.get("present", "").lower() in ("true", "1")


def explorer(dataset: Dataset, data_dir: str, stamp: tuple, place: str | None = None, holding: bool = False) -> None:
    """Years, timeline, map and table: a fragment, rerun on its own when one of its widgets
    changes, and every ``PLAY_SECONDS`` while the presenter's Play runs.

    The other filters are read from their widgets' state, kept in the page above, with the
    focused ``place`` (a change of place reruns the whole page). ``holding``: a
    new reader's first view, with the filters read from the link and no widget, timeline or table;
    the next run of this part (the map has drawn, or the timer) draws the whole page.
    """
    if is_stale(data_dir, stamp):  # the files changed since the page's last full run
        st.rerun(scope="app")
    if holding:
        if st.session_state.pop("_holding", False):
            st.rerun(scope="app")
        st.session_state["_holding"] = True
    first, last = dataset.years
    if "_pending_years" in st.session_state:
        st.session_state["years"] = st.session_state.pop("_pending_years")
    if "years" not in st.session_state:
        # The slider's value comes from here, never from a default beside it: the link's years put
        # in order and within the data (a reversed pair would give a slider reading 2025…2010).
        st.session_state["years"] = pickers.years_from_link(st.query_params.get_all("years"), (first, last))
    presenting = presenter_mode()
    playing = presenting and st.session_state.get("playing", False)
    if presenting:
        play_step((first, last))
        top = st.columns([3, 2, 2, 2], vertical_alignment="center")
        big_years = top[0].empty()
        presenter_controls(top[1:], tuple(st.session_state["years"]), (first, last))
        years = st.slider("Years", min_value=first, max_value=last, key="years",
                          bind="query-params", label_visibility="collapsed")
        # While Play runs the page says so (history.js then keeps one entry for the whole run).
        big_years.html(f'<p class="nk-bigyears" aria-live="polite"{" data-nk-playing" if playing else ""}>'
                       f'{pickers.year_label(tuple(years))}</p>')
        st.session_state["_shown_years"] = tuple(years)
    else:
        left, right = st.columns([2, 4], vertical_alignment="bottom")
        with left:
            if holding:
                held("years")
                years = st.session_state["years"]
            else:
                years = st.slider("Years", min_value=first, max_value=last, key="years",
                                  bind="query-params", help="A report shows when its period overlaps these years.")
    if tuple(years) != pickers.years_from_link([str(y) for y in years], (first, last)):
        # A link with its years reversed: the slider took them from the URL as they were.
        st.session_state["_pending_years"] = pickers.years_from_link([str(y) for y in years], (first, last))
        st.rerun(scope="app")
    filters = link_filters(dataset, tuple(years)) if holding else filters_of(tuple(years))
    view = cached_view(data_dir, stamp, filters)
    if not presenting:
        # All years of the other filters' reports, the chosen years shaded (cached like any view).
        with right:
            if holding:
                held("timeline")
            else:
                st.vega_lite_chart(spec=cached_timeline(data_dir, stamp, dataclasses.replace(filters, years=None),
                                                        years), width="stretch")
    # One row for the count and the filters in force, so that the map starts high on the screen: at
    # 1280×720 most of it shows without scrolling.
    summary_col, chips_col, clear_col = st.columns([4, 3, 1], vertical_alignment="center")
    summary_col.html(f'<p class="nk-summary" role="status" aria-live="polite">{escape(view.summary)}</p>')
    filter_chips(dataset, filters, chips_col, clear_col, holding)
    if not len(view.rows) and not presenting:  # a presenter's summary says so, and the map stays put
        empty_state(dataset, filters)

    center, zoom = pickers.focus(dataset, place)
    result = st_folium(
        leaflet.base_map(dataset), feature_group_to_add=view_layer(dataset, view, compact_legend=presenting),
        center=center, zoom=zoom,
        height=pickers.map_height(presenting), use_container_width=True, key="map",
        returned_objects=["last_object_clicked_tooltip"],
    )
    clicked = pickers.place_from_tooltip((result or {}).get("last_object_clicked_tooltip"))
    if clicked and clicked != place and clicked != st.session_state.get("_last_click"):
        st.session_state["_last_click"] = clicked
        st.session_state["_pending_place"] = clicked
        st.rerun(scope="app")  # the place box lives above the explorer

    if not holding:
        publish_page.publish_row(dataset, view, place, presenting)  # image, GIS files, citation
    if not presenting and not holding:
        st.html(printout.printed_reports(dataset, view, place))  # on paper only: the table prints no rows
        reports_table(dataset, view, place)


def rerun_explorer() -> None:
    """Run the explorer again: only it during one of its own reruns, the whole page otherwise (a
    click handled in a full run, as in a page's first run, cannot rerun just a fragment)."""
    try:
        st.rerun(scope="fragment")
    except StreamlitAPIException:
        st.rerun(scope="app")


def filter_chips(dataset: Dataset, filters: Filters, chips_col: object, clear_col: object,
                 holding: bool = False) -> None:
    """The filters in force, shown above the map in every mode (a shared link's too), with one
    button that clears them all (once the page has its widgets)."""
    found = pickers.chips(dataset, filters)
    if not found:
        return
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    chips_col.html('<ul class="nk-chips" aria-label="Filters in force">' + "".join(
        f'<li class="nk-chip" data-key="{escape(key)}">{escape(text)}<a class="nk-chip-remove" role="button" '
        f'href="{escape(pickers.link_without(params, key))}" aria-label="Remove the filter {escape(text)}" '
        f'title="Remove this filter">✕</a></li>' for key, text in found) + "</ul>")
    if holding:
        with clear_col:
            held("clear")
    elif clear_col.button("Clear all", key="clear_filters", help="Show every report of every year again."):
        st.session_state["_clear_filters"] = True
        st.rerun(scope="app")


def empty_state(dataset: Dataset, filters: Filters) -> None:
    """No report matches: say which filter emptied the view, and offer to clear them."""
    culprits = emptied_by(dataset, filters)
    because = (f"Loosening {' or '.join(f'“{label}”' for label in culprits)} alone brings reports back." if culprits
               else "No single filter empties it: several together do.")
    st.info(f"No reports match these filters. {because} Use Clear all above to see every report.")


def clear_filters(dataset: Dataset) -> None:
    """Every filter back to its default (before the widgets are drawn)."""
    for spec in FILTERS:
        st.session_state[spec.key] = spec.empty(dataset.years)


def filter_fields(dataset: Dataset) -> None:
    """A widget for each filter of ``geo.query.filters.FILTERS`` but the years (the slider above the map).

    Each widget's key, label, help and URL parameter come from the filter's declaration; the
    values are read back from ``st.session_state`` by :func:`filters_of`.
    """
    options = pickers.filter_options(dataset)
    specs = [spec for spec in FILTERS if spec.kind != "range"]
    for column, spec in zip(st.columns([3, 2, 3, 3, 2]), specs, strict=True):
        if spec.kind == "list":
            labels = options[spec.name]
            column.multiselect(spec.label, options=list(labels), key=spec.key, format_func=labels.__getitem__,
                               bind="query-params", placeholder=f"All {spec.label.lower()}", help=spec.help)
        elif spec.kind == "text":
            column.text_input(spec.label, key=spec.key, bind="query-params", placeholder="e.g. waitress",
                              help=spec.help)
        else:
            column.checkbox(spec.label, key=spec.key, bind="query-params", help=spec.help)


def link_filters(dataset: Dataset, years: tuple[int, int]) -> Filters:
    """The filters the page's link asks for (the widgets that will read it are not drawn yet)."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    return pickers.filters_from_link(dataset, params, years)


def filters_of(years: tuple[int, int]) -> Filters:
    """The filters the page's widgets hold, with the slider's ``years``."""
    values = {spec.key: st.session_state.get(spec.key) for spec in FILTERS}
    return Filters.from_values({**values, "years": years})


def place_box(dataset: Dataset) -> str | None:
    """The place the map focuses on (bound to the URL as ``place``, by the place's name)."""
    names = pickers.labels(dataset, "places")
    return st.selectbox("Focus on a place", options=[None, *names], key="place", bind="query-params",
                        format_func=lambda p: "All places" if p is None else names[p], placeholder="All places",
                        label_visibility="collapsed")


def presenter_controls(slots: list, current: tuple[int, int], bounds: tuple[int, int]) -> None:
    """Year stepping for a presenter: previous, play or pause, and next, one year at a time."""
    back, play, forward = slots
    single = current[0] == current[1]
    if back.button("◀ Previous year", width="stretch", disabled=single and current[0] <= bounds[0]):
        st.session_state["_pending_years"] = pickers.step_years(current, bounds, -1)
        rerun_explorer()
    playing = st.session_state.get("playing", False)
    if play.button("❚❚ Pause" if playing else "▶ Play the years", width="stretch", key="play_button"):
        st.session_state["playing"] = not playing
        if playing:
            # Stop on the year the presenter saw: the last one a run finished drawing, not one a
            # step begun as the click came (play_step, or a timer run the click cut short) chose.
            st.session_state["_pending_years"] = st.session_state.get("_shown_years", current)
        else:
            # Carry on from a single year (after a Pause, or a link's year); start over from a range
            # or from the last year.
            start = current[0] if single and current[0] < bounds[1] else bounds[0]
            st.session_state["_pending_years"] = (start, start)
            st.session_state["_stepped_at"] = time.monotonic()
        st.rerun(scope="app")  # the page starts or stops the explorer's timer
    if forward.button("Next year ▶", width="stretch", disabled=single and current[1] >= bounds[1]):
        st.session_state["_pending_years"] = pickers.step_years(current, bounds, +1)
        rerun_explorer()


def play_step(bounds: tuple[int, int]) -> None:
    """While Play runs, show the next year once the current one has shown for most of
    ``PLAY_SECONDS`` (a rerun for any other reason does not advance it), and stop at the last."""
    if not st.session_state.get("playing") or st.session_state.get("play_button"):
        return  # not playing, or this run is the click on Pause: it must not step on
    if time.monotonic() - st.session_state.get("_stepped_at", 0.0) < PLAY_SECONDS * 0.8:
        return
    current = tuple(st.session_state["years"])
    if current[1] >= bounds[1]:
        st.session_state["playing"] = False
        st.rerun(scope="app")  # stops the timer
    st.session_state["years"] = pickers.step_years(current, bounds, +1)
    st.session_state["_stepped_at"] = time.monotonic()


def reports_table(dataset: Dataset, view: View, place: str | None) -> None:
    """The text alternative to the map: the filtered reports (at the focused place, if any); choose
    a row, or step with Previous and Next, to read a report in full with its passage in the source."""
    where = f" at {escape(dataset.places.at[place, 'name'])}" if place else ""
    # HTML, not Markdown: Markdown would link a URL in a place name even with every character escaped.
    st.html(f'<h3 class="nk-table-heading">Reports{where}</h3>')
    table, total = table_frame(dataset, view.rows, place)
    if place and not total and len(view.rows):
        # HTML, not st.info: Markdown would read links and formatting in a place's name.
        st.html(f'<p class="nk-note" role="status">No report at {escape(dataset.places.at[place, "name"])} passes '
                f"these filters; {len(view.rows):,} elsewhere do. Choose All places in the place box to list them.</p>")
    st.caption("Choose a row to read the report in full; Previous and Next go through the list claim by claim."
               + (f" Showing the newest {len(table):,} of {total:,}; the downloads have them all."
                  if total > len(table) else ""))
    ids = list(table["Report"])
    chosen = st.session_state.get("_report")
    at = ids.index(chosen) if chosen in ids else 0  # the first report until one is chosen
    # The key stays while the list does, so that a year step that leaves it as it was resends
    # nothing; it changes with the list, and when Previous or Next moves the card, so that the
    # tick comes back on the report the card shows. A choice counts when it is made (the
    # callback), never read back from an old list.
    key = f"table-{place or 'all'}-{zlib.crc32(' '.join(ids).encode())}-{st.session_state.get('_card_moves', 0)}"

    def chosen_row() -> None:
        rows = st.session_state[key].selection.rows
        if rows and rows[0] < len(table):
            st.session_state["_report"] = table.iloc[rows[0]]["Report"]

    st.dataframe(table, hide_index=True, width="stretch", on_select=chosen_row, selection_mode="single-row",
                 key=key, column_config=TABLE_COLUMNS,
                 selection_default={"selection": {"rows": [at]}} if chosen in ids else None)
    if ids:
        # Previous and Next reach every report by keyboard.
        report_card(dataset, table, ids, at)
    downloads_row(dataset, view)


def report_card(dataset: Dataset, table: object, ids: list[str], at: int) -> None:
    """One report in full, a way to its passage in the source, and Previous and Next."""
    back, position, forward = st.columns([1, 3, 1], vertical_alignment="bottom")
    if back.button("◀ Previous", disabled=at == 0, key="report_back", width="stretch"):
        move_card(ids[at - 1])
        rerun_explorer()
    # A number as well as the table: a table row can't be chosen with Space or Enter, this can
    # (and it costs a few bytes, where a picker of every report would resend them all each step).
    key = f"pick-{len(ids)}-{ids[at]}"
    position.number_input(f"Report {at + 1} of {len(ids)} in this list ({ids[at]})", min_value=1,
                          max_value=len(ids), value=at + 1, step=1, key=key,
                          on_change=lambda: move_card(ids[int(st.session_state[key]) - 1]))
    if forward.button("Next ▶", disabled=at == len(ids) - 1, key="report_next", width="stretch"):
        move_card(ids[at + 1])
        rerun_explorer()
    report = dataset.reports.iloc[table.index[at]]
    st.html(fragments.report_card(report, dataset))
    with st.expander("Show in source: the passage this report quotes"):
        st.html(fragments.source_passage(dataset, report))


def move_card(report: str) -> None:
    """Show ``report`` in the card (Previous, Next or its number), the table's tick with it."""
    st.session_state["_report"] = report
    st.session_state["_card_moves"] = st.session_state.get("_card_moves", 0) + 1


def downloads_row(dataset: Dataset, view: View) -> None:
    """The downloads of the reports shown, each saying what it holds."""
    count = f"the {len(view.rows):,} reports that pass the filters (every place, not only a focused one)"
    csv_col, package_col, geojson_col, html_col = st.columns(4)
    csv_col.download_button("Download CSV", data=lambda: downloads.csv_download(dataset, view),
                            file_name="nk-workers-reports.csv", mime="text/csv", on_click="ignore",
                            help=f"A table of {count}, with their quotes and sources; the header is the first line.")
    package_col.download_button(
        "Download data package (ZIP)", data=lambda: downloads.package_download(dataset, view),
        file_name="nk-workers-reports.zip", mime="application/zip", on_click="ignore",
        help=f"{count.capitalize()} as CSV and GeoJSON, a datapackage.json describing every column, "
             "and a README with the dataset version, the filters and how to cite.")
    geojson_col.download_button("Download GeoJSON", data=lambda: downloads.geojson_download(dataset, view),
                                file_name="nk-workers-reports.geojson", mime="application/geo+json",
                                on_click="ignore", help=f"{count.capitalize()} as map points, for GIS software.")
    html_col.download_button("Download interactive map (HTML)", data=lambda: downloads.html_download(dataset, view),
                             file_name="nk-workers-map.html", mime="text/html", on_click="ignore",
                             help="One self-contained file to embed in an article. It holds every report of "
                                  "these sectors, roles, sources and words, in all years; its controls start "
                                  "at these years and sectors (docs/EMBED.md).")
    left_out = downloads.left_out_caption(dataset, view)
    st.caption(f"CSV, data package and GeoJSON: {count}. Interactive map: all years, starting at these."
               + (f" {left_out}" if left_out else ""))


def sources_page() -> None:
    """Each source document, whole, with the quotes the dataset takes from it highlighted."""
    dataset, _, _ = loaded()
    st.html(f"<style>{PAGE_CSS}</style>")
    st.title("Source documents")
    source_reader(dataset)


def method_page() -> None:
    """How the dataset is made, and its sources."""
    dataset, _, _ = loaded()
    st.html(f"<style>{PAGE_CSS}</style>")
    st.title("Sources and method")
    st.html(fragments.method_html(dataset))


def source_reader(dataset: Dataset) -> None:
    """Each seed document with the quotes the dataset takes from it highlighted."""
    source_labels = pickers.labels(dataset, "sources")
    source = st.selectbox("Document", options=list(source_labels), format_func=source_labels.__getitem__,
                          key="reader")
    st.html(fragments.source_header(dataset, source))
    st.html(fragments.highlighted_seed(dataset, source))



def review() -> None:
    """The page that drafts reports from a new article and merges them: curation mode only."""
    import review_page

    review_page.review_page(curate=True, data_dir=data_dir_from_argv())


PAGES = [st.Page(main, title="Map", default=True),
         st.Page(sources_page, title="Source documents", url_path="sources"),
         st.Page(method_page, title="Sources and method", url_path="method")]
# The page that writes to the dataset exists only in curation mode: nothing a reader does reaches it.
CURATION = [st.Page(review, title="Add an article", url_path="review")] if page_args().curate else []
st.navigation(PAGES + CURATION, position="top").run()
