"""Screens that close only themselves.

Textual's `Screen.dismiss` pops whichever screen is on top. Keys that arrive in a burst are
queued in the widget that had the focus when the app read them, so after one key closes a
screen, the next ones still reach that screen's widgets: an Enter queued behind the Enter
that chose an entity dismissed the main screen too (ScreenStackError), and on a deeper
stack it would silently close the screen below. `OnTop` ignores a dismiss once the screen
is no longer the active one.
"""

from __future__ import annotations

from typing import TypeVar

from textual.await_complete import AwaitComplete
from textual.screen import ModalScreen, Screen

ResultT = TypeVar("ResultT")


class OnTop(Screen[ResultT]):
    """A screen whose dismiss does nothing unless it is the active screen."""

    def dismiss(self, result: ResultT | None = None) -> AwaitComplete:
        """Close this screen with a result, if it is still the one on top."""
        if not self.is_active:
            nothing: AwaitComplete = AwaitComplete.nothing()  # type: ignore[no-untyped-call]
            return nothing
        return super().dismiss(result)


class ModalOnTop(ModalScreen[ResultT], OnTop[ResultT]):
    """A modal screen (the screen below shows through) that only closes itself.

    ModalScreen comes first: Textual inherits styles (and component classes) along the
    first base only, and OnTop has none; `dismiss` still resolves to OnTop's."""
