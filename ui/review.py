"""The review page: paste an article, review the drafted reports beside its text, and merge them
(curation mode only)."""

from __future__ import annotations

import dataclasses
import datetime
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import curation
from geo.drafting.article import MAX_BYTES, ArticleError
from geo.drafting.dates import DateError, parse_published
from geo.drafting.draft_folder import PLACEHOLDERS, placeholders_left, read_rows, write_draft
from geo.drafting.draftrun import DraftTimeoutError, draft_in_worker
from geo.drafting.review import review_order
from geo.errors import DataError
from geo.i18n import N_, fill
from geo.map import leaflet
from geo.settings import SETTINGS
from geo.vocab import DATE_BASES
from ui import candidates
from ui.shared import gettext

SOURCE_FIELDS = {  # column: (label, help); every one stays editable until the merge
    "published": (N_("Published (YYYY, YYYY-MM or YYYY-MM-DD)"), N_("Relative dates in the article are read from it.")),
    "published_basis": (N_("Is the date printed?"),
                        N_("stated: the document or its address gives it; inferred: worked out.")),
    "published_note": (N_("How the date was established"), N_("Needed when the date is inferred; readers see it.")),
    "publisher": (N_("Publisher"), N_("As the document names it; empty: [publisher not given].")),
    "title": (N_("Title"), N_("As printed; empty: a description in [brackets] from the first line.")),
    "author": (N_("Author"), N_("As printed; empty when none is named.")),
    "licence": (N_("Licence"), N_("The document's licence or terms, if known.")),
    "url": (N_("Address (URL)"), N_("The original's address, starting with http:// or https://.")),
    "notes": (N_("Notes on the source"), N_("Anything a reader should know about the document.")),
}


def review_page(curate: bool, data_dir: Path) -> None:
    """The page: the source's fields, the article, then candidates beside the text, new places, and merge."""
    _, ngettext = gettext()
    st.title(_("Add an article"))
    if not curate:
        st.info(_("Read-only: drafting is shown, but nothing can be merged. Start with `make curate` to merge."))
    draft = st.session_state.get("draft")
    _source_fields(draft)
    st.subheader(_("The article"))
    pasted = st.text_area(_("Article text (or upload a file below)"), height=200, **_kept("pasted"))
    uploaded = st.file_uploader(fill(_("Article file (.txt or .html, up to {mb} MB)"), mb=MAX_BYTES // 1_000_000),
                                type=["txt", "html", "htm"])
    if st.button(_("Draft candidates"), key="draft_button"):  # not a form: a field typed just before must count
        state = st.session_state
        _draft(uploaded.getvalue() if uploaded else pasted.encode("utf-8"), state.get("src.published", ""),
               state.get("src.publisher", ""), state.get("src.title", ""), state.get("src.url", ""), data_dir)
        draft = st.session_state.get("draft")
    if "merged" in st.session_state:  # here, below the button: where the reviewer looks after merging
        _merged(st.session_state.pop("merged"))
    if draft is None:
        return
    for message in draft.messages:  # no candidates, or where drafting stopped on a text that gave too many
        st.warning(_("The drafter has a remark on this article:"))
        st.code(message, language=None)  # plain text: the article's words never pass through Markdown
    if not draft.reports:
        return
    candidates.candidate_review(draft)
    if draft.places:
        st.subheader(fill(ngettext("{n} new place", "{n} new places", len(draft.places)), n=len(draft.places)))
        places = pd.DataFrame(draft.places)
        st.dataframe(places[["id", "name", "admin1", "country", "precision", "location_note"]], hide_index=True)
        st_folium(leaflet.places_map(draft.places), height=SETTINGS.new_places_map_height, key="new_places",
                  returned_objects=[])
    _merge_button(draft, data_dir, curate)


def _source_fields(draft: object) -> None:
    """The source row's fields, editable before drafting and after (drafted values show as hints)."""
    _ = gettext()[0]
    st.subheader(_("The source"))
    drafted = draft.source if draft is not None else {}
    left, right = st.columns(2)
    for n, (column, (label, hint)) in enumerate(SOURCE_FIELDS.items()):
        where = (left, right)[n % 2]
        if column == "published_basis":
            where.selectbox(_(label), DATE_BASES, help=_(hint), format_func=_, **_kept("src.published_basis"))
        elif column == "notes":
            where.text_area(_(label), help=_(hint), height=68, **_kept("src.notes"))
        else:
            hint_text = drafted.get(column, "") if column in ("title", "publisher") else ""
            where.text_input(_(label), help=_(hint), placeholder=hint_text, **_kept(f"src.{column}"))


KEPT = "review.kept"
"""What the reviewer typed in the source's fields and the article box, kept apart from the widgets: Streamlit
drops a widget's value when its page is left, and the draft (kept) was then merged with an empty date and the
date's basis back at "stated"."""


def _kept(key: str) -> dict:
    """A field's key and change handler, its value brought back from :data:`KEPT` after the page was left."""
    kept = st.session_state.setdefault(KEPT, {})
    if key not in st.session_state and key in kept:
        st.session_state[key] = kept[key]
    return {"key": key, "on_change": _keep, "args": (key,)}


def _keep(key: str) -> None:
    st.session_state[KEPT][key] = st.session_state[key]


def _source_row(draft: object) -> dict[str, str]:
    """The drafted source row with the reviewer's fields; drafting placeholders never survive it."""
    row = dict(draft.source)
    for column in SOURCE_FIELDS:
        value = str(st.session_state.get(f"src.{column}", "") or "").strip()
        if value or column not in ("title", "publisher", "published"):
            row[column] = value
    drafted_notes = draft.source.get("notes", "").replace(PLACEHOLDERS["notes"], "").strip()  # e.g. HTML extraction
    row["notes"] = " ".join(n for n in (row["notes"], drafted_notes) if n)
    row["url_checked"] = (draft.source.get("url_checked") or datetime.date.today().isoformat()) if row["url"] else ""
    return row


def _missing(draft: object, source: dict[str, str]) -> list[str]:
    """What the reviewer must still do before a merge (plain sentences, no data in them)."""
    _ = gettext()[0]
    missing = []
    if not any(r["accept"] == "yes" for r in draft.reports):
        missing.append(_("Accept at least one candidate."))
    try:
        published = parse_published(source["published"]).text
    except DateError:
        published = source["published"]
    if published != draft.source["published"]:
        missing.append(_("The publication date changed since drafting: draft again so the candidates' dates "
                         "follow."))
    if source["published_basis"] == "inferred" and not source["published_note"]:
        missing.append(_("Say how the publication date was established (it is inferred)."))
    missing += [fill(_("Replace the drafting placeholder in the source's {field}."),
                     field=_(SOURCE_FIELDS[c][0]).lower()) for c in placeholders_left(source)]
    return missing


def _merge_button(draft: object, data_dir: Path, curate: bool) -> None:
    source = _source_row(draft)
    decisions = [r["accept"] for r in draft.reports]
    accepted, rejected = decisions.count("yes"), decisions.count("no")
    missing = _missing(draft, source)
    _, ngettext = gettext()
    for sentence in missing:
        st.warning(sentence)
    st.caption(fill(_("{accepted} accepted, {rejected} rejected, {undecided} undecided: only accepted candidates are "
                      "published."), accepted=accepted, rejected=rejected,
                    undecided=len(decisions) - accepted - rejected))
    curator = curate and _curator()
    label = fill(ngettext("Merge {n} accepted report into the dataset", "Merge {n} accepted reports into the dataset",
                          accepted), n=accepted)
    if st.button(label, disabled=not curator or bool(missing), key="merge"):
        _merge(draft, source, data_dir, curate)


def _curator() -> bool:
    """Whether this session has given the key ``make curate`` printed (asked once per session)."""
    if curation.is_curator(st.session_state.get("_curator_key")):
        return True
    _ = gettext()[0]
    if curation.expected_key() is None:
        st.warning(_("This server has no curator's key, so nothing can be merged: start it with `make curate`."))
        return False
    entered = st.text_input(_("Curator's key (printed in the terminal by `make curate`)"), type="password",
                            key="curator_key")
    if curation.is_curator(entered):
        st.session_state["_curator_key"] = entered
        return True
    if entered:
        st.error(_("That is not this server's key."))
    return False


def _draft(data: bytes, published: str, publisher: str, title: str, url: str, data_dir: Path) -> None:
    _ = gettext()[0]
    for key in [k for k in st.session_state if str(k).startswith("cand.")] + ["draft", "shown"]:
        st.session_state.pop(key, None)
    try:
        # In a child process with a CPU limit: a hostile article cannot freeze the server.
        draft = draft_in_worker(data, published, data_dir, publisher=publisher, title=title, url=url)
    except (ArticleError, DateError, DataError, DraftTimeoutError) as error:
        st.error(_("This can't be drafted or merged yet:"))
        st.code(str(error), language=None)
        return
    draft.reports[:] = review_order(draft.reports)  # places from a reference back or a fallback first
    for row in draft.reports:
        row["accept"] = ""  # nothing is published until the reviewer accepts it
    tables = read_rows(data_dir)
    st.session_state["place_names"] = {**{p["id"]: p["name"] for p in tables["places"][1]},
                                       **{p["id"]: p["name"] for p in draft.places}}
    st.session_state["sector_names"] = {s["id"]: s["label"] for s in tables["sectors"][1]}
    st.session_state["draft"] = draft


def _merge(draft: object, source: dict[str, str] | None, data_dir: Path, curate: bool) -> None:
    """Write the accepted candidates to a temporary draft folder and merge it; only ever in curation mode."""
    if not curate:
        return
    _ = gettext()[0]
    if not curation.is_curator(st.session_state.get("_curator_key")):
        st.error(_("Merging needs the curator's key that `make curate` printed when it started."))
        return
    from geo.drafting.merge import MergeError, merge

    reviewed = dataclasses.replace(draft, source=source, reports=[r for r in draft.reports if r["accept"] == "yes"])
    with tempfile.TemporaryDirectory(prefix="review-") as tmp:
        write_draft(reviewed, Path(tmp) / "draft", data_dir)
        try:
            result = merge(Path(tmp) / "draft", data_dir)
        except (MergeError, DataError) as error:
            st.error(_("This can't be drafted or merged yet:"))
            st.code(str(error).replace(tmp, "(the reviewed draft)"), language=None)
            return
    st.session_state.pop("draft", None)
    st.session_state["merged"] = f"{data_dir}: {result.summary()}"
    st.rerun()


def _merged(summary: str) -> None:
    _ = gettext()[0]
    st.success(_("Merged. The map shows the new reports at once."))
    st.code(summary, language=None, wrap_lines=True)  # plain text: place names never pass through Markdown
    st.info(_("Now add the new document to seeds/README.md: its file, source id, publisher, author, title, and how "
              "its date was established (see the seed and source named above)."))

