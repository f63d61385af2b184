/* What a map draws once, whatever its filters: the country outlines, the legend, and the
 * settings every places layer on it is drawn with. nkmap.Setup is a Leaflet layer, one per map:
 * what it holds (the dataset's config, the legend's element, the map's first fit, whether the
 * dashboard was told the marks are drawn) belongs to that map only. */
(function (nkmap) {
  "use strict";

  /* A map narrower than this is a phone's: fitted to its marks, its legend compact. */
  var SMALL_MAP = 600;

  nkmap.SMALL_MAP = SMALL_MAP;

  nkmap.Setup = L.Layer.extend({
    /* `config`: the dataset's drawing settings (geo.map.records.map_config); `legendHtml`: the
     * legend (geo.map.style.legend_html, escaped there), "" for none; `outlineSource`: the
     * country outlines' GeoJSON or a URL to fetch it from (once: the dashboard resends the
     * places layer only); `outlineStyle`: their path style. */
    initialize: function (config, legendHtml, outlineSource, outlineStyle) {
      this.config = config;
      this._legendHtml = legendHtml;
      this._outlineSource = outlineSource;
      this._outlineStyle = outlineStyle;
      this.legendBox = null;    // the legend's element while it is on the map
      this._fitted = null;      // the mode ("phone", "present") the map was last fitted for
      this._fitView = null;     // the view that fit made
      this._announced = false;  // the dashboard was told the first marks are drawn
    },

    onAdd: function (map) {
      // Zoom in quarter steps, as the export does: a first view fitted to the marks (fitFirstView)
      // is as close as they allow, and a press of + from there is one whole step in.
      map.options.zoomSnap = 0.25;
      // Without tiles (offline, blocked, or none asked for) the outlines name no places: show labels.
      var tiles = false;
      var noTiles = function () {
        L.DomUtil.addClass(map.getContainer(), "nk-no-tiles");
        // The names now show: placed again as they are drawn (their widths and heights measured).
        map.eachLayer(function (layer) { if (nkmap.Places && layer instanceof nkmap.Places) { layer._update(); } });
      };
      map.eachLayer(function (layer) {
        if (layer instanceof L.TileLayer) { tiles = true; layer.once("tileerror", noTiles); }
      });
      if (!tiles) { noTiles(); }
      // Leaflet focuses the map on every mouse press, and focusing scrolls the page to show the
      // whole map: with the map partly below the fold (the dashboard's iframe) the mark moves
      // away before the button is released, and the click is lost. Focus without scrolling.
      // Leaflet has no option or event for how its keyboard handler focuses the map, and a
      // listener of our own cannot stand in: it would have to run before the handler's, on the
      // same presses only (not those inside a popup or a control, which stop at their own
      // element). So the handler's press method is replaced, on this map's handler only; it
      // reads nothing private.
      if (map.keyboard) {
        map.keyboard.disable();
        map.keyboard._onMouseDown = function () { map.getContainer().focus({preventScroll: true}); };
        map.keyboard.enable();
      }
      // The zoom buttons' names (Leaflet writes "Zoom in", "Zoom out") in the map's language.
      var words = this.config.words || {};
      [["in", words.zoomIn], ["out", words.zoomOut]].forEach(function (pair) {
        var button = pair[1] && map.getContainer().querySelector(".leaflet-control-zoom-" + pair[0]);
        if (button) { button.title = pair[1]; button.setAttribute("aria-label", pair[1]); }
      });
      // In the dashboard the map's frame is named for what it holds, not for the component; the map
      // itself too (a screen reader read it as the names and arrows of everything drawn in it).
      if (this.config.title) {
        map.getContainer().setAttribute("role", "region");
        map.getContainer().setAttribute("aria-label", this.config.title);
      }
      if (this.config.title && window.__GLOBAL_DATA__ && window.frameElement) {
        window.frameElement.setAttribute("title", this.config.title);
      }
      // Escape closes an open popup and gives the focus back to its mark, wherever in the map the
      // focus is (Leaflet's own Escape works only while the map itself has the focus).
      this._onEscape = function (event) {
        if (event.key !== "Escape") { return; }
        var source = null;
        map.eachLayer(function (layer) { if (layer.isPopupOpen && layer.isPopupOpen()) { source = layer; } });
        if (!source) { return; }
        map.closePopup();
        var element = source.getElement && source.getElement();
        if (element && element.focus) { element.focus({preventScroll: true}); }
        event.stopPropagation();
      };
      L.DomEvent.on(map.getContainer(), "keydown", this._onEscape);
      this._gateWheel(map);
      this._panBackAfterPopups(map);
      this._addOutlines(map);
      if (this._legendHtml) { this._addLegend(map); }
      if (this.config.printSize) { this._printable(map, this.config.printSize[0], this.config.printSize[1]); }
    },

    onRemove: function (map) {
      if (this._printHandlers) {
        window.removeEventListener("beforeprint", this._printHandlers[0]);
        window.removeEventListener("afterprint", this._printHandlers[1]);
        this._printHandlers = null;
      }
      if (this._refitting) { map.off("resize", this._refit, this); this._refitting = false; }
      if (map.keyboard) {
        map.keyboard.disable();
        delete map.keyboard._onMouseDown;  // Leaflet's own again
        map.keyboard.enable();
      }
      L.DomEvent.off(map.getContainer(), "keydown", this._onEscape);
      if (this._wheelGate) { this._wheelGate.off(); this._wheelGate = null; }
      map.off("autopanstart", this._onAutopan, this);
      map.off("popupclose", this._onPopupClose, this);
      if (this._outlines) { map.removeLayer(this._outlines); this._outlines = null; }
      if (this._legend) {
        map.off("popupopen", this._foldLegend, this);
        map.removeControl(this._legend);
        this._legend = this.legendBox = null;
      }
    },

    /* On paper the map is `width` pixels wide (its frame too, in the dashboard; and `height` high
     * there), whatever the screen's size: it shows the bounds the screen showed, not only their
     * middle. In the dashboard's frame the legend goes whole below the map, and the frame grows to
     * hold it. After printing, the screen's view and legend come back as they were. */
    _printable: function (map, width, height) {
      var self = this, saved = null;
      var frame = window.frameElement;  // the dashboard's iframe (null in the standalone export)
      var before = function () {
        self._printing = true;
        var container = map.getContainer(), box = self.legendBox, details = box && box.querySelector("details");
        saved = {center: map.getCenter(), zoom: map.getZoom(), bounds: map.getBounds(), snap: map.options.zoomSnap,
                 legendOpen: details ? details.open : null,
                 legendParent: box && box.parentNode, legendNext: box && box.nextSibling};
        container.style.width = width + "px";
        map.options.zoomSnap = 0;  // fit the bounds exactly, not to the next whole zoom level out
        if (details) { details.open = true; }
        if (frame) {
          container.style.setProperty("height", height + "px", "important");
          var below = 0;
          if (box) {
            L.DomUtil.addClass(box, "nk-legend-print");
            box.style.width = width + "px";
            container.parentNode.insertBefore(box, container.nextSibling);
            below = box.offsetHeight + 8;
          }
          frame.style.setProperty("width", width + "px", "important");
          frame.style.setProperty("height", height + below + "px", "important");
        }
        map.invalidateSize({pan: false});
        map.fitBounds(saved.bounds, {animate: false});
      };
      var after = function () {
        if (!saved) { return; }
        var container = map.getContainer(), box = self.legendBox;
        if (frame) {
          frame.style.removeProperty("width");
          frame.style.removeProperty("height");
          container.style.removeProperty("height");
          if (box && saved.legendParent) {
            L.DomUtil.removeClass(box, "nk-legend-print");
            box.style.width = "";
            saved.legendParent.insertBefore(box, saved.legendNext);
          }
        }
        container.style.width = "";
        map.invalidateSize({pan: false});
        map.setView(saved.center, saved.zoom, {animate: false});  // before the snap: a fitted zoom is in quarters
        map.options.zoomSnap = saved.snap;
        var details = box && box.querySelector("details");
        if (details && saved.legendOpen !== null) { details.open = saved.legendOpen; }
        saved = null;
        // The frame takes back its size over the next frames: those resizes keep the view restored.
        window.setTimeout(function () { self._printing = false; }, 1000);
      };
      window.addEventListener("beforeprint", before);
      window.addEventListener("afterprint", after);
      this._printHandlers = [before, after];
    },

    /* The mouse wheel over the map scrolls the page (a reader scrolling past the map must not get
     * stuck in it) until the reader chooses the map: a click or a tap on it, or the focus in it.
     * Ctrl (⌘ on a Mac) with the wheel zooms at once, and so does a trackpad's pinch (a wheel with
     * Ctrl). A plain wheel says so on the map for a moment. Touch keeps its two-finger zoom. */
    _gateWheel: function (map) {
      var container = map.getContainer(), words = this.config.words || {}, active = false, timer = null;
      var hint = L.DomUtil.create("div", "nk-wheel-hint", container);
      hint.setAttribute("aria-hidden", "true");  // the keyboard's + and - zoom without it
      hint.textContent = words.wheelHint || "";
      var choose = function () { active = true; };
      var leave = function () { active = false; };
      var hide = function () { L.DomUtil.removeClass(hint, "nk-shown"); };
      var onLeave = function (event) { if (!container.contains(event.relatedTarget)) { leave(); } };
      var onWheel = function (event) {
        if (active || event.ctrlKey || event.metaKey) { hide(); return; }
        // Leaflet's wheel handler never sees it (it would stop the page's scrolling): the page scrolls.
        event.stopImmediatePropagation();
        if (hint.textContent) {
          L.DomUtil.addClass(hint, "nk-shown");
          window.clearTimeout(timer);
          timer = window.setTimeout(hide, 1800);
        }
      };
      map.scrollWheelZoom.enable();
      container.addEventListener("mousedown", choose);
      container.addEventListener("touchstart", choose, {passive: true});
      container.addEventListener("focusin", choose);
      container.addEventListener("focusout", onLeave);
      window.addEventListener("blur", leave);
      container.addEventListener("wheel", onWheel, {capture: true, passive: true});
      this._wheelGate = {hint: hint, off: function () {
        container.removeEventListener("mousedown", choose);
        container.removeEventListener("touchstart", choose);
        container.removeEventListener("focusin", choose);
        container.removeEventListener("focusout", onLeave);
        window.removeEventListener("blur", leave);
        container.removeEventListener("wheel", onWheel, {capture: true});
        L.DomUtil.remove(hint);
      }};
    },

    /* Country outlines in a pane under the tiles, visible wherever tiles are missing. */
    _addOutlines: function (map) {
      if (!map.getPane("nkBasemap")) {
        map.createPane("nkBasemap");
        map.getPane("nkBasemap").style.zIndex = 150;
      }
      var self = this, style = this._outlineStyle;
      var add = function (data) {
        if (self._map !== map) { return; }  // taken off the map while the outlines were fetched
        self._outlines = L.geoJSON(data, {pane: "nkBasemap", interactive: false, style: style}).addTo(map);
      };
      if (typeof this._outlineSource === "string") {
        fetch(this._outlineSource).then(function (response) { return response.json(); }).then(add);
      } else {
        add(this._outlineSource);
      }
    },

    /* A popup pans the map to show all of it; when it closes, the map goes back to the view the
     * reader had (unless the reader or the page moved the map meanwhile), so that marks are not left
     * under the zoom buttons or the credits line (a phone's small map pans most). */
    _panBackAfterPopups: function (map) {
      this._beforePan = this._afterPan = null;
      map.on("autopanstart", this._onAutopan, this);
      map.on("popupclose", this._onPopupClose, this);
    },

    _onAutopan: function () {
      var map = this._map, self = this;
      if (!this._beforePan) { this._beforePan = {center: map.getCenter(), zoom: map.getZoom()}; }
      map.once("moveend", function () { self._afterPan = {center: map.getCenter(), zoom: map.getZoom()}; });
    },

    _onPopupClose: function () {
      var map = this._map, self = this, back = this._beforePan, panned = this._afterPan;
      this._beforePan = this._afterPan = null;
      if (!back || !panned || map.getZoom() !== panned.zoom ||
          map.latLngToContainerPoint(panned.center).distanceTo(map.getSize().divideBy(2)) >= 4) { return; }
      // Once the popup is off the map (while it closes it still keeps itself in view), and not when
      // another popup has opened meanwhile (a tap on another mark closes this one first).
      window.setTimeout(function () {
        if (!self._beforePan && self._map && !self._anyPopupOpen(map)) {
          map.setView(back.center, back.zoom, {animate: false});
        }
      }, 0);
    },

    _anyPopupOpen: function (map) {
      var open = false;
      map.eachLayer(function (layer) { if (layer instanceof L.Popup && layer.isOpen()) { open = true; } });
      return open;
    },

    /* The legend as a collapsible control, folded on a small map (a phone, a shared screen). */
    _addLegend: function (map) {
      var self = this, html = this._legendHtml;
      var control = L.control({position: "bottomright"});
      control.onAdd = function () {
        var div = L.DomUtil.create("div", "nk-legend");
        self.legendBox = div;
        div.innerHTML = html;
        var size = map.getSize(), details = div.querySelector("details");
        if (size.y < 560 || size.x < 700) { details.open = false; }
        // And opening it there closes the popup it would cover (a phone's legend covered the popup
        // just tapped); the popup comes back with a tap on its mark.
        details.addEventListener("toggle", function () {
          var now = map.getSize();
          if (details.open && (now.y < 560 || now.x < 700)) { map.closePopup(); }
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
      this._legend = control;
      // On a small map the legend folds when a popup opens, so that it never hides what was tapped.
      map.on("popupopen", this._foldLegend, this);
    },

    _foldLegend: function () {
      var current = this._map.getSize();
      if (this.legendBox && (current.x < 700 || current.y < 560)) { this.legendBox.querySelector("details").open = false; }
    },

    /* Mark each legend entry the map shows now (a sector or role of a mark, few-workers rings,
     * areas, stated or inferred movements): a compact legend lists only those. `marks`: the
     * records' marks shown; `flows`: the movements drawn (each with its `basis`). */
    legendShows: function (places, marks, flows) {
      if (!this.legendBox) { return; }
      var shown = {};
      marks.forEach(function (mark) {
        shown["sector:" + mark.sector] = shown["role:" + mark.role] = true;
        if (nkmap.PRESENCE[mark.presence]) { shown.few = true; }
        if (places[mark.place].area_m) { shown.area = true; }
      });
      flows.forEach(function (flow) { shown[flow.basis] = true; });
      Array.prototype.forEach.call(this.legendBox.querySelectorAll("[data-key]"), function (entry) {
        L.DomUtil[shown[entry.getAttribute("data-key")] ? "removeClass" : "addClass"](entry, "nk-absent");
      });
      // A heading none of whose entries the map shows goes with them (a year with no reports left
      // three headings over empty lists).
      Array.prototype.forEach.call(this.legendBox.querySelectorAll(".nk-legend-h"), function (heading) {
        var list = heading.nextElementSibling;
        var any = list && list.querySelector("li:not(.nk-absent)");
        L.DomUtil[any ? "removeClass" : "addClass"](heading, "nk-absent");
      });
    },

    /* The presenter's legend (`on`): open, and only what the map shows (see legendShows). A
     * phone's legend also lists only what the map shows, folded until the reader opens it. */
    compactLegend: function (on) {
      if (!this.legendBox) { return; }
      var small = window.innerWidth < SMALL_MAP;
      L.DomUtil[on || small ? "addClass" : "removeClass"](this.legendBox, "nk-legend-compact");
      // A presenter's labels and legend read from across a room (map.css scales them with the screen).
      L.DomUtil[on ? "addClass" : "removeClass"](this._map.getContainer(), "nk-presenting");
      if (on) { this.legendBox.querySelector("details").open = true; }
    },

    /* The first view fitted to what is drawn (`layer`: the map's nkmap.Places), once per map and
     * mode (a laptop's, a phone's; a presenter's at every step), and only from the page's own view or an earlier
     * fit, so that a focused place and the reader's own pan and zoom are kept. The page's own centre
     * and zoom (config.home) cut off marks at the map's edges (Southern China at 1280 wide, Northeast
     * China on a presenter's 1920). A laptop's and a presenter's fit takes every mark, points and
     * the handles of wide areas, as they are drawn (moved apart), with a margin; a phone's takes the
     * places' points only: the handles of the widest areas (China, Southern China) would shrink a
     * phone's map until its marks pile up; they are named in its out-of-view note instead.
     * `presenting`: the presenter's map. */
    fitFirstView: function (layer, presenting) {
      var self = this, map = this._map;
      this._fitPresenting = presenting;
      // After the page has applied its own centre and zoom (streamlit-folium does, once the layer is
      // drawn), and once the map has its size (its frame grows after the first drawing).
      window.setTimeout(function attempt() {
        if (!self._map) { return; }
        if (map.getSize().y < 100) { map.once("resize", attempt); return; }
        // A presenter's map follows each year's marks (2016's Ningbo was off a map left where 2013's
        // north-east had put it) while it still shows the view the last fit made.
        if (presenting && self._fitted === "present" && self._near(map, self._fitView)) { self._fitted = null; }
        self._fitNow(map, self._placesOn(map) || layer, presenting);
      }, 0);
      if (!this._refitting) {
        this._refitting = true;
        map.on("resize", this._refit, this);
      }
    },

    /* The places layer on `map` now (a step may have taken the place of the one that asked), or null. */
    _placesOn: function (map) {
      var current = null;
      map.eachLayer(function (other) { if (other instanceof nkmap.Places && other._marks) { current = other; } });
      return current;
    },

    /* A map whose frame changes size (it grows after the first drawing, the screen turns, the window
     * is resized) while it still shows the view its fit made is fitted again at its new size. */
    _refit: function () {
      var map = this._map;
      if (!map || !this._fitted || this._printing || !this._near(map, this._fitView)) { return; }
      this._fitted = null;
      this._fitNow(map, this._placesOn(map), this._fitPresenting);
    },

    /* Whether `map` shows `view` ({center, zoom}), within a few pixels: Leaflet rounds the centre
     * to whole pixels. */
    _near: function (map, view) {
      return Boolean(view) && Math.abs(view.zoom - map.getZoom()) < 1e-6 &&
        map.latLngToContainerPoint(view.center).distanceTo(map.getSize().divideBy(2)) < 4;
    },

    _fitNow: function (map, layer, presenting) {
      var home = this.config.home;
      var phone = map.getSize().x < SMALL_MAP, all = !phone || presenting;
      var mode = presenting ? "present" : phone ? "phone" : "wide";
      var points = layer && layer.fitPoints ? layer.fitPoints(all) : [];
      if (!home || this._fitted === mode || !points.length) { return; }
      if (!this._near(map, home) && !this._near(map, this._fitView)) { return; }
      var margin = nkmap.fitMargin(this.config.radius.max);
      // An open legend (a presenter's strip along the bottom) keeps the marks above it.
      var legend = this.legendBox, details = legend && legend.querySelector("details");
      if (details && details.open && legend.offsetHeight > 60) { margin.bottom += legend.offsetHeight; }
      // As fitBounds would (as close as the marks allow, in quarter steps, never much closer than the
      // page's own view: one or two places keep their surroundings), without drawing the view yet.
      var bounds = L.latLngBounds(points), before = L.point(margin.left, margin.top);
      var after = L.point(margin.right, margin.bottom);
      var snap = map.options.zoomSnap;
      map.options.zoomSnap = 0.25;
      var zoom = Math.min(map.getBoundsZoom(bounds, false, before.add(after)), home.zoom + 2);
      map.options.zoomSnap = snap;
      var middle = map.project(bounds.getSouthWest(), zoom).add(map.project(bounds.getNorthEast(), zoom)).divideBy(2);
      var center = map.unproject(middle.add(after.subtract(before).divideBy(2)), zoom);
      // Marks that touch are moved apart at each zoom (declutter), some of them outward: a quarter
      // step further out at a time until every mark as it would be drawn is inside the map's edges.
      var covers = layer.covers(map);  // the legend does not move with the zoom
      for (var k = 0; k < 8 && zoom - 0.25 >= map.getMinZoom() &&
           layer.drawnOutside(map, all, covers, {center: center, zoom: zoom}); k++) {
        zoom -= 0.25;
      }
      map.options.zoomSnap = 0.25;
      map.setView(center, zoom, {animate: false});
      map.options.zoomSnap = snap;
      this._fitted = mode;
      this._fitView = {center: map.getCenter(), zoom: map.getZoom()};
    },

    /* In the dashboard: once the first marks are on the screen, tell the page (through
     * streamlit-folium's value, which reruns the page's map part), so that it draws what it held
     * back for a new reader: the timeline and the reports table. Once per map; the export has no
     * Streamlit and skips it. The value keeps what streamlit-folium last sent, so a later click is
     * still told apart from it. */
    announceDrawn: function () {
      var shared = window.__GLOBAL_DATA__, streamlit = window.Streamlit;
      if (this._announced || !shared || !streamlit) { return; }
      this._announced = true;
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
  });

  /* The map's Setup: added once per map (geo.map.leaflet.MapSetup, the export's page script). */
  nkmap.setup = function (map, config, legendHtml, outlineSource, outlineStyle) {
    return new nkmap.Setup(config, legendHtml, outlineSource, outlineStyle).addTo(map);
  };

  /* The Setup on `map`, or null. */
  nkmap.setupOf = function (map) {
    var found = null;
    map.eachLayer(function (layer) { if (layer instanceof nkmap.Setup) { found = layer; } });
    return found;
  };
})(nkmap);
