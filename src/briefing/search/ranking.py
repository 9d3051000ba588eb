"""Ranking a query against a search index: tier after tier until the limit is filled.

Best first: an item whose own name or title is the query; the words as a phrase; every
word whole; every word as a word's start; every word inside a word; and last, words that
only match with a typo. See `briefing.search.index` for how the index is prepared.
"""

from __future__ import annotations

import heapq
import itertools
import math
import re
from collections.abc import Callable, Collection, Iterable
from collections.abc import Set as AbstractSet
from functools import lru_cache

from briefing.search.hits import Hit, make_hit
from briefing.search.index import SearchIndex, _phrase_pattern, _union
from briefing.search.query import Query, parse_query

__all__ = ["Hit", "search"]

MAX_LEVEL_COMBINATIONS = 256
"""Above this many combinations of the words' typo levels, the typo tier goes item by item."""


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
        own, linked = entry.texts(index.brief)
        hits.append(make_hit(index.brief, entry.item, own, linked, pattern, rank))
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

    def _admit(self, candidates: AbstractSet[int]) -> AbstractSet[int]:
        """The candidates the filters allow, not excluded nor already found (no copy
        when nothing narrows them: a one-letter prefix matches 100k items)."""
        if self.allowed is not None:
            candidates = candidates & self.allowed
        if self.banned:
            candidates = candidates - self.banned
        if self.found:
            candidates = candidates - self.found.keys()
        return candidates

    def _take(self, candidates: Collection[int], rank: int) -> bool:
        """Add candidates in index order until the limit; True when it is reached."""
        room = self.limit - len(self.found)
        # The first few of many without sorting them all (a one-letter prefix: 100k items).
        first = heapq.nsmallest(room, candidates) if len(candidates) > room else candidates
        for number in sorted(first):
            self.found[number] = rank
        return len(self.found) >= self.limit

    def _every_word(self, word_set: Callable[[str], frozenset[int]]) -> frozenset[int]:
        """The items in every word's set; the longest (rarest) words first, so that a
        short common word's large set is never built once the others leave nothing."""
        found: frozenset[int] | None = None
        for word in sorted(set(self.query.words), key=len, reverse=True):
            items = word_set(word)
            found = items if found is None else found & items
            if not found:
                return frozenset()
        return found or frozenset()

    def run(self) -> list[tuple[int, int]]:
        words = self.query.words
        if not words:
            self._take(self._admit(self.allowed or set()), 1)
            return list(self.found.items())
        index = self.index
        whole = self._admit(self._every_word(index.whole))
        if (
            self._take(whole & set(index.exact.get(self.query.phrase, ())), 0)
            or self._take(self._phrases(whole), 1)
            or self._take(self._admit(whole), 2)
            or self._take(self._admit(self._every_word(index.prefixed)), 3)
            or self._take(self._admit(self._every_word(index.containing)), 4)
        ):
            return list(self.found.items())
        self._take_typos(words)
        return list(self.found.items())

    def _phrases(self, whole: AbstractSet[int]) -> list[int]:
        """Items of `whole` holding the words as a phrase, the first `limit` in order."""
        candidates = whole - self.found.keys()
        room = self.limit - len(self.found)
        if len(self.query.words) == 1:
            return heapq.nsmallest(room, candidates)
        phrase = self.query.phrase
        pattern = _phrase_pattern(phrase)
        entries = self.index.entries
        found = []
        for number in sorted(candidates):
            folded = entries[number].folded
            if phrase in folded and pattern.search(folded):
                found.append(number)
                if len(found) >= room:
                    break
        return found

    def _take_typos(self, words: tuple[str, ...]) -> None:
        """Items where every word matches, some only within a typo, by similarity.

        A word's score in an item is 100 when the item holds it inside a word, else the
        similarity of the closest vocabulary word the item holds; an item's score is the
        sum, and ties go in index order. The items are found level by level: each word's
        items at each of its scores are sets, and a combination of one level per word is
        one set intersection, taken best total first until the limit is filled.
        """
        typos: set[str] = set()
        for word in words:
            typos.update(self.index.similar(word))
        self.typos = frozenset(typos)
        levels = [self.index.score_levels(word) for word in words]
        if not all(levels):
            return
        if math.prod(map(len, levels)) > MAX_LEVEL_COMBINATIONS:
            self._take_typos_by_item(words)
            return
        totals: dict[float, list[tuple[int, ...]]] = {}
        for combination in itertools.product(*(range(len(found)) for found in levels)):
            total = 0.0
            for found, level in zip(levels, combination, strict=True):
                total = total + found[level][0]  # summed in word order, as item by item
            totals.setdefault(total, []).append(combination)
        for total in sorted(totals, reverse=True):
            items: set[int] = set()
            for combination in totals[total]:
                sets = [found[level][1] for found, level in zip(levels, combination, strict=True)]
                items |= _intersect(sets) or set()
            if self._take(self._admit(items), 5):
                return

    def _take_typos_by_item(self, words: tuple[str, ...]) -> None:
        """The typo tier item by item, for queries of many words with many levels each."""
        totals: dict[int, float] | None = None
        for word in sorted(words, key=len, reverse=True):
            totals = self._word_scores(word, self.index.similar(word), totals)
            if not totals:
                break
        scores = totals or {}
        candidates = self._admit(scores.keys())
        room = self.limit - len(self.found)
        for number in heapq.nsmallest(room, candidates, key=lambda n: (-scores[n], n)):
            self.found[number] = 5

    def _word_scores(
        self, word: str, similar: dict[str, float], totals: dict[int, float] | None
    ) -> dict[int, float]:
        """Each item's running total with this word's score added (only items in `totals`,
        when given, as every word must match)."""
        if totals is None:
            return dict(self.index.word_scores(word))
        postings = self.index.postings
        best: dict[int, float] = {}
        for vocab_word, score in similar.items():
            for number in postings[vocab_word]:
                if score > best.get(number, 0.0) and number in totals:
                    best[number] = score
        entries = self.index.entries
        for number in totals:
            if word in entries[number].folded:  # inside one of its words: it has no space
                best[number] = 100.0
        return {number: totals[number] + score for number, score in best.items()}


def _intersect(groups: Iterable[AbstractSet[int]]) -> set[int] | None:
    """The items in every group, smallest group first; None when there are no groups."""
    ordered = sorted(groups, key=len)
    if not ordered:
        return None
    return set(ordered[0]).intersection(*ordered[1:])


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
