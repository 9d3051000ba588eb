"""The detail pane: everything about the selected item (`briefing.views.details` says what),
drawn as one `Text`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from briefing.brief.model import Brief, Item
from briefing.ui.claims import prose_text
from briefing.ui.text import safe, safe_line
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


class DetailPane(VerticalScroll):
    """A scrollable pane showing one item's detail."""

    HELP_TITLE = "Detail"
    """How the help heads this pane's keys."""
    COMPONENT_CLASSES: ClassVar[set[str]] = {"detail--muted"}

    def __init__(self, brief: Brief, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.brief = brief
        self.item_id: str | None = None
        self.narrowed_topic: str | None = None
        """The topic the main screen's panes are narrowed to."""

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
        self._render_item()
        self.scroll_home(animate=False)

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
        self.query_one("#detail-body", Static).update(text)
