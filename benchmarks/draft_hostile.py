"""``make bench-draft``: CPU seconds to draft hostile article shapes from 10 KB to 2 MB (the largest allowed).

Each shape is drafted against the project's ``data/`` (read only) in a worker process with a CPU limit
(:func:`geo.drafting.draftrun.draft_in_worker`), so a shape that is still super-linear shows as over the limit
instead of hanging the run. The CPU time is the child's (``resource.getrusage(RUSAGE_CHILDREN)``), and
includes the worker's start (imports and the gazetteer, about a second), shown as the ``start`` column.
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import resource
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = (10_000, 100_000, 1_000_000, 2_000_000)


def shapes() -> dict[str, str]:
    """Units repeated up to each size: the shapes that were super-linear, and ordinary text."""
    normal = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
    return {
        "blank lines": "\n",
        "dots": ".",
        "spaces": " ",
        "'Dandong ' repeated": "Dandong ",
        "'North Korean workers in Dandong. '": "North Korean workers in Dandong. ",
        "'U.S. ' repeated": "U.S. ",
        "normal text (the seeds)": normal,
    }


def article(unit: str, size: int) -> bytes:
    """``unit`` repeated to ``size`` bytes after a first word (so that no shape is empty)."""
    text = "Workers " + unit * (size // max(1, len(unit.encode("utf-8"))) + 1)
    return text.encode("utf-8")[:size]


def cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    from geo.drafting.article import ArticleError
    from geo.drafting.draftrun import DraftTimeoutError, draft_in_worker

    parser = argparse.ArgumentParser(prog="python -m benchmarks.draft_hostile", description=__doc__)
    parser.add_argument("--limit", type=int, default=60, help="CPU seconds allowed per draft (default 60)")
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES), help="comma-separated sizes in bytes")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    before = cpu_of_children()
    draft_in_worker(b"Workers.", "2023", ROOT / "data", cpu_seconds=args.limit)
    start = cpu_of_children() - before
    print(f"| shape | start | {' | '.join(f'{s / 1000:,.0f} KB' for s in sizes)} |")
    print("|---|---|" + "---|" * len(sizes))
    for name, unit in shapes().items():
        cells = []
        for size in sizes:
            before = cpu_of_children()
            try:
                draft = draft_in_worker(article(unit, size), "2023", ROOT / "data", cpu_seconds=args.limit)
                cells.append(f"{cpu_of_children() - before:.1f} s ({len(draft.reports)} rows)")
            except DraftTimeoutError:
                cells.append(f"> {args.limit} s")
            except ArticleError as error:
                cells.append(f"refused: {error}")
            sys.stdout.flush()
        print(f"| {name} | {start:.1f} s | {' | '.join(cells)} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
