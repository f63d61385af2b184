"""The reports under the map: the table (the map's text alternative), one report in full on its
card with Previous and Next, and the downloads of the reports shown."""

from __future__ import annotations

import unicodedata
import zlib

import pandas as pd
import streamlit as st

from geo.data.load import Dataset
from geo.escape import escape
from geo.i18n import fill, translations
from geo.publish import downloads
from geo.query.selection import View
from geo.reading import fragments
from geo.reading.localise import ROLE_WORDS, format_date_in, place_label, sector_label, vocabulary_word
from geo.reading.reports import figures_in, period_in
from geo.reading.table import TABLE_HEADINGS, table_frame
from ui.shared import gettext
from ui.state import PageState

TABLE_COLUMNS = {
    "Report": st.column_config.TextColumn(width="small"),
    "When": st.column_config.TextColumn(width="medium"),
    "Figures": st.column_config.TextColumn(width="medium"),
}
FIRST_COLUMNS = ("When", "Report")
"""The date first, where a phone shows it whole (390 px leave about 330 beside the tick boxes)."""
TICKED = "_table_ticked"
"""The table, list and card the table's tick was last put for (:func:`reports_table`)."""
WHEN_WIDTH = (100, 330)
"""The narrowest and widest When column, in pixels: as wide as its longest date, within these."""


def reports_table(dataset: Dataset, view: View, place: str | None, lang: str = "en") -> None:
    """The text alternative to the map: the filtered reports (at the focused place, if any); choose
    a row, or step with Previous and Next, to read a report in full with its passage in the source."""
    state = PageState()
    _, ngettext = gettext()
    name = place_label(dataset.places.loc[place], lang) if place else ""
    heading = fill(_("Reports at {place}"), place=escape(name)) if place else escape(_("Reports"))
    # HTML, not Markdown: Markdown would link a URL in a place name even with every character escaped.
    st.html(f'<h3 class="nk-table-heading">{heading}</h3>')
    table, total = table_frame(dataset, view.rows, place)
    if place and not total and len(view.rows):
        # HTML, not st.info: Markdown would read links and formatting in a place's name.
        st.html('<p class="nk-note" role="status">' + escape(fill(
            ngettext("No report at {place} passes these filters; {n} elsewhere does. Choose All places in the "
                     "place box to list it.", "No report at {place} passes these filters; {n} elsewhere do. Choose "
                     "All places in the place box to list them.", len(view.rows)),
            place=name, n=f"{len(view.rows):,}")) + "</p>")
    st.caption(_("Tick a row’s box, or press Space on a row, to read the report in full; Previous and Next go "
                 "through the list claim by claim.")
               + (" " + fill(_("Showing the newest {shown} of {total}; the downloads have them all."),
                             shown=f"{len(table):,}", total=f"{total:,}")
                  if total > len(table) else ""))
    ids = list(table["Report"])
    chosen = state.report
    at = ids.index(chosen) if chosen in ids else 0  # the first report until one is chosen
    # One table while the place and the card stay: a year step changes its rows in place (a key
    # that changed with the list built the grid anew, a quarter of the browser's work in a step),
    # and the tick is put back on the card's report. Previous, Next or a number makes a new table
    # with the tick on its report; a tick taken off comes back while the card shows its report.
    # Until a report is chosen no row is ticked: a grid with a ticked row and no cursor took no
    # arrow keys, and a keyboard could not reach a row. A choice counts when it is made (the
    # callback), never read back from an old list.
    key = f"table-{place or 'all'}-{state.card_moves}"
    ticked = (key, zlib.crc32(" ".join(ids).encode()))  # a row ticked by hand is left as it is
    if st.session_state.get(TICKED) != ticked:
        st.session_state[key] = ticked_rows([at] if chosen in ids else [])
        st.session_state[TICKED] = ticked

    def chosen_row() -> None:
        rows = st.session_state[key].selection.rows
        if rows and rows[0] < len(table):
            state.report = table.iloc[rows[0]]["Report"]
        elif chosen in ids:  # the tick taken off: it goes back on the report the card still shows
            st.session_state[key] = ticked_rows([at])

    shown = localised_table(dataset, table, lang)
    st.dataframe(shown, hide_index=True, width="stretch", on_select=chosen_row,
                 selection_mode="single-row",  # not "single-row-required": its radio buttons take no Space
                 key=key, column_config=table_columns(lang, shown),
                 column_order=table_order(lang),
                 selection_default=ticked_rows([at]) if chosen in ids else None)
    if ids:
        # Previous and Next reach every report by keyboard.
        report_card(dataset, state, table, ids, at, lang)
    downloads_row(dataset, view, lang)


def ticked_rows(rows: list[int]) -> dict:
    """A table's selection with ``rows`` ticked, as ``st.dataframe`` keeps it in the session."""
    return {"selection": {"rows": rows, "columns": [], "cells": []}}


def table_columns(lang: str, shown: pd.DataFrame | None = None) -> dict:
    """The table's column settings, by its headings in ``lang``: the When column as wide as the
    longest date of the table ``shown`` (:func:`localised_table`), so that no date is cut off."""
    _ = translations(lang).gettext
    columns = {_(heading): setting for heading, setting in TABLE_COLUMNS.items()}
    if shown is not None and len(shown):
        low, high = WHEN_WIDTH
        longest = max(text_width(str(date)) for date in shown[_("When")])
        columns[_("When")] = st.column_config.TextColumn(width=min(high, max(low, longest + 24)))  # 24: padding
    return columns


def table_order(lang: str) -> list[str]:
    """The table's headings in ``lang``, the date first (:data:`FIRST_COLUMNS`)."""
    _ = translations(lang).gettext
    return [_(heading) for heading in (*FIRST_COLUMNS, *(h for h in TABLE_HEADINGS if h not in FIRST_COLUMNS))]


def text_width(text: str) -> int:
    """About how many pixels ``text`` takes in the table's 14 px type: 7 a character, 14 a wide
    (Chinese, Japanese or Korean) one."""
    return sum(14 if unicodedata.east_asian_width(char) in "WF" else 7 for char in text)


def localised_table(dataset: Dataset, table: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The table in ``lang``: its headings, periods, places (local name, English beside it), roles and
    sectors; the figures and the sources' names as written. The rows are the table's (same index)."""
    if lang == "en" or table.empty:
        return table
    _ = translations(lang).gettext
    reports, places, sectors = dataset.reports.iloc[table.index], dataset.places, dataset.sectors
    local = table.copy()
    local["When"] = [period_in(r, lang) for r in reports.to_dict("records")]
    local["Place"] = [place_label(places.loc[p], lang) if p in places.index else n
                      for p, n in zip(reports["place_id"], reports["place_name"], strict=True)]
    local["Role"] = [vocabulary_word(ROLE_WORDS, str(r), lang) for r in reports["role"]]
    local["Sectors"] = [_(", ").join(sector_label(sectors.loc[s], lang) if s in sectors.index else s for s in ids)
                        for ids in reports["sector_ids"]]
    local["Figures"] = ["; ".join(f"{k}: {v}" for k, v in figures_in(r, lang)) for r in reports.to_dict("records")]
    local["Source"] = [f"{publisher} ({format_date_in(str(published), lang)})"
                       for publisher, published in zip(reports["publisher"], reports["published"], strict=True)]
    return local.rename(columns={heading: _(heading) for heading in local.columns})


def report_card(dataset: Dataset, state: PageState, table: pd.DataFrame, ids: list[str], at: int,
                lang: str = "en") -> None:
    """One report in full, a way to its passage in the source, and Previous and Next."""
    _ = gettext()[0]
    back, position, forward = st.columns([1, 3, 1], vertical_alignment="bottom")
    if back.button(_("◀ Previous"), disabled=at == 0, key="report_back", width="stretch"):
        state.move_card(ids[at - 1])
        state.rerun("explorer")
    # A number as well as the table: a table row can't be chosen with Space or Enter, this can
    # (and it costs a few bytes, where a picker of every report would resend them all each step).
    key = f"pick-{len(ids)}-{ids[at]}"
    position.number_input(fill(_("Report {n} of {total} in this list ({id})"), n=at + 1, total=len(ids), id=ids[at]),
                          min_value=1,
                          max_value=len(ids), value=at + 1, step=1, key=key,
                          on_change=lambda: state.move_card(ids[int(st.session_state[key]) - 1]))
    if forward.button(_("Next ▶"), disabled=at == len(ids) - 1, key="report_next", width="stretch"):
        state.move_card(ids[at + 1])
        state.rerun("explorer")
    report = dataset.reports.iloc[table.index[at]]
    st.html(fragments.report_card(report, dataset, lang))
    with st.expander(_("Show in source: the passage this report quotes")):
        st.html(fragments.source_passage(dataset, report, lang=lang))


def map_download(dataset: Dataset, view: View, lang: str) -> str:
    """The standalone interactive map of this view, in the reader's language (``geo export --lang``)."""
    return downloads.html_download(dataset, view, lang=lang)


def downloads_row(dataset: Dataset, view: View, lang: str = "en") -> None:
    """The downloads of the reports shown, each saying what it holds (the interactive map in ``lang``)."""
    _, ngettext = gettext()
    count = fill(ngettext("the {n} report that passes the filters (every place, not only a focused one)",
                          "the {n} reports that pass the filters (every place, not only a focused one)",
                          len(view.rows)), n=f"{len(view.rows):,}")
    csv_col, package_col, geojson_col, html_col = st.columns(4)
    csv_col.download_button(_("Download CSV"), data=lambda: downloads.csv_download(dataset, view),
                            file_name="nk-workers-reports.csv", mime="text/csv", on_click="ignore",
                            help=fill(_("A table of {count}, with their quotes and sources; the header is the first "
                                        "line."), count=count))
    package_col.download_button(
        _("Download data package (ZIP)"), data=lambda: downloads.package_download(dataset, view, lang=lang),
        file_name="nk-workers-reports.zip", mime="application/zip", on_click="ignore",
        help=fill(_("{count} as CSV and GeoJSON, a datapackage.json describing every column, and a README with the "
                    "dataset version, the filters and how to cite."), count=count[:1].upper() + count[1:]))
    geojson_col.download_button(_("Download GeoJSON"), data=lambda: downloads.geojson_download(dataset, view),
                                file_name="nk-workers-reports.geojson", mime="application/geo+json",
                                on_click="ignore", help=fill(_("{count} as map points, for GIS software."),
                                                             count=count[:1].upper() + count[1:]))
    html_col.download_button(_("Download interactive map (HTML)"),
                             data=lambda: map_download(dataset, view, lang),
                             file_name="nk-workers-map.html", mime="text/html", on_click="ignore",
                             help=_("One self-contained file to embed in an article. It holds every report of "
                                    "these sectors, roles, sources and words, in all years; its controls start "
                                    "at these years and sectors (docs/EMBED.md)."))
    left_out = downloads.left_out_caption(dataset, view, lang)
    st.caption(fill(_("CSV, data package and GeoJSON: {count}. Interactive map: all years, starting at these."),
                    count=count) + (f" {left_out}" if left_out else ""))
