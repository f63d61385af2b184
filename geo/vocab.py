"""The fixed vocabularies of the data model: roles, place precisions and date precisions."""

from __future__ import annotations

ROLES: dict[str, str] = {
    "destination": "Workers reported at, or sent to, this place",
    "origin": "Workers reported sent from this place",
    "transit": "Workers reported passing through this place",
    "event": "A dated incident at this place (e.g. a defection)",
}

PLACE_PRECISIONS: tuple[str, ...] = ("village", "city", "county", "province", "region", "country")
POINT_PRECISIONS: frozenset[str] = frozenset({"village", "city", "county"})
AREA_PRECISIONS: frozenset[str] = frozenset({"province", "region", "country"})

DATE_BASES: tuple[str, ...] = ("stated", "inferred")
DATE_PRECISIONS: dict[int, str] = {4: "year", 7: "month", 10: "day"}
WAGE_PERIODS: tuple[str, ...] = ("hour", "day", "week", "month", "year")

COLOUR = r"#[0-9a-fA-F]{6}"
"""A sector colour: six hexadecimal digits, the only form the data may give (and CSS receives)."""
