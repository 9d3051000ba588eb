"""Ranking, matching and filters of the search index, against the brief written for tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.brief.loader import load_brief
from briefing.brief.model import Brief
from briefing.search.hits import Hit, window
from briefing.search.index import completions, index_for
from briefing.search.ranking import search


def ids(brief: Brief, query: str, limit: int = 50) -> list[str]:
    return [hit.id for hit in search(index_for(brief), query, limit)]


def highlighted(hit: Hit) -> list[str]:
    return [hit.preview[a:b] for a, b in hit.ranges]


def test_typo_finds_kaliningrad_first(sample: Brief) -> None:
    hits = search(index_for(sample), "kaliningard")
    assert hits[0].id == "kaliningrad"
    assert {"ev-deal", "q-deal-signed", "src-harbour"} <= {h.id for h in hits}
    assert highlighted(hits[0]) == ["Kaliningrad"]


def test_accents_do_not_matter(sample: Brief) -> None:
    hits = search(index_for(sample), "lucio")
    assert [h.id for h in hits] == ["src-harbour"]
    assert highlighted(hits[0]) == ["Lúcio"]
    assert ids(sample, "LÚCIO") == ["src-harbour"]


def test_alias_finds_items_naming_the_entity(sample: Brief) -> None:
    found = ids(sample, "Sukhoi-57")
    assert found[0] == "su-57"
    assert {"ev-order", "q-su57-order", "q-first-jets"} <= set(found)
    order = next(h for h in search(index_for(sample), "Sukhoi-57") if h.id == "q-su57-order")
    assert order.via == "Sukhoi-57"


def test_the_alliance_finds_its_organisation_first(sample: Brief) -> None:
    found = ids(sample, "the Alliance")
    assert found[0] == "northern-alliance"
    assert "q-deal-signed" in found  # names the entity, not "the Alliance"


def test_exact_phrase_before_whole_words_before_prefixes_before_typos(tmp_path: Path) -> None:
    brief = write_brief(
        tmp_path,
        [
            "Fuel cargo ships were late.",  # whole words, not a phrase
            "A cargo fuel deal.",  # the phrase
            "Cargoes of fuels.",  # word starts
            "Crago of fule.",  # typos only
        ],
    )
    hits = search(index_for(brief), "cargo fuel")
    assert [h.id for h in hits[:3]] == ["x1", "x0", "x2"]
    assert [h.rank for h in hits] == [1, 2, 3, 5]
    assert hits[3].id == "x3"
    assert highlighted(hits[3]) == ["Crago", "fule"]
    assert [h.id for h in search(index_for(brief), "cargoo")][:1] == ["x0"]


def test_name_equal_to_query_ranks_first(sample: Brief) -> None:
    hits = search(index_for(sample), "kaliningrad")
    assert (hits[0].id, hits[0].rank) == ("kaliningrad", 0)


def test_every_word_must_match(sample: Brief) -> None:
    assert ids(sample, "container capacity") == ["d-capacity", "q-capacity", "q-triple"]
    assert ids(sample, "container capacity doubles") == ["d-capacity", "q-capacity"]
    assert ids(sample, "container zebra") == []


def test_quoted_phrase_and_exclusion(sample: Brief) -> None:
    assert ids(sample, '"capacity will triple"') == ["q-triple"]
    assert ids(sample, '"triple capacity"') == []
    assert ids(sample, "container capacity -triple") == ["d-capacity", "q-capacity"]
    assert "q-triple" not in ids(sample, 'capacity -"will triple"')


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind:figure", ["fig-deal-value", "fig-su57-units"]),
        ("kind:event kaliningrad", ["ev-deal"]),
        ("year:2021", ["ev-order", "fig-su57-units", "q-su57-order"]),
        ("entity:su-57", ["su-57", "ev-order", "q-su57-order", "q-first-jets"]),
        ("source:src-notes kind:excerpt", ["q-summit", "q-triple"]),
        ("topic:fighters kind:event", ["ev-order", "ev-deliveries"]),
        ("topic:t-defence kind:excerpt", ["q-su57-order", "q-first-jets", "q-delays", "q-hedge"]),
    ],
)
def test_filters(sample: Brief, query: str, expected: list[str]) -> None:
    assert ids(sample, query) == expected


def test_every_kind_is_searchable(sample: Brief) -> None:
    assert ids(sample, "harbour master Nowak")[0] == "nowak"  # entity role
    assert ids(sample, "aircraft kind:figure") == ["fig-su57-units"]  # figure unit
    assert ids(sample, "delegate anonymous") == ["d-capacity"]  # dispute assessment
    assert ids(sample, "Baltic Ledger") == ["src-harbour"]  # source outlet
    assert ids(sample, "ports cargo kind:topic") == ["t-trade"]  # topic summary
    assert ids(sample, "ten years") == ["ev-deal"]  # event detail
    assert ids(sample, "authority figure") == ["q-deal-value"]  # excerpt note


def test_hit_says_where_it_comes_from(sample: Brief) -> None:
    hit = search(index_for(sample), "twelve aircraft")[0]
    assert (hit.kind, hit.id, hit.source, hit.paragraph) == (
        "excerpt",
        "q-su57-order",
        "src-fighters",
        2,
    )
    assert hit.where == "[Report on fighter deliveries] ¶2"
    event = search(index_for(sample), "summit ends")[0]
    assert (event.id, event.date, event.where) == ("ev-summit", "Sep 2024", "Sep 2024")


def test_long_text_preview_is_the_window_around_the_match(tmp_path: Path) -> None:
    long = " ".join(f"filler{n}" for n in range(60)) + " the needle is here " + "tail " * 40
    brief = write_brief(tmp_path, [long.strip()])
    hit = search(index_for(brief), "needle")[0]
    assert hit.preview.startswith("…") and hit.preview.endswith("…")
    assert len(hit.preview) <= 102
    assert highlighted(hit) == ["needle"]
    assert "filler59 the needle" in hit.preview


def test_empty_query_finds_nothing(sample: Brief) -> None:
    assert ids(sample, "") == []
    assert ids(sample, "   -word") == []


def test_index_is_built_once_per_brief(sample: Brief, sample_path: Path) -> None:
    assert index_for(sample) is index_for(sample)
    assert index_for(load_brief(sample_path, use_cache=False)) is not index_for(sample)


def test_completions_for_the_filter_under_the_cursor(sample: Brief) -> None:
    index = index_for(sample)
    assert [c.text for c in completions(index, "deal topic:por", 14)] == ["topic:t-ports"]
    assert [c.text for c in completions(index, "ki", 2)] == ["kind:"]
    kinds = [c.text for c in completions(index, "kind:", 5)]
    assert kinds == [
        f"kind:{k}" for k in ("entity", "topic", "event", "figure", "dispute", "source", "excerpt")
    ]
    years = [c.text for c in completions(index, "year:202", 8)]
    assert years[:2] == ["year:2021", "year:2024"]
    assert years == sorted(years)
    sukhoi = completions(index, "entity:sukh", 11)
    assert [(c.text, c.label, c.start, c.end) for c in sukhoi] == [
        ("entity:su-57", "Su-57 · Sukhoi-57", 0, 11)
    ]
    assert [c.text for c in completions(index, "source:notes", 12)] == ["source:src-notes"]
    assert completions(index, "deal", 4) == []


def write_brief(folder: Path, quotes: list[str]) -> Brief:
    """A one-source brief whose article is the quotes, one per paragraph."""
    (folder / "article.txt").write_text("\n\n".join(quotes) + "\n", encoding="utf-8")
    excerpts = "".join(
        f"  - id: x{n}\n    source: s\n    quote: '{q}'\n    topics: [t]\n"
        for n, q in enumerate(quotes)
    )
    text = (
        "format: briefing/1\nid: tiny\ntitle: Tiny\nas_of: 2025-01-01\n"
        "sources:\n  - id: s\n    title: Article\n    file: article.txt\n"
        "topics:\n  - id: t\n    title: Everything\n"
        "events:\n  - id: e\n    date: 2025-01-01\n    title: Something\n    topics: [t]\n"
        "    excerpts: [x0]\n"
        f"excerpts:\n{excerpts}"
    )
    (folder / "tiny.yaml").write_text(text, encoding="utf-8")
    return load_brief(folder / "tiny.yaml", use_cache=False)


def test_preview_is_sanitised_and_highlights_stay_on_the_match() -> None:
    text = "Alert\x1b]52;c;evil\x07 then\n\n  the  needle"
    start = text.index("needle")
    preview, ranges = window(text, [(start, start + 6)])
    assert preview == "Alert␛]52;c;evil␇ then the needle"
    assert [preview[a:b] for a, b in ranges] == ["needle"]


def test_preview_of_a_match_at_the_end_of_a_long_text() -> None:
    text = "word " * 100 + "needle."
    start = text.index("needle")
    preview, ranges = window(text, [(start, start + 6)])
    assert preview.startswith("…") and preview.endswith("needle.")
    assert [preview[a:b] for a, b in ranges] == ["needle"]


def test_building_an_index_leaves_the_garbage_collector_alone(sample: Brief) -> None:
    import gc

    from briefing.search.index import build_index

    frozen, enabled = gc.get_freeze_count(), gc.isenabled()
    build_index(sample)
    assert (gc.get_freeze_count(), gc.isenabled()) == (frozen, enabled)
