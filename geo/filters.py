"""Pure filters over the reports table: years, sectors, roles, sources, text in quotes, and places
beyond China (left out unless asked for, so the default view frames China and the border)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .vocab import HOME_COUNTRIES


@dataclass(frozen=True)
class Filters:
    """The filter values a view applies; ``None`` means "do not filter on this"."""

    years: tuple[int, int] | None = None
    sectors: tuple[str, ...] | None = None
    roles: tuple[str, ...] | None = None
    sources: tuple[str, ...] | None = None
    text: str | None = None
    abroad: bool = False
    """Keep reports at places beyond China and North Korea (Russia, Mongolia, ...); left out by default."""

    def describe(self) -> str:
        """A one-line human description, e.g. for export metadata."""
        parts = []
        if self.years:
            parts.append(f"years {self.years[0]}–{self.years[1]}")
        for name in ("sectors", "roles", "sources"):
            values = getattr(self, name)
            if values is not None:
                parts.append(f"{name} {', '.join(values) if values else '(none)'}")
        if self.text:
            parts.append(f"quote contains {self.text!r}")
        if not self.abroad:
            parts.append("places in China and North Korea only")
        return "; ".join(parts) or "none (all reports)"


def filter_mask(
    reports: pd.DataFrame,
    *,
    sector_matrix: pd.DataFrame | None = None,
    years: tuple[int, int] | None = None,
    sectors: Iterable[str] | None = None,
    roles: Iterable[str] | None = None,
    sources: Iterable[str] | None = None,
    text: str | None = None,
    abroad: bool = False,
) -> np.ndarray:
    """Boolean array selecting the reports that pass every given filter.

    Parameters
    ----------
    reports
        The joined reports table of a :class:`~geo.load.Dataset`.
    sector_matrix
        One boolean column per sector (``Dataset.sector_matrix``); built from ``sectors``
        cells when not given.
    years
        Inclusive (first, last). A report passes when its period overlaps the range.
    sectors
        A report passes when it has at least one of these sectors.
    roles, sources
        A report passes when its role / source id is one of these.
    text
        Case-insensitive text that must appear in the quote.
    abroad
        Keep reports at places beyond China and North Korea (see :func:`beyond_china_mask`). By
        default they are left out, so the map keeps framing China and the border.

    Returns
    -------
    numpy.ndarray of bool, one per report.
    """
    mask = np.ones(len(reports), dtype=bool)
    if years is not None:
        first, last = years
        mask &= (reports["year_start"].to_numpy() <= last) & (reports["year_end"].to_numpy() >= first)
    if sectors is not None:
        wanted = list(sectors)
        if sector_matrix is None:
            sector_matrix = pd.DataFrame(
                {s: reports["sectors"].str.split(";").map(lambda ids, s=s: s in ids) for s in wanted},
                index=reports.index,
            )
        known = [s for s in wanted if s in sector_matrix.columns]
        if not known:
            mask &= False
        elif sector_matrix.index.equals(reports.index):
            mask &= sector_matrix[known].to_numpy().any(axis=1)
        else:  # rows are looked up by the reports' index, so an already filtered subset lines up
            mask &= sector_matrix.loc[reports.index, known].to_numpy().any(axis=1)
    if roles is not None:
        mask &= reports["role"].isin(list(roles)).to_numpy()
    if sources is not None:
        mask &= reports["source_id"].isin(list(sources)).to_numpy()
    if text:
        mask &= reports["quote"].str.contains(text, case=False, regex=False).to_numpy(dtype=bool)
    if not abroad and "country" in reports:
        mask &= ~beyond_china_mask(reports)
    return mask


def beyond_china_mask(frame: pd.DataFrame) -> np.ndarray:
    """Whether each row's ``country`` is beyond China and North Korea (an empty code counts as beyond).

    Works on reports (their place's country) and on places alike; the vectorised form of
    :func:`geo.vocab.beyond_china`.
    """
    return ~frame["country"].astype(str).isin(HOME_COUNTRIES).to_numpy(dtype=bool)


def filter_reports(reports: pd.DataFrame, **filters) -> pd.DataFrame:
    """The reports that pass every filter; keyword arguments as for :func:`filter_mask`."""
    return reports[filter_mask(reports, **filters)]


def apply_filters(reports: pd.DataFrame, filters: Filters, sector_matrix: pd.DataFrame | None = None) -> pd.DataFrame:
    """The reports passing a :class:`Filters` value."""
    mask = filter_mask(
        reports, sector_matrix=sector_matrix, years=filters.years, sectors=filters.sectors,
        roles=filters.roles, sources=filters.sources, text=filters.text, abroad=filters.abroad,
    )
    return reports[mask]
