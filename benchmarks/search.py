"""Measure search as a user feels it: queries typed letter by letter into briefs of 10k and
100k excerpts, the worst keystroke and the slowest queries by name, and fair comparisons.

Run: `python benchmarks/search.py` (or `python benchmarks/search.py 1000 10000`). For each
size it writes a synthetic brief (benchmarks/synthetic.py), loads it, and prints:

- index build: the time to build the search index once;
- per keystroke: median, 95th percentile and worst of one `search(index, prefix,
  limit=50)`, hits with previews and highlights included, over every prefix of every
  query in QUERIES (typos combined with several words, one- and two-letter prefixes,
  phrases, exclusions, filters), each typed with nothing remembered from the other
  queries, as after opening the brief; then the five slowest keystrokes, named. Each is
  given as wall-clock time and as the search thread's CPU time: on a busy machine (other
  processes competing for the two cores) the wall clock counts their turns too;
- in-process comparison: five whole queries (COMPARED) through
  `rapidfuzz.process.extract` (WRatio, limit 50) over the same texts, one line per
  item, against ours on the same queries;
- whole-process comparison: `briefing search QUERY --brief FILE` (start-up, cached brief
  and index included) against `fzf --filter QUERY` reading the same texts from a file,
  when fzf is installed.

Targets (issue 15): per keystroke p95 / worst: 10k <= 10 / 30 ms; 100k <= 50 / 120 ms.
The whole run takes a few minutes on two cores; it is not part of the test suite.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import make_brief

from briefing.brief.loader import load_brief
from briefing.search.index import SearchIndex, build_index
from briefing.search.ranking import search

SIZES = (10_000, 100_000)
TARGETS = {10_000: (10.0, 30.0), 100_000: (50.0, 120.0)}
LIMIT = 50
QUERIES = {
    "typo + words": "sanctons on russian oil",
    "code + word": "s-400 deliveries",
    "two typos": "minster presdent talks",
    "typo": "delivries",
    "word": "sanctions",
    "two words": "port authority",
    "three words": "northern sea route",
    "phrase - exclusion": '"joint statement" -oil',
    "word - word": "deliveries -sanctions",
    "kind filter": "kind:event ministry",
    "year + topic filters": "year:2024 topic:t-1 oil",
    "phrase": '"prime minister"',
    "one letter": "p",
    "two letters": "ru",
    "no match": "zzzzzz",
}


COMPARED = ("typo + words", "two words", "phrase - exclusion", "kind filter", "one letter")
"""The whole queries timed against rapidfuzz and fzf (each takes a while at 100k)."""


def keystrokes(query: str) -> list[str]:
    """Every prefix of the query, as typed one letter at a time."""
    return [query[: n + 1] for n in range(len(query)) if query[: n + 1].strip()]


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def timed_ms(call: object, *args: object, **kwargs: object) -> float:
    """Milliseconds one call takes."""
    assert callable(call)
    started = time.perf_counter()
    call(*args, **kwargs)
    return (time.perf_counter() - started) * 1000


def cpu_timed_ms(call: object, *args: object, **kwargs: object) -> tuple[float, float]:
    """Milliseconds one call takes: wall clock, and this thread's CPU time (what an idle
    machine would show when other processes compete for the cores)."""
    assert callable(call)
    started, started_cpu = time.perf_counter(), time.thread_time()
    call(*args, **kwargs)
    return (time.perf_counter() - started) * 1000, (time.thread_time() - started_cpu) * 1000


def measure_typing(brief_path: Path) -> tuple[float, list[tuple[float, float, str, str]]]:
    """Build seconds, and (ms, CPU ms, query name, prefix) for every keystroke of every
    query, each typed with nothing remembered from the other queries."""
    brief = load_brief(brief_path)
    started = time.perf_counter()
    build_index(brief)
    build = time.perf_counter() - started
    times = []
    index = build_index(brief)
    for name, query in QUERIES.items():
        index.forget()
        for prefix in keystrokes(query):
            times.append((*cpu_timed_ms(search, index, prefix, limit=LIMIT), name, prefix))
    return build, times


def lines_of(index: SearchIndex) -> list[str]:
    """One line per item, all its texts, as fzf and rapidfuzz are fed them."""
    lines = []
    for entry in index.entries:
        own, linked = entry.texts(index.brief)
        lines.append(" ".join((*own, *linked)).replace("\n", " "))
    return lines


def compare_in_process(index: SearchIndex) -> str:
    """Median ms per whole query: ours against rapidfuzz.process.extract on the same texts."""
    from rapidfuzz import fuzz, process

    texts = lines_of(index)
    ours, theirs = [], []
    for query in (QUERIES[name] for name in COMPARED):
        ours.append(timed_ms(search, index, query, limit=LIMIT))
        theirs.append(timed_ms(process.extract, query, texts, scorer=fuzz.WRatio, limit=LIMIT))
    a, b = statistics.median(ours), statistics.median(theirs)
    return (
        f"in-process, whole queries: ours {a:.1f} ms, rapidfuzz.process.extract {b:.1f} ms (median)"
    )


def compare_processes(brief_path: Path, index: SearchIndex, folder: Path) -> str:
    """Median ms per whole query as separate processes: `briefing search` against fzf."""
    fzf = shutil.which("fzf")
    briefing = Path(sys.executable).with_name("briefing")
    ours = []
    for query in (QUERIES[name] for name in COMPARED):
        command = [str(briefing), "search", "--brief", str(brief_path), "--limit", "50", "--"]
        ours.append(timed_ms(subprocess.run, [*command, *query.split()], capture_output=True))
    line = f"whole process: `briefing search` {statistics.median(ours):.0f} ms (median)"
    if fzf is None:
        return line + "; fzf is not installed, so no comparison"
    lines = folder / "lines.txt"
    lines.write_text("\n".join(lines_of(index)) + "\n", encoding="utf-8")
    theirs = []
    for query in (QUERIES[name] for name in COMPARED):
        with lines.open("rb") as given:
            theirs.append(
                timed_ms(subprocess.run, [fzf, "--filter", query], stdin=given, capture_output=True)
            )
    return line + f", `fzf --filter` {statistics.median(theirs):.0f} ms (median)"


def run_size(n: int, folder: Path) -> bool:
    """Measure one size and print its figures; True when the targets are met."""
    brief_path = make_brief(folder / str(n), n)
    load_brief(brief_path)  # the cache entry, as a reopened brief has it
    build, times = measure_typing(brief_path)
    print(f"\n{n:,} excerpts: index built in {build:.2f} s; {len(times)} keystrokes")
    target = TARGETS.get(n)
    met = True
    for label, column in (("wall clock", 0), ("CPU time", 1)):
        values = [t[column] for t in times]
        p95, worst = percentile(values, 0.95), max(values)
        ok = target is None or (p95 <= target[0] and worst <= target[1])
        met = met and ok
        aim = "" if target is None else f"   target <= {target[0]:g} / <= {target[1]:g} ms"
        print(
            f"  per keystroke, {label}: median {statistics.median(values):.1f} ms, "
            f"p95 {p95:.1f} ms, worst {worst:.1f} ms{aim}{'' if ok else '   MISSED'}"
        )
    print("  slowest keystrokes (wall clock / CPU):")
    for ms, cpu, name, prefix in sorted(times, reverse=True)[:5]:
        print(f"    {ms:7.1f} / {cpu:6.1f} ms  {prefix!r:28} ({name})")
    index = build_index(load_brief(brief_path))
    print("  " + compare_in_process(index))
    print("  " + compare_processes(brief_path, index, folder / str(n)), flush=True)
    return met


def main(argv: list[str]) -> int:
    """Run the sizes given (default 10k and 100k); exit 1 when a target is missed."""
    sizes = [int(a) for a in argv] or list(SIZES)
    print(f"{len(QUERIES)} queries typed letter by letter, limit {LIMIT}")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        met = [run_size(n, Path(tmp)) for n in sizes]
    return 0 if all(met) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
