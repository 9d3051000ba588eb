"""Saving the basket's memo to a file in one of the formats `e` offers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from briefing.cite.basket import Clip
from briefing.cite.docx import memo_docx
from briefing.cite.memo import FORMATS, build_memo, render_memo
from briefing.store.files import data_dir, write_atomic

FORMAT_NAMES = {
    "markdown": "Markdown",
    "html": "HTML (footnotes linked)",
    "text": "Plain text",
    "docx": "Word document (.docx, real footnotes)",
}


def memo_bytes(clips: Sequence[Clip], style: str, fmt: str) -> bytes:
    """The memo in the style, as the bytes of a file in the format (one of FORMATS)."""
    memo = build_memo(clips, style)
    if fmt == "docx":
        return memo_docx(memo)
    return render_memo(memo, fmt).encode("utf-8")


def default_memo_path(fmt: str = "markdown") -> Path:
    """A new file name under `data_dir()/memos/` for a memo in this format."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    return data_dir() / "memos" / f"memo-{stamp}{FORMATS[fmt]}"


def format_for(path: Path) -> str | None:
    """The format a file name's extension asks for, if it is one of ours."""
    suffix = path.suffix.lower()
    aliases = {".markdown": "markdown", ".htm": "html", ".text": "text"}
    return next((f for f, ext in FORMATS.items() if ext == suffix), aliases.get(suffix))


def save_memo(
    clips: Sequence[Clip], style: str = "markdown", fmt: str = "markdown", path: Path | None = None
) -> Path:
    """Write the memo atomically (to a new file under the data folder unless a path is
    given, `~` expanded) and return where."""
    target = Path(path).expanduser() if path else default_memo_path(fmt)
    write_atomic(target, memo_bytes(clips, style, fmt), private=False)  # a document to share
    return target
