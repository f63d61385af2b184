"""The page's downloads: the reports of a view as CSV, GeoJSON and a data package, and the
standalone HTML map."""

from __future__ import annotations

from .export import ExportInfo, geojson_text, left_out_abroad, left_out_text, to_csv_text
from .load import Dataset
from .package import data_package
from .standalone import standalone_html
from .view import View


def export_info(dataset: Dataset, view: View) -> ExportInfo:
    """What a download from this view says about itself."""
    return ExportInfo(dataset_version=dataset.version, filters=view.filters.describe())


def left_out_caption(dataset: Dataset, view: View) -> str:
    """What the CSV, GeoJSON and data package of this view leave out, and how to include it (or ``""``)."""
    return left_out_text(left_out_abroad(dataset, view.filters), "tick “Beyond China” in the filters")


def csv_download(dataset: Dataset, view: View) -> str:
    """The filtered reports as CSV, header first."""
    return to_csv_text(dataset, view.reports(dataset))


def package_download(dataset: Dataset, view: View) -> bytes:
    """The filtered reports as a data package (ZIP): CSV, GeoJSON, datapackage.json, README."""
    return data_package(dataset, view.reports(dataset), export_info(dataset, view))


def geojson_download(dataset: Dataset, view: View) -> str:
    """The filtered reports as RFC 7946 GeoJSON with a metadata member."""
    return geojson_text(dataset, view.reports(dataset), export_info(dataset, view))


def html_download(dataset: Dataset, view: View) -> str:
    """The standalone interactive map, starting at this view's filters."""
    return standalone_html(dataset, view.filters, export_info(dataset, view))
