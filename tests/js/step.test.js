// step.js: the dashboard's step (geo.map.records.step_json) as the records nkmap.Places draws.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {load, plain} = require("./load.js");

function place(id, extra = {}) {
  return {id, name: id[0].toUpperCase() + id.slice(1), level: "", ll: [40, 124], area_m: 0, ...extra};
}

/* Ranks by name: 0 beijing, 2 dandong, 5 shenyang; 2 sectors, 4 presences. Style 3 is role 1,
 * sector 1; code = style × 4 + presence. */
function step(extra = {}) {
  return {
    v: "v1", base: true, sectors: 2, presences: ["reported", "few", "none", "sought"],
    places: [[0, place("beijing")], [2, place("dandong")], [5, place("shenyang")]],
    html: {"17": "<article>a</article>", "4": "<article>b</article>"},
    marks: [0, 3, 1 * 4 + 1, 2, 7, 3 * 4 + 0, 3, 3, 0],
    popups: [0, 2, 17, 4, 1, 4],
    flows: [2, 5, 4, 1, 0, 2, 1, 0],
    ...extra,
  };
}

function held(s) {
  const out = {places: {}, html: {}};
  s.places.forEach(([rank, record]) => { out.places[rank] = record; });
  Object.assign(out.html, s.html);
  return out;
}

test("marks, popups and movements come out as the server's records, most reports first then by name", () => {
  const nkmap = load(["step.js"]);
  const s = step();
  const records = plain(nkmap.stepRecords(s, held(s)));
  assert.deepEqual(records.marks, [
    {place: "dandong", count: 7, role: 1, sector: 1, presence: "reported",
     reports: ["<article>a</article>", "<article>b</article>"]},
    {place: "beijing", count: 3, role: 0, sector: 1, presence: "few", reports: []},
    {place: "shenyang", count: 3, role: 0, sector: 0, presence: "reported", reports: ["<article>b</article>"]},
  ]);
  assert.deepEqual(records.flows, [{from: "dandong", to: "shenyang", count: 4, basis: "stated"},
                                   {from: "beijing", to: "dandong", count: 1, basis: "inferred"}]);
  assert.deepEqual(Object.keys(records.places).sort(), ["beijing", "dandong", "shenyang"]);
});

test("a step whose place or report the window lacks makes no records", () => {
  const nkmap = load(["step.js"]);
  const s = step();
  const lacking = held(s);
  delete lacking.html["4"];
  assert.equal(nkmap.stepRecords(s, lacking), null);
  const noPlace = held(s);
  delete noPlace.places[5];
  assert.equal(nkmap.stepRecords(s, noPlace), null);
});

test("a window without the step's words keeps its marks and asks the page for everything again", async () => {
  const asked = [];
  const window = {
    __GLOBAL_DATA__: {previous_data: {drawn: true}},
    Streamlit: {setComponentValue: (value) => asked.push(value)},
    setTimeout: (f) => f(),
  };
  window.window = window;
  const drawn = [];
  const L = {featureGroup: () => ({empty: true})};
  const nkmap = load(["step.js"], {window, L});
  nkmap.places = (records) => { drawn.push(records); return {records}; };
  const first = nkmap.step(step(), {});
  assert.equal(drawn.length, 1);
  const later = step({base: false, places: [], html: {}});
  assert.equal(nkmap.step(later, {}).records, drawn[1]);  // drawn from what the window holds
  assert.deepEqual(plain(drawn[1]), plain(drawn[0]));
  assert.equal(asked.length, 0);
  delete window.nkmapHeld;  // a new frame, say
  assert.deepEqual(nkmap.step(later, {}), {empty: true});
  assert.equal(asked.length, 1);
  assert.equal(asked[0].drawn, true);
  assert.ok(asked[0].nk_resend);
  window.nkmapHeld.layer = first;
  assert.equal(nkmap.step(step({v: "v2", base: false, places: [], html: {}}), {}), first);  // another dataset
  assert.equal(asked.length, 2);
});
