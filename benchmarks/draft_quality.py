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
import re
import shutil
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
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
    figure: int = 0
    caution: int = 0
    judged: int = 0
    placed_right: int = 0
    stray: int = 0
    misses: Counter = field(default_factory=Counter)

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
            curated = [_curated_statement(r, places[r["place_id"]]) for r in reports if r["source_id"] == source["id"]]
            drafted = [_drafted(r, known[r["place_id"]]) for r in draft.reports]
            rows.append(_compare(source["id"], curated, drafted,
                                 lambda quote, index=index: index.span("seed", quote) or (-1, -1), same_place))
    return rows


def evaluate_folder(folder: Path, data_dir: Path = ROOT / "data") -> list[Row]:
    """Draft every article in ``folder`` (see benchmarks/drafting/README.md) against ``data_dir``."""
    import json

    from geo.drafting.article import read_article
    from geo.drafting.dates import parse_published
    from geo.drafting.draft_folder import make_draft

    rows = []
    for path in sorted(Path(folder).glob("*.txt")):
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        statements = _read(path.with_name(path.stem + ".statements.csv"))[1]
        draft = make_draft(read_article(path), parse_published(meta["published"]), data_dir,
                           publisher=meta.get("publisher", ""), original=path.read_bytes())
        known = {p["id"]: p for p in _read(data_dir / "places.csv")[1]} | {p["id"]: p for p in draft.places}
        drafted = [_drafted(r, known[r["place_id"]]) for r in draft.reports]
        text = path.read_text(encoding="utf-8")
        rows.append(_compare(path.stem, [_statement(s) for s in statements], drafted,
                             lambda quote, text=text: _find(text, quote), same_place_15km))
    return rows


AREAS = {"province", "region", "country"}


def _curated_statement(report: dict[str, str], place: dict[str, str]) -> dict:
    """A curated report of the dataset in the form the comparison uses."""
    return {"place": place, "role": report["role"], "years": (report["date_start"][:4], report["date_end"][:4]),
            "figure": (report["workers_min"], report["workers_max"], report["workers_kind"]),
            "sectors": set(report["sectors"].split(";")), "caution": bool(report["caution"].strip()),
            "quote": report["quote"]}


def _statement(row: dict[str, str]) -> dict:
    """A statement of benchmarks/drafting/*/NAME.statements.csv in the form the comparison uses."""
    place = {"id": "", "name": row["place"], "lat": row["lat"], "lon": row["lon"],
             "precision": "region" if row["area"] == "yes" else "city"}
    return {"place": place, "role": row["role"], "years": (row["year_start"], row["year_end"]),
            "figure": (row["workers_min"], row["workers_max"], row["workers_kind"]),
            "sectors": set((row["sector"] or "unspecified").split(";")), "caution": row["caution"] == "yes",
            "quote": row["quote"]}


def _drafted(report: dict[str, str], place: dict[str, str]) -> dict:
    """A drafted candidate in the form the comparison uses."""
    return {"place": place, "role": report["role"], "years": (report["date_start"][:4], report["date_end"][:4]),
            "figure": (report.get("workers_min", ""), report.get("workers_max", ""), report.get("workers_kind", "")),
            "sectors": set(report["sectors"].split(";")), "caution": bool((report.get("caution") or "").strip()),
            "quote": report["quote"], "reason": report.get("reason", "")}


def same_place_15km(statement: dict[str, str], drafted: dict[str, str]) -> bool:
    """A point within 15 km of the statement's point, or the right area (same name, or centres within 100 km)."""
    from geo.drafting.gazetteer import fold

    if (statement["precision"] in AREAS) != (drafted["precision"] in AREAS):
        return False
    if statement["precision"] not in AREAS:
        return _distance_km(statement, drafted) <= 15

    def bare(name: str) -> str:
        return re.sub(r"\s+(?:Province|Prefecture|Oblast|Krai|Region|Korean Autonomous Prefecture)$", "",
                      fold(name)).lower()
    return bare(statement["name"]) == bare(drafted["name"]) or _distance_km(statement, drafted) <= 100


def figure_agrees(expected: tuple[str, str, str], drafted: tuple[str, str, str]) -> bool:
    """Same bounds and kind; a share (``N percent of``) agrees only with a candidate that gives no head count."""
    if expected[2] == "share":
        return not drafted[0] and not drafted[1]
    if not any(expected):
        return not drafted[0] and not drafted[1]
    low, high, kind = expected
    return (drafted[0] or "0") == (low or "0") and drafted[1] == high and drafted[2] == kind


def _find(text: str, quote: str) -> tuple[int, int]:
    """Where ``quote`` is in the article: in its body if it is there (a headline often repeats the first sentence's
    words, and the headline is not a statement), else anywhere."""
    body = text.find("\n\n")
    start = text.find(quote, body if body >= 0 else 0) if quote else -1
    start = text.find(quote) if quote and start < 0 else start
    return (start, start + len(quote)) if start >= 0 else (-1, -1)


def _compare(source_id: str, curated: list[dict], drafted: list[dict], span: object, same: object) -> Row:
    """Match curated statements with drafted candidates: same sentence (quotes overlap) and ``same`` place."""
    row = Row(source_id, len(curated), len(drafted))
    spans = [span(d["quote"]) for d in drafted]
    curated_spans = [span(c["quote"]) for c in curated]
    correct: set[int] = set()
    for report, (start, end) in zip(curated, curated_spans, strict=True):
        same_sentence = [i for i, (s, e) in enumerate(spans) if s < end and start < e]
        row.sentence += bool(same_sentence)
        hits = [i for i in same_sentence if same(report["place"], drafted[i]["place"])]
        if not hits:
            row.misses["missed: no candidate from its sentence" if not same_sentence else
                       "missed: its sentence drafted at another place"] += 1
            continue
        row.matched += 1
        correct.update(hits)

        def score(i: int, report: dict = report) -> tuple[bool, ...]:
            d = drafted[i]
            return (d["years"] == report["years"], d["sectors"] == report["sectors"],
                    figure_agrees(report["figure"], d["figure"]), d["caution"] == report["caution"])

        best = max(hits, key=score)
        checks = dict(zip(("year", "sector", "figure", "caution"), score(best), strict=True))
        checks["role"] = drafted[best]["role"] == report["role"]
        for name, ok in checks.items():
            setattr(row, name, getattr(row, name) + ok)
            if not ok:
                kind = f"matched, {name} differs"
                if name == "figure":
                    kind += " (expected a share)" if report["figure"][2] == "share" else (
                        " (none expected)" if not any(report["figure"]) else
                        " (none drafted)" if not drafted[best]["figure"][0] and not drafted[best]["figure"][1]
                        else "")
                row.misses[kind] += 1
    for i, d in enumerate(drafted):
        s, e = spans[i]
        in_sentence = [c for c, (cs, ce) in zip(curated, curated_spans, strict=True) if cs < e and s < ce]
        if in_sentence:
            row.judged += 1
            row.placed_right += any(same(c["place"], d["place"]) for c in in_sentence)
        if not any(same(c["place"], d["place"]) for c in curated):
            row.stray += 1
            row.misses["extra: a place the article puts no workers in"] += 1
        elif i not in correct:
            row.misses["extra: a known place, from a sentence without such a statement"] += 1
    row.correct_candidates = len(correct)
    return row


FIELDS = ("sentence", "matched", "correct_candidates", "year", "sector", "role", "figure", "caution", "judged",
          "placed_right", "stray")


def total(rows: list[Row], name: str = "**all**") -> Row:
    """The rows added up."""
    out = Row(name, sum(r.curated for r in rows), sum(r.candidates for r in rows),
              *(sum(getattr(r, f) for r in rows) for f in FIELDS))
    for r in rows:
        out.misses.update(r.misses)
    return out


def batches(rows: list[Row]) -> list[Row]:
    """The rows added up per batch of articles (the letters their names start with: ``u01-…``, ``x01-…``),
    when there is more than one batch; each batch was written at its own time and is measured apart."""
    groups: dict[str, list[Row]] = {}
    for r in rows:
        groups.setdefault(re.match(r"[a-z]*", r.source).group(0), []).append(r)
    if len(groups) < 2:
        return []
    return [total(group, f"{letters}01–{letters}{len(group):02d}") for letters, group in sorted(groups.items())]


def table(rows: list[Row], *, per_source: bool = True) -> str:
    """The comparison as a Markdown table, with a total row (only each batch's and the total when
    ``per_source`` is false)."""
    lines = ["| source | curated | candidates | per curated | sentence found | recall (place + sentence) | "
             "precision | place right | stray places | figure + kind | year agrees | sector agrees | "
             "caution agrees | role agrees |", "|" + "---|" * 14]
    for r in [*(rows if per_source else batches(rows)), total(rows)]:
        pct = lambda n, d: f"{100 * n / d:.0f}%" if d else "–"  # noqa: E731
        lines.append(f"| {r.source} | {r.curated} | {r.candidates} | {r.candidates / max(r.curated, 1):.1f} | "
                     f"{pct(r.sentence, r.curated)} | {pct(r.matched, r.curated)} | "
                     f"{pct(r.correct_candidates, r.candidates)} | {pct(r.placed_right, r.judged)} | {r.stray} | "
                     f"{pct(r.figure, r.matched)} | {pct(r.year, r.matched)} | {pct(r.sector, r.matched)} | "
                     f"{pct(r.caution, r.matched)} | {pct(r.role, r.matched)} |")
    lines.append("\nAgreement columns are shares of matched curated reports (best candidate for each). "
                 "'place right': of the candidates quoting a sentence that holds curated statements, the share "
                 "placed at one of them. 'stray places': candidates at a place no statement of the article names.")
    return "\n".join(lines)


def misses_table(rows: list[Row]) -> str:
    """Misses and disagreements by kind, counts only."""
    counts = total(rows).misses
    lines = ["| miss or disagreement | count |", "|---|---|"]
    lines += [f"| {kind} | {n} |" for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return "\n".join(lines)


HALVES = (
    ("Seeds: the texts the rules were written from (each drafted against the dataset without it)", None),
    ("Development half (benchmarks/drafting/dev): rules are tuned on it", "dev"),
    ("Test half (benchmarks/drafting/test): held out, aggregate only", "test"),
)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    for title, half in HALVES:
        if half == "test" and "--without-test" in argv:
            continue  # while changing rules: the held-out half is measured only now and then
        if half is None:
            rows = evaluate()
        else:
            folder = ROOT / "benchmarks" / "drafting" / half
            if not any(folder.glob("*.txt")):
                print(f"## {title}\n\nno articles in {folder}\n")
                continue
            rows = evaluate_folder(folder)
        held_out = half == "test"
        print(f"## {title}\n")
        print(table(rows, per_source=not held_out))
        print("\n" + misses_table(rows) + "\n")
        t = total(rows)
        print(f"recall {t.matched / max(t.curated, 1):.0%}, {t.candidates / max(t.curated, 1):.1f} candidates "
              f"per statement, place right {t.placed_right / max(t.judged, 1):.0%}, {t.stray} at stray places\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
