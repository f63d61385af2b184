"""Tests for geo.files: atomic writes, and the folders nothing may write into."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from geo.files import OutputRefusedError, inside_any, protected_folders, write_atomic
from geo.settings import ROOT


def test_write_atomic_writes_the_text_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    out = tmp_path / "exports" / "reports.csv"
    assert write_atomic(out, "id\nr1\n") == out.resolve()
    assert out.read_text(encoding="utf-8") == "id\nr1\n"
    assert os.listdir(out.parent) == ["reports.csv"]


def test_write_atomic_replaces_an_existing_file(tmp_path: Path) -> None:
    out = tmp_path / "reports.csv"
    out.write_text("old", encoding="utf-8")
    write_atomic(out, "new")
    assert out.read_text(encoding="utf-8") == "new"
    assert os.listdir(tmp_path) == ["reports.csv"]


def test_write_atomic_cleans_up_when_the_rename_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(tmp_path / "reports.csv", "text")
    assert os.listdir(tmp_path) == []


def test_write_atomic_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputRefusedError, match="is a folder"):
        write_atomic(tmp_path, "text")


def test_write_atomic_refuses_a_fifo_and_leaves_it_in_place(tmp_path: Path) -> None:
    """A device or FIFO would be replaced by a regular file (as root, ``-o /dev/null`` would
    replace the system's /dev/null); a FIFO stands in for both here."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "link-to-pipe"
    link.symlink_to(fifo)
    for target in (fifo, link):
        with pytest.raises(OutputRefusedError, match="not a regular file"):
            write_atomic(target, "id\n")
    assert fifo.is_fifo() and link.is_symlink()


def test_the_projects_data_and_seeds_are_always_protected(tmp_path: Path) -> None:
    folders = protected_folders(tmp_path / "mine")
    assert folders[0] == tmp_path / "mine" and {ROOT / "data", ROOT / "seeds"} <= set(folders)
    assert inside_any(ROOT / "data" / "new" / "reports.csv", folders) == (ROOT / "data").resolve()
    assert inside_any(tmp_path / "elsewhere.csv", folders) is None


def test_a_draft_folder_beside_a_datasets_seeds_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    """The seed's folder was checked only after the three CSV files had been written there."""
    from geo.drafting.candidates import Draft
    from geo.drafting.draft_folder import write_draft
    from tests.conftest import write_dataset

    data_dir = write_dataset(tmp_path / "data")
    (data_dir / "seeds").rename(tmp_path / "seeds")  # the layout of the project: seeds/ beside data/
    draft = Draft(source={"id": "s"}, places=[], reports=[], seed_name="s.txt", seed_bytes=b"text")
    with pytest.raises(OutputRefusedError, match="refusing to write inside"):
        write_draft(draft, tmp_path, data_dir)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["data", "seeds"]
    assert sorted(path.name for path in (tmp_path / "seeds").iterdir()) == ["a.txt"]
