/* The standalone HTML export's page: its year and sector controls, the place list and the map.
 * Drawing is the map script's, nkmap (inlined before this script); the page's data is the JSON in #nk-data,
 * built by geo/publish/standalone.py. Strings in it that reach innerHTML were escaped in Python. The page's
 * words are data.words (geo/reading/page_words.py: templates with {name} placeholders, in the export's
 * language); this script holds none of its own and sets them only with textContent. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("nk-data").textContent);
  var countries = JSON.parse(document.getElementById("nk-countries").textContent);
  var byId = function (id) { return document.getElementById(id); };
  var fromInput = byId("nk-year-from"), toInput = byId("nk-year-to");
  var fromOut = byId("nk-year-from-out"), toOut = byId("nk-year-to-out");
  var playButton = byId("nk-play"), summaryLine = byId("nk-summary");
  var sectorBoxes = Array.prototype.slice.call(document.querySelectorAll("input.nk-sector"));
  var placeList = byId("nk-place-list"), placesSummary = byId("nk-places-summary");
  var sectorState = byId("nk-sector-state");
  var words = data.words;
  var fill = nkmap.fill;

  var map = L.map("nk-map", {
    center: data.map.center, zoom: data.map.zoom, minZoom: data.map.minZoom, maxZoom: data.map.maxZoom,
    worldCopyJump: false, zoomSnap: 0.25
  });
  window.map = map;  // as in the dashboard's map frame: for scripts around an embed, and the tests
  // Inside an article the wheel scrolls the page until the reader chooses the map (nkmap.setup's gate).
  // On a phone the attribution needs the bottom line; a scale bar there would sit under it.
  if (map.getSize().x >= 480) { L.control.scale().addTo(map); }
  if (data.tiles) {
    L.tileLayer(data.tiles.url, {attribution: data.tiles.attribution, subdomains: "abcd", maxZoom: data.map.maxZoom}).addTo(map);
  }
  map.attributionControl.addAttribution(data.outlines.attribution);
  // Inside an article's iframe a credit link must not replace the map: open it in a new tab.
  map.attributionControl.getContainer().addEventListener("click", function (event) {
    var link = event.target.closest("a");
    if (link) { link.target = "_blank"; link.rel = "noopener noreferrer"; }
  });
  nkmap.setup(map, data.config, data.legend, countries, data.outlines.style);
  // Narrow frames (an article column, a phone): start with the sector list folded, so the map
  // itself is what the reader sees first.
  if (window.innerWidth < 700) { byId("nk-sector-panel").open = false; }

  var layer = null;  // the places and movements of the years and sectors chosen (an nkmap.Places)
  var shapes = {};

  function listPlace(mark) {
    var place = data.places[mark.place];
    var item = document.createElement("li"), button = document.createElement("button");
    var name = document.createElement("span"), count = document.createElement("span");
    button.type = "button";
    name.innerHTML = place.name;
    count.textContent = " (" + mark.count + ")";
    button.appendChild(name);
    button.appendChild(count);
    button.addEventListener("click", function () {
      var shape = shapes[mark.place];
      byId("nk-map").scrollIntoView({block: "nearest"});
      // No animation: the popup pans itself into view only once the map has stopped moving.
      map.setView(shape.getLatLng(), Math.max(map.getZoom(), place.area_m ? 0 : 6), {animate: false});
      shape.openPopup();
    });
    item.appendChild(button);
    placeList.appendChild(item);
  }

  function render() {
    var first = Number(fromInput.value), last = Number(toInput.value);
    var wanted = sectorBoxes.map(function (box) { return box.checked; });
    var view = nkmap.aggregate(data, first, last, wanted);
    fromOut.textContent = String(first);
    toOut.textContent = String(last);
    if (layer) { map.removeLayer(layer); }
    placeList.textContent = "";
    layer = nkmap.places({places: data.places, marks: view.marks, flows: view.flows}).addTo(map);
    shapes = layer.shapes();
    view.marks.forEach(listPlace);
    placesSummary.textContent = fill(words.placesOnMap, {n: view.marks.length});
    var ticked = sectorBoxes.filter(function (box) { return box.checked; });
    sectorState.textContent = ticked.length === sectorBoxes.length ? fill(words.sectorsAll, {n: ticked.length})
      : !ticked.length ? words.sectorsNone
      : ticked.length <= 2 ? ticked.map(function (box) { return box.parentNode.textContent.trim(); }).join(words.listSeparator)
      : fill(words.sectorsSome, {n: ticked.length, total: sectorBoxes.length});
    var fewOrNone = view.marks.filter(function (mark) { return mark.presence !== "reported"; }).length;
    summaryLine.textContent = nkmap.summaryLine(words, view.count, view.marks.length, fewOrNone, first, last);
  }

  var timer = null;
  function stopPlaying() {
    if (timer !== null) { clearInterval(timer); timer = null; }
    playButton.textContent = words.play;
    playButton.setAttribute("aria-pressed", "false");
  }
  function step() {
    if (Number(toInput.value) >= data.years[1]) { stopPlaying(); return; }
    fromInput.value = String(Number(fromInput.value) + 1);
    toInput.value = String(Number(toInput.value) + 1);
    render();
  }
  playButton.addEventListener("click", function () {
    if (timer !== null) { stopPlaying(); return; }
    fromInput.value = toInput.value = String(data.years[0]);
    render();
    playButton.textContent = words.pause;
    playButton.setAttribute("aria-pressed", "true");
    timer = setInterval(step, data.play_ms);
  });
  fromInput.addEventListener("input", function () {
    stopPlaying();
    if (Number(fromInput.value) > Number(toInput.value)) { toInput.value = fromInput.value; }
    render();
  });
  toInput.addEventListener("input", function () {
    stopPlaying();
    if (Number(toInput.value) < Number(fromInput.value)) { fromInput.value = toInput.value; }
    render();
  });
  byId("nk-all-years").addEventListener("click", function () {
    stopPlaying();
    fromInput.value = String(data.years[0]);
    toInput.value = String(data.years[1]);
    render();
  });
  sectorBoxes.forEach(function (box) { box.addEventListener("change", render); });
  byId("nk-all-sectors").addEventListener("click", function () {
    sectorBoxes.forEach(function (box) { box.checked = true; });
    render();
  });
  byId("nk-no-sectors").addEventListener("click", function () {
    sectorBoxes.forEach(function (box) { box.checked = false; });
    render();
  });
  render();
  fitToPlaces();

  // Open on the places of the first view (or on every place in the file), never closer than the
  // dashboard's own zoom, so the reader keeps the context of China and Korea.
  function fitToPlaces() {
    var points = Object.keys(shapes).filter(function (id) { return !data.places[id].area_m; })
      .map(function (id) { return data.places[id].ll; });
    if (!points.length) {
      points = Object.keys(data.places).map(function (id) { return data.places[id]; })
        .filter(function (p) { return !p.area_m; }).map(function (p) { return p.ll; });
    }
    if (points.length) {
      map.fitBounds(points, {paddingTopLeft: [24, 24], paddingBottomRight: [24, 48], maxZoom: data.map.zoom, animate: false});
    }
  }
})();
