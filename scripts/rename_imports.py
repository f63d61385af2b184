"""Rewrite the old flat ``geo`` module paths in files to the wings (``geo/data``, ``geo/query`` …).

Usage: ``python scripts/rename_imports.py FILE...`` rewrites each file in place and names the
ones it changed. It rewrites dotted names (``geo.view`` → ``geo.query.selection``), file paths
(``geo/assets/nkmap.js`` → ``geo/map/static/nkmap.js``, ``tests/test_view.py`` →
``tests/query/test_selection.py``), ``from geo import a, b`` lines, and the relative imports
of a file inside ``geo/``, resolved against the file's new place (or, when that finds nothing,
its old place). A module imported under a leaf name that changed (``from geo import mapping``)
is imported under its new leaf, and ``mapping.`` in the file becomes ``leaflet.``. Run
``ruff check --fix --select I`` after it to sort the imports again. Running it twice changes
nothing the second time.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

MODULES: dict[str, str] = {
    "geo.csvio": "geo.data.csvio",
    "geo.gis": "geo.publish.gis",
    "geo.image": "geo.publish.image",
    "geo.imagemarks": "geo.publish.imagemarks",
    "geo.citation": "geo.publish.citation",
    "geo.review": "geo.drafting.review",
    "geo.draftrun": "geo.drafting.draftrun",
    "geo.localise": "geo.reading.localise",
    "geo.wording": "geo.reading.page_words",
    "geo.checks": "geo.data.cell_checks",
    "geo.row_checks": "geo.data.row_checks",
    "geo.schema": "geo.data.schemas",
    "geo.validate": "geo.data.validate",
    "geo.load": "geo.data.load",
    "geo.quotes": "geo.data.quotes",
    "geo.borders": "geo.data.borders",
    "geo.codes": "geo.data.codes",
    "geo.cache": "geo.data.parquet_cache",
    "geo.synth": "geo.data.synth",
    "geo.filters": "geo.query.filters",
    "geo.aggregate": "geo.query.aggregate",
    "geo.view": "geo.query.selection",
    "geo.caches": "geo.query.memo",
    "geo.present": "geo.reading.wording",
    "geo.fragments": "geo.reading.fragments",
    "geo.pickers": "geo.reading.pickers",
    "geo.table": "geo.reading.table",
    "geo.timeline": "geo.reading.timeline",
    "geo.templates": "geo.reading.templates",
    "geo.style": "geo.map.style",
    "geo.records": "geo.map.records",
    "geo.mapping": "geo.map.leaflet",
    "geo.assets": "geo.map.static_files",
    "geo.export": "geo.publish.export",
    "geo.package": "geo.publish.datapackage",
    "geo.standalone": "geo.publish.standalone",
    "geo.downloads": "geo.publish.downloads",
    "geo.article": "geo.drafting.article",
    "geo.gazetteer": "geo.drafting.gazetteer",
    "geo.placefind": "geo.drafting.placefind",
    "geo.dates": "geo.drafting.dates",
    "geo.figures": "geo.drafting.numbers",
    "geo.draft": "geo.drafting.candidates",
    "geo.draftout": "geo.drafting.draft_folder",
    "geo.merge": "geo.drafting.merge",
}
"""Old module → new module. ``settings``, ``vocab``, ``errors``, ``escape`` and ``cli`` stay at the top."""

NEW_MODULES: set[str] = {
    *MODULES.values(),
    "geo", "geo.data", "geo.query", "geo.reading", "geo.map", "geo.publish", "geo.drafting",
    "geo.settings", "geo.vocab", "geo.errors", "geo.escape", "geo.cli", "geo.__main__", "geo.files",
    "geo.data.outlines", "geo.map.layers", "geo.reading.reports",
}
"""Every module of the new layout (a relative import that reaches one of these is already new)."""

SYMBOLS: dict[tuple[str, str], tuple[str, str]] = {
    ("geo.publish.export", "write_atomic"): ("geo.files", "write_atomic"),
    ("geo.publish.export", "ExportError"): ("geo.files", "OutputRefusedError"),
    ("geo.data.synth", "OutputRefusedError"): ("geo.files", "OutputRefusedError"),
    ("geo.map.records", "report_html"): ("geo.reading.reports", "report_html"),
    ("geo.query.selection", "report_html_at"): ("geo.reading.reports", "report_html_at"),
    ("geo.query.selection", "popup_reports_per_place"): ("geo.map.layers", "popup_reports_per_place"),
    ("geo.query.selection", "REPORT_HTML_BYTES"): ("geo.map.layers", "REPORT_HTML_BYTES"),
    ("geo.map.static_files", "countries_geojson"): ("geo.data.outlines", "countries_geojson"),
    ("geo.map.static_files", "COUNTRIES_PATH"): ("geo.data.outlines", "COUNTRIES_PATH"),
    ("geo.map.static_files", "page_script"): ("geo.publish.standalone", "page_script"),
    ("geo.query.memo", "DatasetCaches"): ("geo.query.memo", "DatasetMemo"),
    ("geo.query.aggregate", "aggregate_places"): ("tests.oracle", "aggregate_places"),
    ("geo.query.aggregate", "aggregate_flows"): ("tests.oracle", "aggregate_flows"),
    ("geo.query.aggregate", "summary"): ("tests.oracle", "summary"),
    ("geo.query.aggregate", "few_or_none_places"): ("tests.oracle", "few_or_none_places"),
}
"""Names that moved module (or were renamed) after the move, in a ``from MODULE import NAME`` line.

Uses the rewrite cannot make alone (add the import, then ruff names what is missing):
``dataset.caches.X`` → ``memo_of(dataset).X`` (``geo.query.memo``); ``view.layer(dataset, ...)`` →
``view_layer(dataset, view, ...)`` (``geo.map.layers``); ``exporting.write_atomic`` →
``geo.files.write_atomic``; ``static_files.countries_geojson()`` → ``outlines.countries_geojson()``.
"""

PACKAGES: set[str] = {"geo", "geo.data", "geo.query", "geo.reading", "geo.map", "geo.publish", "geo.drafting",
                      "geo.reading.templates"}

FILES: dict[str, str] = {
    "geo/assets/nkmap.js": "geo/map/static/nkmap.js",
    "geo/assets/map.css": "geo/map/static/map.css",
    "geo/assets/standalone.js": "geo/publish/standalone.js",
    "geo/assets/countries.geojson": "geo/data/countries.geojson",
    "geo/assets/README.md": "geo/data/countries.md",
    "geo/templates/standalone.html": "geo/publish/templates/standalone.html",
    "geo/templates/legend.html": "geo/map/templates/legend.html",
    "geo/templates/": "geo/reading/templates/",
    "tests/test_aggregate.py": "tests/query/test_aggregate.py",
    "tests/test_assets.py": "tests/map/test_static_files.py",
    "tests/test_cache.py": "tests/data/test_parquet_cache.py",
    "tests/test_caches.py": "tests/query/test_memo.py",
    "tests/test_csvio.py": "tests/data/test_csvio.py",
    "tests/test_dataset.py": "tests/data/test_dataset.py",
    "tests/test_downloads.py": "tests/publish/test_downloads.py",
    "tests/test_draft.py": "tests/drafting/test_draft.py",
    "tests/test_draft_quality.py": "tests/drafting/test_draft_quality.py",
    "tests/test_export.py": "tests/publish/test_export.py",
    "tests/test_filters.py": "tests/query/test_filters.py",
    "tests/test_fragments.py": "tests/reading/test_fragments.py",
    "tests/test_fuzz.py": "tests/data/test_fuzz.py",
    "tests/test_load.py": "tests/data/test_load.py",
    "tests/test_merge.py": "tests/drafting/test_merge.py",
    "tests/test_package.py": "tests/publish/test_datapackage.py",
    "tests/test_pickers.py": "tests/reading/test_pickers.py",
    "tests/test_present.py": "tests/reading/test_wording.py",
    "tests/test_quotes.py": "tests/data/test_quotes.py",
    "tests/test_standalone.py": "tests/publish/test_standalone.py",
    "tests/test_table.py": "tests/reading/test_table.py",
    "tests/test_timeline.py": "tests/reading/test_timeline.py",
    "tests/test_view.py": "tests/query/test_selection.py",
}
"""Old file path → new file path (folders end in ``/``); ``geo/<module>.py`` paths follow MODULES."""

for _old, _new in MODULES.items():
    _suffix = "/__init__.py" if _old == "geo.templates" else ".py"
    FILES.setdefault(_old.replace(".", "/") + _suffix, _new.replace(".", "/") + _suffix)

_IMPORT = re.compile(r"^(?P<indent>[ \t]*)from[ \t]+(?P<dots>\.*)(?P<mod>[\w.]*)[ \t]+import[ \t]+"
                     r"(?P<names>\([^)]*\)|[^\n]*)", re.MULTILINE)
_DOTTED = re.compile(r"\b(" + "|".join(re.escape(o) for o in sorted(MODULES, key=len, reverse=True)) + r")\b(?!/)")
_PATHS = re.compile("|".join(re.escape(o) for o in sorted(FILES, key=len, reverse=True)))


def _leaf(name: str) -> str:
    return name.rsplit(".", 1)[-1]


def _resolve(package: str, dots: str, module: str) -> str:
    parts = package.split(".") if package else []
    base = parts[: len(parts) - len(dots) + 1] if dots else []
    return ".".join([*base, *(module.split(".") if module else [])])


def _relative(target: str, package: str) -> tuple[str, str]:
    """``(dots, module)`` that reach ``target`` from inside ``package``."""
    t, p = target.split("."), package.split(".")
    common = 0
    while common < min(len(t), len(p)) and t[common] == p[common]:
        common += 1
    return "." * (len(p) - common + 1), ".".join(t[common:])


def _module_of(path: Path) -> str | None:
    parts = path.with_suffix("").parts
    if "geo" not in parts:
        return None
    name = ".".join(parts[parts.index("geo"):])
    return name.removesuffix(".__init__")


def _new_name(target: str) -> str:
    return MODULES.get(target, target)


def rewrite(text: str, module: str | None = None) -> str:
    """``text`` with old module names and paths made new; ``module`` is the file's (new) module name."""
    is_package = module is not None and module in PACKAGES
    package = module if is_package else (module.rsplit(".", 1)[0] if module else "")
    old_module = next((o for o, n in MODULES.items() if n == module), module)
    old_package = old_module if is_package else (old_module.rsplit(".", 1)[0] if old_module else "")
    leaves: dict[str, str] = {}
    text_renames: dict[str, str] = {}

    def one_import(match: re.Match) -> str:
        indent, dots, mod, names = match["indent"], match["dots"], match["mod"], match["names"]
        if dots:
            target = _resolve(package, dots, mod)
            if target not in NEW_MODULES and not any(target.startswith(n + ".") for n in NEW_MODULES - PACKAGES):
                target = _new_name(_resolve(old_package, dots, mod))
        else:
            target = _new_name(mod)
        if not target.startswith("geo") or (target not in NEW_MODULES and target not in MODULES):
            return match.group(0)
        comments = re.findall(r"#[^\n]*", names)
        comment = f"  {comments[0].strip()}" if comments else ""
        bare = re.sub(r"#[^\n]*", "", names).strip().strip("()").replace("\\\n", " ")
        items = [n.strip() for n in bare.split(",") if n.strip()]
        groups: dict[str, list[str]] = {}
        if target in PACKAGES:
            for item in items:
                name, _, alias = (s.strip() for s in item.partition(" as "))
                full = f"{target}.{name}"
                if full not in NEW_MODULES:
                    old_full = f"{_resolve(old_package, dots, mod) if dots else mod}.{name}"
                    if old_full not in MODULES:
                        groups.setdefault(target, []).append(item)  # a name, not a module
                        continue
                    full = old_full
                full = _new_name(full)
                parent, leaf = full.rsplit(".", 1)
                if leaf != name and not alias:
                    leaves[name] = leaf
                groups.setdefault(parent, []).append(f"{leaf} as {alias}" if alias else leaf)
        else:
            for item in items:
                name, _, alias = (s.strip() for s in item.partition(" as "))
                home, new_name = SYMBOLS.get((target, name), (target, name))
                if new_name != name and not alias:
                    text_renames[name] = new_name
                groups.setdefault(home, []).append(f"{new_name} as {alias}" if alias else new_name)
        lines = []
        for parent, group in groups.items():
            if dots and module and parent.startswith("geo"):
                new_dots, new_mod = _relative(parent, package)
                head = f"from {new_dots}{new_mod}"
            else:
                head = f"from {parent}"
            body = ", ".join(group)
            line = f"{indent}{head} import {body}{comment}"
            if names.startswith("(") and len(groups) == 1 or len(line) > 118 and len(group) > 1:
                inner = "".join(f"{indent}    {g},\n" for g in group)
                line = f"{indent}{head} import ({comment}\n{inner}{indent})"
            lines.append(line)
            comment = ""
        return "\n".join(lines)

    text = _IMPORT.sub(one_import, text)
    text = _DOTTED.sub(lambda m: MODULES[m.group(1)], text)
    text = _PATHS.sub(lambda m: FILES[m.group(0)], text)
    for old, new in leaves.items():
        text = re.sub(rf"(?<![\w.]){re.escape(old)}\.(?=[A-Za-z_])", f"{new}.", text)
    for old, new in text_renames.items():
        text = re.sub(rf"(?<![\w.]){re.escape(old)}\b", new, text)
    return text


def main(paths: list[str]) -> int:
    for name in paths:
        path = Path(name)
        before = path.read_text(encoding="utf-8")
        module = _module_of(path) if path.suffix == ".py" else None
        after = rewrite(before, module)
        if after != before:
            path.write_text(after, encoding="utf-8")
            print(f"rewrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
