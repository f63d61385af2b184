"""The map's static files: local Leaflet files, the map's script (``static/nkmap/``, joined) and ``static/map.css``."""

from __future__ import annotations

import base64
import filecmp
import functools
import hashlib
import os
import re
import shutil
import tempfile
from pathlib import Path

import folium
import xstatic.pkg.leaflet as xstatic_leaflet

from ..data.outlines import COUNTRIES_PATH

ASSETS_DIR: Path = Path(__file__).resolve().parent / "static"
"""Folder of the map's committed static files (``nkmap/``, ``map.css``, the page's scripts)."""

SCRIPT_DIR: Path = ASSETS_DIR / "nkmap"
"""The parts of the map's one drawing script, each a file of its own (tests/js/ tests them one by one)."""

SCRIPT_PARTS: tuple[str, ...] = ("words.js", "geometry.js", "aggregate.js", "declutter.js", "setup.js", "places.js",
                                  "step.js")
"""The parts in the order :func:`map_script` joins them: each adds to the ``nkmap`` object what the
parts after it may use (only ``setup.js`` and ``places.js`` need Leaflet when they load)."""

SCRIPT_NAME: str = "nkmap.js"
"""The joined script's name where the dashboard is served it (``static/vendor/nkmap/``)."""

BASES_DIR: str = "bases"
"""Folder under ``static/vendor/nkmap/`` of the dashboard's base scripts (:func:`write_base_script`)."""

LEAFLET_VERSION: str = xstatic_leaflet.VERSION
"""Leaflet version shipped by xstatic-leaflet (folium 0.20 links 1.9.3)."""

LEAFLET_FILES: tuple[str, ...] = ("leaflet.js", "leaflet.css")
"""Files copied from :func:`leaflet_dir`, besides the ``images/`` folder."""

STATIC_URL: str = "../../app/static/vendor"
"""URL of ``./static/vendor`` as seen from the streamlit-folium iframe.

Streamlit serves ``./static/`` at ``{baseUrlPath}/app/static/`` when ``[server]
enableStaticServing = true``, and the st_folium iframe document is
``{baseUrlPath}/component/streamlit_folium.st_folium/index.html``; its loader sets
``script.src`` to the link as given, so relative links resolve against that document.
``../../app/static/vendor`` therefore reaches the files with or without a
``server.baseUrlPath``; ``/app/static/vendor`` works only without one, and
``app/static/vendor`` 404s (it lands under ``/component/...``). Checked in Chromium.
"""

_SOURCE_MAP = re.compile(r"\n?//# sourceMappingURL=\S+\s*$")
_CSS_URL = re.compile(r"url\((['\"]?)(images/[A-Za-z0-9_.-]+\.png)\1\)")


def leaflet_dir() -> Path:
    """Return the folder holding xstatic-leaflet's Leaflet build.

    Returns
    -------
    Path
        ``xstatic.pkg.leaflet.BASE_DIR``: holds ``leaflet.js``, ``leaflet.css`` and ``images/``.
    """
    return Path(xstatic_leaflet.BASE_DIR)


def _copy_if_changed(src: Path, dst: Path) -> None:
    """Copy ``src`` to ``dst`` unless ``dst`` already has the same bytes."""
    if dst.is_file() and filecmp.cmp(src, dst, shallow=False):
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dst)


def install_static(static_dir: Path) -> Path:
    """Copy Leaflet into ``static_dir/vendor/leaflet`` so Streamlit can serve it.

    Copies ``leaflet.js``, ``leaflet.css`` and ``images/*.png``. Files whose bytes already
    match are left alone, so this is cheap to call on every start.

    Parameters
    ----------
    static_dir : Path
        The app's ``static`` folder (next to the entry script), served at ``/app/static/``.

    Returns
    -------
    Path
        The ``vendor/leaflet`` folder that now holds the files.
    """
    src = leaflet_dir()
    dest = Path(static_dir) / "vendor" / "leaflet"
    for name in LEAFLET_FILES:
        _copy_if_changed(src / name, dest / name)
    for image in sorted((src / "images").glob("*.png")):
        _copy_if_changed(image, dest / "images" / image.name)
    # The outlines are fetched once by the browser rather than resent with every map update.
    _copy_if_changed(COUNTRIES_PATH, Path(static_dir) / "vendor" / "outlines" / COUNTRIES_PATH.name)
    _write_if_changed(map_script(), Path(static_dir) / "vendor" / "nkmap" / SCRIPT_NAME)
    return dest


def write_base_script(static_dir: Path, values: dict[str, object], *, css: str = "") -> str:
    """Keep ``values`` (a dataset's style table, legend, words) and ``css`` as a script the app serves;
    return its key.

    The script sets ``nkmap.bases[key]`` to ``values`` and adds ``css`` to the document as a
    ``<style>`` element. streamlit-folium loads its scripts one after another before it runs the
    map's, so the styles apply before the map is made, as an inline header's did (a stylesheet
    ``<link>`` loads on its own time: the presenter's first fit measured an unstyled map). The key is
    a hash of the script, so a file once written never changes, and a map that names it stays the
    same until what it holds does. It is written to ``static_dir/vendor/nkmap/bases/{key}.js``
    unless already there (through a temporary file and a rename, so a browser never reads half of it).

    Parameters
    ----------
    static_dir
        The app's ``static`` folder (as for :func:`install_static`).
    values
        JSON values; text from the data must already be escaped for HTML.
    css
        Styles to add to the map's document (``map.css``).

    Returns
    -------
    str
        The key: 16 hexadecimal digits.
    """
    from ..escape import script_json

    body = script_json(values)
    styles = (f"(function (css) {{ var style = document.createElement(\"style\"); style.textContent = css; "
              f"document.head.appendChild(style); }})({script_json(css)});\n") if css else ""
    key = hashlib.sha256((body + "\0" + styles).encode("utf-8")).hexdigest()[:16]
    path = Path(static_dir) / "vendor" / "nkmap" / BASES_DIR / f"{key}.js"
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        text = f"nkmap.bases = nkmap.bases || {{}};\nnkmap.bases[{script_json(key)}] = {body};\n{styles}"
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    return key


def base_script_url(base_url: str, key: str) -> str:
    """Where the map's frame finds the script :func:`write_base_script` wrote under ``key``."""
    return f"{base_url.rstrip('/')}/nkmap/{BASES_DIR}/{key}.js"


def _write_if_changed(text: str, dst: Path) -> None:
    """Write ``text`` to ``dst`` unless ``dst`` already holds it."""
    data = text.encode("utf-8")
    if dst.is_file() and dst.read_bytes() == data:
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_bytes(data)


def use_local_assets(base_url: str = STATIC_URL) -> None:
    """Make every ``folium.Map`` load Leaflet and ``nkmap.js`` from local files, nothing from a CDN.

    Replaces the class-level ``folium.Map.default_js`` / ``default_css`` with Leaflet's JS
    and CSS under ``{base_url}/leaflet/`` and the map's drawing script under ``{base_url}/nkmap/``.
    jQuery, Bootstrap (JS, CSS, glyphicons), Font Awesome, Leaflet.awesome-markers and
    ``leaflet.awesome.rotate`` are dropped.
    ``CircleMarker``, ``GeoJson`` (also with ``marker=CircleMarker``), ``GeoJsonTooltip``,
    ``GeoJsonPopup``, ``Tooltip``, ``PolyLine``, ``Polygon``, ``FeatureGroup`` and
    ``LayerControl`` need only Leaflet. What breaks without the dropped files:
    ``folium.Popup`` (and ``popup=`` on markers), ``Map.keep_in_front`` and
    ``GeoJson(embed=False)`` all call jQuery's ``$``; ``folium.Icon`` needs awesome-markers.
    Plugins and ``branca`` colormaps bring their own CDN links and are not handled here.
    Idempotent; affects maps created or rendered after the call.

    Parameters
    ----------
    base_url : str, default STATIC_URL
        URL of the folder holding ``leaflet/`` (what :func:`install_static` made), as the page
        that loads the map sees it. The default suits ``st_folium`` (see :data:`STATIC_URL`);
        for an HTML file saved next to a ``vendor/`` folder, pass ``"vendor"``.
    """
    base = base_url.rstrip("/")
    folium.Map.default_js = [("leaflet", f"{base}/leaflet/leaflet.js"), ("nkmap", f"{base}/nkmap/{SCRIPT_NAME}")]
    folium.Map.default_css = [("leaflet_css", f"{base}/leaflet/leaflet.css")]


@functools.lru_cache(maxsize=1)
def map_css() -> str:
    """The styles inside the map (legend, popups, arrows), shared by the dashboard and the export."""
    return (ASSETS_DIR / "map.css").read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def map_script() -> str:
    """The map's one drawing script: the parts in ``static/nkmap/`` joined in :data:`SCRIPT_PARTS`'s order.

    Served to the dashboard as ``nkmap.js`` and inlined in the standalone export. It defines one
    global, ``nkmap``; each part adds to it.

    Returns
    -------
    str
        The script's text.
    """
    head = ("/* The map's drawing script, joined from geo/map/static/nkmap/ by geo.map.static_files.map_script:"
            " edit the parts, not this. */\nvar nkmap = {};\n")
    parts = (f"\n/* ---- {name} ---- */\n" + (SCRIPT_DIR / name).read_text(encoding="utf-8") for name in SCRIPT_PARTS)
    return head + "".join(parts)


@functools.lru_cache(maxsize=1)
def page_scripts() -> str:
    """The dashboard page's own scripts: ``history.js`` (settled changes of view as entries of the
    browser's history), ``keyboard.js`` (fewer and named keyboard stops), ``screen.js`` (the
    presenter's map fills the screen below the controls), ``years.js`` (one year printed once over
    the slider's thumb), ``pause.js`` (the presenter's Pause
    sends the years on the screen) and ``printout.js`` (the printed list of reports put together
    from its parts)."""
    return "\n".join((ASSETS_DIR / name).read_text(encoding="utf-8")
                     for name in ("history.js", "keyboard.js", "screen.js", "years.js", "pause.js", "printout.js"))


def _data_uri(path: Path) -> str:
    """Encode a PNG file as a ``data:`` URI."""
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")


@functools.lru_cache(maxsize=1)
def inline_leaflet() -> tuple[str, str]:
    """Return Leaflet's CSS and JS as text, for a self-contained HTML file.

    The CSS's ``url(images/*.png)`` references (layer-control icon, default marker icon)
    are replaced with ``data:`` URIs, and the ``sourceMappingURL`` comments are removed, so
    the text makes no request of its own. Default ``Marker`` icons still will not show:
    Leaflet derives their folder from that CSS URL. Use vector layers (``CircleMarker``).

    Returns
    -------
    tuple of str
        ``(css_text, js_text)``, to put in ``<style>`` and ``<script>`` elements.
    """
    src = leaflet_dir()
    css = (src / "leaflet.css").read_text(encoding="utf-8")
    css = _CSS_URL.sub(lambda m: f'url("{_data_uri(src / m.group(2))}")', css)
    js = (src / "leaflet.js").read_text(encoding="utf-8")
    js = _SOURCE_MAP.sub("\n", js)
    return _SOURCE_MAP.sub("\n", css), js
