"""The dashboard's page logic under Streamlit's AppTest: widgets, URL state, map arguments, errors.

AppTest runs ``dashboard.py`` in this process without a browser. It can't draw the map, so the
map is checked through the arguments the page hands the streamlit-folium component. Expected
summaries come from ``geo`` for the same filters.
"""

from __future__ import annotations

import html
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from streamlit.testing.v1 import AppTest

from geo.data.load import Dataset, load_dataset
from geo.query.filters import Filters
from geo.query.selection import build_view
from geo.reading import pickers
from geo.settings import ROOT, SETTINGS
from tests.conftest import page_titles, tiny_copy, whole_page, write_dataset

DASHBOARD = ROOT / "dashboard.py"
TIMEOUT = 60  # the first run imports geopandas and loads the dataset
SUMMARY = re.compile(r'<p class="nk-summary"[^>]*>(.*?)</p>', re.S)
# Where the map iframe's document lives: relative asset links resolve against it.
COMPONENT_URL = "http://127.0.0.1:8501/component/streamlit_folium.st_folium/index.html"
GARBAGE = {"years": ["abc", "<script>"], "sector": ["nope"], "present": ["maybe"], "place": ["<img>"]}


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(SETTINGS.data_dir)


@pytest.fixture
def make_app(monkeypatch: pytest.MonkeyPatch) -> Callable[..., AppTest]:
    """An AppTest of the dashboard on ``data_dir`` (the bundled data by default), not yet run.

    ``dashboard.py`` reads ``--data`` from ``sys.argv``; AppTest runs the script in this process,
    so set argv here rather than let pytest's own arguments leak in.
    """

    def make(data_dir: Path | None = None) -> AppTest:
        argv = ["dashboard.py"] + (["--data", str(data_dir)] if data_dir else [])
        monkeypatch.setattr(sys, "argv", argv)
        return whole_page(AppTest.from_file(str(DASHBOARD), default_timeout=TIMEOUT))

    return make


def summary_of(at: AppTest) -> str:
    """The text of the page's one ``p.nk-summary`` (drawn with st.markdown or st.html)."""
    bodies = [element.value for element in at.markdown]
    bodies += [element.proto.body for element in at.get("html")]
    found = [html.unescape(match.group(1)) for body in bodies for match in SUMMARY.finditer(body)]
    assert len(found) == 1, f"expected one summary line, found {found}"
    return found[0]


def expected_summary(dataset: Dataset, **filters: object) -> str:
    filters.setdefault("years", dataset.years)
    return build_view(dataset, Filters(**filters)).summary


def map_args(at: AppTest) -> dict:
    """The arguments the page passed to the streamlit-folium component."""
    components = at.get("component_instance")
    assert len(components) == 1, "expected exactly one map component"
    return json.loads(components[0].proto.json_args)


def test_the_page_loads_without_an_exception(make_app, dataset) -> None:
    at = make_app().run()

    assert not at.exception
    assert not at.error
    assert page_titles(at) == ["North Korean workers reported in China"]
    assert summary_of(at) == expected_summary(dataset)


def test_the_year_slider_spans_the_data(make_app, dataset) -> None:
    at = make_app().run()
    slider = at.slider(key="years")

    assert (slider.min, slider.max) == dataset.years
    assert tuple(slider.value) == dataset.years


@pytest.mark.parametrize(("widget", "key", "value", "filters"), [
    ("slider", "years", (2013, 2025), {"years": (2013, 2025)}),
    ("multiselect", "sector", ["hospitality"], {"sectors": ("hospitality",)}),
    ("multiselect", "role", ["origin"], {"roles": ("origin",)}),
    ("multiselect", "source", ["dailynk-2019"], {"sources": ("dailynk-2019",)}),
    ("text_input", "q", "waitress", {"text": "waitress"}),
])
def test_each_filter_changes_the_summary(make_app, dataset, widget, key, value, filters) -> None:
    at = make_app().run()
    getattr(at, widget)(key=key).set_value(value).run()

    assert not at.exception
    wanted = expected_summary(dataset, **filters)
    assert wanted != expected_summary(dataset)
    assert summary_of(at) == wanted


def test_filters_combine(make_app, dataset) -> None:
    at = make_app().run()
    at.slider(key="years").set_value((2010, 2024))
    at.multiselect(key="sector").set_value(["hospitality"])
    at.text_input(key="q").set_value("restaurant").run()

    assert summary_of(at) == expected_summary(dataset, years=(2010, 2024), sectors=("hospitality",),
                                              text="restaurant")


def test_the_url_sets_the_filters(make_app, dataset) -> None:
    at = make_app()
    # A bound multiselect puts the option's label in the URL, as the browser shows it.
    at.query_params["years"] = ["2013", "2025"]
    at.query_params["sector"] = [dataset.sectors.at["hospitality", "label"]]
    at.run()

    assert not at.exception
    assert tuple(at.slider(key="years").value) == (2013, 2025)
    assert at.multiselect(key="sector").value == ["hospitality"]
    assert summary_of(at) == expected_summary(dataset, years=(2013, 2025), sectors=("hospitality",))


def test_garbage_in_the_url_falls_back_to_the_defaults(make_app, dataset) -> None:
    at = make_app()
    for key, values in GARBAGE.items():
        at.query_params[key] = values
    at.run()

    assert not at.exception
    assert summary_of(at) == expected_summary(dataset)
    assert tuple(at.slider(key="years").value) == dataset.years
    assert at.toggle(key="present").value is False
    assert len(at.dataframe) == 1


@pytest.mark.parametrize("value", ["true", "1", "True", "yes"])
def test_presenter_mode_from_the_url(make_app, value: str) -> None:
    """A hand-written link (present=1) opens presenter mode as the page's own (present=true) does."""
    at = make_app()
    at.query_params["present"] = value
    at.run()

    assert not at.exception
    assert at.toggle(key="present").value is True
    bodies = [e.value for e in at.markdown] + [e.proto.body for e in at.get("html")]
    assert any('class="nk-bigyears"' in body for body in bodies)
    assert len(at.dataframe) == 0
    assert page_titles(at) == ["North Korean workers reported in China"]


def test_leaving_presenter_mode_brings_the_whole_page_back_with_its_filters(make_app, dataset) -> None:
    at = make_app()
    at.query_params["present"] = "true"
    at.query_params["sector"] = [dataset.sectors.at["hospitality", "label"]]
    at.run()
    assert at.multiselect(key="sector").value == ["hospitality"]
    at.toggle(key="present").set_value(False).run()
    assert not at.exception
    assert at.toggle(key="present").value is False
    assert page_titles(at) == ["North Korean workers reported in China"]
    assert len(at.dataframe) == 1 and len(at.expander) >= 1
    assert at.multiselect(key="sector").value == ["hospitality"], "the link's filter survives the switch"
    assert summary_of(at) == expected_summary(dataset, sectors=("hospitality",))
    at.toggle(key="present").set_value(True).run()
    assert any('class="nk-bigyears"' in e.proto.body for e in at.get("html"))


def test_the_filters_in_force_show_as_chips_with_a_way_to_clear_them(make_app, dataset) -> None:
    at = make_app()
    at.query_params["years"] = ["2017", "2019"]
    at.query_params["sector"] = [dataset.sectors.at["hospitality", "label"]]
    at.run()
    chips = [e.proto.body for e in at.get("html") if '<ul class="nk-chips"' in e.proto.body]
    assert len(chips) == 1 and "Years: 2017–2019" in chips[0] and "Sectors: Restaurants &amp; hotels" in chips[0]
    at.button(key="clear_filters").click().run()
    assert not at.exception
    assert at.multiselect(key="sector").value == [] and tuple(at.slider(key="years").value) == dataset.years
    assert not [e for e in at.get("html") if '<ul class="nk-chips"' in e.proto.body]


def test_an_empty_view_names_the_filter_that_emptied_it(make_app) -> None:
    at = make_app()
    at.query_params["q"] = "no quote says this"
    at.run()
    assert not at.exception
    assert summary_of(at) == "No reports match these filters"
    assert "Loosening “Search the quotes” alone brings reports back." in at.info[0].value


def test_the_map_loads_its_scripts_and_styles_from_the_app(make_app) -> None:
    args = map_args(make_app().run())
    links = args["js_links"] + args["css_links"]

    assert any(link.endswith("leaflet.js") for link in args["js_links"])
    for link in links:
        url = urlsplit(urljoin(COMPONENT_URL, link))
        assert (url.scheme, url.netloc) == ("http", "127.0.0.1:8501"), f"{link} is not served by the app"
        assert url.path.startswith("/app/static/"), f"{link} is not under /app/static/"


def test_filters_change_the_layer_but_not_the_base_map(make_app) -> None:
    """The base script is what streamlit-folium keys the iframe on: it must not change."""
    at = make_app().run()
    first = map_args(at)
    at.slider(key="years").set_value((2013, 2025)).run()
    second = map_args(at)
    at.multiselect(key="sector").set_value(["hospitality"]).run()
    third = map_args(at)
    fresh = map_args(make_app().run())

    assert first["feature_group"] and second["feature_group"] and third["feature_group"]
    assert len({first["feature_group"], second["feature_group"], third["feature_group"]}) == 3
    assert first["script"] == second["script"] == third["script"] == fresh["script"]
    assert first["html"] == third["html"] and first["header"] == third["header"]


def test_a_broken_dataset_shows_its_problems_not_a_traceback(make_app, tmp_path) -> None:
    tables = tiny_copy()
    tables["reports"][0]["date_end"] = "2010"
    tables["reports"][1]["place_id"] = "atlantis"
    broken = write_dataset(tmp_path / "broken", tables)
    at = make_app(broken).run()

    assert not at.exception
    assert len(at.error) == 1
    assert str(broken) in at.code[0].value
    problems = at.code[0].value
    assert "reports.csv:2: date_end" in problems
    assert "reports.csv:3: place_id" in problems and "atlantis" in problems
    assert "2 problems found." in problems
    assert len(at.get("component_instance")) == 0


def test_text_from_the_data_never_reaches_markdown_unescaped(make_app, tmp_path) -> None:
    """A place name with links, images, emphasis and LaTeX never passes through Markdown: the heading
    that names the focused place is escaped HTML."""
    from geo.escape import escape
    from tests.hostile import MARKDOWN

    tables = tiny_copy()
    tables["places"][0]["name"] = f"Dandong {MARKDOWN}"
    at = make_app(write_dataset(tmp_path / "md", tables))
    at.query_params["place"] = f"Dandong {MARKDOWN}"
    at.run()
    assert not at.exception
    markdown = [element.value for element in [*at.header, *at.subheader, *at.markdown, *at.caption]]
    assert not [body for body in markdown if "example.org" in body], "text from the data reached Markdown"
    html = [element.proto.body for element in at.get("html")]
    assert f'<h3 class="nk-table-heading">Reports at {escape("Dandong " + MARKDOWN)}</h3>' in html
    # Words that leave reports elsewhere but none at the focused place: the note names the place.
    at.text_input(key="q").set_value("Ningbo").run()
    assert not at.exception
    markdown = [element.value for element in [*at.markdown, *at.caption, *at.info, *at.warning]]
    assert not [body for body in markdown if "example.org" in body], "text from the data reached Markdown"
    notes = [element.proto.body for element in at.get("html") if "passes these filters" in element.proto.body]
    assert len(notes) == 1 and escape("Dandong " + MARKDOWN) in notes[0]


def test_a_broken_dataset_is_validated_once_and_shows_its_first_problems(make_app, tmp_path, monkeypatch) -> None:
    """Every page view of a broken dataset used to validate it again and send every problem."""
    import geo.data.parquet_cache

    tables = tiny_copy()
    rows = tables["reports"]
    for number in range(120):
        rows.append(dict(rows[0], id=f"x{number}", role="nowhere"))
    broken = write_dataset(tmp_path / "many-problems", tables)
    loads = []
    real = geo.data.parquet_cache.load_cached
    monkeypatch.setattr(geo.data.parquet_cache, "load_cached", lambda *a, **k: (loads.append(1), real(*a, **k))[1])
    for _ in range(3):
        at = make_app(broken).run()
        assert not at.exception
    problems = at.code[0].value
    assert problems.count("reports.csv:") == SETTINGS.problems_shown
    assert f"… and {120 - SETTINGS.problems_shown} more" in problems and "120 problems found." in problems
    assert len(loads) == 1, "the failed load is cached until the files change"


@pytest.mark.parametrize(("given", "expected"), [
    (["2019", "2013"], (2013, 2019)),  # reversed
    (["1990", "2019"], (None, 2019)),  # before the first year: clamped to it
])
def test_years_in_a_link_are_put_in_order(make_app, dataset, given, expected) -> None:
    at = make_app()
    at.query_params["years"] = given
    at.run()
    assert not at.exception
    expected = (expected[0] or dataset.years[0], expected[1])
    assert tuple(at.slider(key="years").value) == expected
    assert summary_of(at) == expected_summary(dataset, years=expected)


def test_two_sources_with_the_same_label_can_each_be_picked(make_app, tmp_path) -> None:
    """Pickers identify an option by its label: a duplicate label used to show the first source."""
    from geo.data.load import load_dataset
    from geo.reading import pickers

    tables = tiny_copy()
    tables["sources"].append(dict(tables["sources"][0], id="src-b", title="Another report"))
    tables["reports"][1]["source_id"] = "src-b"
    folder = write_dataset(tmp_path / "twins", tables)
    labels = pickers.labels(load_dataset(folder), "sources")
    assert len(set(labels.values())) == 2, labels
    at = make_app(folder).run()
    assert not at.exception
    at.multiselect(key="source").set_value(["src-b"]).run()
    assert summary_of(at).startswith("1 report")


def test_next_and_previous_go_claim_by_claim_and_keep_the_list(make_app, dataset) -> None:
    at = make_app()
    at.query_params["place"] = "Dandong"
    at.run()
    rows = len(at.dataframe[0].value)
    ids = list(at.dataframe[0].value["Report"])
    cards = lambda: [e.proto.body for e in at.get("html") if 'class="nk-card"' in e.proto.body]  # noqa: E731
    first = cards()
    assert len(first) == 1 and rows == int((dataset.reports["place_id"].astype(str) == "dandong").sum())
    at.button(key="report_next").click().run()
    assert not at.exception
    assert len(at.dataframe[0].value) == rows, "the list stays as it was"
    assert cards() != first
    assert any(f"Report 2 of {len(ids)}" in box.label for box in at.number_input)
    at.button(key="report_back").click().run()
    assert cards() == first
    picker = next(box for box in at.number_input if box.label.startswith("Report 1 of"))
    picker.set_value(len(ids)).run()
    assert any(f"Report {len(ids)} of {len(ids)}" in box.label for box in at.number_input), "a report can be picked"


def first_view(make_app: Callable[..., AppTest], link: dict[str, list[str]]) -> AppTest:
    """A new reader's first view of ``link``: the page before the map has drawn in the browser."""
    at = make_app()
    del at.session_state["_map_page_seen"]
    for key, values in link.items():
        at.query_params[key] = values
    return at.run()


def held_parts(at: AppTest) -> list[str]:
    return [part for element in at.get("html") for part in re.findall(r'class="nk-held nk-held-(\w+)"',
                                                                        element.proto.body)]


def test_a_new_readers_first_view_is_the_map_of_the_link_then_the_whole_page(make_app, dataset) -> None:
    label = dataset.sectors.at["hospitality", "label"]
    at = first_view(make_app, {"years": ["2017", "2019"], "sector": [label]})

    assert not at.exception
    # The map, the summary and the chips of the link's filters; no widget, timeline or table yet,
    # each with its room kept.
    assert summary_of(at) == expected_summary(dataset, years=(2017, 2019), sectors=("hospitality",))
    assert "Sectors: Restaurants &amp; hotels" in "".join(e.proto.body for e in at.get("html"))
    assert held_parts(at) == ["place", "toggle", "language", "filters", "years", "timeline", "clear"]
    assert not (at.slider or at.multiselect or at.toggle or at.dataframe or at.get("arrow_vega_lite_chart"))
    first_map = map_args(at)

    at.run()  # what the map's "drawn" message (or the timer) brings: the whole page

    assert not at.exception and held_parts(at) == []
    assert tuple(at.slider(key="years").value) == (2017, 2019)
    assert at.multiselect(key="sector").value == ["hospitality"]
    assert len(at.dataframe) == 1 and at.toggle(key="present").value is False
    assert summary_of(at) == expected_summary(dataset, years=(2017, 2019), sectors=("hospitality",))
    assert map_args(at)["feature_group"] == first_map["feature_group"], "the map does not change"


def label(dataset: Dataset, table: str, option: str) -> str:
    return pickers.filter_options(dataset)[table][option] if table != "places" else \
        pickers.labels(dataset, "places")[option]


@pytest.mark.parametrize(("link", "narrows"), [
    (lambda d: {"sector": [label(d, "sectors", "hospitality"), label(d, "sectors", "garments")]}, True),
    (lambda d: {"role": [label(d, "roles", "origin")]}, True),
    (lambda d: {"source": [label(d, "sources", "dailynk-2019")]}, True),
    (lambda d: {"sector": ["nope", label(d, "sectors", "seafood")]}, True),
    (lambda d: {"q": ["waitress"]}, True),
    (lambda d: {"q": ["a", "Restaurant"]}, True),
    (lambda d: {"q": ["  "]}, False),
    (lambda d: {"abroad": ["true"]}, True),
    (lambda d: {"abroad": ["TRUE"]}, True),
    (lambda d: {"abroad": ["false"]}, False),
    (lambda d: {"place": [label(d, "places", "dandong")]}, False),
    (lambda d: {"years": ["2019", "2013"], "sector": ["nope"], "place": ["<img>"]}, True),
    (lambda d: GARBAGE, False),
], ids=["two-sectors", "role", "source", "unknown-sector", "text", "repeated-text", "blank-text", "abroad",
        "abroad-upper", "not-abroad", "place", "reversed-years-and-garbage", "garbage"])
def test_the_first_view_reads_a_link_as_the_widgets_do(make_app, dataset, link, narrows) -> None:
    """The first view reads the link itself (its widgets don't exist yet): the map it draws is the
    one the whole page draws from the same link with Streamlit's widgets."""
    at = first_view(make_app, link(dataset))
    assert not at.exception and held_parts(at)
    first_map, first_summary = map_args(at), summary_of(at)
    assert (first_summary != expected_summary(dataset)) == narrows, "the link was read"

    at.run()

    assert not at.exception and not held_parts(at)
    assert summary_of(at) == first_summary
    whole = map_args(at)
    assert (whole["feature_group"], whole["center"], whole["zoom"]) == \
        (first_map["feature_group"], first_map["center"], first_map["zoom"])


def test_a_presenters_link_is_never_held_back(make_app) -> None:
    at = first_view(make_app, {"present": ["true"]})

    assert not at.exception and held_parts(at) == []
    assert at.toggle(key="present").value is True
