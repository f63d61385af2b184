"""The map layer of a filter result (geo.map.layers): popups per place within their budget."""

from __future__ import annotations

import base64
import json

import pytest

from geo.data.load import Dataset, load_dataset
from geo.map import layers
from geo.query.filters import Filters
from geo.query.selection import build_view
from tests.conftest import write_dataset


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The tiny three-report dataset, loaded."""
    return load_dataset(write_dataset(tmp_path_factory.mktemp("tiny")))


def test_popups_hold_the_reports_of_their_place(tiny: Dataset) -> None:
    layer = layers.view_layer(tiny, build_view(tiny, Filters()))
    records = json.loads(layer.records_json)
    popups = {mark["place"]: "".join(mark["reports"]) for mark in records["marks"]}
    assert "Dozens of North Korean women" in popups["dandong"]
    assert "thirty restaurant staff" in popups["ningbo"] and "Dozens" not in popups["ningbo"]


def test_popups_shrink_with_many_places_and_then_point_to_the_table() -> None:
    from dataclasses import replace

    from geo.settings import SETTINGS

    small = replace(SETTINGS, popup_budget_bytes=10 * layers.REPORT_HTML_BYTES, popup_max_reports=6)
    assert layers.popup_reports_per_place(1, small) == 6
    assert layers.popup_reports_per_place(5, small) == 2
    assert layers.popup_reports_per_place(11, small) == 0  # not one report each: counts only


def test_a_step_sends_the_words_once_then_numbers(tiny: Dataset) -> None:
    """The first step carries the places' records and the popups' reports; the same view again
    carries only numbers, a few bytes per place, and the same marks."""
    view = build_view(tiny, Filters())
    sent = layers.Sent()
    text = layers.view_step(tiny, view, sent).records_json
    first = json.loads(text)
    assert layers.view_step(tiny, view, sent).records_json == text  # the same view: the same text, not drawn again
    sent.last = ()
    second = json.loads(layers.view_step(tiny, view, sent).records_json)
    assert first["base"] and not second["base"]
    assert {record["id"] for _, record, _usual in first["places"]} >= set(view.places["place_id"])
    assert any("Dozens of North Korean women" in html for html in first["html"].values())
    assert second["places"] == [] and second["html"] == {}
    assert second["marks"] == first["marks"] and second["popups"] == first["popups"]
    assert len(unpacked(second["marks"])) == len(view.places)
    numbers = sum(len(second[key]) for key in ("runs", "marks", "styles", "popups", "flows"))
    assert numbers <= 8 * len(view.places) + 8  # base64 pads each list: see the next test for many places


def unpacked(text: str) -> list[int]:
    """The numbers geo.map.step.packed wrote, read back by the format's own description (not its code)."""
    numbers, value, shift = [], 0, 0
    for byte in base64.b64decode(text):
        value |= (byte & 127) << shift
        shift += 7
        if byte < 128:
            numbers.append(value)
            value, shift = 0, 0
    return numbers


@pytest.mark.parametrize("numbers", [[], [0], [127, 128, 300], [16383, 16384, 2**31 + 5], list(range(0, 5000, 7))])
def test_packed_numbers_are_seven_bits_a_byte_in_base64(numbers: list[int]) -> None:
    from geo.map.step import packed

    assert unpacked(packed(numbers)) == numbers
    assert len(base64.b64decode(packed(numbers))) == sum(1 + (n > 127) + (n > 16383) + (n > 2**21 - 1)
                                                          + (n > 2**28 - 1) for n in numbers)


def test_packed_names_a_number_below_zero() -> None:
    from geo.map.step import packed

    with pytest.raises(ValueError, match="number 1 is -3"):
        packed([4, -3])


def test_zero_runs_shorten_runs_of_zeros() -> None:
    from geo.map.step import zero_runs

    assert zero_runs([0, 0, 0, 5, 0, 3]) == [0, 2, 5, 0, 0, 3]
    assert zero_runs([0] * 1000) == [0, 999]
    assert zero_runs([]) == []


def test_a_year_step_at_many_places_sends_about_two_bytes_a_place(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A step's numbers at 400 places with a report in each popup: runs, counts, styles and popups
    packed, not a list of decimal numbers (16 bytes a place before); a style only where it is not
    the place's usual one."""
    from geo.data.synth import synthesise

    dataset = load_dataset(synthesise(tmp_path_factory.mktemp("many") / "data", reports=4000, places=400, seed=3))
    sent = layers.Sent()
    first, last = dataset.years
    every = json.loads(layers.view_step(dataset, build_view(dataset, Filters(years=(first, last))), sent).records_json)
    assert every["styles"] == ""  # every mark has its place's usual style
    assert len(every["places"]) >= 390 and all(len(sent_place) == 3 for sent_place in every["places"])
    view = build_view(dataset, Filters(years=(first + 1, last)))
    step = json.loads(layers.view_step(dataset, view, sent).records_json)
    numbers = sum(len(step[key]) for key in ("runs", "marks", "styles", "popups"))
    assert numbers <= 4 * len(view.places)


def test_a_steps_movements_read_back_as_the_views(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Movements go by their row in the dataset's pairs, each pair's places sent once: read back as
    the page does, they are the view's movements, most reports first, then by origin and
    destination id."""
    from geo.data.synth import synthesise
    from geo.settings import SETTINGS

    dataset = load_dataset(synthesise(tmp_path_factory.mktemp("moves") / "data", reports=3000, places=80, seed=11))
    sent = layers.Sent()
    ids = {int(rank): place_id for place_id, rank in zip(dataset.places.index, dataset.codes.name_rank, strict=True)}
    ends: dict[int, tuple[int, int]] = {}
    first, last = dataset.years
    for years in [(first, last), (first + 2, last), (first + 2, last - 3)]:
        view = build_view(dataset, Filters(years=years))
        step = json.loads(layers.view_step(dataset, view, sent).records_json)
        pairs = step["pairs"]
        ends.update({pairs[i]: (pairs[i + 1], pairs[i + 2]) for i in range(0, len(pairs), 3)})
        numbers, pair, flows = unpacked(step["flows"]), -1, []
        for i in range(0, len(numbers), 2):
            pair += numbers[i] + 1
            flows.append((-(numbers[i + 1] // 2), pair, ids[ends[pair][0]], ids[ends[pair][1]],
                          "stated" if numbers[i + 1] % 2 else "inferred"))
        expected = view.flows.sort_values(["reports", "from_place_id", "to_place_id"], ascending=[False, True, True])
        expected = expected.head(SETTINGS.max_flows)
        assert len(expected) > 5
        assert [(a, b, -n, basis) for n, _pair, a, b, basis in sorted(flows)] == list(zip(
            expected["from_place_id"], expected["to_place_id"], expected["reports"], expected["basis"], strict=True))


def test_a_step_starts_afresh_for_another_dataset_or_when_the_map_asks(tiny: Dataset) -> None:
    view = build_view(tiny, Filters())
    sent = layers.Sent()
    layers.view_step(tiny, view, sent)
    assert json.loads(layers.view_step(tiny, view, sent, asked="lost-1").records_json)["base"]
    other = build_view(tiny, Filters(years=(tiny.years[1], tiny.years[1])))
    assert not json.loads(layers.view_step(tiny, other, sent, asked="lost-1").records_json)["base"]  # answered once
    sent.version = "another"
    assert json.loads(layers.view_step(tiny, view, sent, asked="lost-1").records_json)["base"]
