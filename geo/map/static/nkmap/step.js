/* The dashboard's step: one filter state as numbers (geo.map.step.step_json), drawn from the
 * places' records and the reports' words this window holds, kept under the dataset's version and
 * added to by each step with what was new. The step's marks, popups and movements become the
 * records nkmap.Places draws, as the standalone export's nkmap.aggregate makes them. A window that
 * lacks what a step needs (a new frame, a reload, a step it never saw, another dataset) keeps the
 * marks it shows and asks the page, through streamlit-folium's value, to send everything again. */
(function (nkmap) {
  "use strict";

  var STORE = "nkmapHeld";

  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  /* The numbers geo.map.step.packed wrote: base64 of bytes, 7 bits of a number per byte, lowest
   * first, the high bit set while more of the number follow. */
  nkmap.unpack = function (text) {
    var out = [], value = 0, scale = 1, bits = 0, buffer = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGITS.indexOf(text.charAt(i));
      if (digit < 0) { continue; }  // the padding
      buffer = buffer * 64 + digit;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        var byte = Math.floor(buffer / Math.pow(2, bits));
        buffer -= byte * Math.pow(2, bits);
        value += (byte % 128) * scale;
        if (byte < 128) { out.push(value); value = 0; scale = 1; } else { scale *= 128; }
      }
    }
    return out;
  };

  /* The numbers geo.map.step.zero_runs wrote, each run of zeros as 0 and its length less one. */
  nkmap.unzero = function (numbers) {
    var out = [];
    for (var i = 0; i < numbers.length; i++) {
      if (numbers[i] === 0) {
        for (var n = numbers[++i]; n >= 0; n--) { out.push(0); }
      } else {
        out.push(numbers[i]);
      }
    }
    return out;
  };

  /* The step as records ({places, marks, flows}), or null if the window lacks a place or a report. */
  function records(step, held) {
    var places = {}, marks = [], flows = [], missing = false, at = 0;
    var runs = nkmap.unpack(step.runs), numbers = nkmap.unpack(step.marks), styles = nkmap.unpack(step.styles);
    var popups = nkmap.unzero(nkmap.unpack(step.popups)), lines = nkmap.unpack(step.flows);
    var perStyle = step.presences.length;
    var place = function (rank) {
      var record = held.places[rank];
      if (!record) { missing = true; return null; }
      places[record.id] = record;
      return record;
    };
    var rank = 0, i = 0, s = 0, unusual = styles.length ? styles[0] : -1;
    for (var r = 0; r < runs.length; r += 2) {
      rank += runs[r];
      for (var end = rank + runs[r + 1]; rank < end; rank++, i++) {
        // A mark's style is its place's usual one unless the step lists it (geo.map.step.usual_styles).
        var code = held.styles[rank] || 0;
        if (i === unusual) {
          code = styles[s + 1];
          s += 2;
          unusual = s < styles.length ? i + 1 + styles[s] : -1;
        }
        var record = place(rank), count = numbers[i], style = Math.floor(code / perStyle);
        var reports = [], newer = -1;
        var shown = step.each === null ? popups[at++] : Math.min(step.each, count);
        for (var k = 0; k < shown; k++) {
          newer += popups[at++] + 1;
          var html = held.html[rank + ":" + newer];
          if (html === undefined) { missing = true; } else { reports.push(html); }
        }
        if (record) {
          marks.push({place: record.id, count: count, role: Math.floor(style / step.sectors),
                      sector: style % step.sectors, presence: step.presences[code % perStyle], reports: reports,
                      rank: rank});
        }
      }
    }
    var pair = -1;
    for (var j = 0; j < lines.length; j += 2) {
      pair += lines[j] + 1;
      var ends = held.pairs[pair], from = ends && place(ends[0]), to = ends && place(ends[1]);
      if (!ends) { missing = true; }
      if (from && to) {
        flows.push({from: from.id, to: to.id, count: Math.floor(lines[j + 1] / 2),
                    basis: lines[j + 1] % 2 ? "stated" : "inferred", pair: pair});
      }
    }
    if (missing) { return null; }
    // As geo.query.aggregate.places_of: most reports first, then by name.
    marks.sort(function (a, b) { return b.count - a.count || a.rank - b.rank; });
    marks.forEach(function (mark) { delete mark.rank; });
    // As the server picks them: most reports first, then by origin and destination id (the pairs' order).
    flows.sort(function (a, b) { return b.count - a.count || a.pair - b.pair; });
    flows.forEach(function (flow) { delete flow.pair; });
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

  /* The layer for `step` (geo.map.step.step_json) with nkmap.Places's `options`; the layer
   * drawn last when the window lacks what the step needs, while it asks for everything again. */
  nkmap.step = function (step, options) {
    var held = window[STORE];
    if (step.base) {
      held = window[STORE] = {v: step.v, places: {}, styles: {}, pairs: {}, html: {},
                                layer: held ? held.layer : null, stale: false, asked: held ? held.asked : 0};
    } else if (!held) {
      held = window[STORE] = {v: step.v, places: {}, styles: {}, pairs: {}, html: {}, layer: null, stale: true,
                                asked: 0};
    } else if (held.v !== step.v) {
      held.stale = true;
    }
    if (!held.stale) {
      step.places.forEach(function (sent) { held.places[sent[0]] = sent[1]; held.styles[sent[0]] = sent[2]; });
      Object.keys(step.html).forEach(function (row) { held.html[row] = step.html[row]; });
      for (var p = 0; p < step.pairs.length; p += 3) {
        held.pairs[step.pairs[p]] = [step.pairs[p + 1], step.pairs[p + 2]];
      }
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
