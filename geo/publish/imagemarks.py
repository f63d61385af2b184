"""The map's marks drawn with matplotlib: the records the map draws (``geo.map.records``), placed in
Web Mercator as Leaflet places them, styled by the map's own style table, moved apart where
they overlap as the map's script (``geo/map/static/nkmap/``) moves them, and named without labels colliding.

Sizes in the records are screen pixels; the image is laid out at 100 pixels an inch, so a pixel
is 0.72 points.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from functools import lru_cache

import geopandas as gpd
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import to_rgba

from ..data.outlines import COUNTRIES_PATH
from ..map.style import OUTLINE_STYLE

PT = 0.72
"""Points per screen pixel (the image is laid out at 100 dpi)."""
EARTH = 6378137.0
TOUCHING = 4
"""Marks closer than this many pixels are moved apart: ``TOUCHING`` in ``nkmap/geometry.js`` (a test
checks the two agree)."""


def mercator(lat: np.ndarray | float, lon: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
    """Web Mercator metres (EPSG:3857) of WGS84 degrees, as Leaflet projects them."""
    lat = np.clip(np.asarray(lat, dtype=float), -85, 85)
    x = EARTH * np.radians(np.asarray(lon, dtype=float))
    y = EARTH * np.log(np.tan(np.pi / 4 + np.radians(lat) / 2))
    return x, y


@lru_cache(maxsize=1)
def countries() -> gpd.GeoDataFrame:
    """The bundled country outlines in Web Mercator."""
    return gpd.read_file(COUNTRIES_PATH).to_crs(3857)


def dashes(dash: object, scale: float = 1.0) -> object:
    """A Leaflet ``dashArray`` ("4 4", in pixels) as a matplotlib line style, in points."""
    if not dash:
        return "solid"
    return (0, tuple(float(part) * PT * scale for part in str(dash).split()))


def marker_radius(count: int, radius: dict) -> float:
    """A point mark's radius in pixels: ``markerRadius`` in ``nkmap/geometry.js``, from the same ``config.radius``."""
    share = math.sqrt(count / max(radius["maxCount"], 1))
    return round((radius["min"] + (radius["max"] - radius["min"]) * share) * 10) / 10


@dataclass
class Mark:
    """A mark as drawn: its record, its style, where it is and where it is drawn (pixels)."""

    place: dict
    record: dict
    style: dict
    radius: float
    home: np.ndarray
    spot: np.ndarray = field(default=None)  # type: ignore[assignment]


def mark_style(config: dict, record: dict, place: dict) -> tuple[dict, float]:
    """A mark's Leaflet path options and radius, as ``_drawMark`` in ``nkmap/places.js`` makes them."""
    style = dict(config["styles"][record["role"]][record["sector"]])
    if record["presence"] in ("few", "none"):
        style.update(config["fewStyle"], color=style["fillColor"])
    if place["area_m"]:
        style.update(dashArray="3 2", fillOpacity=0.5)
        return style, 7.0
    return style, marker_radius(record["count"], config["radius"])


def on_ring(members: list[int], points: np.ndarray) -> list[int]:
    """A cluster's ``members`` in the order of the ring's places (``onRing`` in ``nkmap/geometry.js``):
    the places from west to east take the members from west to east, places one above the other
    take theirs from north to south, so no mark crosses to the other side of another."""
    count = len(members)
    angles = [math.pi + 2 * math.pi * k / count for k in range(count)]
    # As the screen has them (y downwards), rounded so that places one above the other tie.
    across = [round(math.cos(angle) * 1e9) for angle in angles]
    places = sorted(range(count), key=lambda k: (across[k], round(math.sin(angles[k]) * 1e9)))
    ordered = sorted(members, key=lambda m: (points[m][0], -points[m][1]))
    slots = [0] * count
    start = 0
    while start < count:
        end = start
        while end < count and across[places[end]] == across[places[start]]:
            end += 1
        for i, m in enumerate(sorted(ordered[start:end], key=lambda m: (-points[m][1], m))):
            slots[places[start + i]] = m
        start = end
    return slots


def declutter(marks: list[Mark]) -> list[tuple[np.ndarray, np.ndarray]]:
    """Move marks that overlap around their common centre (``spread`` in ``nkmap/geometry.js``);
    returns the leader lines from each moved mark's true spot to where it is drawn."""
    parent = list(range(len(marks)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    points = np.array([mark.home for mark in marks]) if marks else np.empty((0, 2))
    radii = np.array([mark.radius for mark in marks])
    for i in range(len(marks)):
        near = np.flatnonzero(np.hypot(*(points[i + 1:] - points[i]).T) < radii[i] + radii[i + 1:] + TOUCHING)
        for j in near + i + 1:
            parent[find(i)] = find(int(j))
    groups: dict[int, list[int]] = {}
    for k in range(len(marks)):
        groups.setdefault(find(k), []).append(k)
    leaders = []
    for members in groups.values():
        if len(members) == 1:
            marks[members[0]].spot = marks[members[0]].home
            continue
        centre = points[members].mean(axis=0)
        ring = max(radii[members]) / math.sin(math.pi / len(members)) + TOUCHING
        for n, k in enumerate(on_ring(members, points)):
            angle = math.pi + 2 * math.pi * n / len(members)
            # Screen y grows downwards in Leaflet and upwards here: the same ring, mirrored.
            marks[k].spot = centre + ring * np.array([math.cos(angle), -math.sin(angle)])
            leaders.append((marks[k].home, marks[k].spot))
    return leaders


def draw_outlines(ax: Axes) -> None:
    """The country outlines, as the map draws them."""
    countries().plot(ax=ax, color=OUTLINE_STYLE["fillColor"], edgecolor=OUTLINE_STYLE["color"],
                     linewidth=float(OUTLINE_STYLE["weight"]) * PT, zorder=0)


def draw_marks(ax: Axes, records: dict, config: dict) -> list[Mark]:
    """Areas, movements and marks of ``records`` (``places``, ``marks``, ``flows``) on ``ax``,
    whose limits are already set. Each mark's artist has the id ``mark-PLACE`` in an SVG."""
    to_pixels, to_data = ax.transData.transform, ax.transData.inverted().transform
    places = records["places"]
    marks = []
    for record in records["marks"]:
        place = places[record["place"]]
        style, radius = mark_style(config, record, place)
        x, y = mercator(*place["ll"])
        marks.append(Mark(place, record, style, radius, to_pixels((float(x), float(y)))))
    for mark in marks:
        if mark.place["area_m"]:
            area = {**mark.style, **config["areaStyle"], "color": mark.style["fillColor"]}
            x, y = mercator(*mark.place["ll"])
            # Leaflet's L.circle: metres on the ground, so wider in Mercator away from the equator.
            span = mark.place["area_m"] / math.cos(math.radians(mark.place["ll"][0]))
            ax.add_patch(_circle((float(x), float(y)), span, area))
    leaders = declutter(marks)
    for home, spot in leaders:
        line = to_data(np.array([home, spot]))
        ax.plot(line[:, 0], line[:, 1], color="#333", linewidth=PT, alpha=0.6, zorder=3)
    spots = {mark.record["place"]: to_data(mark.spot) for mark in marks}
    draw_flows(ax, records, config, spots, {mark.record["place"]: mark.radius for mark in marks})
    for mark in marks:
        style = mark.style
        fill = to_rgba(style["fillColor"], float(style.get("fillOpacity", 0.2)))
        stroke = to_rgba(style.get("color", style["fillColor"]), float(style.get("opacity", 1)))
        x, y = to_data(mark.spot)
        artist = ax.scatter([x], [y], s=(2 * mark.radius * PT) ** 2, facecolors=[fill], edgecolors=[stroke],
                            linewidths=float(style.get("weight", 3)) * PT, linestyles=dashes(style.get("dashArray")),
                            zorder=5)
        artist.set_gid(f"mark-{html.unescape(mark.record['place'])}")
    return marks


def draw_flows(ax: Axes, records: dict, config: dict, spots: dict, radii: dict) -> None:
    """Each movement: a line between its places' marks, dotted and lighter when inferred, with a
    solid arrowhead at the edge of the destination's mark (none when the line is too short)."""
    to_pixels, to_data = ax.transData.transform, ax.transData.inverted().transform
    for flow in records["flows"]:
        style = {**config["flowStyle"], **(config["inferredStyle"] if flow["basis"] == "inferred" else {})}
        start = spots.get(flow["from"])
        if start is None:
            start = np.array(mercator(*records["places"][flow["from"]]["ll"]), dtype=float)
        end = spots.get(flow["to"])
        if end is None:
            end = np.array(mercator(*records["places"][flow["to"]]["ll"]), dtype=float)
        line = ax.plot([start[0], end[0]], [start[1], end[1]], color=style["color"], alpha=float(style["opacity"]),
                       linewidth=float(style["weight"]) * PT, linestyle=dashes(style["dashArray"]), zorder=4)[0]
        line.set_gid(f"flow-{html.unescape(flow['from'])}-{html.unescape(flow['to'])}-{flow['basis']}")
        a, b = to_pixels(start), to_pixels(end)
        length, edge = float(np.hypot(*(b - a))), radii.get(flow["to"], 0) + 9
        if length >= 2 * edge + 8:
            tip = b - (b - a) * (edge - 9 + 2) / length
            tail = tip - (b - a) * 10 / length
            ax.annotate("", xy=to_data(tip), xytext=to_data(tail), zorder=4,
                        arrowprops={"arrowstyle": "-|>,head_length=0.8,head_width=0.4", "color": style["color"],
                                    "alpha": float(style["opacity"]), "linewidth": PT, "shrinkA": 0, "shrinkB": 0,
                                    "mutation_scale": 12})


def _circle(centre: tuple[float, float], radius: float, style: dict) -> object:
    from matplotlib.patches import Circle

    return Circle(centre, radius, facecolor=to_rgba(style["fillColor"], float(style["fillOpacity"])),
                  edgecolor=to_rgba(style["color"], float(style.get("opacity", 1))),
                  linewidth=float(style.get("weight", 1)) * PT, linestyle=dashes(style.get("dashArray")), zorder=1)


def place_labels(ax: Axes, marks: list[Mark], *, font: dict, limit: int = 60) -> list[object]:
    """Names beside point marks, the most reported first, each at the first of right, left, above
    and below that collides with no name already placed and no mark; a name with no free spot is
    left out (its mark stays). Returns the text artists drawn."""
    renderer = ax.figure.canvas.get_renderer()
    to_data = ax.transData.inverted().transform
    frame = ax.get_window_extent()
    taken = [_box(mark.spot, mark.radius) for mark in marks]
    drawn = []
    for mark in sorted((m for m in marks if not m.place["area_m"]), key=lambda m: -m.record["count"])[:limit]:
        name = html.unescape(mark.place["name"])
        gap = mark.radius + 3
        for dx, dy, ha, va in ((gap, 0, "left", "center"), (-gap, 0, "right", "center"),
                               (0, gap, "center", "bottom"), (0, -gap, "center", "top")):
            x, y = to_data(mark.spot + np.array([dx, dy]))
            text = ax.text(x, y, name, ha=ha, va=va, zorder=6, parse_math=False, **font,
                           bbox={"boxstyle": "square,pad=0.1", "facecolor": "white", "alpha": 0.6,
                                 "edgecolor": "none"})
            box = text.get_window_extent(renderer)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            clear = inside and not any(box.overlaps(other) for other in taken
                                       if other is not taken[marks.index(mark)])
            if clear:
                taken.append(box)
                drawn.append(text)
                break
            text.remove()
    return drawn


def _box(centre: np.ndarray, radius: float) -> object:
    from matplotlib.transforms import Bbox

    return Bbox.from_extents(centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius)
