"""The method page: how the dataset is made, and its sources."""

from __future__ import annotations

import streamlit as st

from geo.reading import fragments
from ui.shared import gettext, html_language, language_picker, loaded, styled


def main() -> None:
    """How the dataset is made, and its sources."""
    dataset, _, _ = loaded()
    styled()
    heading, language = st.columns([6, 1], vertical_alignment="center")
    lang = language_picker(language)
    html_language(lang)
    heading.title(gettext()[0]("Sources and method"))
    st.html(fragments.method_html(dataset, lang))
