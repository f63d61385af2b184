"""``python -m benchmarks.drafting.train``: the place-model experiment (benchmarks/drafting/LEARNED.md).

Can a logistic regression decide better than the rules which places of a sentence become candidates? Reads only
the development half's batches named in ``TRAIN_BATCHES`` (by the articles' name prefix): never the test half,
nor a batch held out for the round (``v01``-``v14`` in December 2026). For every sentence the rules draft, each
place in :func:`place_model.pool` is one example, labelled by the article's curated statements: one of the
statements of that sentence is at that place (within 15 km, or the right area, as ``draft_quality`` matches).

- ``--lobo``: leave one batch out (train on four of d, t, w, y, z; measure the fifth against the rules alone),
  with the threshold chosen by leave-one-batch-out on the four. The rules were tuned on every one of these
  batches, so this is how the model does beside rules that already know the text.
- ``--arrival``: the same with each batch drafted by the rules of the commit that added it, before any rule was
  written for it (the rules on text they were not tuned on, as on a new writer's batch): four arrival sets
  (w01-w14, w15-w28, y01-y14, z01-z14), one held out at a time; the model learns from the other three and from
  the current rules on the tuned batches without the held-out articles.

Both print draft_quality's place numbers (recall, place right, strays, candidates per statement) as Markdown.
Deterministic: the same data give the same table. Needs scikit-learn (the dev group).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run by path inside an older checkout (--arrival): its geo, this experiment's model
    sys.path[:0] = [os.getcwd()]
    import place_model  # type: ignore[import-not-found]
else:
    from . import place_model

HERE = Path(__file__).resolve().parent
TRAIN_BATCHES = ("d", "t", "w", "y", "z")
"""The batches of writers the model may learn from (each one writer); any other batch in dev/ is held out."""
ARRIVALS = (("w01-w14", "4c39d82", "w", 1, 14), ("w15-w28", "f9e24d6", "w", 15, 28),
            ("y01-y14", "bd54d7f", "y", 1, 14), ("z01-z14", "de9b756", "z", 1, 14))
"""Each batch drafted by the rules of the commit that added it (name, commit, prefix, first and last number)."""
C = 0.1
"""The inverse regularisation strength of the logistic regression."""
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(2, 19))
WRONG_COST = 0.5
"""What a wrong candidate costs against a matched statement when the threshold is chosen."""


@dataclass
class Article:
    """One article: its curated statements, the examples and the candidates, each tagged with its example."""

    stem: str
    statements: list[dict]
    text: str
    examples: list[tuple[tuple[int, str], list[str], bool, bool]]  # key, features, chosen by the rules, label
    rows: list[tuple[tuple[int, str], dict]]  # key, a candidate as draft_quality compares it


def batch_of(stem: str) -> str:
    """The batch an article belongs to: the letters its name starts with (``w15-…`` is in batch ``w``)."""
    return re.match(r"[a-z]*", stem).group(0)


def number_of(stem: str) -> int:
    return int(re.match(r"[a-z]*(\d+)", stem).group(1))


def _dateline(article_text: str, placer: object, sentences: list) -> tuple[int, object] | None:
    """Where the story's city (the dateline's) starts to apply, and its mention: as ``candidates`` finds it."""
    from geo.drafting import article as art
    from geo.drafting import candidates as cand
    from geo.drafting.cues import DATELINE
    from geo.drafting.mentions import CAPITALS

    starts = getattr(art, "starts_paragraph", None) or cand._starts_paragraph  # noqa: SLF001 - older checkouts
    for sentence in sentences:
        dateline = DATELINE.match(sentence.text) if starts(article_text, sentence.start) else None
        if not dateline:
            continue
        filed = placer.mentions(dateline.group(1).title(), 0)
        if not filed or filed[0].entry.is_area:
            continue
        again = re.search(rf"\b{re.escape(filed[0].entry.name.split()[0])}\b(?![-'’])",
                          article_text[sentence.start + dateline.end():])
        if again or (filed[0].entry.country not in cand.FILED_FROM_ONLY and filed[0].entry.name not in CAPITALS):
            from dataclasses import replace
            return sentence.start, replace(filed[0], start=sentence.start, end=sentence.start,
                                           how=f"the dateline's {filed[0].entry.name}")
    return None


def collect(batches: tuple[str, ...] = TRAIN_BATCHES, numbers: tuple[int, int] = (0, 99),
            dev: Path | None = None) -> list[Article]:
    """Draft every article of ``batches`` (numbered within ``numbers``) in ``dev`` with the checkout's rules; an
    :class:`Article` each, with one example per place of :func:`place_model.pool` of each drafted sentence."""
    from benchmarks.draft_quality import _drafted, _find, _read, _statement, same_place_15km
    from geo.drafting.article import read_article, split_sentences
    from geo.drafting.candidates import candidates
    from geo.drafting.cues import DATELINE
    from geo.drafting.dates import parse_published
    from geo.drafting.placefind import Placer

    root = Path.cwd() if dev is None else dev.parents[2]
    dev = root / "benchmarks" / "drafting" / "dev" if dev is None else dev
    tables = {name: _read(root / "data" / f"{name}.csv")[1] for name in ("places", "sectors")}
    out = []
    for path in sorted(dev.glob("*.txt")):
        if batch_of(path.stem) not in batches or not numbers[0] <= number_of(path.stem) <= numbers[1]:
            continue
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        statements = [_statement(s) for s in _read(path.with_name(path.stem + ".statements.csv"))[1]]
        article = read_article(path)
        text = path.read_text(encoding="utf-8")
        found = candidates(article, parse_published(meta["published"]), tables["places"], tables["sectors"])
        placer = Placer(tables["places"], article.text)
        sentences = split_sentences(article.text)
        dateline = _dateline(article.text, placer, sentences)
        chosen: dict[int, dict[str, object]] = {}
        rows = []
        for mention, sentence, row in found:
            chosen.setdefault(sentence.start, {}).setdefault(mention.entry.id, mention)
            rows.append(((sentence.start, mention.entry.id), _drafted(row, mention.entry.row())))
        spans = [_find(text, s["quote"]) for s in statements]
        examples = []
        for sentence in sentences:
            if sentence.start not in chosen:
                continue
            named = placer.mentions(sentence.text, sentence.start)
            head = DATELINE.match(sentence.text)
            if head and dateline is not None and dateline[0] == sentence.start:
                named = [m for m in named if m.start >= sentence.start + head.end()]
            story = dateline[1] if dateline is not None and dateline[0] <= sentence.start else None
            picked = list(chosen[sentence.start].values())
            end = sentence.start + len(sentence.text)
            quote = sentence.text.strip().strip("\"“”")
            for mention in place_model.pool(sentence.start, named, picked, story):
                names = place_model.features(sentence.text, sentence.start, mention, named,
                                             set(chosen[sentence.start]), story)
                label = any(s < end and sentence.start < e and same_place_15km(st["place"], mention.entry.row())
                            for st, (s, e) in zip(statements, spans, strict=True))
                key = (sentence.start, mention.entry.id)
                examples.append((key, names, mention.entry.id in chosen[sentence.start], label))
                if mention.entry.id not in chosen[sentence.start]:  # a candidate the model could add
                    rows.append((key, {"place": mention.entry.row(), "role": "", "years": ("", ""),
                                       "figure": ("", "", ""), "sectors": set(), "caution": False, "quote": quote}))
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
    cells = [(i, index[n]) for i, (_, feats, _, _) in enumerate(examples) for n in feats]
    x = csr_matrix((np.ones(len(cells)), ([i for i, _ in cells], [j for _, j in cells])),
                   shape=(len(examples), len(names)))
    y = np.array([label for *_, label in examples], dtype=int)
    model = LogisticRegression(C=c, solver="lbfgs", max_iter=5000).fit(x, y)
    weights = {n: round(float(w), 5) for n, w in zip(names, model.coef_[0], strict=True) if abs(w) >= 1e-5}
    return {"intercept": round(float(model.intercept_[0]), 5), "weights": weights}


def measure(articles: list[Article], keep: object) -> dict:
    """draft_quality's place numbers for the candidates whose example (key, features, chosen by the rules, label)
    ``keep`` keeps."""
    from benchmarks.draft_quality import _compare, _find, same_place_15km, total

    rows = []
    for a in articles:
        kept = {example[0] for example in a.examples if keep(example)}
        drafted = [d for key, d in a.rows if key in kept]
        rows.append(_compare(a.stem, a.statements, drafted, lambda q, text=a.text: _find(text, q), same_place_15km))
    t = total(rows)
    return {"statements": t.curated, "matched": t.matched, "candidates": t.candidates,
            "correct": t.correct_candidates, "judged": t.judged, "placed_right": t.placed_right, "stray": t.stray}


def rules(example: tuple) -> bool:
    """The rules alone: a ``keep`` for :func:`measure`."""
    return example[2]


def every(example: tuple) -> bool:
    """Every place of the pool: what the model chooses among (the most it can match)."""
    return True


def oracle(example: tuple) -> bool:
    """The places the curated statements of the sentence name: a perfect model."""
    return example[3]


def by_model(model: dict, threshold: float) -> object:
    """The model's decision at ``threshold``: a ``keep`` for :func:`measure`."""
    return lambda example: place_model.score(example[1], model) >= threshold


def objective(m: dict) -> float:
    return m["matched"] - WRONG_COST * (m["candidates"] - m["correct"])


def choose_threshold(groups: dict[str, list[Article]], always: list[Article] = ()) -> float:
    """The threshold that does best on each group held out in turn, trained on the others (and ``always``)."""
    totals = dict.fromkeys(THRESHOLDS, 0.0)
    for held, test in groups.items():
        stems = {a.stem for a in test}
        model = fit([a for g, arts in groups.items() if g != held for a in arts]
                    + [a for a in always if a.stem not in stems])
        for t in THRESHOLDS:
            totals[t] += objective(measure(test, by_model(model, t)))
    return max(THRESHOLDS, key=lambda t: (totals[t], -abs(t - 0.5)))


def line(name: str, m: dict) -> str:
    pct = lambda n, d: f"{100 * n / d:.0f}%" if d else "–"  # noqa: E731
    return (f"| {name} | {m['statements']} | {pct(m['matched'], m['statements'])} | "
            f"{pct(m['placed_right'], m['judged'])} | {m['stray']} | {m['candidates'] / max(m['statements'], 1):.2f} |"
            f" {m['matched']} | {m['candidates'] - m['correct']} |")


HEADER = ["| held out, decision | statements | recall | place right | strays | per statement | matched | "
          "wrong candidates |", "|" + "---|" * 8]


def held_out_table(groups: dict[str, list[Article]], always: list[Article] = ()) -> str:
    """For each group: the rules alone, then the model trained on the other groups (and on ``always`` without the
    group's articles), at the threshold chosen by leave-one-group-out on those others only."""
    out, sums = list(HEADER), {}
    for held, test in groups.items():
        others = {g: arts for g, arts in groups.items() if g != held}
        stems = {a.stem for a in test}
        rest = [a for a in always if a.stem not in stems]
        threshold = choose_threshold(others, rest)
        model = fit([a for arts in others.values() for a in arts] + rest)
        for kind, keep in (("rules", rules), (f"model (threshold {threshold})", by_model(model, threshold)),
                           ("every place in the pool", every), ("oracle (a perfect model)", oracle)):
            m = measure(test, keep)
            out.append(line(f"{held}: {kind}", m))
            short = kind.split(" ")[0]
            sums[short] = {k: sums.get(short, {}).get(k, 0) + v for k, v in m.items()}
    out += [line(f"all: {kind}", m) for kind, m in sums.items()]
    return "\n".join(out)


def _to_json(articles: list[Article]) -> str:
    def plain(d: dict) -> dict:
        return {k: sorted(v) if isinstance(v, set) else v for k, v in d.items()}
    return json.dumps([{"stem": a.stem, "text": a.text, "statements": [plain(s) for s in a.statements],
                        "examples": a.examples, "rows": [(k, plain(d)) for k, d in a.rows]} for a in articles])


def _from_json(text: str) -> list[Article]:
    def back(d: dict) -> dict:
        return {k: set(v) if k == "sectors" else tuple(v) if k in ("years", "figure") else v for k, v in d.items()}
    return [Article(a["stem"], [back(s) for s in a["statements"]], a["text"],
                    [(tuple(k), f, r, lab) for k, f, r, lab in a["examples"]],
                    [(tuple(k), back(d)) for k, d in a["rows"]]) for a in json.loads(text)]


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), *args], check=True)  # noqa: S603, S607 - git, on this checkout


def arrivals() -> dict[str, list[Article]]:
    """Each arrival set drafted by the rules of the commit that added it (a temporary worktree each)."""
    root = HERE.parents[1]
    out = {}
    with tempfile.TemporaryDirectory(prefix="place-model-") as tmp:
        for name, commit, prefix, first, last in ARRIVALS:
            tree = Path(tmp) / name
            git(root, "worktree", "add", "-q", "--detach", str(tree), commit)
            try:
                done = subprocess.run([sys.executable, str(HERE / "train.py"), "--collect", prefix, str(first),  # noqa: S603 - our own interpreter and script
                                       str(last)], cwd=tree, check=True, capture_output=True, text=True)
                out[name] = _from_json(done.stdout)
            finally:
                git(root, "worktree", "remove", "--force", str(tree))
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--collect"]:  # inside an older checkout (see arrivals)
        print(_to_json(collect((argv[1],), (int(argv[2]), int(argv[3])))))
        return 0
    tuned = collect(dev=HERE / "dev")
    if "--arrival" in argv:
        print(held_out_table(arrivals(), tuned))
    else:
        print(held_out_table({b: [a for a in tuned if batch_of(a.stem) == b] for b in TRAIN_BATCHES}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
