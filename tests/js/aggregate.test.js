// aggregate.js: the export's reports per place, as geo.query.aggregate makes them on the server.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {load, plain} = require("./load.js");

const nkmap = load(["aggregate.js"]);

/* Three places; styles for 2 roles x 3 sectors; reports newest first (as the export ships them). */
function report(place, y0, y1, sectors, extra = {}) {
  return {place, y0, y1, sectors, role: 0, presence: "reported", from: "", basis: "", html: `<p>${place} ${y0}</p>`, ...extra};
}
const DATA = {
  config: {styles: [[{}, {}, {}], [{}, {}, {}]]},
  order: {beijing: 0, dandong: 1, shenyang: 2},
  reports: [
    report("dandong", 2020, 2020, [0], {role: 1}),
    report("shenyang", 2019, 2021, [1, 2], {from: "dandong", basis: "inferred"}),
    report("dandong", 2018, 2018, [2], {role: 1, presence: "few"}),
    report("beijing", 2017, 2017, [1], {presence: "few", from: "dandong", basis: "stated"}),
    report("shenyang", 2016, 2016, [1], {from: "dandong", basis: "stated"}),
    report("beijing", 2015, 2015, [2], {presence: "none"}),
  ],
};
const ALL = [true, true, true];

test("every report in the years and sectors counts, at its place, newest first", () => {
  const view = plain(nkmap.aggregate(DATA, 2015, 2021, ALL));
  assert.equal(view.count, 6);
  assert.deepEqual(view.marks.map((m) => [m.place, m.count]), [["beijing", 2], ["dandong", 2], ["shenyang", 2]]);
  const dandong = view.marks.find((m) => m.place === "dandong");
  assert.deepEqual(dandong.reports, ["<p>dandong 2020</p>", "<p>dandong 2018</p>"]);
});

test("more reports first, then by the places' order by name", () => {
  const view = nkmap.aggregate(DATA, 2016, 2021, ALL);
  assert.deepEqual(plain(view.marks.map((m) => m.place)), ["dandong", "shenyang", "beijing"]);
});

test("a report counts in a year span it overlaps, and only for sectors it names", () => {
  assert.equal(nkmap.aggregate(DATA, 2021, 2030, ALL).count, 1);  // shenyang's 2019-2021
  assert.equal(nkmap.aggregate(DATA, 2014, 2014, ALL).count, 0);
  const mining = nkmap.aggregate(DATA, 2015, 2021, [true, false, false]);
  assert.deepEqual(plain(mining.marks.map((m) => [m.place, m.count])), [["dandong", 1]]);
  assert.equal(nkmap.aggregate(DATA, 2015, 2021, [false, false, false]).count, 0);
});

test("a mark takes the role and sector most of its reports have, the first of a tie", () => {
  const view = plain(nkmap.aggregate(DATA, 2015, 2021, ALL));
  const of = (id) => view.marks.find((m) => m.place === id);
  assert.deepEqual([of("dandong").role, of("dandong").sector], [1, 0]);     // sectors 0 and 2 tie: the first
  assert.deepEqual([of("shenyang").role, of("shenyang").sector], [0, 1]);   // sector 1 twice, 2 once
});

test("a place is a presence if any report puts workers there, else the report that says least", () => {
  const view = plain(nkmap.aggregate(DATA, 2015, 2021, ALL));
  const presence = Object.fromEntries(view.marks.map((m) => [m.place, m.presence]));
  assert.deepEqual(presence, {beijing: "few", dandong: "reported", shenyang: "reported"});
  assert.equal(plain(nkmap.aggregate(DATA, 2015, 2015, ALL)).marks[0].presence, "none");
});

test("movements are counted per origin and destination, stated when any report states one", () => {
  const flows = plain(nkmap.aggregate(DATA, 2015, 2021, ALL).flows);
  assert.deepEqual(flows, [
    {from: "dandong", to: "shenyang", count: 2, basis: "stated"},
    {from: "dandong", to: "beijing", count: 1, basis: "stated"},
  ]);
  assert.deepEqual(plain(nkmap.aggregate(DATA, 2019, 2021, ALL).flows),
    [{from: "dandong", to: "shenyang", count: 1, basis: "inferred"}]);
});
