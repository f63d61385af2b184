"""The review page drafts in any mode but merges only in curation mode; the dashboard never shows it."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from geo import curation
from tests.conftest import page_titles
from tests.test_readonly import snapshot

ROOT = Path(__file__).resolve().parent.parent
KEY = "a-curator-key-for-the-tests"
ARTICLE = "North Korean workers from Pyongyang arrived in Yanji in May 2023. Dozens work in Hunchun restaurants."


TWO_PASSAGES = ("North Korean workers from Pyongyang arrived in Yanji in May 2023. "
                "Dozens of North Korean women now work in seafood-processing plants in Hunchun.")



# The bundled dataset's size and the id a merged report gets next (the dataset grows as rows are added).
with (ROOT / "data" / "reports.csv").open(encoding="utf-8", newline="") as _stream:
    BUNDLED = sum(1 for _ in csv.DictReader(_stream))
NEXT_ID = f"r{BUNDLED + 1:03d}"

def run_page(monkeypatch, *args: str, article: str = ARTICLE, server_key: str | None = KEY,
             typed: str | None = KEY) -> AppTest:
    """The page with an article pasted and drafted; in curation mode, the curator's key ``typed``."""
    monkeypatch.setattr(sys, "argv", ["review_page.py", *args])
    if server_key is None:
        monkeypatch.delenv(curation.SECRET_ENV, raising=False)
    else:
        monkeypatch.setenv(curation.SECRET_ENV, server_key)
    at = AppTest.from_file(str(ROOT / "review_page.py"), default_timeout=60)
    at.run()
    at.text_area(key="pasted").input(article)
    at.text_input(key="src.published").input("2023-06")
    at.text_input(key="src.publisher").input("Test News")
    at.button[0].click().run()
    assert not at.exception
    if "--curate" in args and typed is not None:
        at.text_input(key="curator_key").input(typed).run()
    return at


def select(at: AppTest, index: int) -> AppTest:
    """What clicking a row of the candidate list does (AppTest cannot click a dataframe's rows)."""
    at.session_state["shown"] = index
    return at.run()


def decide(at: AppTest, index: int, decision: str) -> AppTest:
    select(at, index).radio(key=f"cand.{index}.accept").set_value(decision).run()
    assert not at.exception
    return at


@pytest.fixture
def data(real_copy: Path) -> Path:
    """A copy of the real dataset with its seeds inside it (tests/conftest.py's real_copy)."""
    return real_copy


def last_rows(data: Path, table: str, count: int = 1) -> list[dict[str, str]]:
    with (data / f"{table}.csv").open(encoding="utf-8") as stream:
        return list(csv.DictReader(stream))[-count:]


def test_without_curate_the_page_drafts_but_cannot_write(monkeypatch) -> None:
    before = snapshot()
    at = run_page(monkeypatch)
    assert any("Read-only" in info.value for info in at.info)
    merge = at.button(key="merge")
    assert merge.disabled
    from ui import review as review_page  # the merge function itself refuses without curation mode

    review_page._merge(None, None, ROOT / "data", curate=False)
    assert snapshot() == before


def test_with_curate_the_page_merges_into_its_data(monkeypatch, data: Path) -> None:
    before = snapshot()
    at = run_page(monkeypatch, "--curate", "--data", str(data))
    assert any("candidates" in header.value for header in at.subheader)
    decide(at, 0, "yes").button(key="merge").click().run()
    assert not at.exception and "Merged" in at.success[0].value
    from geo.data.load import load_dataset

    assert len(load_dataset(data).reports) == BUNDLED + 1
    assert snapshot() == before  # the project's own data/ and seeds/ are untouched


def test_no_candidate_arrives_accepted_and_the_button_says_how_many_will_be_published(monkeypatch, data: Path) -> None:
    at = run_page(monkeypatch, "--curate", "--data", str(data))
    count = len(at.session_state["draft"].reports)
    assert count >= 2
    merge = at.button(key="merge")
    assert merge.disabled and merge.label == "Merge 0 accepted reports into the dataset"
    assert any(f"0 accepted, 0 rejected, {count} undecided" in caption.value for caption in at.caption)
    for index in range(count):
        assert select(at, index).radio(key=f"cand.{index}.accept").value == ""  # undecided
    decide(at, 0, "yes")
    decide(at, 1, "no")
    merge = at.button(key="merge")
    assert not merge.disabled and merge.label == "Merge 1 accepted report into the dataset"
    merge.click().run()
    assert last_rows(data, "reports")[0]["id"] == NEXT_ID
    assert len(last_rows(data, "reports", BUNDLED + 2)) == BUNDLED + 1


def test_every_field_a_reviewer_must_fix_is_editable_and_merged(monkeypatch, data: Path) -> None:
    at = run_page(monkeypatch, "--curate", "--data", str(data))
    reports = at.session_state["draft"].reports
    index = next(n for n, r in enumerate(reports) if r["place_id"] == "yanji")
    select(at, index)
    at.selectbox(key=f"cand.{index}.from_place_id").set_value("").run()
    at.selectbox(key=f"cand.{index}.from_basis").set_value("").run()
    at.selectbox(key=f"cand.{index}.date_qualifier").set_value("approximate").run()
    at.text_input(key=f"cand.{index}.date_note").input("The article says only May.").run()
    at.text_input(key=f"cand.{index}.caution").input("One source only.").run()
    at.text_input(key=f"cand.{index}.workers_min").input("12").run()
    at.selectbox(key=f"cand.{index}.workers_kind").set_value("estimate").run()
    at.radio(key=f"cand.{index}.accept").set_value("yes").run()
    at.text_input(key="src.author").input("A. Reporter").run()
    at.text_input(key="src.licence").input("All rights reserved").run()
    at.selectbox(key="src.published_basis").set_value("inferred").run()
    assert at.button(key="merge").disabled  # an inferred date needs its note
    assert any("how the publication date was established" in w.value for w in at.warning)
    at.text_input(key="src.published_note").input("The article's address has 2023/06.").run()
    at.text_input(key="src.url").input("https://news.example.org/2023/06/workers").run()
    assert not at.exception and not at.button(key="merge").disabled
    at.button(key="merge").click().run()
    assert not at.exception, at.exception
    report, source = last_rows(data, "reports")[0], last_rows(data, "sources")[0]
    assert report["place_id"] == "yanji" and report["from_place_id"] == "" and report["from_basis"] == ""
    assert (report["date_qualifier"], report["caution"], report["workers_min"], report["workers_kind"]) == (
        "approximate", "One source only.", "12", "estimate")
    assert (source["author"], source["licence"], source["published_basis"], source["url"]) == (
        "A. Reporter", "All rights reserved", "inferred", "https://news.example.org/2023/06/workers")
    assert source["published_note"] == "The article's address has 2023/06." and source["url_checked"]


def test_drafting_placeholders_never_reach_the_merged_source(monkeypatch, data: Path) -> None:
    from geo.drafting.draft_folder import PLACEHOLDERS

    at = run_page(monkeypatch, "--curate", "--data", str(data))
    drafted = at.session_state["draft"].source
    assert all(text in drafted[column] for column, text in PLACEHOLDERS.items())  # what drafting writes
    decide(at, 0, "yes").button(key="merge").click().run()
    source = last_rows(data, "sources")[0]
    assert source["publisher"] == "Test News"
    assert not [column for column, text in PLACEHOLDERS.items() if text in source[column]], source


def article_html(at: AppTest) -> str:
    return next(e.proto.body for e in at.get("html") if "data-testid='article'" in e.proto.body)


def test_the_article_marks_the_selected_candidates_passage_and_strikes_rejected_ones(monkeypatch) -> None:
    at = run_page(monkeypatch, article=TWO_PASSAGES)
    quotes = [r["quote"] for r in at.session_state["draft"].reports]
    hunchun = next(n for n, q in enumerate(quotes) if "Hunchun" in q)
    assert "class='selected'" not in article_html(at) and article_html(at).count("class='passage'") == 2
    select(at, hunchun)
    assert f"class='selected' data-candidates='{hunchun + 1}'" in article_html(at)
    assert article_html(at).count("class='selected'") == 1  # only its passage, not the Yanji sentence
    decide(at, hunchun, "no")
    select(at, len(quotes))  # out of range: nothing selected
    assert f"class='rejected' data-candidates='{hunchun + 1}'" in article_html(at)
    assert "line-through" in article_html(at) and "class='passage'" in article_html(at)


def test_after_a_merge_the_page_says_what_was_added_and_points_to_the_seeds_readme(monkeypatch, data: Path) -> None:
    at = run_page(monkeypatch, "--curate", "--data", str(data))
    decide(at, 0, "yes").button(key="merge").click().run()
    assert not at.exception
    seed = last_rows(data, "sources")[0]["seed_file"]
    assert any(f"added 1 report(s) ({NEXT_ID})" in code.value and seed in code.value for code in at.code)
    assert any("seeds/README.md" in info.value for info in at.info)
    assert "draft" not in at.session_state  # the reviewed draft is gone: a second click cannot merge it twice


def test_the_dashboard_has_the_review_page_only_in_curation_mode(monkeypatch) -> None:
    pages = []
    real = st.navigation

    def spy(page_list, *args, **kwargs):
        pages.extend(page.title for page in page_list)
        return real(page_list, *args, **kwargs)

    monkeypatch.setattr(st, "navigation", spy)
    pages_for_all = ["Map", "Source documents", "Sources and method"]
    for argv, expected in ((["dashboard.py"], pages_for_all),
                           (["dashboard.py", "--curate"], [*pages_for_all, "Add an article"])):
        pages.clear()
        monkeypatch.setattr(sys, "argv", argv)
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
        assert not at.exception
        assert pages == expected
        assert page_titles(at) == ["North Korean workers reported in China"]


def test_the_page_shows_cells_a_spreadsheet_would_run(monkeypatch) -> None:
    monkeypatch.setattr(sys, "argv", ["review_page.py"])
    at = AppTest.from_file(str(ROOT / "review_page.py"), default_timeout=60)
    at.run()
    at.text_area(key="pasted").input("=HYPERLINK(\"http://evil.example\") " + ARTICLE)
    at.text_input(key="src.published").input("2023-06")
    at.text_input(key="src.publisher").input("+cmd|' /C calc'!A0")
    at.button[0].click().run()
    assert not at.exception
    assert any("spreadsheet formulas" in warning.value for warning in at.warning)
    shown = "\n".join(code.value for code in at.code)
    assert "sources.csv:2: publisher:" in shown and "reports.csv:2: quote:" in shown
