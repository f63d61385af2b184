/* Marks that overlap on the screen moved apart, each with a thin line to where it really is, and
 * each movement's arrowhead put at the edge of its destination's mark (none for a line too short
 * to see). The geometry is geometry.js's; this applies it to a map. Runs after every zoom, since
 * overlap depends on it. */
(function (nkmap) {
  "use strict";

  /* A label to the left of its mark (a mark moved left of its cluster) or to the right. */
  function sideOf(mark, left) {
    mark.labelLeft = left;  // the side declutter chose; labelsInside may move it at the map's edge
    var element = mark.label.getElement();
    if (element && element.firstChild) {
      restyle(element.firstChild, "transform", left ? "translateX(calc(-100% - " + 2 * mark.offset + "px))" : "");
    }
  }

  /* An element's style property set to `value` only when it was set to something else: on a year
   * step most names stay where they were, and writing a thousand styles again made the browser
   * work out every name's style again. */
  function restyle(element, property, value) {
    var set = element.nkStyle || (element.nkStyle = {});
    if (set[property] === value) { return; }
    set[property] = value;
    element.style[property] = value;
  }

  /* A mark or a name moved to `latlng`, unless it is there already (moving redraws it). */
  function moveTo(layer, latlng) {
    if (!layer.getLatLng().equals(latlng)) { layer.setLatLng(latlng); }
  }

  var measure = null, widthsSeen = {}, metricsSeen = {};

  /* How wide `words` are in `font`, in pixels: measured once per name and font on a canvas. Reading
   * a name's own width made the browser lay the whole map out again on every zoom and step (a
   * second of a first paint at a thousand places, where the fit zooms several times). */
  function textWidth(words, font) {
    var key = font + "\n" + words;
    if (!(key in widthsSeen)) {
      measure = measure || document.createElement("canvas").getContext("2d");
      measure.font = font;
      widthsSeen[key] = measure.measureText(words).width;
    }
    return widthsSeen[key];
  }

  /* The names' font, their height and how far a name's top sits below its icon's (8 px above the
   * mark's middle): the same for every name of a map in one mode (all share one class), read from
   * one name (`text`) and kept per mode: the map's classes (a presenter's names are larger; names
   * show only without tiles) and its width (a presenter's type grows with it). Reading a style after
   * the marks moved made the browser work out every style again at each zoom. Hidden names (the map
   * has tiles) are measured from the style. */
  function nameMetrics(map, text) {
    var mode = map.getContainer().className + " " + map.getSize().x;
    if (!metricsSeen[mode]) {
      var style = window.getComputedStyle(text);
      var font = style.fontWeight + " " + style.fontSize + " " + style.fontFamily;
      var shown = window.getComputedStyle(text.parentNode).display !== "none";
      metricsSeen[mode] = shown && text.offsetHeight ? {font: font, height: text.offsetHeight, drop: text.offsetTop}
        : {font: font, height: parseFloat(style.lineHeight) || 16, drop: 0};
    }
    return metricsSeen[mode];
  }

  /* Boxes ({left, right, top, bottom}) by the cells of a square grid they touch, so that those near
   * a box are found without looking at every one (a thousand names against a thousand marks). */
  function Grid(cell) { this.cell = cell; this.cells = {}; }
  Grid.prototype.range = function (box, each) {
    var c = this.cell;
    for (var x = Math.floor(box.left / c); x <= Math.floor(box.right / c); x++) {
      for (var y = Math.floor(box.top / c); y <= Math.floor(box.bottom / c); y++) { each(x + "," + y); }
    }
  };
  Grid.prototype.add = function (box) {
    var cells = this.cells;
    this.range(box, function (key) { (cells[key] = cells[key] || []).push(box); });
  };
  Grid.prototype.near = function (box) {
    var cells = this.cells, found = [];
    this.range(box, function (key) {
      (cells[key] || []).forEach(function (other) { if (found.indexOf(other) < 0) { found.push(other); } });
    });
    return found;
  };

  var overlap = function (box, other) {
    var across = Math.min(box.right, other.right) - Math.max(box.left, other.left);
    var down = Math.min(box.bottom, other.bottom) - Math.max(box.top, other.top);
    return across > 0 && down > 0 ? across * down : 0;
  };

  /* Each label inside the map and clear of the others: names are placed from the place with most
   * reports to the least, each on the side declutter chose, else on its mark's other side, under it
   * or above it: of those inside the map, beside its own mark, overlapping no name already placed
   * nor what covers the map (`covers`: boxes in the map's pixels, the phone's off-screen note) and
   * hiding no more than a quarter of another mark, the one covering least of the other marks. A
   * name with no such place is left out, as is the name of a mark out of view (its mark's tooltip
   * and its name for screen readers still give it): on a phone Changbai County's and Hyesan's names
   * overlapped; a name pulled inside the map stayed when its mark had left, and one written over
   * another mark read as that mark's.
   * Runs after every pan and zoom (what is near an edge changes with both). Reads no layout: the
   * widths and heights are kept (textWidth, nameMetrics). */
  function labelsInside(map, marks, covers) {
    var width = map.getSize().x, height = map.getSize().y, taken = new Grid(64), circles = new Grid(64);
    (covers || []).forEach(function (box) { taken.add(box); });  // what covers the map takes its room
    var ids = Object.keys(marks);
    ids.forEach(function (id) {
      var at = map.latLngToContainerPoint(marks[id].shape.getLatLng()), r = marks[id].shape.getRadius();
      circles.add({id: id, left: at.x - r, right: at.x + r, top: at.y - r, bottom: at.y + r});
    });
    var covered = function (box, id) {  // how much of the other marks the box covers
      return circles.near(box).reduce(function (sum, other) { return other.id === id ? sum : sum + overlap(box, other); }, 0);
    };
    var hides = function (box, id) {  // whether the box covers more than a quarter of another mark
      return circles.near(box).some(function (other) {
        var area = (other.right - other.left) * (other.bottom - other.top);
        return other.id !== id && overlap(box, other) > area / 4;
      });
    };
    var clear = function (box) {  // of the names placed, with the pixel each keeps from the next
      var grown = {left: box.left - 1, right: box.right + 1, top: box.top - 1, bottom: box.bottom + 1};
      return !taken.near(grown).some(function (other) { return overlap(grown, other) > 0; });
    };
    var metrics = null;
    var count = function (id) { return (marks[id].mark && marks[id].mark.count) || 0; };
    ids.slice().sort(function (a, b) { return count(b) - count(a) || (a < b ? -1 : a > b ? 1 : 0); })
      .forEach(function (id) {
        var mark = marks[id], element = mark.label && mark.label.getElement();
        if (!element || !element.firstChild) { return; }
        metrics = metrics || nameMetrics(map, element.firstChild);
        var w = textWidth(element.firstChild.textContent, metrics.font), h = metrics.height;
        var at = map.latLngToContainerPoint(mark.label.getLatLng());
        var r = mark.offset - 3, preferred = Boolean(mark.labelLeft), beside = at.y - 8 + metrics.drop;
        if (at.x < 0 || at.x > width || at.y < 0 || at.y > height) {  // its mark is out of view: so is its name
          restyle(element.firstChild, "visibility", "hidden");
          return;
        }
        var sides = {
          right: {left: at.x + mark.offset, top: beside, transform: ""},
          left: {left: at.x - mark.offset - w, top: beside,
                 transform: "translateX(calc(-100% - " + 2 * mark.offset + "px))"},
          under: {left: Math.max(2, Math.min(at.x - w / 2, width - w - 2)), top: at.y + r + 2},
          above: {left: Math.max(2, Math.min(at.x - w / 2, width - w - 2)), top: at.y - r - 2 - h}
        };
        ["under", "above"].forEach(function (name) {  // moved from beside the mark
          sides[name].transform = "translate(" + Math.round(sides[name].left - at.x - mark.offset) + "px, " +
            Math.round(sides[name].top - beside) + "px)";
        });
        var order = preferred ? ["left", "right", "under", "above"] : ["right", "left", "under", "above"];
        var fits = order.map(function (name) {
          var side = sides[name];
          return {id: id, name: name, left: side.left, right: side.left + w, top: side.top, bottom: side.top + h};
        }).filter(function (box) {  // inside the map, clear of the other names, and beside or over its own mark
          return box.left >= 0 && box.right <= width && box.top >= 0 && box.bottom <= height && clear(box) &&
            box.right >= at.x - mark.offset && box.left <= at.x + mark.offset && !hides(box, id);
        });
        if (!fits.length) {  // left out: no place for it inside the map that is clear of the other names
          restyle(element.firstChild, "visibility", "hidden");
          return;
        }
        var chosen = fits[0], least = covered(fits[0], id);
        fits.slice(1).forEach(function (box) {
          var cover = covered(box, id);
          if (cover < least) { chosen = box; least = cover; }
        });
        restyle(element.firstChild, "visibility", "");
        restyle(element.firstChild, "transform", sides[chosen.name].transform);
        taken.add(chosen);
      });
  }

  /* How far a mark's name on `map` (`text`, its element) reaches above and below the mark's middle
   * when it sits beside the mark ({above, below} in pixels, `above` negative): the same for every
   * name of a map in one mode, without reading the page's layout once it is known. */
  function nameSpan(map, text) {
    var metrics = nameMetrics(map, text);
    return {above: metrics.drop - 8, below: metrics.drop - 8 + metrics.height};
  }

  /* The thin line from a moved mark's place (`mark.home`) to where the mark is drawn (`at`), with a
   * dot at the place, both under the marks (drawn over them, a short line read as a scratch across
   * the mark), in `leaders`: the mark's line and dot of the last placing kept, the line moved if it
   * must be (drawing them anew on every year step cost the browser new paths). Returns them. */
  function leader(mark, at, leaders) {
    var line = mark.leader;
    if (line && leaders.hasLayer(line)) {
      joinEnds(line, mark.home, at);
      return [line, mark.leaderDot];
    }
    line = mark.leader = L.polyline([mark.home, at], {
      color: "#333", weight: 1, opacity: 0.6, interactive: false, className: "nk-leader"});
    var dot = mark.leaderDot = L.circleMarker(mark.home, {
      radius: 2, stroke: false, fillColor: "#333", fillOpacity: 0.8, interactive: false, className: "nk-leader-dot"});
    leaders.addLayer(line).addLayer(dot);
    line.bringToBack();
    dot.bringToBack();
    return [line, dot];
  }

  /* Draw `line` from `start` to `end`, unless it already runs there (a new path costs a repaint). */
  function joinEnds(line, start, end) {
    var now = line.getLatLngs();
    if (!(now[0].equals(start) && now[1].equals(end))) { line.setLatLngs([start, end]); }
  }

  /* `marks`: by place id, {shape, home, label, offset} (label null for an area's handle);
   * `flows`: {lines, head, from, to}; `leaders`: the layer that holds the thin lines. */
  function declutter(map, marks, flows, leaders) {
    var list = Object.keys(marks).map(function (id) { return marks[id]; }), drawn = new Set();
    var layout = nkmap.spread(list.map(function (mark) { return map.latLngToLayerPoint(mark.home); }),
                              list.map(function (mark) { return mark.shape.getRadius(); }));
    list.forEach(function (mark, k) {
      if (layout.spots[k].moved) { return; }
      moveTo(mark.shape, mark.home);
      if (mark.label) { moveTo(mark.label, mark.home); sideOf(mark, false); }
    });
    layout.clusters.forEach(function (cluster) {
      cluster.forEach(function (k) {
        var mark = list[k], spot = layout.spots[k];
        var at = map.layerPointToLatLng(L.point(spot.x, spot.y));
        moveTo(mark.shape, at);
        if (mark.label) { moveTo(mark.label, at); sideOf(mark, spot.left); }
        leader(mark, at, leaders).forEach(function (layer) { drawn.add(layer); });
      });
    });
    leaders.eachLayer(function (line) { if (!drawn.has(line)) { leaders.removeLayer(line); } });
    flows.forEach(function (flow) {
      var from = marks[flow.from].shape, to = marks[flow.to].shape;
      var start = map.latLngToLayerPoint(from.getLatLng()), end = map.latLngToLayerPoint(to.getLatLng());
      flow.lines.forEach(function (line) { joinEnds(line, from.getLatLng(), to.getLatLng()); });
      var head = nkmap.arrowHead(start, end, to.getRadius());
      var icon = flow.head.getElement();
      if (icon) { restyle(icon, "display", head ? "" : "none"); }
      if (head) { moveTo(flow.head, map.layerPointToLatLng(L.point(head.x, head.y))); }
    });
  }

  /* On a small map (a phone's), a line at its top naming the places whose marks are out of view
   * (wide areas, whose marks sit far away, above all), so that a reader knows to zoom out.
   * `places`: the records' places by id (escaped names); `words`: the map's words. Runs after every
   * pan and zoom. Returns the line's box in the map's pixels ([] when there is none), which names
   * keep clear of (labelsInside). */
  function offScreen(map, marks, places, words) {
    var bounds = map.getBounds(), note = map.nkOffScreen;
    var names = map.getSize().x >= nkmap.SMALL_MAP ? [] : Object.keys(marks).filter(function (id) {
      return !bounds.contains(marks[id].home);
    }).map(function (id) { return places[id].name; });
    if (!note) {
      note = map.nkOffScreen = L.control({position: "topleft"});
      note.onAdd = function () {
        var div = L.DomUtil.create("div", "nk-offscreen");
        div.setAttribute("role", "status");
        return div;
      };
      note.addTo(map);
    }
    var element = note.getContainer(), html = names.length ? nkmap.offScreenNote(words, names) : "";
    if (note.nkHtml !== html) {  // written again only when it changes (every pan and step ask)
      note.nkHtml = html;
      element.innerHTML = html;
      element.style.display = names.length ? "" : "none";
    }
    if (!names.length) { return []; }
    var container = map.getContainer().getBoundingClientRect(), shown = element.getBoundingClientRect();
    return [{left: shown.left - container.left, right: shown.right - container.left,
             top: shown.top - container.top, bottom: shown.bottom - container.top}];
  }

  nkmap.declutter = declutter;
  nkmap.offScreen = offScreen;
  nkmap.labelsInside = labelsInside;
  nkmap.nameSpan = nameSpan;
})(nkmap);
