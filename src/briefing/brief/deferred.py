"""A reopened brief's bulk (its events and excerpts), decoded on first use rather than
before the reader's first frame.

Reopening a brief of 100k excerpts from the cache spent 0.26 s of its 0.45 s decoding the
entry's JSON and building those 110,000 objects, while the first frame (the overview:
title, summary, disputes, key figures) shows none of them. So the entry keeps the two
fields apart (`briefing.brief.cache`), the brief is built without them, and the first use
of either, by any thread, decodes both (the reader's search index, readied in a worker
once the first frame is painted, usually comes first). A thread that asks meanwhile waits
for it, and every thread gets the same objects; to its users the brief is the same.

The bulk was checked against the entry's digest before the brief was shown, so only an
entry forged with matching digests can fail to decode here. Then the brief is checked
again from its file, as `briefing check` would, and becomes the brief so checked.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import threading
import typing
from collections.abc import Callable
from typing import Any

from briefing.brief.model import Brief
from briefing.brief.tables import Codec, Damaged
from briefing.memory import paused_gc

DEFERRED = ("events", "excerpts")
"""The brief's fields decoded on first use."""


@functools.cache
def bulk_codec() -> Codec:
    """Tables for the deferred fields, as a dataclass of their own (made from the brief's
    own type hints, so it follows the model)."""
    hints = typing.get_type_hints(Brief)
    bulk = dataclasses.make_dataclass(
        "Bulk", [(name, hints[name]) for name in DEFERRED], frozen=True, slots=True
    )
    return Codec(bulk, {})


def bulk_of(brief: Brief) -> object:
    """The brief's deferred fields, to encode with `bulk_codec`."""
    return bulk_codec().root(*(getattr(brief, name) for name in DEFERRED))


def decode_bulk(data: memoryview) -> dict[str, Any] | None:
    """The deferred fields, by name, that the JSON of `bulk_codec`'s tables holds; None
    when it holds anything else."""
    try:
        bulk = bulk_codec().decode(json.loads(str(data, "utf-8", "surrogatepass")), {})
    except (ValueError, TypeError, KeyError, RecursionError, Damaged):
        return None
    return {name: getattr(bulk, name) for name in DEFERRED}


class Deferred:
    """The bulk of one brief, not decoded yet.

    `decode` gives the deferred fields, or None when the entry turns out damaged;
    `recheck` then gives the brief checked from its file (or raises BriefError).
    """

    def __init__(
        self,
        decode: Callable[[], dict[str, Any] | None],
        recheck: Callable[[Brief], Brief],
    ) -> None:
        self._decode: Callable[[], dict[str, Any] | None] | None = decode
        self._recheck = recheck
        self._lock = threading.Lock()
        self._values: dict[str, Any] | None = None
        self._failure: Exception | None = None

    def install(self, brief: Brief) -> Brief:
        """Make the brief's deferred fields (set to anything while building it) wait for
        this bulk; the brief, for convenience."""
        state = vars(brief)
        for name in DEFERRED:
            state.pop(name, None)
        state["_deferred"] = self
        return brief

    def field(self, brief: Brief, name: str) -> Any:
        """The brief's field `name`, filling every deferred field first if need be."""
        if name not in DEFERRED:
            raise AttributeError(f"'Brief' object has no attribute {name!r}")
        with self._lock:
            if vars(brief).get("_deferred") is self:
                self._fill(brief)
        return getattr(brief, name)

    def _fill(self, brief: Brief) -> None:
        if self._failure is not None:
            raise self._failure
        values = self._values
        if values is None:
            values = self._values = self._decoded(brief)
        for name, value in values.items():
            object.__setattr__(brief, name, value)
        brief.__post_init__()  # as built: events in chronological order
        del vars(brief)["_deferred"]

    def _decoded(self, brief: Brief) -> dict[str, Any]:
        """The deferred fields; after a failed decode, every field of the brief checked
        again (it then becomes that brief, whatever the entry said)."""
        decode, self._decode = self._decode, None  # the entry's bytes are let go
        with paused_gc():
            values = decode() if decode is not None else None
        if values is not None:
            return values
        try:
            checked = self._recheck(brief)
        except Exception as error:
            self._failure = error
            raise
        return {f.name: getattr(checked, f.name) for f in dataclasses.fields(Brief)}
