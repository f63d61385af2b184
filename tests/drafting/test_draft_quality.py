"""Draft quality on the five seeds, each drafted against the dataset without it (prints the table)."""

from __future__ import annotations

from benchmarks.draft_quality import evaluate, table


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
