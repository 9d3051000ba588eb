"""Ranking a query against a search index: tier after tier until the limit is filled.

Best first: an item whose own name or title is the query; the words as a phrase; every
word whole; every word as a word's start; every word inside a word; and last, words that
only match with a typo. See `briefing.search.index` for how the index is prepared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from briefing.search.hits import Hit, make_hit
from briefing.search.index import SearchIndex, _phrase_pattern, _union
from briefing.search.query import Query, parse_query

__all__ = ["Hit", "search"]


def search(index: SearchIndex, query: str | Query, limit: int = 50) -> list[Hit]:
    """The best `limit` hits for the query, best first; [] for an empty query."""
    parsed = parse_query(query) if isinstance(query, str) else query
    if parsed.is_empty or limit <= 0:
        return []
    ranking = _Ranking(index, parsed, limit)
    ranked = ranking.run()
    hits = []
    for number, rank in ranked:
        entry = index.entries[number]
        pattern = _highlight_pattern(parsed.phrases, parsed.words, ranking.typos, rank >= 4)
        hits.append(make_hit(index.brief, entry.item, entry.fields, entry.linked, pattern, rank))
    return hits


class _Ranking:
    """One search: the admitted items, then tier after tier until the limit is filled."""

    def __init__(self, index: SearchIndex, query: Query, limit: int) -> None:
        self.index = index
        self.query = query
        self.limit = limit
        self.found: dict[int, int] = {}
        self.typos: frozenset[str] = frozenset()
        self.allowed = self._allowed()
        self.banned = _union(self._phrase_set(p) for p in query.excluded)

    def _allowed(self) -> set[int] | None:
        groups: dict[str, set[int]] = {}
        for name, values in self.query.filters.items():
            groups[name] = _union(self.index.filtered(name, v) for v in values)
        allowed = _intersect(groups.values())
        for phrase in self.query.phrases:
            allowed = self._phrase_set(phrase, allowed)
        return allowed

    def _phrase_set(self, phrase: str, among: set[int] | None = None) -> set[int]:
        words = phrase.split()
        candidates = _intersect([*(self.index.whole(w) for w in words), *_some(among)])
        if len(words) == 1:
            return candidates or set()
        return self.index.phrase_items(phrase, candidates or ())

    def _admit(self, candidates: set[int]) -> set[int]:
        if self.allowed is not None:
            candidates = candidates & self.allowed
        return candidates - self.banned - self.found.keys()

    def _take(self, candidates: Iterable[int], rank: int) -> bool:
        """Add candidates in index order until the limit; True when it is reached."""
        for number in sorted(candidates):
            if len(self.found) >= self.limit:
                break
            self.found[number] = rank
        return len(self.found) >= self.limit

    def run(self) -> list[tuple[int, int]]:
        words = self.query.words
        if not words:
            self._take(self._admit(self.allowed or set()), 1)
            return list(self.found.items())
        index = self.index
        whole = self._admit(_intersect(index.whole(w) for w in words) or set())
        if (
            self._take(whole & set(index.exact.get(self.query.phrase, ())), 0)
            or self._take(self._phrases(whole), 1)
            or self._take(self._admit(whole), 2)
            or self._take(self._admit(_intersect(index.prefixed(w) for w in words) or set()), 3)
            or self._take(self._admit(_intersect(index.containing(w) for w in words) or set()), 4)
        ):
            return list(self.found.items())
        self._take_typos(words)
        return list(self.found.items())

    def _phrases(self, whole: set[int]) -> list[int]:
        """Items of `whole` holding the words as a phrase, the first `limit` in order."""
        candidates = sorted(whole - self.found.keys())
        if len(self.query.words) == 1:
            return candidates
        phrase = self.query.phrase
        pattern = _phrase_pattern(phrase)
        room = self.limit - len(self.found)
        entries = self.index.entries
        found = []
        for number in candidates:
            folded = entries[number].folded
            if phrase in folded and pattern.search(folded):
                found.append(number)
                if len(found) >= room:
                    break
        return found

    def _take_typos(self, words: tuple[str, ...]) -> None:
        """Items where every word matches, some only within a typo, by similarity."""
        totals: dict[int, float] | None = None
        typos: set[str] = set()
        for word in words:
            scores = dict.fromkeys(self.index.containing(word), 100.0)
            for similar, score in self.index.similar(word).items():
                typos.add(similar)
                for number in self.index.postings[similar]:
                    if score > scores.get(number, 0.0):
                        scores[number] = score
            if totals is None:
                totals = scores
            else:
                totals = {n: totals[n] + s for n, s in scores.items() if n in totals}
        self.typos = frozenset(typos)
        candidates = self._admit(set(totals or ()))
        ordered = sorted(candidates, key=lambda n: (-(totals or {})[n], n))
        for number in ordered[: self.limit - len(self.found)]:
            self.found[number] = 5


def _intersect(groups: Iterable[set[int]]) -> set[int] | None:
    """The items in every group, smallest group first; None when there are no groups."""
    ordered = sorted(groups, key=len)
    if not ordered:
        return None
    return ordered[0].intersection(*ordered[1:])


def _some(among: set[int] | None) -> list[set[int]]:
    return [] if among is None else [among]


@lru_cache(maxsize=256)
def _highlight_pattern(
    phrases: tuple[str, ...], words: tuple[str, ...], typos: frozenset[str], inside: bool
) -> re.Pattern[str]:
    """What to highlight: phrases and words from a word's start (or, for items that only
    match inside words, anywhere), and the vocabulary words a typo matched."""
    longest_first = sorted({*phrases, " ".join(words), *words} - {""}, key=len, reverse=True)
    if not longest_first:
        return re.compile("(?!)")
    parts = [r"(?<![^ \n])(?:" + "|".join(map(re.escape, longest_first)) + ")"]
    if inside and words:
        parts.append("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    if typos:
        spelled = "|".join(map(re.escape, sorted(typos, key=len, reverse=True)))
        parts.append(r"(?<![^ \n])(?:" + spelled + r")(?![^ \n])")
    return re.compile("|".join(parts))
