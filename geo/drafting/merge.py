"""Merge a reviewed draft folder into a dataset: validate a staged copy first, then commit through a journal."""

from __future__ import annotations

import json
import os
import shutil
import signal
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..data.load import load_dataset, seeds_dir_for
from ..errors import DataError, Problem
from .candidates import REVIEW_COLUMNS
from .draft_files import MergeError, merge_lock, read_regular, regular_file
from .draft_folder import PLACEHOLDERS, TABLES, csv_text, next_number, next_seed_name, placeholders_left, read_rows

JOURNAL = ".merge-journal.json"
"""Written (atomically) in the dataset folder once every new file is staged: the commit point."""
KILL_ENV = "GEO_MERGE_KILL_AT"
"""Tests set this to a step name (``staged``, ``journal``, ``renamed-1`` …) to SIGKILL the merge there."""
ACCEPTED = {"yes", "y", "true", "1"}
"""``accept`` values that merge a row (case-insensitive, surrounding spaces ignored)."""
REJECTED = {"no", "n", "false", "0", "reject", "rejected"}
"""``accept`` values that leave a row out; any other value refuses the whole merge."""


@dataclass
class MergeResult:
    """What a merge added."""

    reports: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    source: str = ""
    seed: str = ""
    recovered: bool = False

    def summary(self) -> str:
        span = f"{self.reports[0]}–{self.reports[-1]}" if len(self.reports) > 1 else "".join(self.reports)
        places = f"{len(self.places)} place(s) ({', '.join(self.places)})" if self.places else "no new places"
        return f"added {len(self.reports)} report(s) ({span}), {places}, source {self.source}, seed {self.seed}"


def merge(draft_dir: Path, data_dir: Path, *, again: bool = False) -> MergeResult:
    """Add the accepted reports, new places, the source and the seed of ``draft_dir`` to ``data_dir``.

    Ids are renumbered where they would collide. The combined dataset is validated on a staged copy
    first; when it fails nothing is changed and the DataError names each problem (lines of the
    draft's own files where the problem is in a drafted row). Extra review columns are dropped.

    Raises
    ------
    MergeError
        The draft folder is incomplete or has nothing accepted.
    DataError
        The combined dataset would not be valid, or the source row still holds a drafting placeholder.
    """
    draft_dir, data_dir = Path(draft_dir), Path(data_dir)
    with merge_lock(data_dir):  # a second merge waits: both read, validate and commit in turn
        return _merge(draft_dir, data_dir, again)


def _merge(draft_dir: Path, data_dir: Path, again: bool) -> MergeResult:
    recovered = recover(data_dir)
    seeds_dir = seeds_dir_for(data_dir)
    old = read_rows(data_dir)
    for table in ("sources", "places", "reports"):
        regular_file(draft_dir / f"{table}.csv")
    new = read_rows_of_draft(draft_dir)
    seed_folder = draft_dir / "seeds"
    if seed_folder.is_symlink():
        raise MergeError(f"{seed_folder}: is a link; a draft folder's seeds/ must be a folder of its own")
    seed_files = sorted(seed_folder.glob("*.txt")) if seed_folder.is_dir() else []
    if len(seed_files) != 1 or len(new["sources"][1]) != 1:
        raise MergeError(f"{draft_dir}: a draft folder holds one source row and one seed in seeds/; "
                         "make one with python -m geo draft")
    seed_bytes = read_regular(seed_files[0])
    for existing in seeds_dir.glob("*.txt"):
        if existing.read_bytes() == seed_bytes and not again:
            raise MergeError(f"{draft_dir}: this article is already in the dataset as {existing.name}; "
                             "merge with --again to add it as another source all the same")
    source = dict(new["sources"][1][0])
    refuse_placeholders(draft_dir, source)
    reports = _accepted(draft_dir / "reports.csv", new["reports"])
    if not reports:
        raise MergeError(f"{draft_dir}: no accepted reports to merge")
    source_ids = {r["id"] for r in old["sources"][1]}
    if source["id"] in source_ids:
        base, n = source["id"], 2
        while f"{base}-{n}" in source_ids:
            n += 1
        source["id"] = f"{base}-{n}"
    source["seed_file"] = seed_name = next_seed_name(seeds_dir, seed_bytes)
    place_ids = {r["id"] for r in old["places"][1]}
    renamed = {}
    for place in new["places"][1]:
        if place["id"] in place_ids:
            n = 2
            while f"{place['id']}-{n}" in place_ids:
                n += 1
            renamed[place["id"]] = f"{place['id']}-{n}"
            place["id"] = renamed[place["id"]]
        place_ids.add(place["id"])
    used = {r["place_id"] for r in reports} | {r.get("from_place_id", "") for r in reports}
    places = [p for p in new["places"][1] if p["id"] in {renamed.get(u, u) for u in used}]
    first = next_number(r["id"] for r in old["reports"][1])
    for offset, report in enumerate(reports):
        report["id"], report["source_id"] = f"r{first + offset:03d}", source["id"]
        for column in ("place_id", "from_place_id"):
            report[column] = renamed.get(report.get(column, ""), report.get(column, ""))
    texts = {
        "sources": _appended(data_dir / "sources.csv", old["sources"][0], [source]),
        "places": _appended(data_dir / "places.csv", old["places"][0], places),
        "reports": _appended(data_dir / "reports.csv", old["reports"][0], reports),
    }
    _validate_staged(data_dir, seeds_dir, texts, seed_name, seed_bytes, draft_dir, len(old["reports"][1]),
                     [r.get("_line", "") for r in reports])
    _commit(data_dir, seeds_dir, texts, seed_name, seed_bytes)
    return MergeResult([r["id"] for r in reports], [p["id"] for p in places], source["id"], seed_name, recovered)


PLACEHOLDER_FIXES = {
    "published_note": "say how the publication date was established, or empty the cell if the document prints it",
    "notes": "check every field against the document, then delete that sentence",
}


def refuse_placeholders(draft_dir: Path, source: dict) -> None:
    """Raise DataError naming each source cell that still holds a drafting placeholder: readers would see it."""
    problems = [Problem(str(draft_dir / "sources.csv"), source.get("_line"), column,
                        f"still the drafting placeholder '{PLACEHOLDERS[column]}': {PLACEHOLDER_FIXES[column]}")
                for column in placeholders_left(source)]
    if problems:
        raise DataError(problems)


def _accepted(path: Path, table: tuple[list[str], list[dict[str, str]]]) -> list[dict[str, str]]:
    """The rows whose ``accept`` is an explicit yes; DataError naming each row that says neither yes nor no."""
    header, rows = table
    if "accept" not in header:
        raise DataError([Problem(str(path), 1, "accept", "column is missing; write yes or no on every row")])
    problems = [Problem(str(path), row["_line"], "accept", f"{row['accept']!r} is neither yes nor no; write "
                        f"{' or '.join(sorted(ACCEPTED))} to merge the row, or no to leave it out")
                for row in rows if row["accept"].strip().lower() not in ACCEPTED | REJECTED]
    if problems:
        raise DataError(problems)
    return [row for row in rows if row["accept"].strip().lower() in ACCEPTED]


def read_rows_of_draft(draft_dir: Path) -> dict[str, tuple[list[str], list[dict[str, str]]]]:
    """The draft's sources, places and reports (each report keeps its CSV line as ``_line``)."""
    from ..data.csvio import read_table

    if not draft_dir.is_dir():
        raise MergeError(f"{draft_dir}: no such folder")
    tables, problems = {}, []
    for table in ("sources", "places", "reports"):
        raw = read_table(draft_dir / f"{table}.csv", display_name=str(draft_dir / f"{table}.csv"))
        problems += raw.problems
        header = [c for c in raw.frame.columns if c != "_line"]
        rows = raw.frame[header].to_dict("records")
        for row, line in zip(rows, raw.frame["_line"], strict=True):
            row["_line"] = int(line)
        tables[table] = (header, rows)
    if problems:
        raise DataError(problems)
    return tables


def _appended(path: Path, header: list[str], rows: list[dict[str, str]]) -> str:
    """The file's text unchanged, then ``rows`` in its own columns (review columns and others dropped)."""
    text = path.read_text(encoding="utf-8")
    if text and not text.endswith("\n"):
        text += "\n"
    body = csv_text(header, [{k: v for k, v in r.items() if k not in REVIEW_COLUMNS} for r in rows])
    return text + body.split("\n", 1)[1]


def _validate_staged(data_dir: Path, seeds_dir: Path, texts: dict[str, str], seed_name: str, seed_bytes: bytes,
                     draft_dir: Path, old_reports: int, draft_lines: list) -> None:
    with tempfile.TemporaryDirectory(prefix="geo-merge-") as tmp:
        staged = Path(tmp) / "data"
        (staged / "seeds").mkdir(parents=True)
        for table in TABLES:
            target = staged / f"{table}.csv"
            if table in texts:
                target.write_text(texts[table], encoding="utf-8")
            else:
                shutil.copy(data_dir / f"{table}.csv", target)
        for seed in seeds_dir.glob("*.txt"):
            shutil.copy(seed, staged / "seeds" / seed.name)
        (staged / "seeds" / seed_name).write_bytes(seed_bytes)
        try:
            load_dataset(staged)
        except DataError as error:
            raise DataError([_locate(p, staged, data_dir, draft_dir, old_reports, draft_lines)
                             for p in error.problems]) from None


def _locate(problem: Problem, staged: Path, data_dir: Path, draft_dir: Path, old_reports: int,
            draft_lines: list) -> Problem:
    """A staged file's problem named by the file a person edits: the draft's rows by the draft's lines."""
    name = Path(problem.file).name
    if Path(problem.file).parent.resolve() != staged.resolve():
        return problem
    if name == "reports.csv" and problem.line and problem.line - 1 > old_reports:
        index = problem.line - 2 - old_reports
        if 0 <= index < len(draft_lines):
            return Problem(str(draft_dir / name), draft_lines[index], problem.column, problem.message)
    return Problem(str(data_dir / name), problem.line, problem.column, problem.message)


def _kill_point(step: str) -> None:
    if os.environ.get(KILL_ENV) == step:
        os.kill(os.getpid(), signal.SIGKILL)


def _write_synced(path: Path, data: bytes) -> None:
    with path.open("wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def _commit(data_dir: Path, seeds_dir: Path, texts: dict[str, str], seed_name: str, seed_bytes: bytes) -> None:
    """Stage every file beside its target, write the journal (the commit point), then rename in order.

    The seed, the places and the source go first and the reports last, so even between two renames
    the dataset is valid and holds every old row; :func:`recover` finishes an interrupted merge.
    """
    moves = [(seeds_dir / f".{seed_name}.merge", seeds_dir / seed_name, seed_bytes)]
    moves += [(data_dir / f".{t}.csv.merge", data_dir / f"{t}.csv", texts[t].encode("utf-8"))
              for t in ("places", "sources", "reports")]
    for temporary, _target, data in moves:
        _write_synced(temporary, data)
    _kill_point("staged")
    journal = data_dir / JOURNAL
    _write_synced(data_dir / f"{JOURNAL}.tmp", json.dumps([[str(t), str(g)] for t, g, _ in moves]).encode())
    os.replace(data_dir / f"{JOURNAL}.tmp", journal)
    _sync_dir(data_dir)
    _kill_point("journal")
    for number, (temporary, target, _data) in enumerate(moves, start=1):
        os.replace(temporary, target)
        _kill_point(f"renamed-{number}")
    _sync_dir(seeds_dir)
    _sync_dir(data_dir)
    journal.unlink()


def recover(data_dir: Path) -> bool:
    """Finish a merge that was killed after its commit point, or clear one killed before it.

    Returns whether an interrupted merge was found.
    """
    data_dir = Path(data_dir)
    journal = data_dir / JOURNAL
    found = False
    if journal.is_file():
        for temporary, target in json.loads(journal.read_text(encoding="utf-8")):
            if Path(temporary).is_file():
                os.replace(temporary, target)
        journal.unlink()
        found = True
    for folder in (data_dir, seeds_dir_for(data_dir)):
        for stale in list(folder.glob(".*.merge")) + list(folder.glob(f"{JOURNAL}.tmp")):
            stale.unlink()
            found = True
    return found


def _sync_dir(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
