"""The image rows of the bench (``python -m benchmarks.run --only image``): their table and their own
section of docs/PERFORMANCE.md, which leaves the main bench section alone."""

from __future__ import annotations

from pathlib import Path

from benchmarks import run
from benchmarks.image import ImageRow, image_table


def row(label: str, first: float, then: float) -> ImageRow:
    return ImageRow(label=label, reports=79, places=18,
                    formats={"png": {"first": first, "next": [then, then, then], "bytes": 2048},
                             "svg": {"first": 0.4, "next": [0.5], "bytes": 1024}})


def test_the_table_holds_seconds_and_size_and_judges_png_against_its_budget() -> None:
    table = image_table([row("bundled data/", 2.5, 1.5), row("synthetic 50k", 12.0, 7.0)])
    lines = table.splitlines()
    assert "| bundled data/ | 79 | 18 | PNG | 2.50 | 1.50 | 2 | < 3 s: **PASS** |" in lines
    assert "| synthetic 50k | 79 | 18 | PNG | 12.00 | 7.00 | 2 | < 10 s: **FAIL** |" in lines
    assert "| bundled data/ | 79 | 18 | SVG | 0.40 | 0.50 | 1 | – |" in lines


def test_the_image_section_is_written_beside_the_main_one(tmp_path: Path) -> None:
    doc = tmp_path / "PERFORMANCE.md"
    doc.write_text(f"# Performance\n\n{run.START}\nmain table\n{run.END}\n", encoding="utf-8")
    for table in ("first image table", "second image table"):
        run.write_doc(table, doc, markers=(run.IMAGE_START, run.IMAGE_END), heading="Image of a view")
    text = doc.read_text(encoding="utf-8")
    assert f"{run.START}\nmain table\n{run.END}" in text
    assert text.count("## Image of a view") == 1
    assert f"{run.IMAGE_START}\nsecond image table\n{run.IMAGE_END}" in text and "first image" not in text


def test_only_image_is_an_option() -> None:
    assert run.parse_args(["--only", "image"]).only == "image"
    assert run.parse_args([]).only is None
