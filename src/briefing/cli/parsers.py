"""The command line's parsers: the subcommands, and the options of each.

Kept apart from `briefing.cli`, which runs them: shell completion reads the parsers, and
the dispatcher imports completion, so one module for both would be an import circle.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Protocol

from briefing import __version__

SUBCOMMANDS = {
    "check": "check briefs against the format and verify every quote",
    "search": "fuzzy-search a brief and print the ranked hits",
    "cite": "print one item with its citation, as the reader copies it",
    "export": "write the whole brief as a Markdown or HTML report",
    "schema": "print the JSON Schema of the brief format",
    "serve": "serve the reader to a web browser (needs the serve extra)",
    "completion": "print a shell completion script for bash, zsh or fish",
    "new": "write a new brief with one source per article",
    "add-source": "add one source per article to a brief",
    "quote": "find the exact passage of an article from text typed as remembered",
    "import": "turn saved web pages or text files into article files",
}
if TYPE_CHECKING:
    import argparse

COMPLETE_IDS = "__complete-ids"
"""A hidden subcommand: the ids of the brief in use, one a line, for shell completion."""


class Subcommand(Protocol):
    """What a module under briefing.cli provides."""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace) -> int: ...


def subcommand(name: str) -> Subcommand:
    """The module of one subcommand (`briefing.cli.NAME`), imported when first needed."""
    module_name = "import_" if name == "import" else name.replace("-", "_")  # import: a keyword
    module: Subcommand = importlib.import_module(f"briefing.cli.{module_name}")
    return module


def subcommand_parser(name: str) -> argparse.ArgumentParser:
    """The argument parser of one subcommand."""
    import argparse

    parser = argparse.ArgumentParser(prog=f"briefing {name}", description=SUBCOMMANDS[name])
    subcommand(name).add_arguments(parser)
    return parser


def main_parser() -> argparse.ArgumentParser:
    """The parser of `briefing [PATH]` itself."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="briefing",
        description="Read a brief in the terminal: timeline, topics, verbatim excerpts, "
        "fuzzy search and citations.",
        epilog="subcommands:\n"
        + "\n".join(f"  {name:<11} {help_}" for name, help_ in SUBCOMMANDS.items())
        + "\n\nRun `briefing SUBCOMMAND --help` for each one's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    subcommand("read").add_arguments(parser)
    parser.add_argument("--version", action="version", version=f"briefing {__version__}")
    return parser
