"""The Parquet cache gives the same dataset as a fresh load, and never outlives a change."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from geo.data.load import load_dataset
from geo.data.parquet_cache import cache_key, files_stamp, load_cached
from geo.errors import DataError
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


def edit_cached(folder: Path, table: str, edit, *, update_digest: bool) -> None:
    """Change a cached table as someone with access to the cache folder could."""
    import json

    from geo.data.parquet_cache import _digest

    frame = pd.read_parquet(folder / f"{table}.parquet")
    edit(frame)
    frame.to_parquet(folder / f"{table}.parquet")
    if update_digest:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        meta["sha256"][table] = _digest(folder / f"{table}.parquet")
        (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")


EDITS = {
    "label": ("sectors", lambda f: f.__setitem__("label", "Edited label")),
    "quote": ("reports", lambda f: f.__setitem__("quote", "Words that stand in no seed.")),
    "colour": ("sectors", lambda f: f.__setitem__("colour", "#fff;background-image:url(http://127.0.0.1:9/x.png)")),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_an_edited_cache_file_is_rebuilt_not_trusted(tiny_dir: Path, tmp_path: Path, edit: str) -> None:
    cache = tmp_path / "cache"
    load_cached(tiny_dir, cache)
    table, change = EDITS[edit]
    edit_cached(cache / cache_key(tiny_dir), table, change, update_digest=False)
    dataset = load_cached(tiny_dir, cache)
    fresh = load_dataset(tiny_dir)
    assert list(dataset.sectors["label"]) == list(fresh.sectors["label"])
    assert list(dataset.sectors["colour"]) == list(fresh.sectors["colour"])
    assert sorted(dataset.reports["quote"]) == sorted(fresh.reports["quote"])


@pytest.mark.parametrize("edit", ["quote", "colour"])
def test_what_the_page_shows_is_checked_again_even_with_matching_digests(tiny_dir: Path, tmp_path: Path,
                                                                         edit: str) -> None:
    cache = tmp_path / "cache"
    load_cached(tiny_dir, cache)
    table, change = EDITS[edit]
    edit_cached(cache / cache_key(tiny_dir), table, change, update_digest=True)
    dataset = load_cached(tiny_dir, cache)
    assert "Words that stand in no seed." not in set(dataset.reports["quote"])
    assert all(colour.startswith("#") and len(colour) == 7 for colour in dataset.sectors["colour"])


def test_a_cache_folder_others_can_write_is_not_used(tiny_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "shared-cache"
    cache.mkdir(mode=0o777)
    cache.chmod(0o777)
    load_cached(tiny_dir, cache)
    assert list(cache.iterdir()) == []


def test_the_cache_keeps_only_the_newest_versions(tmp_path: Path) -> None:
    from geo.data.parquet_cache import store

    cache = tmp_path / "cache"
    folder = write_dataset(tmp_path / "data")
    for number in range(6):
        seed = folder / "seeds" / "a.txt"
        seed.write_text(seed.read_text(encoding="utf-8") + f"Edit {number}.\n", encoding="utf-8")
        store(load_dataset(folder), cache, keep=4)
    kept = [path for path in cache.iterdir() if not path.name.startswith(".")]
    assert len(kept) == 4
    assert cache_key(folder) in {path.name for path in kept}
    assert oct(cache.stat().st_mode & 0o777) == "0o700"


def test_the_files_stamp_sees_every_change_to_the_tables_and_seeds(tiny_dir: Path) -> None:
    """The running dashboard reloads when its stamp changes: an edit must always change it."""
    import os
    import time

    stamps = [files_stamp(tiny_dir)]
    sectors = tiny_dir / "sectors.csv"
    before = sectors.stat()
    time.sleep(0.01)
    sectors.write_bytes(sectors.read_bytes().replace(b"Garments", b"Garmentz"))  # same size
    os.utime(sectors, ns=(before.st_atime_ns, before.st_mtime_ns))  # modification time put back
    stamps.append(files_stamp(tiny_dir))
    time.sleep(0.01)
    seed = tiny_dir / "seeds" / "a.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "More text.\n", encoding="utf-8")
    stamps.append(files_stamp(tiny_dir))
    (tiny_dir / "seeds" / "b.txt").write_text("A new seed.\n", encoding="utf-8")
    stamps.append(files_stamp(tiny_dir))
    assert len(set(stamps)) == len(stamps)
    assert files_stamp(tiny_dir) == stamps[-1]


def test_a_stamp_is_stale_once_a_file_changes(tiny_dir: Path) -> None:
    """What a fragment rerun checks before it draws from the dataset its page was given."""
    from geo.data.parquet_cache import is_stale

    stamp = files_stamp(tiny_dir)
    assert not is_stale(tiny_dir, stamp) and not is_stale(str(tiny_dir), stamp)
    (tiny_dir / "seeds" / "c.txt").write_text("Another seed.\n", encoding="utf-8")
    assert is_stale(str(tiny_dir), stamp)
