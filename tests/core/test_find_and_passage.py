"""Finding text in an article (case- and accent-blind) and choosing a passage by sentence."""

from __future__ import annotations

from briefing.brief.model import Brief
from briefing.brief.passage import (
    Place,
    Selection,
    next_sentence_end,
    passage_excerpt,
    sentence_at,
    sentence_ends,
)
from briefing.cite.citations import cite_gathered
from briefing.cite.gathering import gather_passage
from briefing.search.find import Found, find_text, next_match


def test_find_is_blind_to_case_and_accents_and_reports_raw_offsets() -> None:
    paragraphs = ["Ana Lúcio wrote it.", "LUCIO and lucio", "nothing here"]
    found = find_text(paragraphs, "lucio")
    assert [paragraphs[f.paragraph][f.start : f.end] for f in found] == ["Lúcio", "LUCIO", "lucio"]
    assert find_text(paragraphs, "Lúcio ") == found
    assert find_text(paragraphs, "   ") == []
    assert find_text(["the Su-57 jet"], "su 57") == [Found(0, 4, 9)]


def test_next_match_wraps_round_like_less() -> None:
    matches = [Found(0, 5, 8), Found(2, 0, 3), Found(4, 1, 4)]
    assert next_match(matches, (2, 0), 1) == 2
    assert next_match(matches, (4, 1), 1) == 0
    assert next_match(matches, (0, 5), -1) == 2
    assert next_match([], (0, 0), 1) is None


def test_sentences_end_at_stops_but_not_after_abbreviations() -> None:
    text = "Mr. Smith went to Washington. He said “no.” Then he left! And that was it"
    ends = sentence_ends(text)
    assert [text[:e].rsplit(" ", 2)[-1] for e in ends] == ["Washington.", "“no.”", "left!", "it"]
    start, end = sentence_at([text], Place(0, 33))
    assert text[start.offset : end.offset] == "He said “no.”"


def test_a_selection_extends_into_the_next_paragraph_and_takes_back_in_turn() -> None:
    paragraphs = ["One. Two.", "Three. Four."]
    selection = Selection(*sentence_at(paragraphs, Place(0, 0)))
    selection = selection.extended(next_sentence_end(paragraphs, selection.end))
    selection = selection.extended(next_sentence_end(paragraphs, selection.end))
    assert selection.ranges(paragraphs) == [(0, 0, 9), (1, 0, 6)]
    assert selection.taken_back().ranges(paragraphs) == [(0, 0, 9)]
    assert selection.taken_back().taken_back().taken_back().ranges(paragraphs) == [(0, 0, 4)]


def test_a_passage_is_cited_like_an_excerpt_with_its_paragraph(sample: Brief) -> None:
    source = sample.source("src-harbour")
    start, end = sentence_at(source.paragraphs, Place(4, 10))  # ¶5: "The deal is worth …"
    passage = passage_excerpt(source, start, end)
    assert passage is not None
    assert passage.quote == source.paragraphs[4]
    assert passage.id == "passage-src-harbour-p5"
    assert sample.get(passage.id) is None
    apa = cite_gathered(sample, gather_passage(passage), "apa")
    assert apa.startswith("“The deal is worth 1.2 billion euros over ten years")
    assert "(Lúcio, 2024, para. 5)." in apa
    assert "Lúcio, A. (2024, March 4). Harbour deal signed in Kaliningrad." in apa
