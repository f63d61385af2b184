"""Random damage to valid CSV files: the loader either loads or raises DataError, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.data.load import TABLES, load_dataset
from geo.errors import DataError
from tests.conftest import write_dataset

SPECIAL = [b",", b'"', b"\n", b"\r\n", b";", b"\xff", b"\xef\xbb\xbf", b"\x00", b"-", b"9999", b"", b" ", "中".encode()]


@st.composite
def damage(draw: st.DrawFn) -> tuple[str, list[tuple[str, int, bytes, int]]]:
    """Pick a table and a few edits: (kind, position, bytes, length)."""
    table = draw(st.sampled_from(TABLES))
    edits = draw(st.lists(
        st.tuples(
            st.sampled_from(["insert", "delete", "replace", "truncate", "duplicate-line"]),
            st.integers(min_value=0, max_value=10_000),
            st.one_of(st.sampled_from(SPECIAL), st.binary(max_size=6)),
            st.integers(min_value=1, max_value=40),
        ),
        min_size=1, max_size=4,
    ))
    return table, edits


def apply(data: bytes, edits: list[tuple[str, int, bytes, int]]) -> bytes:
    for kind, position, chunk, length in edits:
        at = position % (len(data) + 1)
        if kind == "insert":
            data = data[:at] + chunk + data[at:]
        elif kind == "delete":
            data = data[:at] + data[at + length:]
        elif kind == "replace":
            data = data[:at] + chunk + data[at + len(chunk):]
        elif kind == "truncate":
            data = data[:at]
        else:
            lines = data.split(b"\n")
            index = at % len(lines)
            lines.insert(index, lines[index])
            data = b"\n".join(lines)
    return data


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A valid tiny dataset the fuzzer copies and damages."""
    return write_dataset(tmp_path_factory.mktemp("pristine"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=damage())
def test_damaged_csv_loads_or_raises_data_error(case, pristine: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    table, edits = case
    folder = tmp_path_factory.mktemp("damaged")
    write_dataset(folder)
    path = folder / f"{table}.csv"
    path.write_bytes(apply((pristine / f"{table}.csv").read_bytes(), edits))
    try:
        dataset = load_dataset(folder)
    except DataError as error:
        assert error.problems, "a DataError must carry at least one problem"
        assert all(str(p).startswith(str(folder)) or p.file.endswith(".csv") for p in error.problems)
    else:
        assert len(dataset.reports) >= 1
