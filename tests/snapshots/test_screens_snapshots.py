"""Snapshots of the secondary screens at fixed sizes: the source reader with a highlighted
quote (120x40 and 80x24, dark and light), the help screen over it, and the disputes view."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen

from briefing.brief.model import Brief
from briefing.ui.screens.disputes import DisputesScreen
from briefing.ui.screens.entities import EntitiesScreen
from briefing.ui.screens.figures import FiguresScreen
from briefing.ui.screens.help import HelpScreen
from briefing.ui.screens.source import SourceReaderScreen

SnapCompare = Callable[..., bool]


class Host(App[None]):
    """Shows one screen, in the given theme."""

    def __init__(self, screen: Screen[Any], theme: str = "textual-dark") -> None:
        super().__init__()
        self.first = screen
        self.theme_name = theme

    def on_mount(self) -> None:
        """Apply the theme and show the screen."""
        self.theme = self.theme_name
        self.push_screen(self.first)


def reader(sample: Brief) -> SourceReaderScreen:
    """The reader on the harbour article at its elided quote (two highlighted spans)."""
    return SourceReaderScreen(sample, "src-harbour", "q-deal-value")


async def settle(pilot: Pilot[None]) -> None:
    """Let the reader's scroll-after-layout happen before the picture is taken."""
    await pilot.pause()
    await pilot.pause()


def test_reader_120x40(snap_compare: SnapCompare, sample: Brief) -> None:
    assert snap_compare(Host(reader(sample)), terminal_size=(120, 40), run_before=settle)


def test_reader_80x24(snap_compare: SnapCompare, sample: Brief) -> None:
    assert snap_compare(Host(reader(sample)), terminal_size=(80, 24), run_before=settle)


def test_reader_light_with_notes_80x24(snap_compare: SnapCompare, sample: Brief) -> None:
    screen = SourceReaderScreen(sample, "src-notes", "q-triple")
    app = Host(screen, theme="textual-light")
    assert snap_compare(app, terminal_size=(80, 24), press=["i"], run_before=settle)


def test_help_over_the_reader_120x40(snap_compare: SnapCompare, sample: Brief) -> None:
    assert snap_compare(
        Host(reader(sample)), terminal_size=(120, 40), press=["question_mark"], run_before=settle
    )


def test_disputes_120x40(snap_compare: SnapCompare, sample: Brief) -> None:
    assert snap_compare(Host(DisputesScreen(sample)), terminal_size=(120, 40))


def test_disputes_light_80x24(snap_compare: SnapCompare, sample: Brief) -> None:
    app = Host(DisputesScreen(sample), theme="textual-light")
    assert snap_compare(app, terminal_size=(80, 24))


def test_figures_120x40(snap_compare: SnapCompare, sample: Brief) -> None:
    assert snap_compare(Host(FiguresScreen(sample)), terminal_size=(120, 40))


def test_entities_80x24(snap_compare: SnapCompare, sample: Brief) -> None:
    assert snap_compare(Host(EntitiesScreen(sample, "su-57")), terminal_size=(80, 24))


def test_help_alone_80x24(snap_compare: SnapCompare) -> None:
    class Empty(App[None]):
        def on_mount(self) -> None:
            self.push_screen(HelpScreen())

    assert snap_compare(Empty(), terminal_size=(80, 24))
