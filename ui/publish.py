"""The map page's publishing row: GIS files, an image of the view and its citation (the work is
done by ``geo.publish.downloads``)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from geo.data.load import Dataset
from geo.publish import downloads
from geo.query.selection import View
from ui.shared import gettext


def publish_row(dataset: Dataset, view: View, place: str | None, presenting: bool, lang: str = "en") -> None:
    """Downloads of the current view for print, slides and GIS, and how to cite it. A presenter
    gets the image alone, in one click. Its words and the images are in ``lang``."""
    _ = gettext()[0]
    if presenting:
        st.download_button(_("Download this view as an image (PNG)"), key="image_png_presenting",
                           data=lambda: downloads.image_download(dataset, view, "png", place=place, lang=lang),
                           file_name="nk-workers-view.png", mime="image/png", on_click="ignore",
                           help=_("The map of these years and filters, 1920×1080 for slides, with legend and sources."))
        return
    png, svg, gpkg, kml = st.columns(4)
    png.download_button(_("Image of this view (PNG)"), key="image_png",
                        data=lambda: downloads.image_download(dataset, view, "png", place=place, lang=lang),
                        file_name="nk-workers-view.png", mime="image/png", on_click="ignore",
                        help=_("The map as shown (these filters and place), 1920×1080 for slides, with title, "
                               "filters, legend, scale, sources and the dataset version."))
    svg.download_button(_("Image of this view (SVG)"), key="image_svg",
                        data=lambda: downloads.image_download(dataset, view, "svg", place=place, lang=lang),
                        file_name="nk-workers-view.svg", mime="image/svg+xml", on_click="ignore",
                        help=_("The same image with its words as editable text (Illustrator, Inkscape)."))
    gpkg.download_button(_("GeoPackage (QGIS)"), key="gpkg",
                         data=lambda: downloads.gis_download(dataset, view, "gpkg"),
                         file_name="nk-workers-reports.gpkg", mime="application/geopackage+sqlite3",
                         on_click="ignore", help=_("Layers reports (every column of the CSV), places and movements."))
    kml.download_button(_("KML (Google Earth)"), key="kml", data=lambda: downloads.gis_download(dataset, view, "kml"),
                        file_name="nk-workers-reports.kml", mime="application/vnd.google-earth.kml+xml",
                        on_click="ignore", help=_("Each report a placemark with its quote, period and source link."))
    # Written only while the reader has it open: the two blocks (the CSL JSON highlighted) change
    # with every year step and cost the browser about 30 ms a step to draw even when closed.
    cite = st.expander(_("Cite this view"), key="cite_open", on_change="rerun")
    if cite.open:
        cited = downloads.view_citation(dataset, view, st.context.url or "", date.today(), place=place, lang=lang)
        with cite:
            st.caption(_("Copy with the button at the top right of each block."))
            st.code(cited["text"], language=None, wrap_lines=True)
            st.code(cited["csl"], language="json")
