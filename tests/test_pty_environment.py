"""The reader starts in a real terminal whatever COLUMNS and LINES say (a pseudo-terminal).

Rich takes these variables as the screen size; a value of 0, a negative one, one in
another script's digits or one of twelve digits must neither crash the app nor make it
draw a screen the terminal does not have.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from test_pty import Terminal

SAMPLE = Path(__file__).parent / "fixtures" / "sample" / "briefs" / "sample.yaml"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


@pytest.mark.parametrize(("columns", "lines"), [("0", "0"), ("-5", "99999999999"), ("٣", "abc")])
def test_the_reader_starts_and_quits_whatever_the_size_variables_say(
    columns: str, lines: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", columns)  # inherited by the child the terminal forks
    monkeypatch.setenv("LINES", lines)
    terminal = Terminal("-m", "briefing", str(SAMPLE))
    try:
        assert terminal.read_until(lambda out: b"Harbours and fighters" in out, 30), "no start"
        terminal.settle()
        terminal.send(b"q")
        assert terminal.exited(10) == 0
    finally:
        terminal.close()
    assert b"Traceback" not in terminal.output
    assert b"Harbours and fighters" in terminal.output
