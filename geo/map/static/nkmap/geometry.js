/* The map's geometry on the screen, in pixels: a mark's radius, marks that touch moved apart on a
 * ring, and where a movement's arrowhead sits. No Leaflet here: points are {x, y} in any pixel
 * frame (tests/js/geometry.test.js); declutter.js applies them to the map. */
(function (nkmap) {
  "use strict";

  /* Marks closer than this on screen are moved apart (each keeps a thin line to where it is).
   * geo.publish.imagemarks.TOUCHING is the same number (tests/publish/test_image.py). */
  var TOUCHING = 4;

  /* Pixel radius for a place with `count` reports: area grows with the count. `radius` is
   * geo.map.records.map_config's: {min, max, maxCount}. */
  function markerRadius(count, radius) {
    var share = Math.sqrt(count / Math.max(radius.maxCount, 1));
    return Math.round((radius.min + (radius.max - radius.min) * share) * 10) / 10;
  }

  /* As L.Point.distanceTo, to the last bit. */
  function distance(a, b) {
    var x = b.x - a.x, y = b.y - a.y;
    return Math.sqrt(x * x + y * y);
  }

  /* A cluster's members in the order of the ring's places (place k at the angle PI + 2 PI k / n,
   * from the left and clockwise on the screen), so that no mark crosses to the other side of
   * another: the places from west to east take the members from west to east, and places one
   * above the other take theirs from north to south (the western of two near places stays on
   * the left). */
  function onRing(group, points) {
    var n = group.length;
    var places = group.map(function (_, k) {
      var angle = Math.PI + 2 * Math.PI * k / n;
      return {k: k, x: Math.round(Math.cos(angle) * 1e9), y: Math.round(Math.sin(angle) * 1e9)};
    });
    var byXY = function (a, b) { return a.x - b.x || a.y - b.y; };
    places.sort(byXY);
    var members = group.map(function (m) { return {m: m, x: points[m].x, y: points[m].y}; }).sort(byXY);
    var slots = new Array(n);
    for (var start = 0; start < n;) {
      var end = start;
      while (end < n && places[end].x === places[start].x) { end++; }  // places one above the other
      members.slice(start, end).sort(function (a, b) { return a.y - b.y || a.m - b.m; })
        .forEach(function (member, i) { slots[places[start + i].k] = member.m; });
      start = end;
    }
    return slots;
  }

  /* `join(i, j)` called for the marks i < j whose circles may come closer than TOUCHING: those in
   * the same square of the screen or one of the eight around it, squares as wide as two of the
   * largest marks and TOUCHING (comparing every pair took 0.1 to 0.4 s a placing at 3,000 places). */
  function nearPairs(points, radii, join) {
    var size = 2 * radii.reduce(function (most, r) { return Math.max(most, r); }, 0) + TOUCHING, cells = new Map();
    var keyOf = function (x, y) { return x + " " + y; };
    var column = points.map(function (point) { return Math.floor(point.x / size); });
    var row = points.map(function (point) { return Math.floor(point.y / size); });
    points.forEach(function (_, i) {
      var key = keyOf(column[i], row[i]);
      if (!cells.has(key)) { cells.set(key, []); }
      cells.get(key).push(i);
    });
    for (var i = 0; i < points.length; i++) {
      for (var dx = -1; dx <= 1; dx++) {
        for (var dy = -1; dy <= 1; dy++) {
          var cell = cells.get(keyOf(column[i] + dx, row[i] + dy)) || [];
          for (var c = 0; c < cell.length; c++) { if (cell[c] > i) { join(i, cell[c]); } }
        }
      }
    }
  }

  /* Where each mark goes so that none overlaps another. Marks whose circles come closer than
   * TOUCHING (directly or through a chain of others) form a cluster; a cluster's marks go round
   * a ring about their common centre, starting from the left (so two sit side by side, names
   * outward), the ring wide enough for the widest of them. `points[i]` is mark i's own place on
   * the screen, `radii[i]` its radius.
   *
   * Returns {spots, clusters}: spots[i] is {x, y, moved, left} (`left`: the mark went to the left
   * of its cluster, so its name goes on its left); clusters lists the moved marks' indexes, one
   * array per cluster, in the order of their first marks. */
  function spread(points, radii) {
    var n = points.length;
    var root = points.map(function (_, i) { return i; });
    var find = function (i) { while (root[i] !== i) { i = root[i] = root[root[i]]; } return i; };
    nearPairs(points, radii, function (i, j) {
      var a = find(i), b = find(j);  // marks already in one cluster need no distance
      if (a !== b && distance(points[i], points[j]) < radii[i] + radii[j] + TOUCHING) { root[a] = b; }
    });
    var members = {};
    for (var k = 0; k < n; k++) { (members[find(k)] = members[find(k)] || []).push(k); }
    var spots = points.map(function (point) { return {x: point.x, y: point.y, moved: false, left: false}; });
    var clusters = [];
    var groups = Object.keys(members).map(function (key) { return members[key]; });
    // Clusters in the order of their first mark (each lists its marks in order).
    groups.sort(function (a, b) { return a[0] - b[0]; }).forEach(function (group) {
      if (group.length === 1) { return; }
      var centre = group.reduce(function (sum, m) { return {x: sum.x + points[m].x, y: sum.y + points[m].y}; },
                                {x: 0, y: 0});
      centre = {x: centre.x / group.length, y: centre.y / group.length};
      var widest = Math.max.apply(null, group.map(function (m) { return radii[m]; }));
      var ring = widest / Math.sin(Math.PI / group.length) + TOUCHING;
      onRing(group, points).forEach(function (m, place) {
        var angle = Math.PI + 2 * Math.PI * place / group.length;
        spots[m] = {x: centre.x + Math.cos(angle) * ring, y: centre.y + Math.sin(angle) * ring, moved: true,
                    left: Math.cos(angle) < -0.1};
      });
      clusters.push(group);
    });
    return {spots: spots, clusters: clusters};
  }

  /* Where a movement's arrowhead goes: at the edge of its destination's mark of radius `radius`,
   * on the line from `start` to `end`; null for a line too short to show one. */
  function arrowHead(start, end, radius) {
    var edge = radius + 9;
    var length = distance(start, end), share = edge / length;
    if (length < 2 * edge + 8) { return null; }
    return {x: end.x - (end.x - start.x) * share, y: end.y - (end.y - start.y) * share};
  }

  /* What a first view keeps clear at the map's edges, in pixels: a little at each edge, the
   * credits line and the scale bar at the bottom, the zoom buttons at the top left. */
  var EDGE = {top: 6, right: 6, bottom: 24, left: 6, buttons: {x: 48, y: 80}};

  /* The padding a first view fits the marks' own points with, for marks of radius up to `radius`:
   * the edge, the mark itself and a little more, clear of the zoom buttons' column. */
  function fitMargin(radius) {
    var r = Math.ceil(radius) + 4;
    return {top: EDGE.top + r, right: EDGE.right + r, bottom: EDGE.bottom + r, left: EDGE.buttons.x - EDGE.left + r};
  }

  /* Whether `box` ({left, top, right, bottom}: a mark or its name, in the map's pixels) is not
   * wholly inside a map of `size` ({x, y}) less its edges, or lies under the zoom buttons or
   * under one of `covers` (boxes drawn over the map: an open legend). */
  function outsideEdges(box, size, covers) {
    var under = (covers || []).some(function (cover) {
      return box.left < cover.right && cover.left < box.right && box.top < cover.bottom && cover.top < box.bottom;
    });
    return under || box.left < EDGE.left || box.top < EDGE.top || box.right > size.x - EDGE.right ||
      box.bottom > size.y - EDGE.bottom || (box.left < EDGE.buttons.x && box.top < EDGE.buttons.y);
  }

  nkmap.TOUCHING = TOUCHING;
  nkmap.fitMargin = fitMargin;
  nkmap.outsideEdges = outsideEdges;
  nkmap.markerRadius = markerRadius;
  nkmap.spread = spread;
  nkmap.arrowHead = arrowHead;
})(nkmap);
