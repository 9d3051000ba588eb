"""Find the passage of an article that an author typed from memory, and its exact text.

Both the article and the typed text are folded for matching: case is ignored, and so are
punctuation (straight or curly quotes, hyphens or dashes, a forgotten comma) and runs of
white space. Each folded character remembers where it came from, so the best alignment
(rapidfuzz) maps back to the verbatim span of the paragraph, which is what the brief
quotes. Typing `...` or `…` leaves text out: every part is then found, in order, in one
paragraph, and the quote joins their verbatim texts with ` … `, as the format allows.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from rapidfuzz import fuzz

from briefing.brief.quotes import ELLIPSIS, SourceText, normalise
from briefing.record import record

FOUND = 85.0
"""The least similarity (0-100) for a passage to count as the one meant."""
CLOSE = 2.0
"""Passages within this many points of the best are listed as alternatives."""
_OMISSION = re.compile(r"\s*(?:\.\.\.|…)\s*")
_SKIPPED = frozenset({"Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Cc", "Cf"})
"""Punctuation, controls and invisible characters: ignored when matching."""
_OPENERS = "“‘\"'«‹(["
_CLOSERS = ".,;:!?”’\"'»›)]"
_PAIRS = (("“", "”"), ("«", "»"))


@record(slots=False)
class Folded:
    """A text folded for matching, with each folded character's index in the original."""

    text: str
    origins: tuple[int, ...]


def fold(original: str) -> Folded:
    """Lower case, no punctuation or invisible characters, single spaces; each character
    mapped to its origin."""
    chars: list[str] = []
    origins: list[int] = []
    space = False
    for index, char in enumerate(original):
        if char.isspace():
            space = bool(chars)
            continue
        if unicodedata.category(char) in _SKIPPED:
            continue
        if space:
            chars.append(" ")
            origins.append(index)
            space = False
        for lowered in char.lower():
            chars.append(lowered)
            origins.append(index)
    return Folded("".join(chars), tuple(origins))


@record(slots=False)
class Passage:
    """A passage of an article: its paragraph (from 1), its verbatim parts as written in
    the paragraph (with their character ranges), and how alike it is to what was typed.

    A passage may run on into the next paragraph (`runs_over` is then 2): its ranges are
    then in the two paragraphs joined by a line break, and the quote joins them with a
    space, as the checker reads an article.
    """

    paragraph: int
    parts: tuple[tuple[int, int], ...]
    verbatim: tuple[str, ...]
    score: float
    runs_over: int = 1

    @property
    def quote(self) -> str:
        """The passage as a brief quotes it: white space collapsed, omissions as ` … `."""
        return ELLIPSIS.join(" ".join(part.split()) for part in self.verbatim)

    @property
    def start(self) -> int:
        """The character offset in its paragraph at which the passage starts."""
        return self.parts[0][0]


@record(slots=False)
class Search:
    """What a search found: candidates best first (those at least FOUND alike), or the
    closest passage when none was."""

    candidates: tuple[Passage, ...]
    closest: Passage | None

    @property
    def ambiguous(self) -> bool:
        """True when more than one passage fits about as well as the best."""
        return len(self.candidates) > 1


def typed_parts(typed: str) -> list[str]:
    """The parts of what was typed, split where `...` or `…` leaves text out."""
    return [part for part in _OMISSION.split(typed.strip()) if fold(part).text]


def find_passage(paragraphs: tuple[str, ...], typed: str) -> Search:
    """The passages of the paragraphs that best match the typed text."""
    parts = [fold(part).text for part in typed_parts(typed)]
    if not parts:
        return Search((), None)
    raw = typed.strip()
    found = []
    for index, paragraph in enumerate(paragraphs):
        passage = _in_paragraph(index, paragraph, parts, raw)
        if passage is not None:
            found.append(passage)
    if len(parts) == 1 and not any(p.score >= FOUND for p in found):
        found.extend(_across_paragraphs(paragraphs, parts, raw))
    found.sort(key=lambda p: (-p.score, p.paragraph))
    if not found or found[0].score < FOUND:
        return Search((), found[0] if found else None)
    best = found[0].score
    return Search(tuple(p for p in found if p.score >= max(FOUND, best - CLOSE)), found[0])


def _across_paragraphs(paragraphs: tuple[str, ...], parts: list[str], raw: str) -> list[Passage]:
    """Passages that start in one paragraph and end in the next (tried only when no one
    paragraph holds the text: a remembered quote rarely runs over a paragraph break)."""
    found = []
    for index in range(len(paragraphs) - 1):
        first = paragraphs[index]
        passage = _in_paragraph(index, f"{first}\n{paragraphs[index + 1]}", parts, raw)
        if passage is not None and passage.start < len(first) < passage.parts[-1][1]:
            found.append(replace(passage, runs_over=2))
    return found


def passage_text(paragraphs: tuple[str, ...], passage: Passage) -> str:
    """The paragraph (or the paragraphs, joined by a line break) the passage's ranges are in."""
    return "\n".join(paragraphs[passage.paragraph - 1 : passage.paragraph - 1 + passage.runs_over])


def _in_paragraph(index: int, paragraph: str, parts: list[str], raw: str) -> Passage | None:
    folded = fold(paragraph)
    spans: list[tuple[int, int]] = []
    scores: list[float] = []
    low = 0
    for part in parts:
        best = _best_span(part, folded.text, low)
        if best is None:
            return None
        score, start, end = best
        spans.append((start, end))
        scores.append(score)
        low = end
    weights = [len(part) for part in parts]
    score = sum(s * w for s, w in zip(scores, weights, strict=True)) / sum(weights)
    ranges = tuple(_original_range(paragraph, folded, a, b) for a, b in spans)
    ranges = _with_edge_punctuation(paragraph, ranges, raw)
    verbatim = tuple(paragraph[a:b] for a, b in ranges)
    return Passage(index + 1, ranges, verbatim, round(score, 1))


def _best_span(part: str, text: str, low: int) -> tuple[float, int, int] | None:
    """(score, start, end) of the stretch of text[low:] most like part, on word edges."""
    window = text[low:]
    if not window.strip():
        return None
    aligned = fuzz.partial_ratio_alignment(part, window)
    if aligned is None:
        return None
    start, end = aligned.dest_start + low, aligned.dest_end + low
    if len(part) > len(window):  # the whole paragraph was aligned inside the typed text
        start, end = low, len(text)
    edges = _word_edges(text, low)
    starts = _near([s for s, _ in edges], start)
    ends = _near([e for _, e in edges], end)
    best: tuple[float, int, int] | None = None
    for s in starts:
        for e in ends:
            if e <= s:
                continue
            score = fuzz.ratio(part, text[s:e])
            if best is None or score > best[0]:
                best = (score, s, e)
    return best


def _word_edges(text: str, low: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text) if m.start() >= low]


def _near(edges: list[int], at: int, reach: int = 3) -> list[int]:
    """The word edges around an offset: up to `reach` words either side."""
    if not edges:
        return [at]
    closest = min(range(len(edges)), key=lambda i: abs(edges[i] - at))
    return edges[max(0, closest - reach) : closest + reach + 1]


def _original_range(paragraph: str, folded: Folded, start: int, end: int) -> tuple[int, int]:
    """The range of the paragraph that folded[start:end] came from."""
    first = folded.origins[start]
    last = folded.origins[end - 1]
    return first, last + 1


def _with_edge_punctuation(
    paragraph: str, ranges: tuple[tuple[int, int], ...], raw: str
) -> tuple[tuple[int, int], ...]:
    """Take in the opening quotation mark, or the closing punctuation, next to the passage
    when the author typed one there (typing `“This` or `2027.` means it)."""
    (first, first_end), *_ = ranges
    last_start, last = ranges[-1]
    quoted = paragraph[first:last]
    unopened = any(quoted.count(o) < quoted.count(c) for o, c in _PAIRS)
    if raw[:1] in _OPENERS or unopened:  # typed `“This`, or the passage closes a quotation
        while first > 0 and paragraph[first - 1] in _OPENERS:
            first -= 1
    if raw[-1:] in _CLOSERS:
        while last < len(paragraph) and paragraph[last] in _CLOSERS:
            last += 1
    if len(ranges) == 1:
        return ((first, last),)
    return ((first, first_end), *ranges[1:-1], (last_start, last))


MAX_CONTEXT_WORDS = 8


def passage_at(paragraphs: tuple[str, ...], paragraph: int, start: int, end: int) -> Passage:
    """The passage a reader selected: characters start:end of ¶paragraph (from 1), white
    space at either edge left out. Raises ValueError for an empty or impossible range."""
    if not 1 <= paragraph <= len(paragraphs):
        raise ValueError(f"there is no ¶{paragraph}")
    text = paragraphs[paragraph - 1]
    start, end = max(0, start), min(len(text), end)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        raise ValueError("the selection is empty")
    return Passage(paragraph, ((start, end),), (text[start:end],), 100.0)


def selector(paragraphs: tuple[str, ...], passage: Passage) -> tuple[str | None, str | None]:
    """(prefix, suffix): the fewest words just before (else after) the passage that tell
    it apart from the other places where its quote occurs; (None, None) when it occurs
    once. The checker is the judge: a selector counts only if it finds this passage."""
    text = SourceText(paragraphs)
    if len(text.find(passage.quote, limit=2)) < 2:
        return None, None
    before = normalise(
        " ".join(paragraphs[: passage.paragraph - 1])
        + " "
        + paragraphs[passage.paragraph - 1][: passage.start]
    ).split()
    end = passage.parts[-1][1]
    rest = paragraphs[passage.paragraph - 1 + passage.runs_over :]
    after = normalise(passage_text(paragraphs, passage)[end:] + " " + " ".join(rest)).split()
    for count in range(1, MAX_CONTEXT_WORDS + 1):
        for prefix, suffix in (
            (" ".join(before[-count:]) or None, None),
            (None, " ".join(after[:count]) or None),
            (" ".join(before[-count:]) or None, " ".join(after[:count]) or None),
        ):
            if (prefix or suffix) and _selects(text, passage, prefix, suffix):
                return prefix, suffix
    return None, None


def _selects(text: SourceText, passage: Passage, prefix: str | None, suffix: str | None) -> bool:
    found = text.find(passage.quote, prefix, suffix, limit=2)
    return len(found) == 1 and (found[0][0].paragraph, found[0][0].start) == (
        passage.paragraph,
        passage.start,
    )
