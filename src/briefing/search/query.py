"""The search query language, and the folding that makes matching case- and accent-blind.

A query is words that must all match (`deal port`), `"quoted phrases"` that must appear
exactly, `-word` or `-"phrase"` to exclude, and filters `topic:`, `source:`, `entity:`,
`kind:` and `year:`. Text is compared folded: NFKD with combining marks dropped, casefolded,
and every run of punctuation or space made one space, so "Lúcio" and "lucio", "Su-57" and
"su 57" are the same words. `fold_with_map` keeps each folded character's original offset,
so a match found in folded text is highlighted in the original.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import field
from functools import lru_cache

from briefing.record import record

FILTERS: tuple[str, ...] = ("topic", "source", "entity", "kind", "year")
_NON_WORD = re.compile(r"[\W_]+")
# The combining marks that NFKD splits off accented letters (Latin, Greek, Cyrillic, ...).
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_TOKEN = re.compile(r'(-?)(?:(\w+):)?(?:"([^"]*)"?|(\S*))')


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """One character folded: accents dropped, casefolded, punctuation made a space."""
    if char.isascii():
        return char.lower() if char.isalnum() else " "
    bare = _MARKS.sub("", unicodedata.normalize("NFKD", char)).casefold()
    return "".join(c if c.isalnum() else " " for c in bare)


def fold(text: str) -> str:
    """Text folded for matching: lower case, no accents, single spaces between words."""
    decomposed = unicodedata.normalize("NFKD", text)
    if not decomposed.isascii():
        decomposed = _MARKS.sub("", decomposed)
    return _NON_WORD.sub(" ", decomposed.casefold()).strip()


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Text folded like `fold`, and for each folded character its offset in `text`.

    The map has one extra entry, `len(text)`, so a match's end maps back too.
    """
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text):
        for piece in fold_char(char):
            if piece == " " and (not chars or chars[-1] == " "):
                continue
            chars.append(piece)
            offsets.append(index)
    if chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    offsets.append(len(text))
    return "".join(chars), offsets


@record(slots=False)
class Query:
    """A parsed query: folded words and phrases, exclusions, and filter values."""

    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        """True when nothing would narrow the search (no words, phrases or filters)."""
        return not (self.words or self.phrases or self.filters)

    @property
    def phrase(self) -> str:
        """The plain words in the order typed, which rank highest when found together."""
        return " ".join(self.words)


def parse_query(text: str) -> Query:
    """Parse what the user typed; anything unrecognised is searched as plain words."""
    words: list[str] = []
    phrases: list[str] = []
    excluded: list[str] = []
    filters: dict[str, list[str]] = {}
    for match in _TOKEN.finditer(text):
        minus, name, quoted, bare = match.groups()
        value = quoted if quoted is not None else bare
        if name and name.lower() in FILTERS:
            if value.strip():
                filters.setdefault(name.lower(), []).append(value.strip())
            continue
        if name:
            value = f"{name}:{value}"
        folded = fold(value)
        if not folded:
            continue
        if minus:
            excluded.append(folded)
        elif quoted is not None:
            phrases.append(folded)
        else:
            words.extend(folded.split())
    frozen = {name: tuple(values) for name, values in filters.items()}
    return Query(tuple(words), tuple(phrases), tuple(excluded), frozen)


@record
class Token:
    """The whitespace-separated token under the cursor, and where it stands."""

    text: str
    start: int
    end: int


def token_at(text: str, cursor: int) -> Token:
    """The token the cursor is in or just after (empty when it stands on white space)."""
    start = cursor
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = cursor
    while end < len(text) and not text[end].isspace():
        end += 1
    return Token(text[start:end], start, end)


# Completion ----------------------------------------------------------------------


@record
class Completion:
    """A replacement for the token under the cursor, with a label to show beside it."""

    text: str
    label: str
    start: int
    end: int


def complete(
    values: Callable[[str], list[tuple[str, str]]], text: str, cursor: int, limit: int = 20
) -> list[Completion]:
    """What the filter under the cursor can become: filter names, then `values(name)`
    (each value with a label), those whose value or label holds what was typed."""
    token = token_at(text, cursor)
    name, colon, value = token.text.lstrip("-").partition(":")
    if not token.text:
        return []
    if not colon:
        names = [f for f in FILTERS if f.startswith(name.lower()) and name]
        return [Completion(f"{f}:", f"filter by {f}", token.start, token.end) for f in names]
    if name.lower() not in FILTERS:
        return []
    wanted = fold(value.strip('"'))
    found = [
        Completion(f"{name.lower()}:{_quoted(v)}", label, token.start, token.end)
        for v, label in values(name.lower())
        if wanted in fold(v) or wanted in fold(label)
    ]
    return found[:limit]


def _quoted(value: str) -> str:
    return f'"{value}"' if " " in value else value
