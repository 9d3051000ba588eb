"""Snapshots of the basket screen: three clips, one with a note, and the note field open."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot

from briefing.brief.model import Brief
from briefing.cite.basket import Basket, make_clip
from briefing.ui.screens.basket import BasketScreen

SnapCompare = Callable[..., bool]


@pytest.fixture(autouse=True)
def filled(sample: Brief) -> None:
    """Three clips in the basket, the second with a note."""
    basket = Basket()
    for item in ("q-deal-signed", "d-capacity", "q-su57-order"):
        basket.add(make_clip(sample, item))
    basket.set_note(basket.clips[1].id, "Two sources disagree; cite both.")


class Host(App[None]):
    """Shows the basket screen."""

    def __init__(self, screen: Any) -> None:
        super().__init__()
        self.first = screen

    def on_mount(self) -> None:
        """Show the screen under test."""
        self.push_screen(self.first)


def test_basket_100x30(snap_compare: SnapCompare, sample: Brief) -> None:
    assert snap_compare(Host(BasketScreen(sample)), terminal_size=(100, 30))


def test_basket_note_open_100x30(snap_compare: SnapCompare, sample: Brief) -> None:
    async def open_note(pilot: Pilot[None]) -> None:
        await pilot.press("down", "n")
        await pilot.pause()

    assert snap_compare(Host(BasketScreen(sample)), terminal_size=(100, 30), run_before=open_note)
