// words.js: plurals, tooltips, popups, screen readers' names and the export's summary line, in
// every language. The words are Python's (geo.map.words.map_words), as words.json holds them
// (tests/map/test_words.py checks that file against the catalogs).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const {load} = require("./load.js");

const nkmap = load(["words.js"]);
const ALL = require("./words.json");
const EN = ALL.en;
const dandong = {id: "dandong", name: "Dandong", level: "", ll: [40.1, 124.4], area_m: 0};
const liaoning = {id: "liaoning", name: "Liaoning", level: "province", ll: [41.3, 122.6], area_m: 250000};

test("plural says one report, two reports, no reports", () => {
  assert.equal(nkmap.plural(EN, 1), "1 report");
  assert.equal(nkmap.plural(EN, 2), "2 reports");
  assert.equal(nkmap.plural(EN, 0), "0 reports");
});

test("a tooltip names the place, its level, its count and hides its id for the page", () => {
  assert.equal(nkmap.tooltipHtml(EN, dandong, 3, "reported"),
    '<span data-place="dandong"><b>Dandong</b> · 3 reports<span class="nk-key" hidden> place=dandong</span></span>');
  assert.equal(nkmap.tooltipHtml(EN, liaoning, 1, "few"),
    '<span data-place="liaoning"><b>Liaoning</b> (province-level) · 1 report · few workers reported' +
    '<span class="nk-key" hidden> place=liaoning</span></span>');
  assert.match(nkmap.tooltipHtml(EN, dandong, 2, "sought"), / · workers sought, none reported</);
});

test("a dashboard popup sends the reports it leaves out to the table", () => {
  const mark = {count: 3, presence: "reported", reports: ["<p>a</p>"]};
  assert.equal(nkmap.popupHtml(EN, dandong, mark, "table"),
    '<div class="nk-popup"><h4>Dandong</h4><p>a</p><p class="nk-more">+2 more reports here: see the table below the map.</p></div>');
  const countOnly = {count: 1, presence: "reported", reports: []};
  assert.equal(nkmap.popupHtml(EN, dandong, countOnly, "table"),
    '<div class="nk-popup"><h4>Dandong</h4><p class="nk-more">1 report here: see the table below the map.</p></div>');
  const oneMore = {count: 2, presence: "reported", reports: ["<p>a</p>"]};
  assert.match(nkmap.popupHtml(EN, dandong, oneMore, "table"), /\+1 more report here: see the table/);
  const all = {count: 1, presence: "reported", reports: ["<p>a</p>"]};
  assert.equal(nkmap.popupHtml(EN, dandong, all, "table"), '<div class="nk-popup"><h4>Dandong</h4><p>a</p></div>');
});

test("an export popup holds every report and says to scroll when there are several", () => {
  const mark = {count: 2, presence: "reported", reports: ["<p>a</p>", "<p>b</p>"]};
  assert.equal(nkmap.popupHtml(EN, dandong, mark, "scroll"),
    '<div class="nk-popup"><h4>Dandong</h4><p class="nk-more">2 reports here, newest first: scroll for more.</p>' +
    "<p>a</p><p>b</p></div>");
  assert.doesNotMatch(nkmap.popupHtml(EN, dandong, {count: 1, presence: "reported", reports: ["x"]}, "scroll"), /scroll/);
});

test("a popup says where a place is only a province and where no report says workers are there", () => {
  const html = nkmap.popupHtml(EN, liaoning, {count: 1, presence: "none", reports: ["<p>a</p>"]}, "scroll");
  assert.match(html, /<h4>Liaoning <span class="nk-precision">\(reported at province level, not a city\)<\/span><\/h4>/);
  assert.match(html, /<p class="nk-presence">Every report here says no workers: not a presence\.<\/p>/);
  assert.match(nkmap.popupHtml(EN, dandong, {count: 1, presence: "sought", reports: []}, "scroll"),
    /says workers were sought, not that they were there: not a presence/);
});

test("a mark's name for a screen reader", () => {
  assert.equal(nkmap.markLabel(EN, "Dandong", "", 1, "reported"), "Dandong, 1 report");
  assert.equal(nkmap.markLabel(EN, "Liaoning", "province", 4, "few"), "Liaoning, province-level, 4 reports, few workers reported");
});

test("a movement's tooltip names both places, counts and says when it is only inferred", () => {
  const sinuiju = {name: "Sinuiju"};
  assert.equal(nkmap.flowTooltip(EN, sinuiju, dandong, 1, false), "Sinuiju → Dandong · 1 report");
  assert.equal(nkmap.flowTooltip(EN, sinuiju, dandong, 3, true), "Sinuiju → Dandong · 3 reports · inferred, not stated");
});

/* Dandong and Liaoning as the records name them in each language (geo.reading.localise.place_label). */
const LOCAL = {
  ko: {dandong: "단둥 (Dandong)", liaoning: "랴오닝성 (Liaoning)"},
  zh: {dandong: "丹东 (Dandong)", liaoning: "辽宁省 (Liaoning)"},
  ja: {dandong: "丹東 (Dandong)", liaoning: "遼寧省 (Liaoning)"}
};
/* What each language's words must say: fixed phrases from the catalogs, checked word by word. */
const EXPECTED = {
  ko: {tooltip: "<b>단둥 (Dandong)</b> · 보고 3건", level: "(성·도 단위) · 보고 1건 · 노동자가 적다고 보고됨",
       more: "이곳에 보고 2건이 더 있습니다. 지도 아래 표를 보세요.", all: "이곳의 보고 1건: 지도 아래 표를 보세요.",
       note: "(도시가 아닌 성·도 단위로 보고됨)", none: "이곳의 모든 보고가 노동자가 없다고 전합니다. ‘노동자 있음’으로 세지 않습니다.",
       scroll: "이곳의 보고 2건, 최신순: 스크롤하면 더 보입니다.", label: "랴오닝성 (Liaoning), 성·도 단위, 보고 4건, 노동자가 적다고 보고됨",
       flow: "신의주 (Sinuiju) → 단둥 (Dandong) · 보고 3건 · 추정, 명시되지 않음"},
  zh: {tooltip: "<b>丹东 (Dandong)</b> · 3条报告", level: "(省级) · 1条报告 · 报告称劳工很少",
       more: "此处另有2条报告：见地图下方的表格。", all: "此处有1条报告：见地图下方的表格。",
       note: "(仅精确到省级，未具体到城市)", none: "此处所有报告都称没有劳工：不计为有劳工。",
       scroll: "此处有2条报告，最新的在前：滚动查看更多。", label: "辽宁省 (Liaoning)、省级、4条报告、报告称劳工很少",
       flow: "新义州 (Sinuiju) → 丹东 (Dandong) · 3条报告 · 推断，未明示"},
  ja: {tooltip: "<b>丹東 (Dandong)</b> · 報告3件", level: "(省・道単位) · 報告1件 · 労働者は少ないとの報告",
       more: "ほかに報告2件：地図の下の表をご覧ください。", all: "ここに報告1件：地図の下の表をご覧ください。",
       note: "(都市ではなく省・道単位の報告)", none: "この場所の報告はすべて、労働者はいないとしています。「労働者あり」には数えません。",
       scroll: "ここに報告2件（新しい順）：スクロールすると続きが見られます。", label: "遼寧省 (Liaoning)、省・道単位、報告4件、労働者は少ないとの報告",
       flow: "新義州 (Sinuiju) → 丹東 (Dandong) · 報告3件 · 推定、明示なし"}
};
const SINUIJU = {ko: "신의주 (Sinuiju)", zh: "新义州 (Sinuiju)", ja: "新義州 (Sinuiju)"};

for (const lang of ["ko", "zh", "ja"]) {
  test(`the map's words in ${lang}: tooltips, popups, screen readers' names and movements`, () => {
    const words = ALL[lang], want = EXPECTED[lang];
    const dd = Object.assign({}, dandong, {name: LOCAL[lang].dandong});
    const ln = Object.assign({}, liaoning, {name: LOCAL[lang].liaoning});
    assert.ok(nkmap.tooltipHtml(words, dd, 3, "reported").includes(want.tooltip));
    assert.ok(nkmap.tooltipHtml(words, ln, 1, "few").includes(want.level));
    const table = nkmap.popupHtml(words, dd, {count: 3, presence: "reported", reports: ["<p>a</p>"]}, "table");
    assert.ok(table.includes(`<p class="nk-more">${want.more}</p>`), table);
    assert.ok(nkmap.popupHtml(words, dd, {count: 1, presence: "reported", reports: []}, "table").includes(want.all));
    const area = nkmap.popupHtml(words, ln, {count: 2, presence: "none", reports: ["<p>a</p>", "<p>b</p>"]}, "scroll");
    assert.ok(area.includes(`<h4>${LOCAL[lang].liaoning} <span class="nk-precision">${want.note}</span></h4>`), area);
    assert.ok(area.includes(`<p class="nk-presence">${want.none}</p>`), area);
    assert.ok(area.includes(`<p class="nk-more">${want.scroll}</p>`), area);
    assert.equal(nkmap.markLabel(words, ln.name, "province", 4, "few"), want.label);
    assert.equal(nkmap.flowTooltip(words, {name: SINUIJU[lang]}, dd, 3, true), want.flow);
    // No English word is left in what the map writes (the English names in brackets aside).
    const written = [nkmap.tooltipHtml(words, ln, 1, "sought"), table, area,
      nkmap.popupHtml(words, dd, {count: 1, presence: "sought", reports: []}, "table"),
      nkmap.markLabel(words, dd.name, "", 2, "none")].join(" ").replace(/<[^>]*>|\([A-Z][a-z]+\)|place=\w+/g, "");
    assert.doesNotMatch(written, /\b(report|reports|workers?|level|table|scroll|presence|inferred)\b/i);
  });
}

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

test("a phone's note on places out of view names four and counts the rest, in each language", () => {
  const names = ["China", "Liaoning", "Jilin", "Dandong", "Tumen", "Hunchun"];
  assert.equal(nkmap.offScreenNote(EN, names.slice(0, 2)), "Out of view: China, Liaoning");
  assert.equal(nkmap.offScreenNote(EN, names), "Out of view: China, Liaoning, Jilin, Dandong and 2 more");
  assert.equal(nkmap.offScreenNote(ALL.ko, names.slice(0, 5)), "화면 밖: China, Liaoning, Jilin, Dandong 외 1곳");
  assert.doesNotMatch(nkmap.offScreenNote(ALL.ja, names), /Out of view|more/);
});
