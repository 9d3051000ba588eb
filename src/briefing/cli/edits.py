"""What the authoring subcommands share: reporting an edit's check, or why it was refused.

Every line printed here can hold text from an article or a brief, so it goes out through
`say` (sanitised, one line) and never as markup.
"""

from __future__ import annotations

from briefing.authoring.edit import EditRefused
from briefing.brief.loader import LoadResult
from briefing.cli.common import say
from briefing.cli.output import out
from briefing.sanitize import one_line


def report_refused(error: EditRefused) -> int:
    """Print the refusal and the problems the edit would have caused; exit status 1."""
    for problem in error.problems:
        say(str(problem))
    say(error.message)
    return 1


def report_check(result: LoadResult, done: str) -> None:
    """After a successful edit: `done`, then what the brief still lacks, or that it is valid."""
    out(one_line(done))
    for problem in result.warnings:
        out(one_line(str(problem)))
    if result.brief is not None:
        out(f"{one_line(str(result.path))}: checked, valid")
        return
    count = len(result.errors)
    out(
        f"{one_line(str(result.path))}: still {count} thing{'s' if count != 1 else ''} to do "
        "before it is a valid brief:"
    )
    for problem in result.errors:
        out(f"  {one_line(str(problem))}")
