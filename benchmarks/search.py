"""Measure search as a user feels it: queries typed letter by letter into briefs of 1k, 10k
and 100k excerpts, against `fzf --filter` on the same texts.

Run: `python benchmarks/search.py` (or `python benchmarks/search.py 1000 10000`). For each
size it writes a synthetic brief (benchmarks/synthetic.py), loads it, and prints:

- index build: the time to build the search index once (what "indexing…" covers);
- peak memory: the peak of Python allocations while building it (tracemalloc);
- per keystroke: median and 95th percentile of one `search(index, prefix, limit=50)`,
  hits with previews and highlights included;
- fzf: the same prefixes through `fzf --filter` over one line per item (a fresh process per
  keystroke, fed the texts on stdin, as a shell pipeline would), and our time / fzf's.

Targets (issue 5): p95 within 16 ms at 10k excerpts and 50 ms at 100k; no worse than 3x fzf.
fzf is optional: when it is not installed the fzf columns say so.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import make_brief

from briefing.brief.loader import load_brief
from briefing.brief.model import Brief
from briefing.search.index import SearchIndex, build_index
from briefing.search.ranking import search

SIZES = (1_000, 10_000, 100_000)
TARGETS = {10_000: 16.0, 100_000: 50.0}
LIMIT = 50
# What people type: words, a phrase, a typo, an exclusion, a filter.
QUERIES = (
    "sanctions",
    "port authority",
    "delivries",
    "northern sea route",
    '"joint statement" -oil',
    "kind:event ministry",
    "rouble payment",
    "pharmaceutical",
)


def keystrokes() -> list[str]:
    """Every prefix of every query, as typed one letter at a time."""
    return [q[: n + 1] for q in QUERIES for n in range(len(q)) if q[: n + 1].strip()]


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure_build(brief: Brief) -> tuple[float, float, SearchIndex]:
    """Seconds to build the index, and the peak MB allocated while building it."""
    started = time.perf_counter()
    index = build_index(brief)
    seconds = time.perf_counter() - started
    del index
    tracemalloc.start()
    index = build_index(brief)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return seconds, peak, index


def measure_search(index: SearchIndex, typed: list[str]) -> list[float]:
    """Milliseconds per keystroke."""
    times = []
    for text in typed:
        started = time.perf_counter()
        search(index, text, limit=LIMIT)
        times.append((time.perf_counter() - started) * 1000)
    return times


def fzf_lines(index: SearchIndex) -> bytes:
    """One line per item, all its texts, as fzf would be fed them."""
    lines = (" ".join((*e.fields, *e.linked)).replace("\n", " ") for e in index.entries)
    return ("\n".join(lines) + "\n").encode()


def measure_fzf(fzf: str, lines: bytes, typed: list[str]) -> list[float]:
    """Milliseconds per keystroke for `fzf --filter`, process start included."""
    times = []
    for text in typed:
        started = time.perf_counter()
        subprocess.run([fzf, "--filter", text], input=lines, capture_output=True, check=False)
        times.append((time.perf_counter() - started) * 1000)
    return times


def run_size(n: int, folder: Path, fzf: str | None) -> str:
    """Measure one size; return its row of the table."""
    brief = load_brief(make_brief(folder / str(n), n))
    build, peak, index = measure_build(brief)
    typed = keystrokes()
    measure_search(index, typed[:5])  # warm caches as a first keystroke would
    ours = measure_search(index, typed)
    median, p95 = statistics.median(ours), percentile(ours, 0.95)
    target = TARGETS.get(n)
    verdict = "" if target is None else (" ok" if p95 <= target else f" OVER {target:g}")
    row = f"{n:>7} {build:8.2f}s {peak:8.1f}MB {median:8.2f}ms {p95:8.2f}ms{verdict:8}"
    if fzf is None:
        return row + "   fzf not installed: no comparison"
    theirs = measure_fzf(fzf, fzf_lines(index), typed)
    f_median, f_p95 = statistics.median(theirs), percentile(theirs, 0.95)
    return row + f" {f_median:8.2f}ms {f_p95:8.2f}ms {median / f_median:6.2f}x {p95 / f_p95:6.2f}x"


def main(argv: list[str]) -> int:
    """Run the sizes given (default 1k, 10k, 100k) and print the table."""
    sizes = [int(a) for a in argv] or list(SIZES)
    fzf = shutil.which("fzf")
    print(f"{len(keystrokes())} keystrokes over {len(QUERIES)} queries, limit {LIMIT}")
    header = f"{'items':>7} {'build':>9} {'peak':>10} {'median':>10} {'p95':>10}{'':8}"
    print(header + f" {'fzf med':>10} {'fzf p95':>10} {'ratio':>7} {'ratio95':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        for n in sizes:
            print(run_size(n, Path(tmp), fzf), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
