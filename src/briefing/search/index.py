"""The search index of a brief: every item's text folded into words, ranked per keystroke.

The index is built once per brief (`index_for`) and holds an inverted index from folded
words to items, kept in a fixed order (entities, topics, events, figures, disputes,
sources, excerpts; brief order within each). A search then only combines prepared word
sets, so the cost of a keystroke depends on how many items match, not on the brief's text.

Ranking, best first: an item whose own name or title is the query; the words as a phrase;
every word whole; every word as a word's start; every word inside a word; and last, words
that only match with a typo (rapidfuzz over the vocabulary, never over long texts). Within
a rank, items keep the fixed order; typo matches go by similarity. Items that name an
entity also match that entity's name and aliases.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from briefing.brief.dates import BriefDate
from briefing.brief.model import Brief, Entity, Event, Excerpt, Figure, Item, Source, Topic
from briefing.memory import paused_gc
from briefing.search.hits import Hit, item_texts, linked_names, make_hit, name_texts
from briefing.search.query import FILTERS, Completion, Query, complete, fold, parse_query

__all__ = ["FILTERS", "Hit", "SearchIndex", "build_index", "index_for", "search"]

KIND_ORDER = ("entity", "topic", "event", "figure", "dispute", "source", "excerpt")
EXACT_FIELD_MAX = 80
FUZZY_MIN_LENGTH = 4
FUZZY_CUTOFF = 75.0
FUZZY_WORDS = 40


@dataclass(frozen=True, slots=True)
class Entry:
    """One searchable item: its own texts (the first is the preview's default) and the
    names and aliases of the entities it names, all folded into one line per field."""

    item: Item
    fields: tuple[str, ...]
    linked: tuple[str, ...]
    folded: str


class SearchIndex:
    """Everything a search needs, prepared once: words to items, names, filter values."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.entries: list[Entry] = []
        self.postings: dict[str, list[int]] = {}
        self.exact: dict[str, list[int]] = {}
        self.facets: dict[str, dict[str, set[int]]] = {name: {} for name in FILTERS}
        for item in _ordered_items(brief):
            self._add(item)
        self.vocab = sorted(self.postings)
        self.vocab_text = "\n".join(self.vocab)
        self.vocab_starts = list(_running_starts(self.vocab))

    def _add(self, item: Item) -> None:
        number = len(self.entries)
        own = tuple(text for text in item_texts(item) if text)
        linked = linked_names(self.brief, item)
        folded = "\n".join(fold(text) for text in (*own, *linked))
        self.entries.append(Entry(item, own, linked, folded))
        for word in set(folded.split()):
            self.postings.setdefault(word, []).append(number)
        for text in name_texts(item):
            if len(text) <= EXACT_FIELD_MAX:
                self.exact.setdefault(fold(text), []).append(number)
        for name, values in _facet_values(self.brief, item).items():
            for value in values:
                self.facets[name].setdefault(value, set()).add(number)

    # Word sets ---------------------------------------------------------------

    def whole(self, word: str) -> set[int]:
        """Items containing the word as a whole word."""
        return set(self.postings.get(word, ()))

    def prefixed(self, word: str) -> set[int]:
        """Items containing a word that starts with `word`."""
        low = bisect.bisect_left(self.vocab, word)
        high = bisect.bisect_left(self.vocab, word + "\U0010ffff")
        return _union(self.postings[v] for v in self.vocab[low:high])

    def containing(self, word: str) -> set[int]:
        """Items containing `word` anywhere inside a word."""
        found = {self._vocab_at(m.start()) for m in re.finditer(re.escape(word), self.vocab_text)}
        return _union(self.postings[v] for v in found)

    def _vocab_at(self, offset: int) -> str:
        return self.vocab[bisect.bisect_right(self.vocab_starts, offset) - 1]

    def similar(self, word: str) -> dict[str, float]:
        """Vocabulary words within a typo or two of `word`, with their similarity (0–100)."""
        if len(word) < FUZZY_MIN_LENGTH:
            return {}
        from rapidfuzz import fuzz, process

        found = process.extract(
            word,
            self.vocab,
            scorer=fuzz.ratio,
            processor=None,
            score_cutoff=FUZZY_CUTOFF,
            limit=FUZZY_WORDS,
        )
        return {choice: score for choice, score, _ in found}

    def phrase_items(self, phrase: str, among: Iterable[int]) -> set[int]:
        """The items among `among` whose folded text holds the phrase on word boundaries."""
        pattern = _phrase_pattern(phrase)
        entries = self.entries
        # The substring test is C-fast and rules out nearly all; the pattern checks the edges.
        return {
            i for i in among if phrase in entries[i].folded and pattern.search(entries[i].folded)
        }

    # Filters -----------------------------------------------------------------

    def filter_values(self, name: str) -> list[tuple[str, str]]:
        """The values a filter can take in this brief, each with a label, for completion."""
        if name == "kind":
            return [(k, k) for k in KIND_ORDER if k in self.facets["kind"]]
        if name == "year":
            return [(y, y) for y in sorted(self.facets["year"])]
        if name == "entity":
            return [(e.id, " · ".join((e.name, *e.aliases))) for e in self.brief.entities]
        if name == "topic":
            return [(t.id, t.title) for t in self.brief.topics]
        return [(s.id, s.title) for s in self.brief.sources]

    def filtered(self, name: str, value: str) -> set[int]:
        """Items a filter admits: by id, by name or title, or by what contains the value."""
        wanted = fold(value)
        table = self.facets[name]
        if name == "year":
            return _union(table.get(str(y), ()) for y in _years(value))
        if name == "topic":
            ids = self._matching_values(name, wanted)
            deep = {d for t in ids for d in self.brief.topic_and_descendants(t)}
            return _union(table.get(t, ()) for t in deep)
        return _union(table.get(v, ()) for v in self._matching_values(name, wanted))

    def _matching_values(self, name: str, wanted: str) -> list[str]:
        values = self.filter_values(name)
        exact = [v for v, label in values if wanted in (fold(v), fold(label))]
        return exact or [v for v, label in values if wanted in fold(v) or wanted in fold(label)]


def _running_starts(words: list[str]) -> Iterable[int]:
    offset = 0
    for word in words:
        yield offset
        offset += len(word) + 1


def _union(groups: Iterable[Iterable[int]]) -> set[int]:
    found: set[int] = set()
    for group in groups:
        found.update(group)
    return found


def _years(value: str) -> range:
    parts = [p for p in re.split(r"\.\.|[-–/]", value) if p.strip()]
    if not parts or not all(p.strip().isdigit() for p in parts):
        return range(0)
    return range(int(parts[0]), int(parts[-1]) + 1)


@lru_cache(maxsize=256)
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<![^ \n])" + re.escape(phrase) + r"(?![^ \n])")


def _ordered_items(brief: Brief) -> Iterable[Item]:
    yield from brief.entities
    yield from brief.topics
    yield from brief.events
    yield from brief.figures
    yield from brief.disputes
    yield from brief.sources
    yield from brief.excerpts


def _cited(brief: Brief, item: Item) -> tuple[str, ...]:
    """The excerpts an item stands on (or the excerpt itself)."""
    if item.item_kind == "excerpt":
        return (item.id,)
    return tuple(getattr(item, "excerpts", ()))


def _facet_values(brief: Brief, item: Item) -> dict[str, set[str]]:
    """The filter values of an item: its kind, topics, sources, entities and years."""
    excerpts = brief.excerpts_of(_cited(brief, item))
    topics = {t for x in excerpts for t in x.topics} | set(getattr(item, "topics", ()))
    sources = {x.source for x in excerpts}
    entities = set(getattr(item, "entities", ()))
    if isinstance(item, Topic):
        topics = {item.id}
    elif isinstance(item, Source):
        sources.add(item.id)
    elif isinstance(item, Entity):
        entities.add(item.id)
    years = {y for d in _dates(brief, item) for y in range(d.start.year, d.last_day.year + 1)}
    return {
        "kind": {item.item_kind},
        "topic": topics,
        "source": sources,
        "entity": entities,
        "year": {str(y) for y in years},
    }


def _dates(brief: Brief, item: Item) -> Iterable[BriefDate]:
    if isinstance(item, Event):
        yield item.date
    elif isinstance(item, Source) and item.published:
        yield item.published
    elif isinstance(item, Figure) and item.period:
        yield item.period
    elif isinstance(item, Excerpt):
        published = brief.source(item.source).published
        if published:
            yield published
        yield from (e.date for e in brief.events_citing(item.id))


# Ranking -----------------------------------------------------------------------


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


# The index of each brief, built once ------------------------------------------------

# By the brief's id; each index holds its brief, so an id is never reused while cached.
_INDEXES: dict[int, SearchIndex] = {}
KEEP_INDEXES = 3
_LOCK = threading.Lock()


def build_index(brief: Brief) -> SearchIndex:
    """Build a brief's search index (seconds for a 100k-excerpt brief; do it off the UI).

    Also imports rapidfuzz, so that the first typo does not pay for it.

    The cyclic garbage collector is paused meanwhile: the index is millions of small
    objects and none of them is garbage, so its passes would only cost time. Whether to
    then move the index out of the collector's sight for good (`gc.freeze()`) is the
    caller's choice: the app does, a one-off command need not.
    """
    with paused_gc():
        import rapidfuzz.process  # noqa: F401

        return SearchIndex(brief)


def index_for(brief: Brief) -> SearchIndex:
    """The brief's index, built on its first search; the last few briefs' are kept."""
    with _LOCK:
        index = cached_index(brief)
        if index is None:
            index = build_index(brief)
            _INDEXES[id(brief)] = index
            while len(_INDEXES) > KEEP_INDEXES:
                del _INDEXES[next(iter(_INDEXES))]
        return index


def cached_index(brief: Brief) -> SearchIndex | None:
    """The brief's index if already built, without building it."""
    index = _INDEXES.get(id(brief))
    return index if index is not None and index.brief is brief else None


def completions(index: SearchIndex, text: str, cursor: int, limit: int = 20) -> list[Completion]:
    """What the filter under the cursor can become, from this brief's own values."""
    return complete(index.filter_values, text, cursor, limit)
