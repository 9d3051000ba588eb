"""Measure how long briefs of 1k, 10k and 100k excerpts take to load, and how much memory.

Run: `python benchmarks/load.py` (or `python benchmarks/load.py 1000 10000` for some sizes;
`--reloads N` to take the reload's median of N runs, 5 by default).
For each size it writes a synthetic brief into a temporary folder, then measures, each in a
fresh Python process so that no warm state flatters the figure:

- checked: `load_brief(use_cache=False)`, what `briefing check` does: parse, check and
  locate every quote, with no cache read or written;
- first load: `load_brief` with an empty cache (all of the above, and writing the entry;
  from 20k excerpts a forked child writes it while the brief is shown, and the script
  waits for it after the clock stops, printing how much longer it took as "+write s");
- reload: `load_brief` again in a new process, from the warm cache, the median of several
  runs (wall and CPU each), as one run on a shared machine varies by a tenth; a reopened
  brief decodes its events and excerpts when first used (after the reader's first frame),
  so the CPU seconds that first use takes are given beside it as "+bulk";
- peak memory: the process's maximum resident set size during each (not a forked
  writer's, which shares most of its pages with the reader: about 930 MB at 100k).

Wall-clock seconds are the figures; the CPU seconds beside them (user + system) show how
much of a slow figure was other work competing for the machine, and each target is judged
on both.

Targets (issue 2): first load 10k < 1 s, 100k < 6 s; reload 10k < 0.3 s, 100k < 0.6 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from synthetic import make_brief

SIZES = (1_000, 10_000, 100_000)
TARGETS = {10_000: (1.0, 0.3), 100_000: (6.0, 0.6)}

MEASURE = """
import json, resource, sys, time
from pathlib import Path
import briefing.brief.loader, briefing.brief.cache, briefing.brief.model, yaml
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
start, start_cpu = time.perf_counter(), cpu()
brief = briefing.brief.loader.load_brief(Path(sys.argv[1]), use_cache=sys.argv[2] == "cache")
seconds, cpu_seconds = time.perf_counter() - start, cpu() - start_cpu
bulk = cpu()
brief.excerpts  # a brief read from the cache decodes its events and excerpts now
bulk = cpu() - bulk
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
writing = time.perf_counter()
writers = briefing.brief.cache.wait_for_writers()  # a forked child may still write the entry
writing = time.perf_counter() - writing if writers else 0.0
print(json.dumps(
    {"seconds": seconds, "cpu": cpu_seconds, "bulk": bulk, "peak": peak, "writing": writing}
))
"""


def measure(brief: Path, cache: Path, *, use_cache: bool = True) -> dict[str, float]:
    """Load the brief once in a fresh interpreter with the given cache folder."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, str(brief), "cache" if use_cache else "no-cache"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def median_of(runs: list[dict[str, float]]) -> dict[str, float]:
    """Each figure's median over the runs."""
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def main(sizes: list[int], reloads: int = 5) -> int:
    """Generate, measure and print a table; exit 1 when a target is missed."""
    print(
        f"{'excerpts':>9} {'brief MB':>9} {'checked s':>9} {'first s':>8} {'(cpu)':>6} "
        f"{'peak MB':>8} {'+write s':>8} {'reload s':>9} {'(cpu)':>6} {'+bulk':>6} {'peak MB':>8}  "
        "targets"
    )
    missed = False
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        for n in sizes:
            folder = Path(tmp) / str(n)
            made = time.perf_counter()
            brief = make_brief(folder, n)
            made = time.perf_counter() - made
            cache = folder / "cache"
            checked = measure(brief, cache, use_cache=False)
            first = measure(brief, cache)
            again = median_of([measure(brief, cache) for _ in range(reloads)])
            target = TARGETS.get(n)
            verdict = ""
            if target:
                ok = first["seconds"] < target[0] and again["seconds"] < target[1]
                ok_cpu = first["cpu"] < target[0] and again["cpu"] < target[1]
                missed = missed or not ok
                verdict = (
                    f"<{target[0]} s / <{target[1]} s: wall {'met' if ok else 'MISSED'}, "
                    f"CPU {'met' if ok_cpu else 'MISSED'}"
                )
            print(
                f"{n:>9,} {brief.stat().st_size / 1e6:>9.1f} {checked['seconds']:>9.2f} "
                f"{first['seconds']:>8.2f} "
                f"{first['cpu']:>6.2f} {first['peak'] / 1e6:>8.0f} {first['writing']:>8.2f} "
                f"{again['seconds']:>9.3f} "
                f"{again['cpu']:>6.3f} {again['bulk']:>6.3f} {again['peak'] / 1e6:>8.0f}  "
                f"{verdict}  "
                f"(generated in {made:.1f} s)",
                flush=True,
            )
    return 1 if missed else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, help="excerpts (default 1k, 10k, 100k)")
    parser.add_argument("--reloads", type=int, default=5, help="reload runs to take the median of")
    arguments = parser.parse_args()
    sys.exit(main(arguments.sizes or list(SIZES), max(1, arguments.reloads)))
