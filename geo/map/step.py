"""The dashboard's year step: one filter state as packed numbers, with only the words the browser
does not hold yet (read by ``nkmap.step`` in ``static/nkmap/step.js``; docs/PERFORMANCE.md, "The
step's numbers, packed")."""

from __future__ import annotations

import base64
from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..data.codes import PRESENCE_ORDER
from ..data.load import Dataset
from ..escape import script_json
from ..i18n import DEFAULT_LANGUAGE
from ..query.aggregate import order_in_group, places_of
from ..query.memo import memo_of
from ..reading.reports import report_html_at
from ..settings import SETTINGS, Settings
from .records import ROLE_INDEX, place_record

PRESENCE_CODES = {presence: i for i, presence in enumerate(PRESENCE_ORDER)}
"""A mark's presence as the step's number (the step names them in this order: ``presences``)."""


def packed(numbers: Iterable[int]) -> str:
    """Whole numbers of 0 or more as the step sends them: each in 7-bit groups, lowest first, a
    byte per group with its high bit set when more follow (1 byte up to 127, 2 up to 16,383),
    the bytes in base64. ``nkmap.unpack`` in ``static/nkmap/step.js`` reads them back.

    Raises
    ------
    ValueError
        For a number below 0, naming it and its position.
    """
    out = bytearray()
    for at, number in enumerate(numbers):
        number = int(number)
        if number < 0:
            raise ValueError(f"packed: number {at} is {number}; only numbers of 0 or more can be packed")
        while number > 127:
            out.append((number & 127) | 128)
            number >>= 7
        out.append(number)
    return base64.b64encode(bytes(out)).decode("ascii")


def zero_runs(numbers: Iterable[int]) -> list[int]:
    """``numbers`` with each run of zeros written as 0 and the run's length less one (a popup's
    reports are mostly its place's newest, each a 0): ``nkmap.unzero`` reads them back."""
    out: list[int] = []
    zeros = 0
    for number in numbers:
        if number == 0:
            zeros += 1
            continue
        if zeros:
            out += [0, zeros - 1]
            zeros = 0
        out.append(number)
    if zeros:
        out += [0, zeros - 1]
    return out


def newer_at_place(dataset: Dataset) -> np.ndarray:
    """Per report position, how many reports at its place are newer: the step names a popup's
    report by its place and this number (small: a popup shows a place's newest reports)."""
    memo = memo_of(dataset)
    if memo.newer_at_place is None:
        memo.newer_at_place = order_in_group(dataset.codes.place)
    return memo.newer_at_place


def style_code(sector_index: dict[str, int], role: str, sector: str, presence: str) -> int:
    """A mark's style and presence as one number: ``(role × sectors + sector) × presences + presence``,
    ``sector_index`` giving each sector's position in ``sectors.csv``."""
    style = ROLE_INDEX[role] * max(len(sector_index), 1) + sector_index.get(sector, 0)
    return style * len(PRESENCE_CODES) + PRESENCE_CODES.get(presence, 0)


def usual_styles(dataset: Dataset) -> dict[int, int]:
    """Per place rank, its mark's :func:`style_code` with every report (no filter): the style a
    step leaves out for a place whose mark has it (a year step rarely changes a place's usual
    role, sector or presence). Made once per dataset; a place with no report of its own is 0."""
    memo = memo_of(dataset)
    if memo.usual_styles is None:
        every = places_of(dataset.codes, None, dataset.places)
        ranks = dataset.codes.name_rank[dataset.places.index.get_indexer(every["place_id"])]
        sector_index = {sector: i for i, sector in enumerate(dataset.sectors.index)}
        memo.usual_styles = {int(rank): style_code(sector_index, role, sector, presence)
                             for rank, role, sector, presence
                             in zip(ranks, every["role"], every["sector"], every["presence"], strict=True)}
    return memo.usual_styles


def pair_index(dataset: Dataset) -> dict[tuple[int, int], int]:
    """(origin, destination) positions in ``dataset.places`` → the movement's row in
    ``codes.pair_places`` (ordered by origin then destination id); made once per dataset."""
    memo = memo_of(dataset)
    if memo.pair_index is None:
        memo.pair_index = {(int(a), int(b)): i for i, (a, b) in enumerate(dataset.codes.pair_places.tolist())}
    return memo.pair_index


def step_json(dataset: Dataset, places: pd.DataFrame, flows: pd.DataFrame, popups: dict[str, list[int]],
              *, known: tuple[set[int], set[int], set[int]], base: bool, version: str | None = None,
              lang: str = DEFAULT_LANGUAGE, settings: Settings = SETTINGS) -> str:
    """The dashboard's records for one filter state as a step: numbers for what changed, words only
    for what the browser does not hold yet (``nkmap.step`` in ``static/nkmap/step.js``).

    A place is named by its rank by name (``codes.name_rank``), a report by its place's rank and
    how many reports at that place are newer (:func:`newer_at_place`), written ``"rank:newer"``.
    The step holds ``v`` (the dataset's version: the browser's copy is kept under it), ``base``
    (the browser is to drop what it holds and start from this step), ``places`` (``[rank, record,
    usual style]`` of each place the browser has not been sent: :func:`usual_styles`), ``html``
    (report → report HTML, likewise), ``each`` (how many reports every popup shows when it has
    that many, else ``null``) and five lists of numbers, each :func:`packed`:

    - ``runs``: the ranks of the places with a mark, as runs of consecutive ranks: for each run,
      its first rank less the rank after the run before (0 at first), then its length;
    - ``marks``: in rank order, the count;
    - ``styles``: the marks whose :func:`style_code` is not their place's usual one, each as how
      many marks were passed over since the last one listed, then its style code;
    - ``popups``: in rank order, per popup (its number of reports first when ``each`` is
      ``null``) each report's number of newer reports at its place, the first as it is and each
      next one less the previous one plus one (so a place's newest report is 0); its runs of
      zeros shortened (:func:`zero_runs`);
    - ``flows``: in the order of ``codes.pair_places`` (by origin then destination id), each
      movement's row there less the previous one's plus one, then its count × 2 + 1 when stated.

    ``pairs`` (not packed) gives each movement's row, origin rank and destination rank, for the
    movements the browser has not been sent. The browser puts the movements back in the order
    they are drawn: most reports first, then by origin and destination id.

    Parameters
    ----------
    places, flows
        :func:`geo.query.aggregate.places_of` and :func:`geo.query.aggregate.flows_of` of the filtered reports.
    popups
        Per place id, the positions of the reports its popup shows, newest first.
    known
        The place ranks, report positions and movements (rows of ``codes.pair_places``) the browser
        was sent under this version; updated here.
    base
        Whether this step starts the browser's copy afresh (``known`` is then empty).
    version
        What the browser keeps its copy under: the dataset's version (the default) with the language.
    lang
        The language of the places' names and the reports' HTML.
    """
    sent_places, sent_reports, sent_pairs = known
    ranks = dataset.codes.name_rank
    newer = newer_at_place(dataset)
    position = dataset.places.index.get_indexer
    sector_index = {sector: i for i, sector in enumerate(dataset.sectors.index)}
    sectors = max(len(sector_index), 1)
    top = flows.sort_values(["reports", "from_place_id", "to_place_id"], ascending=[False, True, True])
    top = top.head(settings.max_flows)
    mark_ranks = ranks[position(places["place_id"])] if len(places) else []
    flow_from = ranks[position(top["from_place_id"])] if len(top) else []
    flow_to = ranks[position(top["to_place_id"])] if len(top) else []
    new_places: list[str] = []
    wanted = [*map(int, mark_ranks), *map(int, flow_from), *map(int, flow_to)]
    by_rank = {int(rank): pos for pos, rank in enumerate(ranks)}
    usual = usual_styles(dataset)
    unsent = sorted(set(wanted) - sent_places)
    # one selection of the rows, not a row lookup per place (1,000 lookups were a tenth of a first paint at 50k)
    for rank, place in zip(unsent, dataset.places.iloc[[by_rank[rank] for rank in unsent]].to_dict("records"),
                           strict=True):
        new_places.append(f"[{rank},{script_json(place_record(place, lang))},{usual.get(rank, 0)}]")
    sent_places.update(unsent)
    rows = sorted(zip(map(int, mark_ranks), places["place_id"], places["reports"], places["role"],
                      places["sector"], places["presence"], strict=True))
    runs: list[int] = []
    marks: list[int] = []
    styles: list[int] = []
    unusual = -1  # the last mark whose style was not its place's usual one
    chosen_lists = [popups.get(place_id, []) for _, place_id, *_rest in rows]
    # A popup shows a place's newest reports up to a number the same for every place: then the
    # step says that number once, not per popup.
    each = max((len(chosen) for chosen in chosen_lists), default=0)
    if any(len(chosen) != min(each, int(row[2])) for chosen, row in zip(chosen_lists, rows, strict=True)):
        each = None
    shown: list[int] = []
    new_html: dict[int, str] = {}
    html_key: dict[int, str] = {}
    end = 0  # the rank after the last run of consecutive ranks
    for at, ((rank, _place_id, count, role, sector, presence), chosen) in enumerate(zip(rows, chosen_lists,
                                                                                          strict=True)):
        if runs and rank == end:
            runs[-1] += 1
        else:
            runs += [rank - end, 1]
        end = rank + 1
        marks.append(int(count))
        style = style_code(sector_index, role, sector, presence)
        if style != usual.get(rank, 0):
            styles += [at - unusual - 1, style]
            unusual = at
        if each is None:
            shown.append(len(chosen))
        before = -1
        for row in chosen:
            at_place = int(newer[row])
            shown.append(at_place - before - 1)
            before = at_place
            if row not in sent_reports:
                new_html[row], html_key[row] = "", f"{rank}:{at_place}"
    if new_html:
        for row, html in zip(new_html, report_html_at(dataset, list(new_html), lang), strict=True):
            new_html[row] = html
        sent_reports.update(new_html)
    pairs = pair_index(dataset)
    shown_pairs = sorted(
        (pairs[(int(a), int(b))], int(n) * 2 + int(basis == "stated"), int(rank_a), int(rank_b))
        for a, b, n, basis, rank_a, rank_b in zip(position(top["from_place_id"]), position(top["to_place_id"]),
                                                  top["reports"], top["basis"], flow_from, flow_to, strict=True))
    lines: list[int] = []
    new_pairs: list[int] = []
    previous = -1
    for pair, count, rank_a, rank_b in shown_pairs:
        lines += [pair - previous - 1, count]
        previous = pair
        if pair not in sent_pairs:
            new_pairs += [pair, rank_a, rank_b]
            sent_pairs.add(pair)
    html = ",".join(f'"{html_key[row]}":{script_json(text)}' for row, text in new_html.items())
    return (f'{{"v":{script_json(version or dataset.version)},"base":{"true" if base else "false"},'
            f'"places":[{",".join(new_places)}],"html":{{{html}}},"runs":"{packed(runs)}",'
            f'"marks":"{packed(marks)}","styles":"{packed(styles)}","each":{"null" if each is None else each},'
            f'"popups":"{packed(zero_runs(shown))}","flows":"{packed(lines)}",'
            f'"pairs":{script_json(new_pairs)},"sectors":{sectors},'
            f'"presences":{script_json(list(PRESENCE_CODES))}}}')
