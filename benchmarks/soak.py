"""The long soak of the stress test: seed after seed, each in its own process, until the
time is up; every failure is printed with its seed, its last events and the command that
replays it. `python benchmarks/soak.py --minutes 30 [--first-seed 100] [--events 2000]`.

The same engine runs a bounded number of events in the normal test suite
(tests/stress/test_stress.py); this runs it for as long as you like.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.stress.supervise import soak  # noqa: E402  (after the path is set)


def main() -> int:
    """Parse the options and soak."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0, help="how long to run")
    parser.add_argument("--first-seed", type=int, default=1000, help="the first seed")
    parser.add_argument("--events", type=int, default=2000, help="events per seed")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per event")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="briefing-soak-"))
    print(f"soak: {args.minutes} minutes from seed {args.first_seed}; files in {workdir}")
    return soak(
        args.minutes, args.events, workdir, first_seed=args.first_seed, timeout=args.timeout
    )


if __name__ == "__main__":
    sys.exit(main())
