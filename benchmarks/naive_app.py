"""The naive peer for the benchmark: one folium CircleMarker per report, the way tutorials map data.

It reads the same CSV files with pandas, has a year range slider, and redraws a whole
``folium.Map`` with a marker and a popup per filtered report on every change. Leaflet comes from
the app itself (``geo.map.static_files``), so it works offline like the dashboard. The benchmark stages a
copy in ``bench-out/naive/`` (Streamlit serves ``static/`` next to the script it runs) and runs it
from the repository root, so ``.streamlit/config.toml`` turns static serving on::

    streamlit run bench-out/naive/naive_app.py -- --data bench-out/synth-r5000-p300
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

import folium
import pandas as pd
import streamlit as st
from branca.element import MacroElement
from jinja2 import Template
from streamlit_folium import st_folium

from geo.map import static_files


class JQueryDollar(MacroElement):
    """The one jQuery call folium's Popup makes, ``$(html)[0]``, for a map with no CDN.

    ``geo.map.static_files.use_local_assets`` serves Leaflet only; folium links jQuery from a CDN, and
    without it the first popup throws and the map stops after one marker. This parses the
    popup HTML the way jQuery would, so the naive map draws every marker offline.
    """

    _template = Template("""
{% macro script(this, kwargs) %}
window.$ = window.$ || function (markup) {
  var box = document.createElement("template");
  box.innerHTML = String(markup).trim();
  return [box.content.firstChild];
};
{% endmacro %}
""")


def data_dir() -> Path:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data", type=Path, default=Path("data"))
    known, _ = parser.parse_known_args(sys.argv[1:])
    return known.data


@st.cache_data
def load_reports(folder: str) -> pd.DataFrame:
    """Reports joined with their place's name and coordinates."""
    reports = pd.read_csv(Path(folder) / "reports.csv", dtype=str, keep_default_na=False)
    places = pd.read_csv(Path(folder) / "places.csv", dtype=str, keep_default_na=False)
    places = places[["id", "name", "lat", "lon"]].rename(columns={"id": "place_id"})
    reports = reports.merge(places, on="place_id", how="left")
    reports["lat"] = reports["lat"].astype(float)
    reports["lon"] = reports["lon"].astype(float)
    reports["year_start"] = reports["date_start"].str[:4].astype(int)
    reports["year_end"] = reports["date_end"].str[:4].astype(int)
    return reports


st.set_page_config(page_title="Naive map", layout="wide")
static_files.install_static(Path(__file__).resolve().parent / "static")
static_files.use_local_assets()

reports = load_reports(str(data_dir()))
first, last = int(reports["year_start"].min()), int(reports["year_end"].max())
st.title("North Korean workers reported in China (naive)")
years = st.slider("Years", min_value=first, max_value=last, value=(first, last))
shown = reports[(reports["year_start"] <= years[1]) & (reports["year_end"] >= years[0])]
st.write(f"{len(shown)} reports")

m = folium.Map(location=[41.0, 125.0], zoom_start=5)
JQueryDollar().add_to(m)
for report in shown.itertuples():
    folium.CircleMarker(
        location=[report.lat, report.lon], radius=5, color="#d55e00", fill=True,
        popup=folium.Popup(f"<b>{html.escape(report.name)}</b><br>{html.escape(report.quote)}", max_width=300),
    ).add_to(m)
st_folium(m, width=1000, height=560)
