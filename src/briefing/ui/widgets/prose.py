"""Prose from a brief (its summary, a topic's summary) with its citation markers.

Every piece of a brief's prose that may carry inline citations (`[@q-id; @q-id2]`) is
drawn here, so that how a marker looks and behaves is decided in one place: for now each
marker is a small superscript number, never the raw `[@…]`.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from briefing import keys
from briefing.brief.claims import citations
from briefing.ui.bindings import bindings
from briefing.ui.text import safe
from briefing.ui.widgets.rows import row_style

SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript(number: int) -> str:
    """`12` -> `¹²`."""
    return str(number).translate(SUPERSCRIPTS)


def prose_text(text: str, marker_style: Style | str = "dim") -> Text:
    """Untrusted prose as Text, each citation marker shown as the next superscript number
    right after the claim it backs (the space before the marker goes)."""
    text = text.strip()
    shown = Text(end="")
    position = 0
    for number, citation in enumerate(citations(text), 1):
        shown.append_text(safe(text[position : citation.start].rstrip(" \t")))
        shown.append(superscript(number), marker_style)
        position = citation.end
    shown.append_text(safe(text[position:]))
    return shown


class Prose(VerticalScroll):
    """A focusable, scrollable block of prose with its markers."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"prose--marker"}
    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.PROSE)
    DEFAULT_CSS = """
    Prose > .prose--marker { color: $text-accent; }
    Prose > Static { width: 1fr; }
    """

    def __init__(self, text: str | None, *, empty: str, id: str | None = None) -> None:
        super().__init__(id=id)
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
            body = prose_text(self.text, row_style(self, "prose--marker"))
        else:
            body = Text(self.empty, "italic", end="")
        self.query_one(".prose-body", Static).update(body)

    @property
    def plain(self) -> str:
        """The prose as a reader sees it."""
        return prose_text(self.text or self.empty).plain
