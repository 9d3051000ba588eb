"""Where briefing keeps the user's files, how it reads them safely, and how it writes them.

Reading: `open_regular` opens a file once, without blocking, checks on the open
descriptor that it is a regular file within a size cap, and `read_regular` reads it with
that bound, so a FIFO, a device, a symlink loop or a huge file is a clear refusal
(`FileRefused`), never a hang or a flood. Every file briefing reads goes through them.

Writing: every save goes to a temporary file in the same folder, is flushed and fsynced,
and then renamed over the old file, so a crash or a kill leaves either the old or the new
file, never half of one. The previous version is kept as a `.bak` beside it.
"""

from __future__ import annotations

import errno
import fcntl
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


class FileRefused(Exception):
    """A file that cannot be read as a regular file; the message completes "FILE ...".

    For example "is not a regular file (a FIFO)" or "cannot be read: Permission denied".
    """


class FileMissing(FileRefused):
    """The file does not exist (often not a problem: a missing settings file, say)."""


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISLNK, "a symbolic link"),
)


def kind_of(mode: int) -> str:
    """What a file of this mode is, in words: "a FIFO", "a folder", "a regular file"."""
    return next((name for test, name in _KINDS if test(mode)), "a regular file")


def open_regular(
    path: Path, cap: int, *, follow_symlinks: bool = True, what: str = "a file"
) -> BinaryIO:
    """Open a regular file of at most `cap` bytes for reading; raise FileRefused otherwise.

    Opened once and without blocking (a FIFO cannot hang the open), and the type and size
    are checked on the open descriptor, so nothing swapped in after a check is read. With
    `follow_symlinks=False` a final symbolic link is refused rather than followed. `what`
    names the file in the size message ("a brief" may be at most ...).
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise FileMissing("does not exist") from None
    except OSError as error:
        raise FileRefused(_open_failure(path, error, follow_symlinks)) from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(f"is not a regular file ({kind_of(info.st_mode)})")
        if info.st_size > cap:
            raise FileRefused(f"is {info.st_size:,} bytes; {what} may be at most {cap:,}")
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def _open_failure(path: Path, error: OSError, follow_symlinks: bool) -> str:
    if error.errno == errno.ELOOP:
        if not follow_symlinks and os.path.islink(path):
            return "is a symbolic link, which is not followed here"
        return "is a loop of symbolic links"
    if error.errno == errno.ENXIO:  # a socket, or a device with nothing behind it
        return "is not a regular file"
    return f"cannot be read: {error.strerror}"


def read_bounded(handle: BinaryIO, cap: int, what: str = "a file") -> bytes:
    """Read an open file, at most `cap` bytes; FileRefused when it holds more.

    Reads what fstat promises (one read, no cap-sized buffer), and only when there is more
    than that (a file growing, a zero-size pseudo-file) goes on up to the cap.
    """
    size = os.fstat(handle.fileno()).st_size
    data = handle.read(min(size, cap) + 1)
    if len(data) > size:
        data += handle.read(cap + 1 - len(data))
    if len(data) > cap:
        raise FileRefused(f"is larger than {cap:,} bytes, the most {what} may be")
    return data


def read_regular(
    path: Path, cap: int, *, follow_symlinks: bool = True, what: str = "a file"
) -> bytes:
    """The bytes of a regular file of at most `cap` bytes; raise FileRefused otherwise."""
    with open_regular(path, cap, follow_symlinks=follow_symlinks, what=what) as handle:
        try:
            return read_bounded(handle, cap, what)
        except OSError as error:  # e.g. EIO, or EISDIR on an odd file system
            raise FileRefused(f"cannot be read: {error.strerror}") from None


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


class WriteRefused(OSError):
    """A file that is not replaced, because it is not a regular file; the message says why."""


def write_atomic(
    path: Path, data: bytes, *, keep_backup: bool = False, private: bool = True
) -> None:
    """Replace path's content with data atomically; keep the old content as `.bak`.

    A symbolic link is written through: the file it points to is replaced, and the link
    stays. A folder, FIFO, device or socket is never replaced (WriteRefused). An existing
    file keeps its mode; a new one is 0600 when `private` (the user's own data), else
    follows the umask like any file a program writes (0644 under umask 022).
    """
    target = _write_target(path)
    temporary = written_beside(target, data, _mode_for(target, private))
    try:
        if keep_backup and target.exists():
            _copy_atomic(target, backup_path(target))
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_folder(target.parent)


def write_new(path: Path, data: bytes) -> None:
    """Create path with data, whole or not at all, and never over a file that exists
    (FileExistsError, even when another program makes it in the meantime). Follows the
    umask, like a file the user asked for."""
    temporary = written_beside(path, data, 0o666 & ~current_umask())
    try:
        os.link(temporary, path)  # a link, unlike a rename, refuses to replace a file
    finally:
        temporary.unlink(missing_ok=True)
    fsync_folder(path.parent)


def written_beside(target: Path, data: bytes, mode: int) -> Path:
    """A temporary file in target's folder holding data, flushed to disk, with this mode;
    the caller moves it into place (or removes it)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as file:
            os.fchmod(file.fileno(), mode)
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Path(temporary)


def _write_target(path: Path) -> Path:
    """The file a write to path replaces: path itself, or what its link points to."""
    target = Path(os.path.realpath(path)) if os.path.islink(path) else path
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return target
    if not stat.S_ISREG(info.st_mode):
        raise WriteRefused(f"it is {kind_of(info.st_mode)}, not a regular file; not replaced")
    return target


def _mode_for(target: Path, private: bool) -> int:
    """The permissions a new version of target gets: those it has, else the default."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        return 0o600 if private else 0o666 & ~current_umask()


def current_umask() -> int:
    """The process's umask, read without changing it where the system tells (Linux)."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii", errors="replace")
    except OSError:
        status = ""
    for line in status.splitlines():
        if line.startswith("Umask:"):
            return int(line.split()[1], 8)
    mask = os.umask(0o022)  # elsewhere: read it by setting it, and put it back at once
    os.umask(mask)
    return mask


def _copy_atomic(source: Path, target: Path) -> None:
    write_atomic(target, source.read_bytes())


def fsync_folder(folder: Path) -> None:
    """Flush the folder's entries to disk, so a file just renamed or linked into it stays
    there after a crash."""
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
