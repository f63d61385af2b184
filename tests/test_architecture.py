"""The library's shape: no module imports in a circle, and every module stays small enough to read."""

from __future__ import annotations

import ast
import importlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GEO = ROOT / "geo"
MOST_LINES = 300
TOO_LONG_FOR_NOW: set[str] = set()
"""Modules allowed over :data:`MOST_LINES` until they are split (none now)."""


def imports() -> dict[str, set[str]]:
    """Each module of geo/ and the modules of geo/ it imports (at any depth in its code)."""
    found = {}
    for path in sorted(GEO.rglob("*.py")):
        name = ".".join(path.relative_to(GEO).with_suffix("").parts).removesuffix(".__init__")
        if path.name == "__init__.py":
            package = "" if name == "__init__" else name
        else:
            package = name.rsplit(".", 1)[0] if "." in name else ""
        deps = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1] if package else []
                target = ".".join([*filter(None, base), *(node.module.split(".") if node.module else [])])
                deps.update([target] if node.module else [f"{target}.{a.name}".strip(".") for a in node.names])
        found[name] = {dep for dep in deps if dep}
    return found


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph``, or ``None``."""
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for dep in sorted(graph.get(node, ())):
            if dep not in graph:
                continue
            if state.get(dep) == 1:
                return [*path[path.index(dep):], dep] if dep in path else [node, dep]
            if dep not in state and (found := visit(dep, [*path, dep])):
                return found
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start, [start])):
            return found
    return None


def test_geo_has_no_import_cycle() -> None:
    assert cycle(imports()) is None


def test_the_cycle_check_finds_a_cycle() -> None:
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def modules_over(limit: int) -> dict[str, int]:
    """Python modules of the project (not tests/, benchmarks/ or the environment) over ``limit`` lines."""
    skip = {"tests", "benchmarks", ".venv", ".tools", "static", "node_modules"}
    sizes = {}
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if skip.isdisjoint(relative.parts[:1]) and not any(part.startswith(".") for part in relative.parts):
            sizes[relative.as_posix()] = len(path.read_text(encoding="utf-8").splitlines())
    return {name: lines for name, lines in sizes.items() if lines > limit}


def test_no_module_outside_tests_and_benchmarks_is_over_300_lines() -> None:
    assert set(modules_over(MOST_LINES)) <= TOO_LONG_FOR_NOW


def test_the_size_check_sees_modules_in_the_wings() -> None:
    assert "geo/data/load.py" in modules_over(10) and "geo/cli.py" in modules_over(10)


def imported_of(code: str, libraries: set[str]) -> list[str]:
    """Which of ``libraries`` a fresh interpreter has imported after running ``code``."""
    probe = (f"import json, sys\n{code}\n"
             f"print(json.dumps(sorted({{name.split('.')[0] for name in sys.modules}} & {libraries!r})))\n")
    found = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(found.stdout.strip().splitlines()[-1])


def test_loading_and_validating_the_bundled_dataset_imports_no_drawing_or_page_library() -> None:
    """The data wing stands alone: validating ``places.csv`` once pulled in folium through the outlines."""
    code = "from geo.data.load import load_dataset\nfrom geo.settings import SETTINGS\nload_dataset(SETTINGS.data_dir)"
    assert imported_of(code, {"folium", "branca", "jinja2", "streamlit", "streamlit_folium"}) == []


def test_the_page_imports_no_gis_or_image_library_until_a_download_asks_for_one() -> None:
    """The first paint waits for every import the page makes: geopandas and GDAL (about a second on a
    loaded machine) came in with the data package's module, though only a GeoPackage needs them."""
    page = "import ui.explore, ui.publish, ui.reports"
    assert imported_of(page, {"geopandas", "pyogrio", "pyproj", "matplotlib"}) == []
    assert imported_of("import geo.publish.gis", {"geopandas"}) == ["geopandas"]  # the probe sees an import


def test_the_import_contracts_in_pyproject_are_kept() -> None:
    """The layers and forbidden imports of pyproject.toml's ``[tool.importlinter]`` (also run by ``make lint``)."""
    linter = Path(sys.executable).with_name("lint-imports")
    found = subprocess.run([str(linter), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert found.returncode == 0, found.stdout[found.stdout.find("Broken contracts"):]


@pytest.mark.parametrize(("module", "name"), [
    ("geo.reading.pickers", "place_of"), ("geo.settings", "describe"), ("geo.query.filters", "BY_NAME"),
    ("geo.vocab", "beyond_china"), ("geo.query.aggregate", "aggregate_places"),
    ("geo.query.aggregate", "aggregate_flows"), ("geo.query.aggregate", "summary"),
    ("geo.query.aggregate", "few_or_none_places"), ("geo.data.load", "TYPE_CHECKING"),
])
def test_api_only_tests_used_is_gone_from_geo(module: str, name: str) -> None:
    """Issue 22's list of names in geo/ that nothing but tests used (the test oracle lives in tests/oracle.py)."""
    assert not hasattr(importlib.import_module(module), name)


IMPORT_NAMES = {"streamlit-folium": "streamlit_folium", "pyahocorasick": "ahocorasick", "xstatic-leaflet": "xstatic"}
"""Distributions whose import name is not their name on PyPI."""


def test_runtime_dependencies_are_what_the_app_and_the_cli_import() -> None:
    """pyproject's ``dependencies`` are exactly the third-party packages geo/, the page and the review page
    import (test, lint, basemap and serve tools live in dependency groups)."""
    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    names = {re.split(r"[=<>!~ ]", spec, maxsplit=1)[0].lower() for spec in declared}
    declared_imports = {IMPORT_NAMES.get(name, name) for name in names}
    imported = set()
    for path in [*GEO.rglob("*.py"), ROOT / "dashboard.py", ROOT / "review_page.py", *(ROOT / "ui").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"geo", "dashboard", "review_page", "ui"}
    assert declared_imports - DATA_ONLY == third_party


DATA_ONLY = {"cpca"}
"""Distributions whose data files geo/ reads without importing them (cpca's adcodes.csv: geo/drafting/counties.py)."""
