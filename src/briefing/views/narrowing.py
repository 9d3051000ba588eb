"""What the user has narrowed a brief to, and what that lets through.

A `Narrowing` is an immutable value of up to three parts, from the widest in:

- a topic, which selects the topic **with all its descendants** (`topic_scope`);
- an entity, which selects what names it;
- an event, whose own excerpts alone are then shown (events stay as the topic and entity
  select them).

Every change returns a new value (`with_event`, `revealing`), so a screen keeps one value
as its state and compares or restores it freely. `NarrowingHistory` is the undo stack: the
narrowing before each change (a narrowing, a jump that dropped filters to show an item,
clearing them all), for Escape to take back, latest first.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from briefing.brief.model import Brief, Event, Excerpt
from briefing.record import record

ItemT = TypeVar("ItemT", Event, Excerpt)
UNDO_LIMIT = 100
"""How many earlier narrowings are kept."""


def topic_scope(brief: Brief, topic_id: str) -> frozenset[str]:
    """The topic and every topic below it: what narrowing to a topic (or filtering by
    `topic:` in search) selects."""
    return frozenset(brief.topic_and_descendants(topic_id))


@record
class Narrowing:
    """A topic (with its descendants), an entity and an event, each optional."""

    topic: str | None = None
    entity: str | None = None
    event: str | None = None

    def __bool__(self) -> bool:
        """True when anything is narrowed."""
        return bool(self.topic or self.entity or self.event)

    @property
    def filters(self) -> bool:
        """True when a topic or an entity filters the events and excerpts."""
        return bool(self.topic or self.entity)

    def with_event(self, event_id: str | None) -> Narrowing:
        """The same, with the excerpts narrowed to this event's (None: not to an event)."""
        return replace(self, event=event_id)

    def admits(self, brief: Brief, item: Event | Excerpt) -> bool:
        """True when the topic and entity let this event or excerpt through."""
        return self._admitted(self._scope(brief), item)

    def events(self, brief: Brief) -> tuple[Event, ...]:
        """The events the topic and entity let through, in brief order."""
        return self._filtered(brief, brief.events)

    def excerpts(self, brief: Brief) -> tuple[Excerpt, ...]:
        """The event's excerpts when narrowed to one, else those the filters let through."""
        if self.event:
            return brief.excerpts_of(brief.event(self.event).excerpts)
        return self._filtered(brief, brief.excerpts)

    def revealing(self, brief: Brief, item: Event | Excerpt) -> Narrowing:
        """The same, less just the parts that would hide this event or excerpt."""
        scope = self._scope(brief)
        topic = self.topic if scope is None or scope.intersection(item.topics) else None
        entity = self.entity if self.entity is None or self.entity in item.entities else None
        event = self.event
        if isinstance(item, Excerpt) and event and item.id not in brief.event(event).excerpts:
            event = None
        return Narrowing(topic, entity, event)

    def labels(self, brief: Brief) -> list[tuple[str, str]]:
        """Each part as (label, value) to show: `Topic: Trade › Ports`, `Entity: Su-57`."""
        parts: list[tuple[str, str]] = []
        if self.topic:
            parts.append(("Topic", " › ".join(t.title for t in brief.topic_path(self.topic))))
        if self.entity:
            parts.append(("Entity", brief.entity(self.entity).name))
        if self.event:
            event = brief.event(self.event)
            parts.append(("Event", f"{event.date.show()} {event.title}"))
        return parts

    def _scope(self, brief: Brief) -> frozenset[str] | None:
        return topic_scope(brief, self.topic) if self.topic else None

    def _admitted(self, scope: frozenset[str] | None, item: Event | Excerpt) -> bool:
        return (scope is None or not scope.isdisjoint(item.topics)) and (
            self.entity is None or self.entity in item.entities
        )

    def _filtered(self, brief: Brief, items: tuple[ItemT, ...]) -> tuple[ItemT, ...]:
        if not self.filters:
            return items
        scope = self._scope(brief)
        return tuple(item for item in items if self._admitted(scope, item))


class NarrowingHistory:
    """The narrowings before each change, the latest last (at most UNDO_LIMIT)."""

    def __init__(self) -> None:
        self._earlier: list[Narrowing] = []

    def __bool__(self) -> bool:
        """True when there is a change to take back."""
        return bool(self._earlier)

    def record(self, before: Narrowing, after: Narrowing) -> None:
        """Remember `before` when a change leads to a different `after`."""
        if before != after:
            self._earlier.append(before)
            del self._earlier[:-UNDO_LIMIT]

    def undo(self) -> Narrowing | None:
        """The narrowing before the last change (forgetting it), or None."""
        return self._earlier.pop() if self._earlier else None
