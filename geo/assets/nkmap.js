/* The one drawing script of the map, used by the dashboard (served by the app) and inlined in the
 * standalone HTML export.
 *
 * It draws the records geo/records.py builds: places, marks (a place's reports in one filter
 * state), movements, the legend and the country outlines, and writes every tooltip and popup.
 * Every string in the records that reaches innerHTML was escaped by geo.escape.escape() in
 * Python (names, levels, ids, report HTML, the legend); everything added here is a number or a
 * constant. The standalone export also aggregates reports per place here, as geo.aggregate does
 * on the server, since it has no server.
 */
var nkmap = (function () {
  "use strict";

  var config = null;  // set by setup(): styles, sizes and popup wording of this dataset

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  /* Pixel radius for a place with `count` reports: area grows with the count. */
  function markerRadius(count, radius) {
    var share = Math.sqrt(count / Math.max(radius.maxCount, 1));
    return Math.round((radius.min + (radius.max - radius.min) * share) * 10) / 10;
  }

  function tooltipHtml(place, count) {
    var level = place.level ? " (" + place.level + "-level)" : "";
    return '<span data-place="' + place.id + '"><b>' + place.name + "</b>" + level +
      " · " + plural(count, "report") + "</span>";
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

  /* Angle in degrees (clockwise from east) of the line start→end on a Web Mercator screen. */
  function screenAngle(start, end) {
    var a = L.CRS.EPSG3857.latLngToPoint(L.latLng(start), 0);
    var b = L.CRS.EPSG3857.latLngToPoint(L.latLng(end), 0);
    return Math.atan2(b.y - a.y, b.x - a.x) * 180 / Math.PI;
  }

  /* Popups sized to the map they open on, so they fit a phone as well as a wide screen. */
  function fitPopup(event) {
    var map = event.target._map;
    if (!map) { return; }
    var size = map.getSize();
    event.popup.options.maxWidth = Math.max(160, Math.min(380, size.x - 60));
    event.popup.options.maxHeight = Math.max(160, Math.min(360, size.y - 90));
    event.popup.update();
  }

  function drawFlow(group, records, flow) {
    var from = records.places[flow.from], to = records.places[flow.to];
    var line = L.polyline([from.ll, to.ll], Object.assign({className: "nk-flow"}, config.flowStyle));
    line.bindTooltip(from.name + " → " + to.name + " · " + plural(flow.count, "report"), {sticky: true});
    group.addLayer(line);
    var mid = [from.ll[0] * 0.3 + to.ll[0] * 0.7, from.ll[1] * 0.3 + to.ll[1] * 0.7];
    var arrow = document.createElement("span");
    arrow.textContent = "\u27A4";
    arrow.style.transform = "rotate(" + screenAngle(from.ll, to.ll).toFixed(1) + "deg)";
    group.addLayer(L.marker(mid, {interactive: false, keyboard: false, icon: L.divIcon({
      className: "nk-arrow", iconSize: [18, 18], iconAnchor: [9, 9], html: arrow})}));
  }

  function drawMark(group, records, mark) {
    var place = records.places[mark.place];
    var options = Object.assign({className: "nk-place"}, config.styles[mark.role][mark.sector]);
    var shape = place.area_m
      ? L.circle(place.ll, Object.assign(options, config.areaStyle,
                                         {radius: place.area_m, color: options.fillColor, className: "nk-place nk-area"}))
      : L.circleMarker(place.ll, Object.assign(options, {radius: markerRadius(mark.count, config.radius)}));
    // An area's centre may be far off screen: its tooltip follows the pointer instead.
    shape.bindTooltip(tooltipHtml(place, mark.count), {sticky: Boolean(place.area_m)});
    shape.bindPopup(popupHtml(place, mark, config.more), {maxWidth: 380, maxHeight: 360, autoPanPadding: [12, 12]});
    shape.on("popupopen", fitPopup);
    shape.options.placeId = place.id;
    group.addLayer(shape);
    return shape;
  }

  /* Draw one filter state into `group`: movement lines, then areas, then points on top.
   * Returns the drawn shapes by place id. */
  function draw(group, records) {
    var shapes = {};
    records.flows.forEach(function (flow) { drawFlow(group, records, flow); });
    var isArea = function (mark) { return Boolean(records.places[mark.place].area_m); };
    records.marks.filter(isArea).concat(records.marks.filter(function (m) { return !isArea(m); }))
      .forEach(function (mark) { shapes[mark.place] = drawMark(group, records, mark); });
    return shapes;
  }

  /* Once per map: the dataset's drawing settings (geo.records.map_config), the country outlines
   * and the legend. */
  function setup(map, settings, legendHtml, outlineSource, outlineStyle) {
    config = settings;
    outlines(map, outlineSource, outlineStyle);
    legend(map, legendHtml);
  }

  /* The legend as a collapsible control, folded on a small map (a phone, a shared screen). */
  function legend(map, html) {
    var control = L.control({position: "bottomright"});
    control.onAdd = function () {
      var div = L.DomUtil.create("div", "nk-legend");
      div.innerHTML = html;
      var size = map.getSize();
      if (size.y < 560 || size.x < 700) { div.querySelector("details").open = false; }
      L.DomEvent.disableClickPropagation(div);
      L.DomEvent.disableScrollPropagation(div);
      return div;
    };
    control.addTo(map);
    return control;
  }

  /* Country outlines in a pane under the tiles, visible wherever tiles are missing. `source` is
   * the GeoJSON itself or a URL to fetch it from (once; the dashboard resends the layer only). */
  function outlines(map, source, style) {
    map.createPane("nkBasemap");
    map.getPane("nkBasemap").style.zIndex = 150;
    var add = function (data) {
      L.geoJSON(data, {pane: "nkBasemap", interactive: false, style: style}).addTo(map);
    };
    if (typeof source === "string") {
      fetch(source).then(function (response) { return response.json(); }).then(add);
    } else {
      add(source);
    }
  }

  function argmaxFirst(counts) {
    var best = 0;
    for (var i = 1; i < counts.length; i++) { if (counts[i] > counts[best]) { best = i; } }
    return best;
  }

  /* The export's reports in the years first..last naming any sector in `wanted` (booleans by
   * sector index), as marks and flows: the rules of geo.filters.filter_mask and
   * geo.aggregate.places_of / flows_of. Reports arrive newest first, so each mark's reports are. */
  function aggregate(data, first, last, wanted) {
    var byPlace = {}, flows = {}, sectorsSeen = {}, count = 0;
    var roles = config.styles.length, sectors = config.styles[0].length;
    data.reports.forEach(function (report) {
      if (report.y0 > last || report.y1 < first) { return; }
      if (!report.sectors.some(function (s) { return wanted[s]; })) { return; }
      count += 1;
      report.sectors.forEach(function (s) { sectorsSeen[s] = true; });
      var mark = byPlace[report.place];
      if (!mark) {
        mark = byPlace[report.place] = {place: report.place, count: 0, reports: [],
          roles: new Array(roles).fill(0), sectors: new Array(sectors).fill(0)};
      }
      mark.count += 1;
      mark.reports.push(report.html);
      mark.roles[report.role] += 1;
      report.sectors.forEach(function (s) { mark.sectors[s] += 1; });
      if (report.from) {
        var key = report.from + ">" + report.place;
        flows[key] = flows[key] || {from: report.from, to: report.place, count: 0};
        flows[key].count += 1;
      }
    });
    var marks = Object.keys(byPlace).map(function (id) {
      var mark = byPlace[id];
      return {place: id, count: mark.count, reports: mark.reports,
              role: argmaxFirst(mark.roles), sector: argmaxFirst(mark.sectors)};
    });
    var rank = data.order;
    marks.sort(function (a, b) { return b.count - a.count || rank[a.place] - rank[b.place]; });
    return {count: count, marks: marks, sectors: Object.keys(sectorsSeen).length,
            flows: Object.keys(flows).map(function (key) { return flows[key]; })};
  }

  return {plural: plural, markerRadius: markerRadius, tooltipHtml: tooltipHtml, popupHtml: popupHtml,
          setup: setup, draw: draw, aggregate: aggregate};
})();
