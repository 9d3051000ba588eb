"""`FuzzySearch.match` grows combinatorially with repeated letters (the command palette
freezes on names with many aliases, or on a long query).

Run: python fuzzy_search_cost.py
`FuzzySearch._match` lists every placement of the query's letters in the candidate before
scoring them. A six-letter query against a name that repeats its letters often has
millions of placements: the time per match multiplies as the name doubles. The palette
runs this for every candidate on every keystroke (in a worker, but a provider's `search`
is an async generator running on the event loop, so the whole app freezes meanwhile).
Prints the time per match; exit status 1 when doubling the name costs over 10 times more.
"""

import sys
import time

from textual.fuzzy import FuzzySearch


def name(aliases: int) -> str:
    """An entity shown with its aliases, as an app's palette might list it."""
    return " / ".join(f"alias{number}" for number in range(aliases))


def seconds(query: str, candidate: str) -> float:
    started = time.perf_counter()
    FuzzySearch().match(query, candidate)  # a fresh instance: no cache
    return time.perf_counter() - started


def main() -> int:
    query = "asasas"  # its letters are all there, but not in one run: no quick exit
    timings = []
    for aliases in (3, 6, 12):
        took = seconds(query, name(aliases))
        timings.append(took)
        print(f"{aliases:3} aliases, {len(name(aliases)):4} characters: {took * 1000:10.1f} ms")
    growth = timings[-1] / max(timings[-2], 1e-9)
    if growth > 10:
        print(f"REPRODUCED: doubling the name cost {growth:.0f} times more")
        return 1
    print(f"not reproduced: doubling the name cost {growth:.1f} times more")
    return 0


if __name__ == "__main__":
    sys.exit(main())
