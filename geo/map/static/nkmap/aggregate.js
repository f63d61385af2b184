/* The standalone export's reports per place, as geo.query.aggregate does on the server (the
 * export has no server). No Leaflet here (tests/js/aggregate.test.js). */
(function (nkmap) {
  "use strict";

  /* Which presence a place's mark shows when none of its reports puts workers there (as
   * geo.data.codes): the lowest rank among its reports. */
  var PRESENCE_RANK = {reported: 0, few: 1, none: 2, sought: 3};

  function argmaxFirst(counts) {
    var best = 0;
    for (var i = 1; i < counts.length; i++) { if (counts[i] > counts[best]) { best = i; } }
    return best;
  }

  /* The export's reports in the years first..last naming any sector in `wanted` (booleans by
   * sector index), as marks and flows: the rules of geo.query.filters.FILTERS and filter_mask and
   * geo.query.aggregate.places_of / flows_of. `data` is the export's page data
   * (geo.map.records.export_records): its reports arrive newest first, so each mark's reports
   * are; data.config.styles is [role][sector]. */
  function aggregate(data, first, last, wanted) {
    var byPlace = {}, flows = {}, count = 0;
    var roles = data.config.styles.length, sectors = data.config.styles[0].length;
    data.reports.forEach(function (report) {
      if (report.y0 > last || report.y1 < first) { return; }
      if (!report.sectors.some(function (s) { return wanted[s]; })) { return; }
      count += 1;
      var mark = byPlace[report.place];
      if (!mark) {
        mark = byPlace[report.place] = {place: report.place, count: 0, reports: [], reported: false,
          presence: report.presence, roles: new Array(roles).fill(0), sectors: new Array(sectors).fill(0)};
      }
      // A place is a presence when any of its reports puts workers there (as geo.query.aggregate).
      if (report.presence === "reported") { mark.reported = true; }
      if (PRESENCE_RANK[report.presence] < PRESENCE_RANK[mark.presence]) { mark.presence = report.presence; }
      mark.count += 1;
      mark.reports.push(report.html);
      mark.roles[report.role] += 1;
      report.sectors.forEach(function (s) { mark.sectors[s] += 1; });
      if (report.from) {
        var key = report.from + ">" + report.place;
        flows[key] = flows[key] || {from: report.from, to: report.place, count: 0, basis: "inferred"};
        flows[key].count += 1;
        if (report.basis === "stated") { flows[key].basis = "stated"; }
      }
    });
    var marks = Object.keys(byPlace).map(function (id) {
      var mark = byPlace[id];
      return {place: id, count: mark.count, reports: mark.reports, presence: mark.reported ? "reported" : mark.presence,
              role: argmaxFirst(mark.roles), sector: argmaxFirst(mark.sectors)};
    });
    var rank = data.order;
    marks.sort(function (a, b) { return b.count - a.count || rank[a.place] - rank[b.place]; });
    return {count: count, marks: marks,
            flows: Object.keys(flows).map(function (key) { return flows[key]; })};
  }

  nkmap.aggregate = aggregate;
})(nkmap);
