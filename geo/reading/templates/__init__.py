"""The HTML templates of the page and the export, rendered with autoescape on.

Data reaches a template only as a variable, never as template source. Every variable passes
through :func:`geo.escape.escape` unless it is marked safe (HTML built here from escaped parts),
so template output is as safe inside a JavaScript string or template literal as in HTML.
"""

from __future__ import annotations

import functools
from pathlib import Path

import jinja2
from babel.support import NullTranslations
from markupsafe import Markup

from ...escape import escape

TEMPLATE_DIR: Path = Path(__file__).resolve().parent
"""The templates of what a person reads (cards, seeds, source headers, the method)."""

TEMPLATE_DIRS: tuple[Path, ...] = (TEMPLATE_DIR, TEMPLATE_DIR.parents[1] / "map" / "templates",
                                   TEMPLATE_DIR.parents[1] / "publish" / "templates")
"""Where templates are found, by name: this folder, the map's (the legend) and publishing's (the HTML map)."""


@functools.lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The one Jinja environment: files in :data:`TEMPLATE_DIRS`, autoescape on, undefined names an error."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIRS), autoescape=True,
        undefined=jinja2.StrictUndefined, keep_trailing_newline=False, trim_blocks=True, lstrip_blocks=True,
        finalize=_escaped,
    )
    # Strings marked _("…") or ngettext(…) read English unless render() is given a language's
    # functions (``_=translations(lang).gettext``); values, not globals, so sessions never share one.
    english = NullTranslations()
    env.globals.update(_=english.gettext, gettext=english.gettext, ngettext=english.ngettext)
    return env


def _escaped(value: object) -> Markup:
    """Every variable's text as :func:`geo.escape.escape` makes it (HTML built here passes as is)."""
    return value if isinstance(value, Markup) else Markup(escape(value))  # noqa: S704 - escaped just now


def render(name: str, **values: object) -> str:
    """Render the template ``name`` with ``values``; the result is HTML (a ``str``)."""
    return str(environment().get_template(name).render(**values)).strip()


def safe(html: str) -> Markup:
    """Mark HTML that this project built (and escaped) as safe to insert into a template."""
    return Markup(html)  # noqa: S704 - only for HTML built from escaped parts
