"""Draft quality on the five seeds, each drafted against the dataset without it (prints the table)."""

from __future__ import annotations

from benchmarks.draft_quality import Row, evaluate, table


def test_drafts_find_the_curated_reports_without_flooding_the_reviewer() -> None:
    rows = evaluate()
    print("\n" + table(rows))
    curated = sum(r.curated for r in rows)
    recall = sum(r.matched for r in rows) / curated
    candidates = sum(r.candidates for r in rows)
    assert recall >= 0.9
    assert candidates <= 3 * curated
    assert all(r.recall >= 0.7 for r in rows)
    assert sum(r.year for r in rows) >= 0.85 * sum(r.matched for r in rows)
    assert sum(r.sector for r in rows) >= 0.75 * sum(r.matched for r in rows)


def test_a_held_out_half_of_two_batches_shows_each_batch_and_the_total_and_no_article() -> None:
    rows = [Row("u01-dandong", 4, 5, matched=3), Row("u02-hunchun", 2, 2, matched=2),
            Row("x01-suifenhe", 5, 4, matched=1)]
    lines = [line for line in table(rows, per_source=False).splitlines() if line.startswith("| ")][1:]
    assert [line.split(" | ")[0:2] for line in lines] == [["| u01–u02", "6"], ["| x01–x01", "5"], ["| **all**", "11"]]
    assert "dandong" not in table(rows, per_source=False)
    assert [line.split(" | ")[0] for line in table(rows[:2], per_source=False).splitlines()[2:3]] == ["| **all**"]
