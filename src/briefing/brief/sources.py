"""Article files: safe resolution and reading, strict decoding, and paragraphs.

A source's paragraphs are its non-blank lines, numbered from 1 (`briefing.brief.quotes`
locates quotes in them).
"""

from __future__ import annotations

import functools
import itertools
import os
import stat
from collections.abc import Iterator, Sequence
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO, Protocol, cast, overload

from briefing.store.files import FileRefused, kind_of, open_regular, read_bounded

MAX_SOURCE_BYTES = 32 * 1024 * 1024
_WHAT = "a source"


class SourceError(Exception):
    """A source file that cannot be used; the message says why.

    `offset` is the byte offset in the file of the problem, when there is one.
    """

    def __init__(self, message: str, offset: int | None = None) -> None:
        super().__init__(message)
        self.offset = offset


def resolve_source(brief_path: Path, file: str, folders: dict[str, Path] | None = None) -> Path:
    """Resolve a source's `file` against the brief, confined to the brief folder's parent.

    `folders`, shared by the calls of one pass over a brief's sources, keeps each
    article's folder once resolved: thousands of articles share a few folders, and
    resolving the whole path of each again was most of the cost of reopening a brief.
    """
    if not file.strip():
        raise SourceError("the file name is empty")
    if os.path.isabs(file) or file.startswith("~"):
        raise SourceError(f"{file!r} is an absolute path; give a path relative to the brief")
    try:
        brief_dir, root = _folders(brief_path.absolute())  # absolute: the cache outlives a chdir
        target = _resolve_in(brief_dir, file, folders)
    except (OSError, RuntimeError):  # RuntimeError: a loop of links, before Python 3.13
        raise SourceError(f"{file!r} is a loop of symbolic links") from None
    if not _inside(target, root):
        raise SourceError(
            f"{file!r} resolves to {target}, outside {root} (sources must sit beside the "
            "brief's folder, links followed)"
        )
    try:
        info = target.stat()
    except FileNotFoundError:
        raise SourceError(f"{file!r} does not exist (looked for {target})") from None
    except OSError as error:
        raise SourceError(f"{file!r} cannot be read: {error.strerror}") from None
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(f"{file!r} is not a regular file ({kind_of(info.st_mode)})")
    if info.st_size > MAX_SOURCE_BYTES:
        raise SourceError(
            f"{file!r} is {info.st_size:,} bytes; a source may be at most {MAX_SOURCE_BYTES:,}"
        )
    return target


def read_source(path: Path, file: str) -> bytes:
    """The bytes of a resolved source, refusing anything that is not a regular file.

    Opened once, without blocking and without following a final link (`path` is resolved,
    so a link there was put in place after `resolve_source` looked), and checked on the
    open descriptor: a FIFO or device swapped in can neither hang the reader nor flood it.
    """
    try:
        with open_regular(path, MAX_SOURCE_BYTES, follow_symlinks=False, what=_WHAT) as handle:
            _check_still_confined(handle, path, file)
            return read_bounded(handle, MAX_SOURCE_BYTES, _WHAT)
    except FileRefused as refused:
        raise SourceError(f"{file!r} {refused}") from None
    except OSError as error:
        raise SourceError(f"{file!r} cannot be read: {error.strerror}") from None


def read_source_file(brief_path: Path, file: str) -> tuple[Path, bytes]:
    """A source's resolved path and bytes (see `Articles`), for a single article."""
    with Articles(brief_path) as articles:
        return articles.read(file)


class Articles:
    """Reads a brief's articles: the one way to read one, whether checking a brief or
    reopening it from the cache, so every path applies the same checks.

    An article must resolve inside the brief folder's parent and be a regular file within
    the cap; it is opened once, without blocking, checked on the open descriptor and read
    with a bound. Thousands of articles share a few folders, so each folder is resolved,
    confined and opened once, and checked on its descriptor to be the folder resolved; an
    article in it is then opened relative to that descriptor without following a link,
    which cannot leave the folder: four system calls an article. An article that is a link,
    or anything else out of the ordinary, goes the general way (`resolve_source`, then
    `read_source`), which follows a link that stays inside and says why it refuses one.
    """

    def __init__(self, brief_path: Path) -> None:
        self.brief_path = brief_path
        self._resolved: dict[str, Path] = {}  # for resolve_source
        self._opened: dict[str, tuple[Path, int] | None] = {}  # by folder as written

    def __enter__(self) -> Articles:
        return self

    def __exit__(self, *exception: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the folders opened."""
        for opened in self._opened.values():
            if opened is not None:
                os.close(opened[1])
        self._opened.clear()

    def read(self, file: str) -> tuple[Path, bytes]:
        """A source's resolved path and bytes; raises SourceError saying why not."""
        found = self._read_plain(file)
        if found is not None:
            return found
        path = resolve_source(self.brief_path, file, self._resolved)
        return path, read_source(path, file)

    def _read_plain(self, file: str) -> tuple[Path, bytes] | None:
        """A regular file, not a link, within the cap, in a folder opened here; else None."""
        head, name = os.path.split(file)
        folder = None if name in ("", ".", "..") else self._folder(head)
        if folder is None:
            return None
        try:
            descriptor = os.open(name, _PLAIN, dir_fd=folder[1])
        except (OSError, ValueError):  # a link (ELOOP), missing, unreadable, a NUL in it
            return None
        try:
            info = os.fstat(descriptor)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_SOURCE_BYTES:
                return None
            data = os.read(descriptor, info.st_size + 1)
        except OSError:
            return None
        finally:
            os.close(descriptor)
        return (folder[0] / name, data) if len(data) == info.st_size else None

    def _folder(self, head: str) -> tuple[Path, int] | None:
        if head not in self._opened:
            self._opened[head] = self._open_folder(head)
        return self._opened[head]

    def _open_folder(self, head: str) -> tuple[Path, int] | None:
        """The folder's resolved path and a descriptor on it, when it is confined and the
        descriptor is on that very folder; else None."""
        if not _BY_FOLDER or os.path.isabs(head) or head.startswith("~"):
            return None
        try:
            brief_dir, root = _folders(self.brief_path.absolute())
            folder = (brief_dir / head).resolve()
            if not _inside(folder, root):
                return None
            descriptor = os.open(folder, _FOLDER)
        except (OSError, RuntimeError, ValueError):  # RuntimeError: a loop, before 3.13
            return None
        if _opened_as(descriptor) not in (None, str(folder)):
            os.close(descriptor)  # swapped for a link since it was resolved
            return None
        return folder, descriptor


_BY_FOLDER = os.open in os.supports_dir_fd and hasattr(os, "O_DIRECTORY")
_FOLDER = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | os.O_NOFOLLOW | os.O_CLOEXEC
_PLAIN = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_NOFOLLOW | os.O_CLOEXEC


def _opened_as(descriptor: int) -> str | None:
    """The path of the file a descriptor has open, where the system says (Linux's /proc)."""
    try:
        return os.readlink(f"/proc/self/fd/{descriptor}")
    except OSError:
        return None


def _check_still_confined(handle: BinaryIO, path: Path, file: str) -> None:
    """Refuse a file whose folders were swapped for links between resolving and opening.

    Where the system says which file a descriptor has open (Linux's /proc), that name must
    still be the resolved one; elsewhere the open without following a final link is all.
    """
    opened = _opened_as(handle.fileno())
    if opened is not None and opened != os.path.abspath(path):
        raise SourceError(f"{file!r} changed while it was being opened (now {opened})")


@functools.lru_cache(maxsize=16)
def _folders(brief_path: Path) -> tuple[Path, Path]:
    """The brief's resolved folder and its parent, the root sources must stay in.

    Worked out once per brief rather than once per source (thousands in a large brief).
    """
    brief_dir = brief_path.resolve().parent
    return brief_dir, brief_dir.parent


def _inside(target: Path, root: Path) -> bool:
    """Whether a resolved path is `root` or below it (`is_relative_to`, at a fraction of
    its cost: both paths are resolved, so comparing their text is exact)."""
    path, folder = str(target), str(root)
    return path == folder or path.startswith(os.path.join(folder, ""))


def _resolve_in(brief_dir: Path, file: str, folders: dict[str, Path] | None) -> Path:
    """`brief_dir / file` with every link followed, its folder taken from `folders` when
    resolved before (the same path as resolving it whole: a name that is not a link adds
    itself to its resolved folder; a link is followed in full)."""
    head, name = os.path.split(file)
    if folders is None or name in ("", ".", ".."):
        return (brief_dir / file).resolve()
    folder = folders.get(head)
    if folder is None:
        folder = folders[head] = (brief_dir / head).resolve()
    target = folder / name
    return target.resolve() if target.is_symlink() else target


def decode_text(data: bytes, name: str) -> str:
    """Decode strict UTF-8 (a BOM is dropped), turning CRLF and lone CR into LF."""
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = bom + error.start  # in the file as written, BOM included
        raise SourceError(
            f"{name} is not UTF-8: the byte at offset {offset} (0x{data[offset]:02x}) "
            f"cannot be decoded ({error.reason})",
            offset,
        ) from None
    if "\r" not in text:  # the usual case; replacing costs a copy of the text per call
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def digest(data: bytes | memoryview) -> str:
    """The SHA-256 of some bytes, as lowercase hex."""
    return sha256(data).hexdigest()


LARGE = 1 << 20
"""Bytes hashed, in one input or in all so far, from which OpenSSL's SHA-256 is used."""
_hashed = 0  # bytes this process has hashed with Python's own SHA-256


def sha256(data: bytes | memoryview = b"") -> Hash:
    """A SHA-256 hash of data, to update with more. Python's own implementation for the
    first megabyte a process hashes: importing hashlib loads OpenSSL, which took a
    hundredth of the time to the first frame, for the few hundred kilobytes a small
    brief and its articles hash. After that, OpenSSL's, several times faster: a large
    brief's 5,000 articles (60 MB) took 0.19 s without it and 0.04 s with it."""
    global _hashed
    if _hashed + len(data) < LARGE:
        with suppress(ImportError):  # Python 3.12 renamed it _sha2; hashlib will do there
            from _sha256 import sha256 as builtin  # type: ignore[import-not-found]

            _hashed += len(data)
            return cast(Hash, builtin(data))
    import hashlib

    return hashlib.sha256(data)


class Hash(Protocol):
    """What `sha256` returns."""

    def update(self, data: bytes | memoryview, /) -> None: ...

    def hexdigest(self) -> str: ...


def split_paragraphs(text: str) -> tuple[str, ...]:
    """The non-blank lines of a text: its paragraphs (a line that strips to "" is blank:
    empty or all white space; tested without making the stripped copy, a quarter faster
    over a large brief's 60 MB of articles)."""
    return tuple(itertools.filterfalse(str.isspace, filter(None, text.split("\n"))))


class Paragraphs(Sequence[str]):
    """An article's paragraphs, split from its bytes when first read.

    A brief reopened from the cache reads and hashes every article, but leaves decoding
    and splitting them (most of the rest of the work, and more memory than the bytes) to
    the few that are shown. Equal to the tuple `split_paragraphs` makes of the same text.
    The bytes are those the brief was checked with (the entry records their digest), so
    they decode as they did then; were an entry forged to vouch for bytes that are not
    UTF-8, those show as U+FFFD rather than failing in the reader.
    """

    __slots__ = ("_data", "_split")

    def __init__(self, data: bytes) -> None:
        self._data = data  # kept once split: another thread may be splitting it too
        self._split: tuple[str, ...] | None = None

    def _paragraphs(self) -> tuple[str, ...]:
        split = self._split
        if split is None:
            try:
                text = decode_text(self._data, "an article")
            except SourceError:
                text = self._data.decode("utf-8", "replace")
            split = self._split = split_paragraphs(text)
        return split

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...

    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        return self._paragraphs()[index]

    def __len__(self) -> int:
        return len(self._paragraphs())

    def __iter__(self) -> Iterator[str]:
        return iter(self._paragraphs())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Paragraphs):
            other = other._paragraphs()
        return self._paragraphs() == other

    def __hash__(self) -> int:
        return hash(self._paragraphs())

    def __repr__(self) -> str:
        return repr(self._paragraphs())
