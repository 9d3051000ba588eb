"""Prose as shown: no raw `[@…]` marker reaches a reader, a search, a copy or an export."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.brief.bundled import default_brief
from briefing.brief.loader import load_brief
from briefing.brief.model import Brief
from briefing.brief.prose import read_prose
from briefing.cite.citations import cite_item
from briefing.cite.export import render
from briefing.cite.style_names import STYLES
from briefing.search.index import build_index
from briefing.search.ranking import search

CLAIMS = Path(__file__).parents[1] / "fixtures" / "claims" / "briefs" / "claims.yaml"


@pytest.fixture(scope="module", params=["claims", "bundled"])
def brief(request: pytest.FixtureRequest) -> Brief:
    return load_brief(CLAIMS if request.param == "claims" else default_brief(), use_cache=False)


def test_sentences_lose_their_markers_and_keep_their_evidence() -> None:
    brief = load_brief(CLAIMS, use_cache=False)
    prose = read_prose(brief, brief.summary)
    assert prose.plain == (
        "The Kaliningrad port signed a cargo deal with the Northern Alliance in March 2024. "
        "The summit ended without a joint statement.\n\n"
        "Sources disagree on what the deal is worth and how much capacity it adds. "
        "Deliveries of fighters slipped."
    )
    first, second, third = prose.backed
    assert [x.id for x in first.excerpts] == ["q-deal-signed", "q-deal-value"]
    assert (first.number, first.label, first.single_source) == (1, "○", True)
    assert [x.id for x in second.excerpts] == [
        "q-deal-value",
        "q-deal-critics",
        "q-capacity",
        "q-triple",
    ]
    assert (second.label, second.sources) == ("●2", ("src-harbour", "src-notes"))
    assert second.summary == "4 quotes from 2 sources"
    assert third.summary == "1 quote from 1 source (single source)"
    assert prose.sentences[1].evidence is None


def test_no_export_shows_a_raw_marker(brief: Brief) -> None:
    for format_ in ("markdown", "html"):
        assert "[@" not in render(brief, format_)
        assert "@q-" not in render(brief, format_)


def test_no_copy_shows_a_raw_marker(brief: Brief) -> None:
    for item_id in brief.items:
        for style in STYLES:
            assert "@q-" not in cite_item(brief, item_id, style), (item_id, style)


def test_no_search_preview_shows_a_raw_marker(brief: Brief) -> None:
    index = build_index(brief)
    for query in ("the", "deal", "visit", "q-"):
        for hit in search(index, query, limit=500):
            assert "[@" not in hit.preview and "@q-" not in hit.preview
