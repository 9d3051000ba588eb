"""Noticing that a brief or one of its articles changed on disk, cheaply enough to poll.

A fingerprint is each file's modification time and size; comparing two takes one `stat`
per file and reads nothing, so the reader can poll every second without a dependency.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from briefing.brief.model import Brief

Fingerprint = tuple[tuple[str, int, int], ...]


def watched_files(brief: Brief) -> list[Path]:
    """The brief's own file and each of its articles."""
    return [brief.path, *dict.fromkeys(source.path for source in brief.sources)]


def fingerprint(paths: Iterable[Path]) -> Fingerprint:
    """Each file's modification time (ns) and size; (-1, -1) for one that cannot be read."""
    found = []
    for path in paths:
        try:
            status = os.stat(path)
        except OSError:
            found.append((str(path), -1, -1))
        else:
            found.append((str(path), status.st_mtime_ns, status.st_size))
    return tuple(found)
