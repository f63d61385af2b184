"""Tests for geo.cli: ``python -m geo validate | export | synth`` exit codes and output."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from geo.cli import main
from geo.data.load import load_dataset
from geo.settings import ROOT
from tests.conftest import tiny_copy, write_dataset

# A located problem as the CLI prints it: FILE:LINE: column: message
LOCATED = re.compile(r"^(?P<file>\S+\.csv):(?P<line>\d+): (?P<column>\w+): \S")


@pytest.fixture
def broken_dir(tmp_path: Path) -> Path:
    """The tiny dataset with an unknown role on reports.csv line 3 and a latitude of 95 on places.csv line 2."""
    tables = tiny_copy()
    tables["reports"][1]["role"] = "worker"
    tables["places"][0]["lat"] = "95"
    return write_dataset(tmp_path / "broken", tables)


def exported_ids(path: Path) -> list[str]:
    """Report ids in an exported CSV."""
    return [row["id"] for row in csv.DictReader(path.read_text(encoding="utf-8").splitlines())]


def test_validate_valid_dataset_exits_0(tiny_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--data", str(tiny_dir)]) == 0
    out = capsys.readouterr()
    assert "valid: 3 reports, 4 places, 1 sources" in out.out
    assert out.err == ""


def test_validate_broken_dataset_exits_1_with_located_problems(
    broken_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--data", str(broken_dir)]) == 1
    out = capsys.readouterr()
    lines = out.err.splitlines()
    found = [LOCATED.match(line) for line in lines[:-1]]
    assert [(Path(m["file"]).name, int(m["line"]), m["column"]) for m in found if m] == [
        ("places.csv", 2, "lat"), ("reports.csv", 3, "role"),
    ]
    assert lines[-1] == "2 problems found."
    assert out.out == ""


def test_validate_in_a_subprocess_prints_problems_not_a_traceback(broken_dir: Path) -> None:
    """What a user at a terminal sees: exit status 1, one line per problem, no Python internals."""
    result = subprocess.run(
        [sys.executable, "-m", "geo", "validate", "--data", str(broken_dir)],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{broken_dir / 'reports.csv'}:3: role: 'worker' is not a known role" in result.stderr
    assert all(LOCATED.match(line) for line in result.stderr.splitlines()[:-1])


def test_validate_missing_folder_exits_1_naming_each_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--data", str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    for table in ("places", "reports", "sectors", "sources"):
        assert f"{tmp_path / 'nowhere' / table}.csv: file is missing" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        pytest.param(["--years", "2019"], ["r1", "r3"], id="one-year"),
        pytest.param(["--years", "2015–2016"], ["r2"], id="year-range-en-dash"),
        pytest.param(["--sectors", "garments, hospitality"], ["r1", "r2", "r3"], id="sectors-any-of"),
        pytest.param(["--years", "2019", "--sectors", "unspecified"], ["r3"], id="years-and-sectors"),
        pytest.param(["--years", "2020-2025"], [], id="nothing-matches"),
    ],
)
def test_export_csv_writes_the_filtered_reports(tiny_dir: Path, tmp_path: Path, options: list[str],
                                                expected: list[str]) -> None:
    out = tmp_path / "out" / "reports.csv"
    assert main(["export", "--format", "csv", "--data", str(tiny_dir), *options, "-o", str(out)]) == 0
    assert exported_ids(out) == expected


def test_export_geojson_records_the_filters(tiny_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports.geojson"
    argv = ["export", "--format", "geojson", "--data", str(tiny_dir), "--years", "2016-2019",
            "--sectors", "garments", "-o", str(out)]
    assert main(argv) == 0
    collection = json.loads(out.read_text(encoding="utf-8"))
    assert [feature["id"] for feature in collection["features"]] == ["r1", "r3"]
    assert collection["metadata"]["filters"] == (
        "years 2016–2019; sectors Garments; places in China and North Korea only")


@pytest.mark.parametrize("years", ["2019-2017", "twenty", "2017-", "2017-2018-2019", ""])
def test_export_bad_years_is_a_usage_error(tiny_dir: Path, tmp_path: Path, years: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--format", "csv", "--data", str(tiny_dir), "--years", years, "-o", str(tmp_path / "x.csv")])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert f"{years!r} is not a year range like 2017-2019" in err and "Traceback" not in err
    assert not (tmp_path / "x.csv").exists()


def test_export_unknown_sector_exits_2(tiny_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.csv"
    assert main(["export", "--format", "csv", "--data", str(tiny_dir), "--sectors", "garments,seafod",
                 "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "unknown sector id(s) seafod" in err and "known: garments, hospitality, unspecified" in err
    assert not out.exists()


def test_export_into_the_data_folder_is_refused(tiny_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sorted(path.name for path in tiny_dir.iterdir())
    assert main(["export", "--format", "csv", "--data", str(tiny_dir), "-o", str(tiny_dir / "x.csv")]) == 1
    assert "refusing to write inside" in capsys.readouterr().err
    assert sorted(path.name for path in tiny_dir.iterdir()) == before


def test_export_of_a_broken_dataset_exits_1(broken_dir: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.csv"
    assert main(["export", "--format", "csv", "--data", str(broken_dir), "-o", str(out)]) == 1
    assert "reports.csv:3: role:" in capsys.readouterr().err
    assert not out.exists()


def test_synth_output_validates_and_is_deterministic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for folder in (first, second):
        assert main(["synth", "--reports", "300", "--places", "25", "-o", str(folder)]) == 0
    assert main(["validate", "--data", str(first)]) == 0
    assert "valid: 300 reports, 25 places" in capsys.readouterr().out
    dataset = load_dataset(first)
    assert len(dataset.reports) == 300 and len(dataset.places) == 25
    files = sorted(path.relative_to(first) for path in first.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(second) for path in second.rglob("*") if path.is_file())
    assert {Path("reports.csv"), Path("places.csv"), Path("sources.csv"), Path("sectors.csv")} <= set(files)
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_synth_seed_changes_the_data(tmp_path: Path) -> None:
    for seed in ("1", "2"):
        assert main(["synth", "--reports", "50", "--seed", seed, "-o", str(tmp_path / seed)]) == 0
    assert (tmp_path / "1" / "reports.csv").read_bytes() != (tmp_path / "2" / "reports.csv").read_bytes()


@pytest.mark.parametrize("argv", [["--reports", "0"], ["--reports", "-5"], ["--reports", "10", "--places", "0"]])
def test_synth_needs_at_least_one_report_and_place(tmp_path: Path, argv: list[str],
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["synth", *argv, "-o", str(tmp_path / "out")])
    assert exit_info.value.code == 2
    assert "is not a whole number of at least 1" in capsys.readouterr().err


@pytest.mark.parametrize("folder", ["data", "seeds", ".", "data/sub"])
def test_synth_never_writes_into_the_projects_dataset(folder: str) -> None:
    """Checked on the guard itself, so that a broken guard cannot overwrite the real data."""
    from geo.data.synth import check_output
    from geo.files import OutputRefusedError
    from geo.settings import ROOT

    for force in (False, True):
        with pytest.raises(OutputRefusedError, match="the project's own dataset"):
            check_output(ROOT / folder, force=force)


def test_synth_refuses_a_folder_holding_a_dataset_unless_forced(tiny_dir: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    before = (tiny_dir / "reports.csv").read_bytes()
    assert main(["synth", "--reports", "20", "-o", str(tiny_dir)]) == 1
    assert "already holds a dataset" in capsys.readouterr().err
    assert (tiny_dir / "reports.csv").read_bytes() == before
    assert main(["synth", "--reports", "20", "--force", "-o", str(tiny_dir)]) == 0
    assert (tiny_dir / "reports.csv").read_bytes() != before


def test_export_refuses_a_fifo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert main(["export", "--format", "csv", "-o", str(fifo)]) == 1
    assert "not a regular file" in capsys.readouterr().err
    assert fifo.is_fifo()


def test_export_leaves_places_beyond_china_out_unless_abroad_is_given(tmp_path: Path) -> None:
    """r1 moved to a place in Mongolia: left out by default, kept with --abroad, and the metadata says which."""
    tables = tiny_copy()
    tables["places"].append(dict(tables["places"][3], id="mongolia", name="Mongolia", admin1="", country="MN",
                                 lat="46.86", lon="103.84", precision="country", radius_km="700"))
    tables["reports"][0]["place_id"] = "mongolia"
    data = write_dataset(tmp_path / "data", tables)
    default, abroad = tmp_path / "default.csv", tmp_path / "abroad.csv"
    assert main(["export", "--format", "csv", "--data", str(data), "-o", str(default)]) == 0
    assert main(["export", "--format", "csv", "--data", str(data), "--abroad", "-o", str(abroad)]) == 0
    assert exported_ids(default) == ["r2", "r3"]
    assert exported_ids(abroad) == ["r1", "r2", "r3"]
    package = tmp_path / "package.zip"
    assert main(["export", "--format", "package", "--data", str(data), "-o", str(package)]) == 0
    import zipfile

    assert "Filters: places in China and North Korea only." in zipfile.ZipFile(package).read("README.md").decode()


@pytest.mark.parametrize("fmt", ["csv", "geojson"])
def test_export_without_abroad_says_what_it_left_out_and_how_to_include_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """Issue 21: the reports beyond China are not dropped silently."""
    from tests.conftest import tiny_with_abroad, write_dataset

    tables = tiny_with_abroad()
    data = write_dataset(tmp_path / "data", tables)
    assert main(["export", "--format", fmt, "--data", str(data), "-o", str(tmp_path / f"x.{fmt}")]) == 0
    assert "1 report beyond China and North Korea" in capsys.readouterr().out
    assert main(["export", "--format", fmt, "--data", str(data), "--abroad", "-o", str(tmp_path / f"y.{fmt}")]) == 0
    assert "beyond China" not in capsys.readouterr().out


def test_synth_refuses_a_parent_folder_whose_seeds_hold_files_unless_forced(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    parent = tmp_path / "parent"  # a dataset laid out as PARENT/data + PARENT/seeds
    (parent / "seeds").mkdir(parents=True)
    (parent / "data").mkdir()
    (parent / "seeds" / "000_curated.txt").write_text("A curated seed.\n", encoding="utf-8")
    assert main(["synth", "--reports", "20", "-o", str(parent)]) == 1
    assert "seeds/ with files in it" in capsys.readouterr().err
    assert sorted(p.name for p in (parent / "seeds").iterdir()) == ["000_curated.txt"]
    assert main(["synth", "--reports", "20", "--force", "-o", str(parent)]) == 0


MODULES_LOADED = (
    "import runpy, sys\n"
    "sys.argv = ['geo', *sys.argv[1:]]\n"
    "try:\n"
    "    runpy.run_module('geo', run_name='__main__', alter_sys=True)\n"
    "except SystemExit:\n"
    "    pass\n"
    "print(' '.join(sorted({name.split('.')[0] for name in sys.modules})))\n"
)
"""Runs ``python -m geo ARGS`` in this interpreter, then prints the top-level modules it imported."""


def modules_of_command(*argv: str) -> set[str]:
    """The top-level modules a fresh ``python -m geo ARGS`` process has imported when it is done."""
    result = subprocess.run([sys.executable, "-c", MODULES_LOADED, *argv], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, check=True)
    return set(result.stdout.split("\n")[-2].split())


def test_help_imports_no_data_or_drawing_library() -> None:
    """Issue 24: ``python -m geo --help`` answers at once; it imported pandas through the filters' flags."""
    loaded = modules_of_command("--help")
    assert "geo" in loaded and "argparse" in loaded  # the check sees what the command imported
    assert loaded & {"numpy", "pandas", "pyarrow", "pandera", "folium", "branca", "jinja2", "babel"} == set()


def test_export_help_still_lists_every_filter_flag() -> None:
    from geo.query.filters import FILTERS

    result = subprocess.run([sys.executable, "-m", "geo", "export", "--help"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, check=True)
    assert all(spec.cli in result.stdout for spec in FILTERS)


def test_validate_imports_no_drawing_library_nor_what_pandera_looks_for_on_the_side(tiny_dir: Path) -> None:
    """Issue 24: validating draws nothing (no folium, branca, jinja2), and pandera's optional look-ups of
    geopandas (geometry columns) and hypothesis (data synthesis) cost 0.8 s that validation never uses."""
    loaded = modules_of_command("validate", "--data", str(tiny_dir))
    assert {"pandas", "pandera", "shapely"} <= loaded  # it did validate, places' countries included
    assert loaded & {"folium", "branca", "jinja2", "streamlit", "geopandas", "pyproj", "hypothesis"} == set()


@pytest.mark.parametrize("fmt", [f for f in __import__("geo.cli", fromlist=["EXPORT_FORMATS"]).EXPORT_FORMATS
                                 if f not in ("png", "pdf", "svg")])
def test_every_listed_export_format_writes_its_own_kind_of_file(tmp_path: Path, fmt: str) -> None:
    """A format named in --format but with no branch of its own must not fall through to another's."""
    out = tmp_path / f"view.{fmt}"
    assert main(["export", "--format", fmt, "--years", "2019-2019", "-o", str(out)]) == 0
    head = out.read_bytes()[:200].lower()
    assert (b"<!doctype html" in head or b"<html" in head) == (fmt == "html"), head
