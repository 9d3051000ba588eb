"""The search screen with results, as the user sees it (fixed size, steady cursor)."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from briefing.brief.model import Brief
from briefing.ui.screens.search import SearchScreen


class Host(App[None]):
    """Opens the search screen over an empty app."""

    def __init__(self, brief: Brief) -> None:
        super().__init__()
        self.brief = brief

    def on_mount(self) -> None:
        self.push_screen(SearchScreen(self.brief))


async def type_query(pilot: Pilot[Any]) -> None:
    """Stop the cursor blinking, type a query with a typo, wait for its hits."""
    pilot.app.screen.query_one(Input).cursor_blink = False
    await pilot.app.workers.wait_for_complete()
    await pilot.press(*"kaliningard")
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def test_search_results(snap_compare: Any, sample: Brief) -> None:
    assert snap_compare(Host(sample), terminal_size=(100, 30), run_before=type_query)
