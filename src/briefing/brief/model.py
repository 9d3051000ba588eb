"""The brief as an immutable model, with every cross-link resolved both ways.

Items refer to each other by id, as the YAML does; `Brief` holds the items by id and the
reverse links (which events cite an excerpt, which excerpts name an entity, ...) so that
nothing downstream ever has to search for them.
"""

# Annotations are evaluated here (no `from __future__ import annotations`): the cache's
# codec reads these classes' field types on every launch, and as strings each had to
# be compiled first (`typing.get_type_hints`).
import functools
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal, TypeVar

from briefing.brief.dates import BriefDate
from briefing.record import record

EntityKind = Literal["person", "organisation", "place", "system", "other"]
ENTITY_KINDS: tuple[str, ...] = ("person", "organisation", "place", "system", "other")
ItemKind = Literal["source", "topic", "event", "excerpt", "figure", "dispute", "entity"]
ITEM_KINDS: tuple[str, ...] = ("excerpt", "event", "topic", "entity", "figure", "dispute", "source")
T = TypeVar("T")


@record
class Source:
    """An article the brief quotes; its text is kept as paragraphs (non-blank lines).

    `paragraphs` is a tuple for a brief just checked; for one reopened from the cache it
    is split from the article's bytes when first read (`briefing.brief.sources.Paragraphs`).
    """

    id: str
    title: str
    file: str
    path: Path
    paragraphs: Sequence[str]
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    published: BriefDate | None = None
    url: str | None = None
    sha256: str | None = None
    inferred: tuple[str, ...] = ()
    notes: str | None = None
    short_title: str | None = None
    accessed: BriefDate | None = None
    item_kind: ClassVar[ItemKind] = "source"

    @property
    def author(self) -> str | None:
        """The authors as one line to show (`A, B and C`), or None when unknown."""
        if not self.authors:
            return None
        if len(self.authors) == 1:
            return self.authors[0]
        return ", ".join(self.authors[:-1]) + " and " + self.authors[-1]

    def is_inferred(self, key: str) -> bool:
        """True when the brief says this key's value was inferred rather than stated."""
        return key in self.inferred


@record
class Topic:
    """A theme of the brief; topics form a tree through `parent`."""

    id: str
    title: str
    summary: str | None = None
    parent: str | None = None
    excerpts: tuple[str, ...] = ()
    item_kind: ClassVar[ItemKind] = "topic"


@record
class Event:
    """Something that happened, dated when it happened, with the excerpts that say so."""

    id: str
    date: BriefDate
    title: str
    topics: tuple[str, ...]
    excerpts: tuple[str, ...]
    detail: str | None = None
    entities: tuple[str, ...] = ()
    item_kind: ClassVar[ItemKind] = "event"


@record
class Span:
    """Where part of a quote stands in its source: paragraph (from 1) and character range."""

    paragraph: int
    start: int
    end: int


@record
class Excerpt:
    """A verbatim quote of a source, located to its paragraph and character offset."""

    id: str
    source: str
    quote: str
    topics: tuple[str, ...]
    spans: tuple[Span, ...]
    entities: tuple[str, ...] = ()
    note: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    item_kind: ClassVar[ItemKind] = "excerpt"

    @property
    def paragraph(self) -> int:
        """The paragraph the quote starts in: the citation's locator."""
        return self.spans[0].paragraph

    @property
    def offset(self) -> int:
        """The character offset of the quote within its first paragraph."""
        return self.spans[0].start


@record
class Figure:
    """A key number, with the excerpts that state it."""

    id: str
    label: str
    value: float
    unit: str
    excerpts: tuple[str, ...]
    period: BriefDate | None = None
    note: str | None = None
    item_kind: ClassVar[ItemKind] = "figure"

    @property
    def shown_value(self) -> str:
        """The value without a spurious `.0`, with thousands separators; a number written
        with an exponent beyond what a float holds exactly stays short (`1e+300`)."""
        value = self.value
        if isinstance(value, int):  # exact, however large (float() overflows past 1e308)
            return f"{value:,}"
        exact = value.is_integer() and abs(value) < 2**53
        return f"{int(value):,}" if exact else f"{value:,}"


@record
class Position:
    """One side of a dispute."""

    claim: str
    excerpts: tuple[str, ...]


@record
class Dispute:
    """A question on which the sources disagree, with each side's excerpts."""

    id: str
    question: str
    positions: tuple[Position, ...]
    assessment: str | None = None
    kind: str = "sources"
    """`sources` (the sources disagree), `outside-knowledge` or `interpretation`."""
    item_kind: ClassVar[ItemKind] = "dispute"

    @property
    def excerpts(self) -> tuple[str, ...]:
        """Every excerpt any position cites, in order, once."""
        return tuple(dict.fromkeys(x for p in self.positions for x in p.excerpts))


@record
class Entity:
    """A person, organisation, place or system the brief names."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    item_kind: ClassVar[ItemKind] = "entity"


Item = Source | Topic | Event | Excerpt | Figure | Dispute | Entity


def _index(pairs: Iterable[tuple[str, str]]) -> dict[str, tuple[str, ...]]:
    """Group (key, value) pairs into key -> values, keeping first-seen order and no repeats."""
    grouped: dict[str, dict[str, None]] = defaultdict(dict)
    for key, value in pairs:
        grouped[key][value] = None
    return {key: tuple(values) for key, values in grouped.items()}


LinkTable = dict[str, tuple[str, ...]]


@record(slots=False)
class Brief:
    """A whole brief: its items in brief order (events chronologically) and links both ways.

    The id table (`items`) and each reverse-link table (`links[name]`) are built on first
    use rather than at load: a large brief then opens sooner, and the cache never stores
    what can be derived.
    """

    path: Path
    id: str
    title: str
    as_of: BriefDate
    sources: tuple[Source, ...]
    topics: tuple[Topic, ...]
    events: tuple[Event, ...]
    excerpts: tuple[Excerpt, ...]
    figures: tuple[Figure, ...] = ()
    disputes: tuple[Dispute, ...] = ()
    entities: tuple[Entity, ...] = ()
    subtitle: str | None = None
    summary: str | None = None

    def __post_init__(self) -> None:
        events = tuple(sorted(self.events, key=lambda e: e.date.sort_key))
        object.__setattr__(self, "events", events)

    if not TYPE_CHECKING:  # to the type checker, a brief has only the fields declared

        def __getattr__(self, name: str) -> Any:
            """A field not set yet: a brief reopened from the cache decodes its bulk (events,
            excerpts) on first use, once for every thread (`briefing.brief.deferred`)."""
            deferred = self.__dict__.get("_deferred")
            if deferred is None:
                raise AttributeError(f"'Brief' object has no attribute {name!r}")
            return deferred.field(self, name)

    @functools.cached_property
    def items(self) -> dict[str, Item]:
        """Every item by id."""
        every: Iterable[Item] = itertools.chain(
            self.sources,
            self.topics,
            self.events,
            self.excerpts,
            self.figures,
            self.disputes,
            self.entities,
        )
        return {item.id: item for item in every}

    @functools.cached_property
    def links(self) -> Mapping[str, LinkTable]:
        """The reverse-link tables by name (see `_LINK_TABLES`), each built on first use."""
        return LinkTables(self)

    def _linked(self, table: str, key: str) -> tuple[str, ...]:
        return self.links[table].get(key, ())

    def get(self, item_id: str) -> Item | None:
        """The item with this id, of whatever kind, or None."""
        deferred = self.__dict__.get("_deferred")
        if deferred is not None:  # the overview's summary needs its excerpts, not all
            cited: Item | None = deferred.cited(item_id)
            if cited is not None:
                return cited
        return self.items.get(item_id)

    def source(self, source_id: str) -> Source:
        """The source with this id (the model guarantees references exist)."""
        item = self.items[source_id]
        assert isinstance(item, Source)
        return item

    def excerpt(self, excerpt_id: str) -> Excerpt:
        """The excerpt with this id."""
        item = self.items[excerpt_id]
        assert isinstance(item, Excerpt)
        return item

    def topic(self, topic_id: str) -> Topic:
        """The topic with this id."""
        item = self.items[topic_id]
        assert isinstance(item, Topic)
        return item

    def event(self, event_id: str) -> Event:
        """The event with this id."""
        item = self.items[event_id]
        assert isinstance(item, Event)
        return item

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id."""
        item = self.items[entity_id]
        assert isinstance(item, Entity)
        return item

    def excerpts_of(self, ids: Iterable[str]) -> tuple[Excerpt, ...]:
        """The excerpts with these ids, in the given order."""
        return tuple(self.excerpt(i) for i in ids)

    # Topics --------------------------------------------------------------

    def root_topics(self) -> tuple[Topic, ...]:
        """Topics without a parent, in brief order."""
        return tuple(t for t in self.topics if t.parent is None)

    def subtopics(self, topic_id: str) -> tuple[Topic, ...]:
        """The direct children of a topic."""
        return tuple(self.topic(i) for i in self._linked("children", topic_id))

    def topic_and_descendants(self, topic_id: str) -> tuple[str, ...]:
        """The topic's id and every id below it, depth first."""
        found = [topic_id]
        for child in self._linked("children", topic_id):
            found.extend(self.topic_and_descendants(child))
        return tuple(found)

    def topic_path(self, topic_id: str) -> tuple[Topic, ...]:
        """The topic's ancestors from the root down to the topic itself."""
        path = [self.topic(topic_id)]
        while path[-1].parent is not None:
            path.append(self.topic(path[-1].parent))
        return tuple(reversed(path))

    # Excerpts ------------------------------------------------------------

    def events_citing(self, excerpt_id: str) -> tuple[Event, ...]:
        """Events that cite this excerpt."""
        return tuple(self.event(i) for i in self._linked("excerpt_events", excerpt_id))

    def figures_citing(self, excerpt_id: str) -> tuple[Figure, ...]:
        """Figures that cite this excerpt."""
        return tuple(self._as(Figure, self._linked("excerpt_figures", excerpt_id)))

    def disputes_citing(self, excerpt_id: str) -> tuple[Dispute, ...]:
        """Disputes in which this excerpt supports a position."""
        return tuple(self._as(Dispute, self._linked("excerpt_disputes", excerpt_id)))

    def topics_keying(self, excerpt_id: str) -> tuple[Topic, ...]:
        """Topics that list this excerpt among their key quotes."""
        return tuple(self.topic(i) for i in self._linked("excerpt_key_topics", excerpt_id))

    # Entities and sources ------------------------------------------------

    def entity_excerpts(self, entity_id: str) -> tuple[Excerpt, ...]:
        """Excerpts that name the entity."""
        return self.excerpts_of(self._linked("entity_excerpts", entity_id))

    def entity_events(self, entity_id: str) -> tuple[Event, ...]:
        """Events that involve the entity, chronologically."""
        return tuple(self.event(i) for i in self._linked("entity_events", entity_id))

    def source_excerpts(self, source_id: str) -> tuple[Excerpt, ...]:
        """The source's excerpts in paragraph order."""
        return self.excerpts_of(self._linked("source_excerpts", source_id))

    def event_sources(self, event: Event) -> tuple[Source, ...]:
        """The distinct sources behind an event, in the order its excerpts cite them."""
        ids = dict.fromkeys(self.excerpt(x).source for x in event.excerpts)
        return tuple(self.source(s) for s in ids)

    def _as(self, cls: type[T], ids: Iterable[str]) -> Iterator[T]:
        for item_id in ids:
            item = self.items[item_id]
            assert isinstance(item, cls)
            yield item


class LinkTables(Mapping[str, LinkTable]):
    """A brief's reverse-link tables by name; each is built when first looked up.

    Two threads may build the same table at once; both build equal tables, so either
    result is right.
    """

    def __init__(self, brief: Brief) -> None:
        self._brief = brief
        self._built: dict[str, LinkTable] = {}

    def __getitem__(self, name: str) -> LinkTable:
        table = self._built.get(name)
        if table is None:
            table = self._built[name] = _LINK_TABLES[name](self._brief)
        return table

    def __iter__(self) -> Iterator[str]:
        return iter(_LINK_TABLES)

    def __len__(self) -> int:
        return len(_LINK_TABLES)


def _source_excerpts(brief: Brief) -> LinkTable:
    """Each source's excerpts in paragraph order (then offset)."""
    order = {x.id: (x.paragraph, x.offset) for x in brief.excerpts}
    by_source = _index((x.source, x.id) for x in brief.excerpts)
    return {s: tuple(sorted(ids, key=order.__getitem__)) for s, ids in by_source.items()}


_LINK_TABLES: dict[str, Callable[[Brief], LinkTable]] = {
    "children": lambda b: _index((t.parent, t.id) for t in b.topics if t.parent),
    "topic_events": lambda b: _index((t, e.id) for e in b.events for t in e.topics),
    "topic_excerpts": lambda b: _index((t, x.id) for x in b.excerpts for t in x.topics),
    "excerpt_events": lambda b: _index((x, e.id) for e in b.events for x in e.excerpts),
    "excerpt_figures": lambda b: _index((x, f.id) for f in b.figures for x in f.excerpts),
    "excerpt_disputes": lambda b: _index((x, d.id) for d in b.disputes for x in d.excerpts),
    "excerpt_key_topics": lambda b: _index((x, t.id) for t in b.topics for x in t.excerpts),
    "entity_excerpts": lambda b: _index((n, x.id) for x in b.excerpts for n in x.entities),
    "entity_events": lambda b: _index((n, e.id) for e in b.events for n in e.entities),
    "source_excerpts": _source_excerpts,
}
