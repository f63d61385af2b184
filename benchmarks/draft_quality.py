"""``python -m benchmarks.draft_quality``: draft each seed against the dataset without it; compare with its reports.

For each source, ``data/`` is copied without that source's row, its reports, the places only it
uses and its seed; ``geo draft``'s candidates for the seed are then compared with the curated reports.
A curated report is *matched* when a candidate has the same place and a quote from the same
sentence (their spans in the seed overlap). Places are the same when their ids are equal, or, for a
place the draft had to add, when it is the same kind (point or area) and lies within 30 km (points)
or 300 km (areas) of the curated one. Prints a Markdown table.
"""

from __future__ import annotations

import csv
import math
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Row:
    """The comparison for one source."""

    source: str
    curated: int
    candidates: int
    sentence: int = 0
    matched: int = 0
    correct_candidates: int = 0
    year: int = 0
    sector: int = 0
    role: int = 0

    @property
    def recall(self) -> float:
        return self.matched / self.curated if self.curated else 1.0

    @property
    def precision(self) -> float:
        return self.correct_candidates / self.candidates if self.candidates else 0.0


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def leave_out(data_dir: Path, source_id: str, dest: Path) -> Path:
    """A copy of ``data_dir`` in ``dest`` without ``source_id``, its reports, its seed and the places only it uses."""
    from geo.data.load import seeds_dir_for

    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(data_dir / "sectors.csv", dest / "sectors.csv")
    header, sources = _read(data_dir / "sources.csv")
    seed = next(s["seed_file"] for s in sources if s["id"] == source_id)
    _write(dest / "sources.csv", header, [s for s in sources if s["id"] != source_id])
    header, reports = _read(data_dir / "reports.csv")
    kept = [r for r in reports if r["source_id"] != source_id]
    _write(dest / "reports.csv", header, kept)
    used = {r["place_id"] for r in kept} | {r["from_place_id"] for r in kept}
    header, places = _read(data_dir / "places.csv")
    _write(dest / "places.csv", header, [p for p in places if p["id"] in used])
    (dest / "seeds").mkdir(exist_ok=True)
    for path in seeds_dir_for(data_dir).glob("*.txt"):
        if path.name != seed:
            shutil.copy(path, dest / "seeds" / path.name)
    return dest


def _distance_km(a: dict[str, str], b: dict[str, str]) -> float:
    lat1, lon1, lat2, lon2 = (math.radians(float(x)) for x in (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def same_place(curated: dict[str, str], drafted: dict[str, str]) -> bool:
    """Same id, or the same kind of place close enough (see the module docstring)."""
    if curated["id"] == drafted["id"]:
        return True
    areas = {"province", "region", "country"}
    if (curated["precision"] in areas) != (drafted["precision"] in areas):
        return False
    limit = 300 if curated["precision"] in areas else 30
    return curated["precision"] == drafted["precision"] if curated["precision"] in areas and _distance_km(
        curated, drafted) <= limit else _distance_km(curated, drafted) <= limit


def evaluate(data_dir: Path = ROOT / "data") -> list[Row]:
    """Draft every source's seed against the dataset without it; one :class:`Row` per source."""
    from geo.data.load import seeds_dir_for
    from geo.data.quotes import SeedIndex
    from geo.drafting.article import read_article
    from geo.drafting.dates import parse_published
    from geo.drafting.draft_folder import make_draft

    _, sources = _read(data_dir / "sources.csv")
    _, reports = _read(data_dir / "reports.csv")
    places = {p["id"]: p for p in _read(data_dir / "places.csv")[1]}
    rows = []
    with tempfile.TemporaryDirectory(prefix="draft-quality-") as tmp:
        for source in sources:
            folder = leave_out(data_dir, source["id"], Path(tmp) / source["id"])
            seed_path = seeds_dir_for(data_dir) / source["seed_file"]
            draft = make_draft(read_article(seed_path), parse_published(source["published"]), folder,
                               publisher=source["publisher"], original=seed_path.read_bytes())
            known = {p["id"]: p for p in _read(folder / "places.csv")[1]} | {p["id"]: p for p in draft.places}
            index = SeedIndex({"seed": seed_path.read_text(encoding="utf-8")})
            curated = [r for r in reports if r["source_id"] == source["id"]]
            rows.append(_compare(source["id"], curated, draft.reports, places, known, index))
    return rows


def _compare(source_id: str, curated: list[dict[str, str]], drafted: list[dict[str, str]],
             places: dict[str, dict[str, str]], known: dict[str, dict[str, str]], index: object) -> Row:
    def span(quote: str) -> tuple[int, int]:
        return index.span("seed", quote) or (-1, -1)

    row = Row(source_id, len(curated), len(drafted))
    spans = [span(d["quote"]) for d in drafted]
    correct: set[int] = set()
    for report in curated:
        start, end = span(report["quote"])
        same_sentence = [i for i, (s, e) in enumerate(spans) if s < end and start < e]
        row.sentence += bool(same_sentence)
        hits = [i for i in same_sentence if same_place(places[report["place_id"]], known[drafted[i]["place_id"]])]
        if not hits:
            continue
        row.matched += 1
        correct.update(hits)

        def score(i: int, report: dict[str, str] = report) -> tuple[bool, bool]:
            d = drafted[i]
            return (d["date_start"][:4], d["date_end"][:4]) == (report["date_start"][:4], report["date_end"][:4]), (
                set(d["sectors"].split(";")) == set(report["sectors"].split(";")))

        best = max(hits, key=score)
        year_ok, sector_ok = score(best)
        row.year += year_ok
        row.sector += sector_ok
        row.role += drafted[best]["role"] == report["role"]
    row.correct_candidates = len(correct)
    return row


def table(rows: list[Row]) -> str:
    """The comparison as a Markdown table, with a total row."""
    total = Row("**all**", sum(r.curated for r in rows), sum(r.candidates for r in rows),
                *(sum(getattr(r, f) for r in rows) for f in ("sentence", "matched", "correct_candidates", "year",
                                                             "sector", "role")))
    lines = ["| source | curated | candidates | per curated | sentence found | recall (place + sentence) | "
             "precision | year agrees | sector agrees | role agrees |", "|" + "---|" * 10]
    for r in [*rows, total]:
        pct = lambda n, d: f"{100 * n / d:.0f}%" if d else "–"  # noqa: E731
        lines.append(f"| {r.source} | {r.curated} | {r.candidates} | {r.candidates / max(r.curated, 1):.1f} | "
                     f"{pct(r.sentence, r.curated)} | {pct(r.matched, r.curated)} | "
                     f"{pct(r.correct_candidates, r.candidates)} | "
                     f"{pct(r.year, r.matched)} | {pct(r.sector, r.matched)} | {pct(r.role, r.matched)} |")
    lines.append("\nAgreement columns are shares of matched curated reports (best candidate for each).")
    return "\n".join(lines)


def main() -> int:
    rows = evaluate()
    print(table(rows))
    total_recall = sum(r.matched for r in rows) / sum(r.curated for r in rows)
    ratio = sum(r.candidates for r in rows) / sum(r.curated for r in rows)
    print(f"\nrecall {total_recall:.0%} (target ≥ 90%), {ratio:.1f} candidates per curated report (target ≤ 3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
