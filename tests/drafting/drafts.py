"""Drafting a sentence written for a test against a copy of the real dataset (the wire-copy tests)."""

from __future__ import annotations

import csv
from pathlib import Path

from geo.drafting.article import article_from_bytes
from geo.drafting.dates import parse_published
from geo.drafting.draft_folder import make_draft


def drafted(text: str, data: Path, published: str) -> list[tuple[str, dict[str, str]]]:
    """Each candidate as (place name, report cells)."""
    draft = make_draft(article_from_bytes(text.encode("utf-8")), parse_published(published), data, publisher="Test")
    with (data / "places.csv").open(encoding="utf-8") as stream:
        names = {row["id"]: row["name"] for row in csv.DictReader(stream)}
    names |= {row["id"]: row["name"] for row in draft.places}
    return [(names[row["place_id"]], row) for row in draft.reports]
