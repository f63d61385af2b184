"""The bundled country outlines (``countries.geojson``): the map's base layer and the border check's shapes."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

COUNTRIES_PATH: Path = Path(__file__).resolve().parent / "countries.geojson"
"""Natural Earth 1:50m country outlines, clipped to north-east Asia (see ``countries.md`` beside it)."""


@functools.lru_cache(maxsize=1)
def _countries_text() -> str:
    """Read ``countries.geojson`` once per process."""
    return COUNTRIES_PATH.read_text(encoding="utf-8")


def countries_geojson() -> dict[str, Any]:
    """Return the bundled country outlines as a GeoJSON FeatureCollection.

    The file is read once (cached); each call parses a fresh dict, because folium may write
    into the data it is given (ids, styles) and a shared dict would leak between maps.

    Returns
    -------
    dict
        FeatureCollection of (Multi)Polygons with one property, ``name`` (Natural Earth's
        short English name, e.g. ``"China"``, ``"North Korea"``), clipped to lon 72-146,
        lat 17-54.
    """
    return json.loads(_countries_text())
