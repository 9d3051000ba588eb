"""Counts in words: `1 event`, `2 events`, `1,204 excerpts`, `3 entities`."""

from __future__ import annotations


def plural(word: str, n: int) -> str:
    """The word for n of it: `event` for 1, `events` otherwise (`entity` -> `entities`)."""
    if n == 1:
        return word
    if word.endswith("y") and word[-2:-1] not in tuple("aeiou"):
        return word[:-1] + "ies"
    return word + "es" if word.endswith(("s", "sh", "ch", "x")) else word + "s"


def counted(n: int, word: str) -> str:
    """`1 event`, `2 events`, with thousands separators."""
    return f"{n:,} {plural(word, n)}"
