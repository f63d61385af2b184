"""The map page in Korean, Chinese and Japanese under AppTest: the language chosen from the link,
an unknown one read as English, the page's words from the catalogs, and links that open the same
view in every language."""

from __future__ import annotations

import html
import sys
from types import SimpleNamespace

import pytest
from streamlit.testing.v1 import AppTest

from geo.data.load import Dataset, load_dataset
from geo.i18n import translations
from geo.reading import pickers
from geo.settings import ROOT, SETTINGS
from tests.conftest import page_titles, whole_page

DASHBOARD = ROOT / "dashboard.py"
TIMEOUT = 60


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return load_dataset(SETTINGS.data_dir)


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setattr(sys, "argv", ["dashboard.py"])
    return whole_page(AppTest.from_file(str(DASHBOARD), default_timeout=TIMEOUT))


def widget_labels(at: AppTest) -> set[str]:
    """The labels of the page's widgets and buttons, as a reader sees them."""
    found = set()
    for kind in ("button", "toggle", "slider", "selectbox", "multiselect", "text_input", "checkbox", "expander",
                 "number_input", "download_button"):
        for element in at.get(kind):
            label = getattr(element, "label", None) or getattr(getattr(element, "proto", None), "label", "")
            if label:
                found.add(label)
    return found


def html_of(at: AppTest) -> str:
    return "\n".join(element.proto.body for element in at.get("html"))


@pytest.mark.parametrize("lang", ["ko", "zh", "ja"])
def test_the_page_reads_in_the_language_of_the_link(app: AppTest, lang: str) -> None:
    app.query_params["lang"] = lang
    app.run()
    assert not app.exception
    _ = translations(lang).gettext
    assert page_titles(app) == [_("North Korean workers reported in China")]
    labels = widget_labels(app)
    for english in ("Presenter mode", "Years", "Clear all", "Sectors", "Roles", "Sources", "Search the quotes",
                    "Beyond China", "Download CSV", "Next ▶", "◀ Previous"):
        assert english not in labels, english
    for word in ("Presenter mode", "Years", "Sectors", "Download CSV"):
        assert _(word) in labels, word
    page = html_of(app)
    assert f'document.documentElement.lang = "{lang}"' in page
    assert _("Reports") in page  # the table's heading
    assert "nk-quoted" in page  # the card says the quote is as published


def test_an_unknown_language_reads_english_without_an_error(app: AppTest) -> None:
    app.query_params["lang"] = "xx"
    app.run()
    assert not app.exception
    assert page_titles(app) == ["North Korean workers reported in China"]
    assert "Presenter mode" in widget_labels(app)
    assert 'document.documentElement.lang = "en"' in html_of(app)


def test_the_picker_changes_the_language_and_keeps_the_view(app: AppTest, dataset: Dataset) -> None:
    app.query_params["years"] = ["2015", "2019"]
    app.run()
    app.selectbox(key="lang").set_value("ja").run()
    assert not app.exception
    assert page_titles(app) == ["中国で報告された北朝鮮労働者"]
    assert app.slider(key="years").value == (2015, 2019)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_link_from_any_language_opens_the_same_view(app: AppTest, dataset: Dataset, lang: str) -> None:
    """The link's labels may be English or the reader's: the view is the same either way."""
    sector = dataset.sectors.index[0]
    labelled = pickers.labels(dataset, "sectors", "ko")[sector]
    place = "dandong"
    app.query_params["sector"] = [labelled]
    app.query_params["place"] = pickers.labels(dataset, "places", "ko")[place]
    app.query_params["lang"] = lang
    app.run()
    assert not app.exception
    assert app.multiselect(key="sector").value == [sector]
    assert app.selectbox(key="place").value == place
    # The chip of the filter in force speaks the page's language.
    _ = translations(lang).gettext
    chip = f"{_('Sectors')}: {pickers.labels(dataset, 'sectors', lang)[sector]}"
    assert f">{html.escape(chip)}<a" in html_of(app)


def test_no_report_says_so_in_the_readers_language(app: AppTest) -> None:
    app.query_params["q"] = "no quote says this zzzz"
    app.query_params["lang"] = "ja"
    app.run()
    assert not app.exception
    _ = translations("ja").gettext
    assert [info.value for info in app.info][0].startswith("この条件に合う報告はありません。")
    assert _("No reports match these filters") in html_of(app)  # the summary line


def test_the_review_page_reads_in_the_language_of_the_link(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["review_page.py"])
    at = AppTest.from_file(str(ROOT / "review_page.py"), default_timeout=TIMEOUT)
    at.query_params["lang"] = "zh"
    at.run()
    assert not at.exception
    _ = translations("zh").gettext
    assert [title.value for title in at.title] == [_("Add an article")] == ["添加文章"]
    assert [button.label for button in at.button] == [_("Draft candidates")]
    assert _("Publisher") in [field.label for field in at.text_input]


@pytest.mark.parametrize("lang", ["ko", "zh", "ja"])
def test_the_timeline_names_its_sectors_in_the_readers_language(dataset: Dataset, lang: str) -> None:
    from geo.reading import timeline
    from geo.reading.localise import sector_label

    english = timeline.timeline_spec(dataset, None, dataset.years)
    before = [dict(bar) for bar in english["datasets"]["bars"]]
    local = timeline.in_language(english, dataset, lang)
    labels = {row["label"]: sector_label(row, lang) for _, row in dataset.sectors.iterrows()}
    assert [bar["sector"] for bar in local["datasets"]["bars"]] == [labels.get(b["sector"], translations(lang).gettext(
        b["sector"])) for b in before]
    english_only = {label for label, local_label in labels.items() if label != local_label}
    assert not english_only & {bar["sector"] for bar in local["datasets"]["bars"]}
    assert english["datasets"]["bars"] == before  # the cached English spec is left as it was
    assert timeline.in_language(english, dataset, "en") is english


@pytest.mark.parametrize("lang", ["ko", "ja"])
def test_the_interactive_map_download_is_in_the_readers_language(dataset: Dataset, lang: str) -> None:
    from geo.query.filters import Filters
    from geo.query.selection import build_view
    from ui.reports import map_download

    view = build_view(dataset, Filters.from_values({"years": dataset.years}))
    page = map_download(dataset, view, lang)
    assert f'<html lang="{lang}"' in page
    assert '<html lang="en"' in map_download(dataset, view, "en")


LEFT_IN_ENGLISH = ("Reports (", "The newest", "dataset version", "(accessed", "Sources of the reports shown",
                   "Cite each report", "places in China and North Korea only", "beyond China and North Korea",
                   "tick “Beyond China”", "Loading the dataset")
"""English words of the printout, the citation, the downloads' left-out caption and the loading
spinner: none of them may be left on a page in Korean, Chinese or Japanese."""


@pytest.mark.parametrize("lang", ["ko", "zh", "ja"])
def test_the_printout_citation_caption_and_spinner_read_in_the_language_of_the_link(
        app: AppTest, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    import streamlit

    spoken: list[str] = []
    spinner = streamlit.spinner

    def recording_spinner(text: str = "", *args: object, **kwargs: object) -> object:
        spoken.append(text)
        return spinner(text, *args, **kwargs)

    monkeypatch.setattr(streamlit, "spinner", recording_spinner)
    app.query_params["lang"] = lang
    app.session_state["cite_open"] = True  # "Cite this view" open: its blocks are written
    app.run()
    assert not app.exception
    _ = translations(lang).gettext
    # The printout's parts: its list and its head with the count (ui/explore.py's printed_list).
    printout = "\n".join(body for body in (element.proto.body for element in app.get("html")) if "nk-print" in body)
    citation = "\n".join(block.value for block in app.code)
    captions = "\n".join(caption.value for caption in app.caption)
    everything = "\n".join([printout, citation, captions, *spoken])
    left = [words for words in LEFT_IN_ENGLISH if words in everything]
    assert not left, f"{lang}: still in English: {left}"
    assert _("Loading the dataset…") in spoken
    assert "nk-quoted" in printout  # the printout lists the reports as the card words them
    cite = _("{title}, dataset version {version}. View: {view}. {url} (accessed {date}). Sources of the reports "
             "shown: {sources}. Cite each report's own source document too.")
    assert cite.rsplit("{sources}", 1)[1] in citation  # the citation's closing words, translated
    assert "Daily NK (" in citation  # the sources' publishers stay as they give them


def _page_with(monkeypatch: pytest.MonkeyPatch, *, link: str, kept: str, whole: str, part: bool) -> SimpleNamespace:
    """A page whose link, picker and last full run read ``link``, ``kept`` and ``whole``; ``part``:
    this run is the explorer's alone."""
    from ui import shared

    page = SimpleNamespace(query_params={shared.LANG: link},
                           session_state={shared.LANG: kept, shared.PAGE_LANG: whole})
    monkeypatch.setattr(shared, "st", page)
    monkeypatch.setattr(shared, "_part_of_page", lambda: part)
    return page


def test_a_part_of_the_page_run_late_keeps_the_language_back_gave_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The map's answer from a Japanese page, run after Back had rerun the page in English, carried
    the old link and picker (``lang=ja``): the page stayed English and its link went back to ja."""
    from ui import shared

    page = _page_with(monkeypatch, link="ja", kept="ja", whole="en", part=True)
    assert shared.page_language() == "en"
    assert page.query_params[shared.LANG] == "en"
    assert page.session_state[shared.LANG] == "en"


def test_a_run_of_the_whole_page_takes_the_language_of_the_link(monkeypatch: pytest.MonkeyPatch) -> None:
    """Back and Forward rerun the whole page with the link's language, whatever the picker held."""
    from ui import shared

    page = _page_with(monkeypatch, link="ja", kept="en", whole="en", part=False)
    assert shared.page_language() == "ja"
    assert page.session_state[shared.LANG] == "ja"
    assert page.session_state[shared.PAGE_LANG] == "ja"
