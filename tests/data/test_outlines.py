"""Tests for geo.data.outlines: the bundled country outlines, whole, valid and small."""

from __future__ import annotations

import json
from collections.abc import Iterator

import shapely
from shapely.geometry import shape

from geo.data import outlines

CLIP_BOX = (72.0, 17.0, 146.0, 54.0)
MAX_BYTES = 300 * 1024


def iter_positions(coords: object) -> Iterator[list[float]]:
    """Yield every [lon, lat] position in nested GeoJSON coordinates."""
    assert isinstance(coords, list)
    if coords and isinstance(coords[0], int | float):
        yield coords
    else:
        for c in coords:
            yield from iter_positions(c)


# --- the basemap -------------------------------------------------------------------------


def test_basemap_is_feature_collection_within_clip_box() -> None:
    data = json.loads(outlines.COUNTRIES_PATH.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    assert data["features"]
    west, south, east, north = CLIP_BOX
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert set(feature["properties"]) == {"name"}
        assert isinstance(feature["properties"]["name"], str)
        geometry = feature["geometry"]
        assert geometry["type"] in {"Polygon", "MultiPolygon"}
        for lon, lat in iter_positions(geometry["coordinates"]):
            assert west <= lon <= east and south <= lat <= north, feature["properties"]
            assert round(lon, 3) == lon and round(lat, 3) == lat
        assert shape(geometry).is_valid, feature["properties"]["name"]


def test_basemap_covers_the_region_without_gaps() -> None:
    data = outlines.countries_geojson()
    by_name = {f["properties"]["name"]: shape(f["geometry"]) for f in data["features"]}
    for name in ["China", "North Korea", "South Korea", "Mongolia", "Japan", "Russia"]:
        assert name in by_name
    # China whole: Xinjiang's west tip, Heilongjiang's north and east, Hainan's south.
    west, south, east, north = by_name["China"].bounds
    assert west < 74.0 and east > 134.5 and south < 18.5 and north > 53.4
    # Neighbours share borders exactly (coverage simplification): no gaps or overlaps.
    assert shapely.coverage_is_valid(list(by_name.values()))
    assert by_name["China"].intersection(by_name["North Korea"]).length > 5  # ~8.8 deg of border


def test_basemap_is_small() -> None:
    assert outlines.COUNTRIES_PATH.stat().st_size < MAX_BYTES


def test_countries_geojson_returns_a_fresh_dict() -> None:
    first = outlines.countries_geojson()
    first["features"].clear()
    second = outlines.countries_geojson()
    assert second["features"]
    assert second == json.loads(outlines.COUNTRIES_PATH.read_text(encoding="utf-8"))
