"""No escape sequence from an article reaches the terminal (a real pseudo-terminal).

Textual's headless driver writes no bytes, so this runs `briefing` on a brief whose article
is full of escape sequences (an OSC 52 clipboard write, a title change, a screen clear, a
DCS query, C1 controls, a bidi override), opens the source reader on it, and reads every
byte the app writes. The app's own escape sequences are there; the article's payloads,
with their escape characters, must not be.
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

import pytest

BRIEF = Path(__file__).parent / "fixtures" / "hostile" / "briefs" / "escapes.yaml"
ROWS, COLUMNS = 40, 120

# What the article (and the brief) would send to the terminal if any of it leaked.
LEAKS = {
    "OSC 52 clipboard write": b"\x1b]52;c;SEVMTE8gUFdORUQ=",
    "any OSC 52 at all": b"\x1b]52",
    "window title from the article": b"\x1b]0;PWNED-TITLE",
    "window title from the brief": b"\x1b]0;TITLE-FROM-BRIEF",
    "screen clear from the article": b"\x1b[2J\x1b[H gone",
    "DCS query": b"\x1bP1$qm",
    "C1 CSI": "\u009b31m".encode(),
    "C1 OSC title": "\u009d0;C1-TITLE".encode(),
    "bidi override": "\u202etxt.exe".encode(),
}

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


class Terminal:
    """A child process on a pty of fixed size, with everything it writes collected."""

    def __init__(self, *argv: str) -> None:
        self.output = bytearray()
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: size the terminal, then become the app
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
            os.environ["TERM"] = "xterm-256color"
            os.environ.pop("NO_COLOR", None)
            os.execv(sys.executable, [sys.executable, *argv])

    def read_until(self, done: Callable[[bytes], bool], timeout: float) -> bool:
        """Collect output until done(output) or timeout seconds; False on timeout or EOF."""
        deadline = time.monotonic() + timeout
        while not done(bytes(self.output)):
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            ready, _, _ = select.select([self.fd], [], [], min(left, 0.2))
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:  # the child has gone and the pty is closed
                    return done(bytes(self.output))
                if not chunk:
                    return done(bytes(self.output))
                self.output.extend(chunk)
        return True

    def send(self, keys: bytes) -> None:
        os.write(self.fd, keys)

    def settle(self, quiet: float = 0.5, timeout: float = 10) -> None:
        """Collect output until the app has written nothing for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            before = len(self.output)
            self.read_until(lambda out, before=before: len(out) > before, quiet)
            if len(self.output) == before:
                return

    def exited(self, timeout: float) -> int | None:
        """The exit status once the child has exited within timeout, else None."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.read_until(lambda _: False, 0.2)  # keep draining so it never blocks
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
        return None

    def close(self) -> None:
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.fd)


def test_article_escape_sequences_never_reach_the_terminal() -> None:
    terminal = Terminal("-m", "briefing", str(BRIEF))
    try:
        assert terminal.read_until(lambda out: b"Timeline" in out, 30), "the app did not start"
        terminal.settle()
        terminal.send(b"t")  # from the overview to the panes
        terminal.settle()
        for _ in range(4):  # move the focus on until it is on the excerpts, then open
            terminal.send(b"\t")
            terminal.settle()
            seen = len(terminal.output)
            terminal.send(b"o")  # open the selected excerpt's article in the source reader
            terminal.read_until(
                lambda out, seen=seen: (
                    b"SEVMTE8gUFdORUQ=" in out[seen:] or b"Select an excerpt" in out[seen:]
                ),
                10,
            )
            if b"SEVMTE8gUFdORUQ=" in terminal.output[seen:]:
                break
        else:
            pytest.fail("the source reader did not show the article")
        terminal.settle()
        terminal.send(b"q")
        if terminal.exited(3) is None:  # the reader may not quit: back to the main screen
            terminal.send(b"\x1b")
            terminal.settle()
            terminal.send(b"q")
            assert terminal.exited(10) is not None, "the app did not quit on q"
    finally:
        terminal.close()
    output = bytes(terminal.output)
    leaked = [name for name, payload in LEAKS.items() if payload in output]
    assert leaked == []
    # The payloads were shown, inertly, as text with visible placeholders.
    assert "␛]0;PWNED-TITLE␇".encode() in output
    assert b"PWNED-TITLE" in output and "⟨U+202E⟩".encode() in output
