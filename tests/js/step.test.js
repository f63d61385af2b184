// step.js: the dashboard's step (geo.map.step.step_json) as the records nkmap.Places draws.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {Buffer} = require("node:buffer");
const {load, plain} = require("./load.js");

function place(id, extra = {}) {
  return {id, name: id[0].toUpperCase() + id.slice(1), level: "", ll: [40, 124], area_m: 0, ...extra};
}

/* As geo.map.step.packed: 7 bits a byte, lowest first, high bit while more follow; base64. */
function pack(numbers) {
  const bytes = [];
  for (let n of numbers) {
    while (n > 127) { bytes.push((n % 128) + 128); n = Math.floor(n / 128); }
    bytes.push(n);
  }
  return Buffer.from(bytes).toString("base64");
}

/* Ranks by name: 0 beijing, 1 dandong, 5 shenyang (runs: ranks 0 and 1, then 5); 2 sectors, 4
 * presences. Style 3 is role 1, sector 1; code = style × 4 + presence. Each place comes with its
 * usual code (beijing 5, the others 0); the step lists dandong's (mark 1), 12, as unusual. Reports are named by their
 * place's rank and how many reports there are newer: dandong's popup shows its two newest, shenyang's
 * its third newest; beijing's none. */
function step(extra = {}) {
  return {
    v: "v1", base: true, sectors: 2, presences: ["reported", "few", "none", "sought"],
    places: [[0, place("beijing"), 1 * 4 + 1], [1, place("dandong"), 0], [5, place("shenyang"), 0]],
    html: {"1:0": "<article>a</article>", "1:1": "<article>b</article>", "5:2": "<article>c</article>"},
    runs: pack([0, 2, 3, 1]),
    marks: pack([3, 7, 3]),
    styles: pack([1, 3 * 4 + 0]),
    each: null,
    // Per popup its length, then its reports (beijing 0; dandong 2: 0, 0; shenyang 1: 2), runs of zeros shortened.
    popups: pack([0, 0, 2, 0, 1, 1, 2]),
    // Movements by their row in the dataset's pairs (0 beijing → dandong, 3 dandong → shenyang):
    // the row's step from the previous one's plus one, then count × 2 + 1 when stated.
    flows: pack([0, 1 * 2 + 0, 2, 4 * 2 + 1]),
    pairs: [0, 0, 1, 3, 1, 5],
    ...extra,
  };
}

function held(s) {
  const out = {places: {}, styles: {}, pairs: {}, html: {}};
  for (let p = 0; p < s.pairs.length; p += 3) { out.pairs[s.pairs[p]] = [s.pairs[p + 1], s.pairs[p + 2]]; }
  s.places.forEach(([rank, record, usual]) => { out.places[rank] = record; out.styles[rank] = usual; });
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
    {place: "shenyang", count: 3, role: 0, sector: 0, presence: "reported", reports: ["<article>c</article>"]},
  ]);
  assert.deepEqual(records.flows, [{from: "dandong", to: "shenyang", count: 4, basis: "stated"},
                                   {from: "beijing", to: "dandong", count: 1, basis: "inferred"}]);
  assert.deepEqual(Object.keys(records.places).sort(), ["beijing", "dandong", "shenyang"]);
});

test("packed numbers read back as they were written, across the byte and base64 boundaries", () => {
  const nkmap = load(["step.js"]);
  const numbers = [0, 1, 127, 128, 300, 16383, 16384, 2 ** 31 + 5, 7, 0];
  assert.deepEqual(plain(nkmap.unpack(pack(numbers))), numbers);
  assert.deepEqual(plain(nkmap.unpack("rAI=")), [300]);  // 300 = 0b10 0101100: bytes 0xAC 0x02
  for (let n = 0; n < 5; n++) {  // every padding length
    const some = Array.from({length: n}, (_, i) => i * 1000);
    assert.deepEqual(plain(nkmap.unpack(pack(some))), some);
  }
  assert.deepEqual(plain(nkmap.unpack("")), []);
});

test("runs of zeros come back whole", () => {
  const nkmap = load(["step.js"]);
  assert.deepEqual(plain(nkmap.unzero([0, 2, 5, 0, 0, 3])), [0, 0, 0, 5, 0, 3]);
  assert.deepEqual(plain(nkmap.unzero([])), []);
});

test("a mark takes its place's usual style unless the step lists another", () => {
  const nkmap = load(["step.js"]);
  // beijing (mark 0) and shenyang (mark 2) listed: beijing reported now, shenyang role 1 sector 0 few.
  const s = step({styles: pack([0, 1 * 4 + 0, 1, 2 * 4 + 1])});
  const records = plain(nkmap.stepRecords(s, held(s)));
  assert.deepEqual(records.marks.map((m) => [m.place, m.role, m.sector, m.presence]), [
    ["dandong", 0, 0, "reported"], ["beijing", 0, 1, "reported"], ["shenyang", 1, 0, "few"]]);
  const none = step({styles: ""});
  assert.deepEqual(plain(nkmap.stepRecords(none, held(none))).marks.map((m) => [m.place, m.role, m.sector, m.presence]),
                   [["dandong", 0, 0, "reported"], ["beijing", 0, 1, "few"], ["shenyang", 0, 0, "reported"]]);
});

test("popups of a number every place shows take their length from the step's `each`", () => {
  const nkmap = load(["step.js"]);
  // each 1: every place shows one report: beijing's and dandong's newest, shenyang's third newest.
  const s = step({each: 1, popups: pack([0, 1, 2])});
  s.html["0:0"] = "<article>z</article>";
  const records = plain(nkmap.stepRecords(s, held(s)));
  assert.deepEqual(records.marks.map((m) => [m.place, m.reports]), [
    ["dandong", ["<article>a</article>"]], ["beijing", ["<article>z</article>"]],
    ["shenyang", ["<article>c</article>"]]]);
});

test("a step whose place or report the window lacks makes no records", () => {
  const nkmap = load(["step.js"]);
  const s = step();
  const lacking = held(s);
  delete lacking.html["5:2"];
  assert.equal(nkmap.stepRecords(s, lacking), null);
  const noPlace = held(s);
  delete noPlace.places[5];
  assert.equal(nkmap.stepRecords(s, noPlace), null);
  const noPair = held(s);
  delete noPair.pairs[3];
  assert.equal(nkmap.stepRecords(s, noPair), null);
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
  const later = step({base: false, places: [], html: {}, pairs: []});
  assert.equal(nkmap.step(later, {}).records, drawn[1]);  // drawn from what the window holds
  assert.deepEqual(plain(drawn[1]), plain(drawn[0]));
  assert.equal(asked.length, 0);
  delete window.nkmapHeld;  // a new frame, say
  assert.deepEqual(nkmap.step(later, {}), {empty: true});
  assert.equal(asked.length, 1);
  assert.equal(asked[0].drawn, true);
  assert.ok(asked[0].nk_resend);
  window.nkmapHeld.layer = first;
  assert.equal(nkmap.step(step({v: "v2", base: false, places: [], html: {}, pairs: []}), {}), first);  // another dataset
  assert.equal(asked.length, 2);
});
