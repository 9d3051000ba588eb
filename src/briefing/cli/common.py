"""What the subcommands share: the `--brief` option, and opening a brief or saying why not.

Everything printed here comes from files the user did not necessarily write, so it goes
through briefing.cli.output, which sanitises it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.brief.bundled import default_brief
from briefing.brief.loader import load_brief
from briefing.brief.model import Brief
from briefing.brief.problems import BriefError, Problem
from briefing.cli.output import say as say  # re-exported: the subcommands use it

if TYPE_CHECKING:
    import argparse


def add_brief_argument(parser: argparse.ArgumentParser) -> None:
    """`--brief PATH`, defaulting to the bundled brief."""
    parser.add_argument("--brief", type=Path, help="the brief file (default: the bundled brief)")


def open_brief(path: Path | None, *, refused: str = "not a valid brief") -> Brief | None:
    """Load the brief, or print every problem and `PATH: <refused>` and return None."""
    path = path or default_brief()
    try:
        return load_brief(path)
    except BriefError as error:
        say_problems(path, error.problems, refused)
    except OSError as error:
        say(f"{path}: cannot be read ({error})")
    return None


def say_problems(path: Path, problems: Sequence[Problem], refused: str) -> None:
    """Print every problem, then `PATH: N problems; <refused>`."""
    for problem in problems:
        say(str(problem))
    count = len(problems)
    say(f"{path}: {count} problem{'s' if count != 1 else ''}; {refused}")
