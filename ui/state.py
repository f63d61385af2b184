"""The map page's session state, typed and in one place: what it keeps, and how a widget's value is
asked for once the widget is drawn (the pending value and the rerun that applies it)."""

from __future__ import annotations

import time
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any, Literal

import streamlit as st
from streamlit.errors import StreamlitAPIException

from geo.data.load import Dataset
from geo.query.filters import FILTERS
from geo.reading import pickers

Years = tuple[int, int]

# Widget keys (each bound to the link by its widget).
YEARS, PLACE, PRESENT, PLAYING, PLAY_BUTTON = "years", "place", "present", "playing", "play_button"
PRESENT_WORDS = ("1", "yes", "on")
"""What a hand-written link may say for presenter mode besides the page's own ``present=true``."""
# The page's own keys: asked-for values, waiting for the next run to reach their widgets, and what
# the page remembers between runs.
PENDING_YEARS, PENDING_PLACE, CLEAR_FILTERS = "_pending_years", "_pending_place", "_clear_filters"
SEEN, HOLDING, STEPPED_AT = "_map_page_seen", "_holding", "_stepped_at"
LAST_CLICK, REPORT, CARD_MOVES = "_last_click", "_report", "_card_moves"
UNREAD_LINK = "_unread_link"
PAUSE_SEEN, LINK_RESEND = "_pause_seen", "_link_resend"
CLICKED_PLACE, FOCUS_GIVEN = "_clicked_place", "_focus_given"


def _session() -> MutableMapping[str, Any]:
    return st.session_state


@dataclass
class PageState:
    """The map page's state over ``st.session_state`` (or any mapping, in a test).

    A widget's value cannot be set once the widget is drawn in a run. So a request (years, a
    place, clearing the filters) is kept as a pending value and the page reruns; the next run
    hands it to the widget before drawing it (:meth:`apply_requests` at the top of the page,
    :meth:`start_years` at the top of the explorer, where the years slider is).
    """

    store: MutableMapping[str, Any] = field(default_factory=_session)

    # Requests, applied by the next run before the widgets are drawn.

    def request_years(self, years: Years) -> None:
        """Ask for ``years`` on the slider (kept as ints, as the slider holds them)."""
        start, end = years
        self.store[PENDING_YEARS] = (int(start), int(end))

    def request_place(self, place: str | None) -> None:
        """Ask for ``place`` in the place box (the page reruns whole: the box is above the explorer)."""
        self.store[PENDING_PLACE] = place

    def request_clear(self) -> None:
        """Ask for every filter back at its default."""
        self.store[CLEAR_FILTERS] = True

    def apply_requests(self, dataset: Dataset) -> None:
        """At the top of the page: clear the filters and set the place, if asked."""
        if self.store.pop(CLEAR_FILTERS, False):
            for spec in FILTERS:
                self.store[spec.key] = spec.empty(dataset.years)
        if PENDING_PLACE in self.store:
            self.store[PLACE] = self.store.pop(PENDING_PLACE)

    def start_years(self, bounds: Years, link: list[str]) -> Years:
        """At the top of the explorer: the years the slider starts at (asked for, kept, or the
        ``link``'s, put in order and within ``bounds``; never a default beside the slider)."""
        if PENDING_YEARS in self.store:
            self.store[YEARS] = self.store.pop(PENDING_YEARS)
        if YEARS not in self.store:
            self.store[YEARS] = pickers.years_from_link(link, bounds)
        return self.years

    @staticmethod
    def rerun(scope: Literal["app", "explorer"]) -> None:
        """Run the page again (``app``), or the explorer: only it during one of its own reruns, the
        whole page otherwise (a click handled in a full run cannot rerun just a fragment)."""
        if scope == "explorer":
            try:
                st.rerun(scope="fragment")
            except StreamlitAPIException:
                pass
        st.rerun(scope="app")

    # What the page keeps.

    @property
    def years(self) -> Years:
        start, end = self.store[YEARS]
        return int(start), int(end)

    @years.setter
    def years(self, years: Years) -> None:
        """Set the slider's years directly (only before the slider is drawn in this run)."""
        self.store[YEARS] = (int(years[0]), int(years[1]))

    def presenting(self, link: str = "") -> bool:
        """Presenter mode: the toggle's state, or the link's ``present`` on first load."""
        if PRESENT in self.store:
            return bool(self.store[PRESENT])
        return link.lower() in ("true", *PRESENT_WORDS)

    def open_presenting(self) -> None:
        """Presenter mode from a hand-written link (``present=1``) on first load: the toggle starts on."""
        self.store.setdefault(PRESENT, True)

    @property
    def playing(self) -> bool:
        return bool(self.store.get(PLAYING, False))

    @playing.setter
    def playing(self, value: bool) -> None:
        self.store[PLAYING] = value

    @property
    def play_clicked(self) -> bool:
        """Whether this run is the click on Play or Pause."""
        return bool(self.store.get(PLAY_BUTTON))

    def first_view(self, presenting: bool) -> bool:
        """Whether this is a new reader's first view of the map page (remembered from now on)."""
        holding = not presenting and SEEN not in self.store
        self.store[SEEN] = True
        return holding

    def first_view_drawn(self) -> bool:
        """In the explorer during the first view: whether it ran once already (the map has drawn,
        or the timer came), so the whole page may follow."""
        if self.store.pop(HOLDING, False):
            return True
        self.store[HOLDING] = True
        return False

    def unread_link(self, read: Callable[[], list[tuple[str, str]]]) -> list[tuple[str, str]]:
        """The link's values the page could not read: ``read()`` on the session's first run (the
        link as it came), remembered from then on."""
        if UNREAD_LINK not in self.store:
            self.store[UNREAD_LINK] = read()
        return self.store[UNREAD_LINK]

    def pause_asked(self, value: object, bounds: Years) -> Years | None:
        """The years the page's Pause asked to stop on through the map's ``value`` (pause.js sends
        the years on the screen as ``nk_pause``), within ``bounds``; None when there is no new
        request (each is taken once) or it is not two whole years."""
        asked = value.get("nk_pause") if isinstance(value, dict) else None
        if not isinstance(asked, dict) or asked.get("id") == self.store.get(PAUSE_SEEN):
            return None
        self.store[PAUSE_SEEN] = asked.get("id")
        years = asked.get("years")
        if not (isinstance(years, list) and len(years) == 2
                and all(isinstance(year, int) and not isinstance(year, bool) for year in years)):
            return None
        return pickers.years_in_order((years[0], years[1]), bounds)

    def pause(self, years: Years) -> None:
        """Stop Play on ``years``, and have the link written again once the slider holds them (a
        step begun as Pause came may have written the next year into the browser's link after the
        click left it, where Streamlit, holding the link as the click found it, would not rewrite it)."""
        self.playing = False
        self.request_years(years)
        self.store[LINK_RESEND] = True

    def take_link_resend(self) -> bool:
        """Whether the link is to be written again in this run (asked for by :meth:`pause`)."""
        return bool(self.store.pop(LINK_RESEND, False))

    def stepped(self) -> None:
        """Play moved to a year just now."""
        self.store[STEPPED_AT] = time.monotonic()

    def since_step(self) -> float:
        """Seconds since Play last moved a year."""
        return time.monotonic() - self.store.get(STEPPED_AT, 0.0)

    def clicked(self, place: str | None, focused: str | None) -> bool:
        """A click on the mark of ``place``: ask for it in the place box if it is a new click on
        another place than the ``focused`` one. Returns whether it did."""
        if not place or place == focused or place == self.store.get(LAST_CLICK):
            return False
        self.store[LAST_CLICK] = self.store[CLICKED_PLACE] = place
        self.request_place(place)
        return True

    def map_focus(self, place: str | None, focus: tuple[list[float], int]) -> tuple[list[float], int]:
        """The centre and zoom to give the map for ``place``, whose own are ``focus``
        (:func:`geo.reading.pickers.focus`). A place chosen by a click on its mark keeps the reader's
        view: the mark is in sight, and zooming onto it put its neighbours under the zoom buttons on a
        phone, where the next tap zoomed the map instead of opening them. A place chosen in the place
        box or by a link is brought into view. The map moves only when what it is given changes."""
        if place and place == self.store.get(CLICKED_PLACE) and FOCUS_GIVEN in self.store:
            return self.store[FOCUS_GIVEN]
        self.store.pop(CLICKED_PLACE, None)
        self.store[FOCUS_GIVEN] = focus
        return focus

    @property
    def report(self) -> str | None:
        """The report the card shows (the table's first until one is chosen)."""
        return self.store.get(REPORT)

    @report.setter
    def report(self, report: str) -> None:
        self.store[REPORT] = report

    @property
    def card_moves(self) -> int:
        """How often Previous, Next or a number moved the card (part of the table's key)."""
        return int(self.store.get(CARD_MOVES, 0))

    def move_card(self, report: str) -> None:
        """Show ``report`` in the card, and the table's tick with it."""
        self.report = report
        self.store[CARD_MOVES] = self.card_moves + 1

    def filter_values(self) -> dict[str, Any]:
        """What each filter's widget holds, by its key."""
        return {spec.key: self.store.get(spec.key) for spec in FILTERS}
