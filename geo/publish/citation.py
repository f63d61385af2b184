"""How to cite a view: plain text and CSL-JSON with the title, the dataset version, the link that
opens the same view (its filters in the page's own link parameters), the date accessed and the
sources of the reports shown."""

from __future__ import annotations

import json
from datetime import date
from urllib.parse import urlencode

from ..data.load import Dataset
from ..query.filters import FILTERS, Filters
from ..reading.pickers import filter_options, labels, role_label, source_label
from .export import ExportInfo


def view_query(dataset: Dataset, filters: Filters, place: str | None = None) -> str:
    """The page's link parameters for ``filters`` and ``place``, as its widgets write them
    (options by label; what equals the default is left out); :func:`geo.reading.pickers.filters_from_link`
    reads them back."""
    options = filter_options(dataset)
    params: list[tuple[str, str]] = []
    for spec, value in filters.active():
        if spec.kind == "range":
            if tuple(value) != dataset.years:
                params += [(spec.key, str(year)) for year in value]
        elif spec.kind == "list":
            params += [(spec.key, options[spec.name].get(item, item)) for item in value]
        elif spec.kind == "text":
            params.append((spec.key, str(value)))
    if filters.abroad:
        params.append((next(spec.key for spec in FILTERS if spec.kind == "flag"), "true"))
    if place and place in dataset.places.index:
        params.append(("place", labels(dataset, "places")[place]))
    return urlencode(params)


def view_in_words(dataset: Dataset, filters: Filters) -> str:
    """The filters of a view in one line, options by what a reader sees (a sector's label, not its
    id), e.g. ``years 2017–2019; sectors Restaurants & hotels``: the "filters" of every export, its
    citation and the data package.

    Parameters
    ----------
    dataset
        Where the labels come from.
    filters
        The view's filters.
    """
    names = {"sectors": labels(dataset, "sectors"), "sources": labels(dataset, "sources"),
             "roles": {role: role_label(role) for role in filters.roles or ()}}
    parts = []
    for spec, value in filters.active():
        if spec.kind == "list":
            value = [names[spec.name].get(item, item) for item in value]
        parts.append(spec.describe(value))
    return "; ".join(parts) or "none (all reports)"


def view_link(dataset: Dataset, filters: Filters, base_url: str, place: str | None = None) -> str:
    """``base_url`` with the view's parameters."""
    query = view_query(dataset, filters, place)
    base = base_url.split("?")[0]
    return f"{base}?{query}" if query else base


def cite_view(dataset: Dataset, filters: Filters, source_ids: list[str], info: ExportInfo, *, url: str,
              accessed: date) -> dict[str, str]:
    """The citation of a view as ``text`` (plain) and ``csl`` (CSL-JSON text, one ``dataset`` item).

    Parameters
    ----------
    source_ids
        The sources of the reports shown, in the order to list them.
    info
        Title and dataset version; ``info.filters`` says the filters in words.
    url
        The link that opens the view (:func:`view_link`).
    accessed
        The day the reader saw it.
    """
    sources = "; ".join(source_label(dataset, source) for source in source_ids)
    day = f"{accessed.day} {accessed:%B %Y}"
    text = (f"{info.title}, dataset version {info.dataset_version}. View: {info.filters}. {url} "
            f"(accessed {day}). Sources of the reports shown: {sources or 'none'}. "
            "Cite each report's own source document too.")
    item = {
        "id": f"nk-workers-{info.dataset_version}", "type": "dataset", "title": info.title,
        "version": info.dataset_version, "URL": url,
        "accessed": {"date-parts": [[accessed.year, accessed.month, accessed.day]]},
        "note": f"View: {info.filters}. Sources of the reports shown: {sources or 'none'}.",
    }
    return {"text": text, "csl": json.dumps([item], ensure_ascii=False, indent=2)}
