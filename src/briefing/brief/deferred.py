"""A reopened brief's bulk (its events and excerpts), decoded on first use rather than
before the reader's first frame.

Reopening a brief of 100k excerpts from the cache spent 0.26 s of its 0.45 s decoding the
entry's JSON and building those 110,000 objects, while the first frame (the overview:
title, summary, disputes, key figures) shows none of them. So the entry keeps the two
fields apart (`briefing.brief.cache`), the brief is built without them, and the first use
of either, by any thread, decodes both (the reader's search index, readied in a worker
once the first frame is painted, usually comes first). A thread that asks meanwhile waits
for it, and every thread gets the same objects; to its users the brief is the same.
The excerpts the summary cites are the exception: the overview marks each claim with its
sources, so the head holds them too, and `Brief.get` finds them before the rest.

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

from briefing.brief.model import Brief, Excerpt, Item
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


@functools.cache
def head_type() -> type[Any]:
    """The entry's head: the brief without its deferred fields (the codec leaves them out),
    and the excerpts its summary cites."""
    hints = typing.get_type_hints(Brief)
    fields = [("brief", Brief), ("cited", hints["excerpts"])]
    return dataclasses.make_dataclass("Head", fields, frozen=True, slots=True)


def head_of(brief: Brief) -> object:
    """The brief's head, to encode: the brief and the excerpts its summary cites."""
    from briefing.brief.claims import claims
    from briefing.brief.prose import paragraphs

    summary = paragraphs(brief.summary or "")
    ids = {i for paragraph in summary for claim in claims(paragraph) for i in claim.ids}
    cited = tuple(x for x in brief.excerpts if x.id in ids) if ids else ()
    return head_type()(brief, cited)


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
    """The bulk of one brief, not decoded yet, and the excerpts its summary cites.

    `decode` gives the deferred fields, or None when the entry turns out damaged;
    `recheck` then gives the brief checked from its file (or raises BriefError).
    """

    def __init__(
        self,
        cited: tuple[Excerpt, ...],
        decode: Callable[[], dict[str, Any] | None],
        recheck: Callable[[Brief], Brief],
    ) -> None:
        self._cited = {x.id: x for x in cited}
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

    def cited(self, item_id: str) -> Item | None:
        """The excerpt with this id if the summary cites it (the very object the excerpts
        will hold, unless the entry turns out damaged), else None."""
        return self._cited.get(item_id)

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
            values = self._with_cited(decode() if decode is not None else None)
        if values is not None:
            return values
        try:
            checked = self._recheck(brief)
        except Exception as error:
            self._failure = error
            raise
        return {f.name: getattr(checked, f.name) for f in dataclasses.fields(Brief)}

    def _with_cited(self, values: dict[str, Any] | None) -> dict[str, Any] | None:
        """The decoded fields holding the summary's excerpts as already given out; None
        when the bulk does not hold each of them as the head does."""
        if values is None or not self._cited:
            return values
        cited, excerpts = self._cited, values["excerpts"]
        found = [x for x in excerpts if x.id in cited]
        if {x.id for x in found} != cited.keys() or any(cited[x.id] != x for x in found):
            return None
        return {**values, "excerpts": tuple(cited.get(x.id, x) for x in excerpts)}
