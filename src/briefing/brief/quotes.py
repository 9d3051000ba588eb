"""Locating quotes in an article's paragraphs.

A quote matches when it occurs in the text after both are normalised by collapsing runs
of white space to one space; ` … ` leaves text out, and every part must then occur in
order in one paragraph.
"""

from __future__ import annotations

import bisect
import re
from itertools import accumulate

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


def _next_start(start: int, length: int) -> int:
    return start + length + 1


def _only_ends_differ(paragraphs: tuple[str, ...], printable: bool) -> bool:
    """True when normalising each paragraph only trims its ends: no run of white space
    and no white space but plain spaces anywhere (as in `normalise`'s fast path)."""
    together = "".join(paragraphs)  # a false "  " where two meet only costs the slow path
    if "  " in together:
        return False
    return "\t" not in together if printable else together.isprintable()


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

    def __init__(self, paragraphs: tuple[str, ...], *, printable: bool = False) -> None:
        """`printable`: the caller has checked that the paragraphs hold no character but
        printable ones and tabs (`briefing.sanitize.printable`), which spares a pass."""
        self.paragraphs = paragraphs
        if _only_ends_differ(paragraphs, printable):  # the loader's hot path, done in C
            self.normal = list(map(str.strip, paragraphs))
        else:
            self.normal = [normalise(p) for p in paragraphs]
        # Each paragraph starts one space after the one before ends.
        starts = accumulate(map(len, self.normal), _next_start, initial=0)
        self.starts = list(starts)[:-1]
        self.joined = " ".join(self.normal)
        # Most paragraphs differ from their normal form only at the ends (if at all); their
        # offsets map back by a shift, without walking the words. (`strip` returns the very
        # string when there is nothing to strip.)
        self._shift = [
            0 if n is p else len(p) - len(p.lstrip()) if n == p.strip() else None
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
        parts = normalise(quote).split(ELLIPSIS)
        if not parts[0]:  # an empty quote (normalised text never starts with a space)
            return []
        before = normalise(prefix) if prefix else ""
        after = normalise(suffix) if suffix else ""
        joined, first, found = self.joined, parts[0], []
        start = joined.find(first)
        while start >= 0:
            if len(parts) == 1:
                end, spans = start + len(first), None  # spans only for what is kept
            else:
                end, spans = self._parts_in_paragraph(start, parts)
            if (
                end >= 0
                and (not before or self._ends_before(before, start))
                and (not after or self._starts_after(after, end))
            ):
                found.append(spans or self._spans(start, end))
                if len(found) >= limit:
                    break
            start = joined.find(first, start + 1)
        return found

    def _ends_before(self, text: str, start: int) -> bool:
        stop = start - 1 if start > 0 and self.joined[start - 1] == " " else start
        return self.joined.endswith(text, 0, stop)

    def _starts_after(self, text: str, end: int) -> bool:
        begin = end + 1 if self.joined[end : end + 1] == " " else end
        return self.joined.startswith(text, begin)

    def _parts_in_paragraph(self, start: int, parts: list[str]) -> tuple[int, tuple[Span, ...]]:
        """Where the parts of a quote that leaves text out stand, in order, in the
        paragraph of the first's start: (end in the joined text, spans), or (-1, ())."""
        index = bisect.bisect_right(self.starts, start) - 1
        base, normal = self.starts[index], self.normal[index]
        found: list[tuple[int, int]] = []
        position = start - base
        for part in parts:
            at = normal.find(part, position)
            if at < 0:
                return -1, ()
            found.append((at, at + len(part)))
            position = at + len(part)
        return base + position, tuple(self._original(index, a, b) for a, b in found)

    def _spans(self, start: int, end: int) -> tuple[Span, ...]:
        first = bisect.bisect_right(self.starts, start) - 1
        base = self.starts[first]
        if end <= base + len(self.normal[first]):  # within one paragraph: nearly always
            return (self._original(first, start - base, end - base),)
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
