"""The Parquet cache gives the same dataset as a fresh load, and never outlives a change."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from geo.cache import cache_key, load_cached
from geo.errors import DataError
from geo.load import load_dataset
from tests.conftest import tiny_copy, write_dataset


def test_a_cached_load_equals_a_fresh_one(tiny_dir: Path, tmp_path: Path) -> None:
    fresh = load_dataset(tiny_dir)
    load_cached(tiny_dir, tmp_path / "cache")
    cached = load_cached(tiny_dir, tmp_path / "cache")
    assert (tmp_path / "cache" / cache_key(tiny_dir) / "done").is_file()
    pd.testing.assert_frame_equal(cached.reports, fresh.reports, check_dtype=False, check_categorical=False,
                                  check_like=True)  # same columns and values; order may differ
    assert cached.version == fresh.version and list(cached.sectors.index) == list(fresh.sectors.index)


def test_editing_a_file_changes_the_key(tiny_dir: Path, tmp_path: Path) -> None:
    before = cache_key(tiny_dir)
    seed = tiny_dir / "seeds" / "a.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "More text.\n", encoding="utf-8")
    assert cache_key(tiny_dir) != before


def test_a_broken_dataset_is_never_cached(tmp_path: Path) -> None:
    tables = tiny_copy()
    tables["reports"][0]["quote"] = "Words that are in no seed."
    folder = write_dataset(tmp_path / "broken", tables)
    for _ in range(2):
        with pytest.raises(DataError):
            load_cached(folder, tmp_path / "cache")
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").iterdir())
