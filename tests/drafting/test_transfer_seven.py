"""Rules meant to carry over to articles the drafter has never seen (issue 23, seventh round).

Each test is built on a sentence written for it: figures given as "N of its own laborers", "putting their number at",
"in groups of N to M".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.drafting.numbers import figures_in
from tests.drafting import drafts


@pytest.fixture
def data(real_copy: Path) -> Path:
    """A copy of the real dataset with its seeds inside it."""
    return real_copy


def names(text: str, data: Path, published: str = "2024-05-20") -> list[str]:
    """The place of each candidate drafted from ``text``."""
    return [name for name, _ in drafts.drafted(text, data, published)]


def bounds(sentence: str) -> list[tuple[int | None, int | None, str]]:
    """Each figure of ``sentence`` as (low, high, kind)."""
    return [(f.low, f.high, f.kind) for f in figures_in(sentence)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("A Chinese builder has kept between 40 and 60 of its own North Korean laborers at the site since 2019.",
     [(40, 60, "estimate")]),
    ("The firm brought 250 of its own workers to the dam.", [(250, 250, "count")]),
])
def test_a_number_of_its_own_workers_is_a_figure(sentence: str, expected: list) -> None:
    assert bounds(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("North Korean loggers keep arriving in the region, officials said, putting their number at about 3,000 or more.",
     [(3000, None, "estimate")]),
    ("Local officials put their number at 1,200 last spring.", [(1200, 1200, "count")]),
])
def test_putting_their_number_at_a_figure_is_a_figure(sentence: str, expected: list) -> None:
    assert bounds(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The women are driven to the plants in groups of 20 to 25.", [(20, 25, "per_group")]),
    ("They arrived in three groups of 40, a broker said.", [(40, 40, "per_group")]),
    ("The company sends its cooks in batches of between 10 and 12.", [(10, 12, "per_group")]),
])
def test_groups_of_a_number_are_the_size_of_each_group(sentence: str, expected: list) -> None:
    assert bounds(sentence) == expected
