"""Presenter mode's years: the big years line, Previous, Play or Pause, and Next, one year at a time."""

from __future__ import annotations

import streamlit as st

from geo.reading import pickers
from geo.settings import SETTINGS
from ui.shared import gettext, page_language
from ui.state import PageState, Years


def years_row(state: PageState, bounds: Years) -> Years:
    """The presenter's controls above the map, and the slider under them. Returns the years shown."""
    paused = state.pause_asked(st.session_state.get("map"), bounds)
    if paused is not None and state.playing:
        # Pause, clicked while Play ran, with the years the big years line showed then (pause.js
        # sends them in the map's value): a step may have begun since, and stops on them all the same.
        state.pause(paused)
        state.rerun("app")  # the page stops the explorer's timer
    play_step(state, bounds)
    top = st.columns([3, 2, 2, 2], vertical_alignment="center")
    controls(state, top[1:], state.years, bounds)
    years = st.slider(gettext()[0]("Years"), min_value=bounds[0], max_value=bounds[1], key="years",
                      bind="query-params", label_visibility="collapsed")
    if state.take_link_resend():
        st.query_params.update()  # the link as the page holds it now (the slider's years): see PageState.pause
    # The big years go into their column after the slider (Back sets the slider from the link), and
    # straight in: a placeholder would be emptied as each run starts, leaving the presenter no year
    # on the screen while a step runs. Its data-nk-years are what a click on Pause sends (pause.js).
    # While Play runs the page says so (history.js then keeps one entry for the whole run).
    top[0].html(f'<p class="nk-bigyears" aria-live="polite" data-nk-years="{int(years[0])}-{int(years[1])}"'
                f'{" data-nk-playing" if state.playing else ""}>'
                f'{pickers.year_label(tuple(years), page_language())}</p>')
    return tuple(years)


def controls(state: PageState, slots: list, current: Years, bounds: Years) -> None:
    """Year stepping for a presenter: previous, play or pause, and next, one year at a time."""
    back, play, forward = slots
    _ = gettext()[0]
    single = current[0] == current[1]
    if back.button(_("◀ Previous year"), width="stretch", disabled=single and current[0] <= bounds[0]):
        state.request_years(pickers.step_years(current, bounds, -1))
        state.rerun("explorer")
    playing = state.playing
    if play.button(_("❚❚ Pause") if playing else _("▶ Play the years"), width="stretch", key="play_button"):
        if playing:
            # Only without pause.js (it sends the years on the screen through the map instead):
            # ``current`` is the slider's year as the browser held it when Pause was clicked.
            state.pause(current)
        else:
            state.playing = True
            # Carry on from a single year (after a Pause, or a link's year); start over from a range
            # or from the last year.
            start = current[0] if single and current[0] < bounds[1] else bounds[0]
            state.request_years((start, start))
            state.stepped()
        state.rerun("app")  # the page starts or stops the explorer's timer
    if forward.button(_("Next year ▶"), width="stretch", disabled=single and current[1] >= bounds[1]):
        state.request_years(pickers.step_years(current, bounds, +1))
        state.rerun("explorer")


def play_step(state: PageState, bounds: Years) -> None:
    """While Play runs, show the next year once the current one has shown for most of
    ``SETTINGS.play_seconds`` (a rerun for any other reason does not advance it), and stop at the last."""
    if not state.playing or state.play_clicked:
        return  # not playing, or this run is the click on Pause: it must not step on
    if state.since_step() < SETTINGS.play_seconds * 0.8:
        return
    current = state.years
    if current[1] >= bounds[1]:
        state.playing = False
        state.rerun("app")  # stops the timer
    state.years = pickers.step_years(current, bounds, +1)
    state.stepped()
