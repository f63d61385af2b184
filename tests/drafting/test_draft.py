"""Drafting candidate reports from an article: reading, places, dates, roles, figures, sectors, bad input."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo.cli import main
from geo.drafting.article import article_from_bytes, html_to_text, split_sentences
from geo.drafting.dates import DateError, date_of, parse_published
from geo.drafting.draft_folder import make_draft
from geo.drafting.numbers import figures_in, words_to_number

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def data(real_copy: Path) -> Path:
    """A copy of the real dataset with its seeds inside it."""
    return real_copy


def draft_text(text: str, data: Path, published: str = "2023-06-15") -> list[dict[str, str]]:
    article = article_from_bytes(text.encode("utf-8"))
    return make_draft(article, parse_published(published), data, publisher="Test").reports


def test_sentences_keep_offsets_and_skip_abbreviations() -> None:
    text = "The U.S. State Department says so. Workers left on Dec. 22 for Dandong.\nNew line here."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["The U.S. State Department says so.", "Workers left on Dec. 22 for Dandong.",
                                           "New line here."]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_html_keeps_the_article_body_only() -> None:
    page = ("<html><head><title>T</title><script>var x = 'Dandong';</script></head><body><nav>Home</nav>"
            "<article><h1>Workers</h1><p>North Korean workers  are in <b>Hunchun</b>.</p></article>"
            "<footer>Share</footer></body></html>")
    title, text = html_to_text(page)
    assert title == "T"
    assert text == "Workers\n\nNorth Korean workers are in Hunchun.\n"


@pytest.mark.parametrize(("sentence", "published", "expected"), [
    ("In April 2016, thirty staff defected.", "2017", ("2016-04", "2016-04", "stated")),
    ("Workers arrived in early 2012.", "2012", ("2012", "2012", "stated")),
    ("They have been there since 2017.", "2019-11", ("2017", "2019", "inferred")),
    ("Someone who returned last year said so.", "2025-12", ("2024", "2024", "inferred")),
    ("Even just this month, workers left.", "2019-11-23/2019-12-21", ("2019-11", "2019-12", "inferred")),
    ("They have been leaving since December.", "2025-12", ("2025-12", "2025-12", "inferred")),
    ("By March they had gone.", "2023-06-15", ("2023-03", "2023-03", "inferred")),
    ("Women have left in February.", "2023-01", ("2022-02", "2022-02", "inferred")),
    ("Several years ago, provinces recruited.", "2017", ("2010", "2013", "inferred")),
    ("Wages are RMB 1500 to 2000 a month.", "2019", ("2019", "2019", "inferred")),
])
def test_dates_at_the_precision_the_text_gives(sentence: str, published: str, expected: tuple) -> None:
    guess = date_of(sentence, parse_published(published))
    assert (guess.start, guess.end, guess.basis) == expected
    assert guess.basis == "stated" or guess.note


@pytest.mark.parametrize("bad", ["2019-13", "yesterday", "2019-02-30", "", "2019/2018", "19"])
def test_bad_publication_dates_are_refused(bad: str) -> None:
    with pytest.raises(DateError):
        parse_published(bad)


@pytest.mark.parametrize(("sentence", "figure"), [
    ("Between 20,000 and 30,000 North Koreans work in China.", (20000, 30000, "estimate")),
    ("groups of 30-40 women have been departing", (30, 40, "per_group")),
    ("Already more than 100 have come.", (100, None, "count")),
    ("120,000 North Korea workers will be allowed to work in China", (120000, 120000, "projection")),
    ("The State Department estimates that there are a hundred thousand North Koreans working in China.",
     (100000, 100000, "estimate")),
])
def test_figures_as_stated_with_their_kind(sentence: str, figure: tuple) -> None:
    found = figures_in(sentence)[0]
    assert (found.low, found.high, found.kind) == figure


def test_money_and_years_are_not_figures() -> None:
    assert figures_in("They earn RMB 800 per head for thousands of workers.") == []
    assert words_to_number("a hundred thousand") == 100000


def test_homonyms_resolve_to_the_province_the_article_names(data: Path) -> None:
    text = ("North Korean workers were sent to Jilin Province this year. Many now work in Baishan, a city near "
            "the border, and in Yanji.")
    rows = draft_text(text, data)
    places = {row["place_id"] for row in rows}
    assert {"jilin-province", "baishan", "yanji"} <= places
    draft = make_draft(article_from_bytes(text.encode()), parse_published("2023"), data)
    admin1 = {p["id"]: p["admin1"] for p in draft.places}
    assert admin1["baishan"] == admin1["yanji"] == "Jilin"


@pytest.mark.parametrize("village", ["Qingshui", "Zhaomeng"])
def test_a_place_the_gazetteer_lacks_falls_back_to_the_enclosing_place(data: Path, village: str) -> None:
    """Zhaomeng is in no gazetteer; the gazetteer's Qingshui is a town elsewhere in China, not in Hunchun."""
    rows = draft_text(f"North Korean women work in a garment factory in {village} Village, Hunchun.", data)
    assert len(rows) == 1 and rows[0]["place_id"] == "hunchun"
    assert "smallest enclosing place the text names" in rows[0]["notes"] and rows[0]["confidence"] == "low"
    assert rows[0]["sectors"] == "garments"


def test_roles_presence_and_movements(data: Path) -> None:
    rows = draft_text("Workers from Pyongyang left for Dandong in May 2023. There aren't many workers in "
                      "Liaoning Province. They enter Changbai and are sent on buses to Shenyang.", data)
    by_place = {row["place_id"]: row for row in rows}
    assert by_place["pyongyang"]["role"] == "origin"
    assert by_place["dandong"]["from_place_id"] == "pyongyang" and by_place["dandong"]["date_start"] == "2023-05"
    assert by_place["liaoning-province"]["presence"] == "few"
    assert by_place["changbai"]["role"] == "transit"


def test_quotes_are_verbatim_slices_of_the_seed(data: Path) -> None:
    seed = (ROOT / "seeds" / "003_13a6ba7ad18336c6.txt").read_text(encoding="utf-8")
    rows = draft_text(seed, data, "2025-12")
    assert len(rows) >= 10
    assert all(row["quote"] in seed for row in rows)
    assert all(row["reason"] and row["confidence"] in ("high", "medium", "low") for row in rows)


# ---------------------------------------------------------------- the command line and bad input


def run_draft(tmp_path: Path, data: Path, content: bytes | None, *extra: str, capsys) -> tuple[int, str, str]:
    article = tmp_path / "article.txt"
    if content is not None:
        article.write_bytes(content)
    status = main(["draft", str(article), "--published", "2023-06", "--data", str(data),
                   "-o", str(tmp_path / "out"), *extra])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_cli_writes_the_draft_folder(tmp_path: Path, data: Path, capsys) -> None:
    status, out, _ = run_draft(tmp_path, data, b"North Korean workers are in Hunchun and Yanji now.", capsys=capsys)
    assert status == 0 and "candidate reports" in out
    with (tmp_path / "out" / "reports.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert {"confidence", "reason", "accept"} <= set(rows[0])
    assert [p.name for p in (tmp_path / "out" / "seeds").iterdir()][0].startswith("005_")


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty"),
    (b"   \n\n", "is empty"),
    (b"North Korean workers in \xff\xfe Dandong", "not UTF-8"),
    (b"<html><body><script>x</script></body></html>", "no article text"),
])
def test_bad_articles_get_one_line(tmp_path: Path, data: Path, content: bytes, message: str, capsys) -> None:
    status, out, err = run_draft(tmp_path, data, content, capsys=capsys)
    assert status == 1 and message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_missing_file_and_bad_date(tmp_path: Path, data: Path, capsys) -> None:
    status, _, err = run_draft(tmp_path, data, None, capsys=capsys)
    assert status == 1 and "no such file" in err
    (tmp_path / "article.txt").write_text("Workers in Dandong.", encoding="utf-8")
    status = main(["draft", str(tmp_path / "article.txt"), "--published", "last week", "-o", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert status == 2 and "--published" in err and len(err.strip().splitlines()) == 1


def test_no_place_means_no_candidates_and_exit_0(tmp_path: Path, data: Path, capsys) -> None:
    status, out, _ = run_draft(tmp_path, data, b"The weather was fine and nobody said anything.", capsys=capsys)
    assert status == 0 and "no candidates" in out
    assert not (tmp_path / "out").exists()


def test_html_input_becomes_a_text_seed_holding_the_quotes(tmp_path: Path, data: Path, capsys) -> None:
    page = (b"<!doctype html><html><body><nav>Menu Dandong</nav><article><p>North Korean workers are sent "
            b"to&nbsp;Hunchun in <em>May 2023</em>.</p></article></body></html>")
    status, _, _ = run_draft(tmp_path, data, page, capsys=capsys)
    assert status == 0
    seed = next((tmp_path / "out" / "seeds").iterdir()).read_text(encoding="utf-8")
    assert "<" not in seed and "Menu" not in seed
    with (tmp_path / "out" / "reports.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert rows and all(row["quote"] in seed for row in rows)
    assert rows[0]["place_id"] == "hunchun" and rows[0]["date_start"] == "2023-05"


def test_a_10_mb_file_is_refused_quickly_in_bounded_memory(tmp_path: Path, data: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as stream:
        for _ in range(10):
            stream.write(b"North Korean workers are in Dandong. " * 28_000)
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "geo", "draft", str(big), "--published", "2023", "--data", str(data),
                           "-o", str(tmp_path / "out")], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "too large" in done.stderr and "Traceback" not in done.stderr
    assert time.monotonic() - started < 30


def test_provinces_bordering_north_korea_are_liaoning_and_jilin(data: Path) -> None:
    """Issue 21: not the whole northeast (Heilongjiang borders no part of North Korea)."""
    rows = draft_text("The recruitment of North Koreans is important in northeastern Chinese provinces, bordering "
                      "North Korea, that lack cheap labor.", data)
    assert sorted(row["place_id"] for row in rows) == ["jilin-province", "liaoning-province"]


def draft_to(article: Path, data: Path, out: Path, text: str = "North Korean workers arrived in Yanji in 2023.") -> int:
    article.write_text(text, encoding="utf-8")
    return main(["draft", str(article), "--published", "2023", "--data", str(data), "-o", str(out)])


def test_draft_never_deletes_seeds_it_did_not_write(tmp_path: Path, data: Path, capsys) -> None:
    parent = tmp_path / "parent"  # a dataset laid out as PARENT/data + PARENT/seeds, drafted with --data elsewhere
    shutil.copytree(ROOT / "seeds", parent / "seeds")
    shutil.copytree(ROOT / "data", parent / "data")
    before = sorted(p.name for p in (parent / "seeds").iterdir())
    assert draft_to(tmp_path / "a.txt", data, parent) == 1
    assert "did not write" in capsys.readouterr().err
    assert sorted(p.name for p in (parent / "seeds").iterdir()) == before
    assert not (parent / "reports.csv").exists()  # refused before anything was written


def test_draft_refuses_a_dataset_folder_and_the_project_folder(tmp_path: Path, data: Path, capsys) -> None:
    from geo.drafting.draft_folder import check_draft_folder
    from geo.files import OutputRefusedError

    before = {p.name: p.read_bytes() for p in data.glob("*.csv")}
    assert draft_to(tmp_path / "a.txt", tmp_path / "data", data) == 1  # -o the dataset folder itself
    assert "refusing to write inside" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in data.glob("*.csv")} == before
    elsewhere = tmp_path / "other"
    shutil.copytree(data, elsewhere)
    assert draft_to(tmp_path / "a.txt", data, elsewhere) == 1  # another dataset (sectors.csv, no review columns)
    assert "holds a dataset" in capsys.readouterr().err
    for folder in (ROOT, ROOT / "data", ROOT / "seeds"):
        with pytest.raises(OutputRefusedError, match="project's own folder|refusing to write inside"):
            check_draft_folder(folder, data, "000_0123456789abcdef.txt")


def test_drafting_again_into_a_draft_folder_replaces_only_its_own_seed(tmp_path: Path, data: Path) -> None:
    out = tmp_path / "out"
    assert draft_to(tmp_path / "a.txt", data, out) == 0
    first = sorted((out / "seeds").iterdir())
    assert draft_to(tmp_path / "b.txt", data, out, "North Korean workers were sent to Dandong in 2019.") == 0
    second = sorted((out / "seeds").iterdir())
    assert len(first) == len(second) == 1 and first != second
    assert second[0].read_text(encoding="utf-8").startswith("North Korean workers were sent to Dandong")


def test_drafting_warns_of_cells_a_spreadsheet_would_run(tmp_path: Path, data: Path, capsys) -> None:
    article = tmp_path / "a.txt"
    article.write_text("=HYPERLINK(\"http://evil.example\") North Korean workers arrived in Yanji in 2023.\n",
                       encoding="utf-8")
    assert main(["draft", str(article), "--published", "2023", "--publisher", "+cmd|' /C calc'!A0", "--data",
                 str(data), "-o", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    out = tmp_path / "out"
    assert f"warning: {out}/sources.csv:2: publisher: \"+cmd|' /C calc'!A0\" starts with '+'" in err
    assert "(geo merge refuses it)" in err
    assert f"warning: {out}/reports.csv:2: quote: '=HYPERLINK" in err and "stays verbatim" in err
    assert read_csv(out / "reports.csv")[0]["quote"].startswith("=HYPERLINK")  # the quote is kept as it is


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))
