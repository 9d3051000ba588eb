"""Claims in the reader: prose shows compact markers, never the raw `[@…]` of the brief."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import Static

from briefing.brief.loader import load_brief
from briefing.brief.model import Brief
from briefing.ui.app import BriefingApp
from briefing.ui.screens.disputes import DisputesScreen
from briefing.ui.widgets.detail import overview

CLAIMS = Path(__file__).parents[1] / "fixtures" / "claims" / "briefs" / "claims.yaml"
SIZE = (120, 40)


@pytest.fixture
def brief() -> Brief:
    return load_brief(CLAIMS, use_cache=False)


def static_text(widget: Static) -> str:
    content = widget.content
    return content.plain if isinstance(content, Text) else str(content)


async def test_the_detail_pane_shows_markers_not_raw_citations(brief: Brief) -> None:
    app = BriefingApp(brief, style="plain", overview=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")  # the timeline's second event: the cargo deal
        await pilot.pause()
        detail = static_text(app.screen.query_one("#detail-body", Static))
        assert "The agreement runs for ten years.[●2]" in detail
        assert "[@" not in detail


def test_the_brief_overview_shows_markers_not_raw_citations(brief: Brief) -> None:
    shown = overview(brief).plain
    assert "in March 2024.[○] The summit ended without a joint statement." in shown
    assert "how much capacity it adds.[●2]" in shown
    assert "[@" not in shown


async def test_the_disputes_screen_shows_its_kind_and_no_raw_citation(brief: Brief) -> None:
    app = BriefingApp(brief, style="plain")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DisputesScreen)
        assessment = screen.query_one("#dispute-assessment", Static)
        assert "A question of interpretation" in str(assessment.border_title)
        said = static_text(assessment)
        assert said.startswith("The harbour master is on the record; the delegate is anonymous.")
        claims = [static_text(s) for s in screen.query(".dispute-claim").results(Static)]
        assert claims == ["It doubles capacity.[○]", "It triples capacity."]
