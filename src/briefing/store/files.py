"""Where briefing keeps the user's files, and how it writes them without ever losing one.

Every save goes to a temporary file in the same folder, is flushed and fsynced, and then
renamed over the old file, so a crash or a kill leaves either the old or the new file,
never half of one. The previous version is kept as a `.bak` beside it.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _folder(variable: str, default: str) -> Path:
    base = os.environ.get(variable)
    root = Path(base) if base and os.path.isabs(base) else Path.home() / default
    return root / "briefing"


def config_dir() -> Path:
    """The user's config folder for briefing (XDG_CONFIG_HOME, else ~/.config)."""
    return _folder("XDG_CONFIG_HOME", ".config")


def data_dir() -> Path:
    """The user's data folder for briefing (XDG_DATA_HOME, else ~/.local/share)."""
    return _folder("XDG_DATA_HOME", ".local/share")


def cache_dir() -> Path:
    """The user's cache folder for briefing (XDG_CACHE_HOME, else ~/.cache)."""
    return _folder("XDG_CACHE_HOME", ".cache")


def backup_path(path: Path) -> Path:
    """Where the last good version of a file is kept."""
    return path.with_name(path.name + ".bak")


def write_atomic(path: Path, data: bytes, *, keep_backup: bool = False) -> None:
    """Replace path's content with data atomically; keep the old content as `.bak`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if keep_backup and path.exists():
            _copy_atomic(path, backup_path(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def _copy_atomic(source: Path, target: Path) -> None:
    write_atomic(target, source.read_bytes())


def _fsync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock beside path, so two instances read-modify-write in turn."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
