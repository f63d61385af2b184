"""Merging a reviewed draft: validated first, ids renumbered, review columns dropped, atomic even when killed."""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.draft_quality import leave_out
from geo.cli import main
from geo.data.load import load_dataset
from geo.drafting.draft_folder import PLACEHOLDERS
from geo.drafting.merge import KILL_ENV

ROOT = Path(__file__).resolve().parents[2]
SOURCES = {row["id"]: row for row in csv.DictReader((ROOT / "data" / "sources.csv").open(encoding="utf-8"))}


@pytest.fixture
def data(real_copy: Path) -> Path:
    """A copy of the real dataset with its seeds inside it."""
    return real_copy


def files(folder: Path) -> dict[str, str]:
    """Hash of every file under a dataset folder (dot-files included)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def draft(tmp_path: Path, data: Path, text: str, published: str = "2023-06") -> Path:
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["draft", str(article), "--published", published, "--publisher", "Test News",
                 "--data", str(data), "-o", str(out)]) == 0
    return reviewed(out)


def reviewed(out: Path) -> Path:
    """The draft folder with its source's drafting placeholders replaced, as a reviewer would."""
    sources = read(out / "sources.csv")
    for row in sources:
        row["published_note"] = ""
        row["notes"] = row["notes"].replace(PLACEHOLDERS["notes"], "Checked against the document.")
    with (out / "sources.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(sources[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(sources)
    return out


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as stream:
        return list(csv.DictReader(stream))


TEXT = ("North Korean workers from Pyongyang arrived in Yanji in May 2023. Dozens of North Korean women work "
        "in seafood-processing plants in Hunchun.")


@pytest.mark.parametrize("source_id", sorted(SOURCES))
def test_each_seed_drafted_and_merged_gives_a_valid_dataset(tmp_path: Path, source_id: str, capsys) -> None:
    source = SOURCES[source_id]
    full = tmp_path / "full"
    shutil.copytree(ROOT / "data", full)
    shutil.copytree(ROOT / "seeds", full / "seeds")
    without = leave_out(full, source_id, tmp_path / "without")
    seed = ROOT / "seeds" / source["seed_file"]
    for target, extra in ((without, []), (full, ["--again"])):
        out = tmp_path / f"out-{target.name}"
        assert main(["draft", str(seed), "--published", source["published"].split("/")[0], "--publisher",
                     source["publisher"], "--data", str(target), "-o", str(out)]) == 0
        reviewed(out)
        before = len(load_dataset(target).reports)
        assert main(["merge", str(out), "--data", str(target), *extra]) == 0
        after = load_dataset(target)
        assert len(after.reports) > before
        assert not set(after.reports.columns) & {"confidence", "reason", "accept"}
        assert "added" in capsys.readouterr().out


def test_merge_renumbers_and_drops_review_columns_and_rejected_rows(tmp_path: Path, data: Path, capsys) -> None:
    out = draft(tmp_path, data, TEXT)
    rows = read(out / "reports.csv")
    rows[0]["accept"] = "no"
    for row in rows:
        row["id"] = "r001"  # collides with the dataset
    with (out / "reports.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    (out / "sources.csv").write_text((out / "sources.csv").read_text(encoding="utf-8").replace(
        "test-news-2023", "blog-2012"), encoding="utf-8")
    assert main(["merge", str(out), "--data", str(data)]) == 0
    printed = capsys.readouterr().out
    merged = read(data / "reports.csv")
    bundled = len(read(ROOT / "data" / "reports.csv"))
    new = merged[bundled:]
    assert len(new) == len(rows) - 1 and [r["id"] for r in new] == [f"r{bundled + 1 + i:03d}" for i in range(len(new))]
    assert {r["source_id"] for r in new} == {"blog-2012-2"} and "blog-2012-2" in printed
    assert list(merged[0]) == list(read(ROOT / "data" / "reports.csv")[0])
    assert (data / "seeds" / read(data / "sources.csv")[-1]["seed_file"]).is_file()
    load_dataset(data)


def test_an_invalid_draft_changes_nothing_and_names_file_and_line(tmp_path: Path, data: Path, capsys) -> None:
    out = draft(tmp_path, data, TEXT)
    rows = read(out / "reports.csv")
    rows[-1]["quote"] = "Words the article never says."
    with (out / "reports.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    before = files(data)
    assert main(["merge", str(out), "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert f"{out / 'reports.csv'}:{len(rows) + 1}: quote:" in err and "Traceback" not in err
    assert files(data) == before


def test_a_draft_whose_placeholders_were_not_replaced_is_refused_naming_each(tmp_path: Path, data: Path,
                                                                            capsys) -> None:
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["draft", str(article), "--published", "2023-06", "--publisher", "Test News",
                 "--data", str(data), "-o", str(out)]) == 0
    before = files(data)
    assert main(["merge", str(out), "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert f"{out / 'sources.csv'}:2: notes: still the drafting placeholder" in err
    assert f"{out / 'sources.csv'}:2: published_note: still the drafting placeholder" in err
    assert "Traceback" not in err and files(data) == before
    reviewed(out)
    assert main(["merge", str(out), "--data", str(data)]) == 0
    sources = read(data / "sources.csv")
    assert not any(text in row[column] for row in sources for column, text in PLACEHOLDERS.items())


def test_merging_the_same_article_twice_is_refused(tmp_path: Path, data: Path, capsys) -> None:
    out = draft(tmp_path, data, TEXT)
    assert main(["merge", str(out), "--data", str(data)]) == 0
    before = files(data)
    assert main(["merge", str(out), "--data", str(data)]) == 1
    assert "already in the dataset" in capsys.readouterr().err
    assert files(data) == before


@pytest.mark.parametrize("step", ["staged", "journal", "renamed-1", "renamed-2", "renamed-3", "renamed-4"])
def test_a_merge_killed_halfway_leaves_old_or_new_data(tmp_path: Path, data: Path, step: str) -> None:
    out = draft(tmp_path, data, TEXT)
    old = files(data)
    reference = tmp_path / "reference"
    shutil.copytree(data, reference)
    assert main(["merge", str(out), "--data", str(reference)]) == 0
    new = files(reference)
    command = [sys.executable, "-m", "geo", "merge", str(out), "--data", str(data)]
    killed = subprocess.run(command, cwd=ROOT, env={**os.environ, KILL_ENV: step}, capture_output=True, timeout=120)
    assert killed.returncode == -9
    # Whatever the step, the dataset still loads and has lost nothing: the reports are renamed last.
    before = len(read(ROOT / "data" / "reports.csv"))
    assert len(load_dataset(data).reports) in (before, len(load_dataset(reference).reports))
    visible = {k: v for k, v in files(data).items() if not Path(k).name.startswith(".")}
    if step == "staged":
        assert visible == old  # before the commit point: fully old
    # The next merge (or any command that recovers) finishes the commit or clears the leftovers.
    from geo.drafting.merge import recover

    recover(data)
    assert files(data) in (old, new)
    assert files(data) == (old if step == "staged" else new)


def rewrite(path: Path, rows: list[dict[str, str]], header: list[str] | None = None) -> None:
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=header or list(rows[0]), lineterminator="\n",
                                extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


@pytest.mark.parametrize("kind", ["seed link", "CSV link", "seeds folder link", "seed FIFO", "seed hard link",
                                  "CSV hard link"])
def test_a_link_or_special_file_in_a_draft_is_refused(tmp_path: Path, data: Path, kind: str, capsys) -> None:
    out = draft(tmp_path, data, TEXT)
    seed = next((out / "seeds").glob("*.txt"))
    private = tmp_path / "private.txt"
    private.write_text(seed.read_text(encoding="utf-8") + "SECRET KEY\n", encoding="utf-8")  # quotes still match
    if kind == "seed link":
        seed.unlink()
        seed.symlink_to(private)
        bad = seed
    elif kind == "CSV link":
        (tmp_path / "reports.csv").write_bytes((out / "reports.csv").read_bytes())
        (out / "reports.csv").unlink()
        (out / "reports.csv").symlink_to(tmp_path / "reports.csv")
        bad = out / "reports.csv"
    elif kind == "seeds folder link":
        shutil.move(out / "seeds", tmp_path / "elsewhere")
        (out / "seeds").symlink_to(tmp_path / "elsewhere")
        bad = out / "seeds"
    elif kind == "seed hard link":
        seed.unlink()
        os.link(private, seed)
        bad = seed
    elif kind == "CSV hard link":
        (tmp_path / "reports.csv").write_bytes((out / "reports.csv").read_bytes())
        (out / "reports.csv").unlink()
        os.link(tmp_path / "reports.csv", out / "reports.csv")
        bad = out / "reports.csv"
    else:
        seed.unlink()
        os.mkfifo(seed)
        bad = seed
    before = files(data)
    assert main(["merge", str(out), "--data", str(data)]) == 1
    err = capsys.readouterr().err
    assert str(bad) in err and ("link" in err or "not a regular file" in err), err
    assert files(data) == before
    assert not any("SECRET" in p.read_text(encoding="utf-8") for p in (data / "seeds").glob("*.txt"))


@pytest.mark.parametrize("value", ["No.", "nope", "✗", "skip", "N/A", "declined", "ｎｏ", "no\u200b", "", "maybe"])
def test_accept_must_say_yes_or_no_or_the_merge_is_refused(tmp_path: Path, data: Path, value: str, capsys) -> None:
    out = draft(tmp_path, data, TEXT)
    rows = read(out / "reports.csv")
    rows[-1]["accept"] = value
    rewrite(out / "reports.csv", rows)
    before = files(data)
    assert main(["merge", str(out), "--data", str(data)]) == 1
    assert f"{out / 'reports.csv'}:{len(rows) + 1}: accept: {value!r} is neither yes nor no" in capsys.readouterr().err
    assert files(data) == before


@pytest.mark.parametrize("value", ["yes", " Y ", "TRUE", "1"])
def test_an_explicit_yes_merges(tmp_path: Path, data: Path, value: str) -> None:
    out = draft(tmp_path, data, TEXT)
    rows = read(out / "reports.csv")
    rewrite(out / "reports.csv", [dict(row, accept=value) for row in rows])
    assert main(["merge", str(out), "--data", str(data)]) == 0
    assert len(read(data / "reports.csv")) == len(read(ROOT / "data" / "reports.csv")) + len(rows)


def test_a_draft_without_the_accept_column_is_refused(tmp_path: Path, data: Path, capsys) -> None:
    out = draft(tmp_path, data, TEXT)
    rows = read(out / "reports.csv")
    rewrite(out / "reports.csv", rows, [c for c in rows[0] if c != "accept"])
    assert main(["merge", str(out), "--data", str(data)]) == 1
    assert f"{out / 'reports.csv'}:1: accept: column is missing" in capsys.readouterr().err


def test_two_merges_at_once_both_land(tmp_path: Path, data: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = draft(tmp_path / "a", data, TEXT)
    second = draft(tmp_path / "b", data, "North Korean workers were sent to Dandong garment factories in 2019.",
                   published="2020")
    runs = [subprocess.Popen([sys.executable, "-m", "geo", "merge", str(out), "--data", str(data)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for out in (first, second)]
    results = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], results
    dataset = load_dataset(data)
    assert len(dataset.sources) == len(SOURCES) + 2  # neither merge's source was lost
    bundled = len(read(ROOT / "data" / "reports.csv"))
    assert len(dataset.reports) == bundled + sum(len(read(out / "reports.csv")) for out in (first, second))
    seeds = {p.name for p in (data / "seeds").glob("*.txt")}
    assert seeds == set(dataset.sources["seed_file"])  # no orphaned seed
