"""What pickers, links and the presenter show: labels, focus, years from a link, year steps."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlencode

from ..data.load import Dataset
from ..i18n import DEFAULT_LANGUAGE, LANGUAGES, fill, normalise, translations
from ..query.filters import FILTERS, Filters
from ..query.memo import memo_of
from ..settings import SETTINGS
from ..vocab import ROLES
from .localise import ROLE_WORDS, format_date_in, format_year_span, place_label, sector_label, vocabulary_word


def places_by_name(dataset: Dataset) -> list[str]:
    """Place ids in the order of their names, for pickers."""
    return list(dataset.places.sort_values("name", key=lambda names: names.str.lower()).index)


def labels(dataset: Dataset, table: str, lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """What a picker shows for each id of ``table`` ("sectors", "sources" or "places"), in the
    order the picker lists them, in ``lang`` (places by their local name with the English one
    beside it, :func:`geo.reading.localise.place_label`). Built once per dataset and language: a
    large dataset has thousands of places.

    Pickers and links identify an option by its label, so labels are made unique: two sources of
    one publisher and month, or two places of one name, get their id in brackets. Links read
    the labels of every language (:func:`from_any_label`).
    """
    lang = normalise(lang) or DEFAULT_LANGUAGE
    cached = memo_of(dataset).labels
    name = table if lang == DEFAULT_LANGUAGE else f"{table}:{lang}"
    if name not in cached:
        if table == "sectors":
            found = {s: sector_label(row, lang) for s, row in dataset.sectors.iterrows()}
        elif table == "sources":
            sources = dataset.sources  # by column, not a row lookup per source
            found = {s: _source_words(publisher, published, lang)
                     for s, publisher, published in zip(sources.index, sources["publisher"], sources["published"],
                                                        strict=True)}
        elif table == "places":
            places = dataset.places
            found = {p: place_label(places.loc[p], lang) for p in places_by_name(dataset)} \
                if lang != DEFAULT_LANGUAGE else {p: places.at[p, "name"] for p in places_by_name(dataset)}
        else:
            raise ValueError(f"no labels for {table!r}")
        cached[name] = _unique_labels(found)
    return cached[name]


def from_any_label(options: dict[str, dict[str, str]]) -> dict[str, str]:
    """Option ids by their label in any language: a link made in Korean opens in English too (where two
    languages give one label to different options, the last of ``options`` wins: English, passed last)."""
    return {label: option for by_lang in options.values() for option, label in by_lang.items()}


def all_labels(dataset: Dataset, table: str) -> dict[str, str]:
    """The ids of ``table`` ("sectors", "sources", "places" or "roles") by their label in every language
    (built once per dataset)."""
    cached = memo_of(dataset).labels
    name = f"{table}:any"
    if name not in cached:
        if table == "roles":
            cached[name] = from_any_label({lang: {r: role_label(r, lang) for r in ROLES}
                                           for lang in reversed(LANGUAGES)})
        else:
            cached[name] = from_any_label({lang: labels(dataset, table, lang) for lang in reversed(LANGUAGES)})
    return cached[name]


def _unique_labels(found: dict[str, str]) -> dict[str, str]:
    counts = Counter(found.values())
    return {key: label if counts[label] == 1 else f"{label} ({key})" for key, label in found.items()}


def focus(dataset: Dataset, place: str | None) -> tuple[list[float], int]:
    """Centre and zoom that bring ``place`` into view; the whole map's first view without one.

    The map applies a centre or zoom only when it differs from the last one given, so a reader's
    pan and zoom survive filter changes, and choosing "All places" after a place zooms back out.
    """
    if not place or place not in dataset.places.index:
        return list(SETTINGS.map_center), SETTINGS.map_zoom
    row = dataset.places.loc[place]
    zoom = {"country": 4, "region": 5, "province": 6}.get(row["precision"], 8)
    return [float(row["lat"]), float(row["lon"])], zoom


def map_height(presenting: bool) -> int:
    """Map height in pixels (``SETTINGS.map_height``, ``SETTINGS.presenter_map_height``)."""
    return SETTINGS.presenter_map_height if presenting else SETTINGS.map_height


_TOOLTIP_PLACE = re.compile(r'(?:data-place="|\bplace=)([a-z0-9][a-z0-9_-]*)')


def place_from_tooltip(tooltip: str | None) -> str | None:
    """The place id carried by a clicked mark's tooltip: its HTML (``data-place="ID"``), or the
    plain text streamlit-folium returns for a click, which ends with the hidden ``place=ID``
    (see ``tooltipHtml`` in ``geo/map/static/nkmap/words.js``)."""
    match = _TOOLTIP_PLACE.search(tooltip or "")
    return match.group(1) if match else None


def years_from_link(values: list[str], bounds: tuple[int, int]) -> tuple[int, int]:
    """The years a link asks for, in order and within ``bounds``; all of ``bounds`` when the link
    has no readable pair of years.

    Parameters
    ----------
    values
        The link's ``years`` parameters, as text (``?years=2019&years=2013``).
    bounds
        The first and last year of the data.
    """
    first, last = bounds
    try:
        years = [int(value) for value in values]
    except ValueError:
        return first, last
    return years_in_order(years, bounds) if len(years) == 2 else (first, last)


def years_in_order(years: tuple[int, int] | list[int], bounds: tuple[int, int]) -> tuple[int, int]:
    """``years`` in order and within ``bounds``; all of ``bounds`` when none of them is within.

    Parameters
    ----------
    years
        Two years, in either order (a link's, or a slider's that took a link's as they were).
    bounds
        The first and last year of the data.
    """
    first, last = bounds
    start, end = sorted(int(year) for year in years)
    if end < first or start > last:
        return first, last
    return max(start, first), min(end, last)


def filter_options(dataset: Dataset, lang: str = DEFAULT_LANGUAGE) -> dict[str, dict[str, str]]:
    """The label of each option of each list filter (``sectors``, ``roles``, ``sources``) by id,
    as the filter widgets list them and links name them, in ``lang``."""
    return {"sectors": labels(dataset, "sectors", lang), "roles": {role: role_label(role, lang) for role in ROLES},
            "sources": labels(dataset, "sources", lang)}


def filters_from_link(dataset: Dataset, params: dict[str, list[str]], years: tuple[int, int]) -> Filters:
    """The filters a link (``?sector=Restaurants+%26+hotels&q=waitress``) asks for, read as the
    page's widgets read it: options by label, unknown labels dropped, the last of a repeated text,
    ``true`` (any case) for a flag. With ``years`` from :func:`years_from_link`.

    The page's first view draws the map from this before the widgets exist (they cost the
    browser most); the widgets then read the same link themselves.
    """
    values: dict[str, object] = {"years": years}
    for spec in FILTERS:
        given = [value for value in params.get(spec.key, []) if value != ""]
        if spec.kind == "list":
            # a link made in any language; the labels of every language are built only for a link that names options
            by_label = all_labels(dataset, spec.name) if given else {}
            values[spec.key] = [by_label[label] for label in dict.fromkeys(given) if label in by_label]
        elif spec.kind == "text":
            values[spec.key] = given[-1] if given else ""
        elif spec.kind == "flag":
            values[spec.key] = bool(given) and given[-1].lower() == "true"
    return Filters.from_values(values)


def unread_link_values(dataset: Dataset, params: dict[str, list[str]]) -> list[tuple[str, str]]:
    """The values of a link's own parameters that the page cannot read and so leaves out, as
    (parameter, value) pairs: an option no list filter has (``sector=nonsense``), years that are not
    a pair of whole numbers (``years=abc``), a place no place box lists, a flag neither true nor
    false. Parameters the page does not use are not its to judge (another part may read them).

    Parameters
    ----------
    dataset
        Where the options come from.
    params
        The link's parameters, each with all its values (``st.query_params.get_all``).
    """
    unread: list[tuple[str, str]] = []
    for spec in FILTERS:
        given = [value for value in params.get(spec.key, []) if value != ""]
        if spec.kind == "list" and given:
            known = all_labels(dataset, spec.name)  # read in any language, as filters_from_link reads it
            unread += [(spec.key, value) for value in given if value not in known]
        elif spec.kind == "range" and given:
            if len(given) != 2 or not all(re.fullmatch(r"\s*-?\d+\s*", value) for value in given):
                unread += [(spec.key, value) for value in given]
        elif spec.kind == "flag":
            unread += [(spec.key, value) for value in given if value.lower() not in ("true", "false")]
    if any(params.get("place", [])):
        places = all_labels(dataset, "places")
        unread += [("place", value) for value in params.get("place", []) if value and value not in places]
    unread += [("present", value) for value in params.get("present", [])
               if value.lower() not in ("true", "false", "1", "0", "")]
    return unread


def place_from_link(dataset: Dataset, values: list[str]) -> str | None:
    """The place a link's ``place`` parameter names (by its label, as the place box shows it, in any language)."""
    return all_labels(dataset, "places").get(values[-1]) if values else None


def step_years(current: tuple[int, int], bounds: tuple[int, int], direction: int) -> tuple[int, int]:
    """The presenter's next single-year view.

    From a single year, move one year ``direction`` (+1 or -1), staying within ``bounds``. From a
    wider range, start the story at its first year (forward) or its last year (back).
    """
    start, end = current
    first, last = bounds
    if start != end:
        year = start if direction > 0 else end
    else:
        year = min(max(start + direction, first), last)
    return year, year


def role_label(role: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A role as pickers and chips show it: "Destination", "파견지"."""
    if (normalise(lang) or DEFAULT_LANGUAGE) == DEFAULT_LANGUAGE:
        return role.capitalize()
    return vocabulary_word(ROLE_WORDS, role, lang)


def source_label(dataset: Dataset, source_id: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """A source as pickers show it: its publisher and date ("Daily NK (November 2019)", "Daily NK (2019년 11월)")."""
    row = dataset.sources.loc[source_id]
    return _source_words(row["publisher"], row["published"], lang)


def _source_words(publisher: object, published: object, lang: str) -> str:
    return f"{publisher} ({format_date_in(str(published), lang)})"


def year_label(years: tuple[int, int] | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """The years shown, as the presenter's big line and the chips say them: "2013–2019", "2013년 ~ 2019년"."""
    if not years:
        return ""
    if (normalise(lang) or DEFAULT_LANGUAGE) == DEFAULT_LANGUAGE:
        return str(years[0]) if years[0] == years[1] else f"{years[0]}–{years[1]}"
    return format_year_span(int(years[0]), int(years[1]), lang)


def link_without(params: dict[str, list[str]], key: str) -> str:
    """The page's link (its query string, from ``params``) without the parameter ``key``: where a
    filter chip's ✕ leads."""
    return "?" + urlencode([(name, value) for name, values in params.items() if name != key for value in values])


def chips(dataset: Dataset, filters: Filters, lang: str = DEFAULT_LANGUAGE) -> list[tuple[str, str]]:
    """The filters a view applies beyond the defaults, as (URL key, words a reader sees), in the
    order of ``FILTERS``: what the chips above the map say, e.g. ``("sector", "Sector: Restaurants
    & hotels")``, in ``lang``. Years count only when narrower than the data's."""
    _ = translations(lang).gettext
    names = filter_options(dataset, lang)
    found = []
    for spec, value in filters.active():
        if spec.kind == "range":
            if tuple(value) != dataset.years:
                found.append((spec.key, fill(_("Years: {years}"), years=year_label(tuple(value), lang))))
        elif spec.kind == "list":
            shown = [names[spec.name].get(item, item) for item in value]
            found.append((spec.key, fill(_("{filter}: {values}"), filter=_(spec.label),
                                         values=_(", ").join(shown) if shown else _("none"))))
        elif spec.kind == "text":
            found.append((spec.key, fill(_("Quotes containing “{words}”"), words=value)))
    return found
