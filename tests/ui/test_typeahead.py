"""Keys typed faster than a screen opens are not lost: `/kal` typed in one burst searches
for `kal`, from the overview and from the panes alike."""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import Input

from briefing.brief.model import Brief
from briefing.ui.app import BriefingApp
from briefing.ui.screens.search import SearchScreen


def _burst(app: BriefingApp, text: str) -> None:
    """Post every key at once, as a terminal delivers a fast typist's keys or a paste of
    keys: none waits for the screen the one before it opens."""
    for character in text:
        key = "slash" if character == "/" else character
        app.post_message(events.Key(key, character))


@pytest.mark.parametrize("overview", [True, False], ids=["from-the-overview", "from-the-panes"])
async def test_letters_typed_right_after_slash_reach_the_search_box(
    sample: Brief, overview: bool
) -> None:
    app = BriefingApp(sample, overview=overview)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        _burst(app, "/kal")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(Input).value == "kal"


async def test_typing_on_after_the_burst_continues_the_query(sample: Brief) -> None:
    app = BriefingApp(sample)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        _burst(app, "/kal")
        await pilot.pause()
        await pilot.press("i", "n")
        assert app.screen.query_one(Input).value == "kalin"
