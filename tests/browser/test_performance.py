"""The dashboard against the naive one-marker-per-report map in Chromium: ratios only, no absolute times.

A small version of ``make bench`` for CI: 2,500 synthetic reports, the dashboard and
``benchmarks/naive_app.py`` served on them, five slider steps in the dashboard and four in the
naive peer (whose steps are slow: that is the point). Absolute times depend on the
machine; what must hold anywhere is that a filter change never remounts the dashboard's map and
that the dashboard settles several times faster than the naive map in the same run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from benchmarks import browse
from geo.data.synth import synthesise
from tests.browser import harness

pytestmark = pytest.mark.browser

REPORTS, PLACES, STEPS = 2_500, 200, 5
NAIVE_STEPS = 4  # each naive step costs two full reruns (the remounted map reports its bounds back)
MIN_RATIO = 3.0


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory, browser: object) -> dict[str, browse.AppRun]:
    """Both apps measured once on the same synthetic dataset, in the session's Chromium."""
    if not harness.CHROMIUM.exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"{harness.CHROMIUM} is missing and REQUIRE_BROWSER=1", pytrace=False)
        pytest.skip(f"{harness.CHROMIUM} is missing (set REQUIRE_BROWSER=1 to fail instead)")
    root: Path = tmp_path_factory.mktemp("perf")
    folder = synthesise(root / "synth", reports=REPORTS, places=PLACES)
    return {
        "dashboard": browse.measure_app(browser, folder, steps=STEPS),
        "naive": browse.measure_app(browser, folder, steps=NAIVE_STEPS, naive=True, staging=root / "naive"),
    }


def test_filter_changes_never_remount_the_map(runs: dict[str, browse.AppRun]) -> None:
    dashboard = runs["dashboard"]
    assert len(dashboard.steps) == STEPS
    assert dashboard.remounts == 0, f"the map iframe remounted on {dashboard.remounts} of {STEPS} slider steps"


def test_the_naive_peer_does_remount(runs: dict[str, browse.AppRun]) -> None:
    """The remount check can fail: the naive map, rebuilt on every step, is caught by it."""
    assert runs["naive"].remounts == NAIVE_STEPS


def test_dashboard_is_several_times_faster_than_naive(runs: dict[str, browse.AppRun]) -> None:
    dashboard, naive = runs["dashboard"], runs["naive"]
    ratio = naive.median_ms / dashboard.median_ms
    assert ratio >= MIN_RATIO, (
        f"slider→settled median: dashboard {dashboard.median_ms:.0f} ms, naive {naive.median_ms:.0f} ms "
        f"({ratio:.1f}×, want ≥ {MIN_RATIO:.0f}×)"
    )
