"""The map page on paper: its reports as plain HTML, which the page shows only when printed."""

from __future__ import annotations

import numpy as np

from ..data.load import Dataset
from ..query.selection import View
from ..settings import SETTINGS
from .reports import report_html_at
from .templates import render, safe


def printed_reports(dataset: Dataset, view: View, place: str | None = None, *,
                    limit: int = SETTINGS.print_reports) -> str:
    """The view's reports (at the focused ``place``, if any), newest first, each with its period,
    quote and source, as the printed page lists them.

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

    Returns
    -------
    str
        HTML, every value from the data escaped by ``geo.escape``.
    """
    rows = view.rows
    if place:
        code = dataset.places.index.get_indexer([place])[0]
        rows = rows[dataset.codes.place[rows] == code]
    shown = np.asarray(rows[:limit])
    reports = dataset.reports.iloc[shown][["id", "place_name", "source_url"]].to_dict("records")
    items = [{"id": report["id"], "place": report["place_name"], "url": report["source_url"] or "",
              "report": safe(html)} for report, html in zip(reports, report_html_at(dataset, shown), strict=True)]
    return render("printout.html", items=items, total=len(rows), shown=len(shown),
                  place=dataset.places.at[place, "name"] if place else "")
