"""An image of a view for print and slides (PNG, SVG, PDF): the map's marks on the bundled
country outlines, with the title, the filters in words, a legend, a scale bar, the sources'
credit line, the dataset version and the date made.

The marks are the records the map draws (``geo.map.records.layer_json`` and ``map_config``), drawn
by ``geo.publish.imagemarks``; the words are the page's (``geo.reading.pickers.chips``, the view's summary).
matplotlib draws with no display and no network; SVG keeps its text as text.
"""

from __future__ import annotations

import io
import json
import math
import textwrap
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..data.load import Dataset
from ..i18n import DEFAULT_LANGUAGE, N_, fill, normalise, translations
from ..map.records import layer_json as map_layer_json
from ..map.records import map_config
from ..map.style import ROLE_LEGEND
from ..reading.localise import place_label, sector_label
from ..reading.page_words import summary_line_in
from ..reading.pickers import chips, focus, source_label
from ..vocab import ROLES
from . import imagemarks
from .export import ExportInfo
from .imagemarks import PT, mercator

if TYPE_CHECKING:
    from ..query.selection import View


@dataclass(frozen=True)
class Size:
    """An image's size in inches at 100 pixels an inch (a PNG is saved at twice that)."""

    width: float
    height: float


SIZES = {
    "slides": Size(19.2, 10.8), "article": Size(12.0, 8.0),
    "a4": Size(11.69, 8.27), "letter": Size(11.0, 8.5),
}
"""Named sizes: 1920×1080 for slides, 1200×800 for articles, A4 and Letter landscape for PDF."""
IMAGE_FORMATS = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
FONTS = ["DejaVu Sans", "Noto Sans CJK JP"]
"""Latin first, then a font with Chinese, Japanese and Korean for place names in their scripts."""
NOTE = N_("Each mark is a place named in reports, sized by the number of reports: "
         "marks are reports, not counts of people.")
EMPTY = N_("No report matches these filters")


def size_of(format_name: str, size: str | None) -> Size:
    """The named size, or the format's default: slides, or A4 for a PDF."""
    name = size or ("a4" if format_name == "pdf" else "slides")
    if name not in SIZES:
        raise ValueError(f"--size: unknown size {name!r}; known: {', '.join(SIZES)}")
    return SIZES[name]


def filter_words(dataset: Dataset, view: View, place: str | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """The filters in force as the page's chips say them, and the focused place, in ``lang``."""
    _ = translations(lang).gettext
    words = [text for _key, text in chips(dataset, view.filters, lang)]
    if place and place in dataset.places.index:  # English: the English name alone
        words.append(fill(_("Place: {place}"), place=place_label(dataset.places.loc[place], lang)))
    return fill(_("Filters: {filters}"), filters=_("; ").join(words) if words else _("none (every report)"))


def summary_in(view: View, lang: str) -> str:
    """The view's count line (``view.summary``) in ``lang``, as the standalone export words it."""
    if normalise(lang) in (None, DEFAULT_LANGUAGE):
        return view.summary
    places = view.places
    if not len(view.rows):
        return summary_line_in(lang, 0, 0, None)
    span = view.filters.years or (int(places["year_min"].min()), int(places["year_max"].max()))
    return summary_line_in(lang, len(view.rows), len(places), span,
                           few_or_none=int((places["presence"] != "reported").sum()))


def credit_line(dataset: Dataset, view: View, lang: str = DEFAULT_LANGUAGE) -> str:
    """The sources of the reports shown, as the source picker names them, and the base map's, in
    ``lang`` (the publishers' names as they give them)."""
    _ = translations(lang).gettext
    sources = dict.fromkeys(dataset.reports["source_id"].iloc[view.rows].astype(str))
    listed = "; ".join(source_label(dataset, source, lang) for source in sources)
    return (fill(_("Sources: {sources}."), sources=listed) + " " if listed else "") + fill(
        _("Base map: {name}."), name="Natural Earth")


def view_records(dataset: Dataset, view: View, lang: str = DEFAULT_LANGUAGE) -> dict:
    """The map's records of ``view`` (``places``, ``marks``, ``flows``), as the dashboard sends them in ``lang``."""
    return json.loads(map_layer_json(dataset, view.places, view.flows, {}, place_json={}, lang=lang))


def image_bytes(dataset: Dataset, view: View, info: ExportInfo, format_name: str, *, size: str | None = None,
                place: str | None = None, lang: str = DEFAULT_LANGUAGE) -> bytes:
    """The view as a PNG, SVG or PDF.

    Parameters
    ----------
    dataset, view
        The dataset and the view to draw (``geo.query.selection.build_view``).
    info
        The title and dataset version; the date made is today's unless ``info.generated`` says.
    format_name
        ``png`` (at twice its size in pixels), ``svg`` (text kept as text) or ``pdf``.
    size
        A key of ``SIZES``; slides by default, A4 for a PDF.
    place
        A place id to centre on as the page's place box does.
    lang
        The language of the title, the legend, the note and the place names (the English name
        beside a local one), the filters and the sources' credit (the publishers' names as they give
        them), drawn with a CJK font (``FONTS``).
    """
    if format_name not in IMAGE_FORMATS:
        raise ValueError(f"unknown image format {format_name!r}; known: {', '.join(IMAGE_FORMATS)}")
    lang = normalise(lang) or DEFAULT_LANGUAGE
    figure = draw(dataset, view, info, size_of(format_name, size), place, lang)
    buffer = io.BytesIO()
    with matplotlib.rc_context(RC):
        metadata = {"Title": translations(lang).gettext(info.title)}
        figure.savefig(buffer, format=format_name, dpi=200 if format_name == "png" else 100, metadata=metadata)
    return buffer.getvalue()


RC = {"svg.fonttype": "none", "font.family": FONTS, "lines.scale_dashes": False, "pdf.fonttype": 42,
      "svg.hashsalt": "nk-workers", "font.size": 11}


def draw(dataset: Dataset, view: View, info: ExportInfo, size: Size, place: str | None,
         lang: str = DEFAULT_LANGUAGE) -> Figure:
    """The image's figure: heading, map, legend panel and footer, in ``lang``."""
    _ = translations(lang).gettext
    with matplotlib.rc_context(RC):
        figure = Figure(figsize=(size.width, size.height), dpi=100, facecolor="white")
        FigureCanvasAgg(figure)
        scale = min(max(size.width / 14, 0.85), 1.4)
        top, bottom = 1 - 1.25 / size.height, 0.9 / size.height
        generated = (info.generated or datetime.now(UTC).isoformat())[:10]
        figure.text(0.015, 1 - 0.3 / size.height, _(info.title), fontsize=22 * scale, weight="bold", va="top",
                    parse_math=False, gid="title")
        heading = f"{summary_in(view, lang)}. {filter_words(dataset, view, place, lang)}"
        figure.text(0.015, 1 - 0.75 / size.height, heading,
                    fontsize=12 * scale, va="top", parse_math=False, gid="filters", wrap=True)
        ax = figure.add_axes((0.01, bottom, 0.75, top - bottom))
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_facecolor("#dfe8ee")  # the sea
        for spine in ax.spines.values():
            spine.set_color("#bbbbbb")
        records = view_records(dataset, view, lang)
        config = map_config(dataset, more="table", lang=lang)
        frame(ax, records, dataset, place)
        imagemarks.draw_outlines(ax)
        frame(ax, records, dataset, place)  # outlines reset the limits
        ax.set_xlabel("")
        ax.set_ylabel("")
        marks = imagemarks.draw_marks(ax, records, config)
        imagemarks.place_labels(ax, marks, font={"fontsize": 9 * scale})
        scale_bar(ax, scale)
        if not records["marks"]:
            ax.text(0.5, 0.5, _(EMPTY), transform=ax.transAxes, ha="center", va="center", fontsize=22 * scale,
                    bbox={"facecolor": "white", "edgecolor": "#999", "boxstyle": "round,pad=0.6"}, gid="empty")
        legend(figure.add_axes((0.775, bottom, 0.215, top - bottom)), dataset, records, config, scale,
               inches=(top - bottom) * size.height, lang=lang)
        chars = int(size.width * 100 / (6.5 * scale))
        footer = "\n".join([
            *textwrap.wrap(credit_line(dataset, view, lang), chars),
            _(NOTE) + " " + fill(_("Dataset version {version}, made {date}."), version=info.dataset_version,
                                 date=generated),
        ])
        figure.text(0.015, 0.12 / size.height, footer, fontsize=9 * scale, va="bottom", color="#333",
                    parse_math=False, gid="credit", linespacing=1.4)
    return figure


def frame(ax: object, records: dict, dataset: Dataset, place: str | None) -> None:
    """Set the map's extent: the focused place as the page frames it, else every mark with a
    margin, else the page's first view; in Web Mercator, undistorted."""
    box = ax.get_window_extent()
    width, height = box.width, box.height
    if place or not records["marks"]:
        (lat, lon), zoom = focus(dataset, place)
        x, y = mercator(lat, lon)
        half = width / 2 * 2 * math.pi * imagemarks.EARTH / (256 * 2 ** zoom)
    else:
        spots = [records["places"][mark["place"]]["ll"] for mark in records["marks"]]
        spots += [records["places"][flow[end]]["ll"] for flow in records["flows"] for end in ("from", "to")]
        xs, ys = mercator(np.array([s[0] for s in spots]), np.array([s[1] for s in spots]))
        x, y = (xs.min() + xs.max()) / 2, (ys.min() + ys.max()) / 2
        half = max((xs.max() - xs.min()) / 2, (ys.max() - ys.min()) / 2 * width / height, 200_000) * 1.25
    ax.set_xlim(float(x) - half, float(x) + half)
    ax.set_ylim(float(y) - half * height / width, float(y) + half * height / width)


def scale_bar(ax: object, scale: float) -> None:
    """A bar of a round number of kilometres, true at the map's middle latitude."""
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    lat = math.degrees(2 * math.atan(math.exp((y0 + y1) / 2 / imagemarks.EARTH)) - math.pi / 2)
    ground = (x1 - x0) * math.cos(math.radians(lat)) / 1000 * 0.18
    step = 10 ** math.floor(math.log10(ground))
    km = max(n * step for n in (1, 2, 5) if n * step <= ground)
    length = km * 1000 / math.cos(math.radians(lat))
    left, base = x0 + (x1 - x0) * 0.03, y0 + (y1 - y0) * 0.04
    ax.plot([left, left + length], [base, base], color="#222", linewidth=3 * PT * scale, solid_capstyle="butt",
            zorder=7, gid="scale-bar")
    ax.text(left + length / 2, base + (y1 - y0) * 0.012, f"{km:,.0f} km", ha="center", va="bottom",
            fontsize=9 * scale, zorder=7)


def legend(ax: object, dataset: Dataset, records: dict, config: dict, scale: float, *, inches: float,
           lang: str = DEFAULT_LANGUAGE) -> None:
    """What the marks shown mean: sectors and roles present, few or none, areas, movements
    (``inches``: the panel's height, so that lines keep their spacing at every size), in ``lang``."""
    words = translations(lang)
    _, ngettext = words.gettext, words.ngettext
    wide = normalise(lang) != DEFAULT_LANGUAGE  # CJK characters are about twice as wide as Latin letters
    ax.set_axis_off()
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1)
    line = 0.32 * scale / inches
    y = 0.98
    shown = records["marks"]
    entries: list[tuple[str, object]] = [(_("Legend"), "heading")]
    sectors = sorted({mark["sector"] for mark in shown})
    labels = [sector_label(row, lang) for row in dataset.sectors.to_dict("records")]
    entries += [(_("Colour: main sector"), "sub")] + [(labels[i], ("sector", i)) for i in sectors]
    roles = sorted({mark["role"] for mark in shown})
    entries += [(_("Outline: main role"), "sub")] + [(_(ROLE_LEGEND[list(ROLES)[i]]), ("role", i)) for i in roles]
    entries += [(_("Size: number of reports"), "sub")]
    counts = sorted({mark["count"] for mark in shown
                     if not records["places"][mark["place"]]["area_m"] and mark["presence"] == "reported"})
    entries += [(fill(ngettext("{n} report", "{n} reports", count), n=f"{count:,}"), ("size", count))
                for count in dict.fromkeys([counts[0], counts[-1]] if counts else [])]
    if any(mark["presence"] != "reported" for mark in shown):
        entries.append((_("Dotted ring: few or no workers"), ("few", 0)))
    if any(records["places"][mark["place"]]["area_m"] for mark in shown):
        entries.append((_("Pale circle: a province, region or country"), ("area", 0)))
    for basis in ("stated", "inferred"):
        if any(flow["basis"] == basis for flow in records["flows"]):
            entries.append((_("Movement the source states") if basis == "stated" else _("Movement inferred"),
                            ("flow", basis)))
    for text, kind in entries:
        if kind == "heading":
            ax.text(0, y, text, fontsize=13 * scale, weight="bold", va="top", gid="legend")
        elif kind == "sub":
            y -= line * 0.3
            ax.text(0, y, text, fontsize=10 * scale, weight="bold", va="top", color="#444")
        else:
            swatch(ax, kind, config, y - line * 0.35, scale)
            wrapped = textwrap.fill(text, 15 if wide else 30)
            ax.text(0.14, y, wrapped, fontsize=10 * scale, va="top", parse_math=False, linespacing=1.3)
            y -= line * 0.8 * wrapped.count("\n")
        y -= line


def swatch(ax: object, kind: tuple, config: dict, y: float, scale: float) -> None:
    """A legend entry's sample, drawn with the map's styles."""
    from matplotlib.colors import to_rgba

    what, which = kind
    if what == "flow":
        style = {**config["flowStyle"], **(config["inferredStyle"] if which == "inferred" else {})}
        ax.plot([0.0, 0.09], [y, y], color=style["color"], alpha=float(style["opacity"]),
                linewidth=float(style["weight"]) * PT, linestyle=imagemarks.dashes(style["dashArray"]))
        return
    if what == "sector":
        style = config["styles"][0][which]
    elif what == "role":
        style = dict(config["styles"][which][-1], fillColor="#777777")
        style["color"] = style["color"] if style["color"] != config["styles"][which][-1]["fillColor"] else "#777777"
    elif what == "size":
        style = {**config["styles"][0][-1], "fillColor": "#777777"}
        radius = imagemarks.marker_radius(which, config["radius"])
        ax.scatter([0.05], [y], s=(2 * radius * PT) ** 2, facecolors=[to_rgba("#777777", 0.85)],
                   edgecolors=["white"], linewidths=1.5 * PT)
        return
    elif what == "few":
        style = {"fillColor": "#777777", **config["fewStyle"], "color": "#777777"}
    else:
        style = {"fillColor": "#777777", "color": "#777777", **config["areaStyle"], "fillOpacity": 0.25}
    ax.scatter([0.045], [y], s=(12 * PT * scale) ** 2, facecolors=[to_rgba(style["fillColor"],
                                                                           float(style.get("fillOpacity", 1)))],
               edgecolors=[to_rgba(style.get("color") or style["fillColor"])],
               linewidths=min(float(style.get("weight", 1)), 3) * PT,
               linestyles=imagemarks.dashes(style.get("dashArray")))

