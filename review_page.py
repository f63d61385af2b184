"""Review page: paste an article, review the drafted reports beside its text, and merge them (curation mode only)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import assets, mapping
from geo.article import ArticleError
from geo.dates import DateError
from geo.draftout import write_draft
from geo.draftrun import DraftTimeoutError, draft_in_worker
from geo.errors import DataError
from geo.escape import escape
from geo.settings import SETTINGS

EDITABLE = ["accept", "place_id", "role", "presence", "date_start", "date_end", "date_basis", "date_note",
            "sectors", "workers_min", "workers_max", "workers_kind", "workers_as_stated", "notes"]


def page_args(argv: list[str] | None = None) -> argparse.Namespace:
    """``--curate`` (allow merging) and ``--data DIR`` from the arguments after ``streamlit run … --``."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--curate", action="store_true")
    parser.add_argument("--data", type=Path, default=SETTINGS.data_dir)
    args, _ = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    return args


def highlighted(text: str, quotes: list[str]) -> str:
    """The article as HTML with every candidate's quote marked."""
    spans = sorted({(text.find(q), text.find(q) + len(q)) for q in quotes if q and q in text})
    out, position = [], 0
    for start, end in spans:
        if start < position:
            continue
        out += [escape(text[position:start]), f"<mark>{escape(text[start:end])}</mark>"]
        position = end
    out.append(escape(text[position:]))
    return ("<div style='white-space:pre-wrap;max-height:34rem;overflow:auto;font-size:0.9rem' data-testid='article'>"
            + "".join(out) + "</div>")


def review_page(curate: bool, data_dir: Path) -> None:
    """The page: source fields and article, then candidates beside the text, new places, and merge."""
    st.title("Add an article")
    if not curate:
        st.info("Read-only: drafting is shown, but nothing can be merged. Start with `make curate` to merge.")
    with st.form("article"):
        pasted = st.text_area("Article text (or upload a file below)", height=200, key="pasted")
        uploaded = st.file_uploader("Article file (.txt or .html)", type=["txt", "html", "htm"])
        left, right = st.columns(2)
        published = left.text_input("Published (YYYY, YYYY-MM or YYYY-MM-DD)", key="published")
        publisher = right.text_input("Publisher", key="publisher")
        title = left.text_input("Title", key="title")
        url = right.text_input("Address (URL)", key="url")
        submitted = st.form_submit_button("Draft candidates")
    if submitted:
        _draft(uploaded.getvalue() if uploaded else pasted.encode("utf-8"), published, publisher, title, url, data_dir)
    draft = st.session_state.get("draft")
    if draft is None:
        return
    if not draft.reports:
        st.warning("The drafter has a remark on this article:")
        st.code(draft.messages[0], language=None)  # plain text: the article's words never pass through Markdown
        return
    text = draft.seed_bytes.decode("utf-8")
    st.subheader(f"{len(draft.reports)} candidates")
    if draft.warnings:  # cells a spreadsheet would run as formulas; plain text, never Markdown
        st.warning("Some cells start like spreadsheet formulas:")
        st.code("\n".join(draft.warnings), language=None)
    article_column, table_column = st.columns([2, 3])
    article_column.markdown(highlighted(text, [r["quote"] for r in draft.reports]), unsafe_allow_html=True)
    frame = pd.DataFrame(draft.reports)
    frame["accept"] = frame["accept"] == "yes"
    shown = ["accept", "confidence", "place_id", "role", "presence", "date_start", "date_end", "sectors",
             "workers_min", "workers_max", "workers_kind", "quote", "reason"]
    edited = table_column.data_editor(
        frame[shown + [c for c in frame.columns if c not in shown]], key="candidates", hide_index=True,
        disabled=[c for c in frame.columns if c not in EDITABLE], width="stretch")
    if draft.places:
        st.subheader(f"{len(draft.places)} new places")
        places = pd.DataFrame(draft.places)
        st.dataframe(places[["id", "name", "admin1", "country", "precision", "location_note"]], hide_index=True)
        st_folium(mapping.places_map(draft.places), height=320, key="new_places", returned_objects=[])
    accepted = int(edited["accept"].sum())
    if st.button(f"Merge {accepted} accepted reports into the dataset", disabled=not curate or not accepted,
                 key="merge"):
        _merge(draft, edited, data_dir, curate)


def _draft(data: bytes, published: str, publisher: str, title: str, url: str, data_dir: Path) -> None:
    st.session_state.pop("draft", None)
    try:
        # In a child process with a CPU limit: a hostile article cannot freeze the server.
        st.session_state["draft"] = draft_in_worker(data, published, data_dir, publisher=publisher, title=title,
                                                    url=url)
    except (ArticleError, DateError, DataError, DraftTimeoutError) as error:
        st.error("This can't be drafted or merged yet:")
        st.code(str(error), language=None)


def _merge(draft: object, edited: pd.DataFrame, data_dir: Path, curate: bool) -> None:
    """Write the reviewed draft to a temporary folder and merge it; only ever in curation mode."""
    if not curate:
        return
    from geo.merge import MergeError, merge

    rows = edited.assign(accept=edited["accept"].map({True: "yes", False: "no"})).fillna("").astype(str)
    draft.reports = [dict(row) for row in rows.to_dict("records")]
    with tempfile.TemporaryDirectory(prefix="review-") as tmp:
        write_draft(draft, Path(tmp) / "draft", data_dir)
        try:
            result = merge(Path(tmp) / "draft", data_dir)
        except (MergeError, DataError) as error:
            st.error("This can't be drafted or merged yet:")
            st.code(str(error), language=None)
            return
    st.session_state.pop("draft", None)
    st.success("Merged.")
    st.code(result.summary(), language=None)  # plain text: place names never pass through Markdown


if __name__ == "__main__":
    _args = page_args()
    assets.install_static(SETTINGS.static_dir)  # the new places' map loads Leaflet from the app
    review_page(_args.curate, _args.data)
