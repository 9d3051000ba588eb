"""The detail pane: everything about the selected item (`briefing.views.details` says what),
drawn as one `Text`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from briefing import keys
from briefing.brief.model import Brief, Entity, Excerpt, Item, Source
from briefing.brief.prose import Prose, Sentence
from briefing.record import record
from briefing.ui.bindings import bindings
from briefing.ui.claims import marker_end, prose_text
from briefing.ui.text import safe, safe_line
from briefing.ui.widgets.claim_markers import ClaimMarkers, forward_claim_click
from briefing.ui.widgets.excerpts import attribution
from briefing.ui.widgets.rows import row_style
from briefing.views.details import (
    Bullets,
    Field,
    Heading,
    Paragraph,
    Part,
    ProseBlock,
    ProseBullets,
    Quote,
    brief_detail,
    detail,
)


@record
class Markers:
    """How claim markers are drawn in a detail: their styles, which is selected, and the
    action a click on one runs (none where they cannot be selected)."""

    style: Style | str = "bold"
    selected: int = 0
    selected_style: Style | str = "reverse"
    click: str | None = None


PLAIN_MARKERS = Markers()
"""Markers drawn bold, none selected, none clickable."""


def render(
    parts: Iterable[Part], muted: Style | str = "dim", markers: Markers = PLAIN_MARKERS
) -> Text:
    """The parts of a detail as one Text: untrusted values never read as markup. Claims
    are numbered from 1 across all the prose, in the order drawn (see `claims_of`)."""
    text = Text(end="")
    claims = 0

    def prose(part: Prose) -> Text:
        nonlocal claims
        drawn = prose_text(
            part,
            marker_style=markers.style,
            selected=markers.selected,
            selected_style=markers.selected_style,
            click=markers.click,
            first=claims,
        )
        claims += sum(s.evidence is not None for s in part.sentences)
        return drawn

    for part in parts:
        if isinstance(part, Heading):
            text.append_text(safe(part.title, "bold"))
            text.append(f"  {part.kind}\n", style=muted)
        elif isinstance(part, Quote):
            text.append_text(safe(part.text, "italic"))
            text.append("\n\n")
        elif isinstance(part, Field):
            text.append(f"{part.label}: ", style=muted)
            text.append_text(safe(part.value))
            text.append("\n")
        elif isinstance(part, Paragraph):
            text.append("\n")
            text.append_text(safe(part.text))
            text.append("\n")
        elif isinstance(part, ProseBlock):
            text.append("\n")
            text.append_text(prose(part.prose))
            text.append("\n")
        elif isinstance(part, ProseBullets):
            text.append(f"\n{part.title}\n", style="bold")
            for item in part.items:
                text.append("• ")
                text.append_text(prose(item))
                text.append("\n")
        elif isinstance(part, Bullets):
            text.append(f"\n{part.title}\n", style="bold")
            for line in part.lines:
                text.append("• ")
                text.append_text(safe_line(line))
                text.append("\n")
        else:
            text.append(f"\n{part.text}\n", muted)
    return text


def claims_of(parts: Iterable[Part]) -> tuple[Sentence, ...]:
    """The backed claims of a detail's prose, in the order `render` numbers them."""
    return tuple(
        s for part in parts for p in _proses(part) for s in p.sentences if s.evidence is not None
    )


def _proses(part: Part) -> tuple[Prose, ...]:
    if isinstance(part, ProseBlock):
        return (part.prose,)
    return part.items if isinstance(part, ProseBullets) else ()


def detail_parts(brief: Brief, item: Item | None, narrowed_topic: str | None = None) -> list[Part]:
    """What the pane shows for an item, or for the brief (its summary) before one is chosen;
    a topic's detail says whether the panes are narrowed to it."""
    if item is None:
        return list(brief_detail(brief))
    return list(detail(brief, item, narrowed_topic))


QUOTES_SHOWN = 20
"""At most this many of an item's quotes are listed (an entity may be named in thousands)."""


def detail_quotes(brief: Brief, item: Item | None) -> tuple[str, ...]:
    """The quotes an item's detail lists, each selectable: an event's, a figure's, a
    dispute's, a topic's key quotes, the first that name an entity."""
    if isinstance(item, Entity):
        return tuple(x.id for x in brief.entity_excerpts(item.id)[:QUOTES_SHOWN])
    if item is None or isinstance(item, Excerpt | Source):
        return ()
    ids: tuple[str, ...] = getattr(item, "excerpts", ())
    return ids[:QUOTES_SHOWN]


class DetailBody(Static):
    """The drawn detail; a click on a claim's marker goes to the pane around it."""

    def action_claim(self, number: int) -> None:
        """A marker was clicked: list the quotes behind its claim."""
        forward_claim_click(self, number)


class DetailPane(ClaimMarkers, VerticalScroll):
    """A scrollable pane showing one item's detail; ↑/↓ choose one of its quotes, ←/→ one
    of its claims' markers (Enter lists the quotes behind it)."""

    HELP_TITLE = "Detail"
    """How the help heads this pane's keys."""
    COMPONENT_CLASSES: ClassVar[set[str]] = {"detail--muted", "detail--marker", "detail--selected"}
    DEFAULT_CSS = """
    DetailPane > .detail--muted { color: $foreground 68%; }
    DetailPane > .detail--marker { color: $text-accent; text-style: bold; }
    DetailPane > .detail--selected { color: $text-accent; text-style: bold reverse; }
    """
    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.DETAIL)

    def __init__(self, brief: Brief, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.brief = brief
        self.item_id: str | None = None
        self.narrowed_topic: str | None = None
        """The topic the main screen's panes are narrowed to."""
        self.quotes: tuple[str, ...] = ()
        self.cursor = -1
        """The selected quote, or -1 for the item itself."""
        self._starts: list[int] = []
        self._selected_marker_end = 0

    @property
    def claims_brief(self) -> Brief:
        """The brief the pane shows."""
        return self.brief

    def compose(self) -> ComposeResult:
        """A single Static holding the text (filled on mount, once styles are known)."""
        yield DetailBody(id="detail-body")

    def on_mount(self) -> None:
        """Show the brief's summary."""
        self._render_item()

    def show(self, item_id: str | None) -> None:
        """Describe the item (or the brief when None) and scroll back to the top."""
        if item_id == self.item_id:
            return
        self.item_id = item_id
        self.cursor = -1
        self.selected_claim = 0
        self._render_item()
        self.scroll_home(animate=False)

    def selected_id(self) -> str | None:
        """The quote under the cursor, else the item shown."""
        return self.quotes[self.cursor] if 0 <= self.cursor < len(self.quotes) else self.item_id

    def action_quote(self, step: int) -> None:
        """Select the next (1) or previous (-1) quote; above the first, the whole item.
        An item without quotes scrolls instead."""
        if not self.quotes:
            self.scroll_relative(y=step, animate=False)
            return
        self.cursor = max(-1, min(len(self.quotes) - 1, self.cursor + step))
        self._render_item()
        if self.cursor < 0:
            self.scroll_home(animate=False)
        else:
            self.call_after_refresh(self._scroll_to_offset, self._starts[self.cursor])

    def show_selected_claim(self) -> None:
        """Draw the selected marker and scroll its line into view."""
        self._render_item()
        self.call_after_refresh(self._scroll_to_offset, self._selected_marker_end)

    def _body(self) -> Static | None:
        """The widget holding the text, or None once it is gone: a redraw or scroll queued
        for after the next refresh may run after a live reload replaced this pane."""
        return next(iter(self.query("#detail-body").results(Static)), None)

    def _scroll_to_offset(self, offset: int) -> None:
        """Scroll so that the line holding character `offset` of the text shows near the top."""
        body = self._body()
        if body is None:
            return
        text = body.content
        if not isinstance(text, Text):
            return
        width = max(self.scrollable_content_region.width, 1)
        lines = len(text[:offset].wrap(self.app.console, width))
        self.scroll_to(y=max(lines - 1, 0), animate=False)

    def narrowed_to(self, topic_id: str | None) -> None:
        """The panes are now narrowed to this topic (or none): a topic's detail says so."""
        if topic_id != self.narrowed_topic:
            self.narrowed_topic = topic_id
            self._render_item()

    def notify_style_update(self) -> None:
        """The theme changed: draw the text again in its colours, once they have all been
        updated (the component styles are refreshed after this widget's own)."""
        super().notify_style_update()
        if self.is_mounted:
            self.call_after_refresh(self._render_item)

    def _render_item(self) -> None:
        body = self._body()
        if body is None:
            return
        muted = row_style(self, "detail--muted")
        item = self.brief.get(self.item_id) if self.item_id else None
        parts = detail_parts(self.brief, item, self.narrowed_topic)
        self.claims = claims_of(parts)
        markers = Markers(
            row_style(self, "detail--marker"),
            self.selected_claim,
            row_style(self, "detail--selected"),
            click="claim",
        )
        text = render(parts, muted, markers)
        self._selected_marker_end = marker_end(text, self.selected_claim)
        self.border_subtitle = "←/→ a claim's marker · Enter its quotes" if self.claims else ""
        self.quotes = detail_quotes(self.brief, item)
        self._starts = []
        if self.quotes:
            text.append("\nQuotes", style="bold")
            text.append("  ↑↓ choose one; c, a and o then act on it alone\n", style=muted)
            for number, excerpt_id in enumerate(self.quotes):
                self._starts.append(len(text))
                text.append_text(self._quote(number, excerpt_id, muted))
        body.update(text)

    def _quote(self, number: int, excerpt_id: str, muted: Style) -> Text:
        """One quote of the list, marked and highlighted when selected."""
        excerpt = self.brief.excerpt(excerpt_id)
        chosen = number == self.cursor
        line = Text("▸ " if chosen else "• ", end="")
        line.append_text(safe(excerpt.quote.strip()))
        line.append("  — ", style=muted)
        line.append_text(attribution(self.brief.source(excerpt.source), excerpt.paragraph))
        if chosen:
            line.stylize("reverse")
        line.append("\n")
        return line
