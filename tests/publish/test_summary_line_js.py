"""The export's count line (``nkmap.summaryLine`` in geo/map/static/nkmap/words.js) says what
:func:`geo.reading.page_words.summary_line_in` says, in every language: both are run and compared."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from geo.i18n import LANGUAGES
from geo.map.static_files import SCRIPT_DIR
from geo.reading.page_words import page_words, summary_line_in

CASES = [(0, 0, 0, 2019, 2019), (1, 1, 0, 2019, 2019), (2, 1, 0, 2015, 2019), (12, 5, 1, 2012, 2019),
         (1, 1, 1, 2020, 2020), (30, 2, 2, 2001, 2024)]
"""reports, places, places with few or no workers, first year, last year."""

RUN = """
const vm = require("node:vm");
const context = vm.createContext({});
vm.runInContext("var nkmap = {};" + require("node:fs").readFileSync(process.argv[1], "utf8"), context);
const {words, cases} = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(cases.map((c) => context.nkmap.summaryLine(words, ...c))));
"""


@pytest.mark.parametrize("lang", sorted(LANGUAGES))
def test_the_exports_summary_line_says_what_python_says(lang: str) -> None:
    node = shutil.which("node")
    assert node, "node is needed to run the map's script (make test-js uses it too)"
    script = Path(SCRIPT_DIR / "words.js")
    out = subprocess.run([node, "-e", RUN, str(script)], input=json.dumps({"words": page_words(lang), "cases": CASES}),
                         capture_output=True, text=True, check=True, timeout=60)
    expected = [summary_line_in(lang, reports, places, (first, last), few_or_none=few)
                for reports, places, few, first, last in CASES]
    assert json.loads(out.stdout) == expected
