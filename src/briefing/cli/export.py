"""`briefing export [--brief PATH] [--format markdown|html] [-o FILE]`: the brief as a report."""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing.cite.export import FORMATS, render
from briefing.cli.common import add_brief_argument, open_brief
from briefing.cli.output import out, say
from briefing.store.files import write_atomic


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options."""
    add_brief_argument(parser)
    parser.add_argument("--format", choices=FORMATS, default="markdown", help="default: markdown")
    parser.add_argument(
        "-o", "--output", type=Path, help="write to this file (atomically) instead of stdout"
    )


def run(args: argparse.Namespace) -> int:
    """Write the report to stdout or, atomically, to the file given."""
    brief = open_brief(args.brief)
    if brief is None:
        return 1
    report = render(brief, args.format)
    if args.output is None:
        out(report.removesuffix("\n"))
        return 0
    try:
        write_atomic(args.output, report.encode("utf-8"), private=False)
    except OSError as error:
        say(f"briefing export: cannot write {args.output}: {error.strerror or error}")
        return 1
    say(f"wrote {args.output}")
    return 0
