"""What the detail of an item lists, as parts for a screen to show, and how a source's
values are shown: those the brief inferred rather than found stated in square brackets.

`detail(brief, item)` returns the parts in order: a `Heading` (or, for an excerpt, its
`Quote`), `Field`s (`Source: …`), `Paragraph`s, `Bullets` and `Hint`s (what a key does
here). The UI only draws them; nothing here knows about styles or terminals.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefing.brief.model import Brief, Dispute, Entity, Event, Excerpt, Figure, Item, Source, Topic
from briefing.brief.prose import Prose, dispute_kind, read_prose
from briefing.record import record
from briefing.views.narrowing import Narrowing
from briefing.wording import counted


def bracket(value: str, inferred: bool) -> str:
    """The value in square brackets when the brief inferred it rather than found it
    stated: how the reader shows it and every citation style cites it."""
    return f"[{value}]" if inferred else value


def source_value(source: Source, key: str, value: str) -> str:
    """A source's value (`outlet`, `author`, `published`, `title`) as shown."""
    return bracket(value, source.is_inferred(key))


def source_line(source: Source) -> str:
    """`Title — Outlet, Author, date` with whatever the source has."""
    published = source.published.show() if source.published else None
    facts = (("outlet", source.outlet), ("author", source.author), ("published", published))
    extras = [source_value(source, key, value) for key, value in facts if value]
    return f"{source.title} — {', '.join(extras)}" if extras else source.title


@record
class Heading:
    """The item's title and what kind of item it is."""

    title: str
    kind: str


@record
class Quote:
    """An excerpt's quote, heading its detail."""

    text: str


@record
class Field:
    """`label: value` on one line."""

    label: str
    value: str


@record
class Paragraph:
    """A paragraph of the brief's prose."""

    text: str


@record
class ProseBlock:
    """A prose field of the brief (a summary, a detail), read into its backed claims."""

    prose: Prose


@record
class Bullets:
    """A titled list."""

    title: str
    lines: tuple[str, ...]


@record
class ProseBullets:
    """A titled list of prose (a dispute's positions)."""

    title: str
    items: tuple[Prose, ...]


@record
class Hint:
    """A remark about the item (counts, what Enter does), shown muted."""

    text: str


Part = Heading | Quote | Field | Paragraph | ProseBlock | Bullets | ProseBullets | Hint


class _Parts(list[Part]):
    """Parts being collected; empty fields, paragraphs and lists are left out."""

    def field(self, label: str, value: str | None) -> None:
        if value:
            self.append(Field(label, value))

    def para(self, text: str | None) -> None:
        if text:
            self.append(Paragraph(text.strip()))

    def prose(self, brief: Brief, text: str | None) -> None:
        if text and text.strip():
            self.append(ProseBlock(read_prose(brief, text)))

    def bullets(self, title: str, lines: Iterable[str]) -> None:
        found = tuple(lines)
        if found:
            self.append(Bullets(title, found))


def brief_detail(brief: Brief) -> list[Part]:
    """What the detail shows before anything is selected: the brief and its summary."""
    parts = _Parts([Heading(brief.title, "brief")])
    parts.field("As of", brief.as_of.show())
    parts.prose(brief, brief.summary)
    return parts


def detail(brief: Brief, item: Item, narrowed_topic: str | None = None) -> list[Part]:
    """Everything the detail of this item lists, in order; `narrowed_topic` is the topic
    the panes are narrowed to, if any (its own detail says so)."""
    parts = _Parts()
    if isinstance(item, Event):
        _event(brief, item, parts)
    elif isinstance(item, Excerpt):
        _excerpt(brief, item, parts)
    elif isinstance(item, Topic):
        _topic(brief, item, parts, narrowed=item.id == narrowed_topic)
    elif isinstance(item, Source):
        _source(item, parts)
    elif isinstance(item, Entity):
        _entity(brief, item, parts)
    elif isinstance(item, Figure):
        parts.append(Heading(item.label, "figure"))
        parts.field("Value", f"{item.shown_value} {item.unit}")
        parts.field("Period", item.period.show() if item.period else None)
        parts.prose(brief, item.note)
    elif isinstance(item, Dispute):
        _dispute(brief, item, parts)
    return parts


def _event(brief: Brief, event: Event, parts: _Parts) -> None:
    parts.append(Heading(event.title, "event"))
    approximate = " (approximate)" if event.date.approximate else ""
    parts.field("Date", event.date.show() + approximate)
    parts.field("Topics", ", ".join(brief.topic(t).title for t in event.topics))
    parts.field("Involves", ", ".join(brief.entity(n).name for n in event.entities))
    parts.prose(brief, event.detail)
    sources = brief.event_sources(event)
    label = "Single source" if len(sources) == 1 else f"Sources ({len(sources)})"
    parts.bullets(label, (source_line(s) for s in sources))
    parts.append(Hint(f"{counted(len(event.excerpts), 'excerpt')}: Enter shows them"))


def _dispute(brief: Brief, dispute: Dispute, parts: _Parts) -> None:
    parts.append(Heading(dispute.question, "dispute"))
    parts.field("Kind", dispute_kind(dispute.kind))
    if dispute.positions:
        positions = tuple(read_prose(brief, p.claim) for p in dispute.positions)
        parts.append(ProseBullets("Positions", positions))
    parts.prose(brief, dispute.assessment)


def _excerpt(brief: Brief, excerpt: Excerpt, parts: _Parts) -> None:
    parts.append(Quote(excerpt.quote))
    parts.field("Source", source_line(brief.source(excerpt.source)))
    parts.field("Paragraph", f"¶ {excerpt.paragraph}")
    parts.field("Note", excerpt.note)
    parts.bullets(
        "Cited by", (f"{e.date.show()}: {e.title}" for e in brief.events_citing(excerpt.id))
    )
    parts.bullets("Figures", (f.label for f in brief.figures_citing(excerpt.id)))
    parts.bullets("Disputes", (x.question for x in brief.disputes_citing(excerpt.id)))
    parts.append(Hint("Enter or o opens the article at this paragraph"))


def _topic(brief: Brief, topic: Topic, parts: _Parts, *, narrowed: bool) -> None:
    parts.append(Heading(topic.title, "topic"))
    parts.field("In", " › ".join(t.title for t in brief.topic_path(topic.id)[:-1]))
    parts.prose(brief, topic.summary)
    scope = Narrowing(topic=topic.id)
    counts = _counts(scope.events(brief), scope.excerpts(brief))
    todo = (
        "the panes are narrowed to it (Esc undoes)" if narrowed else "Enter filters by this topic"
    )
    parts.append(Hint(f"{counts}; {todo}"))
    parts.bullets("Subtopics", (t.title for t in brief.subtopics(topic.id)))
    parts.bullets("Key quotes", (brief.excerpt(x).quote for x in topic.excerpts))


def _source(source: Source, parts: _Parts) -> None:
    parts.append(Heading(source.title, "source"))
    parts.field("Outlet", source.outlet)
    parts.field("Author", source.author)
    parts.field("Published", source.published.show() if source.published else None)
    parts.field("URL", source.url)
    parts.field("Inferred", ", ".join(source.inferred))
    parts.para(source.notes)


def _entity(brief: Brief, entity: Entity, parts: _Parts) -> None:
    parts.append(Heading(entity.name, entity.kind))
    parts.field("Also", ", ".join(entity.aliases))
    parts.field("Role", entity.role)
    parts.append(Hint(_counts(brief.entity_events(entity.id), brief.entity_excerpts(entity.id))))


def _counts(events: tuple[Event, ...], excerpts: tuple[Excerpt, ...]) -> str:
    """`1 event, 3 excerpts`."""
    return f"{counted(len(events), 'event')}, {counted(len(excerpts), 'excerpt')}"
