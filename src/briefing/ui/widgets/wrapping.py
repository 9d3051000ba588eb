"""Wrapping an article's paragraphs by character offsets, and making them safe to show.

Only offsets are computed, so that the article view can style and render just the lines
on screen; see `briefing.ui.widgets.article`.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

from briefing.sanitize import sanitize

_WORD = re.compile(r"\S+\s*|\s+")


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of one paragraph into (start, end) character ranges of `width` cells.

    Only offsets are computed, so the styled text can be sliced later for just the lines
    on screen. Words longer than a line are split.
    """
    width = max(width, 1)
    measure = len if text.isascii() else cell_len
    if measure(text) <= width:
        return [(0, len(text))]
    lines: list[tuple[int, int]] = []
    start = used = 0
    for match in _WORD.finditer(text):
        word_start, word_end = match.span()
        size = measure(match.group().rstrip())
        if used and used + size > width:
            lines.append((start, word_start))
            start, used = word_start, 0
        while size > width:
            cut = _cut(text, start, width)
            lines.append((start, cut))
            start = cut
            size = measure(text[start:word_end].rstrip())
        used += measure(text[max(start, word_start) : word_end])
    lines.append((start, len(text)))
    return lines


def _cut(text: str, start: int, width: int) -> int:
    """The end of the longest run of characters from `start` that fits in `width` cells."""
    end = start + 1
    while end < len(text) and cell_len(text[start : end + 1]) <= width:
        end += 1
    return end


def clean_paragraph(raw: str) -> tuple[str, list[int] | None]:
    """The paragraph made safe to show, and a map from raw offsets to shown ones.

    The map is None when sanitising changed nothing (the usual case): offsets are the same.
    Tabs become single spaces so that one character is one cell as the wrapper assumes.
    """
    shown = sanitize(raw)
    if shown == raw:
        return raw.replace("\t", " "), None
    positions: list[int] = []
    parts: list[str] = []
    length = 0
    for char in raw:
        positions.append(length)
        piece = sanitize(char)
        parts.append(piece)
        length += len(piece)
    positions.append(length)
    return "".join(parts).replace("\t", " "), positions
