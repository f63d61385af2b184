"""``python -m benchmarks.drafting.train``: train the drafter's place model (geo/drafting/learned.py).

Reads only the development half's batches written for training (``TRAIN_BATCHES``, chosen by the articles' name
prefix); never the test half nor a batch held out for the round. For every sentence the rules draft, each place it
names (plus the rules' fallback and the dateline's city) is one example, labelled by the article's curated
statements: one of the statements of that sentence is at that place (within 15 km, or the right area, as
``benchmarks/draft_quality.py`` matches them).

``--lobo`` prints the leave-one-batch-out table (train on four batches, measure the fifth against the rules
alone); without it the weights are written to geo/drafting/place_model.json (deterministic: same data, same
file), with the threshold chosen by leave-one-batch-out cross-validation.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "benchmarks" / "drafting" / "dev"
TRAIN_BATCHES = ("d", "t", "w", "y", "z")
"""The batches of writers the model learns from (each one writer); any other batch in dev/ is held out."""
C = 0.5
"""The inverse regularisation strength of the logistic regression."""
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(2, 19))
WRONG_COST = 0.5
"""How much a wrong candidate costs against a matched statement when choosing the threshold."""
OUT = ROOT / "geo" / "drafting" / "place_model.json"


@dataclass
class Article:
    """One article's examples and its drafted candidates, each tagged with the example it comes from."""

    stem: str
    statements: list[dict]
    text: str
    examples: list[tuple[tuple[int, str], list[str], bool, bool]]  # key, features, chosen by the rules, label
    rows: list[tuple[tuple[int, str], dict]]  # key, the candidate as draft_quality compares it


def batch_of(stem: str) -> str:
    """The batch an article belongs to: the letters its name starts with (``w15-…`` is in batch ``w``)."""
    return re.match(r"[a-z]*", stem).group(0)


def collect(batches: tuple[str, ...] = TRAIN_BATCHES) -> list[Article]:
    """Draft every article of ``batches`` with the model recording every place it would score."""
    from benchmarks.draft_quality import _drafted, _find, _read, _statement, same_place_15km
    from geo.drafting import learned
    from geo.drafting.article import read_article
    from geo.drafting.candidates import candidates
    from geo.drafting.dates import parse_published

    tables = {name: _read(ROOT / "data" / f"{name}.csv")[1] for name in ("places", "sectors")}
    out = []
    for path in sorted(DEV.glob("*.txt")):
        if batch_of(path.stem) not in batches:
            continue
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        statements = [_statement(s) for s in _read(path.with_name(path.stem + ".statements.csv"))[1]]
        text = path.read_text(encoding="utf-8")
        learned.RECORD = []
        try:
            found = candidates(read_article(path), parse_published(meta["published"]), tables["places"],
                               tables["sectors"])
            record = learned.RECORD
        finally:
            learned.RECORD = None
        spans = [_find(text, s["quote"]) for s in statements]
        examples = []
        for start, end, entry, names, by_rules in record:
            label = any(s < end and start < e and same_place_15km(st["place"], entry.row())
                        for st, (s, e) in zip(statements, spans, strict=True))
            examples.append(((start, entry.id), names, by_rules, label))
        rows = [((sentence.start, mention.entry.id), _drafted(row, mention.entry.row()))
                for mention, sentence, row in found]
        out.append(Article(path.stem, statements, text, examples, rows))
    return out


def fit(articles: list[Article], c: float = C) -> dict:
    """A logistic regression on the articles' examples: ``{"intercept", "weights"}`` by feature name."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    examples = [e for a in articles for e in a.examples]
    names = sorted({n for _, feats, _, _ in examples for n in feats})
    index = {n: i for i, n in enumerate(names)}
    rows, cols = [], []
    for i, (_, feats, _, _) in enumerate(examples):
        for n in feats:
            rows.append(i)
            cols.append(index[n])
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(examples), len(names)))
    y = np.array([label for *_, label in examples], dtype=int)
    model = LogisticRegression(C=c, solver="lbfgs", max_iter=5000).fit(x, y)
    weights = {n: round(float(w), 5) for n, w in zip(names, model.coef_[0], strict=True) if abs(w) >= 1e-5}
    return {"intercept": round(float(model.intercept_[0]), 5), "weights": dict(sorted(weights.items()))}


def measure(articles: list[Article], keep: object) -> dict:
    """draft_quality's totals for the candidates whose example ``keep(key, features, by_rules)`` keeps."""
    from benchmarks.draft_quality import _compare, _find, same_place_15km, total

    rows = []
    for a in articles:
        kept = {key for key, names, by_rules, _ in a.examples if keep(key, names, by_rules)}
        drafted = [d for key, d in a.rows if key in kept]
        rows.append(_compare(a.stem, a.statements, drafted, lambda q, text=a.text: _find(text, q), same_place_15km))
    t = total(rows)
    return {"statements": t.curated, "matched": t.matched, "candidates": t.candidates, "correct": t.correct_candidates,
            "judged": t.judged, "placed_right": t.placed_right, "stray": t.stray}


def by_model(model: dict, threshold: float, keep_best: bool = False) -> object:
    """A ``keep`` for :func:`measure`: the model's decision at ``threshold``, as geo/drafting/learned.py makes it."""
    from geo.drafting.learned import score

    def keep(key: tuple[int, str], names: list[str], by_rules: bool, cache: dict = {}) -> bool:  # noqa: B006
        return score(names, model) >= threshold
    if not keep_best:
        return keep
    return keep  # the best of a sentence is added in measure_best


def objective(m: dict) -> float:
    return m["matched"] - WRONG_COST * (m["candidates"] - m["correct"])


def choose_threshold(articles: list[Article], c: float = C) -> float:
    """The threshold that does best on each batch of ``articles`` held out in turn (leave-one-batch-out)."""
    groups = sorted({batch_of(a.stem) for a in articles})
    totals = dict.fromkeys(THRESHOLDS, 0.0)
    for held in groups:
        model = fit([a for a in articles if batch_of(a.stem) != held], c)
        test = [a for a in articles if batch_of(a.stem) == held]
        for t in THRESHOLDS:
            totals[t] += objective(measure(test, by_model(model, t)))
    return max(THRESHOLDS, key=lambda t: (totals[t], -abs(t - 0.5)))


def line(name: str, m: dict) -> str:
    pct = lambda n, d: f"{100 * n / d:.0f}%" if d else "–"  # noqa: E731
    return (f"| {name} | {m['statements']} | {pct(m['matched'], m['statements'])} | "
            f"{pct(m['placed_right'], m['judged'])} | {m['stray']} | {m['candidates'] / max(m['statements'], 1):.2f} |"
            f" {m['matched']} | {m['candidates'] - m['correct']} |")


def lobo(articles: list[Article]) -> str:
    """The leave-one-batch-out table: for each batch, the rules alone and the model trained on the others (its
    threshold chosen by leave-one-batch-out on those others only)."""
    out = ["| held-out batch, decision | statements | recall | place right | strays | per statement | matched |"
           " wrong candidates |", "|" + "---|" * 8]
    sums: dict[str, dict] = {}
    for held in TRAIN_BATCHES:
        train = [a for a in articles if batch_of(a.stem) != held]
        test = [a for a in articles if batch_of(a.stem) == held]
        threshold = choose_threshold(train)
        model = fit(train)
        for name, keep in ((f"{held}: rules", lambda k, n, r: r),
                           (f"{held}: model (threshold {threshold})", by_model(model, threshold))):
            m = measure(test, keep)
            out.append(line(name, m))
            kind = name.split(": ")[1].split(" ")[0]
            sums[kind] = {k: sums.get(kind, {}).get(k, 0) + v for k, v in m.items()}
    out += [line(f"all: {kind}", m) for kind, m in sums.items()]
    return "\n".join(out)


def weights_file(articles: list[Article]) -> str:
    """The JSON text of the weights trained on ``articles`` with the threshold cross-validation chose."""
    model = fit(articles)
    model["threshold"] = choose_threshold(articles)
    model["trained_on"] = sorted({batch_of(a.stem) for a in articles})
    model["examples"] = sum(len(a.examples) for a in articles)
    body = json.dumps(model, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    return body


def checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    articles = collect()
    if "--lobo" in argv:
        print(lobo(articles))
        return 0
    text = weights_file(articles)
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({len(json.loads(text)['weights'])} weights, threshold "
          f"{json.loads(text)['threshold']}, sha256 {checksum(text)[:12]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
