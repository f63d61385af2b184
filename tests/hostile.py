"""A dataset whose every text field is hostile: markup, template-literal syntax, script closers,
backslashes, both quote kinds, right-to-left and CJK text, and a very long quote.

Used by the escaping tests (Python and browser) to show that text from the data never runs and
always shows literally.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import tiny_copy, write_dataset

IMG = "<img src=x onerror=alert(1)>"
TEMPLATE = "${alert(2)}"
SCRIPT_CLOSE = "</script><script>alert(3)</script>"
BACKTICK = "`"
BACKSLASH = "\\"
QUOTES = "\"double\" 'single'"
RTL = "\u202eRTL override\u202c שלום"
CJK = "북한 노동자 朝鲜工人"
LONG = "long " * 400

PAYLOADS = (IMG, TEMPLATE, SCRIPT_CLOSE, BACKTICK, BACKSLASH, QUOTES, RTL, CJK)
"""Each string a test can look for, raw, in anything rendered."""

HOSTILE_QUOTE = (f"Workers said {IMG} and {TEMPLATE} then {BACKTICK}tick{BACKTICK} and {SCRIPT_CLOSE} "
                 f"{BACKSLASH}n {QUOTES} {RTL} {CJK}.")
HOSTILE_NAME = f"Dan{BACKTICK}dong {IMG} {TEMPLATE} {BACKSLASH} {QUOTES} {CJK}"
SEED_TEXT = (
    "Dozens of North Korean women work in textile factories in Dandong.\n"
    "In 2016, thirty restaurant staff left Ningbo together.\n"
    "Workers  from Pyongyang\nwere sent to Jilin Province.\n"
    f"{HOSTILE_QUOTE}\n{LONG}\n"
)


def hostile_tables() -> dict:
    """The tiny dataset with hostile text in every free-text field, and one hostile quote."""
    tables = tiny_copy()
    source = tables["sources"][0]
    source.update(title=f"Title {IMG} {SCRIPT_CLOSE}", publisher=f"Pub {TEMPLATE} {BACKTICK}",
                  author=f"Author {QUOTES} {RTL}", published_note=f"note {IMG}", notes=BACKSLASH)
    dandong = tables["places"][0]
    dandong.update(name=HOSTILE_NAME, aliases=f"{IMG};{CJK}", admin1=f"Liaoning {TEMPLATE}",
                   location_note=SCRIPT_CLOSE)
    tables["sectors"][0].update(label=f"Garments {IMG} {BACKTICK}", description=SCRIPT_CLOSE)
    first = tables["reports"][0]
    first.update(quote=HOSTILE_QUOTE, notes=f"note {IMG} {TEMPLATE}", date_note=f"{BACKTICK} {SCRIPT_CLOSE}",
                 workers_as_stated=f"{QUOTES} {IMG}")
    second = tables["reports"][1]
    second.update(quote=LONG.strip(), wage_as_stated=f"{TEMPLATE}", wage_min="5", wage_currency="USD")
    return tables


def write_hostile_dataset(folder: Path) -> Path:
    """Write the hostile dataset (CSV files and its seed) to ``folder``."""
    return write_dataset(folder, hostile_tables(), seed_text=SEED_TEXT)
