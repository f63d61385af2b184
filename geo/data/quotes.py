"""Find a report's quote in its seed document, ignoring differences in whitespace only."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import ahocorasick

_SPACE = re.compile(r"\s+")

LOCATE_BATCH_CHARS = 500_000
"""Characters of quotes one Aho-Corasick automaton holds in :meth:`SeedIndex.locate`."""


def normalise(text: str) -> str:
    """Collapse every run of whitespace to one space and trim the ends."""
    return _SPACE.sub(" ", text).strip()


def read_seeds(seeds_dir: Path, names: list[str]) -> dict[str, str]:
    """Read the named seed files that exist, as text (unreadable bytes replaced)."""
    seeds: dict[str, str] = {}
    if seeds_dir.is_symlink():
        return seeds  # refused by the validation (see geo.data.load.seeds_outside)
    folder = seeds_dir.resolve()
    for name in names:
        path = seeds_dir / name
        if name and path.is_file() and path.resolve().parent == folder:
            seeds[name] = path.read_bytes().decode("utf-8", errors="replace")
    return seeds


class SeedIndex:
    """Seed texts, normalised once, for fast verbatim look-ups of many quotes."""

    def __init__(self, seeds: dict[str, str]):
        self.raw = seeds
        self.normalised = {name: normalise(text) for name, text in seeds.items()}
        self._found: dict[str, set[str]] = {}

    def locate(self, quotes: Iterable[str]) -> None:
        """Find many quotes at once: one pass over each seed, whatever the number of quotes.

        An Aho-Corasick automaton of the distinct quotes reads each seed once and reports every
        quote it meets, so checking 100,000 quotes costs about as much as reading the seeds. The
        automaton takes about 32 bytes per character of its quotes, so it is built for
        :data:`LOCATE_BATCH_CHARS` characters of quotes at a time (84 MB for the 40,000 distinct
        quotes of the 500,000-report benchmark dataset in one piece, 16 MB per batch).
        :meth:`contains` and :meth:`where` then answer for these quotes from what was found.
        """
        needles = {normalise(quote) for quote in quotes} - {""} - set(self._found)
        batch: list[str] = []
        size = 0
        for needle in needles:
            batch.append(needle)
            size += len(needle)
            if size >= LOCATE_BATCH_CHARS:
                self._locate_batch(batch)
                batch, size = [], 0
        if batch:
            self._locate_batch(batch)

    def _locate_batch(self, needles: list[str]) -> None:
        """One automaton over ``needles``, and one pass over the seeds."""
        automaton = ahocorasick.Automaton()
        for needle in needles:
            automaton.add_word(needle, needle)
        automaton.make_automaton()
        found: dict[str, set[str]] = {needle: set() for needle in needles}
        for name, text in self.normalised.items():
            for _end, needle in automaton.iter(text):
                found[needle].add(name)
        self._found.update(found)

    def release(self) -> None:
        """Forget the quotes found so far (a loaded dataset keeps its index for highlighting only)."""
        self._found = {}

    def _seeds_with(self, needle: str) -> set[str]:
        if needle not in self._found:
            self._found[needle] = {name for name, text in self.normalised.items() if needle in text}
        return self._found[needle]

    def contains(self, seed_file: str, quote: str) -> bool:
        """Whether ``quote`` stands in ``seed_file`` word for word (whitespace aside)."""
        needle = normalise(quote)
        return bool(needle) and seed_file in self.normalised and seed_file in self._seeds_with(needle)

    def where(self, quote: str) -> list[str]:
        """The seed files that do contain ``quote``."""
        needle = normalise(quote)
        return sorted(self._seeds_with(needle)) if needle else []

    def span(self, seed_file: str, quote: str) -> tuple[int, int] | None:
        """Start and end offsets of ``quote`` in the raw seed text, or ``None``.

        Whitespace in the quote matches any run of whitespace in the seed.
        """
        text = self.raw.get(seed_file)
        words = normalise(quote).split(" ")
        if text is None or not words or words == [""]:
            return None
        pattern = r"\s+".join(re.escape(word) for word in words)
        match = re.search(pattern, text)
        return (match.start(), match.end()) if match else None
