/* One filter state's places and movements: nkmap.Places, a Leaflet feature group (as
 * Leaflet.markercluster's MarkerClusterGroup is) of movement lines between places both shown,
 * areas, then points on top. It draws the records geo/map/records.py builds with the settings of
 * its map's nkmap.Setup, and owns its marks and the handlers that move them apart after a zoom;
 * onRemove takes those handlers off again. */
(function (nkmap) {
  "use strict";

  /* Angle in degrees (clockwise from east) of the line start→end on a Web Mercator screen. */
  function screenAngle(start, end) {
    var a = L.CRS.EPSG3857.latLngToPoint(L.latLng(start), 0);
    var b = L.CRS.EPSG3857.latLngToPoint(L.latLng(end), 0);
    return Math.atan2(b.y - a.y, b.x - a.x) * 180 / Math.PI;
  }

  /* Popups sized to the map they open on, so they fit a phone as well as a wide screen: set when
   * the mark joins a map (so that opening pans the map to show the whole popup), and again on
   * opening if the map has changed size since. Returns whether the size changed. */
  function sizePopup(map, shape) {
    var popup = shape.getPopup();
    if (!map || !popup) { return false; }
    var size = map.getSize();
    var width = Math.max(160, Math.min(380, size.x - 110)), height = Math.max(160, Math.min(360, size.y - 100));
    var changed = popup.options.maxWidth !== width || popup.options.maxHeight !== height;
    popup.options.maxWidth = popup.options.minWidth = width;
    popup.options.maxHeight = height;
    return changed;
  }

  /* A mark as a keyboard and screen-reader user meets it: a named button that Enter or Space
   * opens, as a click does. */
  function name(shape, place, mark, words) {
    var element = shape.getElement();
    if (!element) { return; }
    var label = document.createElement("span");
    label.innerHTML = nkmap.markLabel(words, place.name, place.level, mark.count, mark.presence);
    element.setAttribute("tabindex", "0");
    element.setAttribute("role", "button");
    element.setAttribute("aria-label", label.textContent);
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

  nkmap.Places = L.FeatureGroup.extend({
    options: {
      fitFirstView: false,  // fit a phone's or a presenter's first view to the marks (the dashboard)
      presenting: false,    // the presenter's map
      foldLegend: false,    // a presenter's or a phone's legend lists only what the map shows (the dashboard)
      announce: false       // tell the dashboard once the marks are drawn
    },

    /* `records`: places, marks and flows (geo.map.records.layer_json). */
    initialize: function (records, options) {
      L.FeatureGroup.prototype.initialize.call(this, [], options);
      this._records = records;
      this._marks = null;    // by place id: {shape, home, area, label, offset}, once drawn
      this._shapes = {};     // by place id: the mark's circle marker
      this._flows = [];      // {lines, head, from, to, basis}
      this._shown = [];      // the records' marks, areas first
      this._leaders = L.featureGroup();
      this._zoom = null;
    },

    /* The marks by place id (after the layer joined a map). */
    shapes: function () { return this._shapes; },

    onAdd: function (map) {
      var setup = nkmap.setupOf(map);
      if (!this._marks) { this._draw(setup.config); }
      L.FeatureGroup.prototype.onAdd.call(this, map);
      this._zoom = null;
      map.on("zoomend moveend", this._update, this);
      setup.legendShows(this._records.places, this._shown, this._flows);
      this._update();
      if (this.options.fitFirstView) { setup.fitFirstView(this._points(), this.options.presenting); }
      if (this.options.foldLegend) { setup.compactLegend(this.options.presenting); }
      if (this.options.announce) { setup.announceDrawn(); }
    },

    onRemove: function (map) {
      map.off("zoomend moveend", this._update, this);
      L.FeatureGroup.prototype.onRemove.call(this, map);
    },

    /* Overlap depends on the zoom only: a pan just changes which marks are on the screen. */
    _update: function () {
      var map = this._map;
      if (!map) { return; }
      if (map.getZoom() !== this._zoom) {
        this._zoom = map.getZoom();
        nkmap.declutter(map, this._marks, this._flows, this._leaders);
      }
      nkmap.labelsInside(map, this._marks);
      nkmap.offScreen(map, this._marks, this._records.places, nkmap.setupOf(map).config.words);
      this._tabOrder(map);
    },

    /* Marks off the screen leave the keyboard's order; those on it are in, but for the handles of
     * wide areas (a whole province or country: the table and the place box reach them), so that
     * the first city is a few stops in. */
    _tabOrder: function (map) {
      var bounds = map.getBounds(), marks = this._marks;
      Object.keys(marks).forEach(function (id) {
        var element = marks[id].shape.getElement();
        var stop = bounds.contains(marks[id].home) && !marks[id].area;
        if (element) { element.setAttribute("tabindex", stop ? "0" : "-1"); }
      });
    },

    /* The points a first view fits: places, not the handles of areas. */
    _points: function () {
      var marks = this._marks;
      return Object.keys(marks).filter(function (id) { return !marks[id].area; })
        .map(function (id) { return marks[id].home; });
    },

    _draw: function (config) {
      var self = this, records = this._records;
      this._marks = {};
      this.addLayer(this._leaders);
      var isArea = function (mark) { return Boolean(records.places[mark.place].area_m); };
      var marks = records.marks.filter(isArea).concat(records.marks.filter(function (m) { return !isArea(m); }));
      var shown = {};
      marks.forEach(function (mark) { shown[mark.place] = true; });
      records.flows.filter(function (flow) { return shown[flow.from] && shown[flow.to] && flow.from !== flow.to; })
        .forEach(function (flow) { self._flows.push(self._drawFlow(config, flow)); });
      // Smaller marks last, so that a small place beside a big one stays on top and reachable.
      marks.sort(function (a, b) { return isArea(b) - isArea(a) || b.count - a.count; })
        .forEach(function (mark) { self._drawMark(config, mark); });
      this._shown = marks;
    },

    /* A movement: a line with an arrowhead at its destination. An inferred one (the source implies
     * it without saying it) is lighter and dotted, says so, and hides with the legend's switch. */
    _drawFlow: function (config, flow) {
      var places = this._records.places, from = places[flow.from], to = places[flow.to];
      var inferred = flow.basis === "inferred";
      var style = Object.assign({}, config.flowStyle, inferred ? config.inferredStyle : {});
      var kind = inferred ? " nk-inferred" : "";
      // nkFrom/nkTo: which movement a line draws, for scripts around an embed and the tests (marks
      // pulled apart so that close places don't overlap move the line's ends off the places' points).
      var line = L.polyline([from.ll, to.ll], Object.assign(style, {interactive: false, className: "nk-flow-line" + kind,
                                                                    nkFrom: flow.from, nkTo: flow.to}));
      // A wide, invisible twin takes the pointer: a thin dotted line is hard to hover.
      var reach = L.polyline([from.ll, to.ll], {weight: 14, opacity: 0, className: "nk-flow" + kind});
      reach.bindTooltip(nkmap.flowTooltip(config.words, from, to, flow.count, inferred), {sticky: true});
      // A line is not a keyboard stop: what it says is in its places' popups and in the table.
      reach.on("add", function () { var el = reach.getElement(); if (el) { el.setAttribute("tabindex", "-1"); } });
      this.addLayer(line);
      this.addLayer(reach);
      var arrow = document.createElement("span");
      arrow.textContent = "\u27A4";
      arrow.style.transform = "rotate(" + screenAngle(from.ll, to.ll).toFixed(1) + "deg)";
      var head = L.marker(to.ll, {interactive: false, keyboard: false, icon: L.divIcon({
        className: inferred ? "nk-arrow nk-inferred" : "nk-arrow", iconSize: [18, 18], iconAnchor: [9, 9], html: arrow})});
      this.addLayer(head);
      return {lines: [line, reach], head: head, from: flow.from, to: flow.to, basis: flow.basis};
    },

    /* A point's shape: a circle marker sized by its count. An area is a faint circle that takes no
     * pointer or keyboard events (it must not catch clicks meant for points or for the empty map),
     * with a small handle at its centre that does. */
    _drawMark: function (config, mark) {
      var self = this, place = this._records.places[mark.place];
      var style = Object.assign({}, config.styles[mark.role][mark.sector]);
      if (nkmap.PRESENCE[mark.presence]) { Object.assign(style, config.fewStyle, {color: style.fillColor}); }
      if (place.area_m) {
        this.addLayer(L.circle(place.ll, Object.assign({}, style, config.areaStyle, {
          radius: place.area_m, color: style.fillColor, interactive: false, className: "nk-area"})));
      }
      var shape = L.circleMarker(place.ll, Object.assign(style, {
        radius: place.area_m ? 7 : nkmap.markerRadius(mark.count, config.radius),
        className: place.area_m ? "nk-place nk-area-handle" : "nk-place"}));
      if (place.area_m) { shape.setStyle({dashArray: "3 2", fillOpacity: 0.5}); }
      shape.bindTooltip(nkmap.tooltipHtml(config.words, place, mark.count, mark.presence));
      // Clear of the zoom buttons at the top left when the map pans to show a popup; kept inside
      // the map when the map moves under it (the page focusing the place just tapped centres the
      // map on it, which would push a tall popup past the map's top).
      shape.bindPopup(nkmap.popupHtml(config.words, place, mark, config.more), {
        maxWidth: 380, maxHeight: 360, autoPanPadding: [12, 12], autoPanPaddingTopLeft: [52, 12], keepInView: true});
      shape.on("popupopen", function (event) {
        // update() lays the popup out again and pans the map to show all of it.
        if (sizePopup(self._map, shape)) { event.popup.update(); }
      });
      shape.on("popupopen", function () { shape.closeTooltip(); });
      shape.on("add", function () { sizePopup(self._map, shape); name(shape, place, mark, config.words); });
      shape.options.placeId = place.id;
      var entry = {shape: shape, home: L.latLng(place.ll), area: Boolean(place.area_m), label: null, offset: 0};
      this.addLayer(shape);
      if (!place.area_m) {
        // The place's name beside its mark, shown only when the map tiles (which name places) are missing.
        entry.offset = shape.getRadius() + 3;
        entry.label = L.marker(place.ll, {interactive: false, keyboard: false, icon: L.divIcon({
          className: "nk-label", html: '<span class="nk-label-text">' + place.name + "</span>", iconSize: null,
          iconAnchor: [-entry.offset, 8]})});
        this.addLayer(entry.label);
      }
      this._marks[mark.place] = entry;
      this._shapes[mark.place] = shape;
    }
  });

  /* A places layer: nkmap.places(records, options).addTo(map). */
  nkmap.places = function (records, options) { return new nkmap.Places(records, options); };
})(nkmap);
