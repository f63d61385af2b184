"""A Parquet cache of validated datasets, so a large dataset is checked once, not at every start."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd
import pyarrow as pa

from .errors import Problem
from .load import Dataset, dataset_version, load_dataset, sector_tuples, seeds_dir_for
from .quotes import SeedIndex, read_seeds

FORMAT = "3"  # bump when the cached layout or the validation rules change


def cache_key(data_dir: Path) -> str:
    """The cache format and the dataset version (a hash of the four CSV files and the seeds)."""
    return f"v{FORMAT}-{dataset_version(data_dir)}"


def load_cached(data_dir: Path | str, cache_dir: Path) -> Dataset:
    """:func:`geo.load.load_dataset`, reusing the validated tables when nothing has changed.

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
    if (folder / "done").is_file():
        try:
            dataset = _read(folder, data_dir)
        except (OSError, ValueError, KeyError):
            shutil.rmtree(folder, ignore_errors=True)  # a damaged cache is rebuilt, not trusted
        else:
            # Arrow keeps the buffers it decompressed into for reuse: give them back, so that a
            # long-running server holds the dataset, not the read (84 MB at 500,000 reports).
            pa.default_memory_pool().release_unused()
            return dataset
    dataset = load_dataset(data_dir)
    store(dataset, cache_dir, key=key)
    return dataset


def store(dataset: Dataset, cache_dir: Path, *, key: str | None = None) -> None:
    """Keep a validated dataset in the cache (a read-only disk only costs speed)."""
    folder = Path(cache_dir) / (key or cache_key(dataset.data_dir))
    if (folder / "done").is_file():
        return
    try:
        _write(dataset, folder)
    except OSError:
        pass


def _write(dataset: Dataset, folder: Path) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=folder.parent))
    try:
        dataset.reports.drop(columns=["sector_ids"]).to_parquet(staging / "reports.parquet")
        dataset.places.to_parquet(staging / "places.parquet")
        dataset.sources.to_parquet(staging / "sources.parquet")
        dataset.sectors.to_parquet(staging / "sectors.parquet")
        dataset.sector_matrix.to_parquet(staging / "sector_matrix.parquet")
        meta = {"version": dataset.version, "warnings": [vars(w) for w in dataset.warnings]}
        (staging / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        (staging / "done").write_text("", encoding="utf-8")
        os.replace(staging, folder)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _read(folder: Path, data_dir: Path) -> Dataset:
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    reports = pd.read_parquet(folder / "reports.parquet")
    reports["sector_ids"] = sector_tuples(reports["sectors"])
    sources = pd.read_parquet(folder / "sources.parquet")
    seeds_dir = seeds_dir_for(data_dir)
    seeds = SeedIndex(read_seeds(seeds_dir, sorted(set(sources["seed_file"]))))
    return Dataset(
        data_dir=data_dir, seeds_dir=seeds_dir,
        places=pd.read_parquet(folder / "places.parquet"),
        sources=sources,
        sectors=pd.read_parquet(folder / "sectors.parquet"),
        reports=reports,
        sector_matrix=pd.read_parquet(folder / "sector_matrix.parquet"),
        seeds=seeds, version=meta["version"],
        warnings=[Problem(**w) for w in meta["warnings"]],
    )
