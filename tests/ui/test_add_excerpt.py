"""`A` in the source reader: the selected passage becomes a new excerpt of the brief: an
id is suggested, topics are ticked in a list, the file is edited as text, checked, and
the reader shows the new excerpt. An edit that would break the brief is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_live_reload import FIXTURE, Recording
from test_reader import status

from briefing.brief.loader import load_brief
from briefing.ui.screens.source import SourceReaderScreen


@pytest.fixture
def brief_path(tmp_path: Path) -> Path:
    """A copy of the sample brief and its articles that the reader may add to."""
    shutil.copytree(FIXTURE, tmp_path / "sample")
    return tmp_path / "sample" / "briefs" / "sample.yaml"


async def test_a_selection_becomes_a_checked_excerpt_of_the_brief(brief_path: Path) -> None:
    before = brief_path.read_text(encoding="utf-8")
    app = Recording(load_brief(brief_path, use_cache=False), style="plain", overview=False)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.show_item("q-deal-value")  # type: ignore[attr-defined]
        await pilot.press("o", "v", "A")  # the whole sentence around the elided quote
        field = app.screen.query_one("#excerpt-id")
        assert field.value == "q-deal-worth-1-2"  # type: ignore[attr-defined]
        await pilot.press("ctrl+u", *"q-full-value", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SourceReaderScreen)
        assert app.brief is not None
        added = app.brief.excerpt("q-full-value")
        assert added.quote.startswith("The deal is worth 1.2 billion euros over ten years")
        assert added.topics == ("t-ports",)  # the current quote's topics, as ticked
        assert added.paragraph == 5
        assert "Quote 4 of 5 · ¶5  q-full-value" in status(app)
    after = brief_path.read_text(encoding="utf-8")
    assert after.startswith(before.split("\nexcerpts:")[0])  # the author's text untouched
    assert "- id: q-full-value" in after


async def test_no_topic_ticked_asks_for_one_and_escape_cancels(brief_path: Path) -> None:
    before = brief_path.read_text(encoding="utf-8")
    app = Recording(load_brief(brief_path, use_cache=False), style="plain", overview=False)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen._open_reader("src-fighters")  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.press("v", "A", "enter")
        assert app.messages[-1][0].startswith("Tick at least one topic")
        await pilot.press("tab", "space", "escape")
        assert isinstance(app.screen, SourceReaderScreen)
    assert brief_path.read_text(encoding="utf-8") == before


async def test_an_id_that_is_taken_is_refused_and_the_file_untouched(brief_path: Path) -> None:
    before = brief_path.read_text(encoding="utf-8")
    app = Recording(load_brief(brief_path, use_cache=False), style="plain", overview=False)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.show_item("q-capacity")  # type: ignore[attr-defined]
        await pilot.press("o", "v", "A", "ctrl+u", *"q-summit", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        message, title = app.messages[-1]
        assert title == "Not added" and "q-summit" in message
    assert brief_path.read_text(encoding="utf-8") == before


async def test_a_without_a_selection_says_how(brief_path: Path) -> None:
    app = Recording(load_brief(brief_path, use_cache=False), style="plain", overview=False)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.show_item("q-capacity")  # type: ignore[attr-defined]
        await pilot.press("o", "A")
        assert app.messages[-1][0] == "Select a passage first: v, then ) or j to extend it."
