"""The `briefing` command line: open the reader, or run one of the subcommands.

`briefing [PATH]` opens the reader. `check`, `schema`, `search`, `cite` and `export` are
plain-Python subcommands that never import Textual, so they start fast and run anywhere.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from briefing.cli.output import OutputFailed, discard_output, flush_output, say
from briefing.cli.parsers import (
    COMPLETE_IDS,
    SUBCOMMANDS,
    main_parser,
    subcommand,
    subcommand_parser,
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Output that cannot be written (stdout closed, a full device, an encoding that cannot
    hold the text) is a one-line message and status 1, never a traceback and never 0; a
    reader that stopped reading (`| head`) ends the command quietly, like SIGPIPE would.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        status = _dispatch(args)
        flush_output()
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        discard_output()
        return 141  # 128 + SIGPIPE, what a shell reports for a command whose reader left
    except OutputFailed as failure:
        discard_output()
        say(f"briefing: {failure}")
        return 1
    return status


def _dispatch(args: list[str]) -> int:
    if args and args[0] in SUBCOMMANDS:
        return _run_subcommand(args[0], args[1:])
    if args and args[0] == COMPLETE_IDS:
        from briefing.cli.completion import print_ids

        return print_ids(args[1:])
    from briefing.memory import paused_until_shown

    with paused_until_shown():  # until the app's first frame (`first_frame_shown`)
        from briefing.cli import read

        # `briefing` alone, the usual launch, has nothing to parse: argparse and the
        # gettext it imports were a hundredth of the time to the first frame.
        options = main_parser().parse_args(args) if args else read.defaults()
        return read.run(options)


def _run_subcommand(name: str, args: list[str]) -> int:
    command = subcommand(name)
    prepare = getattr(command, "prepare_argv", None)  # search: `-word` is a query word
    if prepare is not None:
        args = prepare(args)
    return command.run(subcommand_parser(name).parse_args(args))
