"""The method page: how the dataset is made, and its sources."""

from __future__ import annotations

import streamlit as st

from geo.reading import fragments
from ui.shared import loaded, styled


def main() -> None:
    """How the dataset is made, and its sources."""
    dataset, _, _ = loaded()
    styled()
    st.title("Sources and method")
    st.html(fragments.method_html(dataset))
