"""Validation steps of a load: run a table's schema and locate each failure as a problem, and check
the seeds folder (no links out of it, every seed UTF-8)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..errors import Problem, relative_path
from .csvio import RawTable
from .quotes import SeedIndex

if TYPE_CHECKING:
    import pandera.pandas as pa


def seeds_outside(seeds_dir: Path) -> list[Problem]:
    """A problem for a seeds folder that is a link, and for each seed file that leads outside it.

    The source reader shows seed files to every reader: a link could make it show any file the
    server can read.
    """
    if seeds_dir.is_symlink():
        return [Problem(relative_path(seeds_dir), None, None, "is a link; the seeds folder must be a real folder "
                        "of the dataset, not a link to somewhere else")]
    if not seeds_dir.is_dir():
        return []
    folder = seeds_dir.resolve()
    problems = []
    for path in sorted(seeds_dir.iterdir()):
        try:
            inside = path.resolve().parent == folder
        except (OSError, RuntimeError):
            inside = False
        if not inside:
            problems.append(Problem(relative_path(path), None, None, "is a link that leads outside the seeds folder; "
                                    "copy the document into seeds/ instead"))
    return problems


def undecodable_seeds(seeds_dir: Path, names: list[str]) -> list[Problem]:
    """A problem for each seed file that is not UTF-8 (its quotes could not be checked fairly)."""
    problems = []
    for name in names:
        path = seeds_dir / name
        if not path.is_file():
            continue
        data = path.read_bytes()
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            problems.append(Problem(relative_path(path), line, None, f"seed is not UTF-8 (byte offset {error.start}); "
                                    "save it as UTF-8"))
    return problems


def run_schema(
    table: RawTable, table_schema: pa.DataFrameSchema, *,
    seed_of_source: dict[str, str] | None = None, seeds: SeedIndex | None = None,
) -> list[Problem]:
    """Run a schema over a raw table; turn every failure case into a located Problem."""
    import pandera.pandas as pa

    from . import row_checks

    if table.problems:
        return []  # the file could not be read; its own problems say why
    frame = table.frame
    token = row_checks.CURRENT_FRAME.set(frame)
    try:
        table_schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as error:
        return _to_problems(error.failure_cases, table, seed_of_source or {}, seeds)
    finally:
        row_checks.CURRENT_FRAME.reset(token)
    return []


def _to_problems(
    cases: pd.DataFrame, table: RawTable, seed_of_source: dict[str, str], seeds: SeedIndex | None,
) -> list[Problem]:
    frame = table.frame
    problems = []
    # One conversion for every failing row: a row-by-row .loc costs a third of a millisecond.
    failing = cases["index"].dropna().unique() if "index" in cases else []
    rows = frame.loc[failing]
    values = {name: rows[name].tolist() for name in rows.columns}
    records = {index: {name: values[name][i] for name in values} for i, index in enumerate(rows.index)}
    for case in cases.itertuples(index=False):
        column = case.column if isinstance(case.column, str) else None
        if case.check == "column_in_dataframe":
            problems.append(Problem(table.name, 1, str(case.failure_case), "column is missing from the header"))
            continue
        if case.index is None or (isinstance(case.index, float) and np.isnan(case.index)):
            problems.append(Problem(table.name, None, column, f"{case.check}: {case.failure_case}"))
            continue
        row = records[case.index]
        line = int(row["_line"])
        value = row[column] if column in row else case.failure_case
        if case.check == "QUOTE_NOT_FOUND":
            message = _quote_message(row, seed_of_source, seeds)
        else:
            message = str(case.check).format_map({**row, "value": repr(_short(value))})
        problems.append(Problem(table.name, line, column, message))
    return problems


def _quote_message(row: dict, seed_of_source: dict[str, str], seeds: SeedIndex | None) -> str:
    seed_file = seed_of_source.get(row["source_id"])
    quoted = repr(_short(row["quote"]))
    if seed_file is None or seeds is None:
        return f"{quoted} cannot be checked: source {row['source_id']!r} has no seed file"
    if seed_file not in seeds.raw:
        return f"{quoted} cannot be checked: seed file {seed_file!r} is missing"
    elsewhere = seeds.where(row["quote"])
    if elsewhere:
        return (f"{quoted} is not in {seed_file} (source {row['source_id']!r}) but is in "
                f"{', '.join(elsewhere)}; is source_id right?")
    return f"{quoted} is not found verbatim in {seed_file}; copy it exactly from the seed"


def _short(value: object, limit: int = 80) -> object:
    if isinstance(value, str) and len(value) > limit:
        return value[: limit - 1] + "…"
    return value
