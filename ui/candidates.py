"""The review page's candidates: the list to choose from, the article with their passages marked,
and every field of the chosen one (each stored in the draft as soon as it changes)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from geo.drafting.review import DECISIONS, marked_article
from geo.escape import escape
from geo.i18n import N_, fill
from geo.vocab import DATE_BASES, DATE_QUALIFIERS, MOVEMENT_BASES, PRESENCES, ROLES, WORKERS_KINDS
from ui.shared import gettext

CHOICES = {  # a candidate's columns chosen from the data model's vocabularies ("" is an empty cell)
    "role": list(ROLES), "presence": ["", *PRESENCES], "from_basis": ["", *MOVEMENT_BASES],
    "date_basis": list(DATE_BASES), "date_qualifier": ["", *DATE_QUALIFIERS], "workers_kind": ["", *WORKERS_KINDS],
}
CANDIDATE_FIELDS = [  # rows of the candidate editor: (column, label)
    [("place_id", N_("Place")), ("role", N_("Role")), ("presence", N_("Presence (empty: reported)"))],
    [("from_place_id", N_("Came from (place)")), ("from_basis", N_("Movement is")), ("sectors", N_("Sectors"))],
    [("date_start", N_("Date from")), ("date_end", N_("Date to")), ("date_qualifier", N_("Date qualifier"))],
    [("date_basis", N_("Date basis")), ("date_note", N_("Date note"))],
    [("workers_min", N_("Workers (least)")), ("workers_max", N_("Workers (most)")),
     ("workers_kind", N_("Kind of figure"))],
    [("workers_as_stated", N_("Figure as stated"))],
    [("caution", N_("Caution for readers")), ("notes", N_("Notes"))],
]


def candidate_review(draft: object) -> None:
    """The candidates as a list to select from, the article with passages marked, and the selected one's fields."""
    _, ngettext = gettext()
    text = draft.seed_bytes.decode("utf-8")
    st.subheader(fill(ngettext("{n} candidate", "{n} candidates", len(draft.reports)), n=len(draft.reports)))
    if draft.warnings:  # cells a spreadsheet would run as formulas; plain text, never Markdown
        st.warning(_("Some cells start like spreadsheet formulas:"))
        st.code("\n".join(draft.warnings), language=None)
    st.caption(_("None is accepted until you accept it. "
                 "Tick a row’s box to see its passage in the article and check its fields."))
    article_column, list_column = st.columns(2)
    places = st.session_state.get("place_names", {})
    rows = pd.DataFrame({
        "#": range(1, len(draft.reports) + 1),
        "decision": [DECISIONS.get(r["accept"], r["accept"]) for r in draft.reports],
        "confidence": [r.get("confidence", "") for r in draft.reports],
        "place": [places.get(r["place_id"], r["place_id"]) for r in draft.reports],
        "role": [r["role"] for r in draft.reports],
        "dates": [f"{r['date_start']} – {r['date_end']}" for r in draft.reports],
        "quote": [r["quote"] for r in draft.reports],
    })
    list_column.dataframe(rows, key="candidate_list", hide_index=True, on_select=_select,
                          selection_mode="single-row", width="stretch")
    shown = st.session_state.get("shown")
    shown = shown if isinstance(shown, int) and 0 <= shown < len(draft.reports) else None
    with article_column:  # plain escaped HTML: never Markdown, so the article can hold no live link or image
        st.html(marked_article(text, [r["quote"] for r in draft.reports], selected=shown,
                               decisions=[r["accept"] for r in draft.reports]))
    with list_column:
        if shown is None:
            st.info(_("Select a candidate in the list to see its passage and edit it."))
        else:
            _candidate_editor(draft, shown)


def _select() -> None:
    rows = st.session_state["candidate_list"]["selection"]["rows"]
    st.session_state["shown"] = rows[0] if rows else None


def _candidate_editor(draft: object, index: int) -> None:
    """Every field of one candidate, each stored in the draft as soon as it changes."""
    _ = gettext()[0]
    row = draft.reports[index]
    st.markdown("**" + fill(_("Candidate {n}"), n=index + 1) + "**")
    st.html(f"<blockquote data-testid='quote'>{escape(row['quote'])}</blockquote>")
    # st.text: plain text, never Markdown
    st.text(fill(_("Confidence: {confidence}. Why drafted so: {reason}"),
                 confidence=row.get("confidence", "") or _("not given"), reason=row.get("reason", "")))
    st.radio(_("Decision"), list(DECISIONS), format_func=lambda d: _(DECISIONS[d]), horizontal=True,
             **_bound(draft, index, "accept"))
    places = st.session_state.get("place_names", {})
    sectors = st.session_state.get("sector_names", {})
    for line in CANDIDATE_FIELDS:
        for where, (column, label) in zip(st.columns(len(line)), line, strict=True):
            value = str(row.get(column, "") or "")
            if column in ("place_id", "from_place_id"):
                options = ([] if column == "place_id" else [""]) + list(places)
                options += [value] if value not in options else []
                where.selectbox(_(label), options, format_func=lambda p: f"{places.get(p, p)} ({p})" if p else "—",
                                **_bound(draft, index, column))
            elif column in CHOICES:
                options = CHOICES[column] + ([value] if value not in CHOICES[column] else [])
                where.selectbox(_(label), options, format_func=lambda v: v or "—", **_bound(draft, index, column))
            elif column == "sectors":
                options = list(sectors) + [s for s in value.split(";") if s and s not in sectors]
                where.multiselect(_(label), options, format_func=lambda s: sectors.get(s, s),
                                  **_bound(draft, index, column))
            else:
                where.text_input(_(label), **_bound(draft, index, column))


def _bound(draft: object, index: int, column: str) -> dict:
    """A widget's key and change handler for one cell of a candidate, its value taken from the draft."""
    key = f"cand.{index}.{column}"
    if key not in st.session_state:
        value = str(draft.reports[index].get(column, "") or "")
        st.session_state[key] = [s for s in value.split(";") if s] if column == "sectors" else value
    return {"key": key, "on_change": _store, "args": (draft, index, column, key)}


def _store(draft: object, index: int, column: str, key: str) -> None:
    value = st.session_state[key]
    draft.reports[index][column] = ";".join(value) if isinstance(value, list) else str(value or "")
