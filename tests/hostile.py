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
MARKDOWN = "[x](https://example.org) ![i](http://127.0.0.1:9/t.png) **b** $x^2$ :red[r] `c` # h"

PAYLOADS = (IMG, TEMPLATE, SCRIPT_CLOSE, BACKTICK, BACKSLASH, QUOTES, RTL, CJK)
"""Each string a test can look for, raw, in anything rendered."""

HOSTILE_QUOTE = (f"Workers said {IMG} and {TEMPLATE} then {BACKTICK}tick{BACKTICK} and {SCRIPT_CLOSE} "
                 f"{BACKSLASH}n {QUOTES} {RTL} {CJK}.")
HOSTILE_NAME = f"Dan{BACKTICK}dong {IMG} {TEMPLATE} {BACKSLASH} {QUOTES} {CJK} {MARKDOWN}"
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


# Template syntax: text from the data must never become template source.
JINJA_EXPR = "{{ 7*7 }}"
JINJA_BLOCK = "{% if true %}block{% endif %}"
JINJA_COMMENT = "{#"
PWNED = "NK_PWNED"
JINJA_FILE = "{{ lipsum.__globals__.os.mkdir(dict(" + PWNED + "=1)|list|first) }}"
TEMPLATE_SYNTAX = f"{JINJA_EXPR} {JINJA_BLOCK} {JINJA_COMMENT} {JINJA_FILE}"
"""One string holding every kind of template syntax, and a payload that would create a folder."""

TEMPLATE_QUOTE = f"Workers in Dandong said {TEMPLATE_SYNTAX} to us."
TEMPLATE_SEED = SEED_TEXT + TEMPLATE_QUOTE + "\n"

FREE_TEXT = {
    "sources": ("title", "publisher", "author", "published_note", "licence", "notes"),
    "places": ("name", "aliases", "admin1", "location_note"),
    "sectors": ("label", "description"),
    "reports": ("date_note", "workers_as_stated", "wage_as_stated", "state_share_as_stated", "notes"),
}
"""Every free-text field of every table (the quote is set separately: it must stand in the seed)."""


def template_tables() -> dict:
    """The tiny dataset with template syntax in every free-text field of every row, and in a quote."""
    tables = tiny_copy()
    for table, fields in FREE_TEXT.items():
        for number, row in enumerate(tables[table]):
            for field in fields:
                # Names and labels stay distinct per row (pickers list them).
                row[field] = f"{row[field] or field} {number} {TEMPLATE_SYNTAX}"
    tables["places"][0]["aliases"] = TEMPLATE_SYNTAX.replace(";", ",")
    tables["reports"][0]["quote"] = TEMPLATE_QUOTE
    return tables


def write_template_dataset(folder: Path) -> Path:
    """Write the template-syntax dataset (CSV files and its seed) to ``folder``."""
    return write_dataset(folder, template_tables(), seed_text=TEMPLATE_SEED)
