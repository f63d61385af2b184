"""ui.state: the map page's requests reach their widgets at the next run, years stay ints, and a
click on a mark asks for its place once."""

from __future__ import annotations

import pytest

from geo.data.load import Dataset, load_dataset
from geo.query.filters import FILTERS
from ui.state import PageState


@pytest.fixture
def tiny(tiny_dir) -> Dataset:
    return load_dataset(tiny_dir)


def test_years_asked_for_reach_the_slider_at_the_next_run_as_ints() -> None:
    store: dict = {"years": (2010, 2020)}
    state = PageState(store)
    state.request_years(("2013", 2015.0))
    assert store["years"] == (2010, 2020)  # not before the next run: the slider is drawn
    assert state.start_years((2010, 2025), ["2019", "2018"]) == (2013, 2015)
    assert all(type(year) is int for year in store["years"])
    assert "_pending_years" not in store


def test_without_years_the_slider_starts_at_the_links_in_order() -> None:
    state = PageState({})
    assert state.start_years((2010, 2025), ["2019", "2013"]) == (2013, 2019)
    assert PageState({}).start_years((2010, 2025), ["abc"]) == (2010, 2025)


def test_clearing_and_a_place_are_applied_before_the_widgets(tiny: Dataset) -> None:
    store: dict = {spec.key: "something" for spec in FILTERS}
    state = PageState(store)
    state.request_clear()
    state.request_place("dandong")
    state.apply_requests(tiny)
    assert {spec.key: store[spec.key] for spec in FILTERS} == {spec.key: spec.empty(tiny.years) for spec in FILTERS}
    assert store["place"] == "dandong"
    assert "_clear_filters" not in store and "_pending_place" not in store
    before = dict(store)
    state.apply_requests(tiny)  # nothing asked: nothing changes
    assert store == before


def test_a_click_on_a_mark_asks_for_its_place_once() -> None:
    store: dict = {}
    state = PageState(store)
    assert not state.clicked(None, None)
    assert not state.clicked("dandong", "dandong")  # the focused place already
    assert state.clicked("dandong", None)
    assert store["_pending_place"] == "dandong"
    assert not state.clicked("dandong", None)  # the same click, reported again by the map


def test_a_place_chosen_by_a_click_keeps_the_maps_view_and_one_chosen_otherwise_is_focused() -> None:
    state = PageState({})
    home, hunchun, dandong = ([41.0, 125.0], 5), ([42.87, 130.36], 8), ([40.12, 124.38], 8)
    assert state.map_focus(None, home) == home
    assert state.clicked("dandong", None)
    assert state.map_focus("dandong", dandong) == home  # the mark was in sight: the map stays
    assert state.map_focus("hunchun", hunchun) == hunchun  # chosen in the place box: brought into view
    assert state.map_focus("dandong", dandong) == dandong  # then Dandong from the box or a link
    assert state.map_focus(None, home) == home


def test_the_first_view_is_held_once_and_never_in_presenter_mode() -> None:
    state = PageState({})
    assert state.first_view(presenting=False)
    assert not state.first_view(presenting=False)
    assert not PageState({}).first_view(presenting=True)
    held = PageState({})
    assert not held.first_view_drawn()  # the explorer's first run: the map has not drawn yet
    assert held.first_view_drawn()


def test_presenter_mode_comes_from_the_toggle_or_else_the_link() -> None:
    assert PageState({}).presenting("true") and PageState({}).presenting("1")
    assert not PageState({}).presenting("maybe")
    assert not PageState({"present": False}).presenting("true")


def test_moving_the_card_changes_the_tables_key() -> None:
    state = PageState({})
    assert state.report is None and state.card_moves == 0
    state.move_card("r2")
    assert state.report == "r2" and state.card_moves == 1


def test_pause_from_the_page_is_taken_once_within_the_data_and_only_as_two_years() -> None:
    """pause.js sends the years on the screen in the map's value: each request is taken once,
    put in order within the data, and anything but two whole years is refused."""
    state = PageState(store={})
    bounds = (2010, 2025)
    asked = {"drawn": True, "nk_pause": {"years": [2014, 2014], "id": "a"}}
    assert state.pause_asked(asked, bounds) == (2014, 2014)
    assert state.pause_asked(asked, bounds) is None, "the same request again is not a new Pause"
    assert state.pause_asked({"nk_pause": {"years": [2030, 2019], "id": "b"}}, bounds) == (2019, 2025)
    for years in ([2014], ["2014", "2014"], [2014.5, 2015], [True, False], "2014-2014", None):
        assert state.pause_asked({"nk_pause": {"years": years, "id": repr(years)}}, bounds) is None, years
    assert state.pause_asked(None, bounds) is None
    assert state.pause_asked({"nk_pause": "2014"}, bounds) is None


def test_pause_stops_play_on_its_years_and_asks_for_the_link_once() -> None:
    state = PageState(store={})
    state.playing = True
    state.pause((2016, 2016))
    assert not state.playing
    assert state.start_years((2010, 2025), []) == (2016, 2016)
    assert state.take_link_resend() is True
    assert state.take_link_resend() is False
