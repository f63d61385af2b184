"""A Parquet cache of validated datasets, so a large dataset is checked once, not at every start.

The cache is trusted with nothing: it lives in a folder only this user can write, each file's
SHA-256 is checked when it is read back, and what the page would show from it is checked again
(colours, and every quote still word for word in its seed). Anything that fails is rebuilt from
the CSV files.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa

from ..errors import Problem
from ..settings import SETTINGS
from ..vocab import COLOUR
from .columns import sector_tuples
from .load import TABLES as DATA_TABLES
from .load import Dataset, dataset_version, load_dataset, seeds_dir_for
from .memory import arrow_pool_for_loading, release_memory
from .quotes import SeedIndex, normalise, read_seeds

FORMAT = "4"  # bump when the cached layout or the validation rules change
TABLES = ("reports", "places", "sources", "sectors", "sector_matrix")
"""The tables a cached version holds, one Parquet file each."""


class UntrustedCacheError(ValueError):
    """A cached dataset that does not match what was stored, or that no longer checks out."""


def files_stamp(data_dir: Path) -> tuple:
    """What changes whenever any input file does: for the four tables and every seed, its size,
    modification time, change time and inode.

    Cheap enough for every page view (no file is read). The change time catches an edit whose
    size and modification time were put back; the inode, a file replaced by a rename.
    """
    seeds_dir = seeds_dir_for(Path(data_dir))
    paths = [Path(data_dir) / f"{table}.csv" for table in DATA_TABLES]
    paths += sorted(seeds_dir.glob("*.txt")) if seeds_dir.is_dir() else []
    stamp = []
    for path in paths:
        try:
            stat = path.stat()
        except OSError:  # missing, or a link that loops: the load reports it
            stamp.append((path.name, None))
            continue
        stamp.append((path.name, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino))
    return tuple(stamp)


def is_stale(data_dir: Path | str, stamp: tuple) -> bool:
    """Whether any input file has changed since ``stamp`` was taken.

    A fragment rerun (a year step, the presenter's Next) keeps the dataset its page's last full run
    passed it; it checks this first and asks for a full run when the files have changed.
    """
    return files_stamp(Path(data_dir)) != stamp


def cache_key(data_dir: Path) -> str:
    """The cache format and the dataset version (a hash of the four CSV files and the seeds)."""
    return f"v{FORMAT}-{dataset_version(data_dir)}"


def load_cached(data_dir: Path | str, cache_dir: Path) -> Dataset:
    """:func:`geo.data.load.load_dataset`, reusing the validated tables when nothing has changed.

    Parameters
    ----------
    data_dir
        The dataset folder.
    cache_dir
        Where validated tables are kept (one sub-folder per dataset version). Never a folder
        inside ``data/`` or ``seeds/``.

    Returns
    -------
    Dataset
        Equal to a fresh load. A dataset that fails validation is never cached, so its errors
        are reported on every load.
    """
    data_dir = Path(data_dir)
    key = cache_key(data_dir)
    folder = Path(cache_dir) / key
    if (folder / "done").is_file() and _private(Path(cache_dir)):
        try:
            dataset = _read(folder, data_dir)
        except (OSError, ValueError, KeyError):
            shutil.rmtree(folder, ignore_errors=True)  # a damaged or edited cache is rebuilt, not trusted
        else:
            # Arrow keeps the buffers it decompressed into for reuse: give them back, so that a
            # long-running server holds the dataset, not the read (84 MB at 500,000 reports).
            pa.default_memory_pool().release_unused()
            return dataset
    dataset = load_dataset(data_dir)
    with arrow_pool_for_loading():  # the Parquet writer's buffers go back to the system afterwards
        store(dataset, cache_dir, key=key)
    release_memory()
    return dataset


def store(dataset: Dataset, cache_dir: Path, *, key: str | None = None,
          keep: int = SETTINGS.cache_versions) -> None:
    """Keep a validated dataset in the cache (a read-only disk only costs speed), and remove all
    but the ``keep`` most recently stored versions."""
    cache_dir = Path(cache_dir)
    folder = cache_dir / (key or cache_key(dataset.data_dir))
    if (folder / "done").is_file():
        return
    try:
        cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _private(cache_dir):
            return  # others could edit what is stored there: keep nothing
        _write(dataset, folder)
        _prune(cache_dir, keep)
    except OSError:
        pass


def _private(cache_dir: Path) -> bool:
    """Whether only this user can write in ``cache_dir``: owned by them, no group or other write."""
    try:
        info = cache_dir.lstat()
    except OSError:
        return False
    return (stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
            and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def _prune(cache_dir: Path, keep: int) -> None:
    """Remove cached versions beyond the ``keep`` newest (by when they were stored)."""
    stored = sorted((path for path in cache_dir.iterdir() if (path / "done").is_file()),
                    key=lambda path: (path / "done").stat().st_mtime_ns, reverse=True)
    for old in stored[keep:]:
        shutil.rmtree(old, ignore_errors=True)


def _write(dataset: Dataset, folder: Path) -> None:
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=folder.parent))
    try:
        dataset.reports.drop(columns=["sector_ids"]).to_parquet(staging / "reports.parquet")
        dataset.places.to_parquet(staging / "places.parquet")
        dataset.sources.to_parquet(staging / "sources.parquet")
        dataset.sectors.to_parquet(staging / "sectors.parquet")
        dataset.sector_matrix.to_parquet(staging / "sector_matrix.parquet")
        meta = {"version": dataset.version, "warnings": [vars(w) for w in dataset.warnings],
                "sha256": {table: _digest(staging / f"{table}.parquet") for table in TABLES}}
        (staging / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        (staging / "done").write_text("", encoding="utf-8")
        os.replace(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _digest(path: Path) -> str:
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def _read(folder: Path, data_dir: Path) -> Dataset:
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    for table in TABLES:
        if _digest(folder / f"{table}.parquet") != meta["sha256"][table]:
            raise UntrustedCacheError(f"{folder / table}.parquet: changed since it was stored")
    reports = pd.read_parquet(folder / "reports.parquet")
    reports["sector_ids"] = sector_tuples(reports["sectors"])
    sources = pd.read_parquet(folder / "sources.parquet")
    sectors = pd.read_parquet(folder / "sectors.parquet")
    seeds_dir = seeds_dir_for(data_dir)
    seeds = SeedIndex(read_seeds(seeds_dir, sorted(set(sources["seed_file"]))))
    _check_read_back(reports, sectors, seeds)
    return Dataset(
        data_dir=data_dir, seeds_dir=seeds_dir,
        places=pd.read_parquet(folder / "places.parquet"),
        sources=sources,
        sectors=sectors,
        reports=reports,
        sector_matrix=pd.read_parquet(folder / "sector_matrix.parquet"),
        seeds=seeds, version=meta["version"],
        warnings=[Problem(**w) for w in meta["warnings"]],
    )


def _check_read_back(reports: pd.DataFrame, sectors: pd.DataFrame, seeds: SeedIndex) -> None:
    """What reaches the page from the cache must pass the checks the CSV files passed: colours
    are colours, and every quote stands in its seed."""
    if not sectors["colour"].astype(str).str.fullmatch(COLOUR).all():
        raise UntrustedCacheError("a cached colour is not a colour")
    pairs = reports[["seed_file", "quote"]].astype(str).drop_duplicates()
    # One look-up per distinct pair in its own seed: the many-quote automaton of a validation would
    # raise the server's peak memory by the size of its trie, for quotes already found once.
    texts = seeds.normalised
    missing = [quote for seed_file, quote in pairs.itertuples(index=False)
               if not normalise(quote) or normalise(quote) not in texts.get(seed_file, "")]
    if missing:
        raise UntrustedCacheError(f"a cached quote is in no seed: {missing[0][:80]!r}")
