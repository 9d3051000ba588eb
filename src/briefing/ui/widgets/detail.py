"""The detail pane: everything about the selected item, built as one `Text`."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from briefing.model import Brief, Dispute, Entity, Event, Excerpt, Figure, Item, Source, Topic
from briefing.ui.text import safe, safe_line


class Describer:
    """Builds the detail text for each kind of item; plain Rich, no widgets."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.text = Text(end="")

    def heading(self, title: str, kind: str) -> None:
        """The item's title in bold, then its kind."""
        self.text.append_text(safe(title, "bold"))
        self.text.append(f"  {kind}\n", style="dim")

    def field(self, label: str, value: str | None) -> None:
        """A `label: value` line, skipped when there is no value."""
        if value:
            self.text.append(f"{label}: ", style="dim")
            self.text.append_text(safe(value))
            self.text.append("\n")

    def para(self, value: str | None, style: str = "") -> None:
        """A paragraph of untrusted text with a blank line before it."""
        if value:
            self.text.append("\n")
            self.text.append_text(safe(value.strip(), style))
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
        """`Title — Outlet, Author, date` with whatever the source has."""
        extras = [
            source.outlet,
            source.author,
            source.published.show() if source.published else None,
        ]
        known = ", ".join(x for x in extras if x)
        return f"{source.title} — {known}" if known else source.title


def describe(brief: Brief, item: Item) -> Text:
    """The detail text for any item."""
    d = Describer(brief)
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
    elif isinstance(item, Dispute):
        d.heading(item.question, "dispute")
        d.bullets("Positions", (p.claim for p in item.positions))
        d.para(item.assessment)
    return d.text


def _event(d: Describer, event: Event) -> None:
    brief = d.brief
    d.heading(event.title, "event")
    d.field("Date", event.date.show() + (" (approximate)" if event.date.approximate else ""))
    d.field("Topics", ", ".join(brief.topic(t).title for t in event.topics))
    d.field("Involves", ", ".join(brief.entity(n).name for n in event.entities))
    d.para(event.detail)
    sources = brief.event_sources(event)
    label = "Single source" if len(sources) == 1 else f"Sources ({len(sources)})"
    d.bullets(label, (d.source_line(s) for s in sources))
    count = len(event.excerpts)
    d.text.append(f"\n{count} excerpt{'s' if count != 1 else ''}: Enter shows them\n", "dim")


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
    d.text.append("\nEnter or o opens the article at this paragraph\n", "dim")


def _topic(d: Describer, topic: Topic) -> None:
    brief = d.brief
    d.heading(topic.title, "topic")
    d.field("In", " › ".join(t.title for t in brief.topic_path(topic.id)[:-1]))
    d.para(topic.summary)
    events, excerpts = brief.topic_events(topic.id), brief.topic_excerpts(topic.id)
    d.text.append(f"\n{len(events)} events, {len(excerpts)} excerpts", "dim")
    d.text.append("; Enter filters by this topic\n", "dim")
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
    d.text.append(f"\n{len(events)} events, {len(excerpts)} excerpts\n", "dim")


def overview(brief: Brief) -> Text:
    """What the detail pane shows before anything is selected: the brief's summary."""
    d = Describer(brief)
    d.heading(brief.title, "brief")
    d.field("As of", brief.as_of.show())
    d.para(brief.summary)
    return d.text


class DetailPane(VerticalScroll):
    """A scrollable pane showing one item's detail."""

    HELP_TITLE = "Detail"
    """How the help heads this pane's keys."""

    def __init__(self, brief: Brief, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.brief = brief
        self.item_id: str | None = None

    def compose(self) -> ComposeResult:
        """A single Static holding the text."""
        yield Static(overview(self.brief), id="detail-body")

    def show(self, item_id: str | None) -> None:
        """Describe the item (or the brief when None) and scroll back to the top."""
        if item_id == self.item_id:
            return
        self.item_id = item_id
        item = self.brief.get(item_id) if item_id else None
        text = overview(self.brief) if item is None else describe(self.brief, item)
        self.query_one("#detail-body", Static).update(text)
        self.scroll_home(animate=False)
