"""Tests for geo.data.quotes: finding quotes in seeds, one at a time and many at once."""

from __future__ import annotations

import pytest

from geo.data.quotes import SeedIndex

SEEDS = {
    "a.txt": "Workers  from Pyongyang\nwere sent to Jilin Province. Dozens work in Dandong.",
    "b.txt": "Dozens work in Dandong. Others went to Hunchun.",
}
QUOTES = [
    "Workers from Pyongyang were sent",  # whitespace differs from the seed
    "sent to Jilin Province. Dozens",  # overlaps the next quote
    "Dozens work in Dandong.",  # in both seeds
    "Others went to Hunchun.",
    "Nobody went to Ningbo.",  # in neither
    "",
]


@pytest.mark.parametrize("batch", [False, True], ids=["one at a time", "located at once"])
def test_contains_and_where_agree_whether_quotes_are_located_at_once_or_not(batch: bool) -> None:
    seeds = SeedIndex(dict(SEEDS))
    if batch:
        seeds.locate(QUOTES)
    assert [seeds.contains("a.txt", q) for q in QUOTES] == [True, True, True, False, False, False]
    assert [seeds.contains("b.txt", q) for q in QUOTES] == [False, False, True, True, False, False]
    assert seeds.where("Dozens work in Dandong.") == ["a.txt", "b.txt"]
    assert seeds.where("Nobody went to Ningbo.") == []
    assert not seeds.contains("missing.txt", QUOTES[2])


def test_release_forgets_what_was_found() -> None:
    seeds = SeedIndex(dict(SEEDS))
    seeds.locate(QUOTES)
    seeds.release()
    assert seeds._found == {}
    assert seeds.contains("b.txt", "Others went to Hunchun.")


def test_quotes_located_in_small_batches_give_the_same_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Memory: the automaton is built a batch of quotes at a time; every batch size answers alike."""
    import ahocorasick

    from geo.data import quotes

    built: list[int] = []
    real = ahocorasick.Automaton

    class Counted:
        """An automaton that records how many quotes it was built with."""

        def __init__(self) -> None:
            self.automaton = real()

        def add_word(self, key: str, value: str) -> bool:
            return self.automaton.add_word(key, value)

        def make_automaton(self) -> None:
            built.append(len(self.automaton))
            self.automaton.make_automaton()

        def iter(self, text: str):  # noqa: ANN202 - the automaton's own iterator
            return self.automaton.iter(text)

    monkeypatch.setattr(quotes.ahocorasick, "Automaton", Counted)
    monkeypatch.setattr(quotes, "LOCATE_BATCH_CHARS", 40)  # about one quote per batch
    seeds = SeedIndex(dict(SEEDS))
    seeds.locate(QUOTES)
    assert len(built) == 3 and max(built) <= 2  # five quotes of 22 to 31 characters
    assert [seeds.contains("a.txt", q) for q in QUOTES] == [True, True, True, False, False, False]
    assert [seeds.contains("b.txt", q) for q in QUOTES] == [False, False, True, True, False, False]
    assert seeds.where("Dozens work in Dandong.") == ["a.txt", "b.txt"]
