"""Snapshots of the main screen on the sample brief: 80x24 and 120x40, dark and light, and
with a topic filter and an event narrowing applied."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from briefing.brief.loader import load_brief
from briefing.ui.app import BriefingApp

SnapCompare = Callable[..., bool]
SAMPLE = Path(__file__).parent.parent / "fixtures" / "sample" / "briefs" / "sample.yaml"


class ThemedApp(BriefingApp):
    """The reader on the sample brief in a given theme, with the style fixed to plain, on
    the panes (or on the overview)."""

    def __init__(self, theme: str, *, overview: bool = False) -> None:
        super().__init__(load_brief(SAMPLE, use_cache=False), style="plain", overview=overview)
        self.theme_name = theme

    def on_mount(self) -> None:
        """Apply the theme before the first picture."""
        self.theme = self.theme_name


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_main_screen(snap_compare: SnapCompare, theme: str, size: tuple[int, int]) -> None:
    assert snap_compare(ThemedApp(theme), terminal_size=size)


def test_main_screen_filtered_by_topic_and_event(snap_compare: SnapCompare) -> None:
    async def narrow(pilot: Pilot[None]) -> None:
        await pilot.pause()
        screen = pilot.app.screen
        screen.show_item("t-ports")  # type: ignore[attr-defined]
        await pilot.pause()
        screen.show_item("ev-deal")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(ThemedApp("textual-dark"), terminal_size=(120, 40), run_before=narrow)


def test_main_screen_narrow_with_filter(snap_compare: SnapCompare) -> None:
    async def narrow(pilot: Pilot[None]) -> None:
        await pilot.pause()
        pilot.app.screen.show_item("su-57")  # type: ignore[attr-defined]
        await pilot.pause()

    assert snap_compare(ThemedApp("textual-light"), terminal_size=(80, 24), run_before=narrow)


def test_main_screen_wide_with_the_detail_beside(snap_compare: SnapCompare) -> None:
    assert snap_compare(ThemedApp("textual-light"), terminal_size=(200, 60))
