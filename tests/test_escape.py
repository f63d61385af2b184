"""Tests for geo.escape: hostile text from the data can neither run nor break the page."""

from __future__ import annotations

import html
import json

import pytest

from geo.escape import css_colour, escape, script_json

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



@pytest.mark.parametrize("colour", ["#fff;background-image:url(http://127.0.0.1:9/x.png)", "red", "#12345",
                                    "#1234567", "#12345g", "", "None"])
def test_css_colour_lets_only_a_hex_colour_through(colour: str) -> None:
    assert css_colour(colour) == "#999999"


def test_css_colour_keeps_a_colour() -> None:
    assert css_colour("#0072B2") == "#0072B2"


def test_a_colour_that_is_not_a_colour_never_reaches_the_legend_or_the_export(tiny_dir) -> None:
    """Colours are checked on load, and again where they reach CSS (a cache or a caller could
    hand over anything)."""
    from geo.data.load import load_dataset
    from geo.map import leaflet
    from geo.publish.export import ExportInfo
    from geo.publish.standalone import standalone_html
    from geo.query.filters import Filters

    dataset = load_dataset(tiny_dir)
    dataset.sectors.loc["garments", "colour"] = "#fff;background-image:url(http://127.0.0.1:9/x.png)"
    for html_text in (leaflet.legend_html(dataset.sectors),
                      standalone_html(dataset, Filters(), ExportInfo(dataset_version="x", filters="none"))):
        assert "127.0.0.1:9" not in html_text
