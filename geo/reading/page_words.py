"""Phrases that Python and the export's JavaScript both say, in the reader's language, as templates.

Each phrase is a catalog entry with ``{name}`` placeholders. Python fills it with
:func:`geo.i18n.fill`; the
standalone export hands the same templates to ``standalone.js`` as values (``data.words``), whose
``fill`` replaces the same placeholders, so the script holds no words of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from ..i18n import fill, translations
from .localise import format_date_in, format_year_span


def plural_forms(ngettext: Callable[[int], str]) -> list[str]:
    """The two templates a script chooses from: ``[form for 1, form for other counts]``.

    ``ngettext`` is a phrase's ``ngettext`` call waiting for its count (written out at the call,
    where Babel's extractor finds it). The four languages need no more than two: English says
    "1 report" / "2 reports"; Korean, Chinese and Japanese have one form (``nplurals=1``), so
    both entries are the same.
    """
    return [ngettext(1), ngettext(2)]


def page_words(lang: str) -> dict[str, object]:
    """The standalone page's words for its script, in ``lang``.

    Returns
    -------
    dict
        Templates by name (``{n}``, ``{total}``, ``{reports}``, ``{places}``, ``{few}``, ``{y}``, ``{first}``,
        ``{last}`` placeholders); plurals as :func:`plural_forms` pairs. Text, not HTML: the
        script sets them with ``textContent``.
    """
    words = translations(lang)
    _, ngettext = words.gettext, words.ngettext
    return {
        "play": _("▶ Play the years"),
        "pause": _("⏸ Pause"),
        "noMatch": _("No reports match these filters"),
        "reports": plural_forms(lambda n: ngettext("{n} report", "{n} reports", n)),
        "places": plural_forms(lambda n: ngettext("{n} place", "{n} places", n)),
        "summary": _("{reports} at {places}"),
        "summaryFew": _("{reports} at {places} ({few} with few or no workers)"),
        "placesOnMap": _("Places on the map ({n})"),
        "sectorsAll": _("all {n}"),
        "sectorsNone": _("none ticked"),
        "sectorsSome": _("{n} of {total}"),
        "listSeparator": _(", "),
        # Babel's own year formats (2019년, 2010年～2013年), with the years made placeholders.
        "year": format_date_in("1111", lang).replace("1111", "{y}"),
        "yearSpan": format_year_span(1111, 2222, lang).replace("1111", "{first}").replace("2222", "{last}"),
    }


def summary_line_in(lang: str, reports: int, places_shown: int, years: tuple[int, int] | None, *,
                    few_or_none: int = 0) -> str:
    """:func:`geo.query.aggregate.summary_line` in ``lang``, from the same templates the export's script fills.

    Parameters
    ----------
    lang
        One of :data:`geo.i18n.LANGUAGES`.
    reports, places_shown
        How many reports, at how many places.
    years
        The first and last year shown (``None`` only when there are no reports).
    few_or_none
        How many of the places report few or no workers.

    Returns
    -------
    str
        e.g. "12 reports at 5 places (1 with few or no workers) · 2012–2019";
        "장소 5곳, 보고 12건 (그중 1곳은 노동자가 적거나 없음) · 2012년 ~ 2019년".
    """
    words = page_words(lang)
    if reports == 0 or years is None:
        return str(words["noMatch"])
    first, last = years
    line = fill(str(words["summaryFew" if few_or_none else "summary"]),
                reports=fill(words["reports"][reports != 1], n=reports),
                places=fill(words["places"][places_shown != 1], n=places_shown), few=few_or_none)
    span = fill(str(words["year"]), y=first) if first == last else fill(str(words["yearSpan"]), first=first,
                                                                        last=last)
    return f"{line} · {span}"
