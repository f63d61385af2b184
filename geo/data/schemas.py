"""The schema of each CSV table, declared with pandera; checks name the fix in their message.

Cells arrive as text. Each check says what a valid cell looks like; the messages are templates
filled with the offending ``{value}`` and the other cells of its row, so a failure reads like
``data/reports.csv:14: date_end: '2010' is before date_start '2020'``.
"""

from __future__ import annotations

from collections.abc import Callable

import pandera.pandas as pa

from ..vocab import (
    COLOUR,
    DATE_BASES,
    DATE_QUALIFIERS,
    FEE_PERIODS,
    MOVEMENT_BASES,
    PLACE_PRECISIONS,
    PRESENCES,
    ROLES,
    WAGE_PERIODS,
    WORKERS_KINDS,
)
from .cell_checks import (
    DATE_MESSAGE,
    DAY,
    INTEGER,
    MOST_WAGE,
    PARTIAL_DATE,
    URL,
    column,
    id_checks,
    matches,
    number_in,
    one_of,
    real_day,
    required,
    whole_number,
)
from .quotes import SeedIndex
from .row_checks import (
    basis_with_movement,
    checked_when_url,
    country_unless_multinational_region,
    currency_with,
    currency_with_wage,
    has_figure,
    kind_with_figure,
    needs_column,
    not_before_start,
    not_below,
    published_date,
    published_range_in_order,
    radius_for_areas,
    same_precision,
    sector_list,
    verbatim,
    when_inferred,
    when_qualified,
)


def sources_schema(seed_names: set[str]) -> pa.DataFrameSchema:
    """Schema of ``sources.csv``; ``seed_names`` are the files present in the seeds folder."""
    return pa.DataFrameSchema(
        {
            "id": column(*id_checks()),
            "seed_file": column(required(), one_of(seed_names, "file in the seeds folder")),
            "title": column(required()),
            "publisher": column(required()),
            "author": column(required_column=False),
            "published": column(required(), published_date(), published_range_in_order()),
            "published_basis": column(one_of(DATE_BASES, "date basis")),
            "published_note": column(
                when_inferred("published_basis", "say how the publication date was worked out")),
            "licence": column(required_column=False),
            "notes": column(required_column=False),
            "url": column(
                matches(URL, "{value} is not a web address starting with http:// or https://", optional=True),
                required_column=False),
            "url_checked": column(
                matches(DAY, "{value} is not a full date like 2026-11-30", optional=True), real_day(),
                checked_when_url(), required_column=False),
        }
    )


def places_schema() -> pa.DataFrameSchema:
    """Schema of ``places.csv``."""
    return pa.DataFrameSchema(
        {
            "id": column(*id_checks()),
            "name": column(required()),
            **local_name_columns(),
            "aliases": column(required_column=False),
            "admin1": column(required_column=False),
            "country": column(
                matches(r"^[A-Z]{2}$", "{value} is not an ISO 3166-1 alpha-2 country code like CN or KP",
                        optional=True), country_unless_multinational_region()),
            "lat": column(number_in(-90, 90)),
            "lon": column(number_in(-180, 180)),
            "precision": column(one_of(PLACE_PRECISIONS, "place precision")),
            "radius_km": column(number_in(0.1, 5000, optional=True), radius_for_areas()),
            "geonames_id": column(
                matches(INTEGER, "{value} is not a GeoNames id (digits only)", optional=True), required_column=False),
            "location_note": column(required_column=False),
        }
    )


HANGUL, HAN, KANA = "\uac00-\ud7a3", "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff", "\u3040-\u30ff"
LOCAL_NAMES: dict[str, tuple[str, str]] = {
    "name_ko": (f"^[{HANGUL}0-9 ·-]*[{HANGUL}][{HANGUL}0-9 ·-]*$",
                "{value} is not a Korean name in Hangul (e.g. 단둥); leave it empty to show the English name"),
    "name_zh": (f"^[{HAN}·]+$",
                "{value} is not a Chinese name in Chinese characters (e.g. 丹东); "
                "leave it empty to show the English name"),
    "name_ja": (f"^[{HAN}{KANA}々]+$",
                "{value} is not a Japanese name in kanji or kana (e.g. 丹東, ハルビン); "
                "leave it empty to show the English name"),
}
"""``places.csv``'s names in Korean, Chinese and Japanese: optional columns, each in its own script."""


def local_name_columns() -> dict[str, pa.Column]:
    """The columns of :data:`LOCAL_NAMES`, each checked for its script when filled."""
    return {name: column(matches(pattern, message, optional=True), required_column=False)
            for name, (pattern, message) in LOCAL_NAMES.items()}


def sectors_schema() -> pa.DataFrameSchema:
    """Schema of ``sectors.csv``."""
    return pa.DataFrameSchema(
        {
            "id": column(*id_checks()),
            "label": column(required()),
            **{f"label_{lang}": column(required_column=False) for lang in ("ko", "zh", "ja")},
            "colour": column(matches(f"^{COLOUR}$", "{value} is not a colour like #0072B2")),
            "description": column(required_column=False),
            "keywords": column(required_column=False),
        }
    )


def reports_schema(
    *, place_ids: set[str] | None, source_ids: set[str] | None, sector_ids: set[str] | None,
    seed_of_source: dict[str, str], seeds: SeedIndex,
) -> pa.DataFrameSchema:
    """Schema of ``reports.csv``, with the ids it may refer to and the seeds its quotes come from.

    An id set of ``None`` means its table could not be read: references into it are not checked,
    since calling every one of them unknown would bury the table's own problems.
    """
    optional = {"required_column": False}

    def references(ids: set[str] | None, check: Callable[[set[str]], pa.Check]) -> list[pa.Check]:
        return [] if ids is None else [check(ids)]

    return pa.DataFrameSchema(
        {
            "id": column(*id_checks()),
            "place_id": column(*references(place_ids, lambda ids: one_of(ids, "place id (see places.csv)"))),
            "from_place_id": column(
                *references(place_ids, lambda ids: one_of(ids, "place id (see places.csv)", optional=True)),
                needs_column("from_basis", "say whether each movement is stated or inferred"),
                **optional,
            ),
            "from_basis": column(
                one_of(MOVEMENT_BASES, "movement basis", optional=True), *basis_with_movement(), **optional),
            "source_id": column(*references(source_ids, lambda ids: one_of(ids, "source id (see sources.csv)"))),
            "role": column(one_of(set(ROLES), "role")),
            "presence": column(one_of(PRESENCES, "presence", optional=True), **optional),
            "date_start": column(matches(PARTIAL_DATE, DATE_MESSAGE), real_day()),
            "date_end": column(
                matches(PARTIAL_DATE, DATE_MESSAGE), real_day(),
                same_precision(), not_before_start(),
            ),
            "date_basis": column(one_of(DATE_BASES, "date basis")),
            "date_note": column(when_inferred("date_basis", "say how the date was inferred"), when_qualified()),
            "date_qualifier": column(one_of(DATE_QUALIFIERS, "date qualifier", optional=True), **optional),
            "sectors": column(*references(sector_ids, sector_list)),
            "workers_min": column(
                whole_number(),
                needs_column("workers_kind", "say what kind of figure each is", when=has_figure), **optional),
            "workers_max": column(whole_number(), not_below("workers_min"), **optional),
            "workers_as_stated": column(**optional),
            "workers_kind": column(
                one_of(WORKERS_KINDS, "kind of figure", optional=True), kind_with_figure(), **optional),
            "wage_min": column(number_in(0, MOST_WAGE, optional=True), **optional),
            "wage_max": column(number_in(0, MOST_WAGE, optional=True), not_below("wage_min"), **optional),
            "wage_currency": column(
                matches(r"^[A-Z]{3}$", "{value} is not an ISO 4217 currency code like CNY or USD", optional=True),
                currency_with_wage(), **optional),
            "wage_period": column(one_of(WAGE_PERIODS, "wage period", optional=True), **optional),
            "wage_as_stated": column(**optional),
            "fee_min": column(number_in(0, MOST_WAGE, optional=True), **optional),
            "fee_max": column(number_in(0, MOST_WAGE, optional=True), not_below("fee_min"), **optional),
            "fee_currency": column(
                matches(r"^[A-Z]{3}$", "{value} is not an ISO 4217 currency code like CNY or USD", optional=True),
                currency_with("fee"), **optional),
            "fee_period": column(one_of(FEE_PERIODS, "fee period", optional=True), **optional),
            "fee_as_stated": column(**optional),
            "state_share_min": column(number_in(0, 100, optional=True), **optional),
            "state_share_max": column(
                number_in(0, 100, optional=True), not_below("state_share_min"), **optional),
            "state_share_as_stated": column(**optional),
            "quote": column(required(), verbatim(seed_of_source, seeds)),
            "caution": column(**optional),
            "notes": column(**optional),
        }
    )


def known_columns() -> dict[str, set[str]]:
    """The columns each table's schema declares; any other column of a file is unknown."""
    reports = reports_schema(place_ids=None, source_ids=None, sector_ids=None, seed_of_source={}, seeds=SeedIndex({}))
    return {"sources": set(sources_schema(set()).columns), "places": set(places_schema().columns),
            "sectors": set(sectors_schema().columns), "reports": set(reports.columns)}
