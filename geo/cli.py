"""The command line: ``python -m geo validate | export | synth | draft | merge``."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DataError
from .files import OutputRefusedError, write_atomic
from .i18n import DEFAULT_LANGUAGE, LANGUAGES
from .settings import SETTINGS

if TYPE_CHECKING:
    from .data.load import Dataset


def parse_years(text: str) -> tuple[int, int]:
    """``"2017-2019"`` or ``"2017"`` as an inclusive (first, last) pair."""
    parts = text.replace("–", "-").split("-")
    try:
        years = [int(part) for part in parts]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year range like 2017-2019") from None
    if len(years) == 1:
        years = years * 2
    if len(years) != 2 or years[0] > years[1]:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year range like 2017-2019")
    return years[0], years[1]


def parse_count(text: str) -> int:
    """A whole number of at least 1, e.g. for ``--reports``."""
    try:
        count = int(text)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return count


def parse_list(text: str) -> tuple[str, ...]:
    """``"a,b"`` as ``("a", "b")``."""
    return tuple(part.strip() for part in text.split(",") if part.strip())


FLAG_VALUES = {
    "range": {"type": parse_years, "metavar": "A-B", "example": "2017-2019"},
    "list": {"type": parse_list, "metavar": "ID,ID", "example": "garments,seafood"},
    "text": {"type": str, "metavar": "WORDS", "example": "waitress"},
}


def add_filter_flags(command: argparse.ArgumentParser) -> None:
    """One flag per filter of :data:`geo.query.filters.FILTERS`, named and explained by its declaration."""
    from .query.filters import FILTERS

    for spec in FILTERS:
        if spec.kind == "flag":
            command.add_argument(spec.cli, dest=spec.key, action="store_true", help=spec.help)
        else:
            value = FLAG_VALUES[spec.kind]
            command.add_argument(spec.cli, dest=spec.key, type=value["type"], metavar=value["metavar"],
                                 help=f"{spec.help} E.g. {spec.cli} {value['example']}")


EXPORT_FORMATS = ["csv", "geojson", "package", "html", "gpkg", "kml", "png", "svg", "pdf"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geo", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    validate = commands.add_parser("validate", help="check a dataset; exit 1 with every problem if invalid")
    validate.add_argument("--data", type=Path, default=SETTINGS.data_dir, help="dataset folder (default: data/)")

    export = commands.add_parser("export", help="write the (filtered) reports with their citations")
    export.add_argument("--format", choices=EXPORT_FORMATS, required=True,
                        help="package: a ZIP of the CSV, the GeoJSON, datapackage.json and a README on citing; "
                             "gpkg, kml: reports, places and movements for GIS software; png, svg, pdf: an "
                             "image of the map")
    export.add_argument("--data", type=Path, default=SETTINGS.data_dir, help="dataset folder (default: data/)")
    add_filter_flags(export)
    export.add_argument("--no-tiles", action="store_true",
                        help="html only: no online tile layer; the map requests nothing at all")
    export.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE,
                        help="html, package, png, svg and pdf: the language of the map (controls, legend, place "
                             "names) or of the package's README: en (the default), ko, zh (simplified Chinese) or "
                             "ja; quotes stay as published, and CSV and GeoJSON columns keep their English names")
    export.add_argument("--size", default=None, metavar="SIZE",
                        help="png, svg and pdf: slides (1920x1080, the default), article (1200x800); "
                             "pdf also a4 or letter (a4 by default)")
    export.add_argument("--place", metavar="ID", help="png, svg and pdf: centre on this place id (the place box)")
    export.add_argument("-o", "--output", type=Path, required=True, help="file to write")

    synth = commands.add_parser("synth", help="write a valid synthetic dataset of any size")
    synth.add_argument("--reports", type=parse_count, required=True, help="number of reports")
    synth.add_argument("--places", type=parse_count, help="number of places (default: reports/50, 20 to 3000)")
    synth.add_argument("--seed", type=int, default=1, help="random seed (same seed, same files)")
    synth.add_argument("-o", "--output", type=Path, required=True, help="folder to write")
    synth.add_argument("--force", action="store_true",
                       help="replace the dataset the folder already holds (never the project's data/ or seeds/)")

    draft = commands.add_parser("draft", help="draft candidate reports from a new article, for review")
    draft.add_argument("article", type=Path, help="the article: a UTF-8 text file or a saved HTML page")
    draft.add_argument("--published", required=True, help="publication date: YYYY, YYYY-MM or YYYY-MM-DD")
    draft.add_argument("--publisher", default="", help="who published it")
    draft.add_argument("--title", default="", help="title as printed")
    draft.add_argument("--url", default="", help="address of the original")
    draft.add_argument("--data", type=Path, default=SETTINGS.data_dir, help="dataset folder (default: data/)")
    draft.add_argument("-o", "--output", type=Path, required=True, help="draft folder to write")
    draft.add_argument("--cpu-seconds", type=int, default=SETTINGS.draft_cpu_seconds,
                       help="CPU time drafting may use before it is stopped (default: %(default)s)")

    merge = commands.add_parser("merge", help="add a reviewed draft folder to the dataset (validated first)")
    merge.add_argument("draft", type=Path, help="the draft folder (from python -m geo draft)")
    merge.add_argument("--data", type=Path, default=SETTINGS.data_dir, help="dataset folder (default: data/)")
    merge.add_argument("--again", action="store_true", help="merge even if the article is already in the dataset")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)

    try:
        if args.command == "validate":
            return _validate(args.data)
        if args.command == "export":
            return _export(args)
        if args.command == "draft":
            return _draft(args)
        if args.command == "merge":
            return _merge(args)
        from .data.synth import synthesise

        synthesise(args.output, reports=args.reports, places=args.places, seed=args.seed, force=args.force)
        print(f"wrote {args.reports} synthetic reports to {args.output}")
        return 0
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    except (OutputRefusedError, OSError, ValueError) as error:  # ArticleError, DateError, MergeError
        print(f"error: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - a person gets a sentence, not a traceback
        if os.environ.get("GEO_DEBUG"):
            raise
        print(f"internal error: {type(error).__name__}: {error}\n"
              "This is a bug in geo; rerun with GEO_DEBUG=1 for details and report it.", file=sys.stderr)
        return 3


PANDERA_EXTRAS = ("hypothesis", "geopandas")
"""What pandera imports, when installed, on its first validation although checking these tables uses
neither: hypothesis (to synthesise data; a dev dependency) and geopandas (to ask whether a column holds
geometries; with pyproj, 0.3 s). Together about 0.8 s of a 2 s ``validate``."""


@contextlib.contextmanager
def _without_modules(names: tuple[str, ...]) -> Iterator[None]:
    """Make ``import NAME`` fail for modules not yet imported, as if they were not installed, then undo it.

    Only for a command's own short-lived process (one thread): pandera treats a missing extra as
    absent and goes on. A module already imported is left alone.
    """
    hidden = [name for name in names if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment] - None makes the import raise ImportError
    try:
        yield
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]


def _validate(data_dir: Path) -> int:
    from .data import parquet_cache
    from .data.load import load_dataset

    with _without_modules(PANDERA_EXTRAS):
        dataset = load_dataset(data_dir)
    parquet_cache.store(dataset, SETTINGS.cache_dir)  # the dashboard then starts without re-checking
    for warning in dataset.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"{data_dir}: valid: {len(dataset.reports)} reports, {len(dataset.places)} places, "
          f"{len(dataset.sources)} sources (version {dataset.version})")
    return 0


def _export(args: argparse.Namespace) -> int:
    from .data.load import load_dataset
    from .publish import export as exporting
    from .query.filters import Filters, filter_mask

    dataset: Dataset = load_dataset(args.data)
    filters = Filters.from_values(vars(args))
    unknown = sorted(set(filters.sectors or ()) - set(dataset.sectors.index))
    if unknown:
        print(f"error: --sectors: unknown sector id(s) {', '.join(unknown)}; known: "
              f"{', '.join(dataset.sectors.index)}", file=sys.stderr)
        return 2
    reports = dataset.reports[filter_mask(dataset.reports, filters, sector_matrix=dataset.sector_matrix)]
    from .publish.citation import view_in_words

    info = exporting.ExportInfo(dataset_version=dataset.version, filters=view_in_words(dataset, filters))
    if args.format == "csv":
        text = exporting.to_csv_text(dataset, reports)
    elif args.format == "geojson":
        text = exporting.geojson_text(dataset, reports, info)
    elif args.format in ("gpkg", "kml"):
        from .publish.gis import gis_bytes

        text = gis_bytes(dataset, reports, info, args.format)
    elif args.format in ("png", "svg", "pdf"):
        from .publish.image import image_bytes
        from .query.selection import build_view

        if args.place and args.place not in dataset.places.index:
            print(f"error: --place: unknown place id {args.place!r}", file=sys.stderr)
            return 2
        text = image_bytes(dataset, build_view(dataset, filters), info, args.format, size=args.size, place=args.place,
                           lang=args.lang)
    elif args.format == "package":
        from .publish.datapackage import data_package

        text = data_package(dataset, reports, info, lang=args.lang)
    elif args.format == "html":
        from .publish.standalone import standalone_html

        text = standalone_html(dataset, filters, info, tiles=not args.no_tiles, lang=args.lang)
        # The file carries every report of the topic (beyond China only with --abroad); --years and
        # --sectors only set where its controls start.
        topic = dataclasses.replace(filters, years=None, sectors=None)
        reports = dataset.reports[filter_mask(dataset.reports, topic, sector_matrix=dataset.sector_matrix)]
    else:  # a name in EXPORT_FORMATS with no branch here: a format half added
        raise NotImplementedError(f"export format {args.format!r} is listed but not written; add its branch")
    path = write_atomic(args.output, text, protected=exporting.protected_folders(dataset))
    print(f"wrote {len(reports)} reports to {path} ({path.stat().st_size / 1024:,.0f} KiB)")
    if args.format in ("csv", "geojson", "package"):
        left_out = exporting.left_out_text(exporting.left_out_abroad(dataset, filters), "add --abroad")
        if left_out:
            print(left_out)
    return 0


def _draft(args: argparse.Namespace) -> int:
    from .drafting.dates import DateError, parse_published
    from .drafting.draft_folder import write_draft
    from .drafting.draftrun import draft_file_in_worker

    try:
        parse_published(args.published)  # checked here to name the option; the worker parses it again
    except DateError as error:
        print(f"error: --published: {error}", file=sys.stderr)
        return 2
    if args.url and not args.url.startswith(("http://", "https://")):
        print(f"error: --url: {args.url!r} is not a web address starting with http:// or https://", file=sys.stderr)
        return 2
    if args.cpu_seconds < 1:
        print(f"error: --cpu-seconds: {args.cpu_seconds} is not a positive number of seconds", file=sys.stderr)
        return 2
    # A hostile page can make parsing quadratic (a long run of "</" in HTML): draft in a worker process
    # whose CPU time is capped, as the review page does, so the command ends with an error naming the file.
    draft = draft_file_in_worker(args.article, args.published, args.data, publisher=args.publisher,
                                 title=args.title, url=args.url, cpu_seconds=args.cpu_seconds)
    if not draft.reports:
        print(f"{args.article}: {draft.messages[0]}; nothing written")
        return 0
    write_draft(draft, args.output, args.data)
    for warning in draft.warnings:
        print(f"warning: {args.output}{os.sep}{warning}", file=sys.stderr)
    low = sum(row["confidence"] == "low" for row in draft.reports)
    print(f"wrote {len(draft.reports)} candidate reports ({low} of low confidence), {len(draft.places)} new "
          f"place(s) and seed {draft.seed_name} to {args.output}; review them, then: python -m geo merge "
          f"{args.output}")
    return 0


def _merge(args: argparse.Namespace) -> int:
    from .drafting.merge import merge

    result = merge(args.draft, args.data, again=args.again)
    if result.recovered:
        print("finished or cleared an interrupted earlier merge first")
    print(f"{args.data}: {result.summary()}")
    return 0
