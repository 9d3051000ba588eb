"""The detail pane: everything about the selected item, built as one `Text`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from briefing.brief.model import Brief, Dispute, Entity, Event, Excerpt, Figure, Item, Source, Topic
from briefing.brief.prose import dispute_kind, read_prose
from briefing.ui.claims import prose_text
from briefing.ui.text import safe, safe_line
from briefing.ui.widgets.rows import row_style
from briefing.wording import counted


class Describer:
    """Builds the detail text for each kind of item; plain Rich, no widgets."""

    def __init__(
        self, brief: Brief, muted: Style | str = "dim", narrowed_topic: str | None = None
    ) -> None:
        self.brief = brief
        self.narrowed_topic = narrowed_topic
        """The topic the panes are narrowed to, if any (its detail says so)."""
        self.muted = muted
        """The style of labels and hints (the pane passes its theme's muted colour)."""
        self.text = Text(end="")

    def heading(self, title: str, kind: str) -> None:
        """The item's title in bold, then its kind."""
        self.text.append_text(safe(title, "bold"))
        self.text.append(f"  {kind}\n", style=self.muted)

    def field(self, label: str, value: str | None) -> None:
        """A `label: value` line, skipped when there is no value."""
        if value:
            self.text.append(f"{label}: ", style=self.muted)
            self.text.append_text(safe(value))
            self.text.append("\n")

    def para(self, value: str | None, style: str = "") -> None:
        """A paragraph of untrusted text with a blank line before it."""
        if value:
            self.text.append("\n")
            self.text.append_text(safe(value.strip(), style))
            self.text.append("\n")

    def prose(self, value: str | None) -> None:
        """A prose field with a blank line before it: its claims' markers, never raw ones."""
        if value and value.strip():
            self.text.append("\n")
            self.text.append_text(prose_text(read_prose(self.brief, value)))
            self.text.append("\n")

    def bullets(self, title: str, lines: Iterable[str]) -> None:
        """A titled list, skipped when empty."""
        items = list(lines)
        if items:
            self.text.append(f"\n{title}\n", style="bold")
            for line in items:
                self.text.append("• ")
                self.text.append_text(safe_line(line))
                self.text.append("\n")

    def source_line(self, source: Source) -> str:
        """`Title — Outlet, Author, date` with whatever the source has; values the brief
        inferred rather than found in the article in square brackets."""
        published = source.published.show() if source.published else None
        extras = [
            f"[{value}]" if source.is_inferred(key) else value
            for key, value in (
                ("outlet", source.outlet),
                ("author", source.author),
                ("published", published),
            )
            if value
        ]
        return f"{source.title} — {', '.join(extras)}" if extras else source.title


def describe(
    brief: Brief, item: Item, muted: Style | str = "dim", narrowed_topic: str | None = None
) -> Text:
    """The detail text for any item."""
    d = Describer(brief, muted, narrowed_topic)
    if isinstance(item, Event):
        _event(d, item)
    elif isinstance(item, Excerpt):
        _excerpt(d, item)
    elif isinstance(item, Topic):
        _topic(d, item)
    elif isinstance(item, Source):
        _source(d, item)
    elif isinstance(item, Entity):
        _entity(d, item)
    elif isinstance(item, Figure):
        d.heading(item.label, "figure")
        d.field("Value", f"{item.shown_value} {item.unit}")
        d.field("Period", item.period.show() if item.period else None)
        d.prose(item.note)
    elif isinstance(item, Dispute):
        _dispute(d, item)
    return d.text


def _event(d: Describer, event: Event) -> None:
    brief = d.brief
    d.heading(event.title, "event")
    d.field("Date", event.date.show() + (" (approximate)" if event.date.approximate else ""))
    d.field("Topics", ", ".join(brief.topic(t).title for t in event.topics))
    d.field("Involves", ", ".join(brief.entity(n).name for n in event.entities))
    d.prose(event.detail)
    sources = brief.event_sources(event)
    label = "Single source" if len(sources) == 1 else f"Sources ({len(sources)})"
    d.bullets(label, (d.source_line(s) for s in sources))
    d.text.append(f"\n{counted(len(event.excerpts), 'excerpt')}: Enter shows them\n", d.muted)


def _dispute(d: Describer, dispute: Dispute) -> None:
    d.heading(dispute.question, "dispute")
    d.field("Kind", dispute_kind(dispute.kind))
    if dispute.positions:
        d.text.append("\nPositions\n", style="bold")
        for position in dispute.positions:
            d.text.append("• ")
            d.text.append_text(prose_text(read_prose(d.brief, position.claim)))
            d.text.append("\n")
    d.prose(dispute.assessment)


def _excerpt(d: Describer, excerpt: Excerpt) -> None:
    brief = d.brief
    source = brief.source(excerpt.source)
    d.text.append_text(safe(excerpt.quote, "italic"))
    d.text.append("\n\n")
    d.field("Source", d.source_line(source))
    d.field("Paragraph", f"¶ {excerpt.paragraph}")
    d.field("Note", excerpt.note)
    d.bullets("Cited by", (f"{e.date.show()}: {e.title}" for e in brief.events_citing(excerpt.id)))
    d.bullets("Figures", (f.label for f in brief.figures_citing(excerpt.id)))
    d.bullets("Disputes", (x.question for x in brief.disputes_citing(excerpt.id)))
    d.text.append("\nEnter or o opens the article at this paragraph\n", d.muted)


def _topic(d: Describer, topic: Topic) -> None:
    brief = d.brief
    d.heading(topic.title, "topic")
    d.field("In", " › ".join(t.title for t in brief.topic_path(topic.id)[:-1]))
    d.prose(topic.summary)
    d.text.append(
        f"\n{_counts(brief.topic_events(topic.id), brief.topic_excerpts(topic.id))}", d.muted
    )
    if topic.id == d.narrowed_topic:
        d.text.append("; the panes are narrowed to it (Esc undoes)\n", d.muted)
    else:
        d.text.append("; Enter filters by this topic\n", d.muted)
    d.bullets("Subtopics", (t.title for t in brief.subtopics(topic.id)))
    d.bullets("Key quotes", (brief.excerpt(x).quote for x in topic.excerpts))


def _source(d: Describer, source: Source) -> None:
    d.heading(source.title, "source")
    d.field("Outlet", source.outlet)
    d.field("Author", source.author)
    d.field("Published", source.published.show() if source.published else None)
    d.field("URL", source.url)
    d.field("Inferred", ", ".join(source.inferred))
    d.para(source.notes)


def _entity(d: Describer, entity: Entity) -> None:
    brief = d.brief
    d.heading(entity.name, entity.kind)
    d.field("Also", ", ".join(entity.aliases))
    d.field("Role", entity.role)
    events, excerpts = brief.entity_events(entity.id), brief.entity_excerpts(entity.id)
    d.text.append(f"\n{_counts(events, excerpts)}\n", d.muted)


def _counts(events: tuple[Event, ...], excerpts: tuple[Excerpt, ...]) -> str:
    """`1 event, 3 excerpts`."""
    return f"{counted(len(events), 'event')}, {counted(len(excerpts), 'excerpt')}"


def overview(brief: Brief, muted: Style | str = "dim") -> Text:
    """What the detail pane shows before anything is selected: the brief's summary."""
    d = Describer(brief, muted)
    d.heading(brief.title, "brief")
    d.field("As of", brief.as_of.show())
    d.prose(brief.summary)
    return d.text


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
