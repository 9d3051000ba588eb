"""Profile `briefing BRIEF` from its first line until the brief's own text is written.

The app runs on a pseudo-terminal, under cProfile; the profile stops when the driver is
handed a frame holding the marker (the brief's title), is saved, and the process ends.

    python benchmarks/profile_startup.py [BRIEF] [--marker TEXT] [--out FILE] [--top N]

Without BRIEF, the bundled brief. The cache folder is the usual one, so run once before to
profile the warm case (or set XDG_CACHE_HOME to an empty folder for the cold one).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pstats
import pty
import select
import struct
import subprocess
import sys
import termios
import time

CHILD = """
import cProfile, os, sys, time
if os.environ.get("PROFILER") == "pyinstrument":
    import pyinstrument
    profiler = pyinstrument.Profiler(interval=0.0002)
    profiler.enable, profiler.disable = profiler.start, profiler.stop
    profiler.dump_stats = lambda out: open(out + ".tree", "w").write(
        profiler.output_text(show_all=False, unicode=True)
    )
elif os.environ.get("PROFILER") == "none":  # for -X importtime
    class profiler:
        enable = disable = staticmethod(lambda: None)
        dump_stats = staticmethod(lambda out: None)
else:
    profiler = cProfile.Profile()
started = time.perf_counter(), time.process_time()
profiler.enable()
from textual.drivers.linux_driver import LinuxDriver
marker, out = sys.argv[1], sys.argv[2]
write = LinuxDriver.write
def spy(self, data):
    write(self, data)
    if marker in data:
        profiler.disable()
        wall, cpu = time.perf_counter() - started[0], time.process_time() - started[1]
        profiler.dump_stats(out)
        with open(out + ".modules", "w") as modules:
            modules.write("\\n".join(sorted(sys.modules)))
        with open(out + ".txt", "w") as summary:
            summary.write(f"first paint: {wall:.3f} s wall, {cpu:.3f} s CPU (profiled)\\n")
        os._exit(0)
LinuxDriver.write = spy
from briefing.cli import main
sys.exit(main(sys.argv[3:]))
"""
WARM = """
import sys
from pathlib import Path
from briefing.brief.bundled import default_brief
from briefing.brief.loader import load_brief
from briefing.search.index import index_for
index_for(load_brief(Path(sys.argv[1]) if sys.argv[1:] else default_brief()))
"""


def main() -> int:
    """Run the app once under the profiler and print the heaviest functions."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("brief", nargs="?")
    parser.add_argument("--marker", default="Putin")
    parser.add_argument("--out", default="/tmp/briefing-startup.prof")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--cold", action="store_true", help="do not fill the cache first")
    options = parser.parse_args()
    if not options.cold:
        subprocess.run([sys.executable, "-c", WARM, *([options.brief] if options.brief else [])])
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    args = [options.marker, options.out, *([options.brief] if options.brief else [])]
    process = subprocess.Popen(
        [sys.executable, "-c", CHILD, *args],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env={**os.environ, "TERM": "xterm-256color"},
    )
    os.close(slave)
    deadline = time.time() + 120
    while process.poll() is None and time.time() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                os.read(master, 1 << 16)
            except OSError:
                break
    process.kill()
    process.wait()
    with open(options.out + ".txt") as summary:
        print(summary.read())
    if os.environ.get("PROFILER") == "pyinstrument":
        with open(options.out + ".tree") as tree:
            print(tree.read())
    else:
        pstats.Stats(options.out).sort_stats(options.sort).print_stats(options.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
