"""The floor for start→first paint: the least a Streamlit page with a folium map can do.

It imports what any such page imports (Streamlit, pandas, folium, streamlit-folium) and draws a
single circle with ``st_folium``, with Leaflet served by the app as the dashboard's is. No
dashboard built on this stack can paint its map sooner on the same machine, so the benchmark
measures this page beside the dashboard and shows what the dashboard adds to it. Staged like
the naive peer, in ``bench-out/naive/`` (Streamlit serves ``static/`` next to the script).
"""

from __future__ import annotations

from pathlib import Path

import folium
import pandas as pd  # noqa: F401 - a data page reads its data with pandas
import streamlit as st
from streamlit_folium import st_folium

from geo.map import static_files

st.set_page_config(page_title="Floor", layout="wide")
static_files.install_static(Path(__file__).resolve().parent / "static")
static_files.use_local_assets()
m = folium.Map(location=[41.0, 125.0], zoom_start=5, tiles=None)
folium.CircleMarker(location=[40.13, 124.39], radius=8).add_to(m)
st_folium(m, height=560, use_container_width=True, returned_objects=[])
