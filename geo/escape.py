"""The one escaping function: every value from the data passes here before HTML or JavaScript."""

from __future__ import annotations

import html
import json
import re

from .vocab import COLOUR

# Folium and Leaflet paste text into HTML *and* into JavaScript template literals, so besides
# HTML's specials the characters that act inside a template literal become entities too.
_TEMPLATE_LITERAL = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;"})


def escape(value: object) -> str:
    """Text safe to place in HTML and in a JavaScript string or template literal.

    HTML-escapes ``& < > " '`` and turns `` ` ``, ``$`` and ``\\`` into character references,
    so the browser shows the text literally wherever it lands. ``None`` becomes ``""``.
    """
    if value is None:
        return ""
    return html.escape(str(value), quote=True).translate(_TEMPLATE_LITERAL)


def script_json(value: object) -> str:
    """JSON to embed inside a ``<script>`` element: ``<`` and the line separators are written as
    ``\\u`` escapes, so no string in it can close the script or open a comment.

    A script element's text ends only at ``</script``, and its escape states begin only at
    ``<!--``; both need a ``<``. ``>`` and ``&`` mean nothing there, so they stay as they are
    (popup HTML is mostly tags, and a six-byte escape for each would inflate every step).
    """
    if isinstance(value, str):  # the common case, straight to the C encoder
        text = _encode_string(value)
    else:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


_encode_string = json.encoder.encode_basestring  # what json.dumps uses for a str with ensure_ascii=False



_COLOUR = re.compile(COLOUR)


def css_colour(value: object, fallback: str = "#999999") -> str:
    """``value`` if it is a colour like ``#0072B2``, else ``fallback``: a colour reaches CSS and
    SVG attributes, where anything else could carry a declaration or a URL."""
    text = str(value)
    return text if _COLOUR.fullmatch(text) else fallback
