"""Every word the map's script writes, in the reader's language: the one table ``nkmap`` reads (``config.words``).

The script (``geo/map/static/nkmap/words.js``) holds no words of its own: tooltips, popups, the names
screen readers give marks, movement lines and the presence phrases all come from here, built from
the gettext catalogs (:mod:`geo.i18n`) with ``{name}`` placeholders the script fills
(``nkmap.fill``, as :func:`geo.i18n.fill`). Plurals are :func:`geo.reading.page_words.plural_forms`
pairs (the form for 1, the form for other counts), chosen by the count: the script never evaluates a
catalog's plural rule. Text, not HTML: the values are escaped here before the script puts them
into a tooltip or popup.
"""

from __future__ import annotations

from ..escape import escape
from ..i18n import LANGUAGES, N_, translations
from ..reading.page_words import plural_forms

LEVEL_WORDS: dict[str, str] = {
    "province": N_("province-level"),
    "region": N_("region-level"),
    "country": N_("country-level"),
}
"""An area's precision as a tooltip and a screen reader say it, beside its name."""
LEVEL_NOTES: dict[str, str] = {
    "province": N_("reported at province level, not a city"),
    "region": N_("reported at region level, not a city"),
    "country": N_("reported at country level, not a city"),
}
"""What a popup says under an area's name."""
PRESENCE_TIPS: dict[str, str] = {
    "few": N_("few workers reported"),
    "none": N_("no workers reported"),
    "sought": N_("workers sought, none reported"),
}
"""What a tooltip and a screen reader add for a place where no report puts workers (``presence``)."""
PRESENCE_NOTES: dict[str, str] = {
    "few": N_("Every report here says few workers: not a presence."),
    "none": N_("Every report here says no workers: not a presence."),
    "sought": N_("Every report here says workers were sought, not that they were there: not a presence."),
}
"""What a popup says for such a place."""
MAP_TITLE = N_("Map of the places where reports put North Korean workers; Tab reaches each place")
"""The map's name for a screen reader (the dashboard's map frame takes it as its title)."""


def map_words(lang: str) -> dict[str, object]:
    """The words of the map's script in ``lang`` (English for an unknown one), escaped for HTML.

    Returns
    -------
    dict
        ``title``; ``reports``, ``moreTable``, ``allTable`` and ``scroll`` as plural pairs with
        ``{n}``; ``level`` and ``levelNote`` by precision (``province`` …); ``presence`` and
        ``presenceNote`` by ``presence`` (``few``, ``none``, ``sought``); ``inferred`` (a movement
        line's note) and ``listSeparator``.
    """
    words = translations(lang)
    _, ngettext = words.gettext, words.ngettext

    def pair(forms: list[str]) -> list[str]:
        return [escape(form) for form in forms]

    return {
        "title": _(MAP_TITLE),
        "reports": pair(plural_forms(lambda n: ngettext("{n} report", "{n} reports", n))),
        "moreTable": pair(plural_forms(lambda n: ngettext(
            "+{n} more report here: see the table below the map.",
            "+{n} more reports here: see the table below the map.", n))),
        "allTable": pair(plural_forms(lambda n: ngettext(
            "{n} report here: see the table below the map.", "{n} reports here: see the table below the map.", n))),
        "scroll": pair(plural_forms(lambda n: ngettext(
            "{n} report here.", "{n} reports here, newest first: scroll for more.", n))),
        "level": {key: escape(_(text)) for key, text in LEVEL_WORDS.items()},
        "levelNote": {key: escape(_(text)) for key, text in LEVEL_NOTES.items()},
        "presence": {key: escape(_(text)) for key, text in PRESENCE_TIPS.items()},
        "presenceNote": {key: escape(_(text)) for key, text in PRESENCE_NOTES.items()},
        "inferred": escape(_("inferred, not stated")),
        "listSeparator": escape(_(", ")),
        "offScreen": escape(_("Out of view: {names}")),
        "zoomIn": escape(_("Zoom in")),
        "zoomOut": escape(_("Zoom out")),
        "wheelHint": escape(_("To zoom the map, hold Ctrl (⌘ on a Mac) while scrolling, or click the map first")),
        "offScreenMore": pair(plural_forms(lambda n: ngettext("{names} and {n} more", "{names} and {n} more", n))),
    }


def all_map_words() -> dict[str, dict[str, object]]:
    """:func:`map_words` of every language, by language: the table ``tests/js/words.json`` holds."""
    return {lang: map_words(lang) for lang in LANGUAGES}


if __name__ == "__main__":  # python -m geo.map.words > tests/js/words.json (tests/map/test_words.py checks it)
    import json

    print(json.dumps(all_map_words(), ensure_ascii=False, indent=1, sort_keys=True))
