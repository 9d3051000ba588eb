"""Run or replay the stress test: `python -m tests.stress --seed N [--events M]`.

One seed runs in this process, on the brief BRIEFS[seed % 4] (the bundled brief, two
hostile ones, or the picker over a folder of briefs with hostile file names). On any
exception it prints the seed, the last events and the command that replays them, and
exits 1; on a hang (an event not handled within --timeout seconds) it does the same with
every thread's stack, and exits 3. `--soak MINUTES` runs seeds one after another in
child processes until the time is up (see tests/stress/supervise.py).
"""

from __future__ import annotations

import argparse
import asyncio
import faulthandler
import json
import os
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

import rich.markup
import rich.traceback

from .engine import BRIEFS, Hang, Journal, run
from .setup import (
    app_factory,
    frames_by_the_engine,
    isolate,
    palette_off_the_clock,
    steady_cursors,
)


class Watchdog(threading.Thread):
    """Ends the process with a report when no event has finished for `limit` seconds:
    a hang inside one event handler blocks the event loop, so only a thread can see it."""

    def __init__(self, journal: Journal, limit: float) -> None:
        super().__init__(daemon=True)
        self.journal, self.limit = journal, limit
        self.last, self.armed = time.monotonic(), 0.0

    def beat(self) -> None:
        """An event finished."""
        self.last = time.monotonic()
        # The C-level backstop, for a hang that holds the GIL (this thread cannot run then):
        # it ends the process 2 to 3 limits after the last event. Arming it starts a thread,
        # so it is re-armed once a limit, not after every event.
        if self.last - self.armed >= self.limit:
            self.armed = self.last
            faulthandler.dump_traceback_later(self.limit * 3, exit=True, file=sys.__stderr__)

    def run(self) -> None:
        """Check twice a second."""
        while True:
            time.sleep(0.5)
            if time.monotonic() - self.last > self.limit:
                self.give_up(f"no event finished for {self.limit} s")

    def give_up(self, why: object) -> None:
        """Print the report and every thread's stack, and end the process (status 3)."""
        print(self.journal.report(), file=sys.__stderr__)
        print(f"HANG: {why}; stacks:", file=sys.__stderr__)
        faulthandler.dump_traceback(file=sys.__stderr__, all_threads=True)
        sys.__stderr__.flush()
        os._exit(3)


class PlainTraceback:
    """Stands in for Rich's traceback when the app crashes: Textual renders one with every
    frame's locals and highlighted source, which took minutes with megabyte strings in
    the locals. This run prints Python's own traceback instead."""

    def __init__(self, **_: object) -> None:
        self.text = traceback.format_exc(limit=-12)

    def __rich__(self) -> str:
        """Plain text, not markup."""
        return rich.markup.escape(self.text)


def run_seed(seed: int, events: int, workdir: Path, timeout: float, log: Path | None) -> int:
    """Run one seed; print a result line (or a failure report); return the exit status."""
    brief = BRIEFS[seed % len(BRIEFS)]
    rich.traceback.Traceback = PlainTraceback  # type: ignore[misc,assignment]
    journal = Journal(seed, brief, path=log)
    make_app = app_factory(brief, workdir)
    watchdog = Watchdog(journal, timeout)
    watchdog.start()
    try:
        asyncio.run(
            run(
                make_app,
                journal,
                events,
                timeout=timeout,
                on_step=watchdog.beat,
                on_hang=watchdog.give_up,
            )
        )
    except Hang as error:
        print(f"{journal.report()}\nHANG: {error}", file=sys.stderr)
        return 3
    except BaseException:
        print(journal.report(), file=sys.stderr)
        traceback.print_exc()
        return 1
    finally:
        faulthandler.cancel_dump_traceback_later()
    result = {
        "seed": seed,
        "brief": brief,
        "events": journal.count,
        "screens": sorted(journal.screens),
        "slowest": [round(journal.slowest[0], 3), journal.slowest[1][:120]],
        "cpu_seconds": round(time.process_time(), 1),
    }
    print("stress-result: " + json.dumps(result))
    return 0


def main() -> int:
    """Parse the options and run one seed, or soak."""
    parser = argparse.ArgumentParser(prog="python -m tests.stress", description=__doc__)
    parser.add_argument("--seed", type=int, default=0, help="the seed to run (default 0)")
    parser.add_argument("--events", type=int, default=1000, help="events to send")
    parser.add_argument("--timeout", type=float, default=15.0, help="seconds per event")
    parser.add_argument(
        "--workdir", type=Path, help="the run's folder: briefs, user folders (default: a new one)"
    )
    parser.add_argument("--log", type=Path, help="append each event to this file as it is sent")
    parser.add_argument("--soak", type=float, metavar="MINUTES", help="run seeds until then")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="briefing-stress-"))
    if args.soak is not None:
        from .supervise import soak

        return soak(args.soak, args.events, workdir, first_seed=args.seed, timeout=args.timeout)
    isolate(workdir)
    steady_cursors()
    frames_by_the_engine()
    palette_off_the_clock()
    return run_seed(args.seed, args.events, workdir, args.timeout, args.log)


if __name__ == "__main__":
    sys.exit(main())
