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
    ]
    assert [r["id"] for r in review_order(reports)] == ["r2", "r3", "r1", "r4"]
