"""A cache of checked briefs, so reopening an unchanged brief skips parsing and checking.

Entries live in the user's cache folder, keyed by the brief's resolved path and content
and by this program's version; each entry records its sources' digests, which are checked
again on every read, so a changed article makes the entry stale. A damaged entry fails its
checksum and is ignored. Deleting the folder is always safe.

The entries are pickles: they are only ever read from the user's own cache folder.
"""

from __future__ import annotations

import copyreg
import dataclasses
import functools
import gc
import hashlib
import io
import json
import operator
import pickle
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from briefing import __version__, dates, model
from briefing.model import Brief
from briefing.sources import digest
from briefing.storage import cache_dir, write_atomic

MAGIC = b"briefing-cache-3\n"
# The model's small frozen classes, pickled as a constructor call with their fields in
# order: several times faster to load than the default (a __setstate__ call per object).
_COMPACT = (
    model.Source,
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


def _reducer(cls: type[Any]) -> Callable[[Any], tuple[type[Any], tuple[Any, ...]]]:
    fields = operator.attrgetter(*(f.name for f in dataclasses.fields(cls)))
    return lambda item: (cls, fields(item))


@functools.cache
def _dispatch_table() -> dict[type[Any], Any]:
    table: dict[type[Any], Any] = dict(copyreg.dispatch_table)
    table.update((cls, _reducer(cls)) for cls in _COMPACT)
    return table


@contextmanager
def _no_gc() -> Iterator[None]:
    """Unpickling builds millions of objects, none of them garbage: keep the GC out."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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

    The sources are re-read and hashed in a second thread while the brief is unpickled
    (hashing and file reads release the GIL): on a large brief that hides their cost.
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
    with ThreadPoolExecutor(max_workers=1) as pool:
        unchanged = pool.submit(_sources_unchanged, sources)
        brief = _unpickle(payload) if checksum == digest(payload) else None
        return brief if brief is not None and unchanged.result() else None


def _is_digest_table(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    )


def _unpickle(payload: memoryview) -> Brief | None:
    try:
        with _no_gc():
            brief = pickle.loads(payload)
    except (pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        return None
    return brief if isinstance(brief, Brief) else None


def _sources_unchanged(sources: dict[str, str]) -> bool:
    for source_path, expected in sources.items():
        try:
            if digest(Path(source_path).read_bytes()) != expected:
                return False
        except (OSError, ValueError):  # ValueError: a damaged path with a NUL in it
            return False
    return True


def write(path: Path, brief: Brief, sources: dict[str, str]) -> None:
    """Store a checked brief; a cache that cannot be written is simply not used."""
    entry = _entry(path)
    if entry is None:
        return
    with _no_gc():
        payload = _dumps(brief)
    header = json.dumps(sources).encode() + b"\n" + digest(payload).encode() + b"\n"
    with suppress(OSError):  # the cache is an optimisation; the brief is already loaded
        write_atomic(entry[0], MAGIC + header + payload)
        place = entry[0].name.split("-")[0]
        for stale in entry[0].parent.glob(f"{place}-*.pickle"):
            if stale != entry[0]:
                stale.unlink(missing_ok=True)
