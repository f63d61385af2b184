"""Tests for geo.reading.pickers: labels, focus, years from a link, the presenter's year steps."""

from __future__ import annotations

import pytest

from geo.data.load import Dataset, load_dataset
from geo.query.filters import Filters
from geo.reading import pickers
from geo.settings import SETTINGS
from tests.conftest import write_dataset


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The tiny three-report dataset, loaded."""
    return load_dataset(write_dataset(tmp_path_factory.mktemp("tiny")))


@pytest.mark.parametrize(("current", "direction", "expected"), [
    ((2012, 2012), +1, (2013, 2013)),
    ((2012, 2012), -1, (2011, 2011)),
    ((2025, 2025), +1, (2025, 2025)),   # stays at the last year
    ((2010, 2010), -1, (2010, 2010)),   # stays at the first year
    ((2012, 2019), +1, (2012, 2012)),   # a wide range starts the story at its first year
    ((2012, 2019), -1, (2019, 2019)),   # or, going back, at its last
])
def test_step_years(current, direction, expected) -> None:
    assert pickers.step_years(current, (2010, 2025), direction) == expected


@pytest.mark.parametrize(("tooltip", "expected"), [
    ('<span data-place="dandong"><b>Dandong</b></span>', "dandong"),
    ("Dandong · 3 reports place=dandong", "dandong"),  # the text a click returns
    ("Jilin Province (province-level) · 1 report place=jilin-province", "jilin-province"),
    ("<b>no id</b>", None),
    (None, None),
    ('<span data-place="Bad Id!">', None),
])
def test_place_from_tooltip(tooltip, expected) -> None:
    assert pickers.place_from_tooltip(tooltip) == expected


def test_focus_zooms_less_for_areas(tiny: Dataset) -> None:
    city_centre, city_zoom = pickers.focus(tiny, "dandong")
    _, province_zoom = pickers.focus(tiny, "jilin-province")
    assert city_centre == [40.1292, 124.3947]
    assert province_zoom < city_zoom
    assert pickers.focus(tiny, "nowhere") == pickers.focus(tiny, None) == (list(SETTINGS.map_center), SETTINGS.map_zoom)


@pytest.mark.parametrize(("values", "expected"), [
    (["2013", "2019"], (2013, 2019)),
    (["2019", "2013"], (2013, 2019)),
    (["2000", "2013"], (2010, 2013)),
    (["2019", "2030"], (2019, 2025)),
    (["2030", "2040"], (2010, 2025)),
    (["2019"], (2010, 2025)),
    (["abc", "2019"], (2010, 2025)),
    ([], (2010, 2025)),
])
def test_years_from_a_link_are_ordered_and_kept_within_the_data(values, expected) -> None:
    assert pickers.years_from_link(values, (2010, 2025)) == expected


@pytest.mark.parametrize(("years", "expected"), [
    ((2013, 2019), (2013, 2019)),
    ((2019, 2013), (2013, 2019)),
    ([2000, 2013], (2010, 2013)),
    ((2030, 2040), (2010, 2025)),
])
def test_a_sliders_years_are_put_in_order_as_ints_without_the_link_parser(years, expected) -> None:
    ordered = pickers.years_in_order(years, (2010, 2025))
    assert ordered == expected
    assert all(type(year) is int for year in ordered)


def test_the_map_heights_are_the_settings() -> None:
    assert pickers.map_height(False) == SETTINGS.map_height
    assert pickers.map_height(True) == SETTINGS.presenter_map_height




def test_a_link_is_read_by_label_as_its_widgets_read_it(tiny) -> None:
    dataset = tiny
    sectors = pickers.filter_options(dataset)["sectors"]
    link = {"sector": [sectors["garments"], "nope", sectors["garments"]], "role": ["Origin"],
            "q": ["first", " waitress "], "abroad": ["True"], "unknown": ["x"]}

    found = pickers.filters_from_link(dataset, link, (2013, 2019))

    assert found == Filters(years=(2013, 2019), sectors=("garments",), roles=("origin",), text="waitress",
                            abroad=True)
    assert pickers.filters_from_link(dataset, {"q": [""], "abroad": ["yes"]}, (2013, 2019)) == \
        Filters(years=(2013, 2019))
    assert pickers.place_from_link(dataset, ["Ningbo", "Dandong"]) == "dandong"
    assert pickers.place_from_link(dataset, ["<img>"]) is None and pickers.place_from_link(dataset, []) is None


def test_a_chips_link_leaves_out_only_its_own_parameter() -> None:
    from geo.reading.pickers import link_without

    params = {"years": ["2017", "2019"], "sector": ["Restaurants & hotels"], "q": ["<b>&"]}
    assert link_without(params, "sector") == "?years=2017&years=2019&q=%3Cb%3E%26"
    assert link_without(params, "years") == "?sector=Restaurants+%26+hotels&q=%3Cb%3E%26"
    assert link_without({"years": ["2017", "2019"]}, "years") == "?"


def test_a_links_unreadable_values_are_named_and_the_rest_is_read(tiny) -> None:
    params = {"sector": ["nonsense", "Garments"], "years": ["abc"], "role": ["Event"], "abroad": ["maybe"],
              "place": ["Atlantis"], "present": ["true"], "q": ["waitress"], "lang": ["xx"]}
    assert pickers.unread_link_values(tiny, params) == [
        ("years", "abc"), ("sector", "nonsense"), ("abroad", "maybe"), ("place", "Atlantis")]
    read = pickers.filters_from_link(tiny, params, pickers.years_from_link(params["years"], tiny.years))
    assert read.sectors == ("garments",) and read.roles == ("event",) and read.text == "waitress"
    assert pickers.unread_link_values(tiny, {"years": ["2016", "2019"], "sector": ["Garments"]}) == []
    assert pickers.unread_link_values(tiny, {"years": ["2016"]}) == [("years", "2016")]


def test_a_link_made_in_another_language_is_read_and_not_called_unread() -> None:
    """The page reads a sector or a place by its label in any language; its note must not say it left them out."""
    tiny = load_dataset(SETTINGS.data_dir)
    sector = pickers.labels(tiny, "sectors", "ko")["garments"]
    place_id, place = next((key, label) for key, label in pickers.labels(tiny, "places", "ja").items()
                           if label != tiny.places.at[key, "name"])
    params = {"sector": [sector], "place": [place]}
    assert sector != "Garments"
    assert pickers.filters_from_link(tiny, params, tiny.years).sectors == ("garments",)
    assert pickers.place_from_link(tiny, [place]) == place_id
    assert pickers.unread_link_values(tiny, params) == []
    assert pickers.unread_link_values(tiny, {"sector": [sector + "x"]}) == [("sector", sector + "x")]
