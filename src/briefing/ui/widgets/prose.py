"""Prose from a brief (its summary, a topic's summary) with its citation markers.

Every piece of a brief's prose that may carry inline citations (`[@q-id; @q-id2]`) is
drawn here, so that how a marker looks and behaves is decided in one place: a compact
marker after each backed claim (`briefing.ui.claims`), never the raw `[@…]`. The markers
are selectable: ←/→ (or [ and ]) move between them, Enter or a click lists the quotes
behind the claim (`EvidenceScreen`), from which any opens in its article.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.geometry import Region
from textual.reactive import reactive
from textual.widgets import Static

from briefing import keys
from briefing.brief.model import Brief
from briefing.brief.prose import Sentence, read_prose
from briefing.ui.bindings import bindings
from briefing.ui.claims import prose_text
from briefing.ui.widgets.rows import row_style


class ProseBody(Static):
    """The drawn prose; a click on a marker is passed to the `Prose` around it."""

    def action_claim(self, number: int) -> None:
        """A marker was clicked: list the quotes behind its claim."""
        prose = next((a for a in self.ancestors if isinstance(a, Prose)), None)
        if prose is not None:
            prose.focus()
            prose.open_claim(number)


class Prose(VerticalScroll):
    """A focusable, scrollable block of prose whose claim markers can be selected."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"prose--marker", "prose--selected"}
    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.PROSE)
    HELP_TITLE = "Summary"
    DEFAULT_CSS = """
    Prose > .prose--marker { color: $text-accent; text-style: bold; }
    Prose > .prose--selected { color: $text-accent; text-style: bold reverse; }
    Prose > ProseBody { width: 1fr; }
    """

    selected: reactive[int] = reactive(0, init=False)
    """The number of the claim whose marker is selected (from 1), or 0 for none."""

    def __init__(
        self, brief: Brief, text: str | None, *, empty: str, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.brief = brief
        self.text = text
        self.empty = empty
        """What shows when there is no prose."""
        self.reading = read_prose(brief, text)
        self.claims: tuple[Sentence, ...] = tuple(
            s for s in self.reading.sentences if s.evidence is not None
        )
        """The backed claims, in order: claim number n is `claims[n - 1]`."""

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

    def watch_selected(self) -> None:
        """Show the newly selected marker, scrolled into view."""
        self._draw()
        self.call_after_refresh(self._scroll_to_selected)

    def action_step_claim(self, direction: int) -> None:
        """Select the next (1) or previous (-1) claim's marker."""
        count = len(self.claims)
        if not count:
            self.notify("This text cites no evidence.", severity="warning")
            return
        if self.selected == 0:
            self.selected = 1 if direction > 0 else count
        elif 1 <= self.selected + direction <= count:
            self.selected += direction
        else:
            self.app.bell()

    def action_evidence(self) -> None:
        """List the quotes behind the selected claim (the first when none is)."""
        if not self.claims:
            self.notify("This text cites no evidence.", severity="warning")
            return
        self.open_claim(self.selected or 1)

    def action_copy(self) -> None:
        """Copy the prose with each claim's citations in the app's citation style."""
        from briefing.cite.citations import cite_prose
        from briefing.cite.style_names import STYLE_NAMES
        from briefing.ui.copying import copy_text

        style = getattr(self.app, "citation_style", "plain")
        title = f"{self.brief.title} — {self.border_title or 'Summary'}"
        text = cite_prose(self.brief, title, self.text or "", style)
        copy_text(self.app, text, f"the summary ({STYLE_NAMES[style]})", f"{self.brief.id}-summary")

    def open_claim(self, number: int) -> None:
        """Select claim `number` and show the quotes behind it."""
        from briefing.ui.screens.evidence import EvidenceScreen

        if not 1 <= number <= len(self.claims):
            return
        self.selected = number
        claim = self.claims[number - 1]
        assert claim.evidence is not None
        self.app.push_screen(EvidenceScreen(self.brief, claim.text, claim.evidence))

    def rendered(self) -> Text:
        """The prose as drawn now, with the current marker selected."""
        if not self.reading.sentences:
            return Text(self.empty, "italic", end="")
        return prose_text(
            self.reading,
            marker_style=row_style(self, "prose--marker"),
            selected=self.selected,
            selected_style=row_style(self, "prose--selected"),
            click="claim",
        )

    def _draw(self) -> None:
        # Its screen may have been closed (its body removed) before this ran.
        for body in self.query(ProseBody) if self.is_attached else ():
            body.update(self.rendered())

    def _scroll_to_selected(self) -> None:
        """Scroll so that the selected marker's line shows."""
        if not self.selected or not self.is_attached:
            return
        text = self.rendered()
        end = _marker_end(text, self.selected)
        width = max(self.query_one(ProseBody).content_region.width, 1)
        line = len(text[:end].wrap(self.app.console, width)) - 1
        self.scroll_to_region(Region(0, line, width, 1), animate=False, immediate=True)

    @property
    def plain(self) -> str:
        """The prose as a reader sees it."""
        return self.rendered().plain if self.reading.sentences else self.empty


def _marker_end(text: Text, number: int) -> int:
    """Where the marker of claim `number` ends in the drawn text."""
    for span in text.spans:
        style = span.style
        if isinstance(style, Style) and style.meta.get("@click") == f"claim({number})":
            return span.end
    return len(text)
