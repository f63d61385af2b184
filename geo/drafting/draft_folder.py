"""Turn drafted candidates into the files of a draft folder: sources, new places, reports and the seed."""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import re
from pathlib import Path

import pandas as pd

from .. import files
from ..data.csvio import read_table
from ..data.load import seeds_dir_for
from ..errors import DataError
from ..formulas import TEXT_COLUMNS, formula_cells
from .article import Article
from .candidates import REVIEW_COLUMNS, Draft, candidates
from .dates import Published
from .gazetteer import slug

TABLES = ("sources", "places", "sectors", "reports")
PLACEHOLDERS = {
    "published_note": "Given to geo draft with --published; say how it was established if it is not printed.",
    "notes": "Drafted with geo draft; check every field against the document.",
}
"""What drafting writes into a source row for a person to replace; :func:`placeholders_left` finds them."""


def read_rows(data_dir: Path) -> dict[str, tuple[list[str], list[dict[str, str]]]]:
    """Each table of a dataset as (header, rows of text cells); raises DataError if a file can't be read."""
    tables, problems = {}, []
    for table in TABLES:
        raw = read_table(data_dir / f"{table}.csv", display_name=str(data_dir / f"{table}.csv"))
        problems += raw.problems
        header = [c for c in raw.frame.columns if c != "_line"]
        tables[table] = (header, raw.frame[header].to_dict("records"))
    if problems:
        raise DataError(problems)
    return tables


def make_draft(article: Article, published: Published, data_dir: Path, *, publisher: str = "", title: str = "",
               url: str = "", original: bytes | None = None) -> Draft:
    """Draft an article against the dataset in ``data_dir``.

    Parameters
    ----------
    article
        What :func:`geo.drafting.article.read_article` returned.
    published
        The publication date (:func:`geo.drafting.dates.parse_published`).
    data_dir
        The dataset the candidates are for: its places are looked up first, and ids are the next free ones.
    publisher, title, url
        The source's fields; empty ones are filled with bracketed descriptions, as ``data/README.md`` asks.
    original
        The file's bytes when it is plain text: the seed is then a byte-identical copy.

    Returns
    -------
    Draft
        With no reports when the article names no place where workers are reported.
    """
    tables = read_rows(Path(data_dir))
    messages: list[str] = []
    found = candidates(article, published, tables["places"][1], tables["sectors"][1], messages)
    seed_bytes = original if (original is not None and not article.from_html) else article.text.encode("utf-8")
    seed_name = next_seed_name(seeds_dir_for(Path(data_dir)), seed_bytes)
    source = _source_row(article, published, tables["sources"], seed_name, publisher, title, url)
    known_ids = {row["id"] for row in tables["places"][1]}
    new_places: dict[str, dict[str, str]] = {}
    for mention, _sentence, _row in found:
        if not mention.entry.known and mention.entry.id not in new_places:
            new_places[mention.entry.id] = mention.entry.row()
    renamed = _unique_place_ids(new_places, known_ids)
    header = tables["reports"][0]
    number = next_number(row["id"] for row in tables["reports"][1])
    reports = []
    for offset, (_mention, _sentence, cells) in enumerate(found):
        row = dict.fromkeys(header, "")
        row.update({k: v for k, v in cells.items() if k in header or k in REVIEW_COLUMNS})
        row["id"], row["source_id"], row["accept"] = f"r{number + offset:03d}", source["id"], "yes"
        for column in ("place_id", "from_place_id"):
            row[column] = renamed.get(row[column], row[column])
        reports.append(row)
    if not reports:
        messages.append("no candidates: the article names no place where North Korean workers are reported")
    places = [dict(row, id=renamed.get(pid, pid)) for pid, row in new_places.items()]
    return Draft(source=source, places=places, reports=reports, seed_name=seed_name, seed_bytes=seed_bytes,
                 messages=messages, warnings=formula_warnings({"sources": [source], "places": places,
                                                               "reports": reports}))


def formula_warnings(tables: dict[str, list[dict[str, str]]]) -> list[str]:
    """``FILE:LINE: column: …`` for each drafted cell a spreadsheet would run as a formula (line 2 is the first row)."""
    found = []
    for table, rows in tables.items():
        frame = pd.DataFrame(rows, dtype=object)
        frame["_line"] = range(2, len(rows) + 2)
        refused, flagged = formula_cells(f"{table}.csv", frame, TEXT_COLUMNS[table])
        found += [f"{problem} (geo merge refuses it)" for problem in refused] + [str(p) for p in flagged]
    return found


def write_draft(draft: Draft, out_dir: Path, data_dir: Path) -> list[Path]:
    """Write ``sources.csv``, ``places.csv``, ``reports.csv`` and ``seeds/SEED`` into ``out_dir``.

    Every target is checked before anything is written (:func:`check_draft_folder`); the only file
    removed is the seed of an earlier draft in the same folder, which that draft's ``sources.csv`` names.
    """
    tables = read_rows(Path(data_dir))
    out_dir = Path(out_dir)
    protected, stale = check_draft_folder(out_dir, Path(data_dir), draft.seed_name)
    seed = out_dir / "seeds" / draft.seed_name
    written = []
    for name, rows, header in (
        ("sources", [draft.source], tables["sources"][0]),
        ("places", draft.places, tables["places"][0]),
        ("reports", draft.reports, tables["reports"][0] + list(REVIEW_COLUMNS)),
    ):
        written.append(files.write_atomic(out_dir / f"{name}.csv", csv_text(header, rows), protected=protected))
    written.append(files.write_atomic(seed, draft.seed_bytes, protected=protected))
    if stale is not None:
        stale.unlink()  # the earlier draft's own seed: a draft folder holds one
    return written


def check_draft_folder(out_dir: Path, data_dir: Path, seed_name: str) -> tuple[list[Path], Path | None]:
    """Refuse a draft folder that would write into a dataset or replace files geo draft did not write.

    Returns the protected folders and the earlier draft's seed to remove (or None).

    Raises
    ------
    files.OutputRefusedError
        ``out_dir`` is the project's folder, lies in a dataset's ``data/`` or ``seeds/``, holds a
        dataset (``sectors.csv``, or a ``reports.csv`` without the review columns), or its ``seeds/``
        holds files other than the earlier draft's seed.
    """
    from ..settings import ROOT, SETTINGS

    refused = files.OutputRefusedError
    protected = [data_dir, seeds_dir_for(data_dir), ROOT / "data", ROOT / "seeds", SETTINGS.data_dir,
                 seeds_dir_for(SETTINGS.data_dir)]
    target = out_dir.resolve()
    if target == ROOT.resolve():
        raise refused(f"{out_dir}: refusing to write a draft into the project's own folder; choose another")
    for path in [out_dir / f"{t}.csv" for t in ("sources", "places", "reports")] + [out_dir / "seeds" / seed_name]:
        for folder in protected:
            folder = folder.resolve()
            if path.resolve() == folder or folder in path.resolve().parents:
                raise refused(f"{path}: refusing to write inside {folder}; choose another output folder")
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise files.OutputRefusedError(f"{path}: exists and is not a regular file; choose another output folder")
    if (out_dir / "sectors.csv").exists():
        raise refused(f"{out_dir}: holds a dataset (sectors.csv), not a draft; choose another output folder")
    previous = _previous_draft_seed(out_dir)
    seeds = out_dir / "seeds"
    others = sorted(p.name for p in seeds.iterdir() if p.name not in (seed_name, previous)) if seeds.is_dir() else []
    if others:
        raise files.OutputRefusedError(f"{seeds}: holds files geo draft did not write ({', '.join(others[:5])}); "
                          "choose an empty output folder")
    stale = seeds / previous if previous and previous != seed_name and (seeds / previous).is_file() else None
    return protected, stale


def _previous_draft_seed(out_dir: Path) -> str | None:
    """The seed an earlier ``geo draft`` wrote into ``out_dir`` (None when the folder holds no draft).

    Raises files.OutputRefusedError when ``reports.csv`` is there but is not a draft's (it lacks the review columns).
    """
    reports, sources = out_dir / "reports.csv", out_dir / "sources.csv"
    if not reports.exists() and not sources.exists():
        return None
    header = read_table(reports).frame.columns if reports.is_file() else []
    if not set(REVIEW_COLUMNS) <= set(header):
        raise files.OutputRefusedError(f"{out_dir}: holds a reports.csv that is not a draft's (no review columns); "
                          "choose another output folder")
    rows = read_table(sources).frame.to_dict("records") if sources.is_file() else []
    names = {str(row.get("seed_file", "")) for row in rows}
    return names.pop() if len(names) == 1 and re.fullmatch(r"\d{3}_[0-9a-f]{16}\.txt", next(iter(names))) else None


def csv_text(header: list[str], rows: list[dict[str, str]]) -> str:
    """Rows as CSV text in the dataset's style: UTF-8, minimal quoting, ``\\n`` line endings."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: row.get(column, "") for column in header})
    return buffer.getvalue()


def next_number(ids: object, prefix: str = "r") -> int:
    """One more than the largest ``r<number>`` id (1 when there is none)."""
    numbers = [int(m.group(1)) for i in ids if (m := re.fullmatch(rf"{prefix}(\d+)", str(i)))]
    return max(numbers, default=0) + 1


def next_seed_name(seeds_dir: Path, data: bytes) -> str:
    """``NNN_<hash>.txt``: the next running number in ``seeds_dir`` and 16 hex digits of the text's SHA-256."""
    numbers = [int(p.name[:3]) for p in seeds_dir.glob("[0-9][0-9][0-9]_*.txt")] if seeds_dir.is_dir() else []
    return f"{max(numbers, default=-1) + 1:03d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"


def _source_row(article: Article, published: Published, sources: tuple[list[str], list[dict[str, str]]],
                seed_name: str, publisher: str, title: str, url: str) -> dict[str, str]:
    taken = {row["id"] for row in sources[1]}
    base = f"{slug(publisher.strip('[]')) if publisher else 'draft'}-{published.start[:4]}"
    source_id, n = base, 2
    while source_id in taken:
        source_id, n = f"{base}-{n}", n + 1
    first_line = article.text.strip().split("\n", 1)[0].strip()
    if not title:
        title = article.html_title or (first_line if len(first_line) <= 120 and not first_line.endswith(".")
                                       else "[" + " ".join(first_line.split()[:10]).rstrip(".,;:") + " …]")
    notes = [PLACEHOLDERS["notes"]]
    if article.from_html:
        notes.append("The seed is the text geo draft extracted from an HTML page (the article body; markup, "
                     "scripts, navigation and footers removed); quotes are checked against that text.")
    row = {
        "id": source_id, "seed_file": seed_name, "title": title, "publisher": publisher or "[publisher not given]",
        "author": "", "published": published.text, "published_basis": "stated",
        "published_note": PLACEHOLDERS["published_note"],
        "url": url, "url_checked": datetime.date.today().isoformat() if url else "", "licence": "",
        "notes": " ".join(notes),
    }
    return {column: row.get(column, "") for column in sources[0]}


def placeholders_left(source: dict[str, str]) -> list[str]:
    """The columns of a source row that still hold a drafting placeholder (see :data:`PLACEHOLDERS`)."""
    return [column for column, text in PLACEHOLDERS.items() if text in str(source.get(column) or "")]


def _unique_place_ids(new_places: dict[str, dict[str, str]], known: set[str]) -> dict[str, str]:
    """New place ids that differ from the dataset's (a homonym gets its province or country added)."""
    renamed, taken = {}, set(known)
    for pid, row in new_places.items():
        candidate = pid
        if candidate in taken:
            candidate = f"{pid}-{slug(row.get('admin1') or row.get('country') or 'new')}"
        n = 2
        while candidate in taken:
            candidate, n = f"{pid}-{n}", n + 1
        taken.add(candidate)
        if candidate != pid:
            renamed[pid] = candidate
    return renamed
