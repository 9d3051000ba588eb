"""A cache of checked briefs, so reopening an unchanged brief skips parsing and checking.

Entries are data only: a header line and the brief as JSON tables (`briefing.brief.tables`),
whose decoding builds nothing but the model's own classes, so no entry, however forged, can
run code. An entry is used only when everything it was made from is unchanged: it is keyed
by the brief's resolved path, this program's and Python's versions, and the brief's bytes,
and it records the SHA-256 of the model's shape, of its own payload and of every source
file. Every source is read again on each use, through the loader's own checks
(`sources.Articles`: confined, a regular file, within the size cap, opened once without
blocking), so a source swapped for a link, a FIFO or a device after caching
is refused by the loader exactly as `briefing check` refuses it. Anything unexpected (a
damaged, foreign or old entry, a folder or file another user owns or may write) is a
cache miss. Deleting the folder is always safe.

An entry holds the brief's fields but not its sources' paragraphs (two thirds of a large
entry): reading an entry reads every source file anyway, to check its digest, and each
source's paragraphs are split from those bytes when first wanted. Derived tables
(`Brief.items`, `Brief.links`) are never stored; the model builds them on first use.

After its header line, an entry holds two JSON documents, a line each: the head (every
field but the events and excerpts: all the reader's first frame shows) and the bulk (those
two, nine tenths of a large entry). Both are checked against the entry's digest before
the brief is returned, but only the head is decoded then; the bulk is decoded when first
used (`briefing.brief.deferred`), so a large brief reopens in a fraction of the time.

Writing a large brief's entry takes a second; when the process has a single thread, a
forked child writes it, so the reader need not wait (see `write`).
"""

from __future__ import annotations

import atexit
import functools
import json
import os
import signal
import stat
import sys
import threading
import time
import weakref
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing import __version__
from briefing.brief import model
from briefing.brief.deferred import (
    DEFERRED,
    Deferred,
    bulk_codec,
    bulk_of,
    decode_bulk,
    head_of,
    head_type,
)
from briefing.brief.model import Brief
from briefing.brief.problems import BriefError, Problem
from briefing.brief.sources import Articles, Paragraphs, SourceError, digest, sha256
from briefing.brief.tables import Codec, Damaged
from briefing.memory import paused_gc
from briefing.store.files import cache_dir, write_atomic

if TYPE_CHECKING:
    from briefing.brief.loader import LoadResult

Check = Callable[[Path, bytes], "LoadResult"]
"""Checks a brief's bytes as `briefing check` does (`briefing.brief.loader.check_brief`)."""

MAGIC = b"briefing-cache-6\n"
SUFFIX = ".entry"
MAX_ENTRY_BYTES = 1024 * 1024 * 1024
BACKGROUND_FROM = 20_000
"""Excerpts from which the entry is written by a forked child (a smaller one is quick)."""
_writers: list[int] = []  # forked children still writing an entry


@functools.cache
def codec() -> Codec:
    """The head's tables: the brief but for its deferred fields (`bulk_codec` has those),
    with the excerpts its summary cites; a source's path and paragraphs come from its
    file, not the entry."""
    derived = {Brief: ("path", *DEFERRED), model.Source: ("path", "paragraphs")}
    return Codec(head_type(), derived)


@functools.cache
def schema_digest() -> str:
    """Names the model's shape, so an entry written for another shape is never decoded."""
    return digest(f"{codec().schema}\n\n{bulk_codec().schema}".encode())


def entry_name(path: Path, content: bytes) -> str:
    """`PATHKEY-CONTENTKEY.entry`: writing a new entry for a brief removes the entries of
    its earlier versions (a large brief's entry is tens of megabytes)."""
    return _entry_name(path, digest(content))


def _entry_name(path: Path, content_digest: str) -> str:
    """`entry_name` for the brief's bytes of this digest (hashed once per read: 25 MB at
    100k excerpts)."""
    place = sha256()
    for part in (__version__.encode(), sys.version.encode(), os.fsencode(path.resolve())):
        place.update(part + b"\0")  # fsencode: a file name need not be valid UTF-8
    return f"{place.hexdigest()[:24]}-{content_digest}{SUFFIX}"


def trusted_folder(folder: Path) -> bool:
    """True when the folder is the user's own and no one else may write in it."""
    try:
        info = folder.stat()
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and _owned_privately(info)


def _owned_privately(info: os.stat_result) -> bool:
    return info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read_entry(file: Path) -> bytes | None:
    """The entry's bytes if it is a regular file of the user's that only they may write.

    Opened once, not following a final link and without blocking, checked on the open
    descriptor, and read with a bound."""
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        descriptor = os.open(file, flags)
    except (OSError, ValueError):
        return None
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or not _owned_privately(info):
            return None
        if info.st_size > MAX_ENTRY_BYTES:
            return None
        data = handle.read(info.st_size + 1)
    return data if len(data) == info.st_size else None


def read(path: Path, content: bytes, check: Check | None = None) -> Brief | None:
    """The cached brief at path whose file holds `content`; None when there is no current,
    sound entry for it (a cache miss: the caller checks the brief itself).

    Its events and excerpts are decoded when first used. Should they turn out damaged
    then (only an entry forged with matching digests can be), the entry is removed and
    the brief becomes the one `check` makes of `content`; without `check`, or when the
    brief no longer passes it, that first use raises BriefError.

    The sources are read and hashed in this thread: in a second one, alongside decoding,
    they were starved of the GIL (each file needs it several times) and took longer. The
    collector is paused throughout (a full collection while building the model walked
    everything Textual had made: 70 ms at 100k excerpts).
    """
    with paused_gc():
        return _read(path, content, check)


def _read(path: Path, content: bytes, check: Check | None) -> Brief | None:
    folder = cache_dir()
    if not trusted_folder(folder):
        return None
    content_digest = digest(content)
    file = folder / _entry_name(path, content_digest)
    blob = _read_entry(file)
    if blob is None or not blob.startswith(MAGIC):
        return None
    try:
        header_end = blob.index(b"\n", len(MAGIC))
        header = json.loads(blob[len(MAGIC) : header_end])
    except ValueError:
        return None
    payload = memoryview(blob)[header_end + 1 :]
    if not _is_current(header, content_digest, payload):
        return None
    head_end = blob.find(b"\n", header_end + 1)
    if head_end < 0:
        return None
    paragraphs = _read_sources(path, header["sources"])
    if paragraphs is None:
        return None
    head = memoryview(blob)[header_end + 1 : head_end]
    bulk = memoryview(blob)[head_end + 1 :]
    decoded = _decode(path, head, header["sources"], paragraphs)
    if decoded is None:
        return None
    brief, cited = decoded
    bulk_decoded = functools.partial(decode_bulk, bulk)
    _remember(brief, file, header)
    return Deferred(cited, bulk_decoded, _recheck(file, content, check)).install(brief)


def _is_current(header: Any, content_digest: str, payload: memoryview) -> bool:
    if not isinstance(header, dict) or header.get("schema") != schema_digest():
        return False
    sources = header.get("sources")
    return (
        header.get("brief") == content_digest
        and isinstance(sources, list)
        and all(_is_pair_of_text(pair) for pair in sources)
        and header.get("payload") == digest(payload)
    )


def _is_pair_of_text(value: object) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)


def _read_sources(
    brief_path: Path, sources: list[list[str]]
) -> list[tuple[Path, Paragraphs]] | None:
    """Each source's resolved path and paragraphs (split when first read), read through
    the loader's own checks; None when one is refused or changed (the loader then says
    why)."""
    found = []
    with Articles(brief_path) as articles:
        for file, expected in sources:
            try:
                resolved, data = articles.read(file)
            except (SourceError, ValueError):  # ValueError: a file name with a NUL in it
                return None
            if digest(data) != expected:
                return None
            found.append((resolved, Paragraphs(data)))
    return found


def _decode(
    path: Path,
    payload: memoryview,
    sources: list[list[str]],
    paragraphs: list[tuple[Path, Paragraphs]],
) -> tuple[Brief, tuple[model.Excerpt, ...]] | None:
    """The entry's head: the brief (but for its deferred fields) and the excerpts its
    summary cites; None when it is damaged."""
    try:
        tables = json.loads(str(payload, "utf-8", "surrogatepass"))  # no copy of the bytes
        files = tables["Source"]["file"]
        if files != [file for file, _ in sources]:
            return None  # the entry's sources are not those whose files were checked
        supplied: dict[str, dict[str, list[Any]]] = {
            "Brief": {"path": [path], **{name: [()] for name in DEFERRED}},
            "Source": {
                "path": [p for p, _ in paragraphs],
                "paragraphs": [text for _, text in paragraphs],
            },
        }
        head = codec().decode(tables, supplied)
    except (ValueError, TypeError, KeyError, RecursionError, Damaged):
        return None
    return head.brief, head.cited


def _recheck(file: Path, content: bytes, check: Check | None) -> Callable[[Brief], Brief]:
    """What a brief whose bulk turns out damaged becomes: its entry (and what is kept
    with it) removed, the brief checked again from `content`."""

    def recheck(brief: Brief) -> Brief:
        _origins.pop(id(brief), None)  # nothing more is read from or kept with the entry
        for kept in file.parent.glob(f"{file.stem}.*"):
            with suppress(OSError):
                kept.unlink()
        if check is None:
            raise BriefError([Problem(str(brief.path), 0, 0, "its cache entry is damaged")])
        result = check(brief.path, content)
        if result.brief is None:
            raise BriefError(result.errors)
        return result.brief

    return recheck


def write(path: Path, content: bytes, brief: Brief, digests: dict[str, str]) -> None:
    """Store a checked brief read from `content`; a cache that cannot be written is simply
    not used. `digests` holds each source's SHA-256 by its resolved path.

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
    content_digest = digest(content)
    try:
        file = cache_dir() / _entry_name(path, content_digest)
        sources = [[s.file, digests[str(s.path)]] for s in brief.sources]
    except (OSError, KeyError):
        return
    header = {"schema": schema_digest(), "brief": content_digest, "sources": sources}
    _remember(brief, file, header)
    if len(brief.excerpts) < BACKGROUND_FROM or not _may_fork():
        _write_entry(file, brief, header)
        return
    try:
        child = os.fork()
    except OSError:
        _write_entry(file, brief, header)
        return
    if child == 0:
        _write_in_child(file, brief, header)
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


def _write_in_child(file: Path, brief: Brief, header: dict[str, Any]) -> None:
    """Write the entry in a forked child, then end the child without any clean-up."""
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        quiet = os.open(os.devnull, os.O_RDWR)
        for stream in (0, 1, 2):
            os.dup2(quiet, stream)
        _write_entry(file, brief, header)
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


def _write_entry(file: Path, brief: Brief, header: dict[str, Any]) -> None:
    with suppress(OSError):  # the cache is an optimisation; the brief is already loaded
        file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not trusted_folder(file.parent):
            return
        with paused_gc():
            # ASCII (\u escapes): an entry of plain ASCII decodes a fifth faster than UTF-8,
            # and holds no line break, so the head ends at the first one
            head = json.dumps(codec().encode(head_of(brief)), separators=(",", ":"))
            bulk = json.dumps(bulk_codec().encode(bulk_of(brief)), separators=(",", ":"))
        data = f"{head}\n{bulk}".encode("ascii")
        header = {**header, "payload": digest(data)}
        write_atomic(file, MAGIC + json.dumps(header).encode() + b"\n" + data)
        _remove_stale(file)


# What each brief read or written was made from, by id (with a weak reference, so an id
# reused by a later object is recognised): where extras made from it are kept.
_origins: dict[int, tuple[weakref.ref[Brief], Path, dict[str, Any]]] = {}


def _remember(brief: Brief, file: Path, header: dict[str, Any]) -> None:
    made_from = {key: header[key] for key in ("schema", "brief", "sources")}
    for key in [k for k, (ref, _, _) in _origins.items() if ref() is None]:
        del _origins[key]
    _origins[id(brief)] = (weakref.ref(brief), file, made_from)


def _origin(brief: Brief) -> tuple[Path, dict[str, Any]] | None:
    found = _origins.get(id(brief))
    if found is None or found[0]() is not brief:
        return None
    return found[1], found[2]


def read_extra(brief: Brief, kind: str, version: str) -> bytes | None:
    """Data kept with the brief's entry (its search index), if made from this very brief
    (the same bytes, sources and model) in this version of `kind`; else None."""
    origin = _origin(brief)
    if origin is None or not trusted_folder(origin[0].parent):
        return None
    file, made_from = origin
    blob = _read_entry(file.with_suffix(f".{kind}"))
    if blob is None or not blob.startswith(MAGIC):
        return None
    try:
        header_end = blob.index(b"\n", len(MAGIC))
        header = json.loads(blob[len(MAGIC) : header_end])
    except ValueError:
        return None
    payload = memoryview(blob)[header_end + 1 :]
    expected = {**made_from, "kind": kind, "version": version, "payload": digest(payload)}
    return bytes(payload) if header == expected else None


def write_extra(brief: Brief, kind: str, version: str, data: bytes) -> None:
    """Keep data made from the brief with its entry; removed with the entry's brief."""
    origin = _origin(brief)
    if origin is None:
        return
    file, made_from = origin
    header = {**made_from, "kind": kind, "version": version, "payload": digest(data)}
    with suppress(OSError):
        file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if trusted_folder(file.parent):
            write_atomic(
                file.with_suffix(f".{kind}"), MAGIC + json.dumps(header).encode() + b"\n" + data
            )


ABANDONED_AFTER = 600
"""Seconds after which a temporary entry is a killed writer's, not one still being written."""


def _remove_stale(file: Path) -> None:
    """Delete this brief's earlier entries and their extras, old-format (pickle) entries
    of any brief, and what writers killed mid-write left behind for this brief."""
    folder = file.parent
    place = file.name.split("-")[0]
    for stale in (*folder.glob(f"{place}-*"), *folder.glob("*.pickle")):
        if stale.suffix == ".pickle" or stale.stem != file.stem:  # keeps this entry's extras
            with suppress(OSError):
                stale.unlink()
    now = time.time()
    for partial in folder.glob(f".{place}-*.tmp"):
        with suppress(OSError):
            if now - partial.stat().st_mtime > ABANDONED_AFTER:
                partial.unlink()
