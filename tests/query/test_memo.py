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


def test_the_memo_is_kept_beside_a_dataset_not_on_it_and_goes_with_it(tiny_dir) -> None:
    """A loaded dataset is data only; the page's memo tables are kept here, one per dataset."""
    import gc
    from dataclasses import fields

    from geo.data.load import Dataset, load_dataset
    from geo.query import memo

    assert "caches" not in {f.name for f in fields(Dataset)}
    dataset = load_dataset(tiny_dir)
    other = load_dataset(tiny_dir)
    first = memo.memo_of(dataset)
    assert memo.memo_of(dataset) is first and memo.memo_of(other) is not first
    first.labels["sectors"] = {"x": "y"}
    assert memo.memo_of(other).labels == {}
    kept = len(memo._MEMOS)
    del dataset, first
    gc.collect()
    assert len(memo._MEMOS) == kept - 1
