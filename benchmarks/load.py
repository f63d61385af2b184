"""Load test: browser sessions move the year slider for a minute, against one server or through nginx.

``make load`` runs ten sessions against one dashboard server. ``make load MODE=proxy`` runs twenty
through ``make serve``'s nginx in front of two dashboard processes, and kills one of them halfway.
Both report errors, the p50/p95 of slider-to-settled and memory, and refresh their table in
``docs/RELIABILITY.md``. All traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from tests.browser import harness

DOC = harness.ROOT / "docs" / "RELIABILITY.md"
START, END = "<!-- load:start -->", "<!-- load:end -->"
PROXY_START, PROXY_END = "<!-- load-proxy:start -->", "<!-- load-proxy:end -->"
SLIDER = "[data-testid='stSlider'] input[type='range']"
SETTLED = "[data-testid='stApp'][data-test-script-state='notRunning']"


@dataclass
class Session:
    """What one simulated reader saw."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # Proxy mode: what a session whose dashboard process was killed saw.
    dropped: bool = False
    interrupted_steps: int = 0
    reconnect_seconds: float | None = None
    view_before: tuple | None = None
    view_after: tuple | None = None
    url_after: tuple | None = None


@dataclass
class Plan:
    """Shared timing of a proxy run: every session steps from ``go`` until ``deadline``; one kill halfway."""

    go: asyncio.Event = field(default_factory=asyncio.Event)
    deadline: float = 0.0
    killed_at: float | None = None
    loaded: int = 0


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def slider_view(page: object) -> tuple:
    """The year range the slider shows now."""
    thumbs = page.locator(SLIDER)
    return tuple([int(await thumbs.nth(i).get_attribute("value")) for i in range(await thumbs.count())])


def url_view(url: str, default: tuple) -> tuple:
    """The year range a URL asks for (the default range when it names none)."""
    years = parse_qs(urlsplit(url).query).get("years", [])
    return tuple(int(y) for y in years) if len(years) == 2 else default


async def settle(page: object, before: str, closed: list[float], seen: int) -> bool:
    """Wait up to 30 s for the summary to change and the script run to end; False if the WebSocket dropped."""
    end = time.monotonic() + 30
    while len(closed) == seen:
        try:
            await page.wait_for_function(
                "b => { const s = document.querySelector('.nk-summary'); return s && s.innerText !== b; }",
                arg=before, timeout=1000, polling=20)
            await page.wait_for_selector(SETTLED, state="attached", timeout=30_000)
            return True
        except Exception:  # noqa: BLE001 - not yet; the overall limit is below
            if time.monotonic() > end:
                raise
    return False


async def recover(page: object, session: Session, opened: list[float], closed_at: float, plan: Plan) -> None:
    """After the WebSocket dropped: wait for a new one, then for the page to settle; record what it shows."""
    limit = time.monotonic() + 90
    while not any(t > closed_at for t in opened):
        if time.monotonic() > limit:
            raise TimeoutError("no new WebSocket within 90 s of the drop")
        await page.wait_for_timeout(100)
    await page.wait_for_timeout(300)  # the script-state attribute flips to "running" after a short delay
    await page.wait_for_selector(SETTLED, state="attached", timeout=90_000)
    frame = page.frame_locator(harness.MAP_IFRAME)
    await frame.locator(harness.MARKERS).first.wait_for(state="attached", timeout=90_000)
    session.reconnect_seconds = time.monotonic() - (plan.killed_at or closed_at)
    thumbs = page.locator(SLIDER)
    bounds = (int(await thumbs.nth(0).get_attribute("min")), int(await thumbs.nth(0).get_attribute("max")))
    session.view_after = await slider_view(page)
    session.url_after = url_view(page.url, bounds)


async def reader(browser: object, url: str, seconds: float, seed: int, plan: Plan | None = None) -> Session:
    """One session: open the page, then step the slider with the keyboard until time is up.

    With a ``plan`` (proxy mode) every session starts stepping at ``plan.go`` and, when its WebSocket
    drops (its dashboard process was killed), stops stepping until the page has reconnected.
    """
    session = Session()
    opened: list[float] = []
    closed: list[float] = []

    def on_websocket(ws: object) -> None:
        opened.append(time.monotonic())
        ws.on("close", lambda _ws: closed.append(time.monotonic()))

    network = harness.NetworkLog()
    context = await browser.new_context(viewport={"width": 1280, "height": 900})

    async def route(request_route: object) -> None:
        verdict = harness.classify(request_route.request.url)
        if verdict == "local":
            await request_route.continue_()
        else:
            (network.tiles if verdict == "tile" else network.others).append(request_route.request.url)
            await request_route.abort()

    await context.route("**/*", route)
    page = await context.new_page()
    page.on("websocket", on_websocket)
    page.on("pageerror", lambda error: session.errors.append(f"page error: {error}"))
    page.on("dialog", lambda dialog: session.errors.append(f"dialog: {dialog.message}"))
    rng = random.Random(seed)  # noqa: S311 - test traffic, not security
    try:
        await page.goto(url, timeout=120_000)
        await page.wait_for_selector(SETTLED, state="attached", timeout=120_000)
        frame = page.frame_locator(harness.MAP_IFRAME)
        await frame.locator(harness.MARKERS).first.wait_for(state="attached", timeout=120_000)
        deadline = time.monotonic() + seconds
        seen = len(closed)
        if plan is not None:
            plan.loaded += 1
            await plan.go.wait()
            deadline = plan.deadline
        while time.monotonic() < deadline:
            if len(closed) > seen:
                seen = len(closed)
                if not session.dropped:
                    session.dropped = True
                    session.view_before = url_view(page.url, await slider_view(page))
                    await recover(page, session, opened, closed[-1], plan or Plan())
                else:
                    session.errors.append("the WebSocket dropped a second time")
                    await recover(page, Session(), opened, closed[-1], plan or Plan())
                continue
            thumbs = page.locator(SLIDER)
            thumb = thumbs.nth(rng.randrange(2))
            value, low, high = [int(await thumb.get_attribute(a)) for a in ("value", "min", "max")]
            key = "ArrowRight" if value <= low or (value < high and rng.random() < 0.5) else "ArrowLeft"
            before = await page.locator(".nk-summary").inner_text()
            await thumb.focus()
            started = time.monotonic()
            await page.keyboard.press(key)
            try:
                if await settle(page, before, closed, seen):
                    session.latencies.append(time.monotonic() - started)
                else:
                    session.interrupted_steps += 1  # its process was killed mid-step: reported apart
                    continue
            except Exception as error:  # noqa: BLE001 - any failure to settle is counted, not fatal
                if len(closed) > seen:
                    session.interrupted_steps += 1  # its process was killed mid-step: reported apart
                else:
                    session.errors.append(f"step did not settle: {type(error).__name__}")
            if await page.locator("[data-testid='stException']").count():
                session.errors.append("an exception box appeared")
            await page.wait_for_timeout(rng.randint(100, 600))
    except Exception as error:  # noqa: BLE001
        session.errors.append(f"session failed: {type(error).__name__}: {error}")
    finally:
        await context.close()
    session.errors += [f"left the machine: {u}" for u in network.others]
    return session


async def run(sessions: int, seconds: float, data_dir: Path | None) -> dict:
    from playwright.async_api import async_playwright

    server = harness.start_app(data_dir)
    memory: list[tuple[float, float]] = []
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=str(harness.CHROMIUM), args=harness.CHROMIUM_ARGS, headless=True)
            started = time.monotonic()

            async def sample() -> None:
                while True:
                    memory.append((time.monotonic() - started, rss_mb(server.process.pid)))
                    await asyncio.sleep(2)

            sampler = asyncio.create_task(sample())
            results = await asyncio.gather(
                *(reader(browser, server.url, seconds, seed) for seed in range(sessions)))
            sampler.cancel()
            await browser.close()
    finally:
        server.stop()
    latencies = sorted(x for r in results for x in r.latencies)
    errors = [e for r in results for e in r.errors]
    # Skip the first quarter (start-up and first page loads), then compare the two halves of the rest.
    steady = memory[len(memory) // 4:]
    half = len(steady) // 2
    return {
        "sessions": sessions, "seconds": seconds, "steps": len(latencies), "errors": errors,
        "p50": statistics.median(latencies) if latencies else float("nan"),
        "p95": latencies[int(0.95 * (len(latencies) - 1))] if latencies else float("nan"),
        "memory_start": memory[0][1] if memory else float("nan"),
        "memory_first_half_max": max((m for _, m in steady[:half]), default=float("nan")),
        "memory_second_half_max": max((m for _, m in steady[half:]), default=float("nan")),
        "memory_end": memory[-1][1] if memory else float("nan"),
    }


def table(result: dict) -> str:
    growth = result["memory_second_half_max"] - result["memory_first_half_max"]
    bounded = "yes" if growth < 0.10 * result["memory_first_half_max"] else "NO"
    rows = [
        ("sessions × duration", f"{result['sessions']} × {result['seconds']:.0f} s"),
        ("slider steps settled", f"{result['steps']}"),
        ("errors", f"{len(result['errors'])}"),
        ("slider → settled, median", f"{result['p50'] * 1000:.0f} ms"),
        ("slider → settled, p95", f"{result['p95'] * 1000:.0f} ms"),
        ("server memory at start", f"{result['memory_start']:.0f} MB"),
        ("server memory, max in the first half of the steady state", f"{result['memory_first_half_max']:.0f} MB"),
        ("server memory, max in the second half", f"{result['memory_second_half_max']:.0f} MB"),
        ("server memory at end", f"{result['memory_end']:.0f} MB"),
        ("memory bounded (second-half max within 10% of first-half max)", bounded),
    ]
    return "| measure | value |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows)


async def run_proxy(sessions: int, seconds: float, data_dir: Path | None, replicas: int = 2) -> dict:
    """``sessions`` readers through nginx in front of ``replicas`` processes; one process is killed halfway."""
    from playwright.async_api import async_playwright

    served = harness.start_served(replicas, harness.ROOT / "build" / "serve-load", data_dir=data_dir)
    plan = Plan()
    memory: dict[int, dict] = {}
    kill: dict = {}
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=str(harness.CHROMIUM), args=harness.CHROMIUM_ARGS, headless=True)
            tasks = [asyncio.create_task(reader(browser, served.url, seconds, seed, plan))
                     for seed in range(sessions)]
            # Everyone steps together once every page has loaded (or two minutes have passed).
            loaded_by = time.monotonic() + 120
            while time.monotonic() < loaded_by and plan.loaded + sum(t.done() for t in tasks) < sessions:
                await asyncio.sleep(1)
            await asyncio.sleep(5)
            for port, pid in served.dashboards().items():
                memory[port] = {"pid_start": pid, "start": rss_mb(pid)}
            plan.deadline = time.monotonic() + seconds
            plan.go.set()
            await asyncio.sleep(seconds / 2)
            port, pid = sorted(served.dashboards().items())[0]
            os.kill(pid, signal.SIGKILL)
            plan.killed_at = time.monotonic()
            kill = {"port": port, "pid": pid, "at": seconds / 2}
            results = await asyncio.wait_for(asyncio.gather(*tasks), timeout=seconds + 300)
            for port, pid in served.dashboards().items():
                memory.setdefault(port, {}).update(pid_end=pid, end=rss_mb(pid))
            await browser.close()
    finally:
        served.stop()
    latencies = sorted(x for r in results for x in r.latencies)
    dropped = [r for r in results if r.dropped]
    reconnects = sorted(r.reconnect_seconds for r in dropped if r.reconnect_seconds is not None)
    return {
        "sessions": sessions, "seconds": seconds, "replicas": replicas, "steps": len(latencies),
        "errors": [e for r in results for e in r.errors],
        "p50": statistics.median(latencies) if latencies else float("nan"),
        "p95": latencies[int(0.95 * (len(latencies) - 1))] if latencies else float("nan"),
        "memory": memory, "kill": kill, "dropped": len(dropped),
        "reconnected": len(reconnects),
        "reconnect_median": statistics.median(reconnects) if reconnects else float("nan"),
        "reconnect_max": reconnects[-1] if reconnects else float("nan"),
        "view_kept": sum(r.view_after is not None and r.view_after == r.view_before for r in dropped),
        "view_is_url": sum(r.view_after is not None and r.view_after == r.url_after for r in dropped),
        "interrupted": sum(r.interrupted_steps for r in results),
    }


def proxy_table(result: dict) -> str:
    kill = result["kill"]
    rows = [
        ("sessions × duration", f"{result['sessions']} × {result['seconds']:.0f} s, "
                                f"through nginx to {result['replicas']} dashboard processes"),
        ("slider steps settled", f"{result['steps']}"),
        ("errors", f"{len(result['errors'])}"),
        ("slider → settled, median", f"{result['p50'] * 1000:.0f} ms"),
        ("slider → settled, p95", f"{result['p95'] * 1000:.0f} ms"),
    ]
    for port, m in sorted(result["memory"].items()):
        name = "killed process" if port == kill.get("port") else "other process"
        end = f"{m.get('end', float('nan')):.0f} MB"
        if m.get("pid_end") != m.get("pid_start"):
            end += " (the restarted process)"
        rows.append((f"{name}: memory at start / at end", f"{m.get('start', float('nan')):.0f} MB / {end}"))
    rows += [
        ("process killed (SIGKILL)", f"at {kill.get('at', float('nan')):.0f} s of {result['seconds']:.0f}"),
        ("sessions whose WebSocket dropped", f"{result['dropped']}"),
        ("of those, reconnected and map drawn again", f"{result['reconnected']}"),
        ("kill → map drawn again, median / max",
         f"{result['reconnect_median']:.1f} s / {result['reconnect_max']:.1f} s"),
        ("of those, view after reconnect = view in the URL", f"{result['view_is_url']}"),
        ("of those, view after reconnect = view before the kill", f"{result['view_kept']}"),
        ("steps cut off by the kill (not counted as errors)", f"{result['interrupted']}"),
    ]
    return "| measure | value |\n|---|---|\n" + "\n".join(f"| {a} | {b} |" for a, b in rows)


def write_doc(start: str, end: str, text: str, what: str) -> None:
    """Replace the text between ``start`` and ``end`` in docs/RELIABILITY.md with a stamped table."""
    if not (DOC.exists() and start in DOC.read_text(encoding="utf-8")):
        return
    head, rest = DOC.read_text(encoding="utf-8").split(start, 1)
    _, tail = rest.split(end, 1)
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    DOC.write_text(f"{head}{start}\nLast run: {stamp}, {what}, 2-core machine.\n\n{text}\n{end}{tail}",
                   encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--proxy", action="store_true",
                        help="go through make serve's nginx to several processes, and kill one halfway")
    parser.add_argument("--sessions", type=int, default=None, help="browser sessions (10; 20 with --proxy)")
    parser.add_argument("--replicas", type=int, default=2, help="dashboard processes with --proxy")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--data", type=Path, default=None, help="dataset folder (default: the bundled data/)")
    args = parser.parse_args()
    if args.proxy:
        result = asyncio.run(run_proxy(args.sessions or 20, args.seconds, args.data, args.replicas))
        text = proxy_table(result)
        write_doc(PROXY_START, PROXY_END, text, "bundled data, make serve's nginx and supervisord")
    else:
        result = asyncio.run(run(args.sessions or 10, args.seconds, args.data))
        text = table(result)
        write_doc(START, END, text, "bundled data")
    print(text)
    for error in result["errors"][:20]:
        print("error:", error)
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
