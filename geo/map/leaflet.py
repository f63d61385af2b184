"""Build the Folium map: a fixed base map, and one layer of places and movements per filter state.

The elements here only wire data to the map's script (``geo/map/static/nkmap/``), which draws everything. Data goes in
as JSON values, never as template source. The base map (script, outlines, tiles, legend, map
settings) is the same on every rerun, so streamlit-folium keeps the iframe mounted; everything that
depends on the filters goes into one ``FeatureGroup`` whose size grows with places, not reports.
"""

from __future__ import annotations

import json
from pathlib import Path

import folium
from branca.element import Element, MacroElement
from folium.elements import ElementAddToElement, JSCSSMixin
from jinja2 import Template

from ..data.load import Dataset
from ..data.outlines import COUNTRIES_PATH
from ..escape import escape, script_json
from ..i18n import DEFAULT_LANGUAGE, normalise
from ..settings import SETTINGS, Settings
from . import static_files
from .records import map_config
from .style import OUTLINE_STYLE, legend_html


class _Rendered(Element):
    """Text that is already rendered: added to the page as it is, never compiled as a template."""

    def __init__(self, text: str):
        super().__init__("")
        self.text = text

    def render(self, **kwargs) -> str:
        return self.text


class ScriptElement(MacroElement):
    """A map element whose script is one call into the map's script (``nkmap``), with data passed only as values.

    ``MacroElement.render`` wraps the rendered script in ``Element(text)``, which compiles the
    text as a Jinja template again, so data inside it (a sector label, a place name) would be
    template source: ``{{ 7*7 }}`` would become ``49``, ``{#`` would break the page, and worse
    would run on the server. Here the rendered text is added as it is.
    """

    _template = Template("{% macro script(this, kwargs) %}{{ this.call(kwargs) }}{% endmacro %}")

    def __init__(self, name: str):
        super().__init__()
        self._name = name

    def call(self, kwargs: dict) -> str:
        """The script: one statement calling ``nkmap``."""
        raise NotImplementedError

    def render(self, **kwargs) -> None:
        script = self._template.module.__dict__["script"](self, kwargs)
        self.get_root().script.add_child(_Rendered(script), name=self.get_name())


class LinkedMap(folium.Map):
    """The dashboard's base map: as ``folium.Map``, with its header's lines (meta tags, styles, the
    map's switches) without the indentation of folium's templates, since streamlit-folium sends the
    header again with every step (1.1 KB to 0.6 KB)."""

    def render(self, **kwargs) -> None:
        super().render(**kwargs)
        header = self.get_root().header
        for name, child in list(header._children.items()):
            if type(child) is Element:  # text folium made from its templates; links are left alone
                lines = (line.strip() for line in child.render().splitlines())
                header._children[name] = _Rendered("\n".join(line for line in lines if line))


class MapSetup(ScriptElement):
    """Country outlines, the legend and the settings every layer of the dataset is drawn with.

    With ``base``, the settings and the legend are not in the script: it reads them from
    ``nkmap.bases[base]``, which a script linked by :class:`MapAssets` sets (the dashboard's map,
    whose script streamlit-folium sends again with every step).
    """

    def __init__(self, config: dict, legend: str, outlines_url: str, *, base: str | None = None):
        super().__init__("MapSetup")
        if base is None:
            values = [script_json(config), script_json(legend)]
        else:
            held = f"nkmap.bases[{script_json(base)}]"
            values = [f"{held}.config", f"{held}.legend"]
        self.arguments = ", ".join([*values, script_json(outlines_url), script_json(OUTLINE_STYLE)])

    def call(self, kwargs: dict) -> str:
        return f"nkmap.setup({self._parent.get_name()}, {self.arguments});"


class MapAssets(JSCSSMixin):
    """The script a linked base map loads after Leaflet and ``nkmap.js``, holding its settings,
    legend and styles (:func:`geo.map.static_files.write_base_script`; streamlit-folium loads it
    once per frame)."""

    _template = Template("")

    def __init__(self, script_url: str):
        super().__init__()
        self._name = "MapAssets"
        self.default_js = [("nkmap_base", script_url)]


class PlacesGroup(folium.FeatureGroup):
    """All places and movement lines of one filter state: an ``nkmap.Places`` layer (``places.js``).

    A folium ``FeatureGroup`` (so ``st_folium(feature_group_to_add=...)`` takes it and swaps it in
    place) whose Leaflet layer is ``nkmap.Places`` rather than a plain ``L.featureGroup``. Its
    script is added as it is, never compiled as a template (see :class:`ScriptElement`).
    """

    _template = Template("{% macro script(this, kwargs) %}{{ this.call() }}{% endmacro %}")

    def __init__(self, records_json: str, *, presenting: bool = False):
        super().__init__(name="Reports", control=False)
        self.records_json = records_json
        self.layer_options = json.dumps({"fitFirstView": True, "presenting": presenting, "foldLegend": True,
                                         "announce": True})

    def call(self) -> str:
        """The script: the layer, made from the records (records from :func:`geo.map.records.layer_json`)."""
        return f"var {self.get_name()} = nkmap.places({self.records_json}, {self.layer_options});"

    def render(self, **kwargs) -> None:
        # As folium's Layer.render (added to its parent) and ScriptElement.render (the script as it is).
        if self.show:
            self.add_child(ElementAddToElement(element_name=self.get_name(),
                                               element_parent_name=self._parent.get_name()),
                           name=self.get_name() + "_add")
        self.get_root().script.add_child(_Rendered(self.call()), name=self.get_name())
        for element in self._children.values():
            element.render(**kwargs)


def base_map(dataset: Dataset, *, settings: Settings = SETTINGS, tiles: bool = True,
             lang: str = DEFAULT_LANGUAGE, static_dir: Path | None = None) -> folium.Map:
    """The map that stays mounted: the map's script, outlines, tiles, legend and map settings.

    Parameters
    ----------
    dataset
        The loaded dataset (sector colours and labels, the largest count per place).
    settings
        Centre, zoom and tile source.
    tiles
        Include the online tile layer (the only request that leaves the machine).
    lang
        The language of the legend and of every word the map's script writes (tooltips, popups,
        screen readers' names): :data:`geo.i18n.LANGUAGES`, English for others. The places layer
        names places in its own ``lang`` (:func:`geo.map.layers.view_layer`).
    static_dir
        The app's static folder (the dashboard's): the style table, the legend and the map's words
        and ``map.css`` are written there as a script (:func:`geo.map.static_files.write_base_script`)
        that the map links, so the map's script and header stay about 1 KB each (streamlit-folium
        sends both again with every step). ``None``: all inline, for a map rendered on its own.

    Returns
    -------
    folium.Map
        Built the same way on every call with the same arguments.
    """
    static_files.use_local_assets(settings.static_url)
    fmap = (folium.Map if static_dir is None else LinkedMap)(
        location=list(settings.map_center), zoom_start=settings.map_zoom, tiles=None,
        min_zoom=settings.min_zoom, max_zoom=settings.max_zoom, control_scale=True,
        world_copy_jump=False, max_bounds=False,
    )
    if tiles:
        folium.TileLayer(
            tiles=settings.tiles_url, attr=settings.tiles_attribution, name="Light tiles",
            max_zoom=settings.max_zoom, subdomains="abcd",
        ).add_to(fmap)
    outlines = f"{settings.static_url}/outlines/{COUNTRIES_PATH.name}"
    lang = normalise(lang) or DEFAULT_LANGUAGE
    config = map_config(dataset, more="table", settings=settings, lang=lang)
    legend = legend_html(dataset.sectors, lang=lang)
    if static_dir is None:
        MapSetup(config, legend, outlines).add_to(fmap)
        fmap.get_root().header.add_child(_Rendered(f"<style>{static_files.map_css()}</style>"), name="nkmap_css")
        return fmap
    base = static_files.write_base_script(static_dir, {"config": config, "legend": legend},
                                          css=static_files.map_css())
    MapAssets(static_files.base_script_url(settings.static_url, base)).add_to(fmap)
    MapSetup(config, legend, outlines, base=base).add_to(fmap)
    return fmap


def data_layer(records_json: str, *, compact_legend: bool = False) -> folium.FeatureGroup:
    """The layer that changes with the filters, for ``st_folium(feature_group_to_add=...)``.

    Parameters
    ----------
    records_json
        :func:`geo.map.records.layer_json` of the filter state.
    compact_legend
        The presenter's map: list only what the map shows in an open legend.

    Returns
    -------
    folium.FeatureGroup
        A :class:`PlacesGroup`; the map updates in place.
    """
    return PlacesGroup(records_json, presenting=compact_legend)


class PlacesStep(PlacesGroup):
    """A :class:`PlacesGroup` made in the browser from a step (``nkmap.step``, ``step.js``): the
    places and reports' words the map already holds, and the numbers of this filter state."""

    def call(self) -> str:
        """The script: the layer, made from the step (from :func:`geo.map.step.step_json`)."""
        return f"var {self.get_name()} = nkmap.step({self.records_json}, {self.layer_options});"


def step_layer(step_json: str, *, compact_legend: bool = False) -> folium.FeatureGroup:
    """As :func:`data_layer`, from a step (:func:`geo.map.step.step_json`) rather than whole records."""
    return PlacesStep(step_json, presenting=compact_legend)


def places_map(places: list[dict], *, settings: Settings = SETTINGS) -> folium.Map:
    """A small map of new places (the review page's), drawn with the app's own Leaflet.

    Parameters
    ----------
    places
        Rows of ``places.csv`` (``name``, ``lat``, ``lon``).
    """
    static_files.use_local_assets(settings.static_url)
    fmap = folium.Map(location=list(settings.map_center), zoom_start=settings.map_zoom - 1, tiles=None,
                      min_zoom=settings.min_zoom, max_zoom=settings.max_zoom)
    MapSetup(_empty_config(), "", f"{settings.static_url}/outlines/{COUNTRIES_PATH.name}").add_to(fmap)
    NewPlaces(places).add_to(fmap)
    return fmap


class NewPlaces(ScriptElement):
    """Circle markers with the places' names as tooltips, passed as values: a stock folium tooltip is
    compiled as a Jinja template again, so a name like ``{{ 7*7 }}`` would run on the server."""

    def __init__(self, places: list[dict]):
        super().__init__("NewPlaces")
        self.markers = script_json([[float(p["lat"]), float(p["lon"]), escape(p["name"])] for p in places])

    def call(self, kwargs: dict) -> str:
        return (f"{self.markers}.forEach(function (p) {{ L.circleMarker([p[0], p[1]], {{radius: 7, "
                f"color: '#1a66d2', fill: true}}).bindTooltip(p[2]).addTo({self._parent.get_name()}); }});")


def _empty_config() -> dict:
    return {"styles": [], "radius": {}, "more": "table"}
