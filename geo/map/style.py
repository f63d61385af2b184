"""How the map looks: the style of each role, of areas, movements and outlines, and the legend."""

from __future__ import annotations

import pandas as pd

from ..escape import css_colour
from ..i18n import N_, translations
from ..reading.localise import sector_label
from ..reading.templates import render
from ..vocab import ROLES

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
FEW_STYLE: dict[str, object] = {"fillOpacity": 0.04, "weight": 2.5, "dashArray": "2 4"}
"""How a place is drawn where every report says few or no workers: hollow, a dotted ring."""
INFERRED_STYLE: dict[str, object] = {"opacity": 0.45, "dashArray": "1 6", "weight": 2}
"""How a movement only inferred from the text is drawn, over ``FLOW_STYLE``: lighter, dotted."""
OUTLINE_STYLE: dict[str, object] = {"color": "#9a9a9a", "weight": 0.8, "fillColor": "#f4f2ec", "fillOpacity": 1}
"""How the bundled country outlines are drawn (land colour shows wherever tiles are missing)."""

ROLE_LEGEND = {
    "destination": N_("Destination: solid"),
    "origin": N_("Origin (sent from): hollow ring"),
    "transit": N_("Transit: dashed ring"),
    "event": N_("Event: black ring"),
}


def marker_style(role: str, colour: str) -> dict[str, object]:
    """Leaflet path options for a place whose main role is ``role`` and main sector ``colour``."""
    colour = css_colour(colour)
    style = dict(ROLE_STYLES[role])
    style["color"] = style["color"] or colour
    style["fillColor"] = colour
    return {key: value for key, value in style.items() if value is not None}


def style_table(sectors: pd.DataFrame) -> list[list[dict[str, object]]]:
    """``table[role][sector]``: :func:`marker_style` for every role (``ROLES`` order) and sector
    (``sectors.csv`` order); the map's marks refer to it by the two positions."""
    return [[marker_style(role, colour) for colour in sectors["colour"]] for role in ROLES]


def legend_html(sectors: pd.DataFrame, *, lang: str = "en") -> str:
    """The legend's HTML in ``lang``: a swatch per sector, a sample per role, and what areas mean."""
    words = translations(lang)
    # Each entry says what it keys (``data-key``: a sector's or role's index in the map's records,
    # few, area, stated, inferred), so that the map can tell which of them it shows.
    roles = [
        {"key": f"role:{list(ROLES).index(role)}", "label": words.gettext(ROLE_LEGEND[role]),
         "fill_opacity": style["fillOpacity"],
         "stroke": style["color"] or "#777", "width": min(float(style["weight"]), 3),
         "dash": style["dashArray"] or "none"}
        for role, style in ROLE_STYLES.items()
    ]
    sector_rows = [{"key": f"sector:{index}", "label": sector_label(sector, lang),
                    "colour": css_colour(sector["colour"])}
                   for index, sector in enumerate(sectors.to_dict("records"))]
    return render("legend.html", sectors=sector_rows, roles=roles, _=words.gettext)
