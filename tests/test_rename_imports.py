"""Tests for scripts/rename_imports.py, which rewrites the flat geo/ module paths to the wings."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "rename_imports.py"


@pytest.fixture(scope="module")
def rename():
    spec = importlib.util.spec_from_file_location("rename_imports", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("module", "before", "after"), [
    ("geo.reading.fragments", "from .records import report_html\n", "from .reports import report_html\n"),
    ("geo.reading.fragments", "from .present import format_date\n", "from .wording import format_date\n"),
    ("geo.drafting.draft_folder", "    from .export import ExportError\n    raise ExportError('x')\n",
     "    from ..files import OutputRefusedError\n    raise OutputRefusedError('x')\n"),
    ("geo.map.style", "from .templates import render\n", "from ..reading.templates import render\n"),
    (None, "from geo import mapping, view as views\nmapping.base_map(views)\n",
     "from geo.map import leaflet\nfrom geo.query import selection as views\nleaflet.base_map(views)\n"),
    (None, "See `geo.cache.load_cached` and geo/assets/nkmap.js.\n",
     "See `geo.data.parquet_cache.load_cached` and geo/map/static/nkmap.js.\n"),
])
def test_old_paths_become_new_and_a_second_run_changes_nothing(rename, module, before, after) -> None:
    assert rename.rewrite(before, module) == after
    assert rename.rewrite(after, module) == after


def test_every_new_module_exists(rename) -> None:
    root = SCRIPT.parent.parent
    for name in rename.NEW_MODULES:
        path = root / name.replace(".", "/")
        assert path.with_suffix(".py").is_file() or (path / "__init__.py").is_file(), name
