"""The article as the review page shows it: escaped text, each candidate's passage marked on its own."""

from __future__ import annotations

from geo.drafting.review import marked_article, passage_spans

TEXT = "Workers <b>arrived</b> in Yanji. Dozens work in Hunchun, but few in Tumen. [x](https://evil.example)"


def test_spans_are_where_each_quote_first_occurs_or_none() -> None:
    assert passage_spans(TEXT, ["Yanji", "nowhere", ""]) == [(TEXT.index("Yanji"), TEXT.index("Yanji") + 5), None, None]


def test_text_is_escaped_and_never_parsed() -> None:
    html = marked_article(TEXT, [])
    assert "&lt;b&gt;arrived&lt;/b&gt;" in html and "<b>" not in html and "<a" not in html
    assert "[x](https://evil.example)" in html and "<mark" not in html


def test_a_clause_inside_a_sentence_is_marked_apart_and_only_the_selected_candidate_is_highlighted() -> None:
    sentence = "Dozens work in Hunchun, but few in Tumen."
    html = marked_article(TEXT, [sentence, "few in Tumen."], selected=1, decisions=["no", ""])
    assert "class='rejected' data-candidates='1' " in html
    assert "line-through'>Dozens work in Hunchun, but </mark>" in html
    assert "class='selected' data-candidates='1 2'" in html and html.count("class='selected'") == 1
    html = marked_article(TEXT, [sentence, "few in Tumen."], decisions=["no", "no"])
    assert "class='rejected' data-candidates='1 2'" in html and "class='passage'" not in html


def test_candidates_placed_by_a_reference_back_or_a_fallback_come_first() -> None:
    from geo.drafting.review import review_order

    reports = [
        {"id": "r1", "reason": "place: 'Dandong' is Dandong (city, Liaoning) in the gazetteer"},
        {"id": "r2", "reason": "place: the sentence names no place but refers back ('there') → Yanji; role: ..."},
        {"id": "r3", "reason": "place: fallback: 'Yanbian' is not in the gazetteer; recorded at Jilin Province"},
        {"id": "r4", "reason": "place: 'Hunchun' is Hunchun (city, Jilin) in the gazetteer"},
        # The dateline's city and the story's country or China, for a sentence naming no place, came last.
        {"id": "r5", "reason": "place: the sentence under the dateline names no other place where workers are: "
                               "the dateline's Dandong; role: ..."},
        {"id": "r6", "reason": "place: the sentence names no place; a general statement about China → China; ..."},
    ]
    assert [r["id"] for r in review_order(reports)] == ["r2", "r3", "r5", "r6", "r1", "r4"]


def _naive_marks(text: str, quotes: list[str]) -> list[tuple[int, int, list[int]]]:
    """The plain reading of what marked_article marks: every stretch between passage edges, with the
    candidates whose first occurrence covers it (a find per quote, a scan per stretch)."""
    spans = [(text.find(q), text.find(q) + len(q)) if q and text.find(q) >= 0 else None for q in quotes]
    cuts = sorted({0, len(text)} | {edge for span in spans if span for edge in span})
    return [(a, b, [n + 1 for n, s in enumerate(spans) if s and s[0] <= a and b <= s[1]])
            for a, b in zip(cuts, cuts[1:], strict=False)]


def test_the_marks_are_those_of_the_plain_reading_with_overlaps_repeats_and_misses() -> None:
    """The one-pass search and the sweep mark what a find per quote and a scan per stretch would."""
    import random
    import re

    from geo.drafting.review import marked_article

    rng = random.Random(7)
    for _ in range(200):
        text = "".join(rng.choice("ab. ") for _ in range(rng.randint(0, 60)))
        quotes = []
        for _ in range(rng.randint(0, 8)):
            start = rng.randint(0, max(len(text) - 1, 0))
            quotes.append(text[start:start + rng.randint(1, 12)] if rng.random() < 0.8 else "zz")
        html = marked_article(text, quotes)
        marked = re.findall(r"data-candidates='([\d ]+)'", html)
        expected = [" ".join(map(str, covering)) for _, _, covering in _naive_marks(text, quotes) if covering]
        assert marked == expected, (text, quotes)
