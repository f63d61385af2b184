"""The page's downloads: the reports of a view as CSV, GeoJSON, a data package, GeoPackage and
KML, the standalone HTML map, and an image of the view."""

from __future__ import annotations

from datetime import date

from ..data.load import Dataset
from ..i18n import DEFAULT_LANGUAGE, fill, translations
from ..query.selection import View
from .datapackage import data_package
from .export import ExportInfo, geojson_text, left_out_abroad, left_out_text, to_csv_text
from .standalone import standalone_html


def export_info(dataset: Dataset, view: View) -> ExportInfo:
    """What a download from this view says about itself."""
    from .citation import view_in_words

    return ExportInfo(dataset_version=dataset.version, filters=view_in_words(dataset, view.filters))


def left_out_caption(dataset: Dataset, view: View, lang: str = DEFAULT_LANGUAGE) -> str:
    """What the CSV, GeoJSON and data package of this view leave out, and how to include it (or
    ``""``), in ``lang``."""
    _ = translations(lang).gettext
    how = fill(_("tick “{filter}” in the filters"), filter=_("Beyond China"))
    return left_out_text(left_out_abroad(dataset, view.filters), how, lang=lang)


def csv_download(dataset: Dataset, view: View) -> str:
    """The filtered reports as CSV, header first."""
    return to_csv_text(dataset, view.reports(dataset))


def package_download(dataset: Dataset, view: View, *, lang: str = DEFAULT_LANGUAGE) -> bytes:
    """The filtered reports as a data package (ZIP): CSV, GeoJSON, datapackage.json, README (in ``lang``)."""
    return data_package(dataset, view.reports(dataset), export_info(dataset, view), lang=lang)


def geojson_download(dataset: Dataset, view: View) -> str:
    """The filtered reports as RFC 7946 GeoJSON with a metadata member."""
    return geojson_text(dataset, view.reports(dataset), export_info(dataset, view))


def html_download(dataset: Dataset, view: View, *, lang: str = DEFAULT_LANGUAGE) -> str:
    """The standalone interactive map, starting at this view's filters, in ``lang``."""
    return standalone_html(dataset, view.filters, export_info(dataset, view), lang=lang)


def gis_download(dataset: Dataset, view: View, format_name: str) -> bytes:
    """The filtered reports, their places and movements as a GeoPackage or KML (``geo.publish.gis``)."""
    from .gis import gis_bytes

    return gis_bytes(dataset, view.reports(dataset), export_info(dataset, view), format_name)


def image_download(dataset: Dataset, view: View, format_name: str = "png", *, place: str | None = None,
                   lang: str = DEFAULT_LANGUAGE) -> bytes:
    """An image of the view (``geo.publish.image``): PNG for slides by default, place names in ``lang``."""
    from .image import image_bytes

    return image_bytes(dataset, view, export_info(dataset, view), format_name, place=place, lang=lang)


def view_citation(dataset: Dataset, view: View, base_url: str, accessed: date, *,
                  place: str | None = None, lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """How to cite the view: plain text and CSL-JSON (``geo.publish.citation``), its words in ``lang``."""
    from .citation import cite_view, view_link

    sources = list(dict.fromkeys(dataset.reports["source_id"].iloc[view.rows].astype(str)))
    return cite_view(dataset, view.filters, sources, export_info(dataset, view),
                     url=view_link(dataset, view.filters, base_url, place), accessed=accessed, lang=lang)
