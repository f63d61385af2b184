/* The dashboard's step: one filter state as numbers (geo.map.records.step_json), drawn from the
 * places' records and the reports' words this window holds, kept under the dataset's version and
 * added to by each step with what was new. The step's marks, popups and movements become the
 * records nkmap.Places draws, as the standalone export's nkmap.aggregate makes them. A window that
 * lacks what a step needs (a new frame, a reload, a step it never saw, another dataset) keeps the
 * marks it shows and asks the page, through streamlit-folium's value, to send everything again. */
(function (nkmap) {
  "use strict";

  var STORE = "nkmapHeld";

  /* The step as records ({places, marks, flows}), or null if the window lacks a place or a report. */
  function records(step, held) {
    var places = {}, marks = [], flows = [], missing = false, popups = step.popups, at = 0;
    var perStyle = step.presences.length;
    var place = function (rank) {
      var record = held.places[rank];
      if (!record) { missing = true; return null; }
      places[record.id] = record;
      return record;
    };
    var rank = 0;
    for (var i = 0; i < step.marks.length; i += 3) {
      rank += step.marks[i];
      var record = place(rank), code = step.marks[i + 2], style = Math.floor(code / perStyle);
      var reports = [], shown = popups[at];
      for (var k = 1; k <= shown; k++) {
        var html = held.html[popups[at + k]];
        if (html === undefined) { missing = true; } else { reports.push(html); }
      }
      at += shown + 1;
      if (record) {
        marks.push({place: record.id, count: step.marks[i + 1], role: Math.floor(style / step.sectors),
                    sector: style % step.sectors, presence: step.presences[code % perStyle], reports: reports,
                    rank: rank});
      }
    }
    for (var j = 0; j < step.flows.length; j += 4) {
      var from = place(step.flows[j]), to = place(step.flows[j + 1]);
      if (from && to) {
        flows.push({from: from.id, to: to.id, count: step.flows[j + 2], basis: step.flows[j + 3] ? "stated" : "inferred"});
      }
    }
    if (missing) { return null; }
    // As geo.query.aggregate.places_of: most reports first, then by name.
    marks.sort(function (a, b) { return b.count - a.count || a.rank - b.rank; });
    marks.forEach(function (mark) { delete mark.rank; });
    return {places: places, marks: marks, flows: flows};
  }

  /* Ask the page for everything again (once the current render is over), as announceDrawn tells it. */
  function askAgain() {
    var shared = window.__GLOBAL_DATA__, streamlit = window.Streamlit;
    if (!shared || !streamlit) { return; }
    window.setTimeout(function () {
      var value = Object.assign({}, shared.previous_data, {nk_resend: Date.now() + "-" + Math.random()});
      shared.previous_data = value;
      streamlit.setComponentValue(value);
    }, 0);
  }

  /* The layer for `step` (geo.map.records.step_json) with nkmap.Places's `options`; the layer
   * drawn last when the window lacks what the step needs, while it asks for everything again. */
  nkmap.step = function (step, options) {
    var held = window[STORE];
    if (step.base) {
      held = window[STORE] = {v: step.v, places: {}, html: {}, layer: held ? held.layer : null, stale: false,
                                asked: held ? held.asked : 0};
    } else if (!held) {
      held = window[STORE] = {v: step.v, places: {}, html: {}, layer: null, stale: true, asked: 0};
    } else if (held.v !== step.v) {
      held.stale = true;
    }
    if (!held.stale) {
      step.places.forEach(function (pair) { held.places[pair[0]] = pair[1]; });
      Object.keys(step.html).forEach(function (row) { held.html[row] = step.html[row]; });
    }
    var made = held.stale ? null : records(step, held);
    if (!made) {
      held.stale = true;
      // A few times in a row at most: a page that answers without everything must not loop.
      if (held.asked < 3) { held.asked += 1; askAgain(); }
      return held.layer || L.featureGroup();
    }
    held.asked = 0;
    // The step's layer takes over the marks of the one streamlit-folium has just taken off the map.
    held.layer = nkmap.places(made, Object.assign({handOver: true}, options));
    return held.layer;
  };

  nkmap.stepRecords = records;
})(nkmap);
