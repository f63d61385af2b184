// declutter.js: marks that touch moved apart with a leader line each, placed again after a zoom
// and on every year step. A step moves, restyles and draws again only what changed, and ends
// where placing the same marks from nothing ends. Leaflet is stood in for by the little that
// declutter calls, on a flat map (a degree is a hundred pixels).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {load, plain} = require("./load.js");

class LatLng {
  constructor(lat, lng) { this.lat = lat; this.lng = lng; }
  equals(other) { return Math.abs(this.lat - other.lat) < 1e-9 && Math.abs(this.lng - other.lng) < 1e-9; }
}

let moves = 0, lines = 0, styled = 0;

class Point {  // a mark or a name: where it is drawn, and how often it was moved
  constructor(ll, radius) { this.ll = ll; this.radius = radius; }
  getLatLng() { return this.ll; }
  setLatLng(ll) { moves += 1; this.ll = ll; return this; }
  getRadius() { return this.radius; }
}

class Line {
  constructor(lls) { lines += 1; this.lls = lls; this.id = lines; }
  getLatLngs() { return this.lls; }
  setLatLngs(lls) { this.lls = lls; return this; }
  bringToBack() { return this; }
}

class Dot {  // the dot at a moved mark's place
  constructor(ll) { lines += 1; this.ll = ll; }
  getLatLng() { return this.ll; }
  bringToBack() { return this; }
}

class Group {
  constructor() { this.layers = new Set(); }
  addLayer(layer) { this.layers.add(layer); return this; }
  removeLayer(layer) { this.layers.delete(layer); return this; }
  hasLayer(layer) { return this.layers.has(layer); }
  eachLayer(f) { [...this.layers].forEach(f); return this; }
  clearLayers() { this.layers.clear(); return this; }
}

/* A name's element whose style counts the writes made to it. */
function nameElement() {
  const style = {};
  const counted = new Proxy(style, {set(target, key, value) { styled += 1; target[key] = value; return true; }});
  return {firstChild: {style: counted, textContent: ""}, style: {}};
}

const L = {point: (x, y) => ({x, y}), polyline: (lls) => new Line(lls), circleMarker: (ll) => new Dot(ll)};
const map = {
  latLngToLayerPoint: (ll) => ({x: ll.lng * 100, y: -ll.lat * 100}),
  layerPointToLatLng: (p) => new LatLng(-p.y / 100, p.x / 100),
};
const nkmap = load(["geometry.js", "declutter.js"], {L, document: {}});

/* Three places: two 10 px apart (their marks touch when big, not when small), one far away. */
const HOMES = {dandong: new LatLng(40, 124), sinuiju: new LatLng(40, 124.1), hunchun: new LatLng(42.9, 130.4)};

function marks(radii) {
  const out = {};
  for (const [id, home] of Object.entries(HOMES)) {
    const label = new Point(home, 0), element = nameElement();
    label.getElement = () => element;
    out[id] = {shape: new Point(home, radii[id]), home, label, offset: radii[id] + 3};
  }
  return out;
}

function resize(marks, radii) {
  for (const [id, mark] of Object.entries(marks)) { mark.shape.radius = radii[id]; mark.offset = radii[id] + 3; }
}

/* Where each mark and name is drawn, which way each name goes, and the leader lines' ends. */
function placed(marks, leaders) {
  const out = {marks: {}, leaders: [], dots: []};
  for (const [id, mark] of Object.entries(marks)) {
    out.marks[id] = {at: mark.shape.getLatLng(), name: mark.label.getLatLng(), left: mark.labelLeft,
                     transform: mark.label.getElement().firstChild.style.transform};
  }
  leaders.eachLayer((layer) => { if (layer instanceof Line) { out.leaders.push(layer.getLatLngs()); } });
  leaders.eachLayer((layer) => { if (layer instanceof Dot) { out.dots.push(layer.getLatLng()); } });
  out.leaders.sort((a, b) => a[1].lng - b[1].lng);
  out.dots.sort((a, b) => a.lng - b.lng);
  return plain(out);
}

const BIG = {dandong: 10, sinuiju: 8, hunchun: 5}, SMALL = {dandong: 2, sinuiju: 2, hunchun: 9};

test("marks that touch are moved apart, each with a leader line to its place and a dot there", () => {
  const drawn = marks(BIG), leaders = new Group();
  nkmap.declutter(map, drawn, [], leaders);
  const at = placed(drawn, leaders);
  assert.equal(at.leaders.length, 2);
  assert.deepEqual(at.dots, plain([HOMES.dandong, HOMES.sinuiju]), "a dot at each moved mark's place");
  assert.notDeepEqual(at.marks.dandong.at, plain(HOMES.dandong));
  assert.deepEqual(at.marks.hunchun.at, plain(HOMES.hunchun));
});

test("placing the same marks again moves nothing, writes no style and draws no new line", () => {
  const drawn = marks(BIG), leaders = new Group();
  nkmap.declutter(map, drawn, [], leaders);
  const before = placed(drawn, leaders), kept = [...leaders.layers];
  moves = 0; lines = 0; styled = 0;
  nkmap.declutter(map, drawn, [], leaders);
  assert.deepEqual(placed(drawn, leaders), before);
  assert.deepEqual([moves, lines, styled], [0, 0, 0]);
  assert.deepEqual([...leaders.layers], kept);
});

test("after a step that changes the marks' sizes they are where placing them from nothing puts them", () => {
  for (const [from, to] of [[BIG, SMALL], [SMALL, BIG], [BIG, {dandong: 12, sinuiju: 3, hunchun: 5}]]) {
    const stepped = marks(from), leaders = new Group();
    nkmap.declutter(map, stepped, [], leaders);
    resize(stepped, to);
    nkmap.declutter(map, stepped, [], leaders);
    const fresh = marks(to), freshLeaders = new Group();
    nkmap.declutter(map, fresh, [], freshLeaders);
    assert.deepEqual(placed(stepped, leaders), placed(fresh, freshLeaders));
  }
});

test("marks that no longer touch go back to their places and lose their leader lines and dots", () => {
  const drawn = marks(BIG), leaders = new Group();
  nkmap.declutter(map, drawn, [], leaders);
  resize(drawn, SMALL);
  moves = 0;
  nkmap.declutter(map, drawn, [], leaders);
  assert.equal(leaders.layers.size, 0);
  assert.equal(moves, 4, "the two marks and their names moved home, Hunchun's not at all");
  assert.deepEqual(plain(drawn.dandong.shape.getLatLng()), plain(HOMES.dandong));
});
