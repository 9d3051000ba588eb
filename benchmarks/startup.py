"""Time to first screen: a bare Textual "hello" app against `briefing`, side by side.

Each app runs as a fresh `python` process on a pseudo-terminal (so Textual really draws
to a terminal) and exits on Textual's `Ready` event, which comes once the first frame
has been written to the terminal; we time the whole process, imports and exit included.
Runs alternate between the apps so that machine noise hits both alike, and the median of
several runs is reported with the ratio to "hello".

    python benchmarks/startup.py              # bundled brief (and 10k/100k synthetic briefs)
    python benchmarks/startup.py --runs 9 --sizes 10000
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

HELLO = """
from textual.app import App
from textual.widgets import Static

class Hello(App):
    def compose(self):
        yield Static("hello")

    def on_ready(self):
        self.exit()

Hello().run()
"""

BRIEFING = """
import sys
import briefing.ui.app as app_module

class FirstScreen(app_module.BriefingApp):
    def on_ready(self):
        self.exit()

app_module.BriefingApp = FirstScreen
from briefing.cli import main
sys.exit(main(sys.argv[1:]))
"""

TARGETS = {"bundled": 1.2, "10k": 2.0, "100k": 4.0}


def run_on_pty(code: str, args: list[str], size: tuple[int, int] = (120, 40)) -> float:
    """Seconds for `python -c code args` to start, draw its first screen and exit."""
    master, slave = pty.openpty()
    columns, rows = size
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    drain = threading.Thread(target=_drain, args=(master,), daemon=True)
    drain.start()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(rows)}
    started = time.perf_counter()
    process = subprocess.run(
        [sys.executable, "-c", code, *args],
        stdin=slave,
        stdout=slave,
        stderr=subprocess.PIPE,
        env=env,
        timeout=120,
        check=False,
    )
    elapsed = time.perf_counter() - started
    os.close(slave)
    drain.join(timeout=2)
    os.close(master)
    if process.returncode != 0:
        raise SystemExit(f"{args or 'hello'} failed:\n{process.stderr.decode(errors='replace')}")
    return elapsed


def _drain(fd: int) -> None:
    """Read and discard what the app writes, so it never blocks on a full terminal."""
    while True:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return


def briefs(sizes: list[int], folder: Path) -> dict[str, list[str]]:
    """The briefs to time: the bundled one, and synthetic ones when the generator exists."""
    cases: dict[str, list[str]] = {"bundled": []}
    if not sizes or not (HERE / "synthetic.py").exists():
        return cases
    sys.path.insert(0, str(HERE))
    from synthetic import make_brief  # type: ignore[import-not-found]

    for size in sizes:
        label = f"{size // 1000}k" if size % 1000 == 0 else str(size)
        cases[label] = [str(make_brief(folder / label, size))]
    return cases


def measure(cases: dict[str, list[str]], runs: int) -> dict[str, list[float]]:
    """Alternate hello and each brief `runs` times after one warm-up (which fills caches)."""
    for args in cases.values():
        run_on_pty(BRIEFING, args)
    times: dict[str, list[float]] = {"hello": [], **{label: [] for label in cases}}
    for _ in range(runs):
        for label, args in cases.items():
            times["hello"].append(run_on_pty(HELLO, []))
            times[label].append(run_on_pty(BRIEFING, args))
    return times


def report(times: dict[str, list[float]]) -> bool:
    """Print the medians and ratios; True when every target is met."""
    hello = statistics.median(times["hello"])
    print(f"{'app':<10} {'median':>8} {'ratio':>7} {'target':>7}")
    print(f"{'hello':<10} {hello:>7.3f}s {1.0:>6.2f}x")
    ok = True
    for label, samples in times.items():
        if label == "hello":
            continue
        median = statistics.median(samples)
        ratio, target = median / hello, TARGETS.get(label)
        met = target is None or ratio <= target
        ok = ok and met
        shown = f"{target:.1f}x" if target else "-"
        print(f"{label:<10} {median:>7.3f}s {ratio:>6.2f}x {shown:>7} {'ok' if met else 'SLOW'}")
    return ok


def main() -> int:
    """Run the benchmark; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per app (median)")
    parser.add_argument(
        "--sizes", type=int, nargs="*", default=[10_000, 100_000], help="synthetic briefs"
    )
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        cache = Path(scratch) / "cache"
        os.environ["XDG_CACHE_HOME"] = str(cache)  # a fresh cache, warmed by the first run
        cases = briefs(options.sizes, Path(scratch))
        return 0 if report(measure(cases, options.runs)) else 1


if __name__ == "__main__":
    raise SystemExit(main())
