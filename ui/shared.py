"""What every page shares: the page's arguments, the dataset and its views (cached in the server),
and the stylesheet."""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from geo.data import parquet_cache
from geo.data.load import Dataset
from geo.data.memory import arrow_returns_memory
from geo.errors import DataError
from geo.i18n import DEFAULT_LANGUAGE, LANGUAGE_NAMES, LANGUAGES, N_, normalise, pick_language, translations
from geo.map import static_files
from geo.query.filters import Filters
from geo.query.selection import View, build_view
from geo.reading import timeline
from geo.settings import ROOT, SETTINGS

arrow_returns_memory()  # a server's Arrow buffers, once freed, go back to the system (docs/PERFORMANCE.md)

TITLE = N_("North Korean workers reported in China")
LANG = "lang"
"""The language picker's key and its parameter in the link (``?lang=ko``)."""
PAGE_LANG = "nk_page_language"
"""The language of the page's last full run: a part of the page rerun on its own keeps it."""
STYLES = {"page": ROOT / "dashboard.css", "presenter": ROOT / "presenter.css"}


def page_args(argv: list[str] | None = None) -> argparse.Namespace:
    """``streamlit run dashboard.py -- [--data DIR] [--curate]``: another dataset, and curation mode
    (``make curate``), the only mode with a page that can add to the dataset."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data", type=Path, default=SETTINGS.data_dir)
    parser.add_argument("--curate", action="store_true")
    known, _ = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    return known


LOADING = N_("Loading the dataset…")
"""What the page says while it loads the dataset (:func:`loaded` shows it in the reader's language)."""


@st.cache_resource(show_spinner=False, max_entries=4)
def cached_dataset(data_dir: str, stamp: tuple) -> Dataset | DataError:
    """Load once per version of the files (``stamp`` changes when any file changes).

    A dataset that fails validation is cached too, as its error: every page view then shows the
    problems at once instead of validating again."""
    try:
        return parquet_cache.load_cached(Path(data_dir), SETTINGS.cache_dir)
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


def cached_timeline(data_dir: str, stamp: tuple, filters: Filters, years: tuple[int, int],
                    lang: str = DEFAULT_LANGUAGE) -> dict:
    """The timeline's spec: the cached bars, and the chosen years shaded; its sectors and tooltip in
    ``lang``; its datasets as compact Arrow tables (a year step sends them again)."""
    spec = timeline.shaded(cached_bars(data_dir, stamp, filters), years)
    return timeline.arrow_tables(timeline.in_language(spec, cached_dataset(data_dir, stamp), lang))


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


def page_language() -> str:
    """The reader's language: ``lang=`` in the link, else the picker's, else the browser's
    ``Accept-Language``, else English (an unknown ``lang=`` is passed over without an error).

    The link wins over the picker's state only when they differ: on a page's first run, and after
    Back or Forward (Streamlit reruns the page with the link's values). The language is kept in the
    picker's state, and written to the link whenever the link lacks it (the browser's language, an
    unknown ``lang=``, another page of the dashboard).
    """
    linked = normalise(st.query_params.get(LANG))
    kept = normalise(st.session_state.get(LANG))
    whole = st.session_state.get(PAGE_LANG)
    if whole and _part_of_page():
        # Only a run of the whole page changes the language (the picker and Back both rerun it). A
        # part's run asked for before Back reran the page (the map answering, say) comes after
        # it with the link and the picker as they were: it keeps the page's language and its link.
        lang = whole
    elif linked and linked != kept:
        lang = linked
    elif kept:
        lang = kept
    else:
        lang = pick_language(None, st.context.headers.get("Accept-Language"))
    if kept != lang:
        st.session_state[LANG] = lang  # before the picker is drawn: this is the first call of a run
    if st.query_params.get(LANG) != lang:
        st.query_params[LANG] = lang
    st.session_state[PAGE_LANG] = lang
    return lang


def _part_of_page() -> bool:
    """This run is a part of the page's (a fragment's), not the whole page's."""
    ctx = get_script_run_ctx()
    return bool(ctx is not None and ctx.fragment_ids_this_run)


def gettext() -> tuple:
    """``(_, ngettext)`` of the reader's language (:func:`page_language`)."""
    words = translations(page_language())
    return words.gettext, words.ngettext


def _language_chosen() -> None:
    st.query_params[LANG] = st.session_state[LANG]  # a step of the link's history, as other changes are


def language_picker(where: object = st) -> str:
    """The language picker (in the title row, in every mode); a choice goes into the link as ``lang=``.

    Not bound to the link by Streamlit, which would write the name it shows (``lang=한국어``): the
    link holds the language's code. A change reruns the page in the new language and keeps the
    view: the other widgets keep their values (their keys do not change), and the link keeps its
    other parameters. Returns the language.
    """
    lang = page_language()
    label = translations(lang).gettext("Language")
    where.selectbox(label, LANGUAGES, format_func=LANGUAGE_NAMES.__getitem__, key=LANG, on_change=_language_chosen,
                    placeholder=label, label_visibility="collapsed")
    return lang


def html_language(lang: str) -> None:
    """Set the page's ``<html lang>`` to ``lang`` (screen readers and the browser's fonts follow it)."""
    tag = normalise(lang) or DEFAULT_LANGUAGE
    st.html(f'<script class="nk-lang">document.documentElement.lang = "{tag}";</script>', unsafe_allow_javascript=True)


def stylesheet(name: str) -> str:
    """One of the pages' stylesheets (``STYLES``), read at each run as the page is drawn."""
    return STYLES[name].read_text(encoding="utf-8")


def loaded() -> tuple[Dataset, Path, tuple]:
    """The dataset (with its folder and files' stamp), or the page stops with its problems."""
    data_dir = page_args().data
    static_ready()
    stamp = parquet_cache.files_stamp(data_dir)
    # A spinner of the page's own, not the cache's: the cache's words are fixed when the module is
    # imported, before any reader's language is known. It shows only when loading takes a while.
    with st.spinner(gettext()[0](LOADING)):
        dataset = cached_dataset(str(data_dir), stamp)
    if isinstance(dataset, DataError):
        error = dataset
        _ = gettext()[0]
        st.title(_("The dataset has problems"))
        # Plain text elements only: a folder or a value from the data never passes through Markdown.
        st.error(_("The dataset could not be loaded. Fix these problems and reload the page."))
        st.code(f"{data_dir}\n\n{error.report(limit=SETTINGS.problems_shown)}", language=None)
        st.stop()
    heap_frozen()
    return dataset, data_dir, stamp


def styled(*, presenting: bool = False) -> None:
    """The page's styles, and presenter mode's on top of them."""
    css = stylesheet("page") + (stylesheet("presenter") if presenting else "")
    st.html(f"<style>{css}</style>")
