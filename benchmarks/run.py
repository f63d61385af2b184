"""``make bench``: time the dashboard at 5k, 50k and 500k reports against the naive one-marker-per-report map.

Prints a Markdown table and PASS/FAIL per target, and refreshes the marked section of
``docs/PERFORMANCE.md``. ``--quick`` measures 5k and 50k only, with fewer steps. ``--only image``
measures only the image of a view (``benchmarks/image.py``), in a section of its own; ``--only cli`` times
the command line alone, ``--only step-floor`` the year step against the step floor on the bundled
data (and at ``--sizes`` if given), ``--only lang`` the page in Korean against English on the
bundled data, ``--only memory`` the peak memory of each phase of a load (``benchmarks/memory.py``);
none of these rewrites the document.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks import browse, commands, image, measure, memory

DOC = measure.ROOT / "docs" / "PERFORMANCE.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
IMAGE_START, IMAGE_END = "<!-- bench-image:start -->", "<!-- bench-image:end -->"
ONLY = {"image": "the image of a view (PNG, SVG, PDF) on the bundled data and at 50k: seconds and size",
        "cli": "geo --help and geo validate against bare Python",
        "step-floor": "the dashboard's year step and the step floor's, alternately, on data/ (and at --sizes)",
        "lang": "first marks, whole page and year step of /?lang=ko and of / (English), alternately, on data/",
        "memory": "peak memory of each phase of a load from CSV, the first view and steps (default: 500k; --sizes)"}
RESULTS = measure.BENCH_DIR / "results.json"

SIZES = {5_000: 300, 50_000: 1_000, 500_000: 3_000}
"""Reports → places for the synthetic datasets: realistic place counts, growing slower than reports."""

BROWSER_BUDGET_S = 240
"""At a size whose first paint takes longer than this, slider steps are skipped (and the table says so)."""


STEP_TIMEOUT_S = 150
"""A slider step not settled after this long is reported as such, and no more steps are taken."""


@dataclass
class Row:
    """Everything measured for one dataset."""

    label: str
    reports: int
    places: int
    load: measure.LoadTimes | None = None
    python: measure.StepTimes | None = None
    browser: browse.AppRun | None = None
    step_floor: browse.AppRun | None = None
    """The step floor page's steps, measured right after this dataset's (``benchmarks/step_floor_app.py``)."""
    memory: dict | None = None
    """Peak memory per phase of a load from CSV in a fresh process (``benchmarks/memory.py``)."""
    notes: list[str] = field(default_factory=list)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="5k and 50k only, fewer steps (for development)")
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")],
                        help="report counts to run, e.g. 5000,50000 (default: all, or 5k and 50k with --quick)")
    parser.add_argument("--steps", type=int, help="slider steps per app in the browser (default 9, quick 5)")
    parser.add_argument("--no-browser", action="store_true", help="Python-side measurements only")
    parser.add_argument("--no-doc", action="store_true", help="don't rewrite docs/PERFORMANCE.md")
    parser.add_argument("--only", choices=sorted(ONLY),
                        help="measure one part only: " + "; ".join(f"{k}: {v}" for k, v in ONLY.items()))
    parser.add_argument("--rounds", type=int, default=1,
                        help="with --only step-floor: dashboard and floor runs per dataset, alternately (default 1); "
                             "with --only lang: sessions per language, alternately (default 5)")
    return parser.parse_args(argv)


def fmt(value: float | None, digits: int = 0, scale: float = 1) -> str:
    return "–" if value is None else f"{value * scale:,.{digits}f}"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- measuring


def measure_size(reports: int, places: int, *, browser: object | None, steps: int, python_ranges: int) -> Row:
    started = time.monotonic()
    folder = measure.synth_dataset(reports, places)
    row = Row(label=f"synthetic {reports // 1000}k", reports=reports, places=places)
    log(f"[{reports:,}] dataset {folder.relative_to(measure.ROOT)} ready ({time.monotonic() - started:.0f} s)")
    row.load = measure.time_load(folder)
    log(f"[{reports:,}] load cold {row.load.cold:.2f} s, warm {fmt(row.load.warm, 2)} s")
    row.memory = memory.phase_peaks(folder)
    log(f"[{reports:,}] {memory.line('memory', row.memory)}")
    row.python = measure.time_steps(folder, python_ranges)
    log(f"[{reports:,}] python step {row.python.total_ms:.0f} ms, feature group {row.python.feature_group_bytes:,} B")
    if browser is not None:
        row.browser = run_browser(browser, folder, steps, row.notes)
        row.step_floor = run_step_floor(browser, steps, row.notes)
    log(f"[{reports:,}] done in {time.monotonic() - started:.0f} s")
    return row


def run_browser(browser: object, folder: Path | None, steps: int, notes: list[str], *,
                naive: bool = False, first_paints: bool = True) -> browse.AppRun | None:
    """First paint from a fresh server, then slider steps if the first paint came within the budget."""
    name = "naive" if naive else "dashboard"
    try:
        run = browse.measure_app(browser, folder, steps=steps, naive=naive, step_budget_s=BROWSER_BUDGET_S,
                                 step_timeout_s=STEP_TIMEOUT_S)
    except Exception as error:  # noqa: BLE001 - report it in the table and go on with other sizes
        notes.append(f"{name}: {str(error).splitlines()[0]}")
        log(f"  {name} failed: {error}")
        return None
    if not naive and first_paints:
        # One start is noisy on a shared machine: two more starts (no steps), and the median of three.
        paints = [run.first_paint_s]
        for _ in range(2):
            try:
                again = browse.measure_app(browser, folder, steps=0, step_budget_s=BROWSER_BUDGET_S)
                paints.append(again.first_paint_s)
            except Exception as error:  # noqa: BLE001 - keep the first start's number
                log(f"  {name} extra start failed: {error}")
        run.first_paint_s = statistics.median(paints)
    log(f"  {name}: first paint {run.first_paint_s:.1f} s (median of starts), peak memory {fmt(run.peak_mb)} MB")
    if run.error:
        notes.append(f"{name}: slider steps failed: {run.error}")
    if not run.steps:
        if not run.error:
            notes.append(f"{name}: first paint took {run.first_paint_s:.0f} s (> {BROWSER_BUDGET_S} s budget), "
                         "so slider steps were not measured in the browser at this size")
        return run
    if len(run.steps) < steps and not run.error:
        notes.append(f"{name}: only {len(run.steps)} of {steps} slider steps fit in the {BROWSER_BUDGET_S} s "
                     "step budget at this size")
    log(f"  {name}: slider→settled median {run.median_ms:.0f} ms over "
        f"{len(run.steps)} steps, {run.median_ws_bytes / 1024:.0f} KB/step, remounts {run.remounts}")
    log(f"  {name}: bytes per step by message: {kinds_line(run)}")
    return run


def kinds_line(run: browse.AppRun) -> str:
    """A run's median websocket bytes per step by Streamlit message, largest first."""
    return ", ".join(f"{kind} {size / 1024:,.1f} KB" for kind, size in run.median_kinds.items() if size >= 100)


def run_step_floor(browser: object, steps: int, notes: list[str]) -> browse.AppRun | None:
    """The step floor page's slider steps, timed as the dashboard's are (run right after them)."""
    try:
        run = browse.measure_app(browser, None, steps=steps, step_floor=True, step_timeout_s=STEP_TIMEOUT_S)
    except Exception as error:  # noqa: BLE001 - the ratio is then not measured
        notes.append(f"step floor: {str(error).splitlines()[0]}")
        log(f"  step floor failed: {error}")
        return None
    if run.error or not run.steps:
        notes.append(f"step floor: slider steps failed: {run.error}")
        return None
    log(f"  step floor: slider→settled median {run.median_ms:.0f} ms over {len(run.steps)} steps, "
        f"{run.median_ws_bytes / 1024:.1f} KB/step, remounts {run.remounts}")
    return run


def step_ratio(row: Row | None) -> float | None:
    """A dataset's year step (median) over the step floor's measured beside it."""
    dash = settled(row)
    floor = row.step_floor.median_ms if row and row.step_floor and row.step_floor.steps else None
    return dash / floor if dash and floor else None


def step_floor_lines(rows: list[Row]) -> list[str]:
    """Each dataset's year step against the step floor measured right after it."""
    measured = [row for row in rows if row and step_ratio(row)]
    if not measured:
        return []
    return ["Year step against the step floor (`benchmarks/step_floor_app.py`: a year slider that changes one "
            "circle's radius through `st_folium`'s `feature_group_to_add`), timed the same way, its server "
            "started right after each dataset's steps (median slider→settled):", "",
            *[f"- {row.label}: {settled(row):,.0f} ms / {row.step_floor.median_ms:,.0f} ms = "
              f"**{step_ratio(row):.2f}×** the floor ({row.step_floor.median_ws_bytes / 1024:.1f} KB per floor step, "
              f"{row.step_floor.remounts} remounts)" for row in measured], ""]


# ---------------------------------------------------------------- reporting


def table(rows: list[Row], naive: Row | None) -> str:
    head = ("| Dataset | Reports | Places | Load + validate CSV (s) | Load from Parquet cache (s) "
            "| Step in Python (ms): filter+aggregate / layer / FG JS | FG JS (KB) | WS bytes per step (KB) "
            "| Slider→settled (ms, median) | Remounts | Start→first paint (s) | Peak memory (MB) |")
    lines = [head, "|" + "---|" * 12]
    for row in [*rows, *([naive] if naive else [])]:
        py, run = row.python, row.browser
        stepped = run is not None and run.steps
        lines.append("| " + " | ".join([
            row.label, f"{row.reports:,}", f"{row.places:,}",
            fmt(row.load.cold if row.load else None, 2),
            ("–" if not row.load else "no cache" if row.load.warm is None else fmt(row.load.warm, 2)),
            (f"{py.total_ms:,.0f} ({py.filter_aggregate_ms:,.0f} / {py.layer_ms:,.0f} / {py.feature_group_ms:,.0f})"
             if py else "–"),
            fmt(py.feature_group_bytes / 1024 if py else None),
            fmt(run.median_ws_bytes / 1024 if stepped else None),
            (f"{run.median_ms:,.0f} ({len(run.steps)} steps)" if stepped else "not measured"),
            (f"{run.remounts}/{len(run.steps)}" if stepped else "–"),
            fmt(run.first_paint_s if run else None, 1),
            fmt(run.peak_mb if run else None),
        ]) + " |")
    return "\n".join(lines)


def by_reports(rows: list[Row], reports: int | None) -> Row | None:
    return next((row for row in rows if row.reports == reports), None)


def settled(row: Row | None) -> float | None:
    return row.browser.median_ms if row and row.browser and row.browser.steps else None


def targets(rows: list[Row], bundled: Row | None, naive: Row | None) -> list[tuple[str, str, str]]:
    """(target, measured, PASS/FAIL/not measured) for each target of the issue."""
    out = []

    def check(name: str, value: float | None, ok: bool | None, shown: str) -> None:
        verdict = "not measured" if value is None else ("PASS" if ok else "FAIL")
        out.append((name, shown if value is not None else "–", verdict))

    at50, at5, at500 = by_reports(rows, 50_000), by_reports(rows, 5_000), by_reports(rows, 500_000)
    value = settled(at50)
    check("slider→settled ≤ 300 ms at 50,000", value, value is not None and value <= 300, f"{fmt(value)} ms")
    dash, slow = settled(at5), settled(naive)
    ratio = slow / dash if dash and slow else None
    check("≥ 20× faster than naive at 5,000", ratio, ratio is not None and ratio >= 20, f"{fmt(ratio, 1)}×")
    ws = at50.browser.median_ws_bytes if at50 and at50.browser and at50.browser.steps else None
    check("data per step ≤ 1 MB at 50,000", ws, ws is not None and ws <= 1_000_000, f"{fmt(ws, 2, 1e-6)} MB")
    paint = bundled.browser.first_paint_s if bundled and bundled.browser else None
    check("start→first paint ≤ 3 s on bundled data", paint, paint is not None and paint <= 3, f"{fmt(paint, 1)} s")
    paint = at500.browser.first_paint_s if at500 and at500.browser else None
    check("start→first paint ≤ 8 s at 500,000", paint, paint is not None and paint <= 8, f"{fmt(paint, 1)} s")
    peak = at500.browser.peak_mb if at500 and at500.browser else None
    check("peak memory ≤ 600 MB at 500,000", peak, peak is not None and peak <= 600, f"{fmt(peak)} MB")
    for row, label in [(bundled, "bundled data"), (at5, "5,000"), (at50, "50,000"), (at500, "500,000")]:
        ratio = step_ratio(row)
        check(f"year step ≤ 1.2× the step floor at {label}", ratio, ratio is not None and ratio <= 1.2,
              f"{fmt(ratio, 2)}×")
    runs = [row.browser for row in [bundled, *rows] if row and row.browser and row.browser.steps]
    remounts = sum(run.remounts for run in runs) if runs else None
    check("no remount at any size", remounts, remounts == 0,
          f"{remounts} remounts in {sum(len(r.steps) for r in runs)} steps" if runs else "–")
    return out


def first_paints(browser: object, rounds: int) -> dict[str, list[float]]:
    """Start→first paint of the dashboard on ``data/`` and of the floor page, alternately."""
    paints: dict[str, list[float]] = {"dashboard": [], "floor": []}
    for _ in range(rounds):
        for app in paints:
            try:
                paints[app].append(browse.measure_app(browser, None, steps=0, floor=app == "floor").first_paint_s)
            except Exception as error:  # noqa: BLE001 - the table says it was not measured
                log(f"  {app} first paint failed: {error}")
    return paints


def floor_line(paints: dict[str, list[float]]) -> str | None:
    if not paints.get("dashboard") or not paints.get("floor"):
        return None
    dash, floor = statistics.median(paints["dashboard"]), statistics.median(paints["floor"])
    return (f"Start→first paint, median of {len(paints['dashboard'])} alternating runs: the dashboard on `data/` "
            f"**{dash:.1f} s**; the floor, `benchmarks/floor_app.py` (Streamlit, pandas and folium imported, one "
            f"circle drawn with `st_folium`), **{floor:.1f} s**. What the dashboard adds: {dash - floor:+.1f} s.")


def warm_link_line(paints: dict[str, list[float]]) -> str | None:
    if not paints.get("dashboard") or not paints.get("floor"):
        return None
    dash, floor = statistics.median(paints["dashboard"]), statistics.median(paints["floor"])
    whole = statistics.median(paints["dashboard_whole"]) if paints.get("dashboard_whole") else None
    return (f"A shared link on a warm server (`{browse.SHARED_LINK}`), new session until the map shows marks, "
            f"median of {len(paints['dashboard'])} alternating visits: the dashboard **{dash:.2f} s**, the floor "
            f"page **{floor:.2f} s**: **{dash / floor:.2f}×** the floor (target ≤ 1.5×)."
            + (f" The dashboard's whole page (widgets, timeline and table, which follow the marks) "
               f"**{whole:.2f} s**." if whole else ""))


def report(rows: list[Row], bundled: Row | None, naive: Row | None, *, quick: bool, machine: str,
           minutes: float, paints: dict[str, list[float]] | None = None,
           warm: dict[str, list[float]] | None = None, cli: commands.CommandTimes | None = None) -> str:
    checks = targets(rows, bundled, naive)
    checks += [(name, shown, "not measured" if met is None else "PASS" if met else "FAIL")
               for name, shown, met in commands.targets(cli)]
    dash, slow = settled(by_reports(rows, 5_000)), settled(naive)
    parts = [
        f"Measured {time.strftime('%Y-%m-%d %H:%M')} by `python -m benchmarks.run{' --quick' if quick else ''}` "
        f"in {minutes:.1f} min on {machine}.",
        "",
        table([r for r in [bundled, *rows] if r], naive),
        "",
    ]
    if dash and slow:
        line = (f"Naive / dashboard at 5,000 reports, slider→settled: **{slow / dash:.1f}×** "
                f"({slow:,.0f} ms / {dash:,.0f} ms)")
        visible = [s.visible_ms for s in naive.browser.steps if s.visible_ms]
        if visible:
            first = statistics.median(visible)
            line += f"; counting only until the naive map first shows its new markers: {first / dash:.1f}×"
        parts += [line + ".", ""]
    floor = floor_line(paints or {})
    if floor:
        parts += [floor, ""]
    shared = warm_link_line(warm or {})
    if shared:
        parts += [shared, ""]
    parts += step_floor_lines([bundled, *rows])
    if cli:
        rounds = len(cli.seconds[commands.BARE])
        parts += [f"The command line, each in a fresh interpreter, {rounds} alternating rounds "
                  "(`geo validate` checks `data/`):", "", *commands.lines(cli), ""]
    peaks = [memory.line(row.label, row.memory) for row in rows if row.memory]
    if peaks:
        parts += ["Peak memory of each phase of a first start on new data (`benchmarks/memory.py`: a fresh "
                  "process reads, validates and builds from the CSV files, stores the Parquet cache, makes the "
                  "first view and five year steps; another fresh process loads from that cache):", "",
                  *[f"- {line}" for line in peaks], ""]
    kinds = [f"{row.label}: " + ", ".join(f"{kind} {size / 1024:,.0f} KB" for kind, size in
                                          row.browser.median_kinds.items() if size >= 1024)
             + f"; over HTTP {statistics.median(s.http_bytes for s in row.browser.steps) / 1024:,.0f} KB"
             for row in [bundled, *rows, naive] if row and row.browser and row.browser.steps]
    if kinds:
        parts += ["Websocket bytes per step by Streamlit message (median; `component_instance` is the map, "
                  "`dataframe` the reports table, `vega_lite_chart` the timeline, `ref_hash` a cached message):",
                  "", *[f"- {line}" for line in kinds], ""]
    parts += ["| Target | Measured | Result |", "|---|---|---|"]
    parts += [f"| {name} | {value} | **{verdict}** |" for name, value, verdict in checks]
    notes = [f"{row.label}: {note}" for row in [bundled, *rows, naive] if row for note in row.notes]
    if naive and naive.browser and naive.browser.steps:
        notes.append("naive peer: its map remounts on every step by design (the whole map is rebuilt).")
    for row in [bundled, *rows]:
        if row and row.browser and row.browser.offsite:
            notes.append(f"{row.label}: {len(row.browser.offsite)} requests left the machine: "
                         f"{row.browser.offsite[:3]}")
        if row and row.browser and row.browser.process != "python":
            notes.append(f"{row.label}: peak memory read from a `{row.browser.process}` process")
    if notes:
        parts += ["", *[f"- {note}" for note in notes]]
    return "\n".join(parts)


def write_doc(section: str, path: Path = DOC, *, markers: tuple[str, str] = (START, END),
              heading: str = "Latest results") -> None:
    """Replace what stands between the bench markers in ``docs/PERFORMANCE.md`` (append them, under
    ``heading``, if absent)."""
    start, end = markers
    text = path.read_text(encoding="utf-8") if path.is_file() else "# Performance\n"
    block = f"{start}\n{section}\n{end}"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        _, after = rest.split(end, 1)
        text = before + block + after
    else:
        text = text.rstrip("\n") + f"\n\n## {heading}\n\n" + block + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def save(rows: list[Row], bundled: Row | None, naive: Row | None) -> None:
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    data = [asdict(row) for row in [bundled, *rows, naive] if row]
    RESULTS.write_text(json.dumps(data, indent=1, default=str), encoding="utf-8")


# ---------------------------------------------------------------- main


def only_images(args: argparse.Namespace, machine: str) -> int:
    """``--only image``: the image rows alone, into their own section of ``docs/PERFORMANCE.md``."""
    started = time.monotonic()
    rows = image.run_images(log)
    section = (f"Measured {time.strftime('%Y-%m-%d %H:%M')} by `python -m benchmarks.run --only image` in "
               f"{(time.monotonic() - started) / 60:.1f} min on {machine}. The whole view (no filter), the "
               "default size (1920×1080; PNG at 2×, so 3840×2160 pixels; the PDF on A4); the time from a "
               "loaded view to the file's bytes, as the page's download button takes it.\n\n" + image.image_table(rows))
    print(section)
    if not args.no_doc:
        write_doc(section, markers=(IMAGE_START, IMAGE_END), heading="Image of a view")
        log(f"wrote the image results into {DOC.relative_to(measure.ROOT)}")
    return 0


def only_memory(sizes: list[int]) -> int:
    """``--only memory``: the peak of each phase of a load from CSV, per dataset."""
    for reports in sizes:
        folder = measure.synth_dataset(reports, SIZES.get(reports, max(20, reports // 50)))
        log(f"[{reports:,}] memory by phase, two fresh processes")
        print(memory.line(f"synthetic {reports // 1000}k", memory.phase_peaks(folder)))
    return 0


def only_cli() -> int:
    """``--only cli``: the command line's two rows and their targets."""
    log("[cli] geo --help and geo validate against bare Python, 5 alternating rounds")
    times = commands.time_commands(rounds=5)
    print("\n".join(commands.lines(times)))
    print()
    for name, shown, met in commands.targets(times):
        print(f"- {name}: {shown}: **{'PASS' if met else 'FAIL'}**")
    return 0


def only_step_floor(sizes: list[int], steps: int, rounds: int) -> int:
    """``--only step-floor``: the dashboard's year step and the step floor's, alternately, per dataset."""
    from geo.data.load import load_dataset
    from geo.settings import SETTINGS

    dataset = load_dataset(SETTINGS.data_dir)
    datasets = [(Row(label="bundled data/", reports=len(dataset.reports), places=len(dataset.places)), None)]
    for reports in sizes:
        places = SIZES.get(reports, max(20, reports // 50))
        datasets.append((Row(label=f"synthetic {reports // 1000}k", reports=reports, places=places),
                         measure.synth_dataset(reports, places)))
    lines = []
    with browse.chromium() as browser:
        for row, folder in datasets:
            pooled: dict[str, list[float]] = {"dashboard": [], "floor": []}
            for round_ in range(rounds):
                log(f"[{row.label}] round {round_ + 1}: the dashboard's steps, then the step floor's")
                row.browser = run_browser(browser, folder, steps, row.notes, first_paints=False)
                row.step_floor = run_step_floor(browser, steps, row.notes)
                lines += step_floor_lines([row])[2:-1]
                for name, run in (("dashboard", row.browser), ("floor", row.step_floor)):
                    pooled[name] += [step.ms for step in run.steps] if run else []
            if rounds > 1 and pooled["dashboard"] and pooled["floor"]:
                dash, floor = statistics.median(pooled["dashboard"]), statistics.median(pooled["floor"])
                lines.append(f"- {row.label}, all {rounds} rounds: {dash:,.0f} ms / {floor:,.0f} ms = "
                             f"**{dash / floor:.2f}×** the floor (medians of {len(pooled['dashboard'])} and "
                             f"{len(pooled['floor'])} steps)")
    print(f"Year step against the step floor, {steps} steps per run, {measure.machine_line()}:")
    print("\n".join(lines))
    for row, _ in datasets:
        for note in row.notes:
            print(f"- {row.label}: {note}")
    return 0


def language_table(runs: dict[str, dict[str, list[float]]]) -> list[str]:
    """Medians per language and their ratio, Korean over English, as a Markdown table."""
    rows = [("First marks (s)", "marks", 1, 2), ("Whole page (s)", "whole", 1, 2), ("Year step (ms)", "step", 1, 0)]
    lines = ["| median | English `/` | Korean `/?lang=ko` | ko / en |", "|---|---:|---:|---:|"]
    for name, key, scale, digits in rows:
        en, ko = runs["en"][key], runs["ko"][key]
        if not en or not ko:
            lines.append(f"| {name} | – | – | – |")
            continue
        en_median, ko_median = statistics.median(en), statistics.median(ko)
        lines.append(f"| {name} (n = {len(en)}, {len(ko)}) | {fmt(en_median, digits, scale)} | "
                     f"{fmt(ko_median, digits, scale)} | **{ko_median / en_median:.2f}** |")
    return lines


def only_lang(steps: int, rounds: int) -> int:
    """``--only lang``: the page in Korean and in English on one warm server, new sessions alternately."""
    with browse.chromium() as browser:
        log(f"[lang] {rounds} sessions each of / and /?lang=ko, alternately, {steps} year steps per session")
        runs = browse.language_runs(browser, rounds=rounds, steps=steps)
    print(f"The page in Korean against English on data/, one warm server, {rounds} new sessions each, "
          f"alternately, {steps} year steps per session; {measure.machine_line()}:")
    print()
    print("\n".join(language_table(runs)))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.only == "lang":
        return only_lang(args.steps or 5, args.rounds if args.rounds > 1 else 5)
    if args.only == "cli":
        return only_cli()
    if args.only == "memory":
        return only_memory(args.sizes or [500_000])
    if args.only == "step-floor":
        return only_step_floor(args.sizes or [], args.steps or 9, args.rounds)
    started = time.monotonic()
    machine = measure.machine_line()
    if args.only == "image":
        return only_images(args, machine)
    sizes = args.sizes or ([5_000, 50_000] if args.quick else list(SIZES))
    steps = args.steps or (5 if args.quick else 9)
    naive_steps = max(3, min(steps, 4 if args.quick else 7))
    python_ranges = 8 if args.quick else 15
    rows: list[Row] = []
    bundled = naive = None
    paints: dict[str, list[float]] = {}
    warm: dict[str, list[float]] = {}
    with browse.chromium() if not args.no_browser else contextlib.nullcontext() as browser:
        if browser is not None:
            bundled = Row(label="bundled data/", reports=0, places=0)
            from geo.data.load import load_dataset
            from geo.settings import SETTINGS

            dataset = load_dataset(SETTINGS.data_dir)
            bundled.reports, bundled.places = len(dataset.reports), len(dataset.places)
            bundled.load = measure.time_load(SETTINGS.data_dir)
            bundled.python = measure.time_steps(SETTINGS.data_dir, python_ranges)
            log("[bundled] measuring in Chromium")
            bundled.browser = run_browser(browser, None, steps, bundled.notes)
            bundled.step_floor = run_step_floor(browser, steps, bundled.notes)
            log("[floor] first paint of the dashboard and of the one-circle floor page, alternately")
            paints = first_paints(browser, rounds=3)
            log(f"  {floor_line(paints)}")
            log("[warm] a shared link on a warm server, against the floor page")
            warm = browse.warm_link_paints(browser)
            log(f"  {warm_link_line(warm)}")
        for reports in sizes:
            rows.append(measure_size(reports, SIZES.get(reports, max(20, reports // 50)), browser=browser,
                                     steps=steps, python_ranges=python_ranges))
        if browser is not None and 5_000 in sizes:
            log("[naive] measuring the naive peer on the 5k dataset")
            naive = Row(label="naive peer, 5k", reports=5_000, places=SIZES[5_000])
            naive.browser = run_browser(browser, measure.synth_dataset(5_000, SIZES[5_000]), naive_steps,
                                        naive.notes, naive=True)
    log("[cli] geo --help and geo validate against bare Python")
    cli = commands.time_commands(rounds=5)
    section = report(rows, bundled, naive, quick=args.quick, machine=machine,
                     minutes=(time.monotonic() - started) / 60, paints=paints, warm=warm, cli=cli)
    save(rows, bundled, naive)
    print(section)
    if not args.no_doc:
        write_doc(section)
        log(f"wrote the results into {DOC.relative_to(measure.ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
