"""Issue 21: a fact-checker's findings on the real dataset, one test per finding or rule.

Like ``test_dataset.py`` these read ``data/`` and ``seeds/`` with the ``csv`` module, so a bug in
the loader cannot hide a bug in the data. Each rule here is also written in ``data/README.md``.
"""

from __future__ import annotations

import csv
import re

import pytest

from geo.settings import ROOT

DATA = ROOT / "data"
SEEDS = ROOT / "seeds"


def read_csv(table: str) -> dict[str, dict[str, str]]:
    with (DATA / f"{table}.csv").open(encoding="utf-8", newline="") as stream:
        return {row["id"]: row for row in csv.DictReader(stream)}


@pytest.fixture(scope="module")
def reports() -> dict[str, dict[str, str]]:
    return read_csv("reports")


@pytest.fixture(scope="module")
def places() -> dict[str, dict[str, str]]:
    return read_csv("places")


@pytest.fixture(scope="module")
def sources() -> dict[str, dict[str, str]]:
    return read_csv("sources")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def with_quote(reports: dict[str, dict[str, str]], words: str) -> dict[str, dict[str, str]]:
    """The reports whose quote contains ``words``."""
    return {rid: row for rid, row in reports.items() if words in row["quote"]}


# --- wrong: a per-enterprise figure is not a group size ----------------------------------------------

def test_five_to_seven_from_each_enterprise_is_a_per_unit_figure(reports: dict[str, dict[str, str]]) -> None:
    r042 = reports["r042"]
    assert (r042["workers_min"], r042["workers_max"], r042["workers_kind"]) == ("5", "7", "per_unit")
    assert "each enterprise" in r042["caution"] and "r038" in r042["caution"]
    assert "size of each group" not in r042["caution"]


def test_no_figure_said_to_be_taken_each_from_units_is_a_group_size(reports: dict[str, dict[str, str]]) -> None:
    """'N each from …' counts per unit: never ``per_group``."""
    each = {rid for rid, row in reports.items() if re.search(r"\beach from\b", row["workers_as_stated"])}
    assert each == {"r042"}
    assert [rid for rid in each if reports[rid]["workers_kind"] != "per_unit"] == []


# --- too wide: the provinces bordering North Korea ---------------------------------------------------

@pytest.mark.parametrize("words", ["northeastern Chinese provinces, bordering North Korea", "these provinces launched"])
def test_the_border_provinces_are_liaoning_and_jilin_not_the_whole_northeast(
    reports: dict[str, dict[str, str]], words: str
) -> None:
    found = with_quote(reports, words)
    assert sorted(row["place_id"] for row in found.values()) == ["jilin-province", "liaoning-province"]


def test_a_recruitment_drive_is_not_a_presence(reports: dict[str, dict[str, str]]) -> None:
    found = with_quote(reports, "launched a campaign to actively recruit")
    assert {row["presence"] for row in found.values()} == {"sought"}
    assert all(row["workers_as_stated"] == "" and "not a report of workers present" in row["caution"]
               for row in found.values())


def test_demand_for_workers_is_not_a_presence(reports: dict[str, dict[str, str]]) -> None:
    """'high demand for North Korean workers', 'want to use North Korean workers': sought, not reported."""
    for words in ("creating high demand for North Korean workers", "also want to use North Korean workers"):
        found = with_quote(reports, words)
        assert found and {row["presence"] for row in found.values()} == {"sought"}, words


def test_the_card_says_a_recruitment_drive_is_not_a_presence() -> None:
    from geo.data.load import load_dataset
    from geo.reading.reports import report_html

    dataset = load_dataset(DATA)
    row = dataset.reports.set_index("id").loc["r036"].to_dict() | {"id": "r036"}
    html = report_html(row, dataset.sectors["label"].to_dict(), dataset.places["name"].to_dict())
    assert "Workers sought" in html and "none reported present" in html


def test_a_place_whose_reports_only_seek_workers_is_not_a_presence() -> None:
    from geo.data.load import load_dataset
    from tests.oracle import aggregate_places

    dataset = load_dataset(DATA)
    sought = dataset.reports[dataset.reports["id"].isin(["r036", "r060"])]
    places = aggregate_places(sought, dataset.places, dataset.sector_matrix).set_index("place_id")
    assert set(places["presence"]) == {"sought"}


# --- dates that are not what the statement is about --------------------------------------------------

def test_an_undated_photo_is_not_dated_as_if_stated(reports: dict[str, dict[str, str]]) -> None:
    r024 = reports["r024"]
    assert (r024["date_basis"], r024["date_qualifier"]) == ("inferred", "approximate")
    assert "not stated" in r024["date_note"]


def test_the_returnees_wage_is_dated_by_the_return_with_a_qualifier_and_caution(
    reports: dict[str, dict[str, str]]
) -> None:
    r044 = reports["r044"]
    assert (r044["date_start"], r044["date_qualifier"]) == ("2024", "approximate")
    assert "returned in 2024" in r044["date_note"]
    assert "One returnee" in r044["caution"] and "not when the wage was paid" in r044["caution"]


def test_the_fee_sentence_is_dated_by_its_own_tense_not_by_another_clause(reports: dict[str, dict[str, str]]) -> None:
    assert "'current'" not in reports["r045"]["date_note"]
    assert "'Chinese companies pay'" in reports["r045"]["date_note"]


# --- hedges fill caution -------------------------------------------------------------------------------

HEDGE = re.compile(r"\b(may|might|reportedly|allegedly|some report|no doubt|I heard)\b", re.IGNORECASE)


def test_every_hedged_quote_has_a_caution(reports: dict[str, dict[str, str]]) -> None:
    hedged = {rid for rid, row in reports.items() if HEDGE.search(row["quote"])}
    assert {"r006", "r008", "r010", "r020", "r025"} <= hedged
    assert [rid for rid in sorted(hedged) if not reports[rid]["caution"]] == []


@pytest.mark.parametrize("report_id", ["r051", "r052", "r053", "r054"])
def test_all_sent_back_is_one_sources_claim_and_the_narration_is_weaker(
    reports: dict[str, dict[str, str]], report_id: str
) -> None:
    caution = reports[report_id]["caution"]
    assert "One unnamed source" in caution and "have begun to repatriate" in caution


# --- knowledge from outside the source is marked ---------------------------------------------------------

def test_no_caution_or_note_says_the_state_department_figure_may_cover_workers_abroad(
    reports: dict[str, dict[str, str]]
) -> None:
    """The text does not hedge it; a guess from outside the source is not a caution."""
    assert [rid for rid, row in reports.items()
            if re.search(r"may (count|cover) [\w ]*abroad", row["caution"] + " " + row["notes"])] == []


def test_cautions_from_outside_the_source_say_so(reports: dict[str, dict[str, str]]) -> None:
    """The 13 defectors of April 2016 are not in the text: the caution begins 'Outside the source:'."""
    outside = {rid for rid, row in reports.items() if "news agencies" in row["caution"]}
    assert outside == {"r033"}
    assert reports["r033"]["caution"].startswith("Outside the source:")


# --- kinds of figures: the 'around' rule ------------------------------------------------------------------

APPROXIMATE = re.compile(r"\b(around|about|some|roughly|approximately|nearly)\s+[0-9]", re.IGNORECASE)


def test_an_approximate_number_of_workers_is_an_estimate(reports: dict[str, dict[str, str]]) -> None:
    approximate = {rid for rid, row in reports.items() if APPROXIMATE.search(row["workers_as_stated"])}
    assert {"r007", "r057"} <= approximate
    assert {rid: reports[rid]["workers_kind"] for rid in approximate} == dict.fromkeys(approximate, "estimate")


def test_the_readme_example_of_a_count_is_not_an_approximate_figure() -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    count_row = next(line for line in readme.splitlines() if line.startswith("| `count` |"))
    assert not APPROXIMATE.search(count_row)


# --- stated movements: the quote states them --------------------------------------------------------------

def names_of(place: dict[str, str]) -> list[str]:
    return [place["name"], *[alias for alias in place["aliases"].split(";") if alias]]


def test_a_stated_movements_quote_names_where_the_workers_came_from(
    reports: dict[str, dict[str, str]], places: dict[str, dict[str, str]]
) -> None:
    """The card shows the quote: a movement is stated only when the quote itself states it."""
    stated = {rid: row for rid, row in reports.items() if row["from_basis"] == "stated"}
    assert [rid for rid, row in stated.items()
            if not any(name in row["quote"] for name in names_of(places[row["from_place_id"]]))] == []
    assert [rid for rid, row in stated.items()
            if not any(name in row["quote"] for name in names_of(places[row["place_id"]]))] == []


@pytest.mark.parametrize(
    ("origin", "destination", "year"),
    [("pyongyang", "china", 2019), ("ryanggang-province", "china", 2025), ("hyesan", "china", 2025),
     ("changbai", "shenyang", 2025)],
)
def test_stated_origin_movements_are_drawn_as_stated_lines(origin: str, destination: str, year: int) -> None:
    from geo.data.load import load_dataset
    from geo.query.filters import Filters, filter_mask
    from tests.oracle import aggregate_flows

    dataset = load_dataset(DATA)
    shown = dataset.reports[filter_mask(dataset.reports, Filters(years=(year, year)))]
    flows = aggregate_flows(shown, dataset.places).set_index(["from_place_id", "to_place_id"])
    assert flows.loc[(origin, destination), "basis"] == "stated"


def test_every_origin_sentence_naming_a_destination_has_a_stated_movement(
    reports: dict[str, dict[str, str]], places: dict[str, dict[str, str]]
) -> None:
    """An origin report whose quote names the origin and says the workers went to China has a companion
    report with the line. (r038's quote does not name Ryanggang, so it states no movement.)"""
    origins = {rid: row for rid, row in reports.items() if row["role"] == "origin" and "China" in row["quote"]
               and any(name in row["quote"] for name in names_of(places[row["place_id"]]))}
    assert {"r012", "r013", "r037", "r042"} <= set(origins)
    lines = {(row["quote"], row["from_place_id"]) for row in reports.values() if row["from_basis"] == "stated"}
    assert [rid for rid, row in origins.items() if (row["quote"], row["place_id"]) not in lines] == []


# --- statements that had no row -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("words", "place_id", "presence"),
    [("aren’t many workers being sent to Liaoning Province [including Dandong]", "dandong", "few"),
     ("North Korean authorities have dispatched even greater numbers of workers to China", "china", "reported"),
     ("Most other UN member states, except for China, have begun to repatriate", "china", "reported"),
     ("private North Korean businesses have long managed to recruit North Koreans", "china", "reported"),
     ("Certain businesses have no doubt continued this practice", "china", "reported"),
     ("North Korean workers without proper visas", "china", "reported"),
     ("send workers to China for month-long stints", "china", "reported"),
     ("dispatched mostly unmarried women in their 20s", "china", "reported"),
     ("Many companies in Changbai County also want to use North Korean workers", "changbai", "sought")],
)
def test_statements_that_place_workers_have_a_row(reports: dict[str, dict[str, str]], words: str, place_id: str,
                                                  presence: str) -> None:
    found = [(row["place_id"], row["presence"]) for row in with_quote(reports, words).values()]
    assert (place_id, presence) in found


# --- sources ----------------------------------------------------------------------------------------------------

def test_the_transcend_text_has_its_address_as_its_terms_ask(sources: dict[str, dict[str, str]]) -> None:
    tms = sources["tms-2024"]
    assert tms["url"] == "https://www.transcend.org/tms/2024/06/north-korea-government-sponsored-labor-migration/"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", tms["url_checked"])
    assert tms["licence"] == "CC BY-NC 4.0"


def test_the_worldcrunch_year_gives_the_step_that_fixes_it(sources: dict[str, dict[str, str]]) -> None:
    note = sources["worldcrunch-2017"]["published_note"]
    for step in ("February 2017 to March 2018", "Resolution 2375", "11 September 2017", "Resolution 2397",
                 "Outside the source:"):
        assert step in note, step


def test_only_one_daily_nk_source_is_called_pyongyang_based(sources: dict[str, dict[str, str]]) -> None:
    notes = sources["dailynk-2019"]["notes"]
    assert "Pyongyang-based Daily NK sources" not in notes
    assert "one of them is called Pyongyang-based" in notes


# --- the editorial rules are written down ------------------------------------------------------------------------

@pytest.mark.parametrize(
    "rule",
    ["Hedges fill `caution`", "Outside the source:", "`per_unit`", "bordering North Korea",
     "What makes a statement a row", "`sought`"],
)
def test_the_readme_states_the_editorial_rules(rule: str) -> None:
    assert rule in (DATA / "README.md").read_text(encoding="utf-8")


def test_every_quote_added_for_issue_21_is_verbatim_in_its_seed(reports: dict[str, dict[str, str]],
                                                                sources: dict[str, dict[str, str]]) -> None:
    texts = {sid: squeeze((SEEDS / s["seed_file"]).read_text(encoding="utf-8")) for sid, s in sources.items()}
    assert [rid for rid, row in reports.items() if squeeze(row["quote"]) not in texts[row["source_id"]]] == []


# --- the second reading: a fact-checker who knew nothing of the changes -----------------------------------------

FRAGMENT = re.compile(r"(?<![A-Za-z])'([^']+?)'(?![A-Za-z])")
SENTENCE_END = re.compile(r"[.?!][”\"’')\]]*\s+(?=[“\"‘'(\[A-Z◆※])")


def seed_text(sources: dict[str, dict[str, str]], source_id: str) -> str:
    return squeeze((SEEDS / sources[source_id]["seed_file"]).read_text(encoding="utf-8"))


def sentence_of(seed: str, quote: str) -> str:
    """The sentence (or sentences) of ``seed`` that hold ``quote``."""
    start = seed.index(squeeze(quote))
    end = start + len(squeeze(quote))
    begin = max([m.end() for m in SENTENCE_END.finditer(seed, 0, start)], default=0)
    after = SENTENCE_END.search(seed, end)
    return seed[begin:after.start() + 1 if after else len(seed)]


def test_a_date_note_puts_only_the_sources_words_in_quote_marks(
    reports: dict[str, dict[str, str]], sources: dict[str, dict[str, str]]
) -> None:
    """'earn (present tense)', 'present tense': a gloss goes outside the quote marks."""
    glossed = [(rid, fragment) for rid, row in reports.items() for fragment in FRAGMENT.findall(row["date_note"])
               if squeeze(fragment) not in seed_text(sources, row["source_id"])]
    assert glossed == []


def test_a_date_note_quotes_its_own_clause_or_says_the_words_are_from_another_sentence(
    reports: dict[str, dict[str, str]], sources: dict[str, dict[str, str]]
) -> None:
    """'December' is not in 'They're selecting 5-7 people each …': quoting it dates the clause by a neighbour."""
    borrowed = []
    for rid, row in reports.items():
        sentence = sentence_of(seed_text(sources, row["source_id"]), row["quote"])
        for match in FRAGMENT.finditer(row["date_note"]):
            said_elsewhere = "another sentence" in row["date_note"][max(0, match.start() - 60):match.start()]
            if squeeze(match.group(1)) not in sentence and not said_elsewhere:
                borrowed.append((rid, match.group(1)))
    assert borrowed == []


@pytest.mark.parametrize("report_id", ["r041", "r042", "r043", "r046", "r047", "r064", "r065"])
def test_a_clause_without_a_month_is_dated_by_its_tense_and_the_reports_month(
    reports: dict[str, dict[str, str]], report_id: str
) -> None:
    row = reports[report_id]
    fragments = FRAGMENT.findall(row["date_note"])
    assert "December" not in fragments
    assert fragments and all(fragment in row["quote"] for fragment in fragments)
    assert "tense" in row["date_note"] and "December 2025" in row["date_note"]


def test_no_note_gives_the_deadline_a_year_the_daily_nk_text_does_not_print(
    reports: dict[str, dict[str, str]], sources: dict[str, dict[str, str]]
) -> None:
    dated = re.compile(r"Dec\. 22,? \d{4}")
    assert [rid for rid, row in reports.items() if dated.search(row["date_note"] + row["notes"] + row["caution"])] == []
    assert not dated.search(sources["dailynk-2019"]["published_note"])


@pytest.mark.parametrize(
    ("source_id", "outside"),
    [("dailynk-2019", "22 December 2017"), ("dailynk-2019", "24 months"),
     ("asiapress-2025", "Daily NK"), ("asiapress-2025", "about 8,000 won")],
)
def test_what_a_publication_date_takes_from_outside_the_text_is_marked(
    sources: dict[str, dict[str, str]], source_id: str, outside: str
) -> None:
    """Resolution 2397's adoption and its 24 months, and other publications' exchange rates, are not in the texts."""
    note = sources[source_id]["published_note"]
    assert outside in note and "Outside the source:" in note
    assert note.index("Outside the source:") < note.index(outside)


def test_recruitment_where_labour_is_lacking_is_demand_not_presence(reports: dict[str, dict[str, str]]) -> None:
    """'The recruitment of North Koreans is important in … provinces … that lack cheap labor': sought, as r048."""
    found = with_quote(reports, "The recruitment of North Koreans is important")
    assert sorted(row["place_id"] for row in found.values()) == ["jilin-province", "liaoning-province"]
    assert {row["presence"] for row in found.values()} == {"sought"}
    assert all(row["workers_min"] == row["workers_max"] == row["workers_as_stated"] == "" for row in found.values())


NOT_GIVEN = re.compile(r"\b(is|are|was|were) not (given|stated)\b")


def test_a_date_the_note_says_is_not_given_is_qualified(reports: dict[str, dict[str, str]]) -> None:
    """r049: 'the date of the underlying estimate is not given', yet dated 2024 as if exact."""
    unqualified = [rid for rid, row in reports.items()
                   if NOT_GIVEN.search(row["date_note"]) and not row["date_qualifier"]]
    assert unqualified == []
    assert reports["r049"]["date_qualifier"] == "approximate"


def test_a_practice_continued_from_an_unstated_start_is_approximate_like_the_practice(
    reports: dict[str, dict[str, str]]
) -> None:
    """Lu Chao's 'have … continued' (r070) reaches back as far as 'have long managed' (r069), and names no sanctions."""
    assert reports["r069"]["date_qualifier"] == reports["r070"]["date_qualifier"] == "approximate"
    assert "sanction" not in (reports["r070"]["notes"] + reports["r070"]["date_note"]).lower()


def test_until_recently_and_recently_are_two_periods_in_two_rows(reports: dict[str, dict[str, str]]) -> None:
    earlier = with_quote(reports, "mostly unmarried women in their 20s")
    later = with_quote(reports, "even married women have been included")
    assert len(earlier) == 1 and len(later) == 1 and earlier.keys() != later.keys()
    (before,), (after,) = earlier.values(), later.values()
    assert (before["sectors"], before["date_qualifier"]) == ("unspecified", "approximate")
    assert "Until recently" in before["date_note"]
    assert (after["sectors"], after["date_qualifier"]) == ("factory", "")


@pytest.mark.parametrize("report_id", ["r051", "r052", "r053", "r054"])
def test_the_sent_back_claim_is_not_tied_to_a_deadline_the_speaker_never_mentions(
    reports: dict[str, dict[str, str]], report_id: str
) -> None:
    notes = reports[report_id]["notes"]
    assert not re.search(r"sent back'[^.;]*deadline", notes)
    assert "does not mention the deadline" in notes


@pytest.mark.parametrize(
    ("words", "place_id", "role", "presence"),
    [("North Korea made a rare move to export their labor force", "china", "destination", "reported"),
     ("interviewed North Koreans who had worked in China under North Korean government", "china", "destination",
      "reported"),
     ("A North Korean waitress in Dandong, China", "dandong", "destination", "reported"),
     ("Going to China has become more common. Several people around me have gone.", "ryanggang-province",
      "origin", "reported")],
)
def test_the_statements_the_second_reading_found_have_a_row(
    reports: dict[str, dict[str, str]], words: str, place_id: str, role: str, presence: str
) -> None:
    found = [(row["place_id"], row["role"], row["presence"]) for row in with_quote(reports, words).values()]
    assert (place_id, role, presence) in found


@pytest.mark.parametrize("words", ["A North Korean waitress in Dandong, China", "had worked in China"])
def test_undated_moments_in_the_new_rows_are_approximate(reports: dict[str, dict[str, str]], words: str) -> None:
    """An undated photo and work done at some time before an interview are dated as r024 and r044 are."""
    (row,) = with_quote(reports, words).values()
    assert (row["date_basis"], row["date_qualifier"]) == ("inferred", "approximate")


@pytest.mark.parametrize(
    "judged",
    ["North Korea workers might be one of solutions to fill some low-end jobs in China",
     "Going to China has become more common"],
)
def test_the_readme_records_the_borderline_judgements(judged: str) -> None:
    assert judged in squeeze((DATA / "README.md").read_text(encoding="utf-8"))
