"""The review page drafts in any mode but merges only in curation mode; the dashboard never shows it."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

from tests.conftest import page_titles
from tests.test_readonly import snapshot

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "North Korean workers from Pyongyang arrived in Yanji in May 2023. Dozens work in Hunchun restaurants."


def run_page(monkeypatch, *args: str) -> AppTest:
    monkeypatch.setattr(sys, "argv", ["review_page.py", *args])
    at = AppTest.from_file(str(ROOT / "review_page.py"), default_timeout=60)
    at.run()
    at.text_area(key="pasted").input(ARTICLE)
    at.text_input(key="published").input("2023-06")
    at.text_input(key="publisher").input("Test News")
    at.button[0].click().run()
    assert not at.exception
    return at


def test_without_curate_the_page_drafts_but_cannot_write(monkeypatch) -> None:
    before = snapshot()
    at = run_page(monkeypatch)
    assert any("Read-only" in info.value for info in at.info)
    merge = at.button(key="merge")
    assert merge.disabled
    import review_page  # the merge function itself refuses without curation mode

    review_page._merge(None, None, ROOT / "data", curate=False)
    assert snapshot() == before


def test_with_curate_the_page_merges_into_its_data(monkeypatch, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    shutil.copytree(ROOT / "seeds", data / "seeds")
    before = snapshot()
    at = run_page(monkeypatch, "--curate", "--data", str(data))
    assert "candidates" in at.subheader[0].value
    at.button(key="merge").click().run()
    assert not at.exception and "Merged" in at.success[0].value
    from geo.load import load_dataset

    assert len(load_dataset(data).reports) > 58
    assert snapshot() == before  # the project's own data/ and seeds/ are untouched


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
    at.text_input(key="published").input("2023-06")
    at.text_input(key="publisher").input("+cmd|' /C calc'!A0")
    at.button[0].click().run()
    assert not at.exception
    assert any("spreadsheet formulas" in warning.value for warning in at.warning)
    shown = "\n".join(code.value for code in at.code)
    assert "sources.csv:2: publisher:" in shown and "reports.csv:2: quote:" in shown
