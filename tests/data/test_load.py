"""Tests for geo.data.load and geo.data.schemas: each broken dataset is reported as FILE:LINE: column: message.

Every broken fixture is the tiny dataset from ``conftest.py`` with one thing changed. Row ``i``
of a table is on CSV line ``i + 2`` (the header is line 1).
"""

from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

import pytest

from geo.data.load import load_dataset
from geo.errors import DataError, Problem
from tests.conftest import SEED_TEXT, TINY, tiny_copy, to_csv, write_dataset


def load_problems(folder: Path) -> list[Problem]:
    """The problems ``load_dataset`` raises for ``folder`` (fails the test if it loads)."""
    with pytest.raises(DataError) as caught:
        load_dataset(folder)
    return caught.value.problems


def problems_with(tmp_path: Path, tables: dict, *, seed_text: str = SEED_TEXT) -> list[Problem]:
    """Write ``tables`` as a dataset and return the problems found in it."""
    return load_problems(write_dataset(tmp_path / "data", tables, seed_text))


def where(problem: Problem) -> tuple[str, int | None, str | None]:
    """(file name, line, column): where a problem points."""
    return Path(problem.file).name, problem.line, problem.column


def edited(table: str, row: int, column: str, value: str) -> dict:
    """The tiny dataset with one cell changed."""
    tables = tiny_copy()
    tables[table][row][column] = value
    return tables


def without_column(table: str, column: str) -> dict:
    """The tiny dataset with one column removed from a table's header and rows."""
    tables = tiny_copy()
    for row in tables[table]:
        del row[column]
    return tables


def test_tiny_dataset_loads_and_joins_places_and_sources(tiny_dir: Path) -> None:
    dataset = load_dataset(tiny_dir)
    reports = dataset.reports.set_index("id")
    # Newest first (2019-11, then 2019, then 2016); the index keeps the order of reports.csv.
    assert list(reports.index) == ["r3", "r1", "r2"]
    assert list(dataset.reports.index) == [2, 0, 1]
    assert reports.loc["r1", "place_name"] == "Dandong"
    assert reports.loc["r1", "source_title"] == "A report" and reports.loc["r1", "seed_file"] == "a.txt"
    assert reports.loc["r3", "sector_ids"] == ("unspecified", "garments")
    assert (reports.loc["r3", "year_start"], reports.loc["r3", "date_precision"]) == (2019, "month")
    assert dataset.years == (2016, 2019)
    assert dataset.warnings == []


# (table, row, column, bad value) -> (file, line, column, what the message says)
ONE_BAD_CELL = [
    pytest.param("places", 1, "lat", "north", "places.csv", 3, "lat",
                 "'north' is not a number between -90 and 90", id="lat-not-a-number"),
    pytest.param("places", 1, "lat", "95", "places.csv", 3, "lat",
                 "'95' is not a number between -90 and 90", id="lat-out-of-range"),
    pytest.param("places", 2, "lon", "-180.5", "places.csv", 4, "lon",
                 "'-180.5' is not a number between -180 and 180", id="lon-out-of-range"),
    pytest.param("places", 3, "radius_km", "", "places.csv", 5, "radius_km",
                 "is empty but precision is 'province'", id="province-without-radius"),
    pytest.param("reports", 1, "workers_min", "thirty", "reports.csv", 3, "workers_min",
                 "'thirty' is not a whole number", id="workers-min-a-word"),
    pytest.param("reports", 1, "workers_min", "\uff13\uff10", "reports.csv", 3, "workers_min",
                 "'\uff13\uff10' is not a whole number", id="workers-min-fullwidth-digits"),
    pytest.param("reports", 1, "workers_max", "29", "reports.csv", 3, "workers_max",
                 "'29' is less than workers_min '30'", id="workers-max-below-min"),
    pytest.param("reports", 2, "wage_max", "1000", "reports.csv", 4, "wage_max",
                 "'1000' is less than wage_min '1500'", id="wage-max-below-min"),
    pytest.param("reports", 2, "wage_currency", "", "reports.csv", 4, "wage_currency",
                 "is empty but a wage is given; add its currency", id="wage-without-currency"),
    pytest.param("reports", 2, "state_share_max", "120", "reports.csv", 4, "state_share_max",
                 "'120' is not a number between 0 and 100", id="state-share-over-100"),
    pytest.param("reports", 1, "sectors", "mining", "reports.csv", 3, "sectors",
                 "'mining' holds an unknown or empty sector", id="unknown-sector"),
    pytest.param("reports", 1, "sectors", "hospitality;", "reports.csv", 3, "sectors",
                 "'hospitality;' holds an unknown or empty sector", id="sector-list-with-empty-part"),
    pytest.param("reports", 1, "role", "worker", "reports.csv", 3, "role",
                 "'worker' is not a known role (expected one of: destination, event, origin, transit)",
                 id="unknown-role"),
    pytest.param("reports", 1, "date_start", "2017", "reports.csv", 3, "date_end",
                 "'2016' is before date_start '2017'", id="start-after-end"),
    pytest.param("reports", 1, "date_end", "2016-05", "reports.csv", 3, "date_end",
                 "'2016-05' and date_start '2016' must have the same precision", id="different-precisions"),
    pytest.param("reports", 0, "date_note", "", "reports.csv", 2, "date_note",
                 "is empty but date_basis is 'inferred'; say how the date was inferred",
                 id="inferred-date-without-note"),
    pytest.param("reports", 1, "id", "R 2", "reports.csv", 3, "id",
                 "'R 2' is not a valid id", id="id-not-a-slug"),
    pytest.param("reports", 1, "place_id", "nowhere", "reports.csv", 3, "place_id",
                 "'nowhere' is not a known place id (see places.csv)", id="unknown-place-id"),
    pytest.param("reports", 2, "from_place_id", "nowhere", "reports.csv", 4, "from_place_id",
                 "'nowhere' is not a known place id (see places.csv)", id="unknown-from-place-id"),
    pytest.param("reports", 1, "source_id", "src-z", "reports.csv", 3, "source_id",
                 "'src-z' is not a known source id (see sources.csv) (expected one of: src-a)",
                 id="unknown-source-id"),
    pytest.param("reports", 1, "quote", "In 2016, thirty restaurant staff fled Ningbo together.",
                 "reports.csv", 3, "quote", "is not found verbatim in a.txt; copy it exactly from the seed",
                 id="quote-not-in-seed"),
    pytest.param("sources", 0, "published_note", "", "sources.csv", 2, "published_note",
                 "is empty but published_basis is 'inferred'", id="inferred-publication-without-note"),
    pytest.param("sources", 0, "published", "2019-11\n", "sources.csv", 2, "published",
                 "'2019-11\\n' is not a date like 2019", id="published-with-trailing-newline"),
    pytest.param("reports", 0, "workers_min", "99999999999999999999999999", "reports.csv", 2, "workers_min",
                 "is not a whole number from 0 to 100,000,000", id="workers-too-many-for-any-source"),
    pytest.param("reports", 2, "wage_max", "1" + "0" * 400, "reports.csv", 4, "wage_max",
                 "is not a number between 0 and 1,000,000,000", id="wage-too-large"),
    pytest.param("sectors", 0, "colour", "green", "sectors.csv", 2, "colour",
                 "'green' is not a colour like #0072B2", id="colour-not-hex"),
]


@pytest.mark.parametrize(("table", "row", "column", "value", "file", "line", "bad_column", "message"), ONE_BAD_CELL)
def test_one_bad_cell_gives_one_located_problem(
    tmp_path: Path, table: str, row: int, column: str, value: str,
    file: str, line: int, bad_column: str, message: str,
) -> None:
    problems = problems_with(tmp_path, edited(table, row, column, value))
    assert [where(problem) for problem in problems] == [(file, line, bad_column)]
    assert message in problems[0].message
    assert str(problems[0]) == f"{problems[0].file}:{line}: {bad_column}: {problems[0].message}"
    assert problems[0].file.endswith(file)


def test_duplicate_ids_name_every_row_that_uses_the_id(tmp_path: Path) -> None:
    problems = problems_with(tmp_path, edited("reports", 1, "id", "r1"))
    assert [where(problem) for problem in problems] == [("reports.csv", 2, "id"), ("reports.csv", 3, "id")]
    assert all("'r1' is used by more than one row; ids must be unique" in p.message for p in problems)


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("reports", "role"),
        ("reports", "source_id"),  # the verbatim check reads it too
        ("reports", "date_start"),  # the date_end checks read it too
        ("reports", "date_basis"),  # the date_note check reads it too
        ("places", "lat"),
        ("places", "precision"),  # the radius_km check reads it too
        ("sources", "seed_file"),
    ],
)
def test_missing_required_column_is_one_problem_on_the_header_line(tmp_path: Path, table: str, column: str) -> None:
    problems = problems_with(tmp_path, without_column(table, column))
    assert [where(problem) for problem in problems] == [(f"{table}.csv", 1, column)]
    assert problems[0].message == "column is missing from the header"


@pytest.mark.parametrize(
    "column", ["from_place_id", "workers_min", "wage_min", "state_share_min"]
)
def test_optional_column_may_be_left_out(tmp_path: Path, column: str) -> None:
    """Dropping an optional column is fine even when a check on another column reads it."""
    dataset = load_dataset(write_dataset(tmp_path / "data", without_column("reports", column)))
    assert column in dataset.reports.columns
    assert len(dataset.reports) == 3


@pytest.mark.parametrize("column", ["admin1", "aliases"])
def test_optional_place_column_may_be_left_out(tmp_path: Path, column: str) -> None:
    """places.csv declares these optional; a file without them loads, with empty values."""
    dataset = load_dataset(write_dataset(tmp_path / "data", without_column("places", column)))
    assert (dataset.places[column] == "").all()
    assert len(dataset.reports) == 3


def test_quote_from_another_sources_seed_names_the_seed_it_is_in(tmp_path: Path) -> None:
    """Two sources with their own seeds; report r2 cites src-b but quotes a.txt (src-a's seed)."""
    tables = tiny_copy()
    tables["sources"].append(dict(TINY["sources"][0], id="src-b", seed_file="b.txt",
                                  published_basis="stated", published_note=""))
    tables["reports"][1]["source_id"] = "src-b"
    folder = write_dataset(tmp_path / "data", tables)
    (folder / "seeds" / "b.txt").write_text("A second document about something else.\n", encoding="utf-8")
    problems = load_problems(folder)
    assert [where(problem) for problem in problems] == [("reports.csv", 3, "quote")]
    assert problems[0].message == (
        "'In 2016, thirty restaurant staff left Ningbo together.' is not in b.txt (source 'src-b') "
        "but is in a.txt; is source_id right?"
    )


@pytest.mark.parametrize(
    "quote",
    [
        pytest.param("In 2016,   thirty restaurant\nstaff left Ningbo together.", id="extra-spaces-and-newline"),
        pytest.param("  In 2016, thirty restaurant staff left Ningbo together.\t", id="padded"),
        pytest.param("thirty restaurant staff", id="part-of-a-sentence"),
    ],
)
def test_quote_may_differ_from_the_seed_in_whitespace_only(tmp_path: Path, quote: str) -> None:
    dataset = load_dataset(write_dataset(tmp_path / "data", edited("reports", 1, "quote", quote)))
    assert dataset.reports.loc[1, "quote"] == quote


def test_quote_matches_across_a_line_break_and_double_space_in_the_seed(tiny_dir: Path) -> None:
    """The seed has 'Workers  from Pyongyang\\nwere sent'; report r3 quotes it with single spaces."""
    assert "Workers  from Pyongyang\nwere" in (tiny_dir / "seeds" / "a.txt").read_text(encoding="utf-8")
    assert load_dataset(tiny_dir).reports.loc[2, "quote"] == "Workers from Pyongyang were sent to Jilin Province."


@pytest.mark.parametrize(
    "quote",
    [
        pytest.param("In 2016, thirty restaurant workers left Ningbo together.", id="changed-word"),
        pytest.param("In 2016 thirty restaurant staff left Ningbo together.", id="dropped-comma"),
        pytest.param("in 2016, thirty restaurant staff left Ningbo together.", id="changed-case"),
    ],
)
def test_quote_with_anything_but_whitespace_changed_is_rejected(tmp_path: Path, quote: str) -> None:
    problems = problems_with(tmp_path, edited("reports", 1, "quote", quote))
    assert [where(problem) for problem in problems] == [("reports.csv", 3, "quote")]
    assert "is not found verbatim in a.txt" in problems[0].message


def test_multi_line_cell_does_not_shift_the_line_of_later_rows(tmp_path: Path) -> None:
    """r1's notes span two lines (2-3), so r2 starts on line 4 and r3 on line 5."""
    tables = edited("reports", 0, "notes", "first line\nsecond line")
    tables["reports"][1]["role"] = "worker"
    tables["reports"][2]["role"] = "boss"
    problems = problems_with(tmp_path, tables)
    assert [where(problem) for problem in problems] == [("reports.csv", 4, "role"), ("reports.csv", 5, "role")]


def test_id_with_braces_does_not_break_the_messages(tmp_path: Path) -> None:
    """An id like '{oops}' ends up in another check's message template; it must stay literal."""
    tables = edited("places", 3, "id", "{oops}")
    problems = problems_with(tmp_path, tables)
    assert [where(problem) for problem in problems] == [("places.csv", 5, "id"), ("reports.csv", 4, "place_id")]
    assert "{oops}" in problems[1].message


def test_not_utf8_file_names_the_line_and_nothing_else(tmp_path: Path) -> None:
    """places.csv saved as Latin-1: 'Ningbø' on line 3. Reports pointing at places are not blamed."""
    folder = write_dataset(tmp_path / "data", tiny_copy())
    text = to_csv(TINY["places"]).replace("ningbo,Ningbo,", "ningbo,Ningbø,")
    (folder / "places.csv").write_bytes(text.encode("utf-8").replace("ø".encode(), "ø".encode("latin-1")))
    problems = load_problems(folder)
    assert [where(problem) for problem in problems] == [("places.csv", 3, None)]
    assert "not UTF-8" in problems[0].message and "save the file as UTF-8" in problems[0].message


@pytest.mark.parametrize(
    ("table", "contents", "message"),
    [
        pytest.param("sources", None, "file is missing", id="missing-sources"),
        pytest.param("sectors", None, "file is missing", id="missing-sectors"),
        pytest.param("places", "", "file is empty; expected a header row", id="empty-places"),
        pytest.param("reports", "", "file is empty; expected a header row", id="empty-reports"),
        pytest.param("sources", "header", "has a header but no rows", id="header-only-sources"),
        pytest.param("places", "header", "has a header but no rows", id="header-only-places"),
        pytest.param("reports", "header", "has a header but no rows", id="header-only-reports"),
    ],
)
def test_unusable_file_is_one_problem_naming_the_file(
    tmp_path: Path, table: str, contents: str | None, message: str
) -> None:
    """References into an unreadable table are not each reported as unknown."""
    folder = write_dataset(tmp_path / "data", tiny_copy())
    path = folder / f"{table}.csv"
    if contents is None:
        path.unlink()
    elif contents == "header":
        path.write_text(",".join(TINY[table][0]) + "\n", encoding="utf-8")
    else:
        path.write_text(contents, encoding="utf-8")
    problems = load_problems(folder)
    assert [where(problem) for problem in problems] == [(f"{table}.csv", None, None)]
    assert str(problems[0]) == f"{folder / f'{table}.csv'}: {message}"


def test_a_table_that_links_to_itself_is_one_located_problem(tmp_path: Path) -> None:
    folder = write_dataset(tmp_path / "data", tiny_copy())
    path = folder / "sectors.csv"
    path.unlink()
    path.symlink_to(path.name)
    problems = load_problems(folder)
    assert [where(problem) for problem in problems] == [("sectors.csv", None, None)]
    assert "is a link that leads nowhere" in problems[0].message


def test_all_problems_are_reported_at_once_and_sorted(tmp_path: Path) -> None:
    """Five unrelated mistakes in four files: all five come back, ordered by file then line."""
    tables = tiny_copy()
    tables["reports"][2]["date_note"] = ""
    tables["reports"][0]["workers_min"] = "many"
    tables["reports"][1]["role"] = "worker"
    tables["places"][1]["lat"] = "north"
    tables["sectors"][2]["colour"] = "grey"
    with pytest.raises(DataError) as caught:
        load_dataset(write_dataset(tmp_path / "data", tables))
    error = caught.value
    assert [where(problem) for problem in error.problems] == [
        ("places.csv", 3, "lat"),
        ("reports.csv", 2, "workers_min"),
        ("reports.csv", 3, "role"),
        ("reports.csv", 4, "date_note"),
        ("sectors.csv", 4, "colour"),
    ]
    report = str(error).splitlines()
    assert report[:-1] == [str(problem) for problem in error.problems]
    assert report[-1] == "5 problems found."


def test_spreadsheet_style_files_load_with_a_warning_for_empty_columns(tmp_path: Path) -> None:
    """Every file saved by a spreadsheet: BOM, CRLF, and sectors.csv with three empty unnamed columns."""
    folder = write_dataset(tmp_path / "data", tiny_copy())
    for table, rows in TINY.items():
        text = to_csv(rows, line_ending="\r\n")
        if table == "sectors":
            text = "".join(line + ",,,\r\n" for line in text.split("\r\n") if line)
        (folder / f"{table}.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    dataset = load_dataset(folder)
    assert list(dataset.reports.sort_index()["id"]) == ["r1", "r2", "r3"]
    assert list(dataset.sectors.columns) == ["id", "label", "colour", "description"]
    assert [where(warning) for warning in dataset.warnings] == [
        ("sectors.csv", 1, "column 5"), ("sectors.csv", 1, "column 6"), ("sectors.csv", 1, "column 7"),
    ]
    assert all(warning.message == "empty column with no name ignored" for warning in dataset.warnings)


def test_unused_place_is_a_warning_not_a_problem(tmp_path: Path) -> None:
    tables = tiny_copy()
    tables["places"].append(dict(TINY["places"][0], id="hunchun", name="Hunchun", geonames_id=""))
    dataset = load_dataset(write_dataset(tmp_path / "data", tables))
    assert [str(warning) for warning in dataset.warnings] == [
        f"{tmp_path / 'data' / 'places.csv'}:6: id: place 'hunchun' is used by no report"
    ]


def test_a_day_that_is_not_in_the_calendar_is_rejected(tmp_path: Path) -> None:
    """31 February has the right shape but no such day."""
    tables = edited("reports", 0, "date_start", "2019-02-31")
    tables["reports"][0]["date_end"] = "2019-03-01"
    problems = problems_with(tmp_path, tables)
    assert [str(p).split("/")[-1] for p in problems] == [
        "reports.csv:2: date_start: '2019-02-31' is not a real calendar date"
    ]


def test_a_seed_that_is_not_utf8_is_named_with_its_line(tmp_path: Path) -> None:
    """A Latin-1 byte on line 4 of the seed: its quotes could not be checked fairly."""
    folder = write_dataset(tmp_path / "data")
    seed = folder / "seeds" / "a.txt"
    seed.write_bytes(SEED_TEXT.encode() + b"caf\xe9\n")
    problems = load_problems(folder)
    assert [(Path(p.file).name, p.line) for p in problems] == [("a.txt", 5)]
    assert "not UTF-8" in problems[0].message


def test_a_place_far_outside_its_country_is_flagged(tmp_path: Path) -> None:
    """Ningbo's coordinates with country KP: about 1,000 km from North Korea."""
    problems = problems_with(tmp_path, edited("places", 1, "country", "KP"))
    assert [where(p)[1:] for p in problems] == [(3, "lat")]
    assert "outside North Korea (KP)" in problems[0].message


def test_swapped_latitude_and_longitude_are_flagged(tmp_path: Path) -> None:
    """Dandong with lat and lon swapped: the latitude is out of range."""
    tables = edited("places", 0, "lat", "124.3947")
    tables["places"][0]["lon"] = "40.1292"
    problems = problems_with(tmp_path, tables)
    assert [where(p)[1:] for p in problems] == [(2, "lat")]


def test_a_seeds_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    """A link to a private folder would let the source reader show any file the server can read."""
    private = tmp_path / "private"
    private.mkdir()
    (private / "a.txt").write_text((write_dataset(tmp_path / "x") / "seeds" / "a.txt").read_text(encoding="utf-8"),
                                   encoding="utf-8")
    folder = write_dataset(tmp_path / "data", tiny_copy())
    shutil.rmtree(folder / "seeds")
    (folder / "seeds").symlink_to(private)
    problems = load_problems(folder)
    assert any(problem.file.endswith("seeds") and "is a link" in problem.message for problem in problems)


def test_a_seed_file_that_links_outside_the_seeds_folder_is_refused(tmp_path: Path) -> None:
    folder = write_dataset(tmp_path / "data", tiny_copy())
    private = tmp_path / "private.txt"
    private.write_text((folder / "seeds" / "a.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "seeds" / "a.txt").unlink()
    (folder / "seeds" / "a.txt").symlink_to(private)
    problems = load_problems(folder)
    assert any(problem.file.endswith("a.txt") and "leads outside the seeds folder" in problem.message
               for problem in problems)


# --- issue 13: presence, movement basis, kinds of figures, fees, date qualifiers, source addresses ---

NEW_COLUMN_PROBLEMS = [
    pytest.param("reports", 0, "presence", "some", "reports.csv", 2, "presence",
                 "'some' is not a known presence (expected one of: few, none, reported, sought)",
                 id="unknown-presence"),
    pytest.param("reports", 2, "from_basis", "", "reports.csv", 4, "from_basis",
                 "is empty but from_place_id is 'pyongyang'; say whether the movement is stated or inferred",
                 id="from-place-without-basis"),
    pytest.param("reports", 2, "from_basis", "guessed", "reports.csv", 4, "from_basis",
                 "'guessed' is not a known movement basis (expected one of: inferred, stated)",
                 id="unknown-from-basis"),
    pytest.param("reports", 0, "from_basis", "stated", "reports.csv", 2, "from_basis",
                 "is 'stated' but from_place_id is empty; a basis describes a movement", id="basis-without-movement"),
    pytest.param("reports", 1, "workers_kind", "", "reports.csv", 3, "workers_kind",
                 "is empty but a number of workers is given; say what kind of figure it is", id="figure-without-kind"),
    pytest.param("reports", 1, "workers_kind", "guess", "reports.csv", 3, "workers_kind",
                 "'guess' is not a known kind of figure "
                 "(expected one of: count, estimate, per_group, per_unit, projection)",
                 id="unknown-workers-kind"),
    pytest.param("reports", 1, "date_qualifier", "roughly", "reports.csv", 3, "date_qualifier",
                 "'roughly' is not a known date qualifier (expected one of: approximate, uncertain)",
                 id="unknown-date-qualifier"),
    pytest.param("reports", 1, "date_qualifier", "approximate", "reports.csv", 3, "date_note",
                 "is empty but date_qualifier is 'approximate'; say what the dates stand for",
                 id="qualified-date-without-note"),
    pytest.param("reports", 1, "fee_min", "2500", "reports.csv", 3, "fee_currency",
                 "is empty but a fee is given; add its currency", id="fee-without-currency"),
    pytest.param("reports", 1, "fee_period", "fortnight", "reports.csv", 3, "fee_period",
                 "'fortnight' is not a known fee period", id="unknown-fee-period"),
    pytest.param("reports", 1, "fee_min", "lots", "reports.csv", 3, "fee_min",
                 "'lots' is not a number", id="fee-not-a-number"),
    pytest.param("sources", 0, "url", "www.example.org/a", "sources.csv", 2, "url",
                 "'www.example.org/a' is not a web address starting with http:// or https://", id="url-not-http"),
    pytest.param("sources", 0, "url_checked", "", "sources.csv", 2, "url_checked",
                 "is empty but url is given; give the date the address was checked (YYYY-MM-DD)",
                 id="url-without-check-date"),
    pytest.param("sources", 0, "url_checked", "2026-11", "sources.csv", 2, "url_checked",
                 "'2026-11' is not a full date like 2026-11-30", id="url-checked-not-a-day"),
    pytest.param("sources", 0, "published", "2019-12-21/2019-11-23", "sources.csv", 2, "published",
                 "'2019-12-21/2019-11-23' ends before it starts", id="published-range-backwards"),
    pytest.param("sources", 0, "published", "2019-11-23/2019-12-32", "sources.csv", 2, "published",
                 "is not a date like 2019", id="published-range-bad-day"),
]


@pytest.mark.parametrize(("table", "row", "column", "value", "file", "line", "bad_column", "message"),
                         NEW_COLUMN_PROBLEMS)
def test_new_columns_give_one_located_problem(
    tmp_path: Path, table: str, row: int, column: str, value: str,
    file: str, line: int, bad_column: str, message: str,
) -> None:
    problems = problems_with(tmp_path, edited(table, row, column, value))
    assert [where(problem) for problem in problems] == [(file, line, bad_column)]
    assert message in problems[0].message
    assert str(problems[0]) == f"{problems[0].file}:{line}: {bad_column}: {problems[0].message}"


def test_a_figure_with_the_workers_kind_column_left_out_is_a_problem(tmp_path: Path) -> None:
    """Rows with figures (r1, r2) need a kind; a file without the column names each of them."""
    problems = problems_with(tmp_path, without_column("reports", "workers_kind"))
    assert [where(problem) for problem in problems] == [("reports.csv", 2, "workers_min"),
                                                         ("reports.csv", 3, "workers_min")]
    assert "the file has no workers_kind column" in problems[0].message


def test_a_movement_with_the_from_basis_column_left_out_is_a_problem(tmp_path: Path) -> None:
    problems = problems_with(tmp_path, without_column("reports", "from_basis"))
    assert [where(problem) for problem in problems] == [("reports.csv", 4, "from_place_id")]
    assert "the file has no from_basis column" in problems[0].message


@pytest.mark.parametrize("column", ["presence", "date_qualifier", "caution", "fee_min", "fee_as_stated"])
def test_new_optional_columns_may_be_left_out(tmp_path: Path, column: str) -> None:
    dataset = load_dataset(write_dataset(tmp_path / "data", without_column("reports", column)))
    assert column in dataset.reports.columns
    assert len(dataset.reports) == 3


def test_empty_presence_loads_as_reported_and_source_url_is_joined(tiny_dir: Path) -> None:
    reports = load_dataset(tiny_dir).reports.set_index("id")
    assert list(reports["presence"].astype(str)) == ["reported"] * 3
    assert reports.loc["r1", "source_url"] == "https://example.org/2019/11/report"


def test_a_publication_range_loads(tmp_path: Path) -> None:
    dataset = load_dataset(write_dataset(tmp_path / "data", edited("sources", 0, "published", "2019-11-23/2019-12-21")))
    assert dataset.sources.loc["src-a", "published"] == "2019-11-23/2019-12-21"


def test_a_place_beyond_the_outlines_frame_is_not_checked_but_one_inside_is(tmp_path: Path) -> None:
    """The outlines stop at lat 54: central Russia cannot be checked; a 'Russian' point in Jilin can."""
    tables = tiny_copy()
    russia = dict(TINY["places"][3], id="russia", name="Russia", admin1="", country="RU", lat="61.5",
                  lon="105.0", precision="country", radius_km="2500")
    tables["places"].append(russia)
    tables["reports"][0]["place_id"] = "russia"
    load_dataset(write_dataset(tmp_path / "ok", tables))
    tables["places"][-1]["lat"], tables["places"][-1]["lon"] = "43.7", "126.2"
    problems = load_problems(write_dataset(tmp_path / "bad", tables))
    assert [where(p)[1:] for p in problems] == [(6, "lat")]
    assert "outside Russia (RU)" in problems[0].message


def test_a_region_spanning_countries_may_leave_country_empty_but_a_city_may_not(tmp_path: Path) -> None:
    tables = tiny_copy()
    tables["places"].append(dict(TINY["places"][3], id="southeast-asia", name="Southeast Asia", admin1="",
                                 country="", lat="10.0", lon="106.0", precision="region", radius_km="2000"))
    tables["reports"][0]["place_id"] = "southeast-asia"
    load_dataset(write_dataset(tmp_path / "ok", tables))
    tables["places"][-1]["precision"] = "city"
    problems = load_problems(write_dataset(tmp_path / "bad", tables))
    assert [where(p) for p in problems] == [("places.csv", 6, "country")]


def test_a_chinese_place_outside_the_outlines_frame_is_still_checked(tmp_path: Path) -> None:
    """China lies wholly inside the outlines' frame, so a mistyped longitude far west is caught."""
    problems = problems_with(tmp_path, edited("places", 0, "lon", "24.3947"))
    assert [where(p)[1:] for p in problems] == [(2, "lat")]
    assert "outside China (CN)" in problems[0].message


def refuse_reading(monkeypatch: pytest.MonkeyPatch, huge: Path) -> None:
    """Make reading ``huge`` whole fail the test (instead of filling the memory)."""
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        assert self.resolve() != huge.resolve(), f"{huge} was read into memory"
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)


def test_a_data_file_over_the_size_limit_is_refused_before_reading(tiny_dir: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    reports = tiny_dir / "reports.csv"
    with reports.open("r+b") as stream:
        stream.truncate(1_000_000_000)  # sparse: a gigabyte on paper, nothing on disk
    refuse_reading(monkeypatch, reports)
    with pytest.raises(DataError) as caught:
        load_dataset(tiny_dir)
    assert "reports.csv: is 1,000,000,000 bytes; the limit is 200,000,000 (max_table_bytes)" in str(caught.value)


def test_a_seed_over_the_size_limit_is_refused_and_versions_hash_in_chunks(tiny_dir: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from geo.data.load import dataset_version

    huge = tiny_dir / "seeds" / "unreferenced.txt"
    with huge.open("wb") as stream:
        stream.truncate(1_000_000_000)
    refuse_reading(monkeypatch, huge)
    with pytest.raises(DataError, match=r"unreferenced.txt: seed is 1,000,000,000 bytes; the limit is 2,000,000"):
        load_dataset(tiny_dir)
    huge.unlink()
    expected = hashlib.sha256()
    for table in ("sources", "places", "sectors", "reports"):
        expected.update((tiny_dir / f"{table}.csv").read_bytes())
    expected.update(b"a.txt\0" + (tiny_dir / "seeds" / "a.txt").read_bytes())
    assert dataset_version(tiny_dir) == expected.hexdigest()[:12]  # the same versions as before


@pytest.mark.parametrize("columns", [1_000, 1_000_000])
def test_a_header_with_too_many_columns_is_refused_at_once(tiny_dir: Path, columns: int) -> None:
    header = ",".join(f"c{i}" for i in range(columns))
    (tiny_dir / "places.csv").write_text(header + "\n" + "," * (columns - 1) + "\n", encoding="utf-8")
    began = time.process_time()
    with pytest.raises(DataError, match=rf"places.csv:1: the header has {columns:,} columns; a table has at most 200"):
        load_dataset(tiny_dir)
    assert time.process_time() - began < 20


def test_an_unknown_column_is_a_warning_naming_it(tmp_path: Path) -> None:
    tables = tiny_copy()
    for row in tables["places"]:
        row["colour"] = "#ff0000"  # a column places.csv does not have
    dataset = load_dataset(write_dataset(tmp_path / "d", tables))
    assert any(str(w).endswith("places.csv:1: colour: unknown column, ignored; data/README.md lists the columns "
                               "of places.csv (a typo of one of them?)") for w in dataset.warnings), dataset.warnings


def test_formulas_in_titles_and_publishers_are_refused_and_elsewhere_flagged(tmp_path: Path) -> None:
    tables = tiny_copy()
    tables["sources"][0]["title"] = '=HYPERLINK("http://evil.example","x")'
    tables["sources"][0]["publisher"] = "+cmd|' /C calc'!A0"
    problems = load_problems(write_dataset(tmp_path / "refused", tables))
    assert {(p.line, p.column) for p in problems} >= {(2, "title"), (2, "publisher")}
    assert all("runs as a formula" in p.message for p in problems if p.column in ("title", "publisher"))
    tables = tiny_copy()
    tables["reports"][0]["notes"] = "@SUM(A1:A9)"
    tables["places"][0]["location_note"] = "-2+3 km east"
    dataset = load_dataset(write_dataset(tmp_path / "flagged", tables))
    flagged = {(Path(w.file).name, w.line, w.column) for w in dataset.warnings}
    assert flagged == {("reports.csv", 2, "notes"), ("places.csv", 2, "location_note")}
    from geo.formulas import looks_like_formula

    assert not looks_like_formula("-12.5") and not looks_like_formula("+3") and looks_like_formula("-2+3 km")
