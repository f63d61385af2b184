"""The floor for a year step: the least Streamlit page whose year slider changes one circle on an ``st_folium`` map.

A range slider of years, as the dashboard's, sets one circle's radius; the circle goes in a
feature group passed as ``feature_group_to_add`` on a base map that never changes, as the
dashboard's marks do, so a step swaps it in place without remounting the map. What a step costs
here is what Streamlit and streamlit-folium need for a rerun that changes one circle: no
dashboard step on this stack can settle sooner on the same machine. The benchmark times its
steps the way it times the dashboard's (``benchmarks/browse.py``) and reports each dataset
size's step as a ratio to it. Staged like the naive peer, in ``bench-out/naive/``.
"""

from __future__ import annotations

from pathlib import Path

import folium
import streamlit as st
from streamlit_folium import st_folium

from geo.map import static_files

st.set_page_config(page_title="Step floor", layout="wide")
static_files.install_static(Path(__file__).resolve().parent / "static")
static_files.use_local_assets()
first, last = st.slider("Years", 2000, 2024, (2000, 2024))
base = folium.Map(location=[41.0, 125.0], zoom_start=5, tiles=None)
circle = folium.FeatureGroup(name="circle")
folium.CircleMarker(location=[40.13, 124.39], radius=4 + last - first).add_to(circle)
st_folium(base, key="map", feature_group_to_add=circle, height=560, use_container_width=True, returned_objects=[])
