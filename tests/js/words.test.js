// words.js: plurals, tooltips, popups and the export's summary line.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {load} = require("./load.js");

const nkmap = load(["words.js"]);
const dandong = {id: "dandong", name: "Dandong", level: "", ll: [40.1, 124.4], area_m: 0};
const liaoning = {id: "liaoning", name: "Liaoning", level: "province", ll: [41.3, 122.6], area_m: 250000};

test("plural says one report, two reports, no reports", () => {
  assert.equal(nkmap.plural(1, "report"), "1 report");
  assert.equal(nkmap.plural(2, "report"), "2 reports");
  assert.equal(nkmap.plural(0, "report"), "0 reports");
  assert.equal(nkmap.plural(1, "more report"), "1 more report");
});

test("a tooltip names the place, its level, its count and hides its id for the page", () => {
  assert.equal(nkmap.tooltipHtml(dandong, 3, "reported"),
    '<span data-place="dandong"><b>Dandong</b> · 3 reports<span class="nk-key" hidden> place=dandong</span></span>');
  assert.equal(nkmap.tooltipHtml(liaoning, 1, "few"),
    '<span data-place="liaoning"><b>Liaoning</b> (province-level) · 1 report · few workers reported' +
    '<span class="nk-key" hidden> place=liaoning</span></span>');
  assert.match(nkmap.tooltipHtml(dandong, 2, "sought"), / · workers sought, none reported</);
});

test("a dashboard popup sends the reports it leaves out to the table", () => {
  const mark = {count: 3, presence: "reported", reports: ["<p>a</p>"]};
  assert.equal(nkmap.popupHtml(dandong, mark, "table"),
    '<div class="nk-popup"><h4>Dandong</h4><p>a</p><p class="nk-more">+2 more reports here: see the table below the map.</p></div>');
  const countOnly = {count: 1, presence: "reported", reports: []};
  assert.equal(nkmap.popupHtml(dandong, countOnly, "table"),
    '<div class="nk-popup"><h4>Dandong</h4><p class="nk-more">1 report here: see the table below the map.</p></div>');
  const all = {count: 1, presence: "reported", reports: ["<p>a</p>"]};
  assert.equal(nkmap.popupHtml(dandong, all, "table"), '<div class="nk-popup"><h4>Dandong</h4><p>a</p></div>');
});

test("an export popup holds every report and says to scroll when there are several", () => {
  const mark = {count: 2, presence: "reported", reports: ["<p>a</p>", "<p>b</p>"]};
  assert.equal(nkmap.popupHtml(dandong, mark, "scroll"),
    '<div class="nk-popup"><h4>Dandong</h4><p class="nk-more">2 reports here, newest first: scroll for more.</p>' +
    "<p>a</p><p>b</p></div>");
  assert.doesNotMatch(nkmap.popupHtml(dandong, {count: 1, presence: "reported", reports: ["x"]}, "scroll"), /scroll/);
});

test("a popup says where a place is only a province and where no report says workers are there", () => {
  const html = nkmap.popupHtml(liaoning, {count: 1, presence: "none", reports: ["<p>a</p>"]}, "scroll");
  assert.match(html, /<h4>Liaoning <span class="nk-precision">\(reported at province level, not a city\)<\/span><\/h4>/);
  assert.match(html, /<p class="nk-presence">Every report here says no workers: not a presence\.<\/p>/);
  assert.match(nkmap.popupHtml(dandong, {count: 1, presence: "sought", reports: []}, "scroll"),
    /says workers were sought, not that they were there: not a presence/);
});

test("a mark's name for a screen reader", () => {
  assert.equal(nkmap.markLabel("Dandong", "", 1, "reported"), "Dandong, 1 report");
  assert.equal(nkmap.markLabel("Liaoning", "province", 4, "few"), "Liaoning, province-level, 4 reports, few workers reported");
});

test("fill leaves unknown placeholders alone", () => {
  assert.equal(nkmap.fill("{n} of {total} {other}", {n: 2, total: 5}), "2 of 5 {other}");
});

const WORDS = {
  noMatch: "No reports match these filters", summary: "{reports} at {places}",
  summaryFew: "{reports} at {places} ({few} with few or no workers)", reports: ["{n} report", "{n} reports"],
  places: ["{n} place", "{n} places"], year: "{y}", yearSpan: "{first}–{last}"
};

test("the summary line counts reports, places and the places with few or no workers, and the years", () => {
  assert.equal(nkmap.summaryLine(WORDS, 12, 5, 1, 2012, 2019), "12 reports at 5 places (1 with few or no workers) · 2012–2019");
  assert.equal(nkmap.summaryLine(WORDS, 1, 1, 0, 2019, 2019), "1 report at 1 place · 2019");
  assert.equal(nkmap.summaryLine(WORDS, 0, 0, 0, 2019, 2019), "No reports match these filters");
});
