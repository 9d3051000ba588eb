"""Recent searches, newest first, kept in the user's data folder across sessions.

The file is JSON (`{"version": 1, "queries": [...]}`), written atomically. A file that
cannot be read as such is never silently overwritten: it is renamed aside (with
`.damaged-<time>` appended) and the caller gets a warning to show.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from briefing.record import record
from briefing.store.files import (
    FileMissing,
    FileRefused,
    data_dir,
    locked,
    read_regular,
    write_atomic,
)

RECENT_FILE = "recent-searches.json"
MAX_RECENT = 20
MAX_RECENT_BYTES = 1024 * 1024


@record
class Recent:
    """The recent searches, and a warning when the saved file had to be set aside."""

    queries: tuple[str, ...]
    warning: str | None = None


def recent_path() -> Path:
    """Where recent searches are saved."""
    return data_dir() / RECENT_FILE


def load_recent() -> Recent:
    """The saved recent searches; a damaged file is set aside with a warning."""
    return _load(recent_path())[0]


def _load(path: Path) -> tuple[Recent, bool]:
    """The recent searches, and whether saving may replace the file (it is not one that
    could not be read, which would be lost)."""
    try:
        raw = read_regular(path, MAX_RECENT_BYTES, what="a recent-searches file")
    except FileMissing:
        return Recent(()), True
    except FileRefused as refused:
        return Recent((), f"Could not read recent searches: {path} {refused}"), False
    try:
        return Recent(_queries(json.loads(raw.decode("utf-8")))), True
    except (ValueError, RecursionError) as error:  # UnicodeError is a ValueError
        why = "it nests too deeply" if isinstance(error, RecursionError) else str(error)
        try:
            aside = _set_aside(path)
        except OSError as failure:
            return Recent(
                (),
                f"Recent searches are damaged ({why}) and could not be set "
                f"aside: {failure.strerror}",
            ), False
        return Recent((), f"Recent searches were damaged ({why}); kept as {aside}"), True


def _queries(data: object) -> tuple[str, ...]:
    """The queries in the file's data; ValueError when it is not what we write."""
    if not isinstance(data, dict) or data.get("version") != 1:
        raise ValueError("not a version 1 recent-searches file")
    queries = data.get("queries")
    if not isinstance(queries, list) or not all(isinstance(q, str) for q in queries):
        raise ValueError("queries is not a list of strings")
    for query in queries:
        query.encode("utf-8")  # a lone surrogate (a `\\ud800` escape) is not text: damaged
    return tuple(queries[:MAX_RECENT])


def _set_aside(path: Path) -> Path:
    """Rename a damaged file out of the way, to a name no earlier one has taken."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    serial = 1
    while aside.exists():
        serial += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{serial}")
    path.rename(aside)
    return aside


def remember(query: str) -> Recent:
    """Put a query first among the recent searches (once), save them, and return them."""
    query = " ".join(query.split())
    path = recent_path()
    with locked(path):
        current, replaceable = _load(path)
        if not query:
            return current
        if not replaceable:
            raise OSError(current.warning or f"{path} cannot be replaced")
        queries = (query, *(q for q in current.queries if q != query))[:MAX_RECENT]
        data = {"version": 1, "queries": list(queries)}
        write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
    return Recent(queries, current.warning)
