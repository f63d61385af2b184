"""The source documents page: each document whole, with the quotes the dataset takes from it highlighted."""

from __future__ import annotations

import streamlit as st

from geo.reading import fragments, pickers
from ui.shared import gettext, html_language, language_picker, loaded, styled


def main() -> None:
    """Pick a document; read it with its header and its quoted passages marked."""
    dataset, _, _ = loaded()
    styled()
    heading, language = st.columns([6, 1], vertical_alignment="center")
    lang = language_picker(language)
    html_language(lang)
    _ = gettext()[0]
    heading.title(_("Source documents"))
    source_labels = pickers.labels(dataset, "sources", lang)
    source = st.selectbox(_("Document"), options=list(source_labels), format_func=source_labels.__getitem__,
                          key="reader")
    st.html(fragments.source_header(dataset, source, lang))
    st.html(fragments.highlighted_seed(dataset, source))
