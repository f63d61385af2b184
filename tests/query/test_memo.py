"""Tests for geo.query.memo: bounded, typed caches of a dataset."""

from __future__ import annotations

from geo.query.memo import BoundedCache


def test_a_bounded_cache_makes_each_value_once_and_starts_again_when_full() -> None:
    made: list[list[int]] = []

    def make(keys: list[int]) -> list[str]:
        made.append(keys)
        return [f"v{key}" for key in keys]

    cache: BoundedCache[int, str] = BoundedCache(limit=3)
    assert cache.get_many([1, 2], make) == ["v1", "v2"]
    assert cache.get_many([2, 3], make) == ["v2", "v3"]
    assert made == [[1, 2], [3]]
    assert len(cache) == 3
    assert cache.get_many([4], make) == ["v4"]  # full: emptied, then filled again
    assert len(cache) == 1
