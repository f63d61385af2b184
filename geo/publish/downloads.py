"""The page's downloads: the reports of a view as CSV, GeoJSON and a data package, and the
standalone HTML map."""

from __future__ import annotations

from ..data.load import Dataset
from ..query.selection import View
from .datapackage import data_package
from .export import ExportInfo, geojson_text, to_csv_text
from .standalone import standalone_html


def export_info(dataset: Dataset, view: View) -> ExportInfo:
    """What a download from this view says about itself."""
    return ExportInfo(dataset_version=dataset.version, filters=view.filters.describe())


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
