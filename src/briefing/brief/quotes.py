"""Locating quotes in an article's paragraphs.

A quote matches when it occurs in the text after both are normalised by collapsing runs
of white space to one space; ` … ` leaves text out, and every part must then occur in
order in one paragraph.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from briefing.brief.model import Span
from briefing.record import record

ELLIPSIS = " … "
_WORD = re.compile(r"\S+")  # \s is str.split()'s white space


def normalise(text: str) -> str:
    """Collapse every run of white space to one space and trim the ends."""
    if "  " not in text and text.isprintable():
        # Printable text has no white space but plain spaces, so only the ends can
        # differ: a fast path for the loader, which normalises every paragraph and quote.
        return text.strip()
    return " ".join(text.split())


def _original_offset(paragraph: str, normal_offset: int) -> int:
    """Map an offset in the normalised paragraph back to the paragraph as written."""
    position = 0
    for word in _WORD.finditer(paragraph):
        length = word.end() - word.start()
        if normal_offset < position + length:
            return word.start() + normal_offset - position
        if normal_offset == position + length:  # the single space after this word
            return word.end()
        position += length + 1
    return len(paragraph.rstrip())


@record(slots=False)
class Closest:
    """The passage of a source most like a quote that was not found."""

    paragraph: int
    passage: str
    score: float


class SourceText:
    """A source's paragraphs with a normalised copy for finding quotes."""

    def __init__(self, paragraphs: tuple[str, ...]) -> None:
        self.paragraphs = paragraphs
        self.normal = [normalise(p) for p in paragraphs]
        self.starts: list[int] = []
        offset = 0
        for normal in self.normal:
            self.starts.append(offset)
            offset += len(normal) + 1
        self.joined = " ".join(self.normal)
        # Most paragraphs differ from their normal form only at the ends (if at all); their
        # offsets map back by a shift, without walking the words (the loader's hot path).
        self._shift = [
            len(p) - len(p.lstrip()) if n == p.strip() else None
            for p, n in zip(paragraphs, self.normal, strict=True)
        ]

    def _original(self, index: int, start: int, end: int) -> Span:
        """The span in paragraph `index` (0-based) of a range of its normalised text."""
        shift = self._shift[index]
        if shift is not None:
            return Span(index + 1, start + shift, end + shift)
        paragraph = self.paragraphs[index]
        return Span(index + 1, _original_offset(paragraph, start), _end_offset(paragraph, end))

    def locate(
        self, quote: str, prefix: str | None = None, suffix: str | None = None
    ) -> tuple[Span, ...] | None:
        """Where the quote stands, as spans per paragraph; None when it does not occur.

        With `prefix` or `suffix` (the text just before or after it, as in a W3C
        TextQuoteSelector), only an occurrence that they surround counts.
        """
        found = self.find(quote, prefix, suffix, limit=1)
        return found[0] if found else None

    def find(
        self, quote: str, prefix: str | None = None, suffix: str | None = None, *, limit: int
    ) -> list[tuple[Span, ...]]:
        """Up to `limit` occurrences of the quote (surrounded by prefix and suffix), in order."""
        normal = normalise(quote)
        if not normal:
            return []
        before, after = normalise(prefix or ""), normalise(suffix or "")
        found = []
        for start, end, spans in self._occurrences(normal.split(ELLIPSIS)):
            if before and not self._ends_before(before, start):
                continue
            if after and not self._starts_after(after, end):
                continue
            found.append(spans)
            if len(found) >= limit:
                break
        return found

    def _ends_before(self, text: str, start: int) -> bool:
        stop = start - 1 if start > 0 and self.joined[start - 1] == " " else start
        return self.joined.endswith(text, 0, stop)

    def _starts_after(self, text: str, end: int) -> bool:
        begin = end + 1 if self.joined[end : end + 1] == " " else end
        return self.joined.startswith(text, begin)

    def _occurrences(self, parts: list[str]) -> Iterator[tuple[int, int, tuple[Span, ...]]]:
        """Each occurrence as (start, end) in the joined text and its spans."""
        start = self.joined.find(parts[0])
        while start >= 0:
            if len(parts) == 1:
                end = start + len(parts[0])
                yield start, end, self._spans(start, end)
            else:
                index = bisect.bisect_right(self.starts, start) - 1
                located = self._parts_in_paragraph(index, start - self.starts[index], parts)
                if located is not None:
                    local_spans, last_end = located
                    yield start, self.starts[index] + last_end, local_spans
            start = self.joined.find(parts[0], start + 1)

    def _parts_in_paragraph(
        self, index: int, first: int, parts: list[str]
    ) -> tuple[tuple[Span, ...], int] | None:
        normal = self.normal[index]
        found: list[tuple[int, int]] = []
        position = first
        for part in parts:
            at = normal.find(part, position)
            if at < 0:
                return None
            found.append((at, at + len(part)))
            position = at + len(part)
        return tuple(self._original(index, a, b) for a, b in found), position

    def _spans(self, start: int, end: int) -> tuple[Span, ...]:
        first = bisect.bisect_right(self.starts, start) - 1
        last = bisect.bisect_right(self.starts, end - 1) - 1
        spans = []
        for index in range(first, last + 1):
            base = self.starts[index]
            local_start = max(start, base) - base
            local_end = min(end, base + len(self.normal[index])) - base
            spans.append(self._original(index, local_start, local_end))
        return tuple(spans)

    def closest(self, quote: str) -> Closest | None:
        """The passage most like the quote (or its first part), for a helpful error."""
        from rapidfuzz import fuzz  # only on the error path

        wanted = normalise(quote).split(ELLIPSIS)[0]
        best: Closest | None = None
        for index, normal in enumerate(self.normal):
            found = fuzz.partial_ratio_alignment(wanted, normal)
            if found is not None and (best is None or found.score > best.score):
                start, end = found.dest_start, found.dest_end
                while start > 0 and not normal[start - 1].isspace():  # whole words only
                    start -= 1
                while end < len(normal) and not normal[end].isspace():
                    end += 1
                passage = normal[start:end]
                best = Closest(index + 1, passage, found.score)
        return best


def _end_offset(paragraph: str, normal_end: int) -> int:
    """Map an exclusive end offset in the normalised paragraph back to the original."""
    if normal_end <= 0:
        return 0
    return _original_offset(paragraph, normal_end - 1) + 1
