"""Find a report's quote in its seed document, ignoring differences in whitespace only."""

from __future__ import annotations

import re
from pathlib import Path

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Collapse every run of whitespace to one space and trim the ends."""
    return _SPACE.sub(" ", text).strip()


def read_seeds(seeds_dir: Path, names: list[str]) -> dict[str, str]:
    """Read the named seed files that exist, as text (unreadable bytes replaced)."""
    seeds = {}
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

    def contains(self, seed_file: str, quote: str) -> bool:
        """Whether ``quote`` stands in ``seed_file`` word for word (whitespace aside)."""
        text = self.normalised.get(seed_file)
        needle = normalise(quote)
        return bool(needle) and text is not None and needle in text

    def where(self, quote: str) -> list[str]:
        """The seed files that do contain ``quote``."""
        needle = normalise(quote)
        return [name for name, text in self.normalised.items() if needle and needle in text]

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
