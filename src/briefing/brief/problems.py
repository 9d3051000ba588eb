"""Problems found in a brief, as values: reported together, never as tracebacks."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from typing import Literal

from briefing.record import record

Severity = Literal["error", "warning"]


@record
class Problem:
    """One thing wrong with a file, at a line and column (0 when there is no place)."""

    file: str
    line: int
    column: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        place = f"{self.file}:{self.line}:{self.column}:" if self.line else f"{self.file}:"
        prefix = " warning:" if self.severity == "warning" else ""
        return f"{place}{prefix} {self.message}"

    def as_dict(self) -> dict[str, object]:
        """A plain dict for `--json` output."""
        return asdict(self)


class BriefError(Exception):
    """A brief that cannot be used, with every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
