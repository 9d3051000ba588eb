"""Standard streams that are closed, full, not terminals or not UTF-8, and hostile names.

Every case runs `python -m briefing` in a subprocess, as a shell would: the user sees a
one-line message and a non-zero status, never a traceback, and a command that printed
nothing never claims success.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import IO

import pytest

from briefing.cli.read import _drop_unusable_size_variables

SAMPLE = Path(__file__).parents[1] / "fixtures" / "sample" / "briefs" / "sample.yaml"
COMMANDS = {
    "check": ["check", str(SAMPLE)],
    "search": ["search", "harbour", "--brief", str(SAMPLE)],
    "search --json": ["search", "harbour", "--json", "--brief", str(SAMPLE)],
    "cite": ["cite", "q-summit", "--brief", str(SAMPLE)],
    "export": ["export", "--brief", str(SAMPLE)],
    "schema": ["schema"],
}


def briefing(
    *args: str,
    stdout: int | IO[bytes] | None = subprocess.PIPE,
    stdin: int | None = None,
    env: dict[str, str] | None = None,
    close_stdout: bool = False,
) -> subprocess.CompletedProcess[bytes]:
    """Run the command line in a fresh interpreter, as from a shell."""
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        stdin=stdin,
        env={**os.environ, **(env or {})},
        timeout=60,
        preexec_fn=(lambda: os.close(1)) if close_stdout else None,
    )


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_closed_stdout_is_an_error_not_a_silent_success(name: str) -> None:
    done = briefing(*COMMANDS[name], stdout=None, close_stdout=True)
    assert done.returncode == 1
    assert done.stderr.decode() == "briefing: standard output is closed; nothing was printed\n"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_a_full_device_is_a_message_not_a_traceback(name: str) -> None:
    with open("/dev/full", "wb") as full:
        done = briefing(*COMMANDS[name], stdout=full)
    assert done.returncode == 1
    assert done.stderr.decode() == (
        "briefing: cannot write to standard output: No space left on device\n"
    )


def test_an_encoding_that_cannot_hold_the_text_is_a_message() -> None:
    done = briefing(*COMMANDS["cite"], env={"PYTHONIOENCODING": "latin-1"})
    assert done.returncode == 1
    assert done.stderr.decode() == (
        "briefing: standard output's encoding (iso8859-1) cannot write this text; "
        "use a UTF-8 locale, e.g. LANG=C.UTF-8\n"
    )


def test_the_c_locale_still_prints_utf8() -> None:
    done = briefing(*COMMANDS["cite"], env={"LC_ALL": "C", "LANG": "C"})
    assert done.returncode == 0, done.stderr
    assert "¶" in done.stdout.decode()


def test_a_reader_that_leaves_early_ends_the_command_quietly() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", "export", "--brief", str(SAMPLE)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `| head -0`
    error = process.stderr.read()
    assert process.wait(timeout=60) == 141
    assert error == b""


def test_the_reader_refuses_a_stdin_that_is_not_a_terminal() -> None:
    done = briefing(str(SAMPLE), stdin=subprocess.DEVNULL)
    assert done.returncode == 2
    assert done.stderr.decode() == (
        "briefing: the reader needs a terminal, and standard input is not one; "
        "in scripts use `briefing check`, `search`, `cite` or `export`\n"
    )


def test_a_brief_with_problems_is_still_reported_without_a_terminal(tmp_path: Path) -> None:
    brief = tmp_path / "bad.yaml"
    brief.write_text("format: briefing/1\n", encoding="utf-8")
    done = briefing(str(brief), stdin=subprocess.DEVNULL)
    assert done.returncode == 1
    assert b"not opened" in done.stderr


@pytest.fixture
def odd_names(tmp_path: Path) -> list[Path]:
    """The sample brief under names holding an escape sequence and undecodable bytes."""
    shutil.copytree(SAMPLE.parents[1], tmp_path / "tree")
    briefs = tmp_path / "tree" / "briefs"
    escape = briefs / "x\x1b]0;PWNED\x07\x1b[2J\u202e.yaml"
    undecodable = Path(os.fsdecode(bytes(briefs) + b"/caf\xe9.yaml"))
    shutil.copy(briefs / "sample.yaml", escape)
    shutil.copy(briefs / "sample.yaml", undecodable)
    (briefs / "sample.yaml").unlink()
    return [escape, undecodable]


def test_check_prints_hostile_file_names_inertly(odd_names: list[Path]) -> None:
    done = briefing("check", "--excerpts", *map(str, odd_names))
    assert done.returncode == 0, done.stderr
    printed = done.stdout.decode("utf-8")  # valid UTF-8: nothing undecodable was written
    assert "\x1b" not in printed and "\x07" not in printed and "\u202e" not in printed
    assert "x␛]0;PWNED␇␛[2J⟨U+202E⟩.yaml: ok: 3 sources" in printed
    assert "caf⟨U+DCE9⟩.yaml: ok: 3 sources" in printed


def test_check_json_keeps_hostile_names_exact_but_escaped(odd_names: list[Path]) -> None:
    done = briefing("check", "--json", *map(str, odd_names))
    assert b"\x1b" not in done.stdout and b"\xe2\x80\xae" not in done.stdout
    files = [entry["file"] for entry in json.loads(done.stdout)]
    assert files == [str(p) for p in odd_names]


def test_problems_naming_a_hostile_file_are_inert(odd_names: list[Path]) -> None:
    for name in odd_names:
        name.write_text("format: briefing/1\n", encoding="utf-8")
    done = briefing("check", *map(str, odd_names))
    assert done.returncode == 1
    shown = done.stderr.decode("utf-8")
    assert "\x1b" not in shown and "\u202e" not in shown
    assert "caf⟨U+DCE9⟩.yaml: " in shown and "x␛]0;PWNED␇␛[2J⟨U+202E⟩.yaml: " in shown


@pytest.mark.parametrize(
    ("value", "kept"),
    [("80", True), ("1", True), ("0", False), ("-5", False), ("٣", False), ("9" * 12, False)],
)
def test_terminal_size_variables_of_any_value_are_used_or_forgotten(value: str, kept: bool) -> None:
    environ = {"COLUMNS": value, "LINES": value}
    _drop_unusable_size_variables(environ)
    assert environ == ({"COLUMNS": value, "LINES": value} if kept else {})


@pytest.mark.parametrize("value", ["0", "-5", "٣", "abc", "9" * 30])
def test_help_works_with_any_terminal_size_variables(value: str) -> None:
    done = briefing("search", "--help", env={"COLUMNS": value, "LINES": value})
    assert done.returncode == 0
    assert b"usage: briefing search" in done.stdout and done.stderr == b""
