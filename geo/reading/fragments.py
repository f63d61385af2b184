"""HTML pieces of the page: a report's card, a source's header, a seed with its quotes marked."""

from __future__ import annotations

import pandas as pd

from ..data.load import Dataset
from ..escape import escape
from ..i18n import N_, fill, translations
from ..vocab import AREA_PRECISIONS
from .localise import BASIS_WORDS, format_date_in, place_label, vocabulary_word
from .reports import report_html, report_html_in
from .templates import render, safe

LEVEL_WORDS = {"country": N_("country"), "region": N_("region"), "province": N_("province")}
"""The area precisions (``vocab.AREA_PRECISIONS``) as the card names them, marked for translation."""


def report_card(report: pd.Series, dataset: Dataset, lang: str = "en") -> str:
    """A chosen report in full: quote, figures, citation with a link to the original, the date's
    reasoning, notes; in ``lang`` (the quote and the notes as written, the place by its local name
    with the English one beside it)."""
    level = report.get("place_precision") if report.get("place_precision") in AREA_PRECISIONS else ""
    source = dataset.sources.loc[str(report["source_id"])]
    words = translations(lang)
    if lang == "en":
        labels, names = dataset.sectors["label"].to_dict(), dataset.places["name"].to_dict()
        place, body = report["place_name"], report_html(report, labels, names)
    else:
        place_id = str(report.get("place_id") or "")
        place = place_label(dataset.places.loc[place_id], lang) if place_id in dataset.places.index \
            else report["place_name"]
        body = report_html_in(report, dataset, lang)
    return render("card.html", _=words.gettext, place=place, report=safe(body),
                  level=level, level_word=words.gettext(LEVEL_WORDS[level]) if level in LEVEL_WORDS else "",
                  date_note=report.get("date_note") or "", notes=report.get("notes") or "",
                  published_note=source.get("published_note") or "")


def source_passage(dataset: Dataset, report: pd.Series, context: int = 400, lang: str = "en") -> str:
    """The passage of the seed a report quotes, marked, with up to ``context`` characters around it
    (the source's own words; when the passage is missing, a line that says so in ``lang``)."""
    seed_file = str(report["seed_file"])
    text = dataset.seeds.raw.get(seed_file, "")
    span = dataset.seeds.span(seed_file, str(report["quote"]))
    if span is None:
        missing = translations(lang).gettext("The passage could not be found in the source text.")
        return render("seed.html", parts=[(missing, "")])
    start, end = max(0, span[0] - context), min(len(text), span[1] + context)
    # The context starts and ends at whole words.
    if start:
        start = min(span[0], _next_space(text, start, span[0]))
    if end < len(text):
        cut = text.rfind(" ", span[1], end)
        end = cut if cut > span[1] else end
    before = ("… " if start else "") + text[start:span[0]]
    after = text[span[1]:end] + (" …" if end < len(text) else "")
    return render("seed.html", parts=[(before, ""), (text[span[0]:span[1]], str(report["id"])), (after, "")])


def _next_space(text: str, start: int, limit: int) -> int:
    """Where the first word that starts after ``start`` begins (``limit`` if none does before it)."""
    space = text.find(" ", start, limit)
    return limit if space < 0 else space + 1


def source_header(dataset: Dataset, source_id: str, lang: str = "en") -> str:
    """Who published a seed document and when (and how that date is known), and how many reports
    quote it, in ``lang`` (the title, author, publisher and date note as the source gives them)."""
    row = dataset.sources.loc[source_id]
    count = int((dataset.reports["source_id"].astype(str) == source_id).sum())
    words = translations(lang)
    _ = words.gettext
    return render(
        "source_header.html", _=_, source=row.to_dict(), published=format_date_in(str(row["published"]), lang),
        by_author=fill(_("by {author}"), author=row["author"]),
        date_basis=fill(_("date {basis}:"), basis=vocabulary_word(BASIS_WORDS, str(row["published_basis"]), lang)),
        quoted=fill(words.ngettext("{n} report quotes this document (highlighted).",
                                   "{n} reports quote this document (highlighted).", count), n=count))


def highlighted_seed(dataset: Dataset, source_id: str) -> str:
    """The seed text with every quoted passage marked (``<mark title="report ids">``)."""
    seed_file = dataset.sources.at[source_id, "seed_file"]
    text = dataset.seeds.raw.get(seed_file, "")
    quotes = dataset.reports.loc[dataset.reports["source_id"].astype(str) == source_id, ["id", "quote"]]
    spans = []
    for report_id, quote in quotes.itertuples(index=False):
        span = dataset.seeds.span(seed_file, quote)
        if span:
            spans.append((span[0], span[1], report_id))
    spans.sort()
    merged: list[list] = []
    for start, end, report_id in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(report_id)
        else:
            merged.append([start, end, [report_id]])
    parts, cursor = [], 0
    for start, end, ids in merged:
        parts += [(text[cursor:start], ""), (text[start:end], ", ".join(ids))]
        cursor = end
    parts.append((text[cursor:], ""))
    return render("seed.html", parts=parts)


def method_html(dataset: Dataset, lang: str = "en") -> str:
    """Sources and method, for readers: how the data is made, and every source with its date's basis
    and a link to the original where one is known."""
    counts = dataset.reports["source_id"].astype(str).value_counts()
    sources = [
        {"publisher": row["publisher"], "title": row["title"], "author": str(row.get("author") or ""),
         "published": format_date_in(str(row["published"]), lang), "basis": row["published_basis"],
         "note": row.get("published_note") or "", "url": row.get("url") or "", "reports": int(counts.get(source_id, 0))}
        for source_id, row in dataset.sources.iterrows()
    ]
    words = translations(lang)
    _, ngettext = words.gettext, words.ngettext

    def bold(template: str, count: int) -> str:
        return f"<b>{escape(template % {'num': count})}</b>"

    counts = fill(escape(_("{reports} at {places} from {documents} (dataset version {version}).")),
                  reports=bold(ngettext("%(num)d report", "%(num)d reports", len(dataset.reports)),
                               len(dataset.reports)),
                  places=bold(ngettext("%(num)d place", "%(num)d places", len(dataset.places)), len(dataset.places)),
                  documents=bold(ngettext("%(num)d document", "%(num)d documents", len(dataset.sources)),
                                 len(dataset.sources)),
                  version=f"<code>{escape(dataset.version)}</code>")
    return render("method.html", _=_, ngettext=ngettext, counts=safe(counts), sources=sources)
