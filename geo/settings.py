"""Every setting of the project, declared once with its default and a line of help."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Project settings. Read ``SETTINGS``; each field's ``help`` metadata says what it does."""

    data_dir: Path = field(
        default=ROOT / "data",
        metadata={"help": "Folder holding places.csv, sources.csv, sectors.csv and reports.csv."},
    )
    map_center: tuple[float, float] = field(
        default=(37.0, 121.0),
        metadata={"help": "Map centre (lat, lon) on first load: between Ningbo and Hunchun."},
    )
    map_zoom: int = field(default=5, metadata={"help": "Map zoom on first load."})
    min_zoom: int = field(default=3, metadata={"help": "Furthest the reader can zoom out."})
    max_zoom: int = field(default=12, metadata={"help": "Closest the reader can zoom in."})
    tiles_url: str = field(
        default="https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
        metadata={"help": "Light raster tiles shown when the reader is online (the only remote request)."},
    )
    tiles_attribution: str = field(
        default="&copy; OpenStreetMap contributors &copy; CARTO",
        metadata={"help": "Attribution the tile provider asks for."},
    )
    marker_min_radius: float = field(
        default=6.0, metadata={"help": "Radius in pixels of a place with one report."}
    )
    marker_max_radius: float = field(
        default=26.0, metadata={"help": "Radius in pixels of the place with the most reports."}
    )
    popup_max_reports: int = field(
        default=6,
        metadata={"help": "Most reports shown in full in a place's popup; the table lists the rest."},
    )
    popup_budget_bytes: int = field(
        default=500_000,
        metadata={"help": "Popup text sent per filter step, shared by all places shown: with many places, "
                          "each popup shows fewer reports; with more places than one report each fits, "
                          "popups give the count and the table below the map lists the reports."},
    )
    max_flows: int = field(
        default=150,
        metadata={"help": "Movement lines drawn at most (the most reported first), so the map stays legible."},
    )
    print_map_size: tuple[int, int] = field(
        default=(680, 440),
        metadata={"help": "Width and height in CSS pixels of the map on paper (fits A4 and Letter with 12 mm "
                          "margins, with the title and the legend): printing keeps the view's bounds in it, so "
                          "no side of the map is cut off."},
    )
    print_reports: int = field(
        default=200,
        metadata={"help": "Most reports the printed map page lists with their quotes (the newest; the "
                          "downloads have them all)."},
    )
    cache_dir: Path = field(
        default=ROOT / ".cache" / "datasets",
        metadata={"help": "Where validated datasets are kept as Parquet, keyed by a hash of their files."},
    )
    cache_versions: int = field(
        default=4,
        metadata={"help": "Dataset versions kept in the cache; older ones are removed when a new one is stored."},
    )
    problems_shown: int = field(
        default=50,
        metadata={"help": "Problems the dashboard lists for a dataset that fails validation (the CLI lists all)."},
    )
    play_seconds: float = field(
        default=1.7,
        metadata={"help": "How long each year shows while Play runs, on the page and in the standalone map."},
    )
    first_view_hold_seconds: float = field(
        default=4.0,
        metadata={"help": "At the latest, a new reader's widgets, timeline and table follow the map after this "
                          "(sooner once the map says its marks are drawn)."},
    )
    map_height: int = field(default=560, metadata={"help": "Height in pixels of the map page's map."})
    presenter_map_height: int = field(
        default=500,
        metadata={"help": "Height in pixels of the map in presenter mode, before its stylesheet fits it to "
                          "the screen (most of a 720-pixel shared screen)."},
    )
    new_places_map_height: int = field(
        default=320, metadata={"help": "Height in pixels of the review page's map of a draft's new places."}
    )
    table_limit: int = field(
        default=2000,
        metadata={"help": "Most reports the table under the map lists (the newest); the downloads hold them all."},
    )
    static_dir: Path = field(
        default=ROOT / "static",
        metadata={"help": "Folder Streamlit serves at /app/static/ (Leaflet is copied there)."},
    )
    static_url: str = field(
        default="../../app/static/vendor",
        metadata={"help": "URL of the vendored scripts, relative to the map iframe (works under any baseUrlPath)."},
    )

    draft_cpu_seconds: int = field(
        default=60,
        metadata={"help": "CPU seconds the review page's drafting process may use before it is stopped."},
    )
    max_table_bytes: int = field(
        default=200_000_000,
        metadata={"help": "Largest data CSV read (checked with stat before reading); 500,000 reports take ~150 MB."},
    )
    max_seed_bytes: int = field(
        default=2_000_000,
        metadata={"help": "Largest seed document read (an article is at most 2 MB, as geo draft allows)."},
    )
    max_columns: int = field(
        default=200,
        metadata={"help": "Most columns a data CSV's header may have (the widest table has about 40)."},
    )


SETTINGS = Settings()

