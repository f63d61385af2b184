"""Load the four CSV tables of a dataset, validate them together, and join them for the UI."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import DataError, Problem, relative_path
from ..formulas import TEXT_COLUMNS, formula_cells
from ..vocab import DATE_PRECISIONS, ROLES
from .codes import ReportCodes
from .columns import add_looked_up, newest_first, sector_tuples
from .csvio import RawTable, read_table
from .memory import arrow_pool_for_loading, release_memory
from .quotes import SeedIndex, read_seeds

TABLES = ("sources", "places", "sectors", "reports")


@dataclass
class Dataset:
    """A validated dataset: typed tables, the seed texts, and any warnings.

    ``reports`` is in newest-first order (latest ``year_end``, then latest ``date_end``, then
    ``id``), so the first rows of any filtered selection are its newest reports; its index keeps
    each report's position in ``reports.csv``. It is joined with its place and source (columns
    ``place_name``, ``lat``, ``lon``, ``country``, ``place_precision``, ``source_title``, ``publisher``, ``published``,
    ``seed_file``, ``source_url``), has every optional column of ``reports.csv`` (empty when the file
    leaves it out; an empty ``presence`` is ``reported``), has ``year_start``/``year_end`` integers,
    ``date_precision``, and ``sector_ids`` (a tuple per report). ``sector_matrix`` has one boolean column per sector.
    """

    data_dir: Path
    seeds_dir: Path
    places: pd.DataFrame
    sources: pd.DataFrame
    sectors: pd.DataFrame
    reports: pd.DataFrame
    sector_matrix: pd.DataFrame
    seeds: SeedIndex
    version: str
    warnings: list[Problem] = field(default_factory=list)

    @property
    def years(self) -> tuple[int, int]:
        """First and last year any report covers."""
        return int(self.reports["year_start"].min()), int(self.reports["year_end"].max())

    @functools.cached_property
    def max_reports_per_place(self) -> int:
        """Most reports at one place over the whole dataset (fixes marker sizes across filters)."""
        return int(self.reports["place_id"].value_counts().max())

    @functools.cached_property
    def codes(self) -> ReportCodes:
        """The reports as integer-coded numpy arrays (built once), for filtering and aggregating."""
        return ReportCodes.of(self.reports, self.places, self.sector_matrix)


def seeds_dir_for(data_dir: Path) -> Path:
    """The seeds folder of a dataset: ``DIR/seeds`` if present, else ``seeds`` beside ``DIR``."""
    inside = data_dir / "seeds"
    return inside if inside.is_dir() else data_dir.parent / "seeds"


def dataset_version(data_dir: Path) -> str:
    """A short hash of the four CSV files and the seeds, naming this exact version of the data."""
    digest = hashlib.sha256()
    for table in TABLES:
        _hash_file(digest, data_dir / f"{table}.csv")
    seeds_dir = seeds_dir_for(data_dir)
    for seed in sorted(seeds_dir.glob("*.txt")) if seeds_dir.is_dir() else []:
        digest.update(seed.name.encode() + b"\0")
        _hash_file(digest, seed)
    return digest.hexdigest()[:12]


def _hash_file(digest: hashlib._Hash, path: Path) -> None:
    """Add a file's bytes to ``digest`` a megabyte at a time (a huge file never sits in memory)."""
    if not path.is_file():
        return
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)


def oversized_seeds(seeds_dir: Path) -> list[Problem]:
    """A problem for each seed larger than ``SETTINGS.max_seed_bytes``, found by ``stat`` before any is read."""
    from ..settings import SETTINGS

    problems = []
    for seed in sorted(seeds_dir.glob("*.txt")) if seeds_dir.is_dir() and not seeds_dir.is_symlink() else []:
        try:
            size = seed.stat().st_size
        except OSError:
            continue  # a broken link: seeds_outside names it
        if size > SETTINGS.max_seed_bytes:
            problems.append(Problem(relative_path(seed), None, None, f"seed is {size:,} bytes; the limit is "
                                    f"{SETTINGS.max_seed_bytes:,} (max_seed_bytes); keep only the article's text"))
    return problems


@arrow_pool_for_loading()  # and memory is given back between reading, validating and building
def load_dataset(data_dir: Path | str) -> Dataset:
    """Read, validate and join a dataset folder.

    Parameters
    ----------
    data_dir
        Folder holding ``sources.csv``, ``places.csv``, ``sectors.csv`` and ``reports.csv``.
        Seed documents are looked up in :func:`seeds_dir_for`.

    Returns
    -------
    Dataset

    Raises
    ------
    DataError
        With every problem found in every file. Nothing is partly loaded.
    """
    # Imported here: the dashboard loads validated tables from the Parquet cache and never needs
    # pandera, shapely or the outlines (about half a second of start-up).
    from . import schemas
    from .borders import places_outside_their_country
    from .validate import run_schema, seeds_outside, undecodable_seeds

    data_dir = Path(data_dir)
    seeds_dir = seeds_dir_for(data_dir)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    raw: dict[str, RawTable] = {}
    for table in TABLES:
        raw[table] = read_table(data_dir / f"{table}.csv", display_name=_display(data_dir, table))
        problems += raw[table].problems
        warnings += raw[table].warnings
    release_memory()

    for table in TABLES:
        refused, flagged = formula_cells(raw[table].name, raw[table].frame, TEXT_COLUMNS[table])
        problems += refused
        warnings += flagged
    link_problems = seeds_outside(seeds_dir)
    problems += link_problems
    large = oversized_seeds(seeds_dir)
    problems += large
    too_large = {Path(p.file).name for p in large}
    seed_names = set() if link_problems else {p.name for p in seeds_dir.glob("*.txt") if p.is_file()}
    warnings += unknown_columns(raw)
    sources = raw["sources"].frame
    problems += run_schema(raw["sources"], schemas.sources_schema(seed_names))
    places_problems = run_schema(raw["places"], schemas.places_schema())
    problems += places_problems
    if not places_problems and not raw["places"].problems:
        problems += places_outside_their_country(raw["places"].frame, raw["places"].name)
    problems += run_schema(raw["sectors"], schemas.sectors_schema())

    seed_of_source = (
        dict(zip(sources["id"], sources["seed_file"], strict=True))
        if {"id", "seed_file"} <= set(sources.columns) else {}
    )
    seed_names_used = sorted({name for name in seed_of_source.values() if isinstance(name, str)} - too_large)
    problems += undecodable_seeds(seeds_dir, seed_names_used)
    seeds = SeedIndex(read_seeds(seeds_dir, seed_names_used))
    reports_schema = schemas.reports_schema(
        place_ids=_ids(raw["places"]),
        source_ids=_ids(raw["sources"]),
        sector_ids=_ids(raw["sectors"]),
        seed_of_source=seed_of_source,
        seeds=seeds,
    )
    problems += run_schema(raw["reports"], reports_schema, seed_of_source=seed_of_source, seeds=seeds)
    for table in TABLES:
        if not problems_in(problems, raw[table].name) and raw[table].frame.empty:
            problems.append(Problem(raw[table].name, None, None, "has a header but no rows"))
    seeds.release()
    if problems:
        raise DataError(problems)
    release_memory()

    dataset = _build(data_dir, seeds_dir, raw, seeds)
    dataset.warnings = warnings + _unused_places(raw["places"], dataset.reports)
    release_memory()
    return dataset


def unknown_columns(raw: dict[str, RawTable]) -> list[Problem]:
    """A warning for each header column the dataset does not describe (it is read but never used)."""
    from . import schemas

    known = schemas.known_columns()
    return [Problem(table.name, 1, column, f"unknown column, ignored; data/README.md lists the columns of "
                    f"{name}.csv (a typo of one of them?)")
            for name, table in raw.items() for column in table.frame.columns
            if column != "_line" and column not in known[name]]


def _ids(table: RawTable) -> set[str] | None:
    """The ids a table defines, or ``None`` when they cannot be known (unreadable, no ``id``, no rows)."""
    if table.problems or "id" not in table.frame.columns or table.frame.empty:
        return None
    return set(table.frame["id"])


def problems_in(problems: list[Problem], file: str) -> bool:
    """Whether any problem concerns ``file``."""
    return any(problem.file == file for problem in problems)


def _display(data_dir: Path, table: str) -> str:
    return relative_path(data_dir / f"{table}.csv")


def _build(data_dir: Path, seeds_dir: Path, raw: dict[str, RawTable], seeds: SeedIndex) -> Dataset:
    """Turn validated text tables into typed, joined frames."""
    sectors = raw["sectors"].frame.drop(columns="_line").set_index("id", drop=False)
    sources = raw["sources"].frame.drop(columns="_line").set_index("id", drop=False)

    places = raw["places"].frame.drop(columns="_line").set_index("id", drop=False)
    for column in ("lat", "lon", "radius_km"):
        places[column] = pd.to_numeric(places[column].replace("", np.nan))
    for optional in ("aliases", "admin1", "name_ko", "name_zh", "name_ja"):  # optional in places.csv: empty when absent
        places[optional] = places.get(optional, pd.Series("", index=places.index)).fillna("")

    for column in ("url", "url_checked"):  # optional in sources.csv
        sources[column] = sources.get(column, pd.Series("", index=sources.index)).fillna("")

    # Taken out of ``raw``: each text column is freed as it is converted (150 MB at 500,000 reports).
    reports = raw.pop("reports").frame.drop(columns="_line").reset_index(drop=True)
    for column in _OPTIONAL_REPORT_COLUMNS:
        if column not in reports:
            reports[column] = ""
    reports["presence"] = reports["presence"].replace("", "reported")
    for column in ("workers_min", "workers_max"):
        reports[column] = pd.to_numeric(reports[column].replace("", np.nan)).astype("Int64")
    for column in ("wage_min", "wage_max", "fee_min", "fee_max", "state_share_min", "state_share_max"):
        reports[column] = pd.to_numeric(reports[column].replace("", np.nan)).astype("Float64")
    reports["year_start"] = reports["date_start"].str.slice(0, 4).astype("int16")
    reports["year_end"] = reports["date_end"].str.slice(0, 4).astype("int16")
    reports["date_precision"] = reports["date_start"].str.len().map(DATE_PRECISIONS)
    reports["sector_ids"] = sector_tuples(reports["sectors"])
    for column in CATEGORICAL_REPORT_COLUMNS:
        if column in reports:
            reports[column] = reports[column].astype("category")
    release_memory()  # the text columns just turned into categories
    reports = newest_first(reports)

    place_columns = places[["name", "lat", "lon", "country", "precision", "admin1"]].rename(
        columns={"name": "place_name", "precision": "place_precision"}
    )
    add_looked_up(reports, place_columns, on="place_id", categories=CATEGORICAL_REPORT_COLUMNS)
    source_columns = sources[["title", "publisher", "published", "seed_file", "url"]].rename(
        columns={"title": "source_title", "url": "source_url"}
    )
    add_looked_up(reports, source_columns, on="source_id", categories=CATEGORICAL_REPORT_COLUMNS)
    reports["role"] = pd.Categorical(reports["role"], categories=list(ROLES))

    matrix = pd.DataFrame(
        {sector: reports["sectors"].str.contains(rf"(?:^|;){sector}(?:;|$)", regex=True) for sector in sectors.index},
        index=reports.index,
    )
    return Dataset(
        data_dir=data_dir, seeds_dir=seeds_dir, places=places, sources=sources, sectors=sectors,
        reports=reports, sector_matrix=matrix, seeds=seeds, version=dataset_version(data_dir),
    )


NEWEST_FIRST = {"year_end": False, "date_end": False, "id": True}
"""The order of ``Dataset.reports``: column and whether it ascends. ISO dates of any precision
sort as text, so ``2019-05-01`` comes before ``2019-05`` before ``2019``."""

# Columns with few distinct values: categories keep a 500,000-report dataset small in memory.
CATEGORICAL_REPORT_COLUMNS = (
    "place_id", "from_place_id", "source_id", "place_name", "country", "place_precision", "date_precision",
    "date_start", "date_end", "date_basis", "sectors", "wage_currency", "wage_period", "admin1",
    "source_title", "publisher", "published", "seed_file", "source_url", "presence", "from_basis",
    "date_qualifier", "workers_kind", "fee_currency", "fee_period",
)


_OPTIONAL_REPORT_COLUMNS = (
    "from_place_id", "from_basis", "presence", "date_qualifier", "workers_min", "workers_max",
    "workers_kind", "workers_as_stated", "wage_min", "wage_max", "wage_currency", "wage_period",
    "wage_as_stated", "fee_min", "fee_max", "fee_currency", "fee_period", "fee_as_stated",
    "state_share_min", "state_share_max", "state_share_as_stated", "caution", "notes",
)


def _unused_places(places: RawTable, reports: pd.DataFrame) -> list[Problem]:
    used = {str(p) for p in reports["place_id"].unique()} | {str(p) for p in reports["from_place_id"].unique()}
    unused = places.frame[~places.frame["id"].isin(used)]
    return [
        Problem(places.name, int(line), "id", f"place {place_id!r} is used by no report")
        for place_id, line in zip(unused["id"], unused["_line"], strict=True)
    ]
