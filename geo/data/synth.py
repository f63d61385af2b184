"""Make a valid synthetic dataset of any size, with its own seeds, for tests and benchmarks."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import shapely

from ..files import OutputRefusedError, inside_any, protected_folders
from ..settings import SETTINGS
from ..vocab import ROLES
from .borders import country_shapes

DATASET_FILES = ("sources.csv", "places.csv", "sectors.csv", "reports.csv")

SECTORS = [
    ("hospitality", "Restaurants & hotels", "#E69F00"),
    ("garments", "Textiles & garments", "#009E73"),
    ("electronics", "Electronics", "#56B4E9"),
    ("seafood", "Seafood processing", "#0072B2"),
    ("factory", "Other factories", "#CC79A7"),
    ("construction", "Construction", "#D55E00"),
    ("unspecified", "Not stated", "#999999"),
]
SENTENCES_PER_SEED = 40
REPORTS_PER_SOURCE = 500


def check_output(out_dir: Path, *, force: bool = False) -> None:
    """Refuse a folder whose files or ``seeds/`` would replace a real dataset.

    Parameters
    ----------
    out_dir
        Where ``synth`` would write its CSV files and ``seeds/``.
    force
        Allow a folder that already holds a dataset, unless it is the project's own.

    Raises
    ------
    OutputRefusedError
        For the project's ``data/`` or ``seeds/`` (or a folder whose ``seeds/`` is one of them),
        whatever ``force`` says; for any folder holding a dataset file or a non-empty ``seeds/``,
        unless ``force``.
    """
    target = Path(out_dir).resolve()
    protected = protected_folders(SETTINGS.data_dir, SETTINGS.data_dir.parent / "seeds")
    for folder in (target, target / "seeds"):
        if (guarded := inside_any(folder, protected)) is not None:
            raise OutputRefusedError(f"{out_dir}: refusing to write synthetic data into {guarded}, "
                                     "the project's own dataset; choose another folder")
    held = [name for name in DATASET_FILES if (target / name).exists()]
    if (target / "seeds").is_dir() and any((target / "seeds").iterdir()):
        held.append("seeds/ with files in it")  # PARENT/seeds of a dataset laid out as PARENT/data
    if held and not force:
        raise OutputRefusedError(f"{out_dir}: already holds a dataset ({', '.join(held)}); "
                                 "choose an empty folder, or pass --force to replace it")


def synthesise(out_dir: Path, *, reports: int, places: int | None = None, seed: int = 1,
               force: bool = False) -> Path:
    """Write a synthetic dataset to ``out_dir`` (CSV files plus ``seeds/``).

    Parameters
    ----------
    out_dir
        Folder to create (see :func:`check_output`).
    reports
        Number of report rows.
    places
        Number of places (default: about one per 50 reports, between 20 and 3,000).
    seed
        Random seed: the same arguments always give the same bytes.
    force
        Replace the dataset a folder already holds (never the project's own).

    Returns
    -------
    Path
        ``out_dir``, ready for ``load_dataset``.
    """
    check_output(out_dir, force=force)
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not security
    n_places = places or max(20, min(3000, reports // 50))
    n_sources = max(1, reports // REPORTS_PER_SOURCE)
    out_dir = Path(out_dir)
    (out_dir / "seeds").mkdir(parents=True, exist_ok=True)

    place_rows = []
    shapes = country_shapes()
    while len(place_rows) < n_places:
        # Rejection sampling inside the outlines, so every synthetic place lies in its country.
        lat, lon = round(rng.uniform(38.0, 47.0), 4), round(rng.uniform(120.0, 131.0), 4)
        point = shapely.Point(lon, lat)
        country = next((code for code in ("KP", "CN") if shapes[code].contains(point)), None)
        if country is None:
            continue
        index = len(place_rows)
        place_rows.append({
            "id": f"p{index:05d}", "name": f"Place {index}", "aliases": f"Town {index}", "admin1": "Synthetic",
            "country": country, "lat": f"{lat}", "lon": f"{lon}", "precision": "city", "radius_km": "",
            "geonames_id": "", "location_note": "synthetic",
        })

    source_rows, pools = [], []
    for index in range(n_sources):
        name = f"synth_{index:04d}.txt"
        pool = [
            f"Source {index} sentence {k}: workers were reported in sector {SECTORS[k % len(SECTORS)][0]}."
            for k in range(SENTENCES_PER_SEED)
        ]
        (out_dir / "seeds" / name).write_text("\n".join(pool) + "\n", encoding="utf-8")
        pools.append(pool)
        source_rows.append({
            "id": f"s{index:04d}", "seed_file": name, "title": f"Synthetic source {index}",
            "publisher": "Synthetic Press", "author": "", "published": f"{2005 + index % 20}",
            "published_basis": "stated", "published_note": "", "licence": "CC0", "notes": "",
        })

    roles, weights = list(ROLES), [70, 15, 10, 5]
    report_rows = []
    for index in range(reports):
        source = rng.randrange(n_sources)
        start = rng.randint(2005, 2024)
        end = min(2025, start + rng.choice((0, 0, 0, 1, 2, 3)))
        k = rng.randrange(SENTENCES_PER_SEED)
        sectors = {SECTORS[k % len(SECTORS)][0]}
        if rng.random() < 0.2:
            sectors.add(rng.choice(SECTORS)[0])
        place = rng.randrange(n_places)
        moving = rng.random() < 0.1
        report_rows.append({
            "id": f"r{index:07d}", "place_id": place_rows[place]["id"],
            "from_place_id": place_rows[rng.randrange(n_places)]["id"] if moving else "",
            "from_basis": "stated" if moving else "",
            "source_id": source_rows[source]["id"], "role": rng.choices(roles, weights)[0],
            "date_start": str(start), "date_end": str(end), "date_basis": "stated", "date_note": "",
            "sectors": ";".join(sorted(sectors)), "workers_min": "", "workers_max": "",
            "workers_as_stated": "", "wage_min": "", "wage_max": "", "wage_currency": "",
            "wage_period": "", "wage_as_stated": "", "state_share_min": "", "state_share_max": "",
            "state_share_as_stated": "", "quote": pools[source][k], "notes": "",
        })

    sector_rows = [{"id": i, "label": label, "colour": colour, "description": "synthetic"}
                   for i, label, colour in SECTORS]
    for name, rows in (("places", place_rows), ("sources", source_rows),
                       ("sectors", sector_rows), ("reports", report_rows)):
        with (out_dir / f"{name}.csv").open("w", encoding="utf-8", newline="") as stream:
            writer = csv.DictWriter(stream, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    return out_dir
