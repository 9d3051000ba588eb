"""`briefing [PATH]`: open a brief (default: the bundled one) or pick one from a folder.

The brief is loaded and checked before Textual is imported, so a brief with problems
prints them all and exits 1 without ever touching the terminal's screen.
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
from collections.abc import Callable, MutableMapping
from pathlib import Path

from briefing.brief.bundled import default_brief
from briefing.brief.model import Brief
from briefing.cite.style_names import STYLES
from briefing.cli.common import open_brief
from briefing.cli.output import say

SLOW_LOAD = 0.5
"""Seconds of loading after which the terminal is told what is happening."""


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


def _load(path: Path) -> Brief | None:
    """The brief, or None after printing every problem to stderr. A slow load (a big brief
    opened for the first time, before the cache has it) says what it is doing."""
    notice = threading.Timer(SLOW_LOAD, _say_loading, args=(path,))
    notice.daemon = True
    notice.start()
    try:
        return open_brief(path, refused="not opened")
    finally:
        notice.cancel()


def _say_loading(path: Path) -> None:
    say(f"Checking {path} and its quotes (the first time only; then it is cached)…")


def _not_a_terminal() -> str | None:
    """Why the reader cannot run here (stdin or stdout is not a terminal), else None.

    Without a terminal on stdin the app would run forever with no keys reaching it.
    """
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
    brief, folder = None, None
    if path.is_dir():
        folder = path
    else:
        brief = _load(path)
        if brief is None:
            return 1
    refusal = _not_a_terminal()
    if refusal:
        say(refusal)
        return 2
    _drop_unusable_size_variables(os.environ)
    from briefing.ui.app import BriefingApp

    app = BriefingApp(brief, style=args.style, folder=folder)
    app.run()
    return app.return_code or 0
