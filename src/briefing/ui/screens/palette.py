"""Textual's command palette, as this app opens it.

Two of its crashes are worked around here and in `BriefingApp.on_event`: an Enter queued
behind the one that chose a command no longer closes the screen below (see
ui/screens/closing.py), and Ctrl+P pressed again while the last palette was still being
removed no longer raises DuplicateIds (Textual gives every palette the same id).
"""

from __future__ import annotations

from contextlib import suppress

from textual import work
from textual.command import CommandInput, CommandList, CommandPalette
from textual.css.query import NoMatches
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input

from briefing.ui.screens.closing import OnTop
from briefing.ui.text import MAX_TYPED

PAGING_KEYS = frozenset({"pageup", "pagedown"})


class Palette(CommandPalette, OnTop[None]):
    """The command palette; it only ever closes itself."""

    def on_mount(self) -> None:
        """Cap the search box like every other text box: a 130,000-character paste into
        it kept Textual's fuzzy search over the commands busy for minutes."""
        self.query_one(CommandInput).max_length = MAX_TYPED

    def post_message(self, message: Message) -> bool:
        """Take no more typing once closed: keys queued in its input behind the Enter that
        closed it changed the input, and the search that started then found the palette's
        list already removed (NoMatches, in a worker, which ended the app)."""
        if isinstance(message, Input.Changed) and not self.is_active:
            return False
        return super().post_message(message)

    @work(exclusive=True, group=CommandPalette._GATHER_COMMANDS_GROUP)
    async def _gather_commands(self, search_value: str) -> None:
        """Textual's search, ended quietly when the palette closes while it runs: its list
        is gone then, and the NoMatches raised in the worker ended the whole app."""
        gather = CommandPalette._gather_commands.__wrapped__  # type: ignore[attr-defined]
        with suppress(NoMatches):
            await gather(self, search_value)


def paging_too_early(screen: Screen[object], key: str) -> bool:
    """True for PageUp or PageDown in a command palette whose list has no size yet.

    Textual's OptionList looks the highlighted option up in a line table that is only
    filled once the list has a size, so Ctrl+P followed at once by PageUp raised KeyError.
    Until then paging has nothing to move through; the key is dropped.
    """
    if key not in PAGING_KEYS or not isinstance(screen, CommandPalette):
        return False
    return not screen.query_one(CommandList).scrollable_content_region
