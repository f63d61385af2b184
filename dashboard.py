"""The dashboard's entry: the page's settings and the navigation between its pages (``ui/``).

``streamlit run dashboard.py -- [--data DIR] [--curate]``; each page reads its widgets, calls
``geo`` and draws."""

from __future__ import annotations

import streamlit as st

from ui import explore, method, sources
from ui.shared import TITLE, gettext, page_args

_, _ngettext = gettext()  # the reader's language (ui.shared.page_language)
st.set_page_config(page_title=_(TITLE), page_icon="🗺️", layout="wide")


def review() -> None:
    """The page that drafts reports from a new article and merges them: curation mode only."""
    from ui import review as review_page

    review_page.review_page(curate=True, data_dir=page_args().data)


PAGES = [st.Page(explore.main, title=_("Map"), default=True),
         st.Page(sources.main, title=_("Source documents"), url_path="sources"),
         st.Page(method.main, title=_("Sources and method"), url_path="method")]
# The page that writes to the dataset exists only in curation mode: nothing a reader does reaches it.
CURATION = [st.Page(review, title=_("Add an article"), url_path="review")] if page_args().curate else []
st.navigation(PAGES + CURATION, position="top").run()
