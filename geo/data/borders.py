"""Check that each place lies in the country it names, using the bundled outlines (catches swapped lat/lon)."""

from __future__ import annotations

import functools

import pandas as pd
import shapely
from shapely.geometry import shape

from ..errors import Problem
from .outlines import countries_geojson

# ISO 3166-1 alpha-2 codes of the countries in the bundled outlines, by their Natural Earth names.
OUTLINE_NAMES: dict[str, str] = {
    "CN": "China", "KP": "North Korea", "KR": "South Korea", "JP": "Japan", "MN": "Mongolia",
    "RU": "Russia", "TW": "Taiwan", "HK": "Hong Kong", "MO": "Macao", "VN": "Vietnam", "LA": "Laos",
    "MM": "Myanmar", "TH": "Thailand", "PH": "Philippines", "KZ": "Kazakhstan", "IN": "India",
}
OUTLINE_FRAME = (72.0, 17.0, 146.0, 54.0)
"""The outlines are clipped to this box (min lon, min lat, max lon, max lat); see ``outlines.countries_geojson``.
A point outside it cannot be checked against them (e.g. central Russia), so it is not."""
TOLERANCE_KM = 25.0  # outlines are simplified; coastal cities may sit just outside them
KM_PER_DEGREE = 111.0


@functools.lru_cache(maxsize=1)
def country_shapes() -> dict[str, shapely.Geometry]:
    """Outline geometry per ISO alpha-2 code, for the countries the bundled layer covers."""
    by_name = {f["properties"]["name"]: shape(f["geometry"]) for f in countries_geojson()["features"]}
    return {code: by_name[name] for code, name in OUTLINE_NAMES.items() if name in by_name}


def _clipped(outline: shapely.Geometry) -> bool:
    """Whether an outline was cut by ``OUTLINE_FRAME`` (the country goes on beyond it)."""
    west, south, east, north = outline.bounds
    frame_west, frame_south, frame_east, frame_north = OUTLINE_FRAME
    edge = 0.01
    return (west <= frame_west + edge or south <= frame_south + edge
            or east >= frame_east - edge or north >= frame_north - edge)


def places_outside_their_country(places: pd.DataFrame, file: str) -> list[Problem]:
    """A problem for each place more than ``TOLERANCE_KM`` outside the country it names.

    Parameters
    ----------
    places
        Raw ``places.csv`` rows (text cells and ``_line``) that passed the schema.
    file
        How messages name the file.

    Returns
    -------
    list of Problem
        Countries the bundled outlines don't cover (e.g. AE, or an empty code) are not checked,
        nor are points outside ``OUTLINE_FRAME`` in a country the frame cuts (e.g. Russia north of
        54°N), where its outline stops. A point outside the frame in a country wholly inside it
        (China, North Korea, Mongolia) is still checked.
    """
    shapes = country_shapes()
    problems = []
    for country, lat_text, lon_text, line in zip(
        places["country"], places["lat"], places["lon"], places["_line"], strict=True
    ):
        outline = shapes.get(country)
        if outline is None:
            continue
        lat, lon = float(lat_text), float(lon_text)
        west, south, east, north = OUTLINE_FRAME
        if not (west <= lon <= east and south <= lat <= north) and _clipped(outline):
            continue  # e.g. central Russia: the outline stops at the frame, so it cannot judge the point
        distance_km = shapely.distance(outline, shapely.Point(lon, lat)) * KM_PER_DEGREE
        if distance_km > TOLERANCE_KM:
            swapped = outline.contains(shapely.Point(lat, lon)) if -90 <= lon <= 90 else False
            hint = "; lat and lon look swapped" if swapped else "; check lat, lon and country"
            problems.append(Problem(
                file, int(line), "lat",
                f"({lat}, {lon}) is about {distance_km:,.0f} km outside {OUTLINE_NAMES[country]} "
                f"({country}){hint}",
            ))
    return problems
