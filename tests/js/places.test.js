// places.js: a year step's layer takes over the marks of the layer it replaces and changes them in
// place (nkmap.Places's _adopt), ending as a fresh drawing of the same records would.
// Leaflet is stood in for by the little of its layer API that places.js calls, off any map.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {load, plain} = require("./load.js");
const WORDS = require("./words.json").en;

let made = 0;

function setOptions(layer, options) {
  if (!Object.prototype.hasOwnProperty.call(layer, "options")) { layer.options = Object.create(layer.options || {}); }
  Object.assign(layer.options, options);
}

class Layer {
  constructor(options) { this.id = ++made; this.handlers = {}; setOptions(this, options); }
  on(kind, f) { (this.handlers[kind] = this.handlers[kind] || []).push(f); return this; }
  getElement() { return null; }
  bindTooltip(content) { this.tooltip = content; return this; }
  setTooltipContent(content) { this.tooltip = content; return this; }
  getTooltip() { return this.tooltip === undefined ? null : {content: this.tooltip}; }
  closeTooltip() { return this; }
  bindPopup(content, options) { this.popup = content; this.popupOptions = options; return this; }
  setPopupContent(content) { this.popup = content; return this; }
  getPopup() { return this.popup === undefined ? null : {content: this.popup}; }
  closePopup() { return this; }
  addEventParent() { return this; }
  removeEventParent() { return this; }
}
Layer.prototype.options = {};

class CircleMarker extends Layer {
  constructor(ll, options) { super(options); this.ll = ll; this.radius = this.options.radius; }
  setStyle(style) { setOptions(this, style); if (style.radius !== undefined) { this.radius = style.radius; } return this; }
  setRadius(radius) { this.options.radius = this.radius = radius; return this; }
  getRadius() { return this.radius; }
}
CircleMarker.prototype.options = {stroke: true, radius: 10};
class Circle extends CircleMarker {}
Circle.prototype.options = {stroke: true, radius: 10};
class Marker extends Layer { constructor(ll, options) { super(options); this.ll = ll; } }
class Polyline extends Layer { constructor(lls, options) { super(options); this.lls = lls; } }

class FeatureGroup extends Layer {
  constructor(layers, options) { super(options); this._layers = {}; }
  static extend(members) {
    class Extended extends FeatureGroup {
      constructor(...args) { super(...args); if (members.initialize) { members.initialize.apply(this, args); } }
    }
    Object.assign(Extended.prototype, members);
    return Extended;
  }
  addLayer(layer) { this._layers[layer.id] = layer; return this; }
  removeLayer(layer) { delete this._layers[layer.id]; return this; }
  hasLayer(layer) { return layer.id in this._layers; }
  eachLayer(f, context) { Object.values(this._layers).forEach((layer) => f.call(context, layer)); return this; }
}
FeatureGroup.prototype.initialize = function () {};

const L = {
  FeatureGroup, Circle, CircleMarker, setOptions,
  featureGroup: () => new FeatureGroup(),
  circle: (ll, options) => new Circle(ll, options),
  circleMarker: (ll, options) => new CircleMarker(ll, options),
  marker: (ll, options) => new Marker(ll, options),
  polyline: (lls, options) => new Polyline(lls, options),
  divIcon: (options) => ({options: {...options}}),
  latLng: (ll) => ({lat: ll[0], lng: ll[1]}),
  CRS: {EPSG3857: {latLngToPoint: (ll) => ({x: ll.lng, y: -ll.lat})}},
};
const document = {createElement: () => ({style: {}})};
const nkmap = load(["words.js", "geometry.js", "places.js"], {L, document, Promise});

const CONFIG = {
  words: WORDS, more: "table", radius: {min: 4, max: 20, maxCount: 10},
  styles: [[{fillColor: "#a00", color: "#fff", weight: 1}, {fillColor: "#0a0", color: "#fff", weight: 1}]],
  fewStyle: {fillOpacity: 0.2, weight: 2, dashArray: "2 2"},
  areaStyle: {fillOpacity: 0.08, weight: 1},
  flowStyle: {color: "#555", weight: 2}, inferredStyle: {dashArray: "4 4", opacity: 0.5},
};
const PLACES = {
  dandong: {id: "dandong", name: "Dandong", level: "", ll: [40.1, 124.4], area_m: 0},
  shenyang: {id: "shenyang", name: "Shenyang", level: "", ll: [41.8, 123.4], area_m: 0},
  beijing: {id: "beijing", name: "Beijing", level: "", ll: [39.9, 116.4], area_m: 0},
  liaoning: {id: "liaoning", name: "Liaoning", level: "province", ll: [41.3, 122.6], area_m: 250000},
};

function mark(place, count, sector, presence = "reported") {
  return {place, count, role: 0, sector, presence, reports: [`<article>${place} ${count}</article>`]};
}

/* All years: four places, two movements. */
const WIDE = {places: PLACES, marks: [mark("dandong", 9, 0), mark("shenyang", 4, 1), mark("liaoning", 3, 0),
                                      mark("beijing", 1, 1, "few")],
              flows: [{from: "dandong", to: "shenyang", count: 3, basis: "stated"},
                      {from: "beijing", to: "dandong", count: 1, basis: "inferred"}]};
/* One year: Beijing gone, Dandong smaller and few, Shenyang of the other sector, one movement. */
const NARROW = {places: PLACES, marks: [mark("shenyang", 4, 0), mark("dandong", 2, 0, "few"), mark("liaoning", 1, 1)],
                flows: [{from: "dandong", to: "shenyang", count: 1, basis: "stated"}]};

function drawn(layer) {
  const out = {marks: {}, order: Object.keys(layer._marks), flows: [], labels: {}, areas: {}};
  for (const [id, entry] of Object.entries(layer._marks)) {
    const shape = entry.shape;
    out.marks[id] = {options: {...shape.options, ...Object.getPrototypeOf(shape.options)}, own: Object.keys(shape.options).sort(),
                     radius: shape.getRadius(), tooltip: shape.tooltip, popup: shape.popup};
    if (entry.label) { out.labels[id] = {offset: entry.offset, anchor: entry.label.options.icon.options.iconAnchor}; }
    if (entry.circle) { out.areas[id] = {...entry.circle.options}; }
  }
  layer._flows.forEach((flow) => out.flows.push([flow.from, flow.to, flow.basis, flow.lines[1].tooltip]));
  const inGroup = Object.values(layer._layers);
  out.layers = inGroup.length;
  out.shapes = inGroup.filter((l) => l instanceof CircleMarker && !(l instanceof Circle)).length;
  return plain(out);
}

function fresh(records) {
  const layer = nkmap.places(records, {});
  layer._draw(CONFIG);
  return layer;
}

test("a step's layer changes the marks it takes over into what a fresh drawing of its records makes", () => {
  for (const [from, to] of [[WIDE, NARROW], [NARROW, WIDE], [WIDE, WIDE]]) {
    const old = fresh(from);
    const kept = {...old._shapes};
    const stepped = nkmap.places(to, {});
    stepped._adopt(old, CONFIG);
    assert.deepEqual(drawn(stepped), drawn(fresh(to)));
    for (const m of to.marks) {
      if (kept[m.place]) { assert.equal(stepped._shapes[m.place], kept[m.place], `${m.place} is the same mark`); }
    }
    assert.deepEqual(Object.keys(old._layers), [], "the old layer keeps nothing to take down");
  }
});

test("a mark that stops being few loses the few style's keys, as a new mark would not have them", () => {
  const old = fresh(NARROW);
  assert.equal(old._shapes.dandong.options.dashArray, "2 2");
  const shape = old._shapes.dandong;
  const stepped = nkmap.places(WIDE, {});
  stepped._adopt(old, CONFIG);
  assert.equal(stepped._shapes.dandong, shape);
  assert.equal(stepped._shapes.dandong.options.dashArray, undefined);
  assert.equal(stepped._shapes.dandong.options.fillOpacity, undefined);
  assert.equal(stepped._shapes.dandong.getRadius(), nkmap.markerRadius(9, CONFIG.radius));
  assert.match(stepped._shapes.dandong.tooltip, /9 reports/);
});

test("a place whose record moved is drawn again, not changed in place", () => {
  const old = fresh(WIDE);
  const moved = {...PLACES, dandong: {...PLACES.dandong, ll: [40.2, 124.5]}};
  const before = old._shapes.dandong;
  const stepped = nkmap.places({...WIDE, places: moved}, {});
  stepped._adopt(old, CONFIG);
  assert.notEqual(stepped._shapes.dandong, before);
  assert.deepEqual(plain(stepped._shapes.dandong.ll), [40.2, 124.5]);
  assert.equal(Object.values(stepped._layers).filter((l) => l instanceof CircleMarker && !(l instanceof Circle)).length, 4);
});

test("a step that changes only how many reports a place has gives its mark the new radius and writes none of its style", () => {
  const old = fresh(WIDE);
  const shape = old._shapes.dandong;
  const calls = {style: 0, radius: 0};
  shape.setStyle = function (style) { calls.style += 1; return CircleMarker.prototype.setStyle.call(this, style); };
  shape.setRadius = function (radius) { calls.radius += 1; return CircleMarker.prototype.setRadius.call(this, radius); };
  const fewer = {...WIDE, marks: WIDE.marks.map((m) => (m.place === "dandong" ? mark("dandong", 5, 0) : m))};
  const stepped = nkmap.places(fewer, {});
  stepped._adopt(old, CONFIG);
  assert.deepEqual(calls, {style: 0, radius: 1});
  assert.deepEqual(drawn(stepped), drawn(fresh(fewer)));
});

/* A parent element as the DOM keeps its children, counting the children it is given again. */
class Parent {
  constructor(names) { this.childNodes = []; this.moves = 0; names.forEach((name) => this.appendChild({name})); this.moves = 0; }
  detach(node) { const k = this.childNodes.indexOf(node); if (k >= 0) { this.childNodes.splice(k, 1); } }
  appendChild(node) { this.moves += 1; this.detach(node); node.parentNode = this; this.childNodes.push(node); return node; }
  insertBefore(node, next) {
    this.moves += 1; this.detach(node); node.parentNode = this;
    this.childNodes.splice(this.childNodes.indexOf(next), 0, node); return node;
  }
  names() { return this.childNodes.map((node) => node.name).join(""); }
}

test("marks are put in a fresh drawing's order by moving the fewest of them", () => {
  for (const [now, wanted, moves] of [["abcdef", "abcdef", 0], ["abcdef", "bcdefa", 1], ["abcdef", "fabcde", 1],
                                      ["abcdef", "acbdfe", 2], ["abcdef", "fedcba", 5], ["xaybzc", "cab", 1]]) {
    const parent = new Parent([...now]);
    const byName = Object.fromEntries(parent.childNodes.map((node) => [node.name, node]));
    nkmap.order([...wanted].map((name) => byName[name]).concat([null]));
    const listed = parent.names().replace(/[^abcdef]/g, "");
    assert.equal(listed, wanted, `${now} put as ${wanted}`);
    assert.equal(parent.moves, moves, `${now} to ${wanted}`);
  }
});
