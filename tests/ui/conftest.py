"""UI test fixtures: no blinking cursors (stable snapshots), and an app on the sample brief."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.command import CommandList
from textual.pilot import Pilot

from briefing.brief.model import Brief
from briefing.ui.app import BriefingApp


@pytest.fixture(autouse=True)
def no_blinking(steady_cursor: None) -> None:
    """Steady cursors in every UI test (see tests/conftest.py)."""


@pytest.fixture
def app(sample: Brief) -> BriefingApp:
    """The reader on the sample brief."""
    return BriefingApp(sample, style="plain", overview=False)


async def _palette_hits(pilot: Pilot[None], query: str) -> list[str]:
    """Open the command palette, type the query and return the hits once listed (the
    palette searches in the background; this waits on it, pausing rather than sleeping)."""
    await pilot.press("ctrl+p", *query)
    for _ in range(500):
        await pilot.pause()
        found = pilot.app.screen.query(CommandList)
        if found and found.first().option_count:
            listing = found.first()
            return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
    return []


@pytest.fixture
def palette() -> Callable[[Pilot[None], str], Awaitable[list[str]]]:
    """Open the palette, type a query, get the hits."""
    return _palette_hits
