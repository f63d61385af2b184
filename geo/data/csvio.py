"""Read a CSV file as text cells, keeping the line number where each row starts."""

from __future__ import annotations

import codecs
import collections
import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..errors import Problem
from ..settings import SETTINGS


@dataclass
class RawTable:
    """A CSV file read as strings: ``frame`` has one column per header cell and a ``_line`` column."""

    path: Path
    name: str
    frame: pd.DataFrame
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


def read_table(path: Path, *, display_name: str | None = None) -> RawTable:
    """Read one CSV file into a frame of strings, collecting every problem instead of raising.

    Parameters
    ----------
    path
        The CSV file. UTF-8, with or without a byte-order mark; ``\\n`` or ``\\r\\n`` line endings.
    display_name
        How messages name the file (defaults to the path as given).

    Returns
    -------
    RawTable
        ``frame`` holds every row that could be read, as ``str`` cells (empty string for an
        empty cell) plus ``_line``, the CSV line where the row starts. Empty columns left by a
        spreadsheet are dropped with a warning.
    """
    name = display_name or str(path)
    empty = pd.DataFrame({"_line": pd.Series([], dtype="int64")})
    table = RawTable(path=path, name=name, frame=empty)
    if path.is_symlink() and not path.exists():
        table.problems.append(Problem(name, None, None, "is a link that leads nowhere (broken or looping)"))
        return table
    if not path.is_file():
        table.problems.append(Problem(name, None, None, "file is missing"))
        return table
    try:
        size = path.stat().st_size
        if size > SETTINGS.max_table_bytes:
            table.problems.append(Problem(name, None, None, f"is {size:,} bytes; the limit is "
                                          f"{SETTINGS.max_table_bytes:,} (max_table_bytes); nothing was read"))
            return table
        data = path.read_bytes()
    except OSError as error:
        table.problems.append(Problem(name, None, None, f"cannot be read: {error.strerror or error}"))
        return table
    bad = _not_utf8(data)
    if bad is not None:
        line = data[: bad.start].count(b"\n") + 1
        bad_bytes = data[bad.start : bad.start + 4]
        table.problems.append(
            Problem(name, line, None, f"not UTF-8 (byte {bad_bytes!r} at offset {bad.start}); "
                    "save the file as UTF-8")
        )
        return table
    if not _has_text(data):
        table.problems.append(Problem(name, None, None, "file is empty; expected a header row"))
        return table

    try:
        width = len(next(csv.reader(_text_stream(data)), []))
    except csv.Error:
        width = 0  # the careful path below names the line
    if width > SETTINGS.max_columns:
        table.problems.append(Problem(name, 1, None, f"the header has {width:,} columns; a table has at most "
                                      f"{SETTINGS.max_columns} (max_columns)"))
        return table
    fast = _read_fast(data)
    if fast is not None:
        table.frame = fast
        return table
    return _read_slow(data.decode("utf-8-sig"), table, name)


_CHUNK = 1 << 20
"""Bytes decoded at a time: a large file is checked and parsed without ever holding all of it as text."""


def _not_utf8(data: bytes) -> UnicodeDecodeError | None:
    """The decoding error of ``data`` as UTF-8 (offsets into the whole file), or ``None`` when it is UTF-8.

    Decoded a megabyte at a time: the whole file as one ``str`` would cost up to four times its size.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    try:
        for start in range(0, len(data), _CHUNK):
            decoder.decode(view[start : start + _CHUNK])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        try:
            data.decode("utf-8")  # once more in one piece, for the error's offset in the file
        except UnicodeDecodeError as error:
            return error
    return None


def _has_text(data: bytes) -> bool:
    """Whether the file holds anything but a byte-order mark and white space."""
    stream = _text_stream(data)
    while chunk := stream.read(_CHUNK):
        if chunk.strip():
            return True
    return False


def _text_stream(data: bytes) -> io.TextIOWrapper:
    """The file's text as a stream for the ``csv`` module: UTF-8 without its byte-order mark, line ends kept."""
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8-sig", newline="")


def _read_fast(data: bytes) -> pd.DataFrame | None:
    """Parse a well-formed file with pandas' C parser; ``None`` when it needs the careful path.

    A streaming pass of the strict ``csv`` reader first checks the quoting and the field counts and
    records the line each row starts on (quoted cells may span lines); it keeps no cells, so it
    stays cheap on large files. pandas then parses the bytes themselves (text would be a second,
    larger copy of the file). Anything unusual goes to :func:`_read_slow`, which explains it.
    """
    reader = csv.reader(_text_stream(data), strict=True)
    try:
        header = [cell.strip() for cell in next(reader)]
        if not all(header) or len(set(header)) != len(header):
            return None  # unnamed or repeated columns
        width = len(header)
        lines: list[int] = []
        blank: list[bool] = []
        previous_end = reader.line_num
        for record in reader:
            if len(record) != width:
                return None  # short, long or blank rows
            lines.append(previous_end + 1)
            blank.append(not any(record))
            previous_end = reader.line_num
    except csv.Error:
        return None
    del reader
    try:
        frame = pd.read_csv(
            _byte_stream(data), encoding="utf-8", dtype=str, keep_default_na=False, na_filter=False,
            skip_blank_lines=True, engine="c", header=0, names=header, index_col=False,
        )
    except (pd.errors.ParserError, ValueError):
        return None
    if list(frame.columns) != header or len(frame) != len(lines):
        return None
    frame = frame.astype("str")
    frame["_line"] = pd.Series(lines, dtype="int64", index=frame.index)
    if any(blank):  # a row of empty cells, as spreadsheets leave: skipped like a blank line
        frame = frame[~pd.Series(blank, index=frame.index)].reset_index(drop=True)
    return frame


def _byte_stream(data: bytes) -> io.BytesIO:
    """The file's bytes after any byte-order mark, for pandas."""
    stream = io.BytesIO(data)
    stream.seek(len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)
    return stream


def _read_slow(text: str, table: RawTable, name: str) -> RawTable:
    """Parse with the csv module, record by record, collecting every problem."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    lines: list[int] = []
    previous_end = 0
    try:
        header = next(reader)
        previous_end = reader.line_num
        for record in reader:
            start = previous_end + 1
            previous_end = reader.line_num
            if not any(cell.strip() for cell in record):
                continue  # blank line, or a row of empty cells from a spreadsheet
            rows.append(record)
            lines.append(start)
    except csv.Error as error:
        # Name the line where the broken row starts: an unclosed quote is only noticed at the
        # end of the file, far below the line that needs fixing.
        table.problems.append(Problem(name, previous_end + 1, None, f"cannot parse CSV: {error}"))
        return table

    header = [cell.strip() for cell in header]
    keep = _columns_to_keep(header, rows, table, name)
    width = len(header)
    cells: list[list[str]] = []
    kept_lines: list[int] = []
    for record, line in zip(rows, lines, strict=True):
        if len(record) > width and any(cell.strip() for cell in record[width:]):
            table.problems.append(
                Problem(name, line, None, f"has {len(record)} fields but the header has {width}")
            )
            continue
        record = (record + [""] * width)[:width]
        cells.append([record[i] for i in keep])
        kept_lines.append(line)
    names = [header[i] for i in keep]
    duplicated = sorted(n for n, count in collections.Counter(names).items() if count > 1)
    for column in duplicated:
        table.problems.append(Problem(name, 1, column, "column appears more than once in the header"))
    if duplicated:
        return table
    frame = pd.DataFrame(cells, columns=names, dtype=object).astype("str") if cells else (
        pd.DataFrame({n: pd.Series([], dtype="str") for n in names})
    )
    frame["_line"] = pd.Series(kept_lines, dtype="int64", index=frame.index)
    table.frame = frame
    return table


def _columns_to_keep(header: list[str], rows: list[list[str]], table: RawTable, name: str) -> list[int]:
    """Indexes of header cells to keep: unnamed columns are dropped, with a warning if they hold data."""
    keep = []
    for index, cell in enumerate(header):
        if cell:
            keep.append(index)
            continue
        used = [row[index] for row in rows if index < len(row) and row[index].strip()]
        if used:
            table.problems.append(
                Problem(name, 1, f"column {index + 1}", f"has no name in the header but holds "
                        f"{len(used)} value(s), e.g. {used[0]!r}")
            )
        else:
            table.warnings.append(
                Problem(name, 1, f"column {index + 1}", "empty column with no name ignored")
            )
    return keep
