"""What each item of a brief brings to the search index: its texts, in the index's order,
and the values the query's filters (`kind:`, `topic:`, `source:`, `entity:`, `year:`) match."""

from __future__ import annotations

from collections.abc import Iterable

from briefing.brief.dates import BriefDate
from briefing.brief.model import Brief, Entity, Event, Excerpt, Figure, Item, Source, Topic
from briefing.search.hits import item_texts


def own_texts(item: Item) -> tuple[str, ...]:
    """The item's own texts a search looks into, without the empty ones."""
    return tuple(text for text in item_texts(item) if text)


def ordered_items(brief: Brief) -> Iterable[Item]:
    """Every item in the index's fixed order: entities, topics, events, figures, disputes,
    sources, excerpts."""
    yield from brief.entities
    yield from brief.topics
    yield from brief.events
    yield from brief.figures
    yield from brief.disputes
    yield from brief.sources
    yield from brief.excerpts


def cited(brief: Brief, item: Item) -> tuple[str, ...]:
    """The excerpts an item stands on (or the excerpt itself)."""
    if item.item_kind == "excerpt":
        return (item.id,)
    return tuple(getattr(item, "excerpts", ()))


def facet_values(brief: Brief, item: Item) -> dict[str, set[str]]:
    """The filter values of an item: its kind, topics, sources, entities and years."""
    excerpts = brief.excerpts_of(cited(brief, item))
    topics = {t for x in excerpts for t in x.topics} | set(getattr(item, "topics", ()))
    sources = {x.source for x in excerpts}
    entities = set(getattr(item, "entities", ()))
    if isinstance(item, Topic):
        topics = {item.id}
    elif isinstance(item, Source):
        sources.add(item.id)
    elif isinstance(item, Entity):
        entities.add(item.id)
    years = {y for d in dates(brief, item) for y in range(d.start.year, d.last_day.year + 1)}
    return {
        "kind": {item.item_kind},
        "topic": topics,
        "source": sources,
        "entity": entities,
        "year": {str(y) for y in years},
    }


def dates(brief: Brief, item: Item) -> Iterable[BriefDate]:
    """The dates an item is about, for `year:`."""
    if isinstance(item, Event):
        yield item.date
    elif isinstance(item, Source) and item.published:
        yield item.published
    elif isinstance(item, Figure) and item.period:
        yield item.period
    elif isinstance(item, Excerpt):
        published = brief.source(item.source).published
        if published:
            yield published
        yield from (e.date for e in brief.events_citing(item.id))
