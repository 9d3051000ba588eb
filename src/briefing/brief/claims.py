"""Inline citations in prose: `… agreed a roadmap to 2030 [@q-roadmap; @q-tass].`

A prose field (a summary, an event's detail, an assessment, …) may back a claim with the
excerpts behind it: a bracket that opens with `@`, holding excerpt ids each marked `@`,
separated by `;` or `,`. Ordinary brackets in prose (`[sic]`, `[2]`) never start with `@`,
so they cannot be taken for one. A claim is a sentence; the citations inside it back it.
"""

from __future__ import annotations

import re

from briefing.brief.slug import SLUG_PATTERN
from briefing.record import record

MARKER = re.compile(rf"\[@({SLUG_PATTERN}(?:\s*[;,]\s*@{SLUG_PATTERN})*)\]")
_OPENING = re.compile(r"\[\s*@")
_ID = re.compile(rf"@({SLUG_PATTERN})")
# A sentence ends at . ! ? or … (and any closing quote or bracket) before white space and
# a capital, a digit or an opening quote; or at a blank line between paragraphs.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[”’\"')\]]*\s+(?=[A-Z0-9“‘\"'(\[])|\n\s*\n")
_ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "vs", "c", "ca", "e.g", "i.e", "u.s", "u.k", "u.n", "no"}
)
_LONGEST_WORD = 16
"""Characters looked back for the word before a full stop: longer words are not
abbreviations (nor initials), so a prefix of one is as good as the whole."""


@record
class Citation:
    """One marker: the excerpt ids it cites and where it stands in the text."""

    ids: tuple[str, ...]
    start: int
    end: int


@record
class Claim:
    """A sentence of prose with the excerpts its markers cite (in order, once each)."""

    text: str
    """The sentence as written, markers included."""
    ids: tuple[str, ...]
    start: int
    end: int

    @property
    def plain(self) -> str:
        """The sentence without its markers."""
        return strip_markers(self.text)


def citations(text: str) -> list[Citation]:
    """Every well-formed marker in the text."""
    if "[" not in text:
        return []
    return [
        Citation(tuple(_ID.findall(m.group(0))), m.start(), m.end()) for m in MARKER.finditer(text)
    ]


def malformed(text: str) -> list[str]:
    """Each bracket that opens like a marker (`[@`, `[ @`) but is not one, as written."""
    if "@" not in text:
        return []
    good = {m.start() for m in MARKER.finditer(text)}
    found = []
    for opening in _OPENING.finditer(text):
        if opening.start() not in good:
            close = text.find("]", opening.start())
            end = close + 1 if 0 <= close - opening.start() < 200 else opening.end() + 20
            found.append(text[opening.start() : end])
    return found


def strip_markers(text: str) -> str:
    """The prose as a reader without markers would read it: `to 2030 [@q-a].` → `to 2030.`"""
    if "[" not in text:
        return text
    return re.sub(r"[ \t]*" + MARKER.pattern, "", text)


def claims(text: str) -> list[Claim]:
    """The text's sentences, each with the excerpt ids it cites."""
    found: list[Claim] = []
    for start, end in _sentence_spans(text):
        sentence = text[start:end]
        ids = tuple(dict.fromkeys(i for c in citations(sentence) for i in c.ids))
        found.append(Claim(sentence, ids, start, end))
    return found


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for end in _SENTENCE_END.finditer(text):
        if end.group().strip() == "" and _after_abbreviation(text, end.start()):
            continue
        piece = text[start : end.start() + len(end.group().rstrip())]
        if piece.strip():
            spans.append(_trimmed(text, start, start + len(piece)))
        start = end.end()
    if text[start:].strip():
        spans.append(_trimmed(text, start, len(text)))
    return spans


def _after_abbreviation(text: str, stop: int) -> bool:
    """True when the full stop at `stop - 1` ends an abbreviation or an initial (`J.`)."""
    if text[stop - 1] != ".":
        return False
    # Only the last few characters: taking the word from all the text before it made
    # every sentence end cost the length of the text (40,000 sentences took 12 s).
    before = text[max(0, stop - 1 - _LONGEST_WORD) : stop - 1].rsplit(None, 1)
    word = before[-1].lstrip("(“\"‘'") if before else ""
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
