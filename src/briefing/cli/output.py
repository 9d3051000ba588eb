"""Printing from the command line: sanitised, and failing clearly when stdout cannot take it.

Everything printed comes from files the user did not necessarily write, so it goes through
`out`, `out_json` or `say`, which sanitise it: a file name, a setting or a message can
never send an escape sequence to the terminal. A standard output that is closed, full or
cannot encode the text raises `OutputFailed`, which `briefing.cli.main` reports. Light on
imports: `main` uses it before it knows which subcommand runs.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys

from briefing.sanitize import one_line, sanitize, unsafe_as_json_escapes


class OutputFailed(Exception):
    """Standard output could not take what was printed; the message says why."""


def say(message: str) -> None:
    """Print one sanitised line to stderr (nowhere, when stderr is closed)."""
    if sys.stderr is not None:
        print(one_line(message), file=sys.stderr)


def out(text: str = "") -> None:
    """Print sanitised text and a newline to stdout; raise OutputFailed when it cannot."""
    stream = sys.stdout
    if stream is None:  # started with file descriptor 1 closed
        raise OutputFailed("standard output is closed; nothing was printed")
    try:
        stream.write(sanitize(text) + "\n")
    except UnicodeEncodeError:
        raise OutputFailed(_encoding_message(stream.encoding)) from None
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputFailed(f"cannot write to standard output: {error.strerror}") from None


def out_json(value: object) -> None:
    """Print a value as indented JSON, with unsafe characters written as escapes.

    JSON keeps every character (an editor gets the exact text), and the escapes keep the
    terminal safe: a control or invisible character only ever occurs inside a string.
    """
    out(unsafe_as_json_escapes(json.dumps(value, indent=2, ensure_ascii=False)))


def flush_output() -> None:
    """Flush stdout, where a full device or a closed pipe shows up; raise OutputFailed."""
    stream = sys.stdout
    if stream is None:
        return
    try:
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputFailed(f"cannot write to standard output: {error.strerror}") from None


def discard_output() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush cannot fail again."""
    if sys.stdout is None:
        return
    with contextlib.suppress(OSError, ValueError):  # no descriptor behind it: nothing to do
        descriptor = os.open(os.devnull, os.O_WRONLY)
        os.dup2(descriptor, sys.stdout.fileno())
        os.close(descriptor)


def _encoding_message(encoding: str) -> str:
    return (
        f"standard output's encoding ({encoding}) cannot write this text; "
        "use a UTF-8 locale, e.g. LANG=C.UTF-8"
    )
