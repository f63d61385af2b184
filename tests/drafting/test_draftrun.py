"""Drafting is linear in the article's length and runs in a worker whose CPU time is capped."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from geo.drafting.article import MAX_BYTES, ArticleError, split_sentences
from geo.drafting.dates import DateError
from geo.drafting.draftrun import DraftTimeoutError, draft_in_worker
from geo.drafting.placefind import MAX_MENTIONS
from geo.settings import SETTINGS

ROOT = Path(__file__).resolve().parents[2]

HOSTILE = {
    "blank lines": "\n",
    "dots": ".",
    "spaces": " ",
    "Dandong repeated": "Dandong ",
    "a worker sentence repeated": "North Korean workers in Dandong, Hunchun, Yanji and Shenyang. ",
}
"""Shapes that took 2 to 22 s of CPU at 10 KB before drafting was made linear (hours at 2 MB)."""


def hostile(unit: str, size: int = MAX_BYTES) -> bytes:
    return ("Workers " + unit * (size // len(unit) + 1)).encode("utf-8")[:size]


@pytest.mark.parametrize("unit", list(HOSTILE.values()), ids=list(HOSTILE))
def test_a_hostile_two_megabyte_article_drafts_within_the_cpu_limit(unit: str) -> None:
    # The page's own limit (draft_cpu_seconds, 60 s) includes the worker's start (about 2 s); each shape
    # takes 4 to 15 s on an idle machine, and up to twice that when other work shares the cores. The
    # old super-linear code needed hours at this size.
    draft = draft_in_worker(hostile(unit), "2023", ROOT / "data", cpu_seconds=SETTINGS.draft_cpu_seconds)
    assert draft.seed_bytes == hostile(unit)


def test_sentences_are_cut_at_the_length_limit_and_keep_their_offsets() -> None:
    text = "Workers " + "word " * 1000 + "end.\n" + "." * 5000 + " Next sentence."
    sentences = split_sentences(text)
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert max(len(s.text) for s in sentences) <= 1000
    assert sentences[-1].text == "Next sentence."


def test_mentions_per_sentence_are_capped() -> None:
    from geo.drafting.draft_folder import read_rows
    from geo.drafting.placefind import Placer

    sentence = "Dandong, Hunchun, Yanji, " * 20
    placer = Placer(read_rows(ROOT / "data")["places"][1], sentence)
    assert len(placer.mentions(sentence)) == MAX_MENTIONS


def test_a_worker_over_its_cpu_limit_is_stopped_with_a_clear_error() -> None:
    began = time.monotonic()
    with pytest.raises(DraftTimeoutError, match="was stopped"):
        draft_in_worker(hostile("North Korean workers in Dandong. "), "2023", ROOT / "data", cpu_seconds=1)
    assert time.monotonic() - began < 30


def test_errors_in_the_worker_reach_the_caller_as_themselves() -> None:
    with pytest.raises(DateError):
        draft_in_worker(b"Workers in Dandong.", "June", ROOT / "data")
    with pytest.raises(ArticleError, match="not UTF-8"):
        draft_in_worker(b"Workers in \xff Dandong.", "2023", ROOT / "data")


def test_geo_draft_on_the_command_line_stops_hostile_html_naming_the_file(tmp_path: Path) -> None:
    # Python's HTML parser is quadratic in a run of "</": 80 KB took 0.5 s of CPU, so these 2 MB would
    # take several minutes. The command line drafts in the same bounded worker as the review page.
    import subprocess
    import sys

    page = tmp_path / "page.html"
    page.write_bytes(b"<html><body><p>North Korean workers in Dandong.</p>" + b"</" * (MAX_BYTES // 2 - 40))
    out = tmp_path / "draft"
    began = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "geo", "draft", str(page), "--published", "2023", "-o", str(out),
                             "--cpu-seconds", "6"], cwd=ROOT, capture_output=True, text=True, timeout=90, check=False)
    assert result.returncode == 1, result.stderr
    # Stopped by its CPU limit, or on a crowded machine by the wall-clock limit (2 × 6 + 30 s) first.
    assert f"{page}: drafting " in result.stderr and "was stopped" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
    assert time.monotonic() - began < 60


def test_a_repeated_text_stops_at_the_candidate_limit_and_says_where() -> None:
    # A pasted file of one worker sentence repeated gave a candidate per place of every sentence: 2 MB
    # took most of the page's CPU limit. Drafting stops after MAX_CANDIDATES and says where.
    from geo.drafting.article import article_from_bytes
    from geo.drafting.candidates import MAX_CANDIDATES
    from geo.drafting.dates import parse_published
    from geo.drafting.draft_folder import make_draft

    unit = HOSTILE["a worker sentence repeated"]
    data = hostile(unit, len(unit) * (MAX_CANDIDATES // 4 + 50))
    draft = make_draft(article_from_bytes(data, "pasted.txt"), parse_published("2023"), ROOT / "data", original=data)
    stopped = [m for m in draft.messages if m.startswith("drafting stopped at character")]
    assert len(stopped) == 1, draft.messages
    at = int(stopped[0].split("character ")[1].split(":")[0])
    assert len(unit) * (MAX_CANDIDATES // 4) - len(unit) < at < len(data), stopped
    short = hostile(unit, len(unit) * 20)
    assert not make_draft(article_from_bytes(short, "short.txt"), parse_published("2023"), ROOT / "data",
                          original=short).messages
