"""The map page's filters: a widget for each filter, the place box, the filters in force as chips,
and what to say when they leave no report."""

from __future__ import annotations

import streamlit as st

from geo.data.load import Dataset
from geo.escape import escape
from geo.i18n import fill
from geo.query.filters import FILTERS, Filters
from geo.query.selection import emptied_by
from geo.reading import pickers
from ui.shared import gettext, page_language
from ui.state import PageState


def filter_fields(dataset: Dataset) -> None:
    """A widget for each filter of ``geo.query.filters.FILTERS`` but the years (the slider above the map).

    Each widget's key, label, help and URL parameter come from the filter's declaration; the
    values are read back from the session state by :func:`filters_of`.
    """
    _ = gettext()[0]
    options = pickers.filter_options(dataset, page_language())
    specs = [spec for spec in FILTERS if spec.kind != "range"]
    for column, spec in zip(st.columns([3, 2, 3, 3, 2]), specs, strict=True):
        if spec.kind == "list":
            labels = options[spec.name]
            column.multiselect(_(spec.label), options=list(labels), key=spec.key, format_func=labels.__getitem__,
                               bind="query-params", placeholder=fill(_("All {filter}"), filter=_(spec.label).lower()),
                               help=_(spec.help))
        elif spec.kind == "text":
            column.text_input(_(spec.label), key=spec.key, bind="query-params", placeholder=_("e.g. waitress"),
                              help=_(spec.help))
        else:
            column.checkbox(_(spec.label), key=spec.key, bind="query-params", help=_(spec.help))


def adopt_link(dataset: Dataset) -> None:
    """Before the widgets are drawn on a page's first run: the link's places and list filters, named
    in any language, for the widgets that will show them in the reader's.

    A widget bound to the link reads its options by the labels it shows, so a link made in Korean
    would open an English page with those filters dropped (and the other way round). Each value the
    link names in any language is handed to its widget by id instead; the widget then writes the
    link again in the reader's language.
    """
    for key, table in [(spec.key, spec.name) for spec in FILTERS if spec.kind == "list"] + [("place", "places")]:
        given = [value for value in st.query_params.get_all(key) if value != ""]
        if key in st.session_state or not given:
            continue
        by_label = pickers.all_labels(dataset, table)
        found = [by_label[value] for value in dict.fromkeys(given) if value in by_label]
        if key == "place":
            if found:
                st.session_state[key] = found[-1]
        else:
            st.session_state[key] = found


def link_filters(dataset: Dataset, years: tuple[int, int]) -> Filters:
    """The filters the page's link asks for (the widgets that will read it are not drawn yet)."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    return pickers.filters_from_link(dataset, params, years)


def filters_of(state: PageState, years: tuple[int, int]) -> Filters:
    """The filters the page's widgets hold, with the slider's ``years``."""
    return Filters.from_values({**state.filter_values(), "years": years})


def place_box(dataset: Dataset) -> str | None:
    """The place the map focuses on (bound to the URL as ``place``, by the place's name)."""
    _ = gettext()[0]
    names = pickers.labels(dataset, "places", page_language())
    return st.selectbox(_("Focus on a place"), options=[None, *names], key="place", bind="query-params",
                        format_func=lambda p: _("All places") if p is None else names[p], placeholder=_("All places"),
                        label_visibility="collapsed")


def filter_chips(dataset: Dataset, filters: Filters, where: object, lang: str = "en") -> bool:
    """The filters in force, shown above the map in every mode (a shared link's too), each with a
    link that removes it. Returns whether any filter is in force."""
    found = pickers.chips(dataset, filters, lang)
    if not found:
        return False
    _ = gettext()[0]
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    where.html(f'<ul class="nk-chips" aria-label="{escape(_("Filters in force"))}">' + "".join(
        f'<li class="nk-chip" data-key="{escape(key)}">{escape(text)}<a class="nk-chip-remove" role="button" '
        f'href="{escape(pickers.link_without(params, key))}" '
        f'aria-label="{escape(fill(_("Remove the filter {filter}"), filter=text))}" '
        f'title="{escape(_("Remove this filter"))}">✕</a></li>' for key, text in found) + "</ul>")
    return True


def unread_link_note(dataset: Dataset, state: PageState) -> None:
    """Say which values of the link the page opened with it could not read (and left out), e.g.
    ``?sector=nonsense&years=abc``; the rest of the link is in force. Read once, from the link as
    it came, before the widgets correct it; said for as long as the reader stays."""
    unread = state.unread_link(lambda: pickers.unread_link_values(
        dataset, {key: st.query_params.get_all(key) for key in st.query_params}))
    if unread:
        _ = gettext()[0]
        values = _(", ").join(f"{escape(key)} “{escape(value)}”" for key, value in unread)
        st.html('<p class="nk-unread" role="status">'
                + fill(escape(_("Parts of this link were not understood and are left out: {values}. "
                                "The rest of the link is in force.")), values=values) + "</p>")


def empty_state(dataset: Dataset, filters: Filters, lang: str = "en") -> None:
    """No report matches: say which filter emptied the view, and offer to clear them."""
    _ = gettext()[0]
    culprits = emptied_by(dataset, filters)
    because = (fill(_("Loosening {filters} alone brings reports back."),
                    filters=_(" or ").join(fill(_("“{filter}”"), filter=_(label)) for label in culprits)) if culprits
               else _("No single filter empties it: several together do."))
    st.info(fill(_("No reports match these filters. {because} Use Clear all above to see every report."),
                 because=because))
