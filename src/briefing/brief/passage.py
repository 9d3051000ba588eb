"""A passage of an article chosen by the reader, which need not be one of the brief's excerpts.

The source reader selects text by whole sentences (and screen lines); this module knows
where sentences start and end, and turns a selection into a verbatim quote with its spans,
shaped like an `Excerpt` so that every citation style cites it the way it cites excerpts
(the locator is the paragraph the passage starts in).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.brief.model import Excerpt, Source, Span
from briefing.record import record

# A sentence ends at . ! ? or … (with any closing quotes or brackets) before white space.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?=\s|$)")
# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    ("mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "rep", "sen", "gov")
    + ("pres", "jr", "sr", "vs", "etc", "inc", "ltd", "co", "corp", "e.g", "i.e", "u.s")
    + ("u.k", "u.n", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct")
    + ("nov", "dec")
)
PASSAGE_KIND = "passage"
"""The kind of a clip or citation made from a passage rather than from an excerpt."""


@dataclass(frozen=True, slots=True, order=True)
class Place:
    """A point in an article: paragraph index (from 0) and character offset in it."""

    paragraph: int
    offset: int


def sentence_ends(text: str) -> list[int]:
    """The offsets just after each sentence of a paragraph (the last is always the end)."""
    ends: list[int] = []
    for match in _SENTENCE_END.finditer(text):
        word = text[: match.start()].rsplit(None, 1)[-1:] or [""]
        if match.group()[0] == "." and word[0].lower().strip("(“\"'") in _ABBREVIATIONS:
            continue
        ends.append(match.end())
    stripped = len(text.rstrip())
    ends = [e for e in ends if e < stripped]
    return [*ends, stripped]


def sentence_at(paragraphs: Sequence[str], place: Place) -> tuple[Place, Place]:
    """The sentence holding `place`: its start and its end."""
    text = paragraphs[place.paragraph]
    start = 0
    for end in sentence_ends(text):
        if place.offset < end or end == len(text.rstrip()):
            return Place(place.paragraph, _skip_space(text, start)), Place(place.paragraph, end)
        start = end
    return Place(place.paragraph, 0), Place(place.paragraph, len(text))


def next_sentence_end(paragraphs: Sequence[str], end: Place) -> Place:
    """Where a selection ending at `end` ends once the next sentence is added
    (the first sentence of the next paragraph when this one is used up)."""
    text = paragraphs[end.paragraph]
    later = [e for e in sentence_ends(text) if e > end.offset]
    if later:
        return Place(end.paragraph, later[0])
    if end.paragraph + 1 < len(paragraphs):
        following = paragraphs[end.paragraph + 1]
        return Place(end.paragraph + 1, sentence_ends(following)[0])
    return end


def _skip_space(text: str, offset: int) -> int:
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


def passage_spans(paragraphs: Sequence[str], start: Place, end: Place) -> tuple[Span, ...]:
    """The selection as spans (1-based paragraphs), trimmed of white space at each edge."""
    spans: list[Span] = []
    for index in range(start.paragraph, end.paragraph + 1):
        text = paragraphs[index]
        first = start.offset if index == start.paragraph else 0
        last = end.offset if index == end.paragraph else len(text)
        first = _skip_space(text, first)
        last = len(text[:last].rstrip())
        if first < last:
            spans.append(Span(index + 1, first, last))
    return tuple(spans)


def passage_excerpt(source: Source, start: Place, end: Place) -> Excerpt | None:
    """The selected text as an excerpt-shaped quote (paragraphs joined by new lines);
    None when nothing but white space is selected. Its id names the source and the
    paragraph, and says it is a passage, so it can never be taken for an excerpt's."""
    spans = passage_spans(source.paragraphs, start, end)
    if not spans:
        return None
    quote = "\n".join(source.paragraphs[s.paragraph - 1][s.start : s.end] for s in spans)
    passage_id = f"{PASSAGE_KIND}-{source.id}-p{spans[0].paragraph}"
    return Excerpt(passage_id, source.id, quote, (), spans)


@record
class Selection:
    """What the reader has selected: from `start` to `end`, and the earlier ends, so that
    each extension (by a sentence or a line) can be taken back in turn."""

    start: Place
    end: Place
    earlier: tuple[Place, ...] = ()

    def extended(self, end: Place) -> Selection:
        """The selection reaching further, to `end` (unchanged if that is no further)."""
        if end <= self.end:
            return self
        return Selection(self.start, end, (*self.earlier, self.end))

    def taken_back(self) -> Selection:
        """The selection as it was before its last extension (unchanged if none)."""
        if not self.earlier:
            return self
        return Selection(self.start, self.earlier[-1], self.earlier[:-1])

    def ranges(self, paragraphs: Sequence[str]) -> list[tuple[int, int, int]]:
        """The selected (paragraph index, start, end) ranges, for highlighting."""
        spans = passage_spans(paragraphs, self.start, self.end)
        return [(s.paragraph - 1, s.start, s.end) for s in spans]
