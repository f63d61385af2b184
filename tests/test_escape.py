"""Tests for geo.escape: hostile text from the data can neither run nor break the page."""

from __future__ import annotations

import html
import json

import pytest

from geo.escape import escape, script_json

HOSTILE = [
    pytest.param("<img src=x onerror=alert(1)>", id="img-onerror"),
    pytest.param("${alert(1)}", id="template-literal-substitution"),
    pytest.param("`);alert(1);(`", id="backticks"),
    pytest.param("</script><script>alert(1)</script>", id="close-script"),
    pytest.param("C:\\path\\to\\`file`\\", id="backslashes"),
    pytest.param("\"double\" and 'single' quotes", id="both-quote-kinds"),
    pytest.param("\" onmouseover=\"alert(1)", id="attribute-breakout"),
    pytest.param("<!-- ${x} --> & &amp; \\u003c", id="comment-entity-and-escape-text"),
    pytest.param("Dandong 丹东 \u2028 line separator", id="unicode"),
]


@pytest.mark.parametrize("text", HOSTILE)
def test_escape_leaves_nothing_html_or_javascript_would_act_on(text: str) -> None:
    escaped = escape(text)
    for character in ("<", ">", "`", "$", "\\", '"', "'"):
        assert character not in escaped, character


@pytest.mark.parametrize("text", HOSTILE)
def test_escape_loses_nothing_a_reader_should_see(text: str) -> None:
    """The browser decodes the character references back to exactly the original text."""
    assert html.unescape(escape(text)) == text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (42, "42"),
        ("a & b", "a &amp; b"),
        ("${x}", "&#36;{x}"),
        ("`", "&#96;"),
        ("\\", "&#92;"),
        ("plain text", "plain text"),
    ],
)
def test_escape_examples(value: object, expected: str) -> None:
    assert escape(value) == expected


@pytest.mark.parametrize("text", HOSTILE)
def test_script_json_cannot_close_the_script_and_round_trips(text: str) -> None:
    value = {"quote": text, "items": [text, 1, None], text: True}
    embedded = script_json(value)
    assert "</" not in embedded and "<!--" not in embedded and "<" not in embedded
    assert "\u2028" not in embedded and "\u2029" not in embedded
    assert json.loads(embedded) == value  # the \\u escapes are valid JSON as they stand


def test_script_json_refuses_nan() -> None:
    """NaN is not JSON; a browser's JSON.parse would reject the whole payload."""
    with pytest.raises(ValueError):
        script_json({"lat": float("nan")})

