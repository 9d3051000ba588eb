"""`briefing [PATH]`: open a brief (default: the bundled one) or pick one from a folder.

The brief is loaded and checked before Textual is imported, so a brief with problems
prints them all and exits 1 without ever touching the terminal's screen; only a large brief
opened the first time is checked behind a progress screen (its problems are printed once
the screen is left).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, cast

from briefing.brief.bundled import default_brief
from briefing.brief.opening import Opening, open_for_reading
from briefing.brief.problems import BriefError
from briefing.cite.style_names import STYLES
from briefing.cli.common import say, say_problems

if TYPE_CHECKING:
    import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options of `briefing [PATH]` (the command line's main parser)."""
    parser.add_argument(
        "path",
        nargs="?",
        help="a brief file, or a folder of briefs to choose from (default: the bundled brief)",
    )
    parser.add_argument("--style", help=f"citation style for copying ({', '.join(STYLES)})")


def defaults() -> argparse.Namespace:
    """The options of `briefing` given no arguments, as `add_arguments` declares them."""
    from types import SimpleNamespace

    return cast("argparse.Namespace", SimpleNamespace(path=None, style=None))


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


def _not_a_terminal() -> str | None:
    """Why the reader cannot run here (stdin or stdout is not a terminal), else None.

    Without a terminal on stdin the app would run forever with no keys reaching it. A
    driver named in TEXTUAL_DRIVER (textual-serve's web driver, for `briefing serve`)
    talks over pipes by design.
    """
    if os.environ.get("TEXTUAL_DRIVER"):
        return None
    streams = (("input", sys.stdin), ("output", sys.stdout))
    for name, stream in streams:
        if stream is None or not _is_terminal(stream.fileno):
            return (
                f"briefing: the reader needs a terminal, and standard {name} is not one; "
                "in scripts use `briefing check`, `search`, `cite` or `export`"
            )
    return None


def _is_terminal(fileno: Callable[[], int]) -> bool:
    try:
        return os.isatty(fileno())
    except (OSError, ValueError):  # closed, or no descriptor at all
        return False


MAX_TERMINAL_SIZE = 10_000
"""Columns or lines beyond which COLUMNS/LINES are taken for a mistake, not a terminal."""


def _drop_unusable_size_variables(environ: MutableMapping[str, str]) -> None:
    """Forget COLUMNS and LINES unless they are plain sizes, so the terminal's own is used.

    Rich reads them as the screen size: `0`, `-5`, `٣` or `99999999999` would give an
    empty screen, a crash or a screen too large to draw.
    """
    for name in ("COLUMNS", "LINES"):
        value = environ.get(name)
        if value is None:
            continue
        if not (value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_TERMINAL_SIZE):
            del environ[name]


def run(args: argparse.Namespace) -> int:
    """Open the reader; returns its exit status (1 when the brief does not load)."""
    message = _check_style(args.style)
    if message:
        say(message)
        return 2
    path = Path(args.path) if args.path else default_brief()
    folder, opening = None, None
    if path.is_dir():
        folder = path
    else:
        opening = _load(path)
        if opening is None:
            return 1
    refusal = _not_a_terminal()
    if refusal:
        say(refusal)
        return 2
    _drop_unusable_size_variables(os.environ)
    from briefing.ui.app import BriefingApp

    brief = opening.brief if opening else None
    checking = opening if opening and brief is None else None
    app = BriefingApp(brief, style=args.style, folder=folder, opening=checking)
    app.run()
    if app.problems:  # found only once the brief was on screen (briefing.brief.deferred)
        say_problems(path, app.problems, "not opened")
        return 1
    if opening is not None:
        if opening.problems:
            say_problems(path, opening.problems, "not opened")  # the terminal itself again
            return 1
        opening.keep()  # a brief checked before the first frame is cached once read
    return app.return_code or 0
