"""Wrapping an article's paragraphs by character offsets, and making them safe to show.

Only offsets are computed, so that the article view can style and render just the lines
on screen; see `briefing.ui.widgets.article`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rich.cells import cell_len

from briefing.sanitize import sanitize

_WORD = re.compile(r"\S+\s*|\s+")
Lines = list[tuple[int, int]]


def wrap_offsets(text: str, width: int) -> Lines:
    """Greedy word wrap of one paragraph into (start, end) character ranges of `width` cells.

    Only offsets are computed, so the styled text can be sliced later for just the lines
    on screen. Words longer than a line are split. The work grows with the text's length,
    not its square: a 200,000-character word is cut line by line without measuring what
    is left of it each time.
    """
    width = max(width, 1)
    measure = len if text.isascii() else cells
    if measure(text) <= width:
        return [(0, len(text))]
    lines: Lines = []
    start = used = 0
    for match in _WORD.finditer(text):
        word_start, word_end = match.span()
        ink_end = word_start + len(match.group().rstrip())
        size = measure(text[word_start:ink_end])
        if used and used + size > width:
            lines.append((start, word_start))
            start, used = word_start, 0
        if size > width:
            start = _split_word(text, start, ink_end, width, measure, lines)
        used += measure(text[max(start, word_start) : word_end])
    lines.append((start, len(text)))
    return lines


def cells(text: str) -> int:
    """The cells text takes on screen; counted by `len` when it is ASCII (most words of
    most text, and a tenth of the time `cell_len` takes)."""
    return len(text) if text.isascii() else cell_len(text)


def _split_word(
    text: str, start: int, end: int, width: int, measure: Callable[[str], int], lines: Lines
) -> int:
    """Cut `text[start:end]`, wider than a line, into lines of the longest runs that fit
    (at least one character each), added to `lines`; return where the last run starts,
    the one that fits and shares its line with what follows."""
    while start < end:
        cut = _fitting(text, start, end, width, measure)
        if cut == end and measure(text[start:end]) <= width:
            break
        lines.append((start, cut))
        start = cut
    return start


def _fitting(text: str, start: int, end: int, width: int, measure: Callable[[str], int]) -> int:
    """The end of the longest run of `text[start:end]` from `start` that fits in `width`
    cells: at least one character, even one wider than the line. Probes double in length
    and then halve the gap, so a line costs about its own length times a logarithm."""
    good, bad = start + 1, end + 1  # text[start:good] is taken; text[start:bad] never fits
    length = width
    while start + length < end and measure(text[start : start + length]) <= width:
        good, length = start + length, length * 2
    if start + length < end:
        bad = start + length
    while bad - good > 1:
        middle = (good + bad) // 2
        if measure(text[start:middle]) <= width:
            good = middle
        else:
            bad = middle
    return good


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
