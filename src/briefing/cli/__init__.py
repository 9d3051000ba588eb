"""The `briefing` command line: open the reader, or run one of the subcommands.

`briefing [PATH]` opens the reader. `check`, `schema`, `search`, `cite` and `export` are
plain-Python subcommands that never import Textual, so they start fast and run anywhere.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from briefing.cli.parsers import (
    COMPLETE_IDS,
    SUBCOMMANDS,
    main_parser,
    subcommand,
    subcommand_parser,
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in SUBCOMMANDS:
            return _run_subcommand(args[0], args[1:])
        if args and args[0] == COMPLETE_IDS:
            from briefing.cli.completion import print_ids

            return print_ids(args[1:])
        options = main_parser().parse_args(args)
        return subcommand("read").run(options)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def _run_subcommand(name: str, args: list[str]) -> int:
    return subcommand(name).run(subcommand_parser(name).parse_args(args))
