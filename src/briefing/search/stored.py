"""A search index as plain JSON and back, so a reopened brief is searchable at once.

Building the index of a 100k-excerpt brief takes seconds (every text folded, every word
posted); reading it back is one `json.loads` and a few C-level checks. The stored form
holds only strings and lists of item numbers; reading it builds nothing but lists, sets
and the index's own entries, and any value of the wrong type or a number outside the
index is refused (`restore` returns None), so a damaged or forged file is a rebuild,
never a crash or anything run. The cache keeps it beside the brief's entry and drops it
with the brief (`briefing.brief.cache.read_extra`).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from typing import Any

from briefing.brief.model import Brief
from briefing.search.hits import linked_names
from briefing.search.index import FILTERS, Entry, SearchIndex, ordered_items, own_texts

FORMAT = "search-index-1"


def dump(index: SearchIndex) -> bytes:
    """The index as JSON bytes."""
    entries = index.entries
    stored = {
        "ids": [e.item.id for e in entries],
        "folded": [e.folded for e in entries],
        "vocab": index.vocab,
        "postings": [index.postings[w] for w in index.vocab],
        "exact": _pairs(index.exact),
        "facets": {name: _pairs(index.facets[name], sort=True) for name in FILTERS},
    }
    return json.dumps(stored, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", "surrogatepass"
    )


def _pairs(table: dict[str, Any], *, sort: bool = False) -> list[list[Any]]:
    keys = list(table)
    return [keys, [sorted(table[k]) if sort else table[k] for k in keys]]


def restore(brief: Brief, data: bytes) -> SearchIndex | None:
    """The index stored for this brief, or None when the data is not a sound index of it."""
    try:
        stored = json.loads(data)
        return _restore(brief, stored)
    except (ValueError, TypeError, KeyError, IndexError, RecursionError):
        return None


def _restore(brief: Brief, stored: Any) -> SearchIndex | None:
    items = list(ordered_items(brief))
    count = len(items)
    ids, folded = stored["ids"], stored["folded"]
    if ids != [item.id for item in items]:
        return None  # not this brief's items, in this order
    if not _texts(folded, count):
        return None
    vocab, postings = stored["vocab"], stored["postings"]
    exact_keys, exact_items = stored["exact"]
    if not (_texts(vocab, len(postings)) and _texts(exact_keys, len(exact_items))):
        return None
    if vocab != sorted(vocab):  # prefixes are looked up by bisection
        return None
    if not (_numbers(postings, count) and _numbers(exact_items, count)):
        return None
    facets: dict[str, dict[str, set[int]]] = {}
    for name in FILTERS:
        keys, numbers = stored["facets"][name]
        if not (_texts(keys, len(numbers)) and _numbers(numbers, count)):
            return None
        facets[name] = dict(zip(keys, map(set, numbers), strict=True))
    # An item's texts are the brief's own strings: taken again from it, not stored twice.
    entries = [
        Entry(item, own_texts(item), linked_names(brief, item), text)
        for item, text in zip(items, folded, strict=True)
    ]
    return SearchIndex.restored(
        brief,
        entries,
        dict(zip(vocab, postings, strict=True)),
        dict(zip(exact_keys, exact_items, strict=True)),
        facets,
    )


def _texts(values: Any, count: int) -> bool:
    """A list of `count` strings."""
    return type(values) is list and len(values) == count and set(map(type, values)) <= {str}


def _numbers(lists: Any, count: int) -> bool:
    """A list of lists of item numbers below `count`."""
    if type(lists) is not list or not set(map(type, lists)) <= {list}:
        return False
    flat: Iterable[Any] = list(itertools.chain.from_iterable(lists))
    if not set(map(type, flat)) <= {int}:
        return False
    return not flat or (min(flat) >= 0 and max(flat) < count)
