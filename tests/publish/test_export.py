"""Tests for geo.publish.export: CSV and GeoJSON that carry their citations, written safely."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from geo.data.load import Dataset, load_dataset
from geo.files import OutputRefusedError, write_atomic
from geo.publish import export
from geo.publish.export import EXPORT_COLUMNS, ExportInfo
from geo.query.filters import Filters, filter_mask
from tests.conftest import write_dataset

GENERATED = "2026-01-02T03:04:05+00:00"
GEOJSON_REQUIRED = ["id", "place", "country", "role", "date_start", "date_end", "date_precision", "sectors",
                    "quote", "source_title", "publisher", "published", "seed_file"]


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """The tiny dataset, loaded once for the module (tests copy its frames before changing them)."""
    return load_dataset(write_dataset(tmp_path_factory.mktemp("export") / "tiny"))


def info_for(dataset: Dataset, filters: Filters | None = None) -> ExportInfo:
    """Export metadata with a fixed timestamp, so outputs can be compared exactly."""
    described = (filters or Filters()).describe()
    return ExportInfo(dataset_version=dataset.version, filters=described, generated=GENERATED)


def read_csv(text: str) -> list[dict[str, str]]:
    """The rows of an exported CSV, read as any CSV reader reads it."""
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_starts_with_its_header_and_opens_in_pandas(dataset: Dataset, tmp_path: Path) -> None:
    """The first line is the header: ``pandas.read_csv(path)`` and a spreadsheet need no options."""
    import pandas as pd

    text = export.to_csv_text(dataset, dataset.reports)
    assert text.splitlines()[0] == ",".join(EXPORT_COLUMNS)
    path = tmp_path / "reports.csv"
    path.write_bytes(text.encode("utf-8"))
    frame = pd.read_csv(path)
    assert list(frame.columns) == EXPORT_COLUMNS and list(frame["id"]) == ["r1", "r2", "r3"]
    assert list(frame["sector_labels"]) == ["Garments", "Restaurants", "Not stated; Garments"]


def test_csv_rows_carry_their_citation(dataset: Dataset) -> None:
    rows = read_csv(export.to_csv_text(dataset, dataset.reports))
    first = rows[0]
    assert (first["source_id"], first["source_title"], first["publisher"], first["published"], first["seed_file"]) == (
        "src-a", "A report", "A Publisher", "2019-11", "a.txt")
    assert first["quote"] == "Dozens of North Korean women work in textile factories in Dandong."
    assert (first["place"], first["lat"], first["lon"]) == ("Dandong", "40.1292", "124.3947")
    assert rows[2]["sectors"] == "unspecified;garments"
    assert rows[0]["workers_max"] == ""  # not stated stays empty, never "nan" or "<NA>"


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@"])
def test_csv_neutralises_cells_a_spreadsheet_would_run(dataset: Dataset, prefix: str) -> None:
    """A quote or note starting like a formula gets a leading apostrophe; other cells are untouched."""
    reports = dataset.reports.copy()
    reports.loc[1, "quote"] = f"{prefix}HYPERLINK(\"http://example.com\",\"click\")"
    reports.loc[1, "notes"] = f"{prefix}1+1"
    rows = read_csv(export.to_csv_text(dataset, reports))
    assert rows[1]["quote"] == f"'{prefix}HYPERLINK(\"http://example.com\",\"click\")"
    assert rows[1]["notes"] == f"'{prefix}1+1"
    assert rows[0]["quote"].startswith("Dozens")
    assert rows[1]["lon"] == "121.5492"


@pytest.mark.parametrize("cell", ["\r=1+1", "\n=1+1", "\r\n@SUM(1)", "x\r=1+1"])
def test_a_line_break_cannot_smuggle_a_row_or_a_formula(dataset: Dataset, cell: str) -> None:
    """A cell holding a bare CR (or any line break) is quoted, so it reads back as one cell of one row."""
    reports = dataset.reports.copy()
    reports.loc[1, "notes"] = cell
    text = export.to_csv_text(dataset, reports)
    body = text[text.index("id,place,"):]
    rows = list(csv.reader(io.StringIO(body, newline="")))
    assert len(rows) == 1 + len(reports)
    cells = [value for row in rows for value in row]
    assert not [value for value in cells if value.startswith(("=", "@"))]
    notes = rows[1 + list(reports.sort_index().index).index(1)][EXPORT_COLUMNS.index("notes")]
    assert notes.lstrip("'") == cell


def test_negative_numbers_are_not_neutralised() -> None:
    """Numbers are not text a spreadsheet would run: -3.5 stays a number."""
    assert export.neutralise_formula(-3.5) == -3.5
    assert export.neutralise_formula("3-5") == "3-5"


def test_geojson_is_a_feature_collection_of_points_in_lon_lat_order(dataset: Dataset) -> None:
    collection = json.loads(export.geojson_text(dataset, dataset.reports, info_for(dataset)))
    assert collection["type"] == "FeatureCollection"
    assert [feature["id"] for feature in collection["features"]] == ["r1", "r2", "r3"]
    first = collection["features"][0]
    assert first["type"] == "Feature"
    assert first["geometry"] == {"type": "Point", "coordinates": [124.3947, 40.1292]}


def test_geojson_properties(dataset: Dataset) -> None:
    collection = export.to_geojson(dataset, dataset.reports, info_for(dataset))
    for feature in collection["features"]:
        assert set(GEOJSON_REQUIRED) <= set(feature["properties"])
        assert isinstance(feature["properties"]["sectors"], list)
    first, _, third = (feature["properties"] for feature in collection["features"])
    assert third["sectors"] == ["unspecified", "garments"]
    assert (first["place"], first["date_precision"], first["seed_file"]) == ("Dandong", "year", "a.txt")
    assert first["workers_min"] == 24 and first["workers_max"] is None
    assert "lat" not in first and "lon" not in first  # they are the geometry


def test_geojson_metadata_member(dataset: Dataset) -> None:
    collection = export.to_geojson(dataset, dataset.reports.iloc[:2], info_for(dataset))
    assert collection["metadata"]["reports"] == 2
    assert collection["metadata"]["dataset_version"] == dataset.version
    assert collection["metadata"]["generated"] == GENERATED


def test_filters_are_recorded_in_the_geojson(dataset: Dataset) -> None:
    filters = Filters(years=(2016, 2017), sectors=("hospitality",))
    reports = dataset.reports[filter_mask(dataset.reports, filters, sector_matrix=dataset.sector_matrix)]
    collection = export.to_geojson(dataset, reports, info_for(dataset, filters))
    assert collection["metadata"]["filters"] == (
        "years 2016–2017; sectors hospitality; places in China and North Korea only")
    assert [feature["id"] for feature in collection["features"]] == ["r2"]


@pytest.mark.parametrize(
    "inside",
    [
        pytest.param("export.csv", id="data-folder"),
        pytest.param("seeds/export.csv", id="seeds-folder"),
        pytest.param("new/sub/export.csv", id="new-subfolder"),
        pytest.param("../tiny/export.csv", id="dot-dot-back-in"),
        pytest.param("reports.csv", id="over-a-data-file"),
    ],
)
def test_write_atomic_refuses_the_datasets_folders(dataset: Dataset, inside: str) -> None:
    tiny_dir = dataset.data_dir
    before = sorted(path.relative_to(tiny_dir) for path in tiny_dir.rglob("*"))
    reports_csv = (tiny_dir / "reports.csv").read_bytes()
    with pytest.raises(OutputRefusedError, match="refusing to write inside"):
        write_atomic(tiny_dir / inside, "x", protected=export.protected_folders(dataset))
    assert sorted(path.relative_to(tiny_dir) for path in tiny_dir.rglob("*")) == before
    assert (tiny_dir / "reports.csv").read_bytes() == reports_csv


NEW_COLUMNS = ["presence", "from_basis", "workers_kind", "caution", "date_qualifier", "fee_min", "fee_max",
               "fee_currency", "fee_period", "fee_as_stated", "source_url"]


def test_csv_and_geojson_carry_the_new_columns_under_their_data_names(dataset: Dataset) -> None:
    assert [column for column in NEW_COLUMNS if column not in EXPORT_COLUMNS] == []
    rows = read_csv(export.to_csv_text(dataset, dataset.reports))
    assert [(row["presence"], row["from_basis"], row["workers_kind"]) for row in rows] == [
        ("reported", "", "estimate"), ("reported", "", "count"), ("reported", "stated", "")]
    assert {row["source_url"] for row in rows} == {"https://example.org/2019/11/report"}
    collection = export.to_geojson(dataset, dataset.reports, info_for(dataset))
    for feature in collection["features"]:
        assert set(NEW_COLUMNS) <= set(feature["properties"])
    third = collection["features"][2]["properties"]
    assert (third["from_basis"], third["source_url"], third["caution"]) == (
        "stated", "https://example.org/2019/11/report", None)


def test_a_fee_and_a_caution_are_exported(tmp_path: Path) -> None:
    from tests.conftest import tiny_copy

    tables = tiny_copy()
    tables["reports"][1].update(fee_min="2500", fee_max="2500", fee_currency="CNY", fee_period="month",
                                fee_as_stated="about 2,500 yuan", caution="Differs from the 13 reported elsewhere.",
                                date_qualifier="approximate", date_note="about then")
    loaded = load_dataset(write_dataset(tmp_path / "data", tables))
    rows = read_csv(export.to_csv_text(loaded, loaded.reports))
    assert (rows[1]["fee_min"], rows[1]["fee_currency"], rows[1]["fee_period"], rows[1]["caution"],
            rows[1]["date_qualifier"]) == ("2500", "CNY", "month", "Differs from the 13 reported elsewhere.",
                                           "approximate")
    properties = export.to_geojson(loaded, loaded.reports, info_for(loaded))["features"][1]["properties"]
    assert (properties["fee_max"], properties["fee_as_stated"]) == (2500, "about 2,500 yuan")
    assert isinstance(properties["fee_max"], int)


def test_whole_amounts_are_written_as_integers_and_fractions_kept(tmp_path: Path) -> None:
    """Issue 21: ``780``, not ``780.0``; ``780.5`` stays ``780.5``; pandas still opens the file with no options."""
    import pandas as pd

    from tests.conftest import tiny_copy

    tables = tiny_copy()
    tables["reports"][0].update(wage_min="780", wage_max="780.5", wage_currency="USD", wage_period="month",
                                state_share_min="60", state_share_max="60")
    loaded = load_dataset(write_dataset(tmp_path / "data", tables))
    text = export.to_csv_text(loaded, loaded.reports)
    first = read_csv(text)[0]
    assert (first["wage_min"], first["wage_max"], first["state_share_min"]) == ("780", "780.5", "60")
    assert ",780,780.5,USD," in text and "780.0" not in text
    assert pd.read_csv(io.StringIO(text)).loc[0, "wage_min"] == 780
    properties = export.to_geojson(loaded, loaded.reports, info_for(loaded))["features"][0]["properties"]
    assert json.dumps([properties["wage_min"], properties["wage_max"]]) == "[780, 780.5]"


def test_exports_carry_how_the_publication_date_was_established_the_author_and_the_licence(tmp_path: Path) -> None:
    """Issue 21: a reader judges an inferred date and cites the source from the download alone."""
    import pandas as pd

    from tests.conftest import tiny_copy

    tables = tiny_copy()
    tables["sources"][0].update(licence="CC BY-NC 4.0")
    loaded = load_dataset(write_dataset(tmp_path / "data", tables))
    frame = pd.read_csv(io.StringIO(export.to_csv_text(loaded, loaded.reports)))
    first = frame.iloc[0]
    assert (first["author"], first["published_basis"], first["published_note"], first["licence"]) == (
        "A. Writer", "inferred", "from the deadline it names", "CC BY-NC 4.0")
    properties = export.to_geojson(loaded, loaded.reports, info_for(loaded))["features"][0]["properties"]
    assert (properties["author"], properties["published_basis"], properties["licence"]) == (
        "A. Writer", "inferred", "CC BY-NC 4.0")


def test_an_export_without_abroad_says_what_it_leaves_out(tmp_path: Path) -> None:
    from tests.conftest import tiny_with_abroad

    tables = tiny_with_abroad()
    loaded = load_dataset(write_dataset(tmp_path / "data", tables))
    assert export.left_out_abroad(loaded, Filters()) == 1
    assert export.left_out_abroad(loaded, Filters(abroad=True)) == 0
    assert export.left_out_text(1, "add --abroad") == (
        "1 report beyond China and North Korea (Russia, Mongolia, South Korea and elsewhere) is left out; "
        "add --abroad to include them.")
    assert export.left_out_text(0, "add --abroad") == ""
