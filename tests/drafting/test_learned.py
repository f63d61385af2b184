"""The place-model experiment (benchmarks/drafting/place_model.py, train.py): its features, its scorer, and that
its training reads only the batches it is allowed to."""

from __future__ import annotations

import csv
import json
import math
import shutil
from pathlib import Path

import pytest

from benchmarks.drafting import place_model, train
from geo.drafting.draft_folder import read_rows
from geo.drafting.placefind import Placer

ROOT = Path(__file__).resolve().parents[2]


def named(sentence: str) -> list:
    return Placer(read_rows(ROOT / "data")["places"][1], sentence).mentions(sentence, 0)


def by_id(mentions: list, pid: str) -> object:
    return next(m for m in mentions if m.entry.id == pid)


def test_features_give_the_rules_verdict_the_kind_and_the_words_around_the_place_with_other_places_as_kinds() -> None:
    sentence = "About 300 North Korean women sew uniforms at a factory in Dandong, a source in Shenyang said."
    places = named(sentence)
    dandong = place_model.features(sentence, 0, by_id(places, "dandong"), places, {"dandong"})
    assert {"rules=kept", "source=named", "kind=city", "country=CN", "position=first", "places=2", "figures=1",
            "L1=in", "L2=factory", "R1=,", "R:<city>", "role=destination"} <= set(dandong)
    assert not any("shenyang" in name or "dandong" in name for name in dandong)  # places are kinds, not names
    shenyang = place_model.features(sentence, 0, by_id(places, "shenyang"), places, {"dandong"})
    assert {"rules=dropped", "not_where_workers_are", "position=last", "L1=in", "L2=source", "L:<city>",
            "R1=said"} <= set(shenyang)


def test_features_carry_the_rules_verdicts_on_a_market_and_on_a_place_that_only_locates_another() -> None:
    sentence = "The seafood is sold to buyers in Japan, and some 200 North Koreans process it in Hunchun."
    places = named(sentence)
    assert "not_where_workers_are" in place_model.features(sentence, 0, by_id(places, "japan"), places, set())
    assert "not_where_workers_are" not in place_model.features(sentence, 0, by_id(places, "hunchun"), places, set())
    sentence = "Some 500 North Koreans work in Yanji, in the Yanbian Korean Autonomous Prefecture, sources said."
    places = named(sentence)
    prefecture = place_model.features(sentence, 0, places[1], places, {"yanji"})
    assert {"locates_only", "area_with_a_city_named", "kind=region", "L:<city>"} <= set(prefecture)


def test_the_dateline_joins_the_pool_at_the_start_of_the_sentence_with_no_words_of_its_own() -> None:
    article = "DANDONG, China - About 300 North Korean women sew uniforms in Hunchun.\n\nMore came in May."
    offset = article.index("More")
    sentence = article[offset:]
    dateline = by_id(named(article), "dandong")
    pool = place_model.pool(offset, [], [], dateline)
    assert [(m.entry.id, m.start, m.end) for m in pool] == [("dandong", offset, offset)]
    names = place_model.features(sentence, offset, pool[0], [], set(), dateline)
    assert {"source=dateline", "dateline_place", "rules=dropped", "places=0"} <= set(names)
    assert not any(name.startswith(("L", "R")) for name in names)  # no window: no words


def test_numbers_are_one_token() -> None:
    sentence = "Between 1,200 and 1,500 North Koreans work in Dandong."
    places = named(sentence)
    tokens, at = place_model.tokens_around(sentence, 0, places[0], places)
    assert tokens[:4] == ["between", "<num>", "and", "<num>"]
    assert tokens[at] == "<self>" and tokens[at - 1] == "in"


def test_the_score_is_the_logistic_of_the_weights_present_and_never_overflows() -> None:
    model = {"intercept": -1.0, "weights": {"rules=kept": 3.0, "L1=in": 0.5}}
    assert place_model.score(["rules=kept", "L1=in", "unknown"], model) == pytest.approx(1 / (1 + math.exp(-2.5)))
    assert place_model.score([], model) == pytest.approx(1 / (1 + math.e))
    assert place_model.score(["x"], {"intercept": 0.0, "weights": {"x": 1e6}}) == pytest.approx(1.0)
    assert place_model.score(["x"], {"intercept": 0.0, "weights": {"x": -1e6}}) == pytest.approx(0.0)


def write_article(folder: Path, stem: str, text: str, statements: list[dict[str, str]]) -> None:
    (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    (folder / f"{stem}.json").write_text(json.dumps({"published": "2023-05-10", "publisher": "Wire"}),
                                         encoding="utf-8")
    columns = ["place", "lat", "lon", "area", "role", "year_start", "year_end", "workers_min", "workers_max",
               "workers_kind", "sector", "caution", "quote"]
    with (folder / f"{stem}.statements.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=columns)
        writer.writeheader()
        writer.writerows(dict.fromkeys(columns, "") | s for s in statements)


def test_training_reads_only_the_batches_it_may_learn_from_and_labels_each_place(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    for name in ("places.csv", "sectors.csv"):
        shutil.copy(ROOT / "data" / name, tmp_path / "data" / name)
    dev = tmp_path / "benchmarks" / "drafting" / "dev"
    dev.mkdir(parents=True)
    quote = "About 300 North Korean women sew uniforms at a factory in Dandong, a source in Shenyang said."
    write_article(dev, "d01-dandong", f"Sewing for export\n\n{quote}\n", [
        {"place": "Dandong", "lat": "40.1292", "lon": "124.3947", "area": "no", "role": "destination",
         "quote": quote}])
    (dev / "v01-held-out.txt").write_text("Held out\n\nNorth Korean workers in Hunchun.\n", encoding="utf-8")
    (dev / "v01-held-out.json").write_text("not JSON: reading it would fail", encoding="utf-8")
    articles = train.collect(dev=dev)
    assert [a.stem for a in articles] == ["d01-dandong"]
    labels = {key[1]: (by_rules, label) for key, _, by_rules, label in articles[0].examples}
    assert labels == {"dandong": (True, True), "shenyang": (False, False)}
    everything = train.measure(articles, train.every)
    assert (everything["matched"], everything["stray"]) == (1, 1)  # Shenyang, where no statement puts workers
    assert train.measure(articles, train.oracle)["stray"] == 0
    assert train.measure(articles, train.rules)["candidates"] == 1


def test_batches_are_the_letters_of_the_name() -> None:
    assert [train.batch_of(s) for s in ("w15-doha", "d01-x", "v14-suifenhe")] == ["w", "d", "v"]
    assert "v" not in train.TRAIN_BATCHES and "u" not in train.TRAIN_BATCHES and "x" not in train.TRAIN_BATCHES
