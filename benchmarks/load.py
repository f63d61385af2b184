"""Load test: ten browser sessions move the year slider for a minute against one dashboard server.

``make load`` runs it. It reports errors, the p50/p95 of slider-to-settled, and the server's memory
over time, and refreshes the table in ``docs/RELIABILITY.md``. All traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.browser import harness

DOC = harness.ROOT / "docs" / "RELIABILITY.md"
START, END = "<!-- load:start -->", "<!-- load:end -->"
SLIDER = "[data-testid='stSlider'] input[type='range']"
SETTLED = "[data-testid='stApp'][data-test-script-state='notRunning']"


@dataclass
class Session:
    """What one simulated reader saw."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def rss_mb(pid: int) -> float:
    """Resident memory of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def reader(browser: object, url: str, seconds: float, seed: int) -> Session:
    """One session: open the page, then step the slider with the keyboard until time is up."""
    session = Session()
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
    page.on("pageerror", lambda error: session.errors.append(f"page error: {error}"))
    page.on("dialog", lambda dialog: session.errors.append(f"dialog: {dialog.message}"))
    rng = random.Random(seed)  # noqa: S311 - test traffic, not security
    try:
        await page.goto(url, timeout=120_000)
        await page.wait_for_selector(SETTLED, state="attached", timeout=120_000)
        frame = page.frame_locator(harness.MAP_IFRAME)
        await frame.locator(harness.MARKERS).first.wait_for(state="attached", timeout=120_000)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            thumbs = page.locator(SLIDER)
            thumb = thumbs.nth(rng.randrange(2))
            value, low, high = [int(await thumb.get_attribute(a)) for a in ("value", "min", "max")]
            key = "ArrowRight" if value <= low or (value < high and rng.random() < 0.5) else "ArrowLeft"
            before = await page.locator(".nk-summary").inner_text()
            await thumb.focus()
            started = time.monotonic()
            await page.keyboard.press(key)
            try:
                await page.wait_for_function(
                    "b => { const s = document.querySelector('.nk-summary'); return s && s.innerText !== b; }",
                    arg=before, timeout=30_000, polling=20)
                await page.wait_for_selector(SETTLED, state="attached", timeout=30_000)
                session.latencies.append(time.monotonic() - started)
            except Exception as error:  # noqa: BLE001 - any failure to settle is counted, not fatal
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--data", type=Path, default=None, help="dataset folder (default: the bundled data/)")
    args = parser.parse_args()
    result = asyncio.run(run(args.sessions, args.seconds, args.data))
    text = table(result)
    print(text)
    for error in result["errors"][:20]:
        print("error:", error)
    if DOC.exists() and START in DOC.read_text(encoding="utf-8"):
        doc = DOC.read_text(encoding="utf-8")
        head, rest = doc.split(START, 1)
        _, tail = rest.split(END, 1)
        stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        DOC.write_text(f"{head}{START}\nLast run: {stamp}, bundled data, 2-core machine.\n\n{text}\n{END}{tail}",
                       encoding="utf-8")
    return 1 if result["errors"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
