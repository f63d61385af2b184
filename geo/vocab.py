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

PRESENCES: dict[str, str] = {
    "reported": "The source reports workers at this place",
    "few": "The source says few, or not many, workers are here",
    "none": "The source says no workers are here (e.g. all sent back)",
    "sought": "The source reports a drive to recruit, or demand for, workers here, not workers present",
}
"""``presence`` of a report; an empty cell means ``reported``. Only ``reported`` counts as a presence."""

MOVEMENT_BASES: dict[str, str] = {
    "stated": "The text says the workers went from one place to the other",
    "inferred": "The text implies the movement without saying it (drawn distinctly, can be hidden)",
}
WORKERS_KINDS: dict[str, str] = {
    "count": "A number of people the source counts or reports as present",
    "estimate": "An estimate, or an approximate figure ('around 30'; a government's estimate of a total)",
    "projection": "A forecast of how many will be (or will be allowed to be) there",
    "per_group": "The size of each group; the total is not given",
    "per_unit": "The number from or at each of several units (e.g. each enterprise); not a group size, not a total",
}
"""``workers_kind``: figures of different kinds are never added up or compared as if alike."""

DATE_QUALIFIERS: dict[str, str] = {
    "approximate": "The dates approximate vague wording ('several years ago'); the period may reach beyond them",
    "uncertain": "The statement is about some time within the span; which part cannot be told",
}
FEE_PERIODS: tuple[str, ...] = WAGE_PERIODS

HOME_COUNTRIES: frozenset[str] = frozenset({"CN", "KP"})
"""The countries the map frames by default: China and North Korea. Places elsewhere are 'beyond China'."""

