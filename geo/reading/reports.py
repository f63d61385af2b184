"""A report as a person reads it: its HTML in the map's popups and the table's card."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data.load import Dataset
from ..i18n import N_, fill, translations
from ..query.memo import BoundedCache, memo_of
from .localise import BASIS_WORDS, KIND_WORDS, ROLE_WORDS, format_date_in, place_label, sector_label, vocabulary_word
from .templates import render
from .wording import format_citation, format_figures, format_movement, format_presence, format_report_period


def report_html(report: dict | pd.Series, sector_labels: dict[str, str], place_names: dict[str, str]) -> str:
    """One report in a popup or card: period, role, sectors, whether few or no workers are
    reported, where they came from and how that is known, figures with their kind and caution,
    the verbatim quote and its source."""
    return render(
        "report.html",
        period=format_report_period(report), presence=format_presence(report.get("presence")),
        movement=_movement(report, place_names),
        role=report["role"], sectors=", ".join(sector_labels.get(s, s) for s in report["sector_ids"]),
        figures=format_figures(report), quote=report["quote"], citation=format_citation(report),
        url=report.get("source_url") or "",
    )


def _movement(report: dict | pd.Series, place_names: dict[str, str]) -> str:
    """``From Pyongyang: inferred movement …`` for a report with an origin, else ``""``."""
    origin = str(report.get("from_place_id") or "")
    if not origin:
        return ""
    basis = format_movement(report.get("from_basis"))
    return f"From {place_names.get(origin, origin)}" + (f": {basis[0].lower()}{basis[1:]}" if basis else "")


FIGURE_WORDS = {"Workers": N_("Workers"), "Wage": N_("Wage"), "Taken by the state": N_("Taken by the state"),
                "Caution": N_("Caution"), "Paid by the employer to the North Korean side":
                    N_("Paid by the employer to the North Korean side")}
"""The figures' labels (:func:`geo.reading.wording.format_figures`), marked for translation."""
PRESENCE_WORDS = {"few": N_("Few workers reported"), "none": N_("No workers reported"),
                  "sought": N_("Workers sought (recruitment or demand), none reported present")}
"""What :func:`geo.reading.wording.format_presence` says, marked for translation."""
MOVEMENT_WORDS = {"stated": N_("Movement stated in the source"),
                  "inferred": N_("Inferred movement: the source implies it")}
"""What :func:`geo.reading.wording.format_movement` says, marked for translation."""


def period_in(report: dict | pd.Series, lang: str) -> str:
    """A report's period in ``lang``, with how it is known: "2019년 11월 (추정)", "约2010年～2013年"."""
    _ = translations(lang).gettext
    start, end = str(report.get("date_start") or ""), str(report.get("date_end") or "")
    text = format_date_in(start if start == end or not end else f"{start}/{end}", lang)
    marks = [vocabulary_word(BASIS_WORDS, "inferred", lang)] if report.get("date_basis") == "inferred" else []
    qualifier = str(report.get("date_qualifier") or "")
    if qualifier == "approximate":
        text = fill(_("about {period}"), period=text)
    elif qualifier == "uncertain":
        if start != end:
            text = fill(_("some time in {period}"), period=text)
        else:
            marks.append(_("uncertain"))
    return fill(_("{period} ({marks})"), period=text, marks=_(", ").join(marks)) if marks else text


def figures_in(report: dict | pd.Series, lang: str) -> list[tuple[str, str]]:
    """:func:`geo.reading.wording.format_figures` with its labels in ``lang`` (the figures as the source words them)."""
    _ = translations(lang).gettext
    figures = []
    for label, text in format_figures(report):
        head, _paren, kind = label.partition(" (")
        shown = _(FIGURE_WORDS.get(head, head))
        if kind:
            shown = fill(_("{figure} ({kind})"), figure=shown,
                         kind=vocabulary_word(KIND_WORDS, kind.rstrip(")").replace(" ", "_"), lang))
        figures.append((shown, text))
    return figures


def report_html_in(report: dict | pd.Series, dataset: Dataset, lang: str) -> str:
    """:func:`report_html` in ``lang``: the period, role, sectors, places and the figures' labels
    translated; the quote, the source's own words for figures and the citation's title as published,
    with a line that says so in the reader's language."""
    if lang == "en":
        return report_html(report, dataset.sectors["label"].to_dict(), dataset.places["name"].to_dict())
    words = translations(lang)
    _ = words.gettext
    figures = figures_in(report, lang)
    origin = str(report.get("from_place_id") or "")
    movement = ""
    if origin:
        where = place_label(dataset.places.loc[origin], lang) if origin in dataset.places.index else origin
        basis = str(report.get("from_basis") or "")
        movement = fill(_("From {place}: {how}"), place=where, how=_(MOVEMENT_WORDS[basis])) \
            if basis in MOVEMENT_WORDS else fill(_("From {place}"), place=where)
    sectors = dataset.sectors
    published = format_date_in(str(report.get("published") or ""), lang)
    return render(
        "report.html", _=_, gettext=_, ngettext=words.ngettext,
        period=period_in(report, lang),
        presence=_(PRESENCE_WORDS[str(report.get("presence"))]) if str(report.get("presence")) in PRESENCE_WORDS
        else "",
        movement=movement, role=vocabulary_word(ROLE_WORDS, str(report["role"]), lang),
        sectors=_(", ").join(sector_label(sectors.loc[s], lang) if s in sectors.index else s
                             for s in report["sector_ids"]),
        figures=figures, quote=report["quote"],
        citation=f"{report.get('publisher')}, “{report.get('source_title')}”, {published}",
        url=report.get("source_url") or "",
        quoted_note=_("Quoted as published, in English."),
    )


def report_html_at(dataset: Dataset, positions: np.ndarray | list[int], lang: str = "en") -> list[str]:
    """The HTML of the reports at ``positions`` in popups and cards, in ``lang`` (:func:`report_html`
    in English, :func:`report_html_in` in another), each computed once per dataset and language."""
    memo = memo_of(dataset)
    if lang == "en":
        labels = dataset.sectors["label"].to_dict()

        def make(missing: list[int]) -> list[str]:
            names = dataset.places["name"].to_dict()
            return [report_html(report, labels, names) for report in dataset.reports.iloc[missing].to_dict("records")]

        return memo.report_html.get_many((int(p) for p in positions), make)

    def make_in(missing: list[int]) -> list[str]:
        return [report_html_in(report, dataset, lang) for report in dataset.reports.iloc[missing].to_dict("records")]

    return memo.report_html_in.setdefault(lang, BoundedCache()).get_many((int(p) for p in positions), make_in)
