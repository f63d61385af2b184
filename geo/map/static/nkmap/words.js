/* What the map writes: plurals, a place's tooltip and popup, a mark's name for a screen reader, a
 * movement's tooltip, and the export's summary line. No Leaflet here: these take plain values and
 * return text (tests/js/words.test.js).
 *
 * The script holds no words of its own: each function takes `words`, the table Python builds in
 * the reader's language (geo.map.words.map_words, sent as config.words; the summary line's are
 * geo.reading.page_words.page_words). Plurals come as [the form for 1, the form for any other
 * count], with {n} for the count. Every string in the records and in `words` that reaches
 * innerHTML was escaped by geo.escape.escape() in Python (names, levels, ids, report HTML, the
 * words); everything added here is a number or punctuation. */
(function (nkmap) {
  "use strict";

  /* The `presence` values that say no report puts workers at a place (as geo.data.codes): their
   * marks are hollow rings, and their tooltips and popups say so. */
  var PRESENCE = {few: true, none: true, sought: true};

  /* As geo.i18n.fill: each {name} replaced by its value, other braces left alone. */
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  /* As geo.reading.page_words.plural_forms: [the form for 1, the form for any other count]. */
  function counted(forms, n) { return fill(forms[n === 1 ? 0 : 1], {n: n}); }

  /* "3 reports", in the words' language. */
  function plural(words, n) { return counted(words.reports, n); }

  /* A place's tooltip. streamlit-folium hands the dashboard a clicked mark's tooltip as plain
   * text, so the place id also stands in a hidden span ("place=ID"): invisible, not read out, but
   * in the text the click returns (geo.reading.pickers.place_from_tooltip reads it). */
  function tooltipHtml(words, place, count, presence) {
    var level = place.level ? " (" + (words.level[place.level] || place.level) + ")" : "";
    var few = PRESENCE[presence] ? " · " + words.presence[presence] : "";
    return '<span data-place="' + place.id + '"><b>' + place.name + "</b>" + level +
      " · " + plural(words, count) + few + '<span class="nk-key" hidden> place=' + place.id + "</span></span>";
  }

  /* A place's popup: its name, then the given reports' HTML (newest first), and a line on the
   * reports it leaves out: "table" (the dashboard lists them below the map) or "scroll" (the
   * export's popup holds them all). */
  function popupHtml(words, place, mark, more) {
    var where = place.name;
    if (place.level) {
      where += ' <span class="nk-precision">(' + (words.levelNote[place.level] || place.level) + ")</span>";
    }
    var html = '<div class="nk-popup"><h4>' + where + "</h4>";
    if (PRESENCE[mark.presence]) {
      html += '<p class="nk-presence">' + words.presenceNote[mark.presence] + "</p>";
    }
    var left = mark.count - mark.reports.length;
    if (more === "scroll" && mark.count > 1) {
      html += '<p class="nk-more">' + counted(words.scroll, mark.count) + "</p>";
    }
    html += mark.reports.join("");
    if (more === "table" && left > 0) {
      html += '<p class="nk-more">' + counted(mark.reports.length ? words.moreTable : words.allTable, left) + "</p>";
    }
    return html + "</div>";
  }

  /* A mark as a screen reader names it: "Dandong, 3 reports", with its level and presence (HTML
   * text as the records hold it), each part and the separator first passed through `each` if given
   * (places.js turns each into plain text). */
  function markLabel(words, name, level, count, presence, each) {
    var parts = [name];
    if (level) { parts.push(words.level[level] || level); }
    parts.push(plural(words, count));
    if (PRESENCE[presence]) { parts.push(words.presence[presence]); }
    parts.push(words.listSeparator);
    if (each) { parts = parts.map(each); }
    var separator = parts.pop();
    return parts.join(separator);
  }

  /* A movement line's tooltip: "Sinuiju → Dandong · 2 reports", and whether it is only inferred. */
  function flowTooltip(words, from, to, count, inferred) {
    return from.name + " → " + to.name + " · " + plural(words, count) + (inferred ? " · " + words.inferred : "");
  }

  /* The export's count line in its language: geo.reading.page_words.summary_line_in (and so
   * geo.query.aggregate.summary_line in English), from the same templates, `words`
   * (tests/publish/test_summary_line_js.py runs both and compares them). */
  function summaryLine(words, reports, places, fewOrNone, first, last) {
    if (!reports) { return words.noMatch; }
    return fill(fewOrNone ? words.summaryFew : words.summary, {
      reports: counted(words.reports, reports), places: counted(words.places, places), few: fewOrNone
    }) + " · " + (first === last ? fill(words.year, {y: first}) : fill(words.yearSpan, {first: first, last: last}));
  }

  /* On a phone's map, the places whose marks are out of view (`names`: escaped HTML, as the records
   * hold them): the first four, and how many more. */
  function offScreenNote(words, names) {
    var shown = names.slice(0, 4).join(words.listSeparator);
    if (names.length > 4) { shown = fill(counted(words.offScreenMore, names.length - 4), {names: shown}); }
    return fill(words.offScreen, {names: shown});
  }

  nkmap.offScreenNote = offScreenNote;
  nkmap.PRESENCE = PRESENCE;
  nkmap.plural = plural;
  nkmap.flowTooltip = flowTooltip;
  nkmap.tooltipHtml = tooltipHtml;
  nkmap.popupHtml = popupHtml;
  nkmap.markLabel = markLabel;
  nkmap.fill = fill;
  nkmap.counted = counted;
  nkmap.summaryLine = summaryLine;
})(nkmap);
