"""The map page's filters: a widget for each filter, the place box, the filters in force as chips,
and what to say when they leave no report."""

from __future__ import annotations

import streamlit as st

from geo.data.load import Dataset
from geo.escape import escape
from geo.query.filters import FILTERS, Filters
from geo.query.selection import emptied_by
from geo.reading import pickers
from ui.state import PageState


def filter_fields(dataset: Dataset) -> None:
    """A widget for each filter of ``geo.query.filters.FILTERS`` but the years (the slider above the map).

    Each widget's key, label, help and URL parameter come from the filter's declaration; the
    values are read back from the session state by :func:`filters_of`.
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


def filters_of(state: PageState, years: tuple[int, int]) -> Filters:
    """The filters the page's widgets hold, with the slider's ``years``."""
    return Filters.from_values({**state.filter_values(), "years": years})


def place_box(dataset: Dataset) -> str | None:
    """The place the map focuses on (bound to the URL as ``place``, by the place's name)."""
    names = pickers.labels(dataset, "places")
    return st.selectbox("Focus on a place", options=[None, *names], key="place", bind="query-params",
                        format_func=lambda p: "All places" if p is None else names[p], placeholder="All places",
                        label_visibility="collapsed")


def filter_chips(dataset: Dataset, filters: Filters, where: object) -> bool:
    """The filters in force, shown above the map in every mode (a shared link's too), each with a
    link that removes it. Returns whether any filter is in force."""
    found = pickers.chips(dataset, filters)
    if not found:
        return False
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    where.html('<ul class="nk-chips" aria-label="Filters in force">' + "".join(
        f'<li class="nk-chip" data-key="{escape(key)}">{escape(text)}<a class="nk-chip-remove" role="button" '
        f'href="{escape(pickers.link_without(params, key))}" aria-label="Remove the filter {escape(text)}" '
        f'title="Remove this filter">✕</a></li>' for key, text in found) + "</ul>")
    return True


def unread_link_note(dataset: Dataset, state: PageState) -> None:
    """Say which values of the link the page opened with it could not read (and left out), e.g.
    ``?sector=nonsense&years=abc``; the rest of the link is in force. Read once, from the link as
    it came, before the widgets correct it; said for as long as the reader stays."""
    unread = state.unread_link(lambda: pickers.unread_link_values(
        dataset, {key: st.query_params.get_all(key) for key in st.query_params}))
    if unread:
        st.html('<p class="nk-unread" role="status">Parts of this link were not understood and are left out: '
                + ", ".join(f"{escape(key)} “{escape(value)}”" for key, value in unread)
                + ". The rest of the link is in force.</p>")


def empty_state(dataset: Dataset, filters: Filters) -> None:
    """No report matches: say which filter emptied the view, and offer to clear them."""
    culprits = emptied_by(dataset, filters)
    because = (f"Loosening {' or '.join(f'“{label}”' for label in culprits)} alone brings reports back." if culprits
               else "No single filter empties it: several together do.")
    st.info(f"No reports match these filters. {because} Use Clear all above to see every report.")
