"""Drive the dashboard (or the naive peer) in headless Chromium and time what a reader waits for.

Server start, Chromium and request routing come from ``tests/browser/harness.py``. What is added
here: serving the naive peer, counting the websocket bytes through CDP, and timing each slider step
inside the page (from the ``keydown`` event to the settled map, polled on every animation frame).
"""

from __future__ import annotations

import base64
import contextlib
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.measure import BENCH_DIR, ROOT, peak_memory_mb, process_name
from tests.browser import harness

THUMBS = "[data-testid='stSlider'] input[type='range']"
SUMMARY = ".nk-summary"
VIEWPORT = {"width": 1400, "height": 1000}
NAIVE_SOURCE = Path(__file__).resolve().parent / "naive_app.py"
FLOOR_SOURCE = Path(__file__).resolve().parent / "floor_app.py"
STEP_FLOOR_SOURCE = Path(__file__).resolve().parent / "step_floor_app.py"

# In the page: remember when the key went down and whether a script run started after it.
_ARM = """([iframe, markers]) => {
  const b = window.__bench = window.__bench || {};
  if (!b.installed) {
    b.installed = true;
    window.addEventListener("keydown", () => { if (b.armed) { b.key = performance.now(); b.armed = false; } }, true);
    const app = document.querySelector("[data-testid='stApp']");
    // A short run can start and end before the observer is called: its records' old values show it.
    new MutationObserver((records) => {
      if (b.key === null) return;
      if (app.getAttribute("data-test-script-state") !== "notRunning"
          || records.some((record) => record.oldValue && record.oldValue !== "notRunning")) b.sawRun = true;
    }).observe(app, {attributes: true, attributeFilter: ["data-test-script-state"], attributeOldValue: true});
  }
  const summary = document.querySelector(".nk-summary");
  b.summary = summary ? summary.textContent : null;
  b.key = null; b.armed = true; b.sawRun = false; b.last = -1; b.stable = 0; b.visible = null;
  const frame = document.querySelector(iframe);
  // The step floor has no summary: its step is done when its one circle has changed.
  b.marks = () => {
    const doc = frame && frame.contentDocument;
    return doc ? Array.from(doc.querySelectorAll(markers), (mark) => mark.getAttribute("d")).join("|") : "";
  };
  b.marksBefore = markers ? b.marks() : null;
  b.summaryChanged = () => {
    const now = document.querySelector(".nk-summary");
    return !!now && now.textContent !== b.summary;
  };
  if (frame && frame.contentWindow && !frame.contentWindow.__bench_flag) frame.contentWindow.__bench_flag = 1;
}"""

# Polled on every animation frame: the milliseconds since the key press once the map has settled.
_SETTLED = """([iframe, markers, wantSummary, wantNewFrame, wantNewMarks]) => {
  const b = window.__bench;
  if (!b || b.key === null) return false;
  const frame = document.querySelector(iframe);
  const doc = frame && frame.contentDocument;
  const fresh = !!doc && !(wantNewFrame && frame.contentWindow.__bench_flag);
  const count = fresh ? doc.querySelectorAll(markers).length : 0;
  if (count === 0 || count !== b.last) { b.last = count; b.stable = 0; return false; }
  b.stable += 1;
  if (b.stable < 2) return false;
  // The new markers have held still for two frames: first time seen, whatever the script is doing.
  if (wantNewFrame && b.visible === null) b.visible = performance.now() - b.key;
  const state = document.querySelector("[data-testid='stApp']").getAttribute("data-test-script-state");
  if (state !== "notRunning") { b.sawRun = true; return false; }
  // What only a run can change (the summary, the step floor's circle) proves a run, even one whose
  // state never showed: React may draw a short run's start and end at once (the step floor's always,
  // the dashboard's fragment now and then under load).
  const summaryChanged = wantSummary && b.summaryChanged();
  const marksChanged = wantNewMarks && b.marks() !== b.marksBefore;
  if (!(b.sawRun || summaryChanged || marksChanged)) return false;
  if ((wantSummary && !summaryChanged) || (wantNewMarks && !marksChanged)) return false;
  return {ms: performance.now() - b.key, visible: b.visible, markers: count};
}"""

_FIRST_PAINT = """([iframe, markers]) => {
  const failed = document.querySelector("[data-testid='stException'], [data-testid='stAlertContentError']");
  if (failed) return {error: failed.textContent.slice(0, 300)};
  const frame = document.querySelector(iframe);
  const doc = frame && frame.contentDocument;
  return !!doc && doc.querySelectorAll(markers).length > 0;
}"""

_DEBUG = """([iframe, markers]) => {
  const frame = document.querySelector(iframe);
  const doc = frame && frame.contentDocument;
  const b = window.__bench;
  return {state: document.querySelector("[data-testid='stApp']").getAttribute("data-test-script-state"),
          summary: document.querySelector(".nk-summary")?.textContent, was: b.summary, sawRun: b.sawRun,
          key: b.key, flag: frame && frame.contentWindow.__bench_flag,
          marksChanged: b.marksBefore === null ? null : b.marks() !== b.marksBefore,
          markers: doc && doc.querySelectorAll(markers).length};
}"""

_STATE = "() => document.querySelector(\"[data-testid='stApp']\")?.getAttribute('data-test-script-state')"


# ---------------------------------------------------------------- the naive peer's server


def stage_naive(root: Path = BENCH_DIR, source: Path = NAIVE_SOURCE) -> Path:
    """Copy a peer app to ``bench-out/naive/`` (it installs Leaflet into the ``static/`` beside it)."""
    folder = root / "naive"
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / source.name
    shutil.copyfile(source, script)
    return script


def start_naive(data_dir: Path | None, *, timeout: float = 60, staging: Path = BENCH_DIR,
                source: Path = NAIVE_SOURCE) -> harness.AppServer:
    """Serve a peer app (the naive map, or the floor page) like ``harness.start_app`` serves the
    dashboard (same flags, root as cwd)."""
    script = stage_naive(staging, source)
    port = harness.free_port()
    command = harness.app_command(port, data_dir)
    command[command.index("dashboard.py")] = str(script)
    log = tempfile.NamedTemporaryFile(prefix="naive-", suffix=".log", delete=False)  # noqa: SIM115
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and script
        command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    log.close()
    server = harness.AppServer(process=process, port=port, log_path=Path(log.name))
    try:
        harness.wait_until_healthy(server, timeout)
    except BaseException:
        server.stop()
        raise
    return server


# ---------------------------------------------------------------- measuring a page


@dataclass
class Step:
    """One slider step: how long until settled, what came over the websocket, and the iframe's fate."""

    ms: float
    visible_ms: float | None
    """Naive peer only: when the new iframe first showed its markers (a rerun may still follow)."""
    ws_bytes: int
    markers: int
    remounted: bool
    http_bytes: int = 0
    """HTTP response bytes in the same interval (Streamlit loads some data, e.g. media, over HTTP)."""
    ws_kinds: dict[str, int] = field(default_factory=dict)
    """Websocket bytes per Streamlit message kind (``component_instance`` is the map)."""


@dataclass
class AppRun:
    """What one server run in Chromium measured."""

    app: str
    first_paint_s: float
    steps: list[Step] = field(default_factory=list)
    peak_mb: float | None = None
    process: str = ""
    offsite: list[str] = field(default_factory=list)
    ws_compressed: bool = False
    error: str | None = None
    """Why the slider steps stopped early, if they did."""

    @property
    def median_ms(self) -> float:
        return statistics.median(step.ms for step in self.steps)

    @property
    def median_ws_bytes(self) -> float:
        return statistics.median(step.ws_bytes for step in self.steps)

    @property
    def median_kinds(self) -> dict[str, float]:
        """Median websocket bytes per message kind over the steps, largest first."""
        kinds = {kind for step in self.steps for kind in step.ws_kinds}
        medians = {kind: statistics.median(step.ws_kinds.get(kind, 0) for step in self.steps) for kind in kinds}
        return dict(sorted(medians.items(), key=lambda item: -item[1]))

    @property
    def remounts(self) -> int:
        return sum(step.remounted for step in self.steps)


class SocketBytes:
    """Sums the payload of every websocket frame the page receives (CDP ``Network`` events)."""

    def __init__(self, page: object):
        self.total = 0
        self.frames: list[bytes] = []
        self.http = 0
        """Bytes of HTTP responses (static files, lazily loaded table data), not in ``total``."""
        self.last_frame = time.monotonic()
        self.compressed = False
        session = page.context.new_cdp_session(page)
        session.on("Network.webSocketFrameReceived", self._frame)
        session.on("Network.webSocketHandshakeResponseReceived", self._handshake)
        session.on("Network.loadingFinished", self._loaded)
        session.send("Network.enable")
        self.session = session

    def _frame(self, params: dict) -> None:
        response = params["response"]
        payload = response.get("payloadData", "")
        if response.get("opcode") == 2:  # binary frames arrive base64-encoded
            data = base64.b64decode(payload)
            self.frames.append(data)
            self.total += len(data)
        else:
            self.total += len(payload.encode("utf-8"))
        self.last_frame = time.monotonic()

    def _loaded(self, params: dict) -> None:
        self.http += int(params.get("encodedDataLength", 0))

    def breakdown(self, since: int = 0) -> dict[str, int]:
        """Bytes per kind of Streamlit message (element type for deltas) in the frames since index ``since``."""
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        kinds: dict[str, int] = {}
        for data in self.frames[since:]:
            try:
                message = ForwardMsg.FromString(data)
            except Exception:  # noqa: BLE001 - not a ForwardMsg: count it as such
                kind = "other"
            else:
                kind = message.WhichOneof("type") or "other"
                if kind == "delta":
                    delta = message.delta
                    kind = delta.WhichOneof("type") or "delta"
                    if kind == "new_element":
                        kind = delta.new_element.WhichOneof("type") or "element"
            kinds[kind] = kinds.get(kind, 0) + len(data)
        return kinds

    def _handshake(self, params: dict) -> None:
        headers = {k.lower(): v for k, v in params["response"].get("headers", {}).items()}
        self.compressed = "deflate" in headers.get("sec-websocket-extensions", "")


def wait_quiet(page: object, sockets: SocketBytes, quiet: float = 0.3, timeout: float = 300) -> None:
    """Wait until no script runs and no websocket frame arrives for ``quiet`` seconds."""
    deadline = time.monotonic() + timeout
    calm_since = None
    while time.monotonic() < deadline:
        now = time.monotonic()
        if page.evaluate(_STATE) == "notRunning" and now - sockets.last_frame >= quiet:
            calm_since = calm_since or now
            if now - calm_since >= quiet:
                return
        else:
            calm_since = None
        page.wait_for_timeout(50)
    raise TimeoutError(f"the page did not settle within {timeout:.0f} s")


def step_keys(count: int) -> list[tuple[int, str]]:
    """(thumb, key) per step: raise the start year one year at a time.

    Lowering the end year from the last year changes no report set in the synthetic data (every
    report starts before it), so the naive map would not redraw; raising the start always drops
    the reports that ended the year before.
    """
    return [(0, "ArrowRight")] * count


def take_steps(page: object, sockets: SocketBytes, count: int, *, naive: bool, timeout: float = 180,
               budget_s: float | None = None, into: list[Step] | None = None, floor: bool = False) -> list[Step]:
    """Press slider keys and time each step from ``keydown`` to the settled map.

    The dashboard's step is settled when its summary has changed too; the naive peer's when its
    new iframe shows markers; the step floor's (``floor``) when its circle has changed.

    With ``budget_s``, stop early (after at least three steps) once the steps have taken that long.
    Steps are appended to ``into`` as they finish, so a later failure keeps the earlier ones.
    """
    steps = [] if into is None else into
    thumbs = page.locator(THUMBS)
    started = time.monotonic()
    for thumb, key in step_keys(count):
        if budget_s is not None and len(steps) >= 3 and time.monotonic() - started > budget_s:
            break
        wait_quiet(page, sockets)
        page.evaluate(_ARM, [harness.MAP_IFRAME, harness.MARKERS if floor else None])
        thumbs.nth(thumb).focus()
        before, first_frame, http = sockets.total, len(sockets.frames), sockets.http
        page.keyboard.press(key)
        try:
            handle = page.wait_for_function(_SETTLED, arg=[harness.MAP_IFRAME, harness.MARKERS, not (naive or floor),
                                                           naive, floor],
                                            polling="raf", timeout=timeout * 1000)
        except Exception as error:
            seen = page.evaluate(_DEBUG, [harness.MAP_IFRAME, harness.MARKERS])
            raise TimeoutError(f"step {len(steps) + 1} ({key} on the {('start', 'end')[thumb]} year) had not "
                               f"settled after {timeout:.0f} s; the page then showed {seen}") from error
        settled = handle.json_value()
        received = sockets.total - before
        remounted = not page.evaluate("([f]) => !!document.querySelector(f).contentWindow.__bench_flag",
                                      [harness.MAP_IFRAME])
        steps.append(Step(ms=settled["ms"], visible_ms=settled["visible"], ws_bytes=received,
                          markers=settled["markers"], remounted=remounted,
                          ws_kinds=sockets.breakdown(first_frame), http_bytes=sockets.http - http))
    return steps


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """Headless system Chromium for the whole benchmark."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = harness.launch_browser(playwright)
        try:
            yield browser
        finally:
            browser.close()


def measure_app(browser: object, data_dir: Path | None, *, steps: int, naive: bool = False, floor: bool = False,
                step_budget_s: float = 240, step_timeout_s: float = 180, staging: Path = BENCH_DIR,
                step_floor: bool = False) -> AppRun:
    """Start a server, time its first paint from process spawn, then time slider steps.

    Parameters
    ----------
    browser
        From :func:`chromium`.
    data_dir
        Dataset folder; the bundled ``data/`` when ``None``.
    steps
        Slider steps to take (0: first paint and memory only).
    naive
        Serve ``benchmarks/naive_app.py`` instead of the dashboard.
    floor
        Serve ``benchmarks/floor_app.py`` (one circle, no slider: first paint and memory only).
    step_budget_s
        Take no steps when the first paint took longer than this (and wait at most twice it).
    step_timeout_s
        Give up on a step that has not settled after this long (the run keeps its other numbers).
    staging
        Where the naive app is copied to (Leaflet is installed into the ``static/`` beside it).
    step_floor
        Serve ``benchmarks/step_floor_app.py`` (a year slider and one circle) and time its steps.
    """
    network = harness.NetworkLog()
    context = harness.new_context(browser, network, viewport=VIEWPORT)
    page = context.new_page()
    sockets = SocketBytes(page)
    spawned = time.monotonic()
    if floor:
        steps = 0
        server = start_naive(data_dir, staging=staging, source=FLOOR_SOURCE)
    elif step_floor:
        server = start_naive(None, staging=staging, source=STEP_FLOOR_SOURCE)
    else:
        server = start_naive(data_dir, staging=staging) if naive else harness.start_app(data_dir)
    try:
        page.goto(server.url, wait_until="commit")
        painted = page.wait_for_function(_FIRST_PAINT, arg=[harness.MAP_IFRAME, harness.MARKERS], polling="raf",
                                         timeout=step_budget_s * 2000).json_value()
        if isinstance(painted, dict):
            raise RuntimeError(f"the page shows an error instead of the map: {painted['error']}")
        run = AppRun(app="floor" if floor else "step floor" if step_floor else "naive" if naive else "dashboard",
                     first_paint_s=time.monotonic() - spawned, ws_compressed=sockets.compressed)
        if steps and run.first_paint_s <= step_budget_s:
            try:
                harness.wait_for_markers(page, timeout=step_budget_s)
                take_steps(page, sockets, steps, naive=naive, budget_s=step_budget_s, timeout=step_timeout_s,
                           into=run.steps, floor=step_floor)
            except Exception as error:  # noqa: BLE001 - keep the first paint and memory, say what failed
                run.error = str(error).splitlines()[0]
        run.peak_mb = peak_memory_mb(server.process.pid)
        run.process = process_name(server.process.pid)
        run.offsite = list(network.others)
        return run
    except Exception as error:
        name = "floor page" if floor else "step floor page" if step_floor else "naive app" if naive else "dashboard"
        raise RuntimeError(f"{name} on {data_dir or 'data/'}: {error}\nserver log:\n{server.log_tail()}") from error
    finally:
        context.close()
        server.stop()


if __name__ == "__main__":  # a quick look: python -m benchmarks.browse [DATA_DIR] [--naive]
    folder = next((Path(a) for a in sys.argv[1:] if not a.startswith("--")), None)
    with chromium() as chrome:
        result = measure_app(chrome, folder, steps=3, naive="--naive" in sys.argv)
    print(result)


SHARED_LINK = "?years=2017&years=2019&sector=Restaurants+%26+hotels"
"""The shared link of the phone reader's journey (../shared/JOURNEYS.md)."""


# Polled on every frame: whether the map shows marks (its frame has its height, its document marks).
_MARKS_SHOWN = """([iframe, markers]) => {
  const frame = document.querySelector(iframe);
  const doc = frame && frame.contentDocument;
  return !!doc && frame.getBoundingClientRect().height >= 100 && !!doc.querySelector(markers);
}"""

# Whether the dashboard's whole page is there: its table drawn, nothing held back, no script running.
_WHOLE_PAGE = """() => !!document.querySelector("[data-testid='stDataFrame']") && !document.querySelector('.nk-held')
  && document.querySelector("[data-testid='stApp']").getAttribute('data-test-script-state') === 'notRunning'"""


def time_to_marks(browser: object, url: str, timeout: float = 120_000, *,
                  whole: bool = False) -> tuple[float, float | None]:
    """Seconds from opening ``url`` in a new browser session until its map shows marks, and (with
    ``whole``, for the dashboard) until the whole page is there, table included."""
    context = harness.new_context(browser, harness.NetworkLog(), viewport={"width": 1280, "height": 720})
    try:
        page = context.new_page()
        started = time.monotonic()
        page.goto(url)
        page.wait_for_function(_MARKS_SHOWN, arg=[harness.MAP_IFRAME, harness.MARKERS], polling="raf",
                               timeout=timeout)
        marks = time.monotonic() - started
        if not whole:
            return marks, None
        page.wait_for_function(_WHOLE_PAGE, polling="raf", timeout=timeout)
        return marks, time.monotonic() - started
    finally:
        context.close()


def warm_link_paints(browser: object, rounds: int = 5) -> dict[str, list[float]]:
    """Opening a shared link on a warm server: the dashboard with ``SHARED_LINK`` and the floor page,
    each served once and visited once before timing, then ``rounds`` new sessions each, alternately.

    Gives the seconds to the first marks of each (``dashboard``, ``floor``) and to the dashboard's
    whole page (``dashboard_whole``).
    """
    paints: dict[str, list[float]] = {"dashboard": [], "floor": [], "dashboard_whole": []}
    with harness.running_app() as dashboard:
        floor = start_naive(None, source=FLOOR_SOURCE)
        try:
            urls = {"dashboard": dashboard.url + SHARED_LINK, "floor": floor.url}
            for url in urls.values():
                time_to_marks(browser, url)  # the warm-up: caches filled, modules imported
            for _ in range(rounds):
                marks, whole = time_to_marks(browser, urls["dashboard"], whole=True)
                paints["dashboard"].append(marks)
                paints["dashboard_whole"].append(whole)
                paints["floor"].append(time_to_marks(browser, urls["floor"])[0])
        finally:
            floor.stop()
    return paints


LANGUAGE_LINKS = {"en": "", "ko": "?lang=ko"}
"""The page in English (no ``lang=``: the benchmark's Chromium asks for English) and in Korean."""


def language_visit(browser: object, url: str, steps: int, timeout: float = 120_000) -> tuple[float, float, list[Step]]:
    """A new session on ``url``: seconds until the map shows marks and until the whole page is there,
    then ``steps`` year steps, each timed from keydown to the settled map and summary."""
    context = harness.new_context(browser, harness.NetworkLog(), viewport=VIEWPORT)
    try:
        page = context.new_page()
        sockets = SocketBytes(page)
        started = time.monotonic()
        page.goto(url)
        page.wait_for_function(_MARKS_SHOWN, arg=[harness.MAP_IFRAME, harness.MARKERS], polling="raf",
                               timeout=timeout)
        marks = time.monotonic() - started
        page.wait_for_function(_WHOLE_PAGE, polling="raf", timeout=timeout)
        whole = time.monotonic() - started
        return marks, whole, take_steps(page, sockets, steps, naive=False) if steps else []
    finally:
        context.close()


def language_runs(browser: object, *, rounds: int = 5, steps: int = 5) -> dict[str, dict[str, list[float]]]:
    """The page in English and in Korean on one warm server, ``rounds`` new sessions each, alternately
    (each link visited once before timing): per language, the seconds to the first marks (``marks``)
    and to the whole page (``whole``), and every year step's milliseconds (``step``)."""
    runs = {lang: {"marks": [], "whole": [], "step": []} for lang in LANGUAGE_LINKS}
    with harness.running_app() as dashboard:
        urls = {lang: dashboard.url + link for lang, link in LANGUAGE_LINKS.items()}
        for url in urls.values():
            language_visit(browser, url, 0)  # the warm-up: caches filled, catalogs read
        for _ in range(rounds):
            for lang, url in urls.items():
                marks, whole, taken = language_visit(browser, url, steps)
                runs[lang]["marks"].append(marks)
                runs[lang]["whole"].append(whole)
                runs[lang]["step"] += [step.ms for step in taken]
    return runs
