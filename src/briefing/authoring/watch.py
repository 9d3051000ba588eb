"""Re-check briefs when they or their articles change, and say only what changed.

Files are polled (their size, modification time and inode), which works on every system
and over network folders; a folder is looked at again on every poll, so a brief saved
into it is picked up. Problems are compared by what they say, not where: adding a line
above a problem moves it, and moving is not news.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from briefing.brief.loader import LoadResult, check_brief
from briefing.brief.problems import Problem

BRIEF_SUFFIXES = (".yaml", ".yml")
Signature = tuple[tuple[str, int, int, int], ...]


def briefs_in(targets: Iterable[Path]) -> list[Path]:
    """The brief files named, with each folder replaced by the `*.yaml` files in it
    (sorted; hidden ones left out), each once. Whatever is not a readable regular file
    stays in the list, for the checker to say so."""
    found: dict[Path, None] = {}
    for target in targets:
        if target.is_dir():
            for path in sorted(target.iterdir()):
                if path.suffix in BRIEF_SUFFIXES and not path.name.startswith("."):
                    found[path] = None
        else:
            found[target] = None
    return list(found)


def _stat(path: Path) -> tuple[str, int, int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (str(path), -1, -1, -1)
    return (str(path), info.st_mtime_ns, info.st_size, info.st_ino)


@dataclass
class Change:
    """What a re-check of one brief found that differs from the check before."""

    result: LoadResult
    added: list[Problem] = field(default_factory=list)
    fixed: list[Problem] = field(default_factory=list)
    became_valid: bool = False
    became_invalid: bool = False
    appeared: bool = False
    removed: bool = False


@dataclass
class _Watched:
    result: LoadResult
    signature: Signature


class Watcher:
    """Keeps the last check of every brief and, on each poll, re-checks what changed."""

    def __init__(
        self, targets: list[Path], check: Callable[[Path], LoadResult] = check_brief
    ) -> None:
        self.targets = targets
        self.check = check
        self.watched: dict[Path, _Watched] = {}

    def first(self) -> list[LoadResult]:
        """Check every brief once; the results to report in full."""
        for path in briefs_in(self.targets):
            self.watched[path] = self._checked(path)
        return [w.result for w in self.watched.values()]

    def poll(self, *, recheck_invalid: bool = False) -> list[Change]:
        """Re-check briefs whose file or articles changed (and, when asked, every invalid
        brief, whose missing article may have appeared); what changed in each."""
        changes: list[Change] = []
        current = briefs_in(self.targets)
        for path in [p for p in self.watched if p not in current]:
            gone = self.watched.pop(path)
            changes.append(Change(gone.result, removed=True))
        for path in current:
            before = self.watched.get(path)
            stale = before is None or before.signature != self._signature(path, before.result)
            if not stale and not (recheck_invalid and before and before.result.brief is None):
                continue
            now = self._checked(path)
            self.watched[path] = now
            change = _compare(before.result if before else None, now.result)
            if change is not None:
                changes.append(change)
        return changes

    def _checked(self, path: Path) -> _Watched:
        result = self.check(path)
        return _Watched(result, self._signature(path, result))

    @staticmethod
    def _signature(path: Path, result: LoadResult) -> Signature:
        files = [path, *sorted(Path(p) for p in result.source_digests)]
        return tuple(_stat(f) for f in files)


def _compare(before: LoadResult | None, after: LoadResult) -> Change | None:
    """The change from one check to the next, or None when nothing a user sees changed."""
    old = before.problems if before else []
    change = Change(
        after,
        added=_missing(after.problems, old),
        fixed=_missing(old, after.problems),
        became_valid=after.brief is not None and (before is None or before.brief is None),
        became_invalid=after.brief is None and (before is None or before.brief is not None),
        appeared=before is None,
    )
    counts_changed = before is not None and _counts(before) != _counts(after)
    if change.added or change.fixed or change.became_valid or change.became_invalid:
        return change
    return change if counts_changed else None


def _missing(problems: list[Problem], other: list[Problem]) -> list[Problem]:
    """The problems of the first list that the second does not have (by what they say)."""
    known = Counter((p.severity, p.message) for p in other)
    missing = []
    for problem in problems:
        key = (problem.severity, problem.message)
        if known[key]:
            known[key] -= 1
        else:
            missing.append(problem)
    return missing


def _counts(result: LoadResult) -> tuple[int, ...] | None:
    brief = result.brief
    if brief is None:
        return None
    return tuple(
        len(items)
        for items in (
            brief.sources,
            brief.topics,
            brief.events,
            brief.excerpts,
            brief.figures,
            brief.disputes,
            brief.entities,
        )
    )
