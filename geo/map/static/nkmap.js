/* The one drawing script of the map, used by the dashboard (served by the app) and inlined in the
 * standalone HTML export.
 *
 * It draws the records geo/map/records.py builds: places, marks (a place's reports in one filter
 * state), movements, the legend and the country outlines, and writes every tooltip and popup.
 * Every string in the records that reaches innerHTML was escaped by geo.escape.escape() in
 * Python (names, levels, ids, report HTML, the legend); everything added here is a number or a
 * constant. The standalone export also aggregates reports per place here, as geo.query.aggregate does
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

  /* A place's tooltip. streamlit-folium hands the dashboard a clicked mark's tooltip as plain
   * text, so the place id also stands in a hidden span ("place=ID"): invisible, not read out, but
   * in the text the click returns (geo.reading.pickers.place_from_tooltip reads it). */
  var PRESENCE = {few: "few workers reported", none: "no workers reported", sought: "workers sought, none reported"};
  /* What a place's reports all say when none reports workers there, and which wins (as geo.data.codes). */
  var PRESENCE_SAYS = {few: "few workers", none: "no workers", sought: "workers were sought, not that they were there"};
  var PRESENCE_RANK = {reported: 0, few: 1, none: 2, sought: 3};

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

  /* Angle in degrees (clockwise from east) of the line start→end on a Web Mercator screen. */
  function screenAngle(start, end) {
    var a = L.CRS.EPSG3857.latLngToPoint(L.latLng(start), 0);
    var b = L.CRS.EPSG3857.latLngToPoint(L.latLng(end), 0);
    return Math.atan2(b.y - a.y, b.x - a.x) * 180 / Math.PI;
  }

  /* Popups sized to the map they open on, so they fit a phone as well as a wide screen: set when
   * the mark joins a map (so that opening pans the map to show the whole popup), and again on
   * opening if the map has changed size since. */
  function sizePopup(shape) {
    var map = shape._map, popup = shape.getPopup();
    if (!map || !popup) { return false; }
    var size = map.getSize();
    var width = Math.max(160, Math.min(380, size.x - 110)), height = Math.max(160, Math.min(360, size.y - 100));
    var changed = popup.options.maxWidth !== width || popup.options.maxHeight !== height;
    popup.options.maxWidth = popup.options.minWidth = width;
    popup.options.maxHeight = height;
    return changed;
  }

  function fitPopup(event) {
    if (sizePopup(event.target)) {
      event.popup.update();
      if (event.popup._adjustPan) { event.popup._adjustPan(); }  // Leaflet pans only when a popup opens
    }
  }

  /* A map narrower than this is a phone's: fitted to its marks, its legend compact. */
  var SMALL_MAP = 600;

  /* An open popup stays inside the map when the map moves under it (the page focusing the place
   * just tapped centres the map on it, which would push a tall popup past the map's top). */
  function keepPopupInside(map) {
    var popup = map._popup;
    if (popup && popup.isOpen && popup.isOpen() && popup._adjustPan && !map.nkPanning) {
      map.nkPanning = true;
      popup._adjustPan();
      map.nkPanning = false;
    }
  }

  /* Marks closer than this on screen are moved apart (each keeps a thin line to where it is). */
  var TOUCHING = 4;

  /* A movement: a line with an arrowhead at its destination. An inferred one (the source implies
   * it without saying it) is lighter and dotted, says so, and hides with the legend's switch. */
  function drawFlow(group, records, flow) {
    var from = records.places[flow.from], to = records.places[flow.to];
    var inferred = flow.basis === "inferred";
    var style = Object.assign({}, config.flowStyle, inferred ? config.inferredStyle : {});
    var kind = inferred ? " nk-inferred" : "";
    // nkFrom/nkTo: which movement a line draws, for scripts around an embed and the tests (marks
    // pulled apart so that close places don't overlap move the line's ends off the places' points).
    var line = L.polyline([from.ll, to.ll], Object.assign(style, {interactive: false, className: "nk-flow-line" + kind,
                                                                  nkFrom: flow.from, nkTo: flow.to}));
    // A wide, invisible twin takes the pointer: a thin dotted line is hard to hover.
    var reach = L.polyline([from.ll, to.ll], {weight: 14, opacity: 0, className: "nk-flow" + kind});
    reach.bindTooltip(from.name + " → " + to.name + " · " + plural(flow.count, "report") +
                      (inferred ? " · inferred, not stated" : ""), {sticky: true});
    group.addLayer(line);
    group.addLayer(reach);
    // A line is not a keyboard stop: what it says is in its places' popups and in the table.
    reach.on("add", function () { var el = reach.getElement(); if (el) { el.setAttribute("tabindex", "-1"); } });
    var arrow = document.createElement("span");
    arrow.textContent = "\u27A4";
    arrow.style.transform = "rotate(" + screenAngle(from.ll, to.ll).toFixed(1) + "deg)";
    var head = L.marker(to.ll, {interactive: false, keyboard: false, icon: L.divIcon({
      className: inferred ? "nk-arrow nk-inferred" : "nk-arrow", iconSize: [18, 18], iconAnchor: [9, 9], html: arrow})});
    group.addLayer(head);
    return {lines: [line, reach], head: head, from: flow.from, to: flow.to, basis: flow.basis};
  }

  /* A point's shape: a circle marker sized by its count. An area is a faint circle that takes no
   * pointer or keyboard events (it must not catch clicks meant for points or for the empty map),
   * with a small handle at its centre that does. */
  function drawMark(group, records, mark) {
    var place = records.places[mark.place];
    var style = Object.assign({}, config.styles[mark.role][mark.sector]);
    if (PRESENCE[mark.presence]) { Object.assign(style, config.fewStyle, {color: style.fillColor}); }
    if (place.area_m) {
      group.addLayer(L.circle(place.ll, Object.assign({}, style, config.areaStyle, {
        radius: place.area_m, color: style.fillColor, interactive: false, className: "nk-area"})));
    }
    var shape = L.circleMarker(place.ll, Object.assign(style, {
      radius: place.area_m ? 7 : markerRadius(mark.count, config.radius),
      className: place.area_m ? "nk-place nk-area-handle" : "nk-place"}));
    if (place.area_m) { shape.setStyle({dashArray: "3 2", fillOpacity: 0.5}); }
    shape.bindTooltip(tooltipHtml(place, mark.count, mark.presence));
    // Clear of the zoom buttons at the top left when the map pans to show a popup.
    shape.bindPopup(popupHtml(place, mark, config.more), {maxWidth: 380, maxHeight: 360, autoPanPadding: [12, 12],
                                                          autoPanPaddingTopLeft: [52, 12]});
    shape.on("popupopen", fitPopup);
    shape.on("popupopen", function () { shape.closeTooltip(); });
    shape.on("add", function () { sizePopup(shape); name(shape, place, mark); });
    shape.options.placeId = place.id;
    shape.nkHome = L.latLng(place.ll);
    shape.nkArea = Boolean(place.area_m);
    group.addLayer(shape);
    if (!place.area_m) {
      // The place's name beside its mark, shown only when the map tiles (which name places) are missing.
      var offset = shape.getRadius() + 3;
      shape.nkLabel = L.marker(place.ll, {interactive: false, keyboard: false, icon: L.divIcon({
        className: "nk-label", html: '<span class="nk-label-text">' + place.name + "</span>", iconSize: null,
        iconAnchor: [-offset, 8]})});
      shape.nkLabel.nkOffset = offset;
      group.addLayer(shape.nkLabel);
    }
    return shape;
  }

  /* A mark as a keyboard and screen-reader user meets it: a named button that Enter or Space
   * opens, as a click does. */
  function name(shape, place, mark) {
    var element = shape.getElement();
    if (!element) { return; }
    var label = document.createElement("span");
    label.innerHTML = place.name;
    element.setAttribute("tabindex", "0");
    element.setAttribute("role", "button");
    element.setAttribute("aria-label", label.textContent + (place.level ? ", " + place.level + "-level" : "") +
                         ", " + plural(mark.count, "report") + (PRESENCE[mark.presence] ? ", " + PRESENCE[mark.presence] : ""));
    // A click must not focus the mark: focusing scrolls the map's container to show it, which moves
    // the mark from under the pointer before the button is released, and the click is lost.
    element.addEventListener("mousedown", function (event) { event.preventDefault(); });
    L.DomEvent.on(element, "keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") { return; }
      L.DomEvent.preventDefault(event);
      shape.fire("click", {latlng: shape.getLatLng(), target: shape, sourceTarget: shape, originalEvent: event});
      shape.openPopup();
    });
  }

  /* Move marks that overlap on screen around their common centre, each with a thin line to where
   * it really is, and put each movement's arrowhead at the edge of its destination's mark (none
   * for a line too short to see). Runs after every zoom, since overlap depends on it. */
  /* A label to the left of its mark (a mark moved left of its cluster) or to the right. */
  function sideOf(label, left) {
    var element = label.getElement();
    if (element && element.firstChild) {
      element.firstChild.style.transform = left ? "translateX(calc(-100% - " + 2 * label.nkOffset + "px))" : "";
    }
  }

  /* Marks off the screen leave the keyboard's order; those on it are in. Runs after every move. */
  function tabOrder(state) {
    var map = state.group._map;
    if (!map) { return; }
    var bounds = map.getBounds();
    Object.keys(state.shapes).forEach(function (id) {
      var element = state.shapes[id].getElement();
      if (element) { element.setAttribute("tabindex", bounds.contains(state.shapes[id].nkHome) ? "0" : "-1"); }
    });
  }

  function declutter(state) {
    var map = state.group._map;
    if (!map) { return; }
    state.leaders.clearLayers();
    var shapes = Object.keys(state.shapes).map(function (id) { return state.shapes[id]; });
    var points = shapes.map(function (shape) { return map.latLngToLayerPoint(shape.nkHome); });
    var cluster = shapes.map(function (_, i) { return i; });
    var find = function (i) { while (cluster[i] !== i) { i = cluster[i] = cluster[cluster[i]]; } return i; };
    for (var i = 0; i < shapes.length; i++) {
      for (var j = i + 1; j < shapes.length; j++) {
        var reach = shapes[i].getRadius() + shapes[j].getRadius() + TOUCHING;
        if (points[i].distanceTo(points[j]) < reach) { cluster[find(i)] = find(j); }
      }
    }
    var groups = {};
    shapes.forEach(function (_, k) { (groups[find(k)] = groups[find(k)] || []).push(k); });
    Object.keys(groups).forEach(function (key) {
      var members = groups[key];
      if (members.length === 1) {
        var alone = shapes[members[0]];
        alone.setLatLng(alone.nkHome);
        if (alone.nkLabel) { alone.nkLabel.setLatLng(alone.nkHome); sideOf(alone.nkLabel, false); }
        return;
      }
      var centre = members.reduce(function (sum, k) { return sum.add(points[k]); }, L.point(0, 0))
        .divideBy(members.length);
      var widest = Math.max.apply(null, members.map(function (k) { return shapes[k].getRadius(); }));
      var ring = widest / Math.sin(Math.PI / members.length) + TOUCHING;
      members.forEach(function (k, n) {
        // Around the cluster from the left, so that two marks sit side by side, names outward.
        var angle = Math.PI + 2 * Math.PI * n / members.length;
        var spot = map.layerPointToLatLng(centre.add(L.point(Math.cos(angle) * ring, Math.sin(angle) * ring)));
        shapes[k].setLatLng(spot);
        if (shapes[k].nkLabel) { shapes[k].nkLabel.setLatLng(spot); sideOf(shapes[k].nkLabel, Math.cos(angle) < -0.1); }
        state.leaders.addLayer(L.polyline([shapes[k].nkHome, spot], {
          color: "#333", weight: 1, opacity: 0.6, interactive: false, className: "nk-leader"}));
      });
    });
    state.flows.forEach(function (flow) {
      var start = map.latLngToLayerPoint(state.shapes[flow.from].getLatLng());
      var end = map.latLngToLayerPoint(state.shapes[flow.to].getLatLng());
      var length = start.distanceTo(end), edge = state.shapes[flow.to].getRadius() + 9;
      flow.lines.forEach(function (line) {
        line.setLatLngs([state.shapes[flow.from].getLatLng(), state.shapes[flow.to].getLatLng()]);
      });
      var icon = flow.head.getElement();
      if (icon) { icon.style.display = length < 2 * edge + 8 ? "none" : ""; }
      if (length >= 2 * edge + 8) {
        flow.head.setLatLng(map.layerPointToLatLng(end.subtract(end.subtract(start).multiplyBy(edge / length))));
      }
    });
  }

  /* Run `update` now and after every zoom, replacing what an earlier state of `group` watched. */
  function watch(group, update) {
    var map = group._map;
    if (group.nkWatch) { group.nkWatch.map.off("zoomend moveend", group.nkWatch.update); }
    group.nkWatch = {map: map, update: update};
    map.on("zoomend moveend", update);
    if (!group.nkUnwatch) {
      group.nkUnwatch = function () {
        if (group.nkWatch) { group.nkWatch.map.off("zoomend moveend", group.nkWatch.update); group.nkWatch = null; }
      };
      group.on("remove", group.nkUnwatch);
    }
    update();
  }

  /* Draw one filter state into `group`: movement lines between places both shown, areas, then
   * points on top. Returns the drawn marks by place id. */
  function draw(group, records) {
    var state = {group: group, shapes: {}, flows: [], leaders: L.featureGroup()};
    group.addLayer(state.leaders);
    var isArea = function (mark) { return Boolean(records.places[mark.place].area_m); };
    var marks = records.marks.filter(isArea).concat(records.marks.filter(function (m) { return !isArea(m); }));
    var shown = {};
    marks.forEach(function (mark) { shown[mark.place] = true; });
    records.flows.filter(function (flow) { return shown[flow.from] && shown[flow.to] && flow.from !== flow.to; })
      .forEach(function (flow) { state.flows.push(drawFlow(group, records, flow)); });
    // Smaller marks last, so that a small place beside a big one stays on top and reachable.
    marks.sort(function (a, b) { return isArea(b) - isArea(a) || b.count - a.count; })
      .forEach(function (mark) { state.shapes[mark.place] = drawMark(group, records, mark); });
    legendShows(records, marks, state.flows);
    var zoom = null;
    // Overlap depends on the zoom only: a pan just changes which marks are on the screen.
    var update = function () {
      var map = group._map;
      if (map && map.getZoom() !== zoom) { zoom = map.getZoom(); declutter(state); }
      tabOrder(state);
    };
    if (group._map) { watch(group, update); } else { group.once("add", function () { watch(group, update); }); }
    return state.shapes;
  }

  /* A phone's or a presenter's first view: the map fitted to the marks it shows (the page's own
   * centre and zoom, config.home, suit a laptop's map and cut off a phone's border cluster). Once
   * per map and mode, and only from the page's own view or an earlier fit, so that a focused
   * place and the reader's own pan and zoom are kept. `presenting`: the presenter's map. */
  function fitFirstView(group, shapes, presenting) {
    var map = group._map;
    if (!map) { group.once("add", function () { fitFirstView(group, shapes, presenting); }); return; }
    // After the page has applied its own centre and zoom (streamlit-folium does, once the layer is
    // drawn), and once the map has its size (its frame grows after the first drawing).
    window.setTimeout(function attempt() {
      if (map.getSize().y < 100) { map.once("resize", attempt); return; }
      fitNow(map, shapes, presenting);
    }, 0);
  }

  function fitNow(map, shapes, presenting) {
    var home = config && config.home;
    var mode = presenting ? "present" : map.getSize().x < SMALL_MAP ? "phone" : "";
    // Points, not the handles of wide areas (China, a province): fitting those too would shrink
    // a phone's map until its marks pile up; the areas' pale circles show anyway.
    var points = Object.keys(shapes).filter(function (id) { return !shapes[id].nkArea; })
      .map(function (id) { return shapes[id].nkHome; });
    if (!home || !mode || map.nkFitted === mode || !points.length) { return; }
    // Within a few pixels: Leaflet rounds the centre to whole pixels.
    var near = function (view) {
      return view.zoom === map.getZoom() && map.latLngToContainerPoint(view.center).distanceTo(map.getSize().divideBy(2)) < 4;
    };
    var atHome = near(home), atFit = map.nkFitView && near(map.nkFitView);
    if (!atHome && !atFit) { return; }
    var pad = Math.round(config.radius.max) + 8;  // a whole mark inside, clear of the zoom buttons
    var snap = map.options.zoomSnap;
    map.options.zoomSnap = 0.25;  // as close as the marks allow, not a whole zoom level further out
    // Never much closer than the page's own view: one or two places keep their surroundings.
    map.fitBounds(L.latLngBounds(points), {paddingTopLeft: [pad + 34, pad], paddingBottomRight: [pad, pad],
                                           maxZoom: home.zoom + 2, animate: false});
    map.options.zoomSnap = snap;
    map.nkFitted = mode;
    map.nkFitView = {center: map.getCenter(), zoom: map.getZoom()};
  }

  /* Once per map: the dataset's drawing settings (geo.map.records.map_config), the country outlines
   * and the legend. */
  function setup(map, settings, legendHtml, outlineSource, outlineStyle) {
    config = settings;
    // Without tiles (offline, blocked, or none asked for) the outlines name no places: show labels.
    var tiles = false;
    var noTiles = function () { L.DomUtil.addClass(map.getContainer(), "nk-no-tiles"); };
    map.eachLayer(function (layer) {
      if (layer instanceof L.TileLayer) { tiles = true; layer.once("tileerror", noTiles); }
    });
    if (!tiles) { noTiles(); }
    // Leaflet focuses the map on every mouse press, and focusing scrolls the page to show the
    // whole map: with the map partly below the fold (the dashboard's iframe) the mark moves
    // away before the button is released, and the click is lost. Focus without scrolling.
    if (map.keyboard) {
      map.keyboard.disable();
      map.keyboard._onMouseDown = function () {
        if (!this._focused) { this._map._container.focus({preventScroll: true}); }
      };
      map.keyboard.enable();
    }
    map.on("moveend", function () { keepPopupInside(map); });
    // In the dashboard the map's frame is named for what it holds, not for the component.
    if (settings.title && window.__GLOBAL_DATA__ && window.frameElement) {
      window.frameElement.setAttribute("title", settings.title);
    }
    outlines(map, outlineSource, outlineStyle);
    if (legendHtml) { legend(map, legendHtml); }
    if (settings.printSize) { printable(map, settings.printSize[0], settings.printSize[1]); }
  }

  /* On paper the map is `width` pixels wide (its frame too, in the dashboard; and `height` high
   * there), whatever the screen's size: it shows the bounds the screen showed, not only their middle. In the
   * dashboard's frame the legend goes whole below the map, and the frame grows to hold it.
   * After printing, the screen's view and legend come back as they were. */
  function printable(map, width, height) {
    var saved = null;
    var frame = window.frameElement;  // the dashboard's iframe (null in the standalone export)
    window.addEventListener("beforeprint", function () {
      var container = map.getContainer(), details = legendBox && legendBox.querySelector("details");
      saved = {center: map.getCenter(), zoom: map.getZoom(), bounds: map.getBounds(), snap: map.options.zoomSnap,
               legendOpen: details ? details.open : null,
               legendParent: legendBox && legendBox.parentNode, legendNext: legendBox && legendBox.nextSibling};
      container.style.width = width + "px";
      map.options.zoomSnap = 0;  // fit the bounds exactly, not to the next whole zoom level out
      if (details) { details.open = true; }
      if (frame) {
        container.style.setProperty("height", height + "px", "important");
        var below = 0;
        if (legendBox) {
          L.DomUtil.addClass(legendBox, "nk-legend-print");
          legendBox.style.width = width + "px";
          container.parentNode.insertBefore(legendBox, container.nextSibling);
          below = legendBox.offsetHeight + 8;
        }
        frame.style.setProperty("width", width + "px", "important");
        frame.style.setProperty("height", height + below + "px", "important");
      }
      map.invalidateSize({pan: false});
      map.fitBounds(saved.bounds, {animate: false});
    });
    window.addEventListener("afterprint", function () {
      if (!saved) { return; }
      var container = map.getContainer();
      if (frame) {
        frame.style.removeProperty("width");
        frame.style.removeProperty("height");
        container.style.removeProperty("height");
        if (legendBox && saved.legendParent) {
          L.DomUtil.removeClass(legendBox, "nk-legend-print");
          legendBox.style.width = "";
          saved.legendParent.insertBefore(legendBox, saved.legendNext);
        }
      }
      container.style.width = "";
      map.options.zoomSnap = saved.snap;
      map.invalidateSize({pan: false});
      map.setView(saved.center, saved.zoom, {animate: false});
      var details = legendBox && legendBox.querySelector("details");
      if (details && saved.legendOpen !== null) { details.open = saved.legendOpen; }
      saved = null;
    });
  }

  /* The legend as a collapsible control, folded on a small map (a phone, a shared screen). */
  var legendBox = null;  // the legend's element, once setup() has added it

  /* Mark each legend entry the map shows now (a sector or role of a mark, few-workers rings,
   * areas, stated or inferred movements): a compact legend lists only those. */
  function legendShows(records, marks, flows) {
    if (!legendBox) { return; }
    var shown = {};
    marks.forEach(function (mark) {
      shown["sector:" + mark.sector] = shown["role:" + mark.role] = true;
      if (PRESENCE[mark.presence]) { shown.few = true; }
      if (records.places[mark.place].area_m) { shown.area = true; }
    });
    flows.forEach(function (flow) { shown[flow.basis] = true; });
    Array.prototype.forEach.call(legendBox.querySelectorAll("[data-key]"), function (entry) {
      L.DomUtil[shown[entry.getAttribute("data-key")] ? "removeClass" : "addClass"](entry, "nk-absent");
    });
  }

  /* The presenter's legend: open, and only what the map shows (see legendShows). A phone's
   * legend also lists only what the map shows, folded until the reader opens it. */
  function compactLegend(on) {
    if (!legendBox) { return; }
    var small = window.innerWidth < SMALL_MAP;
    L.DomUtil[on || small ? "addClass" : "removeClass"](legendBox, "nk-legend-compact");
    // A presenter's labels and legend read from across a room (map.css scales them with the screen).
    var container = legendBox.closest(".leaflet-container");
    if (container) { L.DomUtil[on ? "addClass" : "removeClass"](container, "nk-presenting"); }
    if (on) { legendBox.querySelector("details").open = true; }
  }

  function legend(map, html) {
    var control = L.control({position: "bottomright"});
    control.onAdd = function () {
      var div = L.DomUtil.create("div", "nk-legend");
      legendBox = div;
      div.innerHTML = html;
      var size = map.getSize();
      if (size.y < 560 || size.x < 700) { div.querySelector("details").open = false; }
      // On a small map the legend folds when a popup opens, so that it never hides what was tapped.
      map.on("popupopen", function () {
        var current = map.getSize();
        if (current.x < 700 || current.y < 560) { div.querySelector("details").open = false; }
      });
      var toggle = div.querySelector("input.nk-show-inferred");
      if (toggle) {
        toggle.addEventListener("change", function () {
          L.DomUtil[toggle.checked ? "removeClass" : "addClass"](map.getContainer(), "nk-hide-inferred");
        });
      }
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
   * sector index), as marks and flows: the rules of geo.query.filters.FILTERS and filter_mask and
   * geo.query.aggregate.places_of / flows_of. Reports arrive newest first, so each mark's reports are. */
  function aggregate(data, first, last, wanted) {
    var byPlace = {}, flows = {}, count = 0;
    var roles = config.styles.length, sectors = config.styles[0].length;
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

  /* In the dashboard: once the first marks are on the screen, tell the page (through
   * streamlit-folium's value, which reruns the page's map part), so that it draws what it held
   * back for a new reader: the timeline and the reports table. Once per map; the export has no
   * Streamlit and skips it. The value keeps what streamlit-folium last sent, so a later click is
   * still told apart from it. */
  var announced = false;

  function announceDrawn() {
    var shared = window.__GLOBAL_DATA__, streamlit = window.Streamlit;
    if (announced || !shared || !streamlit) { return; }
    announced = true;
    // Once the marks are painted and the page has gone quiet: a rerun that comes while the page
    // is still drawing its widgets can cost a widget its tie to the link.
    window.requestAnimationFrame(function () {
      window.requestIdleCallback(function () {
        var value = Object.assign({}, shared.previous_data, {drawn: true});
        shared.previous_data = value;
        streamlit.setComponentValue(value);
      }, {timeout: 3000});
    });
  }

  return {plural: plural, markerRadius: markerRadius, tooltipHtml: tooltipHtml, popupHtml: popupHtml,
          setup: setup, draw: draw, aggregate: aggregate, announceDrawn: announceDrawn,
          compactLegend: compactLegend, fitFirstView: fitFirstView};
})();
