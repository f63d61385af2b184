"""What the page derives from a loaded dataset and keeps beside it: each table named and typed,
with what it holds, its bound, and when it is dropped.

:func:`memo_of` keeps one :class:`DatasetMemo` per :class:`~geo.data.load.Dataset` object, and
drops it when the dataset goes: the dashboard keeps a dataset per version of the files
(``cached_dataset``), so a change to any file starts with an empty memo. The dataset is shared
by every reader's session, so a table is filled by whichever session asks first and must hold
only what does not depend on a session. The dataset itself stays data only.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    import numpy as np

Key = TypeVar("Key")
Value = TypeVar("Value")

PER_REPORT_LIMIT = 50_000
"""Most entries a per-report cache keeps (a few tens of MB at most) before it starts again."""


class BoundedCache(Generic[Key, Value]):
    """Values made once per key, at most ``limit`` of them: when full, the cache is emptied and
    fills again with what is asked for next (cheap, and safe under concurrent sessions)."""

    def __init__(self, limit: int = PER_REPORT_LIMIT):
        self.limit = limit
        self._values: dict[Key, Value] = {}

    def __len__(self) -> int:
        return len(self._values)

    def get_many(self, keys: Iterable[Key], make: Callable[[list[Key]], list[Value]]) -> list[Value]:
        """The value of each key, calling ``make`` once with every key not yet cached."""
        keys = list(keys)
        if len(self._values) >= self.limit:
            self._values = {}
        values = self._values  # a local reference: another session may start the cache again
        found = {key: values.get(key) for key in keys}
        missing = [key for key, value in found.items() if value is None]
        if missing:
            for key, value in zip(missing, make(missing), strict=True):
                found[key] = values[key] = value
        return [found[key] for key in keys]


@dataclass
class DatasetMemo:
    """What the page derives from a dataset and keeps for the dataset's life.

    Attributes
    ----------
    report_html
        Report position → the report's HTML in popups and cards. Bounded (``PER_REPORT_LIMIT``).
    table_rows
        Report position → the report's row in the table. Bounded (``PER_REPORT_LIMIT``).
    place_json
        Place id → the place's map record as JSON, in English. At most one per place.
    place_json_in
        Language → place id → the place's map record as JSON in that language (ko, zh, ja).
    report_html_in
        Language → report position → the report's popup HTML with its places and sectors named in
        that language (ko, zh, ja). Bounded per language, as ``report_html``.
    labels
        "sectors", "sources" or "places" → id → what a picker shows. Three entries.
    timeline
        The timeline's Vega-Lite spec without its shaded band; built once.
    newer_at_place
        Report position → how many reports at its place are newer (the map's step names a popup's
        report by it: :func:`geo.map.step.step_json`); one integer per report, built once.
    usual_styles
        Place rank → its mark's style code with every report (:func:`geo.map.step.usual_styles`).
    pair_index
        (origin, destination) place positions → the movement's row in ``codes.pair_places``.
    """

    report_html: BoundedCache[int, str] = field(default_factory=BoundedCache)
    table_rows: BoundedCache[int, tuple] = field(default_factory=BoundedCache)
    place_json: dict[str, str] = field(default_factory=dict)
    place_json_in: dict[str, dict[str, str]] = field(default_factory=dict)
    report_html_in: dict[str, BoundedCache[int, str]] = field(default_factory=dict)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    timeline: dict | None = None
    newer_at_place: np.ndarray | None = None
    usual_styles: dict[int, int] | None = None
    pair_index: dict[tuple[int, int], int] | None = None


_MEMOS: dict[int, DatasetMemo] = {}
"""``id(dataset)`` → its memo, for the datasets alive now (each entry goes with its dataset)."""


def memo_of(dataset: object) -> DatasetMemo:
    """The memo kept for ``dataset`` (made empty on first use, dropped when the dataset is).

    Parameters
    ----------
    dataset
        A loaded :class:`~geo.data.load.Dataset` (any object that can be weakly referenced).

    Returns
    -------
    DatasetMemo
        The same object for every call with the same dataset, in every session.
    """
    key = id(dataset)
    found = _MEMOS.get(key)
    if found is None:
        made = DatasetMemo()
        found = _MEMOS.setdefault(key, made)  # one wins when two sessions ask at once
        if found is made:
            weakref.finalize(dataset, _MEMOS.pop, key, None)
    return found
