"""What the main screen is narrowed to (a topic, an entity, an event), and the undo stack
that lets Escape take back any change of it: a narrowing, a jump that dropped filters to
show an item, or clearing them all."""

from __future__ import annotations

from dataclasses import dataclass

UNDO_LIMIT = 100
"""How many earlier narrowings are kept."""


@dataclass(frozen=True, slots=True)
class Narrowing:
    """The filters in force: each an id, or None."""

    topic: str | None = None
    entity: str | None = None
    event: str | None = None

    def __bool__(self) -> bool:
        """True when anything is narrowed."""
        return bool(self.topic or self.entity or self.event)


class NarrowingHistory:
    """The narrowings before each change, the latest last."""

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
