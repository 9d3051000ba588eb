"""Prose from a brief (its summary, a topic's summary) with its citation markers.

Every piece of a brief's prose that may carry inline citations (`[@q-id; @q-id2]`) is
drawn here, so that how a marker looks and behaves is decided in one place: a compact
marker after each backed claim (`briefing.ui.claims`), never the raw `[@…]`. The markers
are selectable: ←/→ (or [ and ]) move between them, Enter or a click lists the quotes
behind the claim (`EvidenceScreen`), from which any opens in its article.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.widgets import Static

from briefing import keys
from briefing.brief.model import Brief
from briefing.brief.prose import read_prose
from briefing.ui.bindings import bindings
from briefing.ui.claims import marker_end, prose_text
from briefing.ui.widgets.claim_markers import ClaimMarkers, forward_claim_click
from briefing.ui.widgets.rows import row_style


class ProseBody(Static):
    """The drawn prose; a click on a marker is passed to the `Prose` around it."""

    def action_claim(self, number: int) -> None:
        """A marker was clicked: list the quotes behind its claim."""
        forward_claim_click(self, number)


class Prose(ClaimMarkers, VerticalScroll):
    """A focusable, scrollable block of prose whose claim markers can be selected."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"prose--marker", "prose--selected"}
    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.PROSE)
    HELP_TITLE = "Summary"
    DEFAULT_CSS = """
    Prose > .prose--marker { color: $text-accent; text-style: bold; }
    Prose > .prose--selected { color: $text-accent; text-style: bold reverse; }
    Prose > ProseBody { width: 1fr; }
    """

    def __init__(
        self,
        brief: Brief,
        text: str | None,
        *,
        empty: str,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.brief = brief
        self.text = text
        self.empty = empty
        """What shows when there is no prose."""
        self.reading = read_prose(brief, text)
        self.claims = tuple(s for s in self.reading.sentences if s.evidence is not None)

    @property
    def claims_brief(self) -> Brief:
        """The brief the prose is from."""
        return self.brief

    def compose(self) -> ComposeResult:
        """One body, filled on mount (once the marker's colour is known)."""
        yield ProseBody(classes="prose-body")

    def on_mount(self) -> None:
        """Draw the prose; say how to reach its evidence when it cites any."""
        if self.claims:
            self.border_subtitle = "←/→ a claim's marker · Enter its quotes"
        self._draw()

    def notify_style_update(self) -> None:
        """The theme changed: draw again in its colours."""
        super().notify_style_update()
        if self.is_mounted:
            self.call_after_refresh(self._draw)

    def show_selected_claim(self) -> None:
        """Show the newly selected marker, scrolled into view."""
        self._draw()
        self.call_after_refresh(self._scroll_to_selected)

    def action_copy(self) -> None:
        """Copy the prose with each claim's citations in the app's citation style."""
        from briefing.cite.citations import cite_prose
        from briefing.cite.style_names import STYLE_NAMES
        from briefing.ui.copying import copy_text

        style = getattr(self.app, "citation_style", "plain")
        title = f"{self.brief.title} — {self.border_title or 'Summary'}"
        text = cite_prose(self.brief, title, self.text or "", style)
        copy_text(self.app, text, f"the summary ({STYLE_NAMES[style]})", f"{self.brief.id}-summary")

    def rendered(self) -> Text:
        """The prose as drawn now, with the current marker selected."""
        if not self.reading.sentences:
            return Text(self.empty, "italic", end="")
        return prose_text(
            self.reading,
            marker_style=row_style(self, "prose--marker"),
            selected=self.selected_claim,
            selected_style=row_style(self, "prose--selected"),
            click="claim",
        )

    def _draw(self) -> None:
        # Its screen may have been closed (its body removed) before this ran.
        for body in self.query(ProseBody) if self.is_attached else ():
            body.update(self.rendered())

    def _scroll_to_selected(self) -> None:
        """Scroll so that the selected marker's line shows."""
        if not self.selected_claim or not self.is_attached:
            return
        text = self.rendered()
        end = marker_end(text, self.selected_claim)
        width = max(self.query_one(ProseBody).content_region.width, 1)
        line = len(text[:end].wrap(self.app.console, width)) - 1
        self.scroll_to_region(Region(0, line, width, 1), animate=False, immediate=True)

    @property
    def plain(self) -> str:
        """The prose as a reader sees it."""
        return self.rendered().plain if self.reading.sentences else self.empty
