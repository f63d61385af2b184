"""Build the Folium map: a fixed base map, and one layer of places and movements per filter state.

The base map (tiles, country outlines, legend) is the same on every rerun, so streamlit-folium keeps
the iframe mounted. Everything that depends on the filters goes into one ``FeatureGroup`` holding a
single compact layer, so its size grows with the number of places shown, not with reports.
"""

from __future__ import annotations

import functools
import math

import folium
import pandas as pd
from branca.element import Element, MacroElement
from jinja2 import Template

from . import assets
from .escape import css_colour, escape, script_json
from .present import format_citation, format_figures, format_period
from .settings import SETTINGS, Settings
from .vocab import AREA_PRECISIONS, ROLES

# How each role is drawn, so roles differ by more than colour.
ROLE_STYLES: dict[str, dict[str, object]] = {
    "destination": {"weight": 1.5, "color": "#ffffff", "fillOpacity": 0.85, "dashArray": None},
    "origin": {"weight": 3.5, "color": None, "fillOpacity": 0.15, "dashArray": None},
    "transit": {"weight": 3, "color": None, "fillOpacity": 0.35, "dashArray": "4 4"},
    "event": {"weight": 3.5, "color": "#000000", "fillOpacity": 0.85, "dashArray": None},
}
AREA_STYLE: dict[str, object] = {"fillOpacity": 0.07, "weight": 1, "opacity": 0.45, "dashArray": None}
"""How a province-, region- or country-level place is drawn: a faint area, never a sharp pin."""
FLOW_STYLE: dict[str, object] = {"color": "#444", "weight": 2, "opacity": 0.7, "dashArray": "6 6"}
"""How a movement the sources describe is drawn."""

ROLE_LEGEND = {
    "destination": "Destination: solid",
    "origin": "Origin (sent from): hollow ring",
    "transit": "Transit: dashed ring",
    "event": "Event: black ring",
}


def base_map(sectors: pd.DataFrame, *, settings: Settings = SETTINGS, tiles: bool = True) -> folium.Map:
    """The map that stays mounted: tiles, bundled country outlines and the legend.

    Parameters
    ----------
    sectors
        ``Dataset.sectors`` (id, label, colour), for the legend.
    settings
        Centre, zoom and tile source.
    tiles
        Include the online tile layer (the only request that leaves the machine).

    Returns
    -------
    folium.Map
        Built the same way on every call with the same arguments.
    """
    assets.use_local_assets(settings.static_url)
    fmap = folium.Map(
        location=list(settings.map_center), zoom_start=settings.map_zoom, tiles=None,
        min_zoom=settings.min_zoom, max_zoom=settings.max_zoom, control_scale=True,
        world_copy_jump=False, max_bounds=False,
    )
    CountryOutlines(f"{settings.static_url}/outlines/{assets.COUNTRIES_PATH.name}").add_to(fmap)
    if tiles:
        folium.TileLayer(
            tiles=settings.tiles_url, attr=settings.tiles_attribution, name="Light tiles",
            max_zoom=settings.max_zoom, subdomains="abcd",
        ).add_to(fmap)
    Legend(sectors).add_to(fmap)
    fmap.get_root().header.add_child(_Rendered(f"<style>{MAP_CSS}</style>"), name="nkmap_css")
    return fmap


def marker_radius(count: int, max_count: int, settings: Settings = SETTINGS) -> float:
    """Pixel radius for a place with ``count`` reports: area grows with the count."""
    share = math.sqrt(count / max(max_count, 1))
    return round(settings.marker_min_radius + (settings.marker_max_radius - settings.marker_min_radius) * share, 1)


def marker_style(role: str, colour: str) -> dict[str, object]:
    """Leaflet path options for a place whose main role is ``role`` and main sector ``colour``."""
    style = dict(ROLE_STYLES[role])
    colour = css_colour(colour)
    style["color"] = style["color"] or colour
    style["fillColor"] = colour
    return {key: value for key, value in style.items() if value is not None}


def tooltip_html(place: dict | pd.Series) -> str:
    """Place name and report count; carries the place id for click handling."""
    return _tooltip_head(place) + _tooltip_tail(int(place["reports"]))


def _tooltip_head(place: dict | pd.Series) -> str:
    precision = "" if place["precision"] not in AREA_PRECISIONS else f" ({escape(place['precision'])}-level)"
    return f'<span data-place="{escape(place["place_id"])}"><b>{escape(place["name"])}</b>{precision}'


def _tooltip_tail(count: int) -> str:
    return f" · {count} report{'s' if count != 1 else ''}</span>"


def report_html(report: dict | pd.Series, sector_labels: dict[str, str]) -> str:
    """One report in a popup: period, role, sectors, figures, verbatim quote and source."""
    sectors = ", ".join(escape(sector_labels.get(s, s)) for s in report["sector_ids"])
    figures = "".join(f"<li>{escape(label)}: {escape(text)}</li>" for label, text in format_figures(report))
    period = format_period(report["date_start"], report["date_end"], report["date_basis"])
    return (
        '<article class="nk-report">'
        f'<p class="nk-meta"><b>{escape(period)}</b>'
        f" · {escape(report['role'])} · {sectors}</p>"
        + (f'<ul class="nk-figures">{figures}</ul>' if figures else "")
        + f"<blockquote>“{escape(report['quote'])}”</blockquote>"
        f"<cite>{escape(format_citation(report))}</cite>"
        "</article>"
    )


def popup_html(place: dict | pd.Series, reports_html: list[str], total: int) -> str:
    """The popup of one place: the given report HTML (newest first) and how many more there are."""
    return _popup_head(place) + "".join(reports_html) + _popup_tail(total - len(reports_html), len(reports_html))


def _popup_head(place: dict | pd.Series) -> str:
    where = escape(place["name"])
    if place["precision"] in AREA_PRECISIONS:
        where += f' <span class="nk-precision">(reported at {escape(place["precision"])} level, not a city)</span>'
    return f'<div class="nk-popup"><h4>{where}</h4>'


def _popup_tail(more: int, shown: int) -> str:
    """The end of a popup: how many of the place's reports it leaves to the table."""
    if more <= 0:
        return "</div>"
    plural = "s" if more != 1 else ""
    count = f"{more} report{plural}" if shown == 0 else f"+{more} more report{plural}"
    return f'<p class="nk-more">{count} here: see the table below the map.</p></div>'



REPORT_HTML_BYTES = 500
"""Rough size of one report in a popup, to share the popup budget between places."""


def popup_reports_per_place(places: int, settings: Settings = SETTINGS) -> int:
    """How many reports each popup shows: all up to ``popup_max_reports`` when few places are
    shown, fewer when many are, and none when not even one report per place fits: then a popup
    gives the place's count, and clicking the place lists its reports in the table. A step's
    payload grows with places but stays within ``popup_budget_bytes``."""
    fits = settings.popup_budget_bytes // max(places * REPORT_HTML_BYTES, 1)
    return int(max(0, min(settings.popup_max_reports, fits)))


def data_layer(
    places: pd.DataFrame, flows: pd.DataFrame, popups: dict[str, list[str]], sectors: pd.DataFrame,
    *, max_count: int, settings: Settings = SETTINGS, memo: dict | None = None,
) -> folium.FeatureGroup:
    """The layer that changes with the filters: one mark per place, and movement lines.

    Parameters
    ----------
    places
        Output of :func:`geo.aggregate.aggregate_places` for the filtered reports.
    flows
        Output of :func:`geo.aggregate.aggregate_flows` for the same reports.
    popups
        Per place id, the :func:`report_html` of the reports its popup shows, newest first
        (see :func:`popup_reports_per_place`).
    sectors
        ``Dataset.sectors``.
    max_count
        Most reports at any one place in the whole dataset, so sizes don't jump between filters.
    memo
        Where to keep what is computed once per place and style (``Dataset.memo``): the text
        that does not change with the filters.

    Returns
    -------
    folium.FeatureGroup
        Pass it to ``st_folium(feature_group_to_add=...)`` so the map updates in place.
    """
    colours = sectors["colour"].to_dict()
    memo = {} if memo is None else memo
    heads: dict[str, tuple[str, str, str, str]] = memo.setdefault("place_heads", {})
    styles: dict[tuple[str, str], int] = {}  # (role, sector) -> index in the layer's style table
    columns = {name: places[name].tolist() for name in ("place_id", "reports", "role", "sector", "precision")}
    areas = [i for i, precision in enumerate(columns["precision"]) if precision in AREA_PRECISIONS]
    points = [i for i, precision in enumerate(columns["precision"]) if precision not in AREA_PRECISIONS]
    missing = [i for i, place_id in enumerate(columns["place_id"]) if place_id not in heads]
    for i, place in zip(missing, places.iloc[missing].to_dict("records"), strict=True):
        heads[place["place_id"]] = _place_head(place, columns["precision"][i] in AREA_PRECISIONS)
    items = []
    for i in areas + points:  # areas first so points are drawn above them
        place_id, count = columns["place_id"][i], int(columns["reports"][i])
        key, tooltip, popup, size = heads[place_id]
        style = styles.setdefault((columns["role"][i], columns["sector"][i]), len(styles))
        shown = popups.get(place_id, [])
        if not size:
            size = f'"r":{marker_radius(count, max_count, settings)}'
        # The page adds the parts that repeat (see PlacesLayer): the tooltip's count and the
        # popup's "more reports" line, from "c" (reports here) and "m" (reports not in the popup).
        items.append(f'{{{key},"s":{style},{size},"c":{count},"m":{count - len(shown)},'
                     f'"t":{script_json(tooltip)},"h":{script_json(popup + "".join(shown))}}}')
    style_table = [marker_style(role, colours.get(sector, "#999999")) for role, sector in styles]
    lines = []
    top_flows = flows.sort_values(["reports", "from_place_id", "to_place_id"], ascending=[False, True, True])
    for flow in top_flows.head(settings.max_flows).to_dict("records"):
        start = [round(float(flow["from_lat"]), 5), round(float(flow["from_lon"]), 5)]
        end = [round(float(flow["to_lat"]), 5), round(float(flow["to_lon"]), 5)]
        count = int(flow["reports"])
        lines.append({
            "ll": [start, end],
            "a": round(_bearing_on_screen(start, end), 1),
            "t": f"{escape(flow['from_name'])} → {escape(flow['to_name'])} · {count} report{'s' if count != 1 else ''}",
        })
    group = folium.FeatureGroup(name="Reports", control=False)
    PlacesLayer(RawJSON("[" + ",".join(items) + "]"), lines, style_table).add_to(group)
    return group


class RawJSON(str):
    """Text that is already script-safe JSON (see :func:`geo.escape.script_json`)."""


def _place_head(place: dict, is_area: bool) -> tuple[str, str, str, str]:
    """What does not change with the filters for one place: its id and position as JSON members,
    the start of its tooltip and popup HTML, and (for an area) its radius member."""
    key = (f'"id":{script_json(str(place["place_id"]))},'
           f'"ll":[{round(float(place["lat"]), 5)},{round(float(place["lon"]), 5)}]')
    size = f'"area_m":{float(place["radius_km"]) * 1000}' if is_area else ""
    return key, _tooltip_head(place), _popup_head(place), size


def _bearing_on_screen(start: list[float], end: list[float]) -> float:
    """Angle in degrees (clockwise from east) of the line start→end in Web Mercator."""
    def project(lat: float, lon: float) -> tuple[float, float]:
        return math.radians(lon), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    x0, y0 = project(*start)
    x1, y1 = project(*end)
    return math.degrees(math.atan2(-(y1 - y0), x1 - x0))


class _Rendered(Element):
    """Text that is already rendered: added to the page as it is, never compiled as a template."""

    def __init__(self, text: str):
        super().__init__("")
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class ScriptElement(MacroElement):
    """A map element whose script is rendered once, with data passed only as values.

    ``MacroElement.render`` wraps the rendered script in ``Element(text)``, which compiles the
    text as a Jinja template again, so data inside it (a sector label, a place name) would be
    template source: ``{{ 7*7 }}`` would become ``49``, ``{#`` would break the page, and worse
    would run on the server. Here the rendered text is added as it is.
    """

    def render(self, **kwargs) -> None:
        script = self._template.module.__dict__["script"](self, kwargs)
        self.get_root().script.add_child(_Rendered(script), name=self.get_name())


class PlacesLayer(ScriptElement):
    """All places and movement lines of one filter state, drawn from one compact JSON array."""

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function () {
  var layer = L.featureGroup();
  var places = {{ this.places_json }};
  var lines = {{ this.lines_json }};
  lines.forEach(function (f) {
    var line = L.polyline(f.ll, Object.assign({className: "nk-flow"}, {{ this.flow_style }}));
    line.bindTooltip(f.t, {sticky: true});
    layer.addLayer(line);
    var mid = [f.ll[0][0] * 0.3 + f.ll[1][0] * 0.7, f.ll[0][1] * 0.3 + f.ll[1][1] * 0.7];
    var arrow = L.marker(mid, {interactive: false, keyboard: false, icon: L.divIcon({
      className: "nk-arrow", iconSize: [18, 18], iconAnchor: [9, 9],
      html: '<span style="transform: rotate(' + f.a + 'deg)">&#10148;</span>'})});
    layer.addLayer(arrow);
  });
  var styles = {{ this.styles_json }};
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  // As geo.mapping.tooltip_html and popup_html: the server sends each place's text without the
  // parts that repeat, already escaped; only numbers are added here.
  function tooltip(p) { return p.t + " · " + plural(p.c, "report") + "</span>"; }
  function popup(p) {
    var count = p.m === p.c ? plural(p.m, "report") : "+" + plural(p.m, "more report");
    return p.h + (p.m > 0 ? '<p class="nk-more">' + count + " here: see the table below the map.</p>" : "") + "</div>";
  }
  places.forEach(function (p) {
    var options = Object.assign({}, styles[p.s]);
    var mark = p.area_m
      ? L.circle(p.ll, Object.assign(options, {{ this.area_style }},
                                     {radius: p.area_m, color: options.fillColor, className: "nk-place nk-area"}))
      : L.circleMarker(p.ll, Object.assign(options, {radius: p.r, className: "nk-place"}));
    mark.bindTooltip(tooltip(p));
    mark.bindPopup(popup(p), {maxWidth: 380, maxHeight: 360, autoPanPadding: [20, 20]});
    mark.options.placeId = p.id;
    layer.addLayer(mark);
  });
  return layer;
})();
{{ this.get_name() }}.addTo({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, places: list[dict] | RawJSON, lines: list[dict], styles: list[dict]):
        super().__init__()
        self._name = "PlacesLayer"
        self.places_json = places if isinstance(places, RawJSON) else script_json(places)
        self.styles_json = script_json(styles)
        self.lines_json = script_json(lines)
        self.area_style = script_json(AREA_STYLE)
        self.flow_style = script_json(FLOW_STYLE)


OUTLINE_STYLE: dict[str, object] = {"color": "#9a9a9a", "weight": 0.8, "fillColor": "#f4f2ec", "fillOpacity": 1}
"""How the bundled country outlines are drawn (land colour shows wherever tiles are missing)."""


class CountryOutlines(ScriptElement):
    """Bundled Natural Earth outlines in a pane under the tiles: visible only when tiles fail.

    With ``url`` the browser fetches the file once (the dashboard, where the map script is resent
    on every update); without it the outlines are embedded in the page.
    """

    _template = Template("""
{% macro script(this, kwargs) %}
{{ this._parent.get_name() }}.createPane("nkBasemap");
{{ this._parent.get_name() }}.getPane("nkBasemap").style.zIndex = 150;
(function (map) {
  function draw(data) {
    L.geoJSON(data, {pane: "nkBasemap", interactive: false, style: {{ this.style_json }}}).addTo(map);
  }
  {% if this.url %}
  fetch({{ this.url_json }}).then(function (r) { return r.json(); }).then(draw);
  {% else %}
  draw({{ this.data_json }});
  {% endif %}
})({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, url: str | None = None):
        super().__init__()
        self._name = "CountryOutlines"
        self.url = url
        self.url_json = script_json(url)
        self.data_json = "" if url else _countries_json()
        self.style_json = script_json(OUTLINE_STYLE)


@functools.lru_cache(maxsize=1)
def _countries_json() -> str:
    """The bundled outlines as script-safe JSON, serialised once per process."""
    return script_json(assets.countries_geojson())


class Legend(ScriptElement):
    """Sector colours and role shapes, as a collapsible Leaflet control."""

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.control({position: "bottomright"});
{{ this.get_name() }}.onAdd = function () {
  var div = L.DomUtil.create("div", "nk-legend");
  div.innerHTML = {{ this.html_json }};
  // On a short map (a phone, a shared screen) start with the legend folded.
  var size = {{ this._parent.get_name() }}.getSize();
  if (size.y < 560 || size.x < 600) { div.querySelector("details").open = false; }
  L.DomEvent.disableClickPropagation(div);
  L.DomEvent.disableScrollPropagation(div);
  return div;
};
{{ this.get_name() }}.addTo({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, sectors: pd.DataFrame):
        super().__init__()
        self._name = "Legend"
        self.html_json = script_json(legend_html(sectors))


def legend_html(sectors: pd.DataFrame) -> str:
    """The legend's HTML: a swatch per sector, a sample per role, and what areas mean."""
    rows = "".join(
        '<li><svg width="14" height="14" aria-hidden="true">'
        f'<circle cx="7" cy="7" r="6" fill="{css_colour(s.colour)}"/></svg>'
        f"{escape(s.label)}</li>"
        for s in sectors.itertuples()
    )
    roles = "".join(
        f'<li><svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="6" '
        f'fill="#777" fill-opacity="{ROLE_STYLES[r]["fillOpacity"]}" stroke="{ROLE_STYLES[r]["color"] or "#777"}" '
        f'stroke-width="{min(float(ROLE_STYLES[r]["weight"]), 3)}" '
        f'stroke-dasharray="{ROLE_STYLES[r]["dashArray"] or "none"}"/></svg>{escape(ROLE_LEGEND[r])}</li>'
        for r in ROLES
    )
    return (
        '<details open><summary>Legend</summary>'
        f'<p class="nk-legend-h">Colour: main sector</p><ul>{rows}</ul>'
        f'<p class="nk-legend-h">Outline: main role</p><ul class="nk-roles">{roles}</ul>'
        '<p class="nk-legend-h">Size: number of reports</p>'
        '<p class="nk-legend-note">Wide pale circles: reports about a whole province, region or '
        "country, drawn at that precision, not at a city. Dashed arrows: movements the sources describe.</p>"
        "</details>"
    )


MAP_CSS = (assets.ASSETS_DIR / "map.css").read_text(encoding="utf-8")
