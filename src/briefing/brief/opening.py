"""Opening a brief for the reader: at once from the cache, or checked with its progress shown.

A brief the cache holds opens in a fraction of a second, before the screen is drawn. A
large brief opened for the first time takes seconds (every quote is located in its
article), so the reader draws its first frame at once and shows `Opening`'s progress: the
stage (reading, checking quotes) and how far along it is, estimated from the brief's size
and the time each stage has taken so far (the checker reports its stages, not its steps).
A small brief is checked before the screen is drawn, as the problems of a brief that does
not open are printed without ever touching the screen.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from briefing.brief import cache
from briefing.brief.loader import check_brief, read_brief_bytes
from briefing.brief.model import Brief
from briefing.brief.problems import BriefError, Problem

SHOWN_FROM = 2 * 1024 * 1024
"""Bytes of brief from which a first check runs behind a progress screen (about 8k excerpts)."""
STAGES = ("reading", "checking quotes")
# Seconds per megabyte of brief each stage takes (measured on the synthetic briefs), and
# the share of the bar each stage fills.
SECONDS_PER_MB = {"reading": 0.07, "checking quotes": 0.11}
SHARE = {"reading": 0.4, "checking quotes": 0.6}


class Opening:
    """A brief being opened: from the cache, or checked (in a worker thread for a large
    one), with the progress of the check to show, then written to the cache."""

    def __init__(self, path: Path, content: bytes) -> None:
        self.path = path
        self.content = content
        self.brief: Brief | None = None
        """The brief, once read from the cache or checked."""
        self.problems: list[Problem] = []
        self._digests: dict[str, str] | None = None  # set once checked, until kept
        self._stage = STAGES[0]
        self._stage_started = time.monotonic()
        self._lock = threading.Lock()

    @property
    def stage(self) -> str:
        """The stage now running."""
        return self._stage

    def _enter(self, stage: str) -> None:
        with self._lock:
            self._stage, self._stage_started = stage, time.monotonic()

    def fraction(self) -> float:
        """How far along the whole check is, 0 to 1: the stages done and an estimate of
        the one running (never past 95% of it until it has finished)."""
        with self._lock:
            stage, started = self._stage, self._stage_started
        done = sum(SHARE[s] for s in STAGES[: STAGES.index(stage)])
        expected = SECONDS_PER_MB[stage] * len(self.content) / 1e6
        within = min(0.95, (time.monotonic() - started) / max(expected, 0.01))
        return done + SHARE[stage] * within

    def run(self) -> Brief | None:
        """Check the brief; the brief, or None with `problems` set."""
        result = check_brief(self.path, self.content, on_stage=self._enter, warnings=False)
        if result.brief is None:
            self.problems = result.errors
            return None
        self.brief, self._digests = result.brief, result.source_digests
        return result.brief

    def keep(self) -> None:
        """Write a brief checked here to the cache (once; after it is on screen, as it
        takes a second at 100k excerpts). Nothing to do for a brief read from the cache."""
        digests, self._digests = self._digests, None
        if self.brief is not None and digests is not None:
            cache.write(self.path, self.content, self.brief, digests)


def open_for_reading(path: Path) -> Opening:
    """The brief being opened, with `brief` set if the cache holds it or it is small enough
    to check now; else to be checked behind a progress screen (`run`). Raises BriefError
    when it does not open."""
    opening = Opening(path, read_brief_bytes(path))
    opening.brief = cache.read(path, opening.content, check_brief)
    if opening.brief is None and len(opening.content) < SHOWN_FROM and opening.run() is None:
        raise BriefError(opening.problems)
    return opening
