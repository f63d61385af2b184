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
  function name(shape, entry, words) {
    var element = shape.getElement();
    if (!element) { return; }
    ariaName(element, entry, words);
    element.setAttribute("tabindex", "0");
    element.setAttribute("role", "button");
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

  /* The mark's name for a screen reader, from its entry's place and mark (again only when they
   * change what it says). */
  function ariaName(element, entry, words) {
    var named = nkmap.markLabel(words, entry.place.name, entry.place.level, entry.mark.count, entry.mark.presence, text);
    if (entry.named === named && element.hasAttribute("aria-label")) { return; }
    element.setAttribute("aria-label", named);
    entry.named = named;
  }

  var decoded = new Map(), decoder = null;

  /* The plain text of a piece of the records' HTML text (a name, "12 reports"): each piece read once
   * (a thousand marks' names were parsed as HTML on every year step). */
  function text(html) {
    if (!decoded.has(html)) {
      decoder = decoder || document.createElement("textarea");
      decoder.innerHTML = html;
      decoded.set(html, decoder.value);
    }
    return decoded.get(html);
  }

  /* A mark's path options and those of its area's circle (null for a point), as a fresh drawing
   * makes them: the mark's role, sector and presence decide its style, its count its radius. */
  function markOptions(config, place, mark) {
    var style = Object.assign({}, config.styles[mark.role][mark.sector]);
    if (nkmap.PRESENCE[mark.presence]) { Object.assign(style, config.fewStyle, {color: style.fillColor}); }
    var circle = place.area_m ? Object.assign({}, style, config.areaStyle, {
      radius: place.area_m, color: style.fillColor, interactive: false, className: "nk-area"}) : null;
    var shape = Object.assign(style, {
      radius: place.area_m ? 7 : nkmap.markerRadius(mark.count, config.radius),
      className: place.area_m ? "nk-place nk-area-handle" : "nk-place"});
    if (place.area_m) { Object.assign(shape, {dashArray: "3 2", fillOpacity: 0.5}); }
    shape.placeId = place.id;
    return {shape: shape, circle: circle};
  }

  /* Whether two paths' options (markOptions') say the same but for `except`. */
  function sameOptions(a, b, except) {
    var keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every(function (key) { return key === except || a[key] === b[key]; });
  }

  /* A path's options made again from nothing but its class's defaults and `options`, as a new path
   * would have them (no key of its old style left behind), and drawn so. A path whose style is
   * unchanged only gets its new radius, if that changed: on a year step most marks keep their
   * style, and writing a thousand paths' attributes again cost the browser their style and paint. */
  function restyle(path, options) {
    var drawn = path.nkDrawn;
    path.nkDrawn = options;
    if (drawn && sameOptions(drawn, options, "radius")) {
      if (!(path instanceof L.Circle) && drawn.radius !== options.radius) { path.setRadius(options.radius); }
      return;
    }
    delete path.options;  // back to the class's defaults
    L.setOptions(path, options);
    path.setStyle(path instanceof L.Circle ? {} : {radius: options.radius});
  }

  /* Whether a kept place can keep its mark: what is fixed once drawn (position, area, name) is
   * the same. */
  function samePlace(a, b) {
    return a === b || (a.name === b.name && a.area_m === b.area_m && String(a.ll) === String(b.ll));
  }

  /* The indexes of a longest increasing run (not necessarily adjacent) of `numbers`. */
  function longestRising(numbers) {
    var tails = [], before = new Array(numbers.length);
    numbers.forEach(function (value, k) {
      before[k] = -1;
      if (typeof value !== "number") { return; }  // not in the parent yet: it is moved there
      var low = 0, high = tails.length;
      while (low < high) {
        var mid = (low + high) >> 1;
        if (numbers[tails[mid]] < value) { low = mid + 1; } else { high = mid; }
      }
      before[k] = low > 0 ? tails[low - 1] : -1;
      tails[low] = k;
    });
    var kept = new Set();
    for (var k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = before[k]) { kept.add(k); }
    return kept;
  }

  /* Elements put in the order given (each list within its own parent), as a fresh drawing adds
   * them, moving as few as can be: the longest run already in order stays, the others are put
   * beside their neighbours in the list (moving every element from the first one out of order on
   * made the browser work out the style and layout of every mark and name on a year step). */
  function order(elements) {
    elements = elements.filter(Boolean);
    if (!elements.length) { return; }
    var parent = elements[0].parentNode, at = new Map();
    if (!parent) { return; }
    Array.prototype.forEach.call(parent.childNodes, function (node, k) { at.set(node, k); });
    var kept = longestRising(elements.map(function (element) { return at.get(element); }));
    for (var k = elements.length - 1; k >= 0; k--) {
      if (kept.has(k)) { continue; }
      if (k === elements.length - 1) { parent.appendChild(elements[k]); } else { parent.insertBefore(elements[k], elements[k + 1]); }
    }
  }

  function flowKey(places, flow) {
    return [flow.from, flow.to, flow.basis, String(places[flow.from].ll), String(places[flow.to].ll)].join("\u0000");
  }

  nkmap.markOptions = markOptions;
  nkmap.order = order;

  /* A name or an arrowhead: a marker placed by a flat (2D) translation. Leaflet places markers by a
   * 3D one, which makes each its own compositing layer in Chromium: a thousand names made every
   * frame of a year step build and commit a thousand layers. */
  function flat(latlng, options) {
    var marker = L.marker(latlng, options);
    marker._setPos = flatPosition;
    return marker;
  }

  /* L.Marker's _setPos with a 2D translation (no shadow: names and arrowheads have none). */
  function flatPosition(pos) {
    if (this._icon) {
      this._icon._leaflet_pos = pos;  // as L.DomUtil.setPosition keeps it, for L.DomUtil.getPosition
      this._icon.style.transform = "translate(" + pos.x + "px," + pos.y + "px)";
    }
    this._zIndex = pos.y + this.options.zIndexOffset;
    this._resetZIndex();
  }

  nkmap.Places = L.FeatureGroup.extend({
    options: {
      fitFirstView: false,  // fit a phone's or a presenter's first view to the marks (the dashboard)
      presenting: false,    // the presenter's map
      foldLegend: false,    // a presenter's or a phone's legend lists only what the map shows (the dashboard)
      announce: false,      // tell the dashboard once the marks are drawn
      handOver: false       // when taken off its map, leave the marks for a layer added in the same turn (a step)
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

    /* A layer that takes the place of another on the same map (a year step: the old one removed,
     * this one added in the same turn of the page's script) takes over its marks and changes
     * them in place: new places drawn, gone ones removed, kept ones given their new size, style,
     * tooltip, popup and name. The marks are then as a fresh drawing makes them. */
    onAdd: function (map) {
      var setup = nkmap.setupOf(map), leaving = map.nkLeaving;
      map.nkLeaving = null;
      if (leaving === this) {
        this._closeOpen();
      } else if (leaving && !this._marks) {
        this._adopt(leaving, setup.config);
      } else {
        if (leaving) { leaving._takeDown(map); }
        if (!this._marks) { this._draw(setup.config); }
      }
      L.FeatureGroup.prototype.onAdd.call(this, map);
      this._zoom = null;
      map.on("zoomend moveend resize", this._onView, this);
      setup.legendShows(this._records.places, this._shown, this._flows);
      // Before the names are placed: a presenter's are larger.
      if (this.options.foldLegend) { setup.compactLegend(this.options.presenting); }
      this._update();
      if (this.options.fitFirstView) { setup.fitFirstView(this, this.options.presenting); }
      if (this.options.announce) { setup.announceDrawn(); }
    },

    /* With the handOver option (the dashboard's steps), the marks stay until the end of this turn
     * of the script, for a layer added in the same turn to take over (onAdd); then they go. Else
     * they go at once, as L.FeatureGroup's onRemove takes them. */
    onRemove: function (map) {
      map.off("zoomend moveend resize", this._onView, this);
      if (!this.options.handOver) { this._takeDown(map); return; }
      if (map.nkLeaving && map.nkLeaving !== this) { map.nkLeaving._takeDown(map); }
      map.nkLeaving = this;
      var self = this;
      Promise.resolve().then(function () {
        if (map.nkLeaving === self) { map.nkLeaving = null; self._takeDown(map); }
      });
    },

    _takeDown: function (map) {
      this.eachLayer(map.removeLayer, map);
    },

    /* Popups and tooltips close on a step, as they do when their marks are removed. */
    _closeOpen: function () {
      this.eachLayer(function (layer) {
        if (layer.getPopup && layer.getPopup()) { layer.closePopup(); }
        if (layer.getTooltip && layer.getTooltip()) { layer.closeTooltip(); }
      });
    },

    /* This layer's records drawn by changing `old`'s marks (see onAdd). */
    _adopt: function (old, config) {
      var self = this, records = this._records, map = this._map;
      old._closeOpen();
      var layers = [];
      old.eachLayer(function (layer) { layers.push(layer); });
      layers.forEach(function (layer) { old.removeLayer(layer); self.addLayer(layer); });
      var oldMarks = old._marks || {}, oldFlows = old._flows;
      old._marks = null;
      old._flows = [];
      this._leaders = old._leaders;
      this._marks = {};
      this._shapes = {};
      var drop = function (layer) { if (layer) { self.removeLayer(layer); } };
      var isArea = function (mark) { return Boolean(records.places[mark.place].area_m); };
      var marks = records.marks.filter(isArea).concat(records.marks.filter(function (m) { return !isArea(m); }));
      var shown = {};
      marks.forEach(function (mark) { shown[mark.place] = true; });
      // Movements: the same line (places and kind) kept with its new count, the others drawn or removed.
      var kept = {};
      oldFlows.forEach(function (flow) { kept[flow.key] = flow; });
      records.flows.filter(function (flow) { return shown[flow.from] && shown[flow.to] && flow.from !== flow.to; })
        .forEach(function (flow) {
          var key = flowKey(records.places, flow), same = kept[key];
          if (same) {
            delete kept[key];
            same.lines[1].setTooltipContent(nkmap.flowTooltip(config.words, records.places[flow.from],
                                                              records.places[flow.to], flow.count, flow.basis === "inferred"));
            self._flows.push(same);
          } else {
            self._flows.push(self._drawFlow(config, flow));
          }
        });
      Object.keys(kept).forEach(function (key) { kept[key].lines.forEach(drop); drop(kept[key].head); });
      marks.sort(function (a, b) { return isArea(b) - isArea(a) || b.count - a.count; })
        .forEach(function (mark) {
          var entry = oldMarks[mark.place], place = records.places[mark.place];
          delete oldMarks[mark.place];
          if (entry && samePlace(entry.place, place)) {
            self._restep(config, entry, place, mark);
          } else {
            if (entry) { [entry.shape, entry.circle, entry.label].forEach(drop); }
            self._drawMark(config, mark);
          }
        });
      Object.keys(oldMarks).forEach(function (id) {
        [oldMarks[id].shape, oldMarks[id].circle, oldMarks[id].label].forEach(drop);
      });
      this._shown = marks;
      if (!map) { return; }
      // In the order a fresh drawing adds them: movements under the areas, the areas under the
      // points, the smaller points on top.
      var paths = [], icons = [];
      this._flows.forEach(function (flow) {
        paths.push(flow.lines[0].getElement(), flow.lines[1].getElement());
        icons.push(flow.head.getElement());
      });
      Object.keys(this._marks).forEach(function (id) {
        var entry = self._marks[id];
        if (entry.circle) { paths.push(entry.circle.getElement()); }
        paths.push(entry.shape.getElement());
        if (entry.label) { icons.push(entry.label.getElement()); }
      });
      order(paths);
      order(icons);
    },

    /* A kept place's mark given `mark`'s size, style, tooltip, popup and name. */
    _restep: function (config, entry, place, mark) {
      var options = markOptions(config, place, mark), shape = entry.shape;
      entry.place = place;
      entry.mark = mark;
      entry.owner = this;
      restyle(shape, options.shape);
      if (entry.circle) { restyle(entry.circle, options.circle); }
      shape.setTooltipContent(nkmap.tooltipHtml(config.words, place, mark.count, mark.presence));
      shape.setPopupContent(nkmap.popupHtml(config.words, place, mark, config.more));
      var element = shape.getElement();
      if (element) { ariaName(element, entry, config.words); }
      if (entry.label) {
        entry.offset = shape.getRadius() + 3;
        entry.label.options.icon.options.iconAnchor = [-entry.offset, 8];
        var icon = entry.label.getElement();
        if (icon && icon.nkMargin !== entry.offset) {  // written only when the mark's size changed it
          icon.nkMargin = entry.offset;
          icon.style.marginLeft = entry.offset + "px";
        }
      }
      this._marks[mark.place] = entry;
      this._shapes[mark.place] = shape;
    },

    /* A zoom, a pan or a new size: Leaflet tells of one change by two or three events (zoomend,
     * moveend, resize); the marks are placed again once per view. */
    _onView: function () {
      var map = this._map;
      if (!map) { return; }
      var view = map.getZoom() + " " + map.getPixelOrigin() + " " + map.getSize() + " " + map.getCenter();
      if (view !== this._view) { this._update(); }
    },

    /* Overlap depends on the zoom only: a pan just changes which marks are on the screen. */
    _update: function () {
      var map = this._map;
      if (!map) { return; }
      if (map.getZoom() !== this._zoom) {
        this._zoom = map.getZoom();
        nkmap.declutter(map, this._marks, this._flows, this._leaders);
      }
      this._view = map.getZoom() + " " + map.getPixelOrigin() + " " + map.getSize() + " " + map.getCenter();
      var note = nkmap.offScreen(map, this._marks, this._records.places, nkmap.setupOf(map).config.words);
      nkmap.labelsInside(map, this._marks, note);
      this._noteSettled(map, note);
      this._tabOrder(map);
    },

    /* The off-screen note read outside the map is one read before the map's style sheets apply
     * (the page adds them after the frame has loaded): the names, which keep clear of the note, are
     * placed again a moment later, up to twenty times. */
    _noteSettled: function (map, note) {
      var size = map.getSize();
      if (!note.length || (note[0].top >= 0 && note[0].bottom <= size.y)) { this._noteTries = 0; return; }
      this._noteTries = (this._noteTries || 0) + 1;
      if (this._noteTries > 20) { return; }
      var self = this;
      setTimeout(function () { if (self._map === map) { self._update(); } }, 100);
    },

    /* Marks off the screen leave the keyboard's order; those on it are in, but for the handles of
     * wide areas (a whole province or country: the table and the place box reach them), so that
     * the first city is a few stops in. */
    _tabOrder: function (map) {
      var bounds = map.getBounds(), marks = this._marks;
      Object.keys(marks).forEach(function (id) {
        var element = marks[id].shape.getElement();
        var stop = bounds.contains(marks[id].home) && !marks[id].area;
        if (element && element.getAttribute("tabindex") !== (stop ? "0" : "-1")) {
          element.setAttribute("tabindex", stop ? "0" : "-1");
        }
      });
    },

    /* The points a first view fits: every mark's (`all`), or the places' only, not the handles of
     * areas (a phone's: see nkmap.Setup.fitFirstView). */
    fitPoints: function (all) {
      var marks = this._marks || {};
      return Object.keys(marks).filter(function (id) { return all || !marks[id].area; })
        .map(function (id) { return marks[id].home; });
    },

    /* What covers part of the map (its open legend), in the map's pixels: no mark is fitted under it. */
    covers: function (map) {
      var legend = nkmap.setupOf(map).legendBox;
      if (!legend || !legend.offsetWidth) { return []; }
      var container = map.getContainer().getBoundingClientRect(), shown = legend.getBoundingClientRect();
      return [{left: shown.left - container.left, right: shown.right - container.left,
               top: shown.top - container.top, bottom: shown.bottom - container.top}];
    },

    /* Whether, with the map at `view` ({center, zoom}), a mark that a first view fits
     * (fitPoints(`all`)), where it would be drawn (moved apart from the marks it touches, as
     * declutter moves it), or its name beside it, would not be wholly inside the map's edges or would
     * lie under one of `covers` (this.covers(map); nkmap.outsideEdges). Worked out, not drawn: a fit
     * tries several zooms, and drawing a thousand marks at each cost a first paint seconds. */
    drawnOutside: function (map, all, covers, view) {
      var marks = this._marks || {}, size = map.getSize();
      var middle = map.project(view.center, view.zoom).subtract(size.divideBy(2));
      var list = Object.keys(marks).map(function (id) { return marks[id]; });
      var layout = nkmap.spread(list.map(function (entry) { return map.project(entry.home, view.zoom).subtract(middle); }),
                                list.map(function (entry) { return entry.shape.getRadius(); }));
      var names = L.DomUtil.hasClass(map.getContainer(), "nk-no-tiles");  // names show only without tiles
      var span = null;
      return list.some(function (entry, k) {
        if (!all && entry.area) { return false; }
        var at = layout.spots[k], r = entry.shape.getRadius();
        var box = {left: at.x - r, right: at.x + r, top: at.y - r, bottom: at.y + r};
        var text = names && entry.label && entry.label.getElement() && entry.label.getElement().firstChild;
        if (text) {  // its name shows beside it: as high as the name reaches
          span = span || nkmap.nameSpan(map, text);
          box.top = Math.min(box.top, at.y + span.above);
          box.bottom = Math.max(box.bottom, at.y + span.below);
        }
        return nkmap.outsideEdges(box, size, covers);
      });
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
      var head = flat(to.ll, {interactive: false, keyboard: false, icon: L.divIcon({
        className: inferred ? "nk-arrow nk-inferred" : "nk-arrow", iconSize: [18, 18], iconAnchor: [9, 9], html: arrow})});
      this.addLayer(head);
      return {lines: [line, reach], head: head, from: flow.from, to: flow.to, basis: flow.basis,
              key: flowKey(places, flow)};
    },

    /* A point's shape: a circle marker sized by its count. An area is a faint circle that takes no
     * pointer or keyboard events (it must not catch clicks meant for points or for the empty map),
     * with a small handle at its centre that does. */
    _drawMark: function (config, mark) {
      var place = this._records.places[mark.place], options = markOptions(config, place, mark);
      var entry = {shape: null, home: L.latLng(place.ll), area: Boolean(place.area_m), label: null, offset: 0,
                   circle: null, place: place, mark: mark, owner: this, named: null};
      if (place.area_m) {
        entry.circle = L.circle(place.ll, options.circle);
        entry.circle.nkDrawn = options.circle;
        this.addLayer(entry.circle);
      }
      var shape = entry.shape = L.circleMarker(place.ll, options.shape);
      shape.nkDrawn = options.shape;
      shape.bindTooltip(nkmap.tooltipHtml(config.words, place, mark.count, mark.presence));
      // Clear of the zoom buttons at the top left when the map pans to show a popup; kept inside
      // the map when the map moves under it (the page focusing the place just tapped centres the
      // map on it, which would push a tall popup past the map's top).
      shape.bindPopup(nkmap.popupHtml(config.words, place, mark, config.more), {
        maxWidth: 380, maxHeight: 360, autoPanPadding: [12, 12], autoPanPaddingTopLeft: [52, 12], keepInView: true});
      // The layer that holds the mark now (entry.owner: a later step's layer takes the mark over).
      shape.on("popupopen", function (event) {
        // update() lays the popup out again and pans the map to show all of it.
        if (sizePopup(entry.owner._map, shape)) { event.popup.update(); }
      });
      shape.on("popupopen", function () { shape.closeTooltip(); });
      shape.on("add", function () { sizePopup(entry.owner._map, shape); name(shape, entry, config.words); });
      this.addLayer(shape);
      if (!place.area_m) {
        // The place's name beside its mark, shown only when the map tiles (which name places) are missing.
        entry.offset = shape.getRadius() + 3;
        entry.label = flat(place.ll, {interactive: false, keyboard: false, icon: L.divIcon({
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
