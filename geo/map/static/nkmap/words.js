/* What the map writes: plurals, a place's tooltip and popup, and the export's summary line. No
 * Leaflet here: these take plain values and return text (tests/js/words.test.js).
 *
 * Every string in the records that reaches innerHTML was escaped by geo.escape.escape() in Python
 * (names, levels, ids, report HTML); everything added here is a number or a constant. */
(function (nkmap) {
  "use strict";

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  /* What a place's marks say when none of its reports puts workers there, and how a popup says
   * it (as geo.data.codes). */
  var PRESENCE = {few: "few workers reported", none: "no workers reported", sought: "workers sought, none reported"};
  var PRESENCE_SAYS = {few: "few workers", none: "no workers", sought: "workers were sought, not that they were there"};

  /* A place's tooltip. streamlit-folium hands the dashboard a clicked mark's tooltip as plain
   * text, so the place id also stands in a hidden span ("place=ID"): invisible, not read out, but
   * in the text the click returns (geo.reading.pickers.place_from_tooltip reads it). */
  function tooltipHtml(place, count, presence) {
    var level = place.level ? " (" + place.level + "-level)" : "";
    var few = PRESENCE[presence] ? " · " + PRESENCE[presence] : "";
    return '<span data-place="' + place.id + '"><b>' + place.name + "</b>" + level +
      " · " + plural(count, "report") + few + '<span class="nk-key" hidden> place=' + place.id + "</span></span>";
  }

  /* A place's popup: its name, then the given reports' HTML (newest first), and a line on the
   * reports it leaves out: "table" (the dashboard lists them below the map) or "scroll" (the
   * export's popup holds them all). */
  function popupHtml(place, mark, more) {
    var where = place.name;
    if (place.level) {
      where += ' <span class="nk-precision">(reported at ' + place.level + " level, not a city)</span>";
    }
    var html = '<div class="nk-popup"><h4>' + where + "</h4>";
    if (PRESENCE[mark.presence]) {
      html += '<p class="nk-presence">Every report here says ' + PRESENCE_SAYS[mark.presence] +
        ": not a presence.</p>";
    }
    var left = mark.count - mark.reports.length;
    if (more === "scroll" && mark.count > 1) {
      html += '<p class="nk-more">' + mark.count + " reports here, newest first: scroll for more.</p>";
    }
    html += mark.reports.join("");
    if (more === "table" && left > 0) {
      var count = mark.reports.length ? "+" + plural(left, "more report") : plural(left, "report");
      html += '<p class="nk-more">' + count + " here: see the table below the map.</p>";
    }
    return html + "</div>";
  }

  /* A mark as a screen reader names it: "Dandong, 3 reports", with its level and presence. */
  function markLabel(name, level, count, presence) {
    return name + (level ? ", " + level + "-level" : "") + ", " + plural(count, "report") +
      (PRESENCE[presence] ? ", " + PRESENCE[presence] : "");
  }

  /* As geo.i18n.fill: each {name} replaced by its value, other braces left alone. */
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  /* As geo.reading.page_words.plural_forms: [the form for 1, the form for any other count]. */
  function counted(forms, n) { return fill(forms[n === 1 ? 0 : 1], {n: n}); }

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
   * hold them). */
  function offScreenNote(names) {
    var shown = names.slice(0, 4).join(", ");
    var more = names.length > 4 ? " and " + (names.length - 4) + " more" : "";
    return "Out of view: " + shown + more;
  }

  nkmap.offScreenNote = offScreenNote;
  nkmap.PRESENCE = PRESENCE;
  nkmap.plural = plural;
  nkmap.tooltipHtml = tooltipHtml;
  nkmap.popupHtml = popupHtml;
  nkmap.markLabel = markLabel;
  nkmap.fill = fill;
  nkmap.counted = counted;
  nkmap.summaryLine = summaryLine;
})(nkmap);
