"""Build geo/data/countries.geojson, the bundled country-outline layer, from world-atlas.

Natural Earth 1:50m Admin 0 countries (public domain) come as TopoJSON in the npm package
``world-atlas``. This script fetches the pinned version with ``npm pack`` into a temporary
folder, checks the tarball against its pinned sha512 integrity, reads ``countries-50m.json``
with geopandas/pyogrio (GDAL's TopoJSON driver), clips it to a box around north-east Asia,
simplifies it as a coverage (shared borders stay shared, so neighbours never gap or overlap),
rounds coordinates to 3 decimals and writes the result deterministically: the same input gives
the same bytes.

Run it with ``uv run python scripts/make_basemap.py``. It needs ``npm`` and the npm registry;
the app itself never does.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import box, mapping

WORLD_ATLAS_VERSION = "2.0.2"
# `npm view world-atlas@2.0.2 dist.integrity`
WORLD_ATLAS_INTEGRITY = (
    "sha512-IXfV0qwlKXpckz1FhwXVwKRjiIhOnWttOskm5CtxMsjgE/"
    "MXAYRHWJqgXOpM8IkcPBoXnyTU5lFHcYa5ChG0LQ=="
)
SOURCE_FILE = "countries-50m.json"
SOURCE_LAYER = "countries"

# (min lon, min lat, max lon, max lat): all of China, both Koreas, Mongolia, Japan and the
# Russian Far East near Korea.
CLIP_BOX = (72.0, 17.0, 146.0, 54.0)
# Visvalingam-Whyatt tolerance: roughly the square root of the area (deg^2) of removed triangles.
SIMPLIFY_TOLERANCE = 0.03
DECIMALS = 3
# Parts smaller than this after simplification (deg^2, about 12 km^2 at 40 N) are dropped.
MIN_PART_AREA = 0.001

REPO_ROOT = Path(__file__).resolve().parent.parent
OUTPUT = REPO_ROOT / "geo" / "data" / "countries.geojson"


def fetch_world_atlas(workdir: Path) -> Path:
    """Download the pinned world-atlas tarball with ``npm pack`` and extract the source file.

    Parameters
    ----------
    workdir : Path
        An empty temporary folder.

    Returns
    -------
    Path
        Path of the extracted ``countries-50m.json``.
    """
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("npm is needed to fetch world-atlas (apt-get install npm)")
    subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [
            npm,
            "pack",
            f"world-atlas@{WORLD_ATLAS_VERSION}",
            "--pack-destination",
            str(workdir),
            "--loglevel=error",
        ],
        check=True,
        cwd=workdir,
        stdout=subprocess.DEVNULL,
    )
    tarball = workdir / f"world-atlas-{WORLD_ATLAS_VERSION}.tgz"
    algo, _, expected = WORLD_ATLAS_INTEGRITY.partition("-")
    digest = base64.b64encode(hashlib.new(algo, tarball.read_bytes()).digest()).decode()
    if digest != expected:
        sys.exit(f"{tarball.name}: integrity mismatch ({algo}-{digest})")
    member = f"package/{SOURCE_FILE}"
    with tarfile.open(tarball) as tar:
        tar.extract(member, path=workdir, filter="data")
    return workdir / member


def polygon_parts(geom: shapely.Geometry) -> shapely.Geometry | None:
    """Keep only the polygonal parts of a geometry (clipping can leave lines and points).

    Parameters
    ----------
    geom : shapely.Geometry
        Any geometry.

    Returns
    -------
    shapely.Geometry or None
        A MultiPolygon of the polygon parts, or None if there are none.
    """
    polys = [
        p
        for p in shapely.get_parts(geom)
        if p.geom_type in ("Polygon", "MultiPolygon") and not p.is_empty
    ]
    polys = [q for p in polys for q in shapely.get_parts(p)]
    return shapely.MultiPolygon(polys) if polys else None


def build(source: Path) -> dict[str, Any]:
    """Read, clip, simplify and round the countries layer.

    Parameters
    ----------
    source : Path
        The world-atlas ``countries-50m.json`` TopoJSON file.

    Returns
    -------
    dict
        A GeoJSON FeatureCollection, features sorted by name, properties ``name`` only.
    """
    gdf = gpd.read_file(source, layer=SOURCE_LAYER, engine="pyogrio")
    clip = box(*CLIP_BOX)
    gdf = gdf[gdf.intersects(clip)]
    # Russia's outline crosses the antimeridian and is invalid as read; repair before clipping.
    clipped = [polygon_parts(shapely.make_valid(g).intersection(clip)) for g in gdf.geometry]
    rows = sorted(
        (name, geom) for name, geom in zip(gdf["name"], clipped, strict=True) if geom is not None
    )
    names = [name for name, _ in rows]
    geoms = np.array([geom for _, geom in rows], dtype=object)
    if not shapely.coverage_is_valid(geoms):
        sys.exit("clipped countries do not form a valid coverage")
    simplified = shapely.coverage_simplify(geoms, SIMPLIFY_TOLERANCE)
    features = []
    for name, geom in zip(names, simplified, strict=True):
        geom = shapely.set_precision(geom, 10**-DECIMALS)
        parts = [p for p in shapely.get_parts(geom) if p.area >= MIN_PART_AREA]
        if not parts:
            continue
        geom = shapely.orient_polygons(shapely.MultiPolygon(parts), exterior_cw=False)
        if len(parts) == 1:
            geom = geom.geoms[0]
        features.append(
            {
                "type": "Feature",
                "properties": {"name": name},
                "geometry": round_coords(mapping(geom)),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def round_coords(geometry: dict[str, Any]) -> dict[str, Any]:
    """Round every coordinate of a GeoJSON geometry mapping to ``DECIMALS`` places.

    Parameters
    ----------
    geometry : dict
        A GeoJSON geometry mapping (as made by ``shapely.geometry.mapping``).

    Returns
    -------
    dict
        ``{"type": ..., "coordinates": ...}`` with nested lists of rounded floats.
    """

    def walk(value: Any) -> Any:
        if isinstance(value, float | int):
            r = round(float(value), DECIMALS)
            return 0.0 if r == 0 else r  # no "-0.0"
        return [walk(v) for v in value]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def dump(collection: dict[str, Any]) -> str:
    """Serialise the collection: compact, one feature per line, stable key order.

    Parameters
    ----------
    collection : dict
        A GeoJSON FeatureCollection.

    Returns
    -------
    str
        The file text, ending with a newline.
    """

    def compact(obj: Any) -> str:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)

    features = ",\n".join(compact(f) for f in collection["features"])
    return f'{{"type":"FeatureCollection","features":[\n{features}\n]}}\n'


def main() -> None:
    """Fetch, build and write ``geo/data/countries.geojson``; print a summary."""
    with tempfile.TemporaryDirectory(prefix="world-atlas-") as tmp:
        source = fetch_world_atlas(Path(tmp))
        collection = build(source)
    text = dump(collection)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_bytes(text.encode("utf-8"))
    size = OUTPUT.stat().st_size
    names = ", ".join(f["properties"]["name"] for f in collection["features"])
    print(
        f"wrote {OUTPUT.relative_to(REPO_ROOT)}: {size / 1024:.1f} KB, {len(names.split(', '))} "
        f"features ({names})"
    )


if __name__ == "__main__":
    main()
