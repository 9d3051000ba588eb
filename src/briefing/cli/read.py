"""`briefing [PATH]`: open a brief (default: the bundled one) or pick one from a folder.

The brief is loaded and checked before Textual is imported, so a brief with problems
prints them all and exits 1 without ever touching the terminal's screen.
"""

from __future__ import annotations

import argparse
import sys
import threading
from pathlib import Path

from briefing.brief.bundled import default_brief
from briefing.brief.model import Brief
from briefing.cite.style_names import STYLES
from briefing.cli.common import open_brief, say

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


def run(args: argparse.Namespace) -> int:
    """Open the reader; returns its exit status (1 when the brief does not load)."""
    message = _check_style(args.style)
    if message:
        print(message, file=sys.stderr)
        return 2
    path = Path(args.path) if args.path else default_brief()
    brief, folder = None, None
    if path.is_dir():
        folder = path
    else:
        brief = _load(path)
        if brief is None:
            return 1
    from briefing.ui.app import BriefingApp

    app = BriefingApp(brief, style=args.style, folder=folder)
    app.run()
    return app.return_code or 0
