"""A cache of checked briefs, so reopening an unchanged brief skips parsing and checking.

Entries live in the user's cache folder, keyed by the brief's resolved path and content
and by this program's version; each entry records its sources' digests, which are checked
again on every read, so a changed article makes the entry stale. A damaged entry fails its
checksum and is ignored. Deleting the folder is always safe.

An entry holds the brief's fields but not its sources' paragraphs (two thirds of a large
entry): reading an entry reads every source file anyway, to check its digest, and splits
the paragraphs again from that text. Derived tables (`Brief.items`, `Brief.links`) are
never stored; the model builds them on first use.

Writing a large brief's entry takes a second; when the process has a single thread, a
forked child writes it, so the reader need not wait (see `write`).

The entries are pickles: they are only ever read from the user's own cache folder.
"""

from __future__ import annotations

import atexit
import copyreg
import dataclasses
import functools
import hashlib
import io
import json
import operator
import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

from briefing import __version__
from briefing.brief import dates, model
from briefing.brief.model import Brief
from briefing.brief.sources import SourceError, decode_text, digest, split_paragraphs
from briefing.memory import paused_gc
from briefing.store.files import cache_dir, write_atomic

MAGIC = b"briefing-cache-4\n"
BACKGROUND_FROM = 20_000
"""Excerpts from which the entry is written by a forked child (a smaller one is quick)."""
# The model's small frozen classes, pickled as a constructor call with their fields in
# order: several times faster to load than the default (a __setstate__ call per object).
_COMPACT = (
    model.Topic,
    model.Event,
    model.Span,
    model.Excerpt,
    model.Figure,
    model.Position,
    model.Dispute,
    model.Entity,
    dates.BriefDate,
    dates.DatePoint,
)
_BRIEF_FIELDS = tuple(f.name for f in dataclasses.fields(Brief))
_SOURCE_FIELDS = tuple(f.name for f in dataclasses.fields(model.Source) if f.name != "paragraphs")
_writers: list[int] = []  # forked children still writing an entry


def _reducer(cls: type[Any]) -> Callable[[Any], tuple[type[Any], tuple[Any, ...]]]:
    fields = operator.attrgetter(*(f.name for f in dataclasses.fields(cls)))
    return lambda item: (cls, fields(item))


@functools.cache
def _dispatch_table() -> dict[type[Any], Any]:
    table: dict[type[Any], Any] = dict(copyreg.dispatch_table)
    table.update((cls, _reducer(cls)) for cls in _COMPACT)
    return table


def _dumps(value: object) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _dispatch_table()
    pickler.dump(value)
    return buffer.getvalue()


def _entry(path: Path) -> tuple[Path, bytes] | None:
    """The entry file for the brief at path as it is now, and the brief's bytes.

    Named `PATHKEY-CONTENTKEY.pickle`, so that writing a new entry for a brief can remove
    the entries of its earlier versions (a large brief's entry is tens of megabytes).
    """
    try:
        content = path.read_bytes()
    except OSError:
        return None
    place = hashlib.sha256()
    for part in (__version__, sys.version, str(path.resolve())):
        place.update(part.encode() + b"\0")
    name = f"{place.hexdigest()[:24]}-{hashlib.sha256(content).hexdigest()}.pickle"
    return cache_dir() / name, content


def read(path: Path) -> Brief | None:
    """The cached brief for path, or None when there is none, it is stale or damaged.

    The sources are read and hashed in this thread: in a second one, alongside unpickling,
    they were starved of the GIL (each file needs it several times) and took longer.
    """
    entry = _entry(path)
    if entry is None:
        return None
    try:
        blob = entry[0].read_bytes()
        header_end = blob.index(b"\n", len(MAGIC))
        sources = json.loads(blob[len(MAGIC) : header_end])
    except (OSError, ValueError):
        return None
    if not blob.startswith(MAGIC) or not _is_digest_table(sources):
        return None
    checksum = blob[header_end + 1 : header_end + 65].decode("ascii", "replace")
    # A memoryview, because slicing an entry of a large brief copies tens of megabytes.
    payload = memoryview(blob)[header_end + 66 :]
    if checksum != digest(payload):
        return None
    texts = _read_sources(sources)
    if texts is None:
        return None
    with paused_gc():
        fields = _unpickle(payload)
        return _rebuild(fields, texts) if fields is not None else None


def _is_digest_table(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    )


def _unpickle(payload: memoryview) -> dict[str, Any] | None:
    """The brief's fields as stored by `write`, or None when the payload is not that."""
    try:
        fields = pickle.loads(payload)
    except (pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        return None
    if not isinstance(fields, dict) or fields.keys() != set(_BRIEF_FIELDS):
        return None
    return fields


def _read_sources(sources: dict[str, str]) -> dict[str, bytes] | None:
    """Each source file's bytes by path, or None when one changed or cannot be read."""
    found = {}
    for source_path, expected in sources.items():
        try:
            with open(source_path, "rb") as file:  # a plain open: 5000 Paths cost 15 ms
                data = file.read()
        except (OSError, ValueError):  # ValueError: a damaged path with a NUL in it
            return None
        if digest(data) != expected:
            return None
        found[source_path] = data
    return found


def _rebuild(fields: dict[str, Any], texts: dict[str, bytes]) -> Brief | None:
    """The brief from its stored fields, its sources' paragraphs split from their files."""
    sources = []
    try:
        for stored in fields["sources"]:
            values = dict(zip(_SOURCE_FIELDS, stored, strict=True))
            data = texts[str(values["path"])]
            # The loader's own steps on the bytes it checked: the same paragraphs.
            paragraphs = split_paragraphs(decode_text(data, repr(values["file"])))
            sources.append(model.Source(paragraphs=paragraphs, **values))
        return Brief(**{**fields, "sources": tuple(sources)})
    except (TypeError, ValueError, KeyError, AttributeError, SourceError):
        return None


def write(path: Path, brief: Brief, sources: dict[str, str]) -> None:
    """Store a checked brief; a cache that cannot be written is simply not used.

    A large brief's entry (a second's work at 100k excerpts) is written by a forked child,
    so that the reader shows the brief at once. Only when this process runs one thread:
    a child of a threaded process may inherit a lock another thread held (in the
    allocator, a logging handler, ...) and hang. The child touches nothing the parent
    owns: its standard streams go to /dev/null (nor does a pipe reading the parent's output
    wait for it), Ctrl+C in the terminal does not cut it short, and it leaves through
    `os._exit`, so no buffer is flushed twice and no exit handler runs twice. The parent
    waits for it on exit, so that the entry is there for the next run; a second Ctrl+C
    stops that wait, and the child finishes on its own.
    """
    entry = _entry(path)
    if entry is None:
        return
    if len(brief.excerpts) < BACKGROUND_FROM or not _may_fork():
        _write_entry(entry[0], brief, sources)
        return
    try:
        child = os.fork()
    except OSError:
        _write_entry(entry[0], brief, sources)
        return
    if child == 0:
        _write_in_child(entry[0], brief, sources)
    _reap_on_exit()
    _writers.append(child)


@functools.cache
def _reap_on_exit() -> None:
    atexit.register(_wait_at_exit)


def _wait_at_exit() -> None:
    with suppress(KeyboardInterrupt):  # never a traceback at exit; the child carries on
        wait_for_writers()


def _may_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1


def _write_in_child(file: Path, brief: Brief, sources: dict[str, str]) -> None:
    """Write the entry in a forked child, then end the child without any clean-up."""
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        quiet = os.open(os.devnull, os.O_RDWR)
        for stream in (0, 1, 2):
            os.dup2(quiet, stream)
        _write_entry(file, brief, sources)
        status = 0
    finally:
        os._exit(status)


def wait_for_writers() -> int:
    """Wait until every forked writer has finished; how many there were."""
    reaped = 0
    while _writers:
        with suppress(ChildProcessError):
            os.waitpid(_writers.pop(), 0)
            reaped += 1
    return reaped


def _write_entry(file: Path, brief: Brief, sources: dict[str, str]) -> None:
    with paused_gc():
        fields = {name: getattr(brief, name) for name in _BRIEF_FIELDS}
        # Each source's fields but its paragraphs, which `read` splits again from the file.
        fields["sources"] = tuple(
            tuple(getattr(source, name) for name in _SOURCE_FIELDS) for source in brief.sources
        )
        payload = _dumps(fields)
    header = json.dumps(sources).encode() + b"\n" + digest(payload).encode() + b"\n"
    with suppress(OSError):  # the cache is an optimisation; the brief is already loaded
        write_atomic(file, MAGIC + header + payload)
        place = file.name.split("-")[0]
        for stale in file.parent.glob(f"{place}-*.pickle"):
            if stale != file:
                stale.unlink(missing_ok=True)
        _remove_abandoned_writes(file.parent, place)


ABANDONED_AFTER = 600
"""Seconds after which a temporary entry is a killed writer's, not one still being written."""


def _remove_abandoned_writes(folder: Path, place: str) -> None:
    """Delete what writers killed mid-write left behind for this brief (tens of MB each)."""
    now = time.time()
    for partial in folder.glob(f".{place}-*.tmp"):
        with suppress(OSError):
            if now - partial.stat().st_mtime > ABANDONED_AFTER:
                partial.unlink()
