"""The dashboard against the naive one-marker-per-report map in Chromium: ratios only, no absolute times.

A small version of ``make bench`` for CI: 2,500 synthetic reports, the dashboard and
``benchmarks/naive_app.py`` served on them, five slider steps in the dashboard and four in the
naive peer (whose steps are slow: that is the point). Absolute times depend on the
machine; what must hold anywhere is that a filter change never remounts the dashboard's map,
that the dashboard settles several times faster than the naive map in the same run, and that its
step stays within ``MAX_FLOOR_RATIO`` times the step floor's (``benchmarks/step_floor_app.py``: a
year slider that changes one circle, measured in the same run), sending numbers rather than the
map's words.
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
MAX_FLOOR_RATIO = 30.0
"""The dashboard's step over the step floor's, at most. ``make bench`` aims at 1.2×; here a step was
measured at 12× and 25× under a load of 15 to 18 on 2 cores (2026-12-06), the naive map at over 36×: the
bound catches a step that grows back to resending the map, not the last tenth."""
MAX_MAP_KB = 40
"""The map's websocket bytes per year step (``component_instance``) at most: the step sends numbers per
place, not the map's words (about 21 KB here, of which 12 KB the unchanged base map; 455 KB before)."""
MAX_BYTES_FLOOR_RATIO = {"all": 6.0, "component_instance": 1.6, "vega_lite_chart": 1.2}
"""A year step's websocket bytes over the step floor's whole step (3.6 KB), at most: every message, the
map's and the timeline's. Measured 2026-12-06: 4.8×, 1.1× and 0.86× (17.4, 4.0 and 3.1 KB) with the
step's numbers packed and the timeline's data as compact Arrow; 8.7×, 3.0× and 2.5× before."""


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
        "floor": browse.measure_app(browser, None, steps=STEPS, step_floor=True),
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


def test_a_year_step_costs_a_few_times_the_step_floor(runs: dict[str, browse.AppRun]) -> None:
    dashboard, floor = runs["dashboard"], runs["floor"]
    ratio = dashboard.median_ms / floor.median_ms
    assert ratio <= MAX_FLOOR_RATIO, (
        f"slider→settled median: dashboard {dashboard.median_ms:.0f} ms, step floor {floor.median_ms:.0f} ms "
        f"({ratio:.1f}×, want ≤ {MAX_FLOOR_RATIO:.0f}×)")
    sent = dashboard.median_kinds.get("component_instance", 0)
    assert sent <= MAX_MAP_KB * 1024, f"the map: {sent / 1024:.0f} KB per step"


def test_a_year_step_sends_a_few_times_the_step_floors_bytes(runs: dict[str, browse.AppRun]) -> None:
    dashboard, floor = runs["dashboard"], runs["floor"].median_ws_bytes
    kinds = {"all": dashboard.median_ws_bytes, **dashboard.median_kinds}
    for kind, bound in MAX_BYTES_FLOOR_RATIO.items():
        assert kinds.get(kind, 0) <= bound * floor, (
            f"{kind}: {kinds.get(kind, 0) / 1024:.1f} KB per step, the step floor's whole step {floor / 1024:.1f} KB "
            f"({kinds.get(kind, 0) / floor:.1f}×, want ≤ {bound}×)")


def test_the_floor_ratio_can_fail(runs: dict[str, browse.AppRun]) -> None:
    """The negative control: the naive map, rebuilt on every step, is far over the bound."""
    naive, floor = runs["naive"].median_ms, runs["floor"].median_ms
    assert naive / floor > MAX_FLOOR_RATIO, f"naive {naive:.0f} ms, step floor {floor:.0f} ms"
    assert runs["naive"].median_kinds.get("component_instance", 0) > MAX_MAP_KB * 1024
    assert runs["naive"].median_ws_bytes > MAX_BYTES_FLOOR_RATIO["all"] * runs["floor"].median_ws_bytes
