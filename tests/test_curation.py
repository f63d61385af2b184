"""Curation merges only for someone who has the key ``make curate`` printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from geo import curation
from geo.drafting.draft_folder import PLACEHOLDERS
from tests.test_readonly import snapshot
from tests.test_review_page import KEY, decide, run_page


def test_the_key_must_match_exactly() -> None:
    environ = {curation.SECRET_ENV: KEY}
    assert curation.is_curator(KEY, environ)
    for wrong in ("", None, KEY[:-1], KEY + "x", KEY.upper(), 12345, [KEY]):
        assert not curation.is_curator(wrong, environ), wrong
    # A server with no key (or a short one) lets nobody merge, whatever is typed.
    assert not curation.is_curator("", {})
    assert not curation.is_curator("short", {curation.SECRET_ENV: "short"})
    assert len(curation.new_key()) >= curation.MIN_LENGTH
    assert curation.new_key() != curation.new_key()


@pytest.fixture
def data_copy(real_copy: Path) -> Path:
    """A copy of the real dataset with its seeds inside it (tests/conftest.py's real_copy)."""
    return real_copy


def files(data: Path) -> dict[str, bytes]:
    return {str(path.relative_to(data)): path.read_bytes() for path in sorted(data.rglob("*")) if path.is_file()}


@pytest.mark.parametrize("entered", [None, "", "wrong-key-of-enough-length"])
def test_a_merge_without_the_key_is_refused(monkeypatch, data_copy: Path, entered: str | None) -> None:
    before, project = files(data_copy), snapshot()
    at = run_page(monkeypatch, "--curate", "--data", str(data_copy), typed=entered)
    assert any("candidates" in header.value for header in at.subheader)
    decide(at, 0, "yes")  # with an accepted candidate, only the key keeps the button off
    assert at.button(key="merge").disabled
    # A session that sends the click anyway (a page driving the WebSocket) is refused by the merge itself.
    from ui import review as review_page

    draft = at.session_state["draft"]
    source = {column: ("" if value in PLACEHOLDERS.values() else value) for column, value in draft.source.items()}
    review_page._merge(draft, source, data_copy, curate=True)
    assert files(data_copy) == before
    assert snapshot() == project


def test_a_server_started_without_a_key_merges_nothing(monkeypatch, data_copy: Path) -> None:
    before = files(data_copy)
    at = run_page(monkeypatch, "--curate", "--data", str(data_copy), server_key=None, typed=None)
    decide(at, 0, "yes")
    assert any("no curator's key" in warning.value for warning in at.warning)
    assert at.button(key="merge").disabled
    assert files(data_copy) == before


def test_the_key_is_asked_once_per_session(monkeypatch, data_copy: Path) -> None:
    at = run_page(monkeypatch, "--curate", "--data", str(data_copy))
    decide(at, 0, "yes")
    assert not at.button(key="merge").disabled
    at.run()  # a later run of the page
    assert not at.button(key="merge").disabled
    assert not [box for box in at.text_input if box.key == "curator_key"]  # not asked again
