"""`briefing [PATH]`: open a brief (default: the bundled one) or pick one from a folder.

The brief is loaded and checked before Textual is imported, so a brief with problems
prints them all and exits 1 without ever touching the terminal's screen; only a large brief
opened the first time is checked behind a progress screen (its problems are printed once
the screen is left).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.brief.bundled import default_brief
from briefing.brief.opening import Opening, open_for_reading
from briefing.brief.problems import BriefError
from briefing.cite.style_names import STYLES
from briefing.cli.common import say, say_problems


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of `briefing [PATH]` (the command line's main parser)."""
    parser.add_argument(
        "path",
        nargs="?",
        help="a brief file, or a folder of briefs to choose from (default: the bundled brief)",
    )
    parser.add_argument("--style", help=f"citation style for copying ({', '.join(STYLES)})")


def _check_style(style: str | None) -> str | None:
    """A message when the style is not one of briefing.cite.style_names.STYLES, else None."""
    if style is None:
        return None
    if style in STYLES:
        return None
    return f"briefing: unknown citation style {style!r}; choose one of {', '.join(STYLES)}"


def _load(path: Path) -> Opening | None:
    """The brief being opened (checked already, unless it is a large brief opened the
    first time, to check behind a progress screen), or None after printing every problem
    to stderr."""
    try:
        return open_for_reading(path)
    except BriefError as error:
        say_problems(path, error.problems, "not opened")
    except OSError as error:
        say(f"{path}: cannot be read ({error})")
    return None


def run(args: argparse.Namespace) -> int:
    """Open the reader; returns its exit status (1 when the brief does not load)."""
    message = _check_style(args.style)
    if message:
        print(message, file=sys.stderr)
        return 2
    path = Path(args.path) if args.path else default_brief()
    folder, opening = None, None
    if path.is_dir():
        folder = path
    else:
        opening = _load(path)
        if opening is None:
            return 1
    from briefing.ui.app import BriefingApp

    brief = opening.brief if opening else None
    checking = opening if opening and brief is None else None
    app = BriefingApp(brief, style=args.style, folder=folder, opening=checking)
    app.run()
    if opening is not None:
        if opening.problems:
            say_problems(path, opening.problems, "not opened")  # the terminal itself again
            return 1
        opening.keep()  # a brief checked before the first frame is cached once read
    return app.return_code or 0
