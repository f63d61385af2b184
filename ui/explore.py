"""The map page: the title, the place box, the filters, then the explorer (years, timeline, the map,
the publishing row and the reports table)."""

from __future__ import annotations

import dataclasses

import streamlit as st
from streamlit_folium import st_folium

from geo.data import parquet_cache
from geo.data.load import Dataset
from geo.escape import escape, script_json
from geo.map import leaflet, static_files
from geo.map.layers import Sent, view_step
from geo.query.selection import View
from geo.reading import pickers, printout
from geo.reading.page_words import summary_line_in
from geo.settings import SETTINGS
from ui import filters, presenter, publish, reports
from ui.shared import (
    TITLE,
    cached_timeline,
    cached_view,
    gettext,
    html_language,
    language_picker,
    loaded,
    page_language,
    styled,
)
from ui.state import PRESENT_WORDS, PageState

# Pixels each part held back from a new reader's first view takes (measured at 390, 1280 and 1920
# px wide): its room stays empty until it comes, so nothing moves. Phones hide the timeline's.
HELD_HEIGHTS = {"toggle": 24, "language": 40, "filters": 40, "place": 40, "years": 68, "timeline": 80, "clear": 40}


def main() -> None:
    """The map page: filters, years, the map and the reports table."""
    dataset, data_dir, stamp = loaded()
    state = PageState()
    state.apply_requests(dataset)
    filters.adopt_link(dataset)  # a link made in any language opens the same view
    lang = page_language()
    _ = gettext()[0]

    if st.query_params.get("present", "").lower() in PRESENT_WORDS:
        # The toggle bound to the link reads only true/false: a hand-written present=1 becomes true.
        st.query_params["present"] = "true"
        state.open_presenting()
        st.rerun()  # the link's present=true reaches the browser before the toggle is drawn and bound to it
    # A new reader's first view is the map and what it shows (the summary, the filters in force):
    # the widgets, the timeline and the table, whose code costs the browser most, follow as soon
    # as the map says its marks are on the screen (nkmap.announceDrawn), or after
    # SETTINGS.first_view_hold_seconds if it never does. Until then each keeps its place, so
    # nothing on the page moves.
    holding = state.first_view(state.presenting(st.query_params.get("present", "")))
    # The title, the place box, the toggle and the filters live here, in the same places in both
    # modes: switching modes keeps every widget (and the link) as it was (a select box or a toggle
    # drawn elsewhere after a switch stopped writing to the link), and a year step reruns only the
    # explorer below.
    heading, place_col, switch, language = st.columns([4.2, 2.2, 1.9, 1.3], vertical_alignment="center")
    with switch:
        if holding:
            held("toggle")
        else:
            st.toggle(_("Presenter mode"), key="present", bind="query-params",
                      help=_("Large type and a big map for screen-sharing; step through the years."))
    # The mode is read once the toggle is drawn: Back and Forward set it from the link only then, and
    # a mode read before it gave half of each page.
    presenting = state.presenting(st.query_params.get("present", ""))
    styled(presenting=presenting)
    st.html(f'<script class="nk-page-scripts">{static_files.page_scripts()}</script>', unsafe_allow_javascript=True)
    html_language(lang)
    heading.html(f'<h1 class="nk-title">{escape(_(TITLE))}</h1>')
    with language:  # in every mode; held back from the first view like the place box (a select box's code)
        if holding:
            held("language")
        else:
            language_picker()
    # In both modes (presenter mode hides it), so that the page keeps its shape across a switch.
    st.html('<p class="nk-lede">' + escape(_("Every mark on the map is a statement in a source document, quoted "
                                             "word for word. Pick the years, filter by sector or source, and click a "
                                             "place for its reports and sources.")) + "</p>")
    filters.unread_link_note(dataset, state)
    if holding:
        held("filters")
    else:
        with st.expander(_("Filter by sector, role, source or words in the quotes")):
            filters.filter_fields(dataset)
    # The place box lives here, not in the explorer: rerunning the explorer (a year step) made a
    # select box in it stop writing to the link, and a link shared then lost its place.
    with place_col:
        if holding:
            held("place")
            place = pickers.place_from_link(dataset, st.query_params.get_all("place"))
        else:
            place = filters.place_box(dataset)
    playing = presenting and state.playing
    every = SETTINGS.play_seconds if playing else SETTINGS.first_view_hold_seconds if holding else None
    st.fragment(explorer, run_every=every)(dataset, str(data_dir), stamp, place, holding)


def held(part: str) -> None:
    """The room of a part of the page held back from a new reader's first view, empty."""
    st.html(f'<div class="nk-held nk-held-{part}" style="height: {HELD_HEIGHTS[part]}px" aria-hidden="true"></div>')


def explorer(dataset: Dataset, data_dir: str, stamp: tuple, place: str | None = None, holding: bool = False) -> None:
    """Years, timeline, map and table: a fragment, rerun on its own when one of its widgets
    changes, and every ``SETTINGS.play_seconds`` while the presenter's Play runs.

    The other filters are read from their widgets' state, kept in the page above, with the
    focused ``place`` (a change of place reruns the whole page). ``holding``: a
    new reader's first view, with the filters read from the link and no widget, timeline or table;
    the next run of this part (the map has drawn, or the timer) draws the whole page.
    """
    state = PageState()
    lang = page_language()
    _ = gettext()[0]
    if parquet_cache.is_stale(data_dir, stamp):  # the files changed since the page's last full run
        st.rerun(scope="app")
    if holding and state.first_view_drawn():
        st.rerun(scope="app")
    bounds = dataset.years
    # The slider's value comes from the state, never from a default beside it: the link's years put
    # in order and within the data (a reversed pair would give a slider reading 2025…2010).
    state.start_years(bounds, st.query_params.get_all("years"))
    presenting = state.presenting(st.query_params.get("present", ""))
    if presenting:
        years = presenter.years_row(state, bounds)
    else:
        left, right = st.columns([2, 4], vertical_alignment="bottom")
        with left:
            if holding:
                held("years")
                years = state.years
            else:
                years = st.slider(_("Years"), min_value=bounds[0], max_value=bounds[1], key="years",
                                  bind="query-params", help=_("A report shows when its period overlaps these years."))
    years = (int(years[0]), int(years[1]))
    if years != pickers.years_in_order(years, bounds):
        # A link with its years reversed: the slider took them from the URL as they were.
        state.request_years(pickers.years_in_order(years, bounds))
        state.rerun("app")
    chosen = filters.link_filters(dataset, years) if holding else filters.filters_of(state, years)
    view = cached_view(data_dir, stamp, chosen)
    if not presenting:
        # All years of the other filters' reports, the chosen years shaded (cached like any view).
        with right:
            if holding:
                held("timeline")
            else:
                st.vega_lite_chart(spec=cached_timeline(data_dir, stamp, dataclasses.replace(chosen, years=None),
                                                        years, lang), width="stretch")
    # One row for the count and the filters in force, so that the map starts high on the screen: at
    # 1280×720 most of it shows without scrolling.
    summary_col, chips_col, clear_col = st.columns([4, 3, 1], vertical_alignment="center")
    summary = view.summary if lang == "en" else summary_line_in(
        lang, len(view.rows), len(view.places), chosen.years if len(view.rows) else None,
        few_or_none=int((view.places["presence"] != "reported").sum()) if len(view.rows) else 0)
    line, dot, span = summary.rpartition(" · ")
    # Korean, Chinese and Japanese may break a line inside "2010年～2025年": the years stay together.
    words = escape(summary) if lang == "en" or not dot else (
        f'{escape(line)}{escape(dot)}<span style="white-space: nowrap">{escape(span)}</span>')
    summary_col.html(f'<p class="nk-summary" role="status" aria-live="polite">{words}</p>')
    if filters.filter_chips(dataset, chosen, chips_col, lang):
        if holding:
            with clear_col:
                held("clear")
        elif clear_col.button(_("Clear all"), key="clear_filters", help=_("Show every report of every year again.")):
            state.request_clear()
            state.rerun("app")
    if not len(view.rows) and not presenting:  # a presenter's summary says so, and the map stays put
        filters.empty_state(dataset, chosen, lang)

    center, zoom = state.map_focus(place, pickers.focus(dataset, place))
    # The map holds the places and reports it was sent (this session's Sent): a step sends numbers
    # and what is new; the map asks for everything again when it lost its copy (its value's nk_resend).
    sent = st.session_state.setdefault("map_sent", Sent())
    asked = (st.session_state.get("map") or {}).get("nk_resend")
    result = st_folium(
        leaflet.base_map(dataset, lang=lang, static_dir=SETTINGS.static_dir),
        feature_group_to_add=view_step(dataset, view, sent, asked=asked, compact_legend=presenting, lang=lang),
        center=center, zoom=zoom,
        height=pickers.map_height(presenting), use_container_width=True, key="map",
        returned_objects=["last_object_clicked_tooltip"],
    )
    clicked = pickers.place_from_tooltip((result or {}).get("last_object_clicked_tooltip"))
    if state.clicked(clicked, place):
        state.rerun("app")  # the place box lives above the explorer

    if not holding:
        publish.publish_row(dataset, view, place, presenting, lang)  # image, GIS files, citation
    if not presenting and not holding:
        printed_list(dataset, view, place, lang)  # on paper only: the table prints no rows
        reports.reports_table(dataset, view, place, lang)


def printed_list(dataset: Dataset, view: View, place: str | None, lang: str) -> None:
    """The printed page's list of reports (``geo.reading.printout``), hidden on the screen, in two
    elements that ``printout.js`` puts together: the list, whose element stays as it was (nothing
    sent, nothing built) while a year step leaves the newest reports the same, and the head with
    the count. The HTML travels as a JSON string in a script (``script_json``), so the browser
    neither sanitises nor builds the list on a step: it is built when the browser is idle, or
    before the page is printed."""
    head, listing = printout.printed_parts(dataset, view, place, lang=lang)
    st.html('<div class="nk-print nk-print-holder"></div><script class="nk-print-part">'
            f'(window.nkPrintQueue = window.nkPrintQueue || []).push(["list", {script_json(listing)}, '
            'document.currentScript]);</script>', unsafe_allow_javascript=True)
    st.html('<script class="nk-print-part nk-print-words">(window.nkPrintQueue = window.nkPrintQueue || [])'
            f'.push(["head", {script_json(head)}]);</script>', unsafe_allow_javascript=True)
