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
from briefing.ui.bindings import bindings
from briefing.ui.claims import prose_text
from briefing.ui.text import safe, safe_line
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


def render(parts: Iterable[Part], muted: Style | str = "dim") -> Text:
    """The parts of a detail as one Text: untrusted values never read as markup."""
    text = Text(end="")
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
            text.append_text(prose_text(part.prose))
            text.append("\n")
        elif isinstance(part, ProseBullets):
            text.append(f"\n{part.title}\n", style="bold")
            for prose in part.items:
                text.append("• ")
                text.append_text(prose_text(prose))
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


def describe(
    brief: Brief, item: Item, muted: Style | str = "dim", narrowed_topic: str | None = None
) -> Text:
    """The detail text for any item (a topic's says whether the panes are narrowed to it)."""
    return render(detail(brief, item, narrowed_topic), muted)


def overview(brief: Brief, muted: Style | str = "dim") -> Text:
    """What the detail pane shows before anything is selected: the brief's summary."""
    return render(brief_detail(brief), muted)


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


class DetailPane(VerticalScroll):
    """A scrollable pane showing one item's detail; ↑/↓ choose one of its quotes."""

    HELP_TITLE = "Detail"
    """How the help heads this pane's keys."""
    COMPONENT_CLASSES: ClassVar[set[str]] = {"detail--muted"}
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

    def compose(self) -> ComposeResult:
        """A single Static holding the text (filled on mount, once styles are known)."""
        yield Static(id="detail-body")

    def on_mount(self) -> None:
        """Show the brief's summary."""
        self._render_item()

    def show(self, item_id: str | None) -> None:
        """Describe the item (or the brief when None) and scroll back to the top."""
        if item_id == self.item_id:
            return
        self.item_id = item_id
        self.cursor = -1
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
            self.call_after_refresh(self._show_cursor)

    def _show_cursor(self) -> None:
        """Scroll so that the selected quote starts near the top."""
        body = self.query_one("#detail-body", Static)
        text = body.content
        if not isinstance(text, Text) or not 0 <= self.cursor < len(self._starts):
            return
        width = max(self.scrollable_content_region.width, 1)
        before = text[: self._starts[self.cursor]]
        lines = len(before.wrap(self.app.console, width))
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
        muted = row_style(self, "detail--muted")
        item = self.brief.get(self.item_id) if self.item_id else None
        if item is None:
            text = overview(self.brief, muted)
        else:
            text = describe(self.brief, item, muted, self.narrowed_topic)
        self.quotes = detail_quotes(self.brief, item)
        self._starts = []
        if self.quotes:
            text.append("\nQuotes", style="bold")
            text.append("  ↑↓ choose one; c, a and o then act on it alone\n", style=muted)
            for number, excerpt_id in enumerate(self.quotes):
                self._starts.append(len(text))
                text.append_text(self._quote(number, excerpt_id, muted))
        self.query_one("#detail-body", Static).update(text)

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
