"""How to cite a view: plain text and CSL-JSON with the title, the dataset version, the link that
opens the same view (its filters in the page's own link parameters), the date accessed and the
sources of the reports shown."""

from __future__ import annotations

import json
from datetime import date
from urllib.parse import urlencode

from ..data.load import Dataset
from ..i18n import DEFAULT_LANGUAGE, N_, fill, normalise, translations
from ..query.filters import FILTERS, Filters
from ..reading.localise import format_date_in
from ..reading.pickers import chips, filter_options, labels, role_label, source_label
from .export import ExportInfo

HOME_ONLY = N_("places in China and North Korea only")
"""What a view without the reports beyond China leaves out, as a citation says it."""


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


def view_words(dataset: Dataset, filters: Filters, lang: str) -> str:
    """The filters of a view in words, in ``lang``: the page's chips, and whether places beyond
    China are left out ("none (every report)" when nothing filters)."""
    _ = translations(lang).gettext
    words = [text for _key, text in chips(dataset, filters, lang)]
    if not filters.abroad:
        words.append(_(HOME_ONLY))
    return _("; ").join(words) if words else _("none (every report)")


def cite_view(dataset: Dataset, filters: Filters, source_ids: list[str], info: ExportInfo, *, url: str,
              accessed: date, lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """The citation of a view as ``text`` (plain) and ``csl`` (CSL-JSON text, one ``dataset`` item).

    Parameters
    ----------
    source_ids
        The sources of the reports shown, in the order to list them.
    info
        Title and dataset version; ``info.filters`` says the filters in words (in English).
    url
        The link that opens the view (:func:`view_link`).
    accessed
        The day the reader saw it.
    lang
        The language of the words around the citation's fields (:data:`geo.i18n.LANGUAGES`): the
        filters, the date accessed and the notes. The sources' publishers and the dataset's version
        and link stay as they are; English gives the English citation.
    """
    lang = normalise(lang) or DEFAULT_LANGUAGE
    _ = translations(lang).gettext
    sources = "; ".join(source_label(dataset, source, lang) for source in source_ids)
    if lang == DEFAULT_LANGUAGE:
        title, view, day = info.title, info.filters, f"{accessed.day} {accessed:%B %Y}"
    else:
        title, view = _(info.title), view_words(dataset, filters, lang)
        day = format_date_in(accessed.isoformat(), lang)
    listed = sources or _("none")
    text = fill(_("{title}, dataset version {version}. View: {view}. {url} (accessed {date}). Sources of the "
                  "reports shown: {sources}. Cite each report's own source document too."),
                title=title, version=info.dataset_version, view=view, url=url, date=day, sources=listed)
    item = {
        "id": f"nk-workers-{info.dataset_version}", "type": "dataset", "title": title,
        "version": info.dataset_version, "URL": url,
        "accessed": {"date-parts": [[accessed.year, accessed.month, accessed.day]]},
        "note": fill(_("View: {view}. Sources of the reports shown: {sources}."), view=view, sources=listed),
    }
    if lang != DEFAULT_LANGUAGE:
        item["language"] = lang
    return {"text": text, "csl": json.dumps([item], ensure_ascii=False, indent=2)}
