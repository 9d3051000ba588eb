"""The query language and the folding behind case- and accent-blind matching."""

from __future__ import annotations

from briefing.search.query import fold, fold_with_map, parse_query, token_at


def test_fold_drops_accents_case_and_punctuation() -> None:
    assert fold("Ana LÚCIO") == "ana lucio"
    assert fold("Sukhoi-57") == "sukhoi 57"
    assert fold("“This agreement,” said") == "this agreement said"
    assert fold("Straße") == "strasse"


def test_fold_with_map_points_back_to_the_original() -> None:
    text = "Ana  Lúcio, Straße"
    folded, offsets = fold_with_map(text)
    assert folded == "ana lucio strasse"
    start = folded.index("lucio")
    assert text[offsets[start] : offsets[start + 4] + 1] == "Lúcio"
    s = folded.index("strasse")
    assert text[offsets[s] : offsets[s + len("strasse") - 1] + 1] == "Straße"
    assert offsets[-1] == len(text)


def test_words_phrases_exclusions() -> None:
    query = parse_query('Deal "Container capacity" -triple  -"joint statement" Su-57')
    assert query.words == ("deal", "su", "57")
    assert query.phrases == ("container capacity",)
    assert query.excluded == ("triple", "joint statement")
    assert query.phrase == "deal su 57"


def test_filters_are_collected_and_unknown_prefixes_are_words() -> None:
    query = parse_query('kind:event topic:"t-ports" year:2024 at 10:30 source: entity:su-57')
    assert query.filters == {
        "kind": ("event",),
        "topic": ("t-ports",),
        "year": ("2024",),
        "entity": ("su-57",),
    }
    assert query.words == ("at", "10", "30")


def test_empty_and_filter_only_queries() -> None:
    assert parse_query("   ").is_empty
    assert parse_query("-word").is_empty
    assert parse_query("topic:").is_empty
    assert not parse_query("kind:event").is_empty


def test_token_under_the_cursor() -> None:
    text = "deal topic:po kind"
    assert token_at(text, 13).text == "topic:po"
    assert token_at(text, 8).text == "topic:po"
    assert (token_at(text, 13).start, token_at(text, 13).end) == (5, 13)
    assert token_at("deal ", 5).text == ""
