"""How long the map's frame takes from a year step's arrival to its marks drawn (issue 24).

Times, in Chromium, from the moment the map's frame starts on a step (the old places layer taken
off the map, as streamlit-folium does first) to the first frame painted after the new layer is on
the map. Steps are key presses on the year slider: the start year in and out (the places mostly
stay) and the end year to the first year and back (many places come and go).

    python -m benchmarks.marks_step DATA_DIR [--rounds 2]

Run it from a checkout to time that checkout's map script (the server serves its own files).
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

from benchmarks.browse import chromium
from tests.browser import harness

THUMBS = "[data-testid='stSlider'] input[type='range']"

HOOK = """(() => {
  window.nkStepTimes = [];
  let start = null;
  const hook = () => {
    const nk = window.nkmap;
    if (!nk || !nk.Places || nk.Places.prototype.nkTimed) { return false; }
    const proto = nk.Places.prototype, onRemove = proto.onRemove, onAdd = proto.onAdd;
    proto.nkTimed = true;
    proto.onRemove = function (map) { start = performance.now(); return onRemove.call(this, map); };
    proto.onAdd = function (map) {
      const began = start;
      const result = onAdd.call(this, map);
      const added = performance.now();
      if (began !== null) {
        requestAnimationFrame(() => setTimeout(() => window.nkStepTimes.push(
          {script: added - began, painted: performance.now() - began}), 0));
      }
      start = null;
      return result;
    };
    return true;
  };
  const timer = setInterval(() => { if (hook()) { clearInterval(timer); } }, 2);
})();"""

# (thumb, key, kind): the start year in and out, and the end year to the first year and back.
KEYS = [(0, "ArrowRight", "same places"), (0, "ArrowRight", "same places"), (0, "ArrowLeft", "same places"),
        (0, "ArrowLeft", "same places"), (1, "Home", "places come and go"), (1, "End", "places come and go")]


def run(data_dir: Path, rounds: int) -> dict[str, list[dict]]:
    times: dict[str, list[dict]] = {}
    server = harness.start_app(data_dir, timeout=180)
    try:
        with chromium() as browser:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_init_script(HOOK)
            page = context.new_page()
            page.goto(server.url)
            harness.wait_for_markers(page, timeout=300)
            harness.wait_for_app(page, timeout=300_000)
            frame = harness.map_frame(page)
            for _ in range(rounds):
                for thumb, key, kind in KEYS:
                    before = frame.evaluate("() => window.nkStepTimes.length")
                    page.locator(THUMBS).nth(thumb).focus()
                    page.keyboard.press(key)
                    harness.wait_for_app(page, timeout=300_000)
                    page.wait_for_timeout(300)
                    got = frame.evaluate(f"() => window.nkStepTimes.slice({before})")
                    times.setdefault(kind, []).extend(got)
            context.close()
    finally:
        server.stop()
    return times


def main() -> None:
    folder = Path(sys.argv[1])
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 2
    for kind, found in run(folder, rounds).items():
        painted = [round(t["painted"]) for t in found]
        script = [round(t["script"]) for t in found]
        print(f"{kind}: {len(found)} steps; step to painted median {statistics.median(painted)} ms "
              f"(each {painted}); to layer added median {statistics.median(script)} ms (each {script})")


if __name__ == "__main__":
    main()
