"""Tests for the bench's report (``benchmarks/run.py``, ``benchmarks/commands.py``): the step floor's ratio
per dataset and the command line's targets, from measurements made up here (nothing is timed)."""

from __future__ import annotations

from benchmarks import browse, commands
from benchmarks.run import Row, report, step_ratio, targets


def app_run(*step_ms: float) -> browse.AppRun:
    """A browser run whose slider steps took ``step_ms`` milliseconds."""
    return browse.AppRun(app="made up", first_paint_s=1.0, steps=[
        browse.Step(ms=ms, visible_ms=None, ws_bytes=1000, markers=1, remounted=False) for ms in step_ms])


def row(reports: int, dashboard: list[float], floor: list[float] | None) -> Row:
    return Row(label=f"{reports}", reports=reports, places=10, browser=app_run(*dashboard),
               step_floor=app_run(*floor) if floor else None)


def verdicts(rows: list[Row], bundled: Row | None = None) -> dict[str, str]:
    return {name: verdict for name, _, verdict in targets(rows, bundled, None)}


def test_each_sizes_step_is_a_ratio_to_the_floor_measured_beside_it() -> None:
    near, far = row(50_000, [110, 120, 130], [100, 100, 105]), row(500_000, [300, 310, 400], [100, 90, 110])
    assert step_ratio(near) == 1.2 and step_ratio(far) == 3.1
    found = verdicts([near, far], bundled=row(58, [100], None))
    assert found["year step ≤ 1.2× the step floor at 50,000"] == "PASS"
    assert found["year step ≤ 1.2× the step floor at 500,000"] == "FAIL"
    assert found["year step ≤ 1.2× the step floor at bundled data"] == "not measured"  # no floor run
    assert found["year step ≤ 1.2× the step floor at 5,000"] == "not measured"  # no such size


def test_the_report_shows_the_floor_and_the_command_lines_targets() -> None:
    times = commands.CommandTimes(
        seconds={commands.BARE: [0.02] * 5, commands.HELP: [0.1, 0.3, 0.1, 0.1, 0.1],
                 commands.LIBRARIES: [2.0] * 5, commands.VALIDATE: [3.2, 3.1, 2.9, 3.0, 3.3]},
        cpu={name: [1.0] * 5 for name in commands.COMMANDS})
    text = report([row(50_000, [240], [200])], None, None, quick=False, machine="a machine", minutes=1, cli=times)
    assert "240 ms / 200 ms = **1.20×** the floor" in text
    assert "| `geo --help` within 0.2 s of `python -c pass` | +0.08 s (0.10 s against 0.02 s) | **PASS** |" in text
    assert ("| `geo validate` ≤ 1.5× `import pandas, pandera.pandas` | 1.55× (3.10 s against 2.00 s) | **FAIL** |"
            in text)


def test_the_language_table_gives_medians_and_the_korean_over_english_ratio() -> None:
    from benchmarks.run import language_table

    runs = {"en": {"marks": [1.0, 2.0, 9.0], "whole": [2.0, 2.0, 3.0], "step": [100.0, 300.0, 200.0]},
            "ko": {"marks": [2.2, 2.0, 1.0], "whole": [], "step": [250.0, 150.0, 200.0]}}
    lines = language_table(runs)
    assert lines[2] == "| First marks (s) (n = 3, 3) | 2.00 | 2.00 | **1.00** |"
    assert lines[3] == "| Whole page (s) | – | – | – |"
    assert lines[4] == "| Year step (ms) (n = 3, 3) | 200 | 200 | **1.00** |"
