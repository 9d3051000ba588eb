"""A cache of checked briefs, so reopening an unchanged brief skips parsing and checking.

Entries live in the user's cache folder, keyed by the brief's resolved path and content
and by this program's version; each entry records its sources' digests, which are checked
again on every read, so a changed article makes the entry stale. A damaged entry fails its
checksum and is ignored. Deleting the folder is always safe.

The entries are pickles: they are only ever read from the user's own cache folder.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from contextlib import suppress
from pathlib import Path

from briefing import __version__
from briefing.model import Brief
from briefing.sources import digest
from briefing.storage import cache_dir, write_atomic

MAGIC = b"briefing-cache-1\n"


def _entry(path: Path) -> tuple[Path, bytes] | None:
    try:
        content = path.read_bytes()
    except OSError:
        return None
    key = hashlib.sha256()
    for part in (__version__, sys.version, str(path.resolve())):
        key.update(part.encode() + b"\0")
    key.update(content)
    return cache_dir() / f"{key.hexdigest()}.pickle", content


def read(path: Path) -> Brief | None:
    """The cached brief for path, or None when there is none, it is stale or damaged."""
    entry = _entry(path)
    if entry is None:
        return None
    try:
        blob = entry[0].read_bytes()
    except OSError:
        return None
    header, _, payload = blob[len(MAGIC) :].partition(b"\n")
    if not blob.startswith(MAGIC) or header.decode("ascii", "replace") != digest(payload):
        return None
    try:
        sources, brief = pickle.loads(payload)
    except (pickle.UnpicklingError, EOFError, AttributeError, TypeError, ValueError):
        return None
    if not isinstance(brief, Brief) or not _sources_unchanged(sources):
        return None
    return brief


def _sources_unchanged(sources: dict[str, str]) -> bool:
    for source_path, expected in sources.items():
        try:
            if digest(Path(source_path).read_bytes()) != expected:
                return False
        except OSError:
            return False
    return True


def write(path: Path, brief: Brief, sources: dict[str, str]) -> None:
    """Store a checked brief; a cache that cannot be written is simply not used."""
    entry = _entry(path)
    if entry is None:
        return
    payload = pickle.dumps((sources, brief), protocol=pickle.HIGHEST_PROTOCOL)
    with suppress(OSError):  # the cache is an optimisation; the brief is already loaded
        write_atomic(entry[0], MAGIC + digest(payload).encode() + b"\n" + payload)
