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
      element.firstChild.style.transform = left ? "translateX(calc(-100% - " + 2 * mark.offset + "px))" : "";
    }
  }

  var measure = null;

  /* How wide a label's text is, in pixels, also while labels are hidden (the map has tiles). */
  function labelWidth(element) {
    var text = element.firstChild;
    if (text.offsetWidth) { return text.offsetWidth; }
    var style = window.getComputedStyle(text);
    measure = measure || document.createElement("canvas").getContext("2d");
    measure.font = style.fontWeight + " " + style.fontSize + " " + style.fontFamily;
    return measure.measureText(text.textContent).width;
  }

  /* Each label inside the map and clear of the others: names are placed from the place with most
   * reports to the least, each on the side declutter chose, else on its mark's other side, under it
   * or above it: the first of those inside the map that overlaps no name already placed, covering least of
   * the other marks. A name with no such place is left out (its mark's tooltip and its name for
   * screen readers still give it): on a phone Changbai County's and Hyesan's names overlapped.
   * Runs after every pan and zoom (what is near an edge changes with both). */
  function labelsInside(map, marks) {
    var width = map.getSize().x, height = map.getSize().y, taken = [];
    var ids = Object.keys(marks);
    var circles = ids.map(function (id) {
      var at = map.latLngToContainerPoint(marks[id].shape.getLatLng()), r = marks[id].shape.getRadius();
      return {id: id, left: at.x - r, right: at.x + r, top: at.y - r, bottom: at.y + r};
    });
    var overlap = function (box, other) {
      var across = Math.min(box.right, other.right) - Math.max(box.left, other.left);
      var down = Math.min(box.bottom, other.bottom) - Math.max(box.top, other.top);
      return across > 0 && down > 0 ? across * down : 0;
    };
    var grown = function (box) {  // a name placed, with the pixel the next keeps from it
      return {left: box.left - 1, right: box.right + 1, top: box.top - 1, bottom: box.bottom + 1};
    };
    var covered = function (box, id) {  // how much of the other marks the box covers
      return circles.reduce(function (sum, other) { return other.id === id ? sum : sum + overlap(box, other); }, 0);
    };
    // Every width read before any label is moved: a read after a write makes the browser lay the
    // page out again, once per label.
    var widths = {}, heights = {}, drops = {};
    ids.forEach(function (id) {
      var element = marks[id].label && marks[id].label.getElement();
      if (element && element.firstChild) {
        widths[id] = labelWidth(element);
        heights[id] = element.firstChild.offsetHeight || parseFloat(window.getComputedStyle(element).lineHeight) || 16;
        drops[id] = element.firstChild.offsetTop;  // the name's top below its icon's (8 px above the mark's middle)
      }
    });
    var count = function (id) { return (marks[id].mark && marks[id].mark.count) || 0; };
    ids.slice().sort(function (a, b) { return count(b) - count(a) || (a < b ? -1 : a > b ? 1 : 0); })
      .forEach(function (id) {
        var mark = marks[id], element = mark.label && mark.label.getElement();
        if (!element || !element.firstChild) { return; }
        var at = map.latLngToContainerPoint(mark.label.getLatLng()), w = widths[id], h = heights[id];
        var r = mark.offset - 3, preferred = Boolean(mark.labelLeft), beside = at.y - 8 + drops[id];
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
        }).filter(function (box) {
          return box.left >= 0 && box.right <= width && box.top >= 0 && box.bottom <= height &&
            !taken.some(function (other) { return overlap(box, grown(other)) > 0; });
        });
        if (!fits.length) {  // left out: no place for it inside the map that is clear of the other names
          element.firstChild.style.visibility = "hidden";
          return;
        }
        var chosen = fits.reduce(function (best, box) { return covered(box, id) < covered(best, id) ? box : best; });
        element.firstChild.style.visibility = "";
        element.firstChild.style.transform = sides[chosen.name].transform;
        taken.push(chosen);
      });
  }

  /* `marks`: by place id, {shape, home, label, offset} (label null for an area's handle);
   * `flows`: {lines, head, from, to}; `leaders`: the layer that holds the thin lines. */
  function declutter(map, marks, flows, leaders) {
    leaders.clearLayers();
    var list = Object.keys(marks).map(function (id) { return marks[id]; });
    var layout = nkmap.spread(list.map(function (mark) { return map.latLngToLayerPoint(mark.home); }),
                              list.map(function (mark) { return mark.shape.getRadius(); }));
    list.forEach(function (mark, k) {
      if (layout.spots[k].moved) { return; }
      mark.shape.setLatLng(mark.home);
      if (mark.label) { mark.label.setLatLng(mark.home); sideOf(mark, false); }
    });
    layout.clusters.forEach(function (cluster) {
      cluster.forEach(function (k) {
        var mark = list[k], spot = layout.spots[k];
        var at = map.layerPointToLatLng(L.point(spot.x, spot.y));
        mark.shape.setLatLng(at);
        if (mark.label) { mark.label.setLatLng(at); sideOf(mark, spot.left); }
        leaders.addLayer(L.polyline([mark.home, at], {
          color: "#333", weight: 1, opacity: 0.6, interactive: false, className: "nk-leader"}));
      });
    });
    flows.forEach(function (flow) {
      var from = marks[flow.from].shape, to = marks[flow.to].shape;
      var start = map.latLngToLayerPoint(from.getLatLng()), end = map.latLngToLayerPoint(to.getLatLng());
      flow.lines.forEach(function (line) { line.setLatLngs([from.getLatLng(), to.getLatLng()]); });
      var head = nkmap.arrowHead(start, end, to.getRadius());
      var icon = flow.head.getElement();
      if (icon) { icon.style.display = head ? "" : "none"; }
      if (head) { flow.head.setLatLng(map.layerPointToLatLng(L.point(head.x, head.y))); }
    });
  }

  /* On a small map (a phone's), a line at its top naming the places whose marks are out of view
   * (wide areas, whose marks sit far away, above all), so that a reader knows to zoom out.
   * `places`: the records' places by id (escaped names); `words`: the map's words. Runs after every
   * pan and zoom. */
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
    var element = note.getContainer();
    element.innerHTML = names.length ? nkmap.offScreenNote(words, names) : "";
    element.style.display = names.length ? "" : "none";
  }

  nkmap.declutter = declutter;
  nkmap.offScreen = offScreen;
  nkmap.labelsInside = labelsInside;
})(nkmap);
