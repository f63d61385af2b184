"""AppTest of the map page's publishing row (ui/publish.py): the image and GIS downloads, and
the citation of the view, which follows the filters."""

from __future__ import annotations

import sys

import pytest
from streamlit.testing.v1 import AppTest

from geo.settings import ROOT
from tests.conftest import whole_page

TIMEOUT = 60


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setattr(sys, "argv", ["dashboard.py"])
    return whole_page(AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT))


def labels(at: AppTest) -> list[str]:
    return [button.proto.label for button in at.get("download_button")]


def test_the_page_offers_the_image_the_gis_files_and_a_citation_of_the_view(app: AppTest) -> None:
    at = app.run()
    assert not at.exception
    assert {"Image of this view (PNG)", "Image of this view (SVG)", "GeoPackage (QGIS)",
            "KML (Google Earth)"} <= set(labels(at))
    assert not at.code  # "Cite this view" is closed: its blocks are written when it opens
    at.session_state["cite_open"] = True  # the reader opens it
    at.multiselect(key="sector").set_value(["hospitality"]).run()
    assert not at.exception
    blocks = [block.value for block in at.code]
    (text,) = [block for block in blocks if block.startswith("North Korean workers reported in China")]
    assert "; sectors Restaurants & hotels;" in text and "sector=Restaurants+%26+hotels" in text
    assert any('"type": "dataset"' in block for block in blocks)


def test_a_presenter_has_the_image_in_one_click(app: AppTest) -> None:
    app.query_params["present"] = "true"
    at = app.run()
    assert not at.exception
    assert labels(at) == ["Download this view as an image (PNG)"]


def test_the_citation_is_written_only_while_its_box_is_open(app: AppTest) -> None:
    """A year step does not rebuild the two citation blocks nobody reads (they cost the browser about
    30 ms a step to draw, closed or not): they come when "Cite this view" opens and go when it closes."""
    at = app.run()
    assert not at.exception and not at.code
    first, last = at.slider(key="years").value
    at.slider(key="years").set_value((first + 1, last)).run()
    assert not at.exception and not at.code
    at.session_state["cite_open"] = True
    at.run()
    assert len(at.code) == 2 and at.code[1].language == "json"
    assert f"{first + 1}" in at.code[0].value
    at.session_state["cite_open"] = False
    at.run()
    assert not at.code
