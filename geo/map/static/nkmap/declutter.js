/* Marks that overlap on the screen moved apart, each with a thin line to where it really is, and
 * each movement's arrowhead put at the edge of its destination's mark (none for a line too short
 * to see). The geometry is geometry.js's; this applies it to a map. Runs after every zoom, since
 * overlap depends on it. */
(function (nkmap) {
  "use strict";

  /* A label to the left of its mark (a mark moved left of its cluster) or to the right. */
  function sideOf(mark, left) {
    var element = mark.label.getElement();
    if (element && element.firstChild) {
      element.firstChild.style.transform = left ? "translateX(calc(-100% - " + 2 * mark.offset + "px))" : "";
    }
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

  nkmap.declutter = declutter;
})(nkmap);
