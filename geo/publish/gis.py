"""Reports, places and movements as GIS files: a GeoPackage (three layers) and KML for Google Earth.

The reports layer has every column of the CSV export (``geo.publish.export.export_rows``), as points in
WGS84 (EPSG:4326). The places layer has a row per place with reports in the view, as the map
aggregates them (``geo.query.aggregate.places_of``); the movements layer has a line per report that
names where its workers came from, with ``from_basis`` (stated or inferred).

The GeoPackage is written by pyogrio (GDAL). The KML is written with the standard library's
``xml.etree``, which escapes every value: GDAL's KML writers take no per-feature style through
pyogrio, and the placemarks must be styled by sector as the map is and carry a description
(the quote, the period, a link to the source) that Google Earth shows.
"""

from __future__ import annotations

import tempfile
import xml.etree.ElementTree as ET  # noqa: N817 - the module's usual name
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
from shapely import linestrings, points

from ..data.load import Dataset
from ..escape import css_colour, escape
from ..query.aggregate import places_of
from ..reading.wording import format_citation, format_presence, format_report_period
from .export import EXPORT_COLUMNS, PLACE_NAME_COLUMNS, ExportInfo, export_rows

GIS_FORMATS = {
    "gpkg": {"mime": "application/geopackage+sqlite3", "suffix": ".gpkg"},
    "kml": {"mime": "application/vnd.google-earth.kml+xml", "suffix": ".kml"},
}
"""The GIS formats, with the type and file ending a download gives them."""
CRS = "EPSG:4326"
KML_NS = "http://www.opengis.net/kml/2.2"


def report_layer(dataset: Dataset, reports: pd.DataFrame) -> gpd.GeoDataFrame:
    """One point per report with every CSV column; numbers as numbers, missing text as ``""``."""
    rows = export_rows(dataset, reports)
    numbers = {column: dataset.reports[column].dtype for column in EXPORT_COLUMNS
               if column in dataset.reports and pd.api.types.is_numeric_dtype(dataset.reports[column])}
    for column in rows.columns:
        if column in numbers:  # the dataset's own type: Int64 for counts, floats for the rest
            rows[column] = pd.to_numeric(rows[column].replace("", np.nan)).astype(numbers[column])
        else:
            rows[column] = rows[column].astype(str)
    geometry = points(rows["lon"].to_numpy(dtype=float), rows["lat"].to_numpy(dtype=float))
    return gpd.GeoDataFrame(rows, geometry=geometry, crs=CRS)


def place_layer(dataset: Dataset, reports: pd.DataFrame) -> gpd.GeoDataFrame:
    """One point per place with reports in ``reports``: its count, main role and sector, every
    role and sector, the years covered, whether workers are reported there (``presence``), and its
    name in Korean, Chinese and Japanese (``name_ko``, ``name_zh``, ``name_ja``) beside the English ``name``."""
    positions = dataset.reports.index.get_indexer(reports.index).astype(np.int32)
    places = places_of(dataset.codes, np.sort(positions), dataset.places).reset_index(drop=True)
    names = dataset.places.reindex(columns=list(PLACE_NAME_COLUMNS)).reindex(places["place_id"])
    at = list(places.columns).index("name") + 1 if "name" in places else len(places.columns)
    for offset, column in enumerate(PLACE_NAME_COLUMNS):  # beside the English name, as in the reports layer
        places.insert(at + offset, column, names[column].fillna("").astype(str).to_numpy())
    for column in ("roles", "sectors"):
        places[column] = ["; ".join(values) for values in places[column]]
    for column in ("place_id", "name", "country", "admin1", "precision", "role", "sector", "presence"):
        places[column] = places[column].astype(str)
    geometry = points(places["lon"].to_numpy(dtype=float), places["lat"].to_numpy(dtype=float))
    return gpd.GeoDataFrame(places, geometry=geometry, crs=CRS)


MOVEMENT_COLUMNS = ["id", "from_place_id", "place_id", "place", "from_basis", "date_start", "date_end", "role",
                    "sector_labels", "quote", "publisher", "published", "source_url"]


def movement_layer(dataset: Dataset, reports: pd.DataFrame) -> gpd.GeoDataFrame:
    """One line per report that says where its workers came from, origin to place, with
    ``from_basis`` (``stated``, or ``inferred`` when the source only implies the movement)."""
    rows = export_rows(dataset, reports)
    rows = rows[rows["from_place_id"] != ""].reset_index(drop=True)
    origins = dataset.places.loc[rows["from_place_id"], ["name", "lat", "lon"]].reset_index(drop=True)
    frame = rows[MOVEMENT_COLUMNS].astype(str)
    frame.insert(2, "from_place", origins["name"].astype(str))
    coordinates = np.stack([
        np.column_stack([origins["lon"].to_numpy(dtype=float), origins["lat"].to_numpy(dtype=float)]),
        np.column_stack([rows["lon"].to_numpy(dtype=float), rows["lat"].to_numpy(dtype=float)]),
    ], axis=1) if len(rows) else np.empty((0, 2, 2))
    return gpd.GeoDataFrame(frame, geometry=list(linestrings(coordinates)) if len(rows) else [], crs=CRS)


def geopackage_bytes(dataset: Dataset, reports: pd.DataFrame, info: ExportInfo) -> bytes:
    """A GeoPackage with the layers ``reports``, ``places`` and ``movements`` (and the export's
    description, version and filters in the layers' metadata)."""
    layers = {"reports": report_layer(dataset, reports), "places": place_layer(dataset, reports),
              "movements": movement_layer(dataset, reports)}
    metadata = {key: str(value) for key, value in info.as_dict(len(reports)).items()}
    with tempfile.TemporaryDirectory(prefix="nk-gpkg-") as folder:
        path = Path(folder) / "export.gpkg"
        for name, layer in layers.items():
            pyogrio.write_dataframe(layer, path, layer=name, driver="GPKG", append=path.exists(),
                                    metadata=metadata if name == "reports" else None,
                                    layer_options={"DESCRIPTION": f"{metadata['title']}: {name}"})
        return path.read_bytes()


def kml_colour(colour: str, alpha: str = "ff") -> str:
    """A CSS ``#rrggbb`` colour as KML writes it: ``aabbggrr``."""
    colour = css_colour(colour)[1:]
    return f"{alpha}{colour[4:6]}{colour[2:4]}{colour[0:2]}".lower()


def placemark_html(row: dict[str, object], report: pd.Series) -> str:
    """What a report's placemark shows in Google Earth: the period, whether few or no workers are
    reported, the quote and a link to the source, every value HTML-escaped."""
    presence = format_presence(report.get("presence"))
    citation = escape(format_citation(report))
    url = str(row["source_url"])
    source = (f'<a href="{escape(url)}">{citation}</a>' if url.startswith(("https://", "http://"))
              else citation)
    return (f"<p><b>{escape(format_report_period(report))}</b>"
            + (f" · {escape(presence)}" if presence else "") + "</p>"
            f"<blockquote>“{escape(row['quote'])}”</blockquote><p>Source: {source}</p>")


def kml_text(dataset: Dataset, reports: pd.DataFrame, info: ExportInfo) -> str:
    """KML 2.2 with a folder per layer (``reports``, ``places``, ``movements``); a report's
    placemark is styled by its first sector, and holds every CSV column as extended data."""
    ET.register_namespace("", KML_NS)

    def sub(parent: ET.Element, tag: str, text: object | None = None, **attributes: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{KML_NS}}}{tag}", attributes)
        if text is not None:
            element.text = str(text)
        return element

    metadata = info.as_dict(len(reports))
    root = ET.Element(f"{{{KML_NS}}}kml")
    document = sub(root, "Document")
    sub(document, "name", metadata["title"])
    sub(document, "description", f"Dataset version {metadata['dataset_version']}, made {metadata['generated']}. "
                                 f"Filters: {metadata['filters']}. {metadata['cite_as']}")
    for sector, colour in dataset.sectors["colour"].items():
        style = sub(document, "Style", id=f"sector-{sector}")
        icon = sub(style, "IconStyle")
        sub(icon, "color", kml_colour(colour))
    movement_style = sub(document, "Style", id="movement-stated")
    line = sub(movement_style, "LineStyle")
    sub(line, "color", "b3444444")
    sub(line, "width", 2)
    inferred_style = sub(document, "Style", id="movement-inferred")
    line = sub(inferred_style, "LineStyle")
    sub(line, "color", "73444444")
    sub(line, "width", 1)

    layer = report_layer(dataset, reports)
    places = place_layer(dataset, reports)
    movements = movement_layer(dataset, reports)
    for name, frame in (("reports", layer), ("places", places), ("movements", movements)):
        schema = sub(document, "Schema", name=name, id=f"schema-{name}")
        for column in frame.columns.drop("geometry"):
            kind = {"i": "int", "f": "double"}.get(frame[column].dtype.kind, "string")
            sub(schema, "SimpleField", name=str(column), type=kind)
    originals = reports.sort_index()
    folder = sub(document, "Folder")
    sub(folder, "name", "reports")
    for (_, report), row in zip(originals.iterrows(), layer.drop(columns="geometry").to_dict("records"), strict=True):
        # The placemark's id is the report's: GDAL reads it as the field ``id`` (the data's own
        # ``id`` then reads as ``id2``).
        placemark = sub(folder, "Placemark", id=str(row["id"]))
        sub(placemark, "name", f"{row['place']}: {row['id']}")
        sub(placemark, "description", placemark_html(row, report))
        sectors = list(report["sector_ids"])
        sub(placemark, "styleUrl", f"#sector-{sectors[0] if sectors else 'unspecified'}")
        _extended(sub, placemark, row, "reports")
        sub(sub(placemark, "Point"), "coordinates", f"{float(row['lon']):.6f},{float(row['lat']):.6f}")

    folder = sub(document, "Folder")
    sub(folder, "name", "places")
    for row in places.drop(columns="geometry").to_dict("records"):
        placemark = sub(folder, "Placemark")
        sub(placemark, "name", row["name"])
        sub(placemark, "styleUrl", f"#sector-{row['sector']}")
        _extended(sub, placemark, row, "places")
        sub(sub(placemark, "Point"), "coordinates", f"{float(row['lon']):.6f},{float(row['lat']):.6f}")

    folder = sub(document, "Folder")
    sub(folder, "name", "movements")
    for row, geometry in zip(movements.drop(columns="geometry").to_dict("records"), movements.geometry, strict=True):
        placemark = sub(folder, "Placemark")
        sub(placemark, "name", f"{row['from_place']} → {row['place']}")
        sub(placemark, "styleUrl", f"#movement-{'stated' if row['from_basis'] == 'stated' else 'inferred'}")
        _extended(sub, placemark, row, "movements")
        coordinates = " ".join(f"{x:.6f},{y:.6f}" for x, y in geometry.coords)
        sub(sub(placemark, "LineString"), "coordinates", coordinates)
    ET.indent(root, space=" ")
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _extended(sub: object, placemark: ET.Element, row: dict[str, object], schema: str) -> None:
    """Every column of ``row`` as the layer's ``SchemaData`` (GIS software reads them as fields);
    a missing number is left out."""
    data = sub(sub(placemark, "ExtendedData"), "SchemaData", schemaUrl=f"#schema-{schema}")
    for key, value in row.items():
        if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
            continue
        sub(data, "SimpleData", value, name=str(key))


def gis_bytes(dataset: Dataset, reports: pd.DataFrame, info: ExportInfo, format_name: str) -> bytes:
    """The reports as ``format_name`` (a key of ``GIS_FORMATS``)."""
    if format_name == "gpkg":
        return geopackage_bytes(dataset, reports, info)
    if format_name == "kml":
        return kml_text(dataset, reports, info).encode("utf-8")
    raise ValueError(f"unknown GIS format {format_name!r}; known: {', '.join(GIS_FORMATS)}")
