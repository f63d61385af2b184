"""The map page on paper: its reports as plain HTML, which the page shows only when printed."""

from __future__ import annotations

import numpy as np

from ..data.load import Dataset
from ..i18n import DEFAULT_LANGUAGE, fill, normalise, translations
from ..query.selection import View
from ..settings import SETTINGS
from .localise import place_label
from .reports import report_html_at
from .templates import render, safe


def printed_reports(dataset: Dataset, view: View, place: str | None = None, *,
                    limit: int = SETTINGS.print_reports, lang: str = DEFAULT_LANGUAGE, part: str = "all") -> str:
    """The view's reports (at the focused ``place``, if any), newest first, each with its period,
    quote and source, as the printed page lists them, in ``lang`` (the card's words: the quotes and
    the sources' titles as published).

    The page's reports table is a canvas, which prints no rows: this list stands in for it on
    paper (``.nk-print``, hidden on the screen by ``dashboard.css``).

    Parameters
    ----------
    view
        The filtered view (``View.rows``, newest first).
    place
        List only the reports at this place id, as the table does.
    limit
        Most reports listed; the list says how many it leaves out.
    lang
        The page's language (:data:`geo.i18n.LANGUAGES`); places by their local name, the English beside.
    part
        ``"all"``: the whole section; ``"head"``: its heading and notes; ``"list"``: its list
        (:func:`printed_parts`).

    Returns
    -------
    str
        HTML, every value from the data escaped by ``geo.escape``.
    """
    return render("printout.html", part=part, **_values(dataset, view, place, limit, lang))


def printed_parts(dataset: Dataset, view: View, place: str | None = None, *,
                  limit: int = SETTINGS.print_reports, lang: str = DEFAULT_LANGUAGE) -> tuple[str, str]:
    """:func:`printed_reports` in two parts, ``(head, list)``: the heading with its count and notes,
    and the list of reports. The page sends them apart (``ui/explore.py``): a year step that leaves
    the newest reports as they were changes the head alone, so the list is neither sent nor built
    again. ``<section class="nk-print">``, the head, the list and ``</section>`` make
    :func:`printed_reports`."""
    values = _values(dataset, view, place, limit, lang)
    return render("printout.html", part="head", **values), render("printout.html", part="list", **values)


def _values(dataset: Dataset, view: View, place: str | None, limit: int, lang: str) -> dict:
    """The printout template's values (:func:`printed_reports`)."""
    lang = normalise(lang) or DEFAULT_LANGUAGE
    _ = translations(lang).gettext
    rows = view.rows
    if place:
        code = dataset.places.index.get_indexer([place])[0]
        rows = rows[dataset.codes.place[rows] == code]
    shown = np.asarray(rows[:limit])
    reports = dataset.reports.iloc[shown][["id", "place_id", "place_name", "source_url"]].to_dict("records")
    htmls = report_html_at(dataset, shown, lang)
    names = _place_names(dataset, lang)
    items = [{"id": report["id"], "place": names.get(str(report["place_id"]), report["place_name"]),
              "url": report["source_url"] or "", "report": safe(html)}
             for report, html in zip(reports, htmls, strict=True)]
    total = len(rows)
    heading = fill(_("Reports at {place} ({n})"), place=names.get(place, place), n=total) if place \
        else fill(_("Reports ({n})"), n=total)
    return {"_": _, "items": items, "total": total, "shown": len(shown), "heading": heading,
            "more": fill(_("The newest {shown} of {total}; the CSV download has them all."),
                         shown=len(shown), total=total)}


def _place_names(dataset: Dataset, lang: str) -> dict[str, str]:
    """Place id → its name as the page shows it in ``lang`` (the local name with the English beside)."""
    if lang == DEFAULT_LANGUAGE:
        return dataset.places["name"].to_dict()
    return {row["id"]: place_label(row, lang) for row in dataset.places.to_dict("records")}
