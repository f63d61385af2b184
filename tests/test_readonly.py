"""The app and the CLI never write to data/ or seeds/."""

from __future__ import annotations

import hashlib
from pathlib import Path

from streamlit.testing.v1 import AppTest

from geo.cli import main
from tests.conftest import whole_page

ROOT = Path(__file__).resolve().parent.parent


def snapshot() -> dict[str, tuple[str, int]]:
    """Content hash and modification time of every file under data/ and seeds/."""
    files = sorted(p for folder in ("data", "seeds") for p in (ROOT / folder).rglob("*") if p.is_file())
    return {str(p.relative_to(ROOT)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in files}


def test_a_dashboard_session_leaves_data_and_seeds_unchanged() -> None:
    before = snapshot()
    at = whole_page(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60))
    at.run()
    at.slider(key="years").set_value((2017, 2019)).run()
    at.multiselect(key="sector").set_value(["hospitality"]).run()
    at.text_input(key="q").input("restaurant").run()
    at.toggle(key="present").set_value(True).run()
    assert not at.exception
    assert snapshot() == before
    assert len(before) >= 10  # the snapshot really covers the dataset


def test_cli_export_refuses_to_write_into_data(capsys) -> None:
    before = snapshot()
    status = main(["export", "--format", "csv", "-o", str(ROOT / "data" / "reports.csv")])
    assert status == 1
    assert "refusing to write inside" in capsys.readouterr().err
    assert snapshot() == before
