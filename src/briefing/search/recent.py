"""Recent searches, newest first, kept in the user's data folder across sessions.

The file is JSON (`{"version": 1, "queries": [...]}`), written atomically. A file that
cannot be read as such is never silently overwritten: it is renamed aside (with
`.damaged-<time>` appended) and the caller gets a warning to show.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

from briefing.store.files import data_dir, locked, write_atomic

RECENT_FILE = "recent-searches.json"
MAX_RECENT = 20


@dataclass(frozen=True, slots=True)
class Recent:
    """The recent searches, and a warning when the saved file had to be set aside."""

    queries: tuple[str, ...]
    warning: str | None = None


def recent_path() -> Path:
    """Where recent searches are saved."""
    return data_dir() / RECENT_FILE


def load_recent() -> Recent:
    """The saved recent searches; a damaged file is set aside with a warning."""
    path = recent_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Recent(())
    except OSError as error:
        return Recent((), f"Could not read recent searches ({path}): {error.strerror}")
    try:
        return Recent(_queries(json.loads(raw.decode("utf-8"))))
    except (UnicodeDecodeError, ValueError) as error:
        aside = _set_aside(path)
        return Recent((), f"Recent searches were damaged ({error}); kept as {aside}")


def _queries(data: object) -> tuple[str, ...]:
    """The queries in the file's data; ValueError when it is not what we write."""
    if not isinstance(data, dict) or data.get("version") != 1:
        raise ValueError("not a version 1 recent-searches file")
    queries = data.get("queries")
    if not isinstance(queries, list) or not all(isinstance(q, str) for q in queries):
        raise ValueError("queries is not a list of strings")
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
        current = load_recent()
        if not query:
            return current
        queries = (query, *(q for q in current.queries if q != query))[:MAX_RECENT]
        data = {"version": 1, "queries": list(queries)}
        write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
    return Recent(queries, current.warning)
