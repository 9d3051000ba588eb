"""A search index's parts as plain JSON and back, so a reopened brief is searchable at once.

Building the index of a 100k-excerpt brief takes seconds (every text folded, every word
posted); reading it back is one `json.loads` and a few C-level checks. The stored form
holds only strings and lists of item numbers; reading it builds nothing but lists, sets
and dicts, and any value of the wrong type or a number outside the index is refused
(`load` returns None), so a damaged or forged file is a rebuild, never a crash or
anything run. The cache keeps it beside the brief's entry and drops it with the brief
(`briefing.brief.cache.read_extra`); `briefing.search.index` turns the parts into an index.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from typing import Any

from briefing.record import record
from briefing.search.query import FILTERS

FORMAT = "search-index-1"


@record(slots=False)
class Parts:
    """What an index is made of beyond the brief: each item's folded text (items by id, in
    the index's order), the postings by word, the names and the filter values."""

    ids: list[str]
    folded: list[str]
    postings: dict[str, list[int]]
    exact: dict[str, list[int]]
    facets: dict[str, dict[str, set[int]]]


def dump(parts: Parts) -> bytes:
    """The parts as JSON bytes."""
    vocab = sorted(parts.postings)
    stored = {
        "ids": parts.ids,
        "folded": parts.folded,
        "vocab": vocab,
        "postings": [parts.postings[w] for w in vocab],
        "exact": _pairs(parts.exact),
        "facets": {name: _pairs(parts.facets[name], sort=True) for name in FILTERS},
    }
    return json.dumps(stored, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", "surrogatepass"
    )


def _pairs(table: dict[str, Any], *, sort: bool = False) -> list[list[Any]]:
    keys = list(table)
    return [keys, [sorted(table[k]) if sort else table[k] for k in keys]]


def load(data: bytes, ids: list[str]) -> Parts | None:
    """The parts stored for items with these ids (in this order), or None when the data
    is not a sound index of them."""
    try:
        return _load(json.loads(data), ids)
    except (ValueError, TypeError, KeyError, IndexError, RecursionError):
        return None


def _load(stored: Any, ids: list[str]) -> Parts | None:
    count = len(ids)
    folded = stored["folded"]
    if stored["ids"] != ids or not _texts(folded, count):
        return None  # not these items, in this order
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
    return Parts(
        ids,
        folded,
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
