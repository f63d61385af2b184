"""A report as a person reads it: its HTML in the map's popups and the table's card."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..data.load import Dataset
from ..query.memo import memo_of
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


def report_html_at(dataset: Dataset, positions: np.ndarray) -> list[str]:
    """:func:`report_html` of the reports at ``positions``, each computed once per dataset."""
    labels = dataset.sectors["label"].to_dict()

    def make(missing: list[int]) -> list[str]:
        names = dataset.places["name"].to_dict()
        return [report_html(report, labels, names) for report in dataset.reports.iloc[missing].to_dict("records")]

    return memo_of(dataset).report_html.get_many((int(p) for p in positions), make)
