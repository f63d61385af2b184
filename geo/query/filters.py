"""The filters, declared once: years, sectors, roles, sources, words in the quotes, and places beyond
China (left out unless asked for, so the default view frames China and the border).

Each filter is one :class:`Filter` in ``FILTERS``. Its URL key, widget label and help, CLI flag,
``Filters`` field, the words in the "filters: …" line of the exports and the test it applies to a
report all come from that declaration; :func:`filter_mask` is the one function that filters.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..i18n import N_
from ..vocab import HOME_COUNTRIES

if TYPE_CHECKING:  # numpy and pandas load when a filter runs: the CLI's flags and --help need neither
    import numpy as np
    import pandas as pd


@dataclass(frozen=True)
class Filters:
    """The filter values a view applies; ``None`` (or ``False`` for ``abroad``) means "do not
    filter on this". Fields are the ``name`` of each filter in ``FILTERS``."""

    years: tuple[int, int] | None = None
    sectors: tuple[str, ...] | None = None
    roles: tuple[str, ...] | None = None
    sources: tuple[str, ...] | None = None
    text: str | None = None
    abroad: bool = False
    """Keep reports at places beyond China and North Korea (Russia, Mongolia, ...); left out by default."""

    def active(self) -> list[tuple[Filter, object]]:
        """Each filter that narrows the reports, with its value, in ``FILTERS`` order."""
        values = [(spec, getattr(self, spec.name)) for spec in FILTERS]
        return [(spec, value) for spec, value in values if spec.narrows(value)]

    def describe(self) -> str:
        """A one-line description for export metadata, e.g. ``years 2017–2019; sectors garments``."""
        return "; ".join(spec.describe(value) for spec, value in self.active()) or "none (all reports)"

    @classmethod
    def from_values(cls, values: Mapping[str, object]) -> Filters:
        """Filters from widget or CLI values keyed by each filter's ``key``: empty lists, blank
        text and missing keys mean "do not filter"."""
        found = {}
        for spec in FILTERS:
            value = values.get(spec.key)
            if value is None or value == "" or value == [] or value == ():
                continue
            found[spec.name] = spec.clean(value)
        return cls(**found)


@dataclass(frozen=True)
class Filter:
    """One filter: how people set it and what it does to the reports."""

    name: str
    """The :class:`Filters` field."""
    key: str
    """The URL parameter and the widget's key (``?sector=...``)."""
    label: str
    """The widget's label (marked for translation: the page shows it in the reader's language)."""
    help: str
    """One line of help for the widget and the CLI flag (marked for translation too)."""
    cli: str
    """The command line's flag."""
    kind: str
    """``range`` (two years), ``list`` (any of some ids), ``text`` or ``flag`` (on or off): what
    widget and what kind of command-line value set it."""
    describe: Callable[[object], str]
    """Words for the exports' "filters" line."""
    mask: Callable[[pd.DataFrame, object, pd.DataFrame | None], np.ndarray]
    """Which reports pass, given the reports, the value and the dataset's sector matrix."""
    narrows: Callable[[object], bool] = lambda value: value is not None
    """Whether a value filters at all."""

    def empty(self, years: tuple[int, int]) -> object:
        """The widget value that filters nothing: all of ``years``, nothing picked, no words, off."""
        return {"range": years, "list": [], "text": ""}.get(self.kind, False)

    def clean(self, value: object) -> object:
        """A widget's or flag's value as the ``Filters`` field holds it."""
        if self.kind == "range":
            first, last = sorted(int(year) for year in value)  # a link may give them in either order
            return first, last
        if self.kind == "list":
            return tuple(str(item) for item in value)
        if self.kind == "text":
            return str(value).strip() or None
        return bool(value)


def _years_mask(reports: pd.DataFrame, years: tuple[int, int], _: pd.DataFrame | None) -> np.ndarray:
    first, last = years
    return (reports["year_start"].to_numpy() <= last) & (reports["year_end"].to_numpy() >= first)


def _sectors_mask(reports: pd.DataFrame, sectors: tuple[str, ...], matrix: pd.DataFrame | None) -> np.ndarray:
    import numpy as np
    import pandas as pd

    if matrix is None:
        matrix = pd.DataFrame({s: reports["sectors"].str.split(";").map(lambda ids, s=s: s in ids) for s in sectors},
                              index=reports.index)
    known = [s for s in sectors if s in matrix.columns]
    if not known:
        return np.zeros(len(reports), dtype=bool)
    if matrix.index.equals(reports.index):
        return matrix[known].to_numpy().any(axis=1)
    # rows are looked up by the reports' index, so an already filtered subset lines up
    return matrix.loc[reports.index, known].to_numpy().any(axis=1)


def _column_in(column: str) -> Callable[[pd.DataFrame, tuple[str, ...], pd.DataFrame | None], np.ndarray]:
    return lambda reports, values, _: reports[column].isin(list(values)).to_numpy()


def _text_mask(reports: pd.DataFrame, text: str, _: pd.DataFrame | None) -> np.ndarray:
    return reports["quote"].str.contains(text, case=False, regex=False).to_numpy(dtype=bool)


def _home_mask(reports: pd.DataFrame, abroad: bool, _: pd.DataFrame | None) -> np.ndarray:
    import numpy as np

    return np.ones(len(reports), dtype=bool) if "country" not in reports else ~beyond_china_mask(reports)


def _listed(name: str) -> Callable[[object], str]:
    return lambda values: f"{name} {', '.join(values) if values else '(none)'}"


FILTERS: tuple[Filter, ...] = (
    Filter("years", "years", N_("Years"), N_("A report shows when its period overlaps these years."), "--years",
           "range", describe=lambda years: f"years {years[0]}–{years[1]}", mask=_years_mask),
    Filter("sectors", "sector", N_("Sectors"), N_("Reports naming any of these sectors."), "--sectors",
           "list", describe=_listed("sectors"), mask=_sectors_mask),
    Filter("roles", "role", N_("Roles"), N_("Reports in any of these roles: destination, origin, transit, event."),
           "--roles",
           "list", describe=_listed("roles"), mask=_column_in("role")),
    Filter("sources", "source", N_("Sources"), N_("Reports from any of these source documents."), "--sources",
           "list", describe=_listed("sources"), mask=_column_in("source_id")),
    Filter("text", "q", N_("Search the quotes"), N_("Words that must appear in the quote (any case)."), "--text",
           "text", describe=lambda text: f"quote contains {text!r}", mask=_text_mask, narrows=bool),
    Filter("abroad", "abroad", N_("Beyond China"),
           N_("Also show reports about Russia, Mongolia and other places beyond China and North Korea."), "--abroad",
           "flag", describe=lambda _: "places in China and North Korea only", mask=_home_mask,
           narrows=lambda abroad: not abroad),
)
"""Every filter, in the order pages and descriptions list them."""

def filter_mask(reports: pd.DataFrame, filters: Filters, *, sector_matrix: pd.DataFrame | None = None) -> np.ndarray:
    """Boolean array selecting the reports that pass every filter.

    Parameters
    ----------
    reports
        The joined reports table of a :class:`~geo.data.load.Dataset`, or a subset of it (index kept).
    filters
        The values; see ``FILTERS`` for what each one does.
    sector_matrix
        One boolean column per sector (``Dataset.sector_matrix``); built from the ``sectors``
        cells when not given.

    Returns
    -------
    numpy.ndarray of bool, one per report.
    """
    import numpy as np

    mask = np.ones(len(reports), dtype=bool)
    for spec, value in filters.active():
        mask &= spec.mask(reports, value, sector_matrix)
    return mask


def beyond_china_mask(frame: pd.DataFrame) -> np.ndarray:
    """Whether each row's ``country`` is beyond China and North Korea (an empty code counts as beyond).

    Works on reports (their place's country) and on places alike.
    """
    # isin on the column as it is: on a categorical it looks at the categories, not at every row
    # (50 ms to 5 ms at 500,000 reports); an empty code is not a home country either way.
    return ~frame["country"].isin(sorted(HOME_COUNTRIES)).to_numpy(dtype=bool)
