"""Tests for geo.data.csvio: reading a CSV file as text cells with the line each row starts on."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.data.csvio import read_table


def read(tmp_path: Path, data: bytes):
    """Write ``data`` as ``table.csv`` and read it back, naming it ``table.csv`` in messages."""
    path = tmp_path / "table.csv"
    path.write_bytes(data)
    return read_table(path, display_name="table.csv")


def messages(table) -> list[str]:
    return [str(problem) for problem in table.problems]


def test_plain_file_keeps_cells_as_text_and_numbers_lines_from_the_header(tmp_path: Path) -> None:
    """Two rows under a header: lines 2 and 3, cells untouched (no number parsing)."""
    table = read(tmp_path, b"id,lat\na,40.10\nb,007\n")
    assert table.problems == [] and table.warnings == []
    assert table.frame.to_dict("records") == [
        {"id": "a", "lat": "40.10", "_line": 2},
        {"id": "b", "lat": "007", "_line": 3},
    ]


@pytest.mark.parametrize(
    ("data", "lines"),
    [
        pytest.param(b'id,quote\na,"one\ntwo\nthree"\nb,plain\n', [2, 5], id="cell-over-three-lines"),
        pytest.param(b'id,quote\r\na,"one\r\ntwo"\r\nb,plain\r\n', [2, 4], id="cell-over-two-crlf-lines"),
        pytest.param(b"id,quote\n\na,x\n\n\nb,y\n", [3, 6], id="blank-lines-skipped-but-counted"),
        pytest.param(b"id,quote\na,x\n,\nb,y\n", [2, 4], id="row-of-empty-cells-skipped"),
        # empty unnamed columns send the file down the careful path; lines must agree there too
        pytest.param(b'id,quote,,\na,"one\ntwo",,\n\nb,plain,,\n', [2, 5], id="multi-line-with-spreadsheet-columns"),
    ],
)
def test_line_numbers_count_physical_lines(tmp_path: Path, data: bytes, lines: list[int]) -> None:
    """A quoted cell spanning lines must not shift the line number of the rows after it."""
    table = read(tmp_path, data)
    assert table.problems == []
    assert list(table.frame["_line"]) == lines


def test_multi_line_cell_keeps_its_line_breaks(tmp_path: Path) -> None:
    """The quote is kept verbatim, line breaks included."""
    table = read(tmp_path, b'id,quote\na,"one\ntwo"\n')
    assert table.frame.loc[0, "quote"] == "one\ntwo"


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\xef\xbb\xbfid,quote\na,x\n", id="byte-order-mark"),
        pytest.param(b"id,quote\r\na,x\r\n", id="crlf"),
        pytest.param(b"\xef\xbb\xbfid,quote\r\na,x\r\n", id="byte-order-mark-and-crlf"),
        pytest.param(b"id,quote\na,x", id="no-final-newline"),
    ],
)
def test_spreadsheet_encodings_are_accepted(tmp_path: Path, data: bytes) -> None:
    """What Excel and LibreOffice write: a BOM before ``id`` and CRLF line ends are invisible."""
    table = read(tmp_path, data)
    assert table.problems == [] and table.warnings == []
    assert table.frame.to_dict("records") == [{"id": "a", "quote": "x", "_line": 2}]


def test_empty_unnamed_spreadsheet_columns_are_dropped_with_a_warning(tmp_path: Path) -> None:
    """A spreadsheet export with three empty, unnamed columns after the real ones (``,,,``)."""
    table = read(tmp_path, b"id,quote,,,\na,x,,,\nb,y,,,\n")
    assert table.problems == []
    assert list(table.frame.columns) == ["id", "quote", "_line"]
    assert list(table.frame["id"]) == ["a", "b"]
    assert [str(warning) for warning in table.warnings] == [
        f"table.csv:1: column {n}: empty column with no name ignored" for n in (3, 4, 5)
    ]


def test_unnamed_column_holding_data_is_a_problem(tmp_path: Path) -> None:
    """A value under an empty header cell would be silently lost if the column were dropped."""
    table = read(tmp_path, b"id,quote,\na,x,\nb,y,oops\n")
    assert messages(table) == [
        "table.csv:1: column 3: has no name in the header but holds 1 value(s), e.g. 'oops'"
    ]


def test_extra_trailing_empty_cells_without_header_cells_are_accepted(tmp_path: Path) -> None:
    """Rows with trailing commas the header does not have: nothing is lost, nothing to report."""
    table = read(tmp_path, b"id,quote\na,x,,\n")
    assert table.problems == []
    assert table.frame.to_dict("records") == [{"id": "a", "quote": "x", "_line": 2}]


def test_row_with_more_fields_than_the_header_is_reported_and_others_kept(tmp_path: Path) -> None:
    """Line 3 has an unquoted comma inside a value: three fields under a two-column header."""
    table = read(tmp_path, b"id,quote\na,x\nb,one, two\nc,z\n")
    assert messages(table) == ["table.csv:3: has 3 fields but the header has 2"]
    assert list(table.frame["id"]) == ["a", "c"]


def test_row_with_too_many_fields_after_a_multi_line_cell(tmp_path: Path) -> None:
    """Row a spans lines 2-3, so the bad row b is on line 4."""
    table = read(tmp_path, b'id,quote\na,"one\ntwo"\nb,x,extra\n')
    assert messages(table) == ["table.csv:4: has 3 fields but the header has 2"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b'id,quote\na,"x"y\nb,z\n', 'table.csv:2: cannot parse CSV: \',\' expected after \'"\'',
                     id="text-after-closing-quote"),
        # The quote opened on line 3 is never closed; the reader only notices at the end of the
        # file, but the line to fix is the one the row starts on.
        pytest.param(b'id,quote\na,x\nb,"never closed\nc,z\nd,w\n',
                     "table.csv:3: cannot parse CSV: unexpected end of data", id="unclosed-quote"),
    ],
)
def test_unparseable_csv_names_the_line_where_the_row_starts(tmp_path: Path, data: bytes, expected: str) -> None:
    table = read(tmp_path, data)
    assert messages(table) == [expected]


def test_duplicate_column_is_reported_on_the_header_line(tmp_path: Path) -> None:
    """Two ``id`` columns: which one would a reader mean?"""
    table = read(tmp_path, b"id,id\na,b\n")
    assert messages(table) == ["table.csv:1: id: column appears more than once in the header"]


def test_header_cells_are_trimmed(tmp_path: Path) -> None:
    """``id, quote`` as typed by hand: the space after the comma is not part of the name."""
    table = read(tmp_path, b"id, quote\na,x\n")
    assert list(table.frame.columns) == ["id", "quote", "_line"]


def test_header_only_file_reads_as_no_rows(tmp_path: Path) -> None:
    """Only the header: readable, with the columns it names (the loader says it has no rows)."""
    table = read(tmp_path, b"id,quote\n")
    assert table.problems == []
    assert list(table.frame.columns) == ["id", "quote", "_line"] and table.frame.empty


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"", "table.csv: file is empty; expected a header row", id="zero-bytes"),
        pytest.param(b"\n \n", "table.csv: file is empty; expected a header row", id="whitespace-only"),
        pytest.param(b"\xef\xbb\xbf", "table.csv: file is empty; expected a header row", id="byte-order-mark-only"),
    ],
)
def test_empty_file_is_a_problem(tmp_path: Path, data: bytes, expected: str) -> None:
    assert messages(read(tmp_path, data)) == [expected]


def test_missing_file_is_a_problem(tmp_path: Path) -> None:
    table = read_table(tmp_path / "nowhere.csv", display_name="nowhere.csv")
    assert messages(table) == ["nowhere.csv: file is missing"]


def test_latin1_file_names_the_line_with_the_first_bad_byte(tmp_path: Path) -> None:
    """Saved as Latin-1 by a spreadsheet: ``é`` in ``café`` on line 3 is byte 0xE9."""
    data = "id,quote\na,x\nb,café\n".encode("latin-1")
    table = read(tmp_path, data)
    assert len(table.problems) == 1
    problem = table.problems[0]
    assert (problem.file, problem.line, problem.column) == ("table.csv", 3, None)
    assert "not UTF-8" in problem.message and "save the file as UTF-8" in problem.message
    assert str(problem).startswith("table.csv:3: not UTF-8")
