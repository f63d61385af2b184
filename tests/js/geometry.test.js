// geometry.js: a mark's radius, marks moved apart on a ring, arrowheads.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {load, plain} = require("./load.js");

const nkmap = load(["geometry.js"]);
const RADIUS = {min: 5, max: 20, maxCount: 16};

test("a mark's area grows with its count, from the smallest radius to the largest", () => {
  assert.equal(nkmap.markerRadius(0, RADIUS), 5);
  assert.equal(nkmap.markerRadius(4, RADIUS), 12.5);   // 5 + 15 * sqrt(4 / 16)
  assert.equal(nkmap.markerRadius(16, RADIUS), 20);
  assert.equal(nkmap.markerRadius(1, RADIUS), 8.8);    // rounded to a tenth of a pixel
  assert.equal(nkmap.markerRadius(3, {min: 5, max: 20, maxCount: 0}), 31);  // no division by zero: 5 + 15 * sqrt(3)
});

const close = (a, b) => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);

test("marks that do not touch stay where they are", () => {
  const layout = nkmap.spread([{x: 0, y: 0}, {x: 30, y: 0}], [10, 10]);  // 30 >= 10 + 10 + 4
  assert.deepEqual(plain(layout.clusters), []);
  assert.deepEqual(plain(layout.spots), [{x: 0, y: 0, moved: false, left: false}, {x: 30, y: 0, moved: false, left: false}]);
});

test("two touching marks sit side by side about their centre, the first on the left", () => {
  const layout = nkmap.spread([{x: 100, y: 50}, {x: 110, y: 50}], [6, 8]);  // 10 < 6 + 8 + 4
  assert.deepEqual(plain(layout.clusters), [[0, 1]]);
  const [first, second] = layout.spots;
  const ring = 8 / Math.sin(Math.PI / 2) + nkmap.TOUCHING;  // the widest mark's radius and a gap
  close(first.x, 105 - ring); close(first.y, 50);
  close(second.x, 105 + ring); close(second.y, 50);
  assert.equal(first.left, true);
  assert.equal(second.left, false);
  assert.ok(first.moved && second.moved);
});

test("a chain of touching marks is one cluster on a ring wide enough that none overlaps", () => {
  const points = [{x: 0, y: 0}, {x: 12, y: 0}, {x: 24, y: 0}, {x: 200, y: 0}];
  const layout = nkmap.spread(points, [5, 5, 5, 5]);  // 0 touches 1, 1 touches 2, 0 and 2 do not
  assert.deepEqual(plain(layout.clusters), [[0, 1, 2]]);
  assert.equal(layout.spots[3].moved, false);
  const moved = layout.spots.slice(0, 3);
  const centre = {x: 12, y: 0}, ring = 5 / Math.sin(Math.PI / 3) + nkmap.TOUCHING;
  moved.forEach((spot) => close(Math.hypot(spot.x - centre.x, spot.y - centre.y), ring));
  for (let i = 0; i < 3; i++) {
    for (let j = i + 1; j < 3; j++) {
      assert.ok(Math.hypot(moved[i].x - moved[j].x, moved[i].y - moved[j].y) >= 10 + nkmap.TOUCHING);
    }
  }
  close(moved[0].x, centre.x - ring);  // from the left, clockwise on the screen
});

test("two near places keep their east-west order whichever comes first (Tumen and Hunchun)", () => {
  // Hunchun, east of Tumen, listed first (as the places' order had it in some years' views).
  const hunchun = {x: 410, y: 200}, tumen = {x: 402, y: 203};
  const [east, west] = nkmap.spread([hunchun, tumen], [7, 9]).spots;
  assert.ok(east.moved && west.moved);
  assert.ok(west.x < east.x, `Tumen drawn at ${west.x}, east of Hunchun at ${east.x}`);
  assert.equal(west.left, true);
  assert.equal(east.left, false);
});

test("marks spread on a ring never put a place east of one that lies east of it", () => {
  let seed = 7;
  const random = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
  for (let trial = 0; trial < 300; trial++) {
    const n = 2 + (trial % 2);  // the near pairs and threes of the bundled data
    const points = Array.from({length: n}, () => ({x: 100 + random() * 16, y: 100 + random() * 16}));
    const layout = nkmap.spread(points, points.map(() => 6));
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        if (points[j].x > points[i].x) {  // i west of j: never east of it (above or below it at most)
          assert.ok(layout.spots[i].x <= layout.spots[j].x + 1e-9,
                    `trial ${trial}: ${JSON.stringify(points)} became ${JSON.stringify(plain(layout.spots))}`);
        }
      }
    }
  }
});

test("an arrowhead sits at the edge of its destination's mark, or not at all on a short line", () => {
  const head = nkmap.arrowHead({x: 0, y: 0}, {x: 100, y: 0}, 10);
  close(head.x, 81); close(head.y, 0);  // 10 px of mark and 9 of arrow before the end
  assert.equal(nkmap.arrowHead({x: 0, y: 0}, {x: 45, y: 0}, 10), null);  // shorter than 2 * 19 + 8
  assert.notEqual(nkmap.arrowHead({x: 0, y: 0}, {x: 46, y: 0}, 10), null);
});

test("a first view's margin holds a whole mark clear of the edges, the credits line and the zoom buttons", () => {
  const margin = nkmap.fitMargin(19.6);
  assert.deepEqual(plain(margin), {top: 30, right: 30, bottom: 48, left: 66});  // 6 + 24, 24 + 24, 48 - 6 + 24
  const size = {x: 800, y: 500};
  const box = (left, top, w = 20) => ({left, top, right: left + w, bottom: top + w});
  assert.equal(nkmap.outsideEdges(box(400, 200), size), false);
  assert.equal(nkmap.outsideEdges(box(400, 2), size), true);      // past the top edge
  assert.equal(nkmap.outsideEdges(box(400, 470), size), true);    // on the credits line
  assert.equal(nkmap.outsideEdges(box(790, 200), size), true);    // past the right edge
  assert.equal(nkmap.outsideEdges(box(20, 40), size), true);      // under the zoom buttons
  assert.equal(nkmap.outsideEdges(box(20, 200), size), false);    // below them
  const legend = {left: 500, top: 300, right: 790, bottom: 470};
  assert.equal(nkmap.outsideEdges(box(600, 350), size, [legend]), true);   // under the open legend
  assert.equal(nkmap.outsideEdges(box(400, 350), size, [legend]), false);  // beside it
});

/* spread as it was written first: every pair compared. */
function spreadEveryPair(points, radii) {
  const root = points.map((_, i) => i);
  const find = (i) => { while (root[i] !== i) { i = root[i] = root[root[i]]; } return i; };
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      if (Math.hypot(points[j].x - points[i].x, points[j].y - points[i].y) < radii[i] + radii[j] + nkmap.TOUCHING) {
        root[find(i)] = find(j);
      }
    }
  }
  return root.map((_, i) => find(i));
}

test("many marks are grouped as comparing every pair groups them, clusters in the order of their first marks", () => {
  let seed = 7;
  const random = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
  for (const [n, width] of [[600, 900], [300, 200], [1500, 150], [50, 3000], [1, 10], [0, 10]]) {
    const points = Array.from({length: n}, () => ({x: random() * width - width / 3, y: random() * width * 0.6}));
    const radii = points.map(() => 3 + Math.round(random() * 17));
    const roots = spreadEveryPair(points, radii), groups = {};
    roots.forEach((r, i) => { (groups[r] = groups[r] || []).push(i); });
    const expected = Object.values(groups).filter((g) => g.length > 1).sort((a, b) => a[0] - b[0]);
    const found = nkmap.spread(points, radii);
    assert.deepEqual(plain(found.clusters), expected);
    if (n === 600) { assert.ok(expected.length > 20, `a test with clusters (${expected.length})`); }
  }
});
