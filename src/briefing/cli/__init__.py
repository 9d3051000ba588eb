"""The `briefing` command line: open the reader, or run one of the subcommands.

`briefing [PATH]` opens the reader. `check`, `schema`, `search`, `cite` and `export` are
plain-Python subcommands that never import Textual, so they start fast and run anywhere.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import Protocol

from briefing import __version__

SUBCOMMANDS = {
    "check": "check briefs against the format and verify every quote",
    "search": "fuzzy-search a brief and print the ranked hits",
    "cite": "print one item with its citation, as the reader copies it",
    "export": "write the whole brief as a Markdown or HTML report",
    "schema": "print the JSON Schema of the brief format",
    "completion": "print a shell completion script for bash, zsh or fish",
    "new": "write a new brief with one source per article",
    "add-source": "add one source per article to a brief",
    "quote": "find the exact passage of an article from text typed as remembered",
}
COMPLETE_IDS = "__complete-ids"
"""A hidden subcommand: the ids of the brief in use, one a line, for shell completion."""


class Subcommand(Protocol):
    """What a module under briefing.cli provides."""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


def _subcommand(name: str) -> Subcommand:
    module: Subcommand = importlib.import_module(f"briefing.cli.{name.replace('-', '_')}")
    return module


def subcommand_parser(name: str) -> argparse.ArgumentParser:
    """The argument parser of one subcommand."""
    parser = argparse.ArgumentParser(prog=f"briefing {name}", description=SUBCOMMANDS[name])
    _subcommand(name).add_arguments(parser)
    return parser


def main_parser() -> argparse.ArgumentParser:
    """The parser of `briefing [PATH]` itself."""
    return _main_parser()


def _main_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Read a brief in the terminal: timeline, topics, verbatim excerpts, "
        "fuzzy search and citations.",
        epilog="subcommands:\n"
        + "\n".join(f"  {name:<11} {help_}" for name, help_ in SUBCOMMANDS.items())
        + "\n\nRun `briefing SUBCOMMAND --help` for each one's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _subcommand("read").add_arguments(parser)
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in SUBCOMMANDS:
            return _run_subcommand(args[0], args[1:])
        if args and args[0] == COMPLETE_IDS:
            from briefing.cli.completion import print_ids

            return print_ids(args[1:])
        options = _main_parser().parse_args(args)
        return _subcommand("read").run(options)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _run_subcommand(name: str, args: list[str]) -> int:
    return _subcommand(name).run(subcommand_parser(name).parse_args(args))
