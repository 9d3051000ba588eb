"""The search index of a brief: every item's text folded into words, ranked per keystroke.

The index is built once per brief (`index_for`) and holds an inverted index from folded
words to items, kept in a fixed order (entities, topics, events, figures, disputes,
sources, excerpts; brief order within each). A search then only combines prepared word
sets, so the cost of a keystroke depends on how many items match, not on the brief's text.

Ranking, best first: an item whose own name or title is the query; the words as a phrase;
every word whole; every word as a word's start; every word inside a word; and last, words
that only match with a typo (rapidfuzz over the vocabulary, never over long texts). Within
a rank, items keep the fixed order; typo matches go by similarity. Items that name an
entity also match that entity's name and aliases. The ranking itself is `briefing.search.ranking`.
"""

from __future__ import annotations

import bisect
import difflib
import itertools
import re
import threading
from collections.abc import Callable, Iterable
from functools import lru_cache

from briefing.brief.model import Brief, Item
from briefing.memory import paused_gc
from briefing.record import record
from briefing.search import stored
from briefing.search.facets import facet_values, ordered_items, own_texts
from briefing.search.hits import linked_names, name_texts
from briefing.search.query import FILTERS, Completion, Query, complete, fold
from briefing.views.narrowing import topic_scope

__all__ = ["FILTERS", "SearchIndex", "build_index", "index_for"]

KIND_ORDER = ("entity", "topic", "event", "figure", "dispute", "source", "excerpt")
EXACT_FIELD_MAX = 80
FUZZY_MIN_LENGTH = 4
FUZZY_CUTOFF = 75.0
FUZZY_WORDS = 40
REMEMBERED_SETS = 256
"""Typo look-ups kept per index."""
REMEMBERED_ITEMS = 2_000_000
"""Items in the word sets kept per index (about 80 MB at most), then they are forgotten."""


@record
class Entry:
    """One searchable item and its texts folded, one line per field: its own texts and
    the names and aliases of the entities it names (`texts` gives them as written)."""

    item: Item
    folded: str

    def texts(self, brief: Brief) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Its own texts (the first is the preview's default) and its entities' names:
        made for the few hits shown, so that a reopened index need not make them all."""
        return own_texts(self.item), linked_names(brief, self.item)


class SearchIndex:
    """Everything a search needs, prepared once: words to items, names, filter values."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.entries: list[Entry] = []
        self.postings: dict[str, list[int]] = {}
        self.exact: dict[str, list[int]] = {}
        self.facets: dict[str, dict[str, set[int]]] = {name: {} for name in FILTERS}
        for item in ordered_items(brief):
            self._add(item)
        self._prepare()

    @classmethod
    def restored(cls, brief: Brief, parts: stored.Parts) -> SearchIndex | None:
        """The brief's index from its parts as `briefing.search.stored` kept them; None
        when they are not this brief's items in this order."""
        items = list(ordered_items(brief))
        if [item.id for item in items] != parts.ids:
            return None
        index = cls.__new__(cls)
        index.brief = brief
        index.entries = list(map(Entry, items, parts.folded))
        index.postings, index.exact, index.facets = parts.postings, parts.exact, parts.facets
        index._prepare()
        return index

    def parts(self) -> stored.Parts:
        """What `briefing.search.stored` keeps of the index."""
        ids = [e.item.id for e in self.entries]
        folded = [e.folded for e in self.entries]
        return stored.Parts(ids, folded, self.postings, self.exact, self.facets)

    def _prepare(self) -> None:
        """The vocabulary and the remembered word sets, once the postings are complete."""
        self.vocab = sorted(self.postings)
        self.vocab_text = "\n".join(self.vocab)
        self.forget()

    def forget(self) -> None:
        """Forget the word sets remembered from earlier searches (as after opening)."""
        self._sets: dict[tuple[str, str], frozenset[int]] = {}
        self._remembered_items = 0
        self._similar: dict[str, dict[str, float]] = {}
        self._scores: dict[str, dict[int, float]] = {}
        self._levels: dict[str, list[tuple[float, frozenset[int]]]] = {}

    def _add(self, item: Item) -> None:
        number = len(self.entries)
        own = own_texts(item)
        linked = linked_names(self.brief, item)
        folded = "\n".join(fold(text) for text in (*own, *linked))
        self.entries.append(Entry(item, folded))
        for word in set(folded.split()):
            self.postings.setdefault(word, []).append(number)
        for text in name_texts(item):
            if len(text) <= EXACT_FIELD_MAX:
                self.exact.setdefault(fold(text), []).append(number)
        for name, values in facet_values(self.brief, item).items():
            for value in values:
                self.facets[name].setdefault(value, set()).add(number)

    # Word sets ---------------------------------------------------------------

    def whole(self, word: str) -> frozenset[int]:
        """Items containing the word as a whole word."""
        return self._remembered("whole", word, lambda: frozenset(self.postings.get(word, ())))

    def prefixed(self, word: str) -> frozenset[int]:
        """Items containing a word that starts with `word`."""
        return self._remembered("prefixed", word, lambda: self._items_of(self.starting(word)))

    def starting(self, word: str) -> list[str]:
        """The vocabulary words that start with `word`."""
        low = bisect.bisect_left(self.vocab, word)
        high = bisect.bisect_left(self.vocab, word + "\U0010ffff")
        return self.vocab[low:high]

    def containing(self, word: str) -> frozenset[int]:
        """Items containing `word` anywhere inside a word."""
        return self._remembered("containing", word, lambda: self._items_of(self.inside(word)))

    def inside(self, word: str) -> list[str]:
        """The vocabulary words that contain `word`: whole lines of the vocabulary text
        found by one C-level scan (a one-letter word is inside most of them)."""
        pattern = re.compile(f"^[^\n]*{re.escape(word)}[^\n]*$", re.MULTILINE)
        return pattern.findall(self.vocab_text)

    def _items_of(self, words: list[str]) -> frozenset[int]:
        postings = self.postings
        return frozenset(itertools.chain.from_iterable(map(postings.__getitem__, words)))

    def _remembered(
        self, kind: str, word: str, compute: Callable[[], frozenset[int]]
    ) -> frozenset[int]:
        """A word set, computed once: typing a query letter by letter asks for the same
        words' sets again and again (each earlier word, at every later keystroke)."""
        key = (kind, word)
        found = self._sets.get(key)
        if found is None:
            found = compute()
            self._count(len(found))
            self._sets[key] = found
        return found

    def _count(self, items: int) -> None:
        """Count items about to be remembered; forget everything first past the bound."""
        if self._remembered_items + items > REMEMBERED_ITEMS:
            self.forget()
        self._remembered_items += items

    def similar(self, word: str) -> dict[str, float]:
        """Vocabulary words within a typo or two of `word`, with their similarity (0–100)."""
        if len(word) < FUZZY_MIN_LENGTH:
            return {}
        found = self._similar.get(word)
        if found is None:
            if len(self._similar) >= REMEMBERED_SETS:
                self._similar.clear()
            found = self._similar[word] = self._similar_words(word)
        return found

    def word_scores(self, word: str) -> dict[int, float]:
        """Items holding the word inside a word (100) or, failing that, a vocabulary word
        within a typo of it (that word's similarity): the typo tier's scores, kept."""
        key = ("scores", word)
        found = self._scores.get(word)
        if found is None:
            found = {}
            postings = self.postings
            for vocab_word, score in self.similar(word).items():
                for number in postings[vocab_word]:
                    if score > found.get(number, 0.0):
                        found[number] = score
            found.update(dict.fromkeys(self.containing(word), 100.0))
            if len(self._scores) >= REMEMBERED_SETS:
                self._scores.clear()
            self._scores[key[1]] = found
        return found

    def score_levels(self, word: str) -> list[tuple[float, frozenset[int]]]:
        """The items the word matches, best score first, each item at its best score only:
        100 for the word inside a word, else the similarity of the closest vocabulary word
        the item holds. Sets, so that the typo tier combines them with C-level `&`."""
        found = self._levels.get(word)
        if found is None:
            by_score: dict[float, list[str]] = {}
            for vocab_word, score in self.similar(word).items():
                by_score.setdefault(score, []).append(vocab_word)
            seen = self.containing(word)
            found = [(100.0, seen)] if seen else []
            for score in sorted(by_score, reverse=True):
                if score >= 100.0:
                    continue  # a word equal to this one: it is inside a word already
                items = self._items_of(by_score[score]) - seen
                if items:
                    found.append((score, items))
                    seen = seen | items
            self._count(sum(len(items) for _, items in found))
            self._levels[word] = found
        return found

    def _similar_words(self, word: str) -> dict[str, float]:
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
            deep = {d for t in ids for d in topic_scope(self.brief, t)}
            return _union(table.get(t, ()) for t in deep)
        return _union(table.get(v, ()) for v in self._matching_values(name, wanted))

    def unknown_filters(self, query: Query) -> list[str]:
        """What in the query's filters names nothing in this brief, one sentence each
        (`no topic is called 'nonexistent'; did you mean 'Trade'?`)."""
        problems = []
        for name, values in query.filters.items():
            for value in values:
                if name == "year":
                    if not _years(value):
                        problems.append(f"year:{value} is not a year (write 2024 or 2020-2024)")
                elif not self._matching_values(name, fold(value)):
                    problems.append(_unknown(name, value, self.filter_values(name)))
        return problems

    def _matching_values(self, name: str, wanted: str) -> list[str]:
        values = self.filter_values(name)
        exact = [v for v, label in values if wanted in (fold(v), fold(label))]
        return exact or [v for v, label in values if wanted in fold(v) or wanted in fold(label)]


def _unknown(name: str, value: str, known: list[tuple[str, str]]) -> str:
    """`no topic is called 'x'; did you mean topic:t-trade (Trade)?`, the closest few."""
    by_text = {text: given for given, label in known for text in (given, label)}
    close = difflib.get_close_matches(value, list(by_text), n=6, cutoff=0.5)
    chosen = list(dict.fromkeys(by_text[c] for c in close))[:3]
    labels = dict(known)
    shown = [f"{name}:{c}" + (f" ({labels[c]})" if labels[c] != c else "") for c in chosen]
    hint = f"; did you mean {' or '.join(shown)}?" if shown else ""
    return f"no {name} is called {value!r} in this brief{hint}"


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
    """The brief's index: kept from an earlier search, read from the cache (kept with the
    brief's entry), or built and then kept there; the last few briefs' are kept here."""
    with _LOCK:
        index = cached_index(brief)
        if index is None:
            index = _stored_index(brief)
            if index is None:
                index = build_index(brief)
                _store_index(index)
            _INDEXES[id(brief)] = index
            while len(_INDEXES) > KEEP_INDEXES:
                del _INDEXES[next(iter(_INDEXES))]
        return index


def _stored_index(brief: Brief) -> SearchIndex | None:
    from briefing.brief import cache

    data = cache.read_extra(brief, "index", stored.FORMAT)
    if data is None:
        return None
    with paused_gc():
        ids = [item.id for item in ordered_items(brief)]
        parts = stored.load(data, ids)
        return None if parts is None else SearchIndex.restored(brief, parts)


def _store_index(index: SearchIndex) -> None:
    from briefing.brief import cache

    with paused_gc():
        data = stored.dump(index.parts())
    cache.write_extra(index.brief, "index", stored.FORMAT, data)


def cached_index(brief: Brief) -> SearchIndex | None:
    """The brief's index if already built, without building it."""
    index = _INDEXES.get(id(brief))
    return index if index is not None and index.brief is brief else None


def completions(index: SearchIndex, text: str, cursor: int, limit: int = 20) -> list[Completion]:
    """What the filter under the cursor can become, from this brief's own values."""
    return complete(index.filter_values, text, cursor, limit)
