"""Run seeds in child processes, each with a deadline, and gather what they report.

A child is `python -m tests.stress --seed N`; it appends each event to a log file before
sending it, so even a child killed at its deadline leaves its last events behind.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Outcome:
    """What one child did."""

    seed: int
    status: int
    output: str
    result: dict[str, object] | None

    @property
    def ok(self) -> bool:
        """Finished every event without an exception or a hang."""
        return self.status == 0 and self.result is not None


def run_child(seed: int, events: int, workdir: Path, *, timeout: float, deadline: float) -> Outcome:
    """Run one seed in a child; kill it after `deadline` seconds and report its last events.

    The child works in a folder of its own, `workdir/seed-N` (its briefs, user folders and
    current folder), as a replay does in a fresh one: seeds running side by side once
    shared a basket, recent searches and a brief that `A` writes to, so what one seed did
    changed what another saw."""
    log = workdir / "logs" / f"seed-{seed}.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    log.unlink(missing_ok=True)
    own = workdir / f"seed-{seed}"
    shutil.rmtree(own, ignore_errors=True)
    command = [sys.executable, "-m", "tests.stress", "--seed", str(seed), "--events", str(events)]
    command += ["--workdir", str(own), "--timeout", str(timeout), "--log", str(log)]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONFAULTHANDLER": "1"}
    try:
        done = subprocess.run(
            command, cwd=workdir, env=env, capture_output=True, text=True, timeout=deadline
        )
    except subprocess.TimeoutExpired as expired:
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-30:]
        output = (expired.stderr or b"").decode(errors="replace") if expired.stderr else ""
        report = "\n".join(
            [
                f"stress: seed {seed} did not finish {events} events in {deadline} s; the last:",
                *(f"  {line}" for line in tail),
                f"replay: python -m tests.stress --seed {seed} --events {events}",
                output[-5000:],
            ]
        )
        return Outcome(seed, -1, report, None)
    result = None
    for line in done.stdout.splitlines():
        if line.startswith("stress-result: "):
            result = json.loads(line.removeprefix("stress-result: "))
    return Outcome(seed, done.returncode, (done.stdout + done.stderr)[-20000:], result)


def soak(minutes: float, events: int, workdir: Path, *, first_seed: int, timeout: float) -> int:
    """Run seeds first_seed, first_seed + 1, … until `minutes` have passed; 1 if any failed."""
    end = time.monotonic() + minutes * 60
    seed, failed, total = first_seed, [], 0
    while time.monotonic() < end:
        outcome = run_child(seed, events, workdir, timeout=timeout, deadline=events * timeout)
        total += outcome.result["events"] if outcome.result else 0  # type: ignore[operator]
        status = "ok" if outcome.ok else "FAILED"
        print(f"seed {seed}: {status} ({total:,} events so far)", flush=True)
        if outcome.ok:
            shutil.rmtree(workdir / f"seed-{seed}", ignore_errors=True)  # kept when it failed
        else:
            failed.append(seed)
            print(outcome.output, flush=True)
        seed += 1
    print(f"soak: {seed - first_seed} seeds, {total:,} events, failed: {failed or 'none'}")
    return 1 if failed else 0
