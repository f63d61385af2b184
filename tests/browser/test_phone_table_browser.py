"""On a phone (390×844) the reports table shows each report's date whole: the When column lies
inside the table and the screen, and no date in it is cut off at the column's edge.

The table is drawn on a canvas, so the test reads its pixels: the column lines are the light
pixels that run through every row just under its top edge (where no text is), and a cell's text
is its dark pixels. Text ends at least its cell's padding before the next column line; a date cut
off runs into it.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}

# The table's columns (their lines' x in CSS pixels, from the canvas's left) and, for each of the
# first data rows, the rightmost dark pixel between each pair of lines.
MEASURE = """(grid) => {
  const canvas = grid.querySelector("canvas[data-testid='data-grid-canvas']") || grid.querySelector('canvas');
  const scale = canvas.width / canvas.clientWidth;
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const light = (x, y) => {
    const i = (Math.round(y * scale) * canvas.width + Math.round(x * scale)) * 4;
    return 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
  };
  const ROW = 35, rows = Math.min(8, Math.floor(canvas.clientHeight / ROW) - 2);
  // A column line: light grey (darker than the tick boxes' column) just under the top of every data row.
  const lines = [];
  for (let x = 0; x < canvas.clientWidth; x++) {
    let all = true;
    for (let r = 1; r <= rows && all; r++) { all = light(x, ROW * r + 3) < 240; }
    if (all && (!lines.length || x - lines[lines.length - 1] > 2)) { lines.push(x); }
  }
  const ink = [];
  for (let r = 1; r <= rows; r++) {
    const rightmost = [];
    for (let c = 0; c + 1 < lines.length; c++) {  // between line c and line c + 1
      let found = null;
      for (let x = lines[c] + 2; x < lines[c + 1] - 1; x++) {
        for (let y = ROW * r + 8; y < ROW * (r + 1) - 8; y++) {
          if (light(x, y) < 150) { found = x; break; }
        }
      }
      rightmost.push(found);
    }
    ink.push(rightmost);
  }
  const box = canvas.getBoundingClientRect();
  const headings = [...grid.querySelectorAll("[role='columnheader']")].map(h => h.innerText.trim());
  return {lines, ink, left: box.left, width: canvas.clientWidth, innerWidth: window.innerWidth, headings};
}"""


@pytest.mark.parametrize(("lang", "heading"), [("en", "When"), ("ja", "時期")])
def test_on_a_phone_every_date_in_the_reports_table_shows_whole(open_dashboard, lang: str, heading: str) -> None:
    """2019 holds the longest period ("November–December 2019 (inferred)", and longer still in
    Japanese): each row's date ends inside its column, and the column inside the table and the screen."""
    page = open_dashboard(f"?years=2019&years=2019&lang={lang}", **PHONE).page
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(1500)  # the canvas draws its rows after it scrolls into view
    page.screenshot(path=f"/tmp/nk-phone-table-{lang}.png")
    seen = grid.evaluate(MEASURE)
    headings, lines = seen["headings"], seen["lines"]
    assert heading in headings, headings
    # The first line closes the tick boxes' column; the table's columns follow, in the headings' order.
    column = headings.index(heading)
    assert column + 1 < len(lines), f"the When column's right edge is not on the screen: lines at {lines}"
    left, right = lines[column], lines[column + 1]
    assert seen["left"] + right <= min(seen["innerWidth"], seen["left"] + seen["width"]), seen
    cut = [(row, ink[column]) for row, ink in enumerate(seen["ink"]) if ink[column] is None or ink[column] > right - 5]
    assert cut == [], f"dates cut off at the When column's edge ({left}–{right} px): rows and their text's end {cut}"
