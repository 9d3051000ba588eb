"""Prose from a brief (its summary, a topic's summary) with its citation markers.

Every piece of a brief's prose that may carry inline citations (`[@q-id; @q-id2]`) is
drawn here, so that how a marker looks and behaves is decided in one place: a compact
marker after each backed claim (`briefing.ui.claims`), never the raw `[@…]`.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from briefing import keys
from briefing.brief.model import Brief
from briefing.brief.prose import read_prose
from briefing.ui.bindings import bindings
from briefing.ui.claims import prose_text
from briefing.ui.widgets.rows import row_style


class Prose(VerticalScroll):
    """A focusable, scrollable block of prose with its markers."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"prose--marker"}
    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.PROSE)
    DEFAULT_CSS = """
    Prose > .prose--marker { color: $text-accent; }
    Prose > Static { width: 1fr; }
    """

    def __init__(
        self, brief: Brief, text: str | None, *, empty: str, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.brief = brief
        self.text = text
        self.empty = empty
        """What shows when there is no prose."""

    def compose(self) -> ComposeResult:
        """One Static, filled on mount (once the marker's colour is known)."""
        yield Static(classes="prose-body")

    def on_mount(self) -> None:
        """Draw the prose."""
        self._draw()

    def notify_style_update(self) -> None:
        """The theme changed: draw again in its colours."""
        super().notify_style_update()
        if self.is_mounted:
            self.call_after_refresh(self._draw)

    def _draw(self) -> None:
        if not self.is_attached:  # its screen was closed before this ran
            return
        if self.text and self.text.strip():
            prose = read_prose(self.brief, self.text)
            body = prose_text(prose, marker_style=row_style(self, "prose--marker"))
        else:
            body = Text(self.empty, "italic", end="")
        self.query_one(".prose-body", Static).update(body)

    @property
    def plain(self) -> str:
        """The prose as a reader sees it."""
        if not (self.text and self.text.strip()):
            return self.empty
        return prose_text(read_prose(self.brief, self.text)).plain
