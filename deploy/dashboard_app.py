"""The dashboard as Streamlit's ASGI app, with ``deploy.guard`` in front: what ``deploy/launch.py`` runs.

``streamlit run deploy/dashboard_app.py -- [--data DIR] [--curate]`` finds ``app`` below and serves it;
``st.App(..., middleware=[...])`` is Streamlit's supported way to add to its HTTP answers.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from deploy.guard import Guard  # noqa: E402 - needs the repository on the path
from geo.curation import expected_key  # noqa: E402

# A server that holds a curator's key can merge into data/: no page may frame it (clickjacking).
app = st.App(ROOT / "dashboard.py", middleware=[Middleware(Guard, frames="deny" if expected_key() else None)])
