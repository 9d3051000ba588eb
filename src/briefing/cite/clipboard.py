"""Getting text onto the user's clipboard: OSC 52, the system's own tools, or a file.

OSC 52 asks the terminal to set the clipboard; it works over SSH and inside tmux (with
`set-clipboard on`), but no terminal confirms it, so we never claim it worked. System
tools (`wl-copy`, `xclip`, `xsel`, `pbcopy`, `clip.exe`) are run with their arguments as
a list and a timeout. When the text is too large for OSC 52 and no tool works, it goes to
a file under `data_dir()/clips/` whose path the caller shows. Everything copied is plain
text: `clean()` removes escape sequences, control characters and bidi overrides first.
"""

from __future__ import annotations

import base64
import datetime as dt
import os
import re
import shutil
import subprocess
from pathlib import Path

from briefing.record import record
from briefing.store.files import data_dir, write_atomic

OSC52_LIMIT = 100_000  # bytes of base64; many terminals and tmux drop longer sequences
TOOL_TIMEOUT = 3.0  # seconds


@record
class Tool:
    """A clipboard command, the environment variable it needs (if any), its encoding."""

    name: str
    arguments: tuple[str, ...]
    needs: str | None = None
    encoding: str = "utf-8"
    locale: str | None = None  # LC_CTYPE the tool must run under to read UTF-8


TOOLS = (
    Tool("wl-copy", ("wl-copy",), needs="WAYLAND_DISPLAY"),
    Tool("xclip", ("xclip", "-selection", "clipboard"), needs="DISPLAY"),
    Tool("xsel", ("xsel", "--clipboard", "--input"), needs="DISPLAY"),
    # pbcopy decodes its input by the locale; under the C locale UTF-8 would be mangled.
    Tool("pbcopy", ("pbcopy",), locale="UTF-8"),
    # clip.exe reads UTF-16 with a byte-order mark correctly; UTF-8 would be mangled.
    Tool("clip.exe", ("clip.exe",), encoding="utf-16"),
)

_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI ... final byte
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC, DCS, SOS, PM, APC strings
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
    r"|[\x90\x9d\x98\x9e\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # 8-bit strings
    r"|\x1b[ -/]*[0-~]?"  # any other ESC sequence, or a lone ESC
)
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\u180e]"
)


def clean(text: str) -> str:
    """Plain text safe to paste anywhere: newlines and tabs kept, every other control gone.

    Whole escape sequences (colours, OSC 52, title changes) are removed, not just their
    ESC; carriage returns become newlines; bidi overrides and invisible characters go.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPE_SEQUENCE.sub("", text)
    return _CONTROL.sub("", text)


def osc52_sequence(text: str) -> str | None:
    """The OSC 52 sequence that sets the clipboard to text, or None if it is too large."""
    payload = base64.b64encode(clean(text).encode("utf-8")).decode("ascii")
    if len(payload) > OSC52_LIMIT:
        return None
    return f"\x1b]52;c;{payload}\x07"


def fits_osc52(text: str) -> bool:
    """True when text is small enough to send by OSC 52."""
    return osc52_sequence(text) is not None


def available_tools() -> list[Tool]:
    """The clipboard tools installed here whose display (if they need one) is set."""
    return [
        tool
        for tool in TOOLS
        if shutil.which(tool.arguments[0]) and (tool.needs is None or os.environ.get(tool.needs))
    ]


def copy_with_tool(text: str) -> tuple[str | None, list[str]]:
    """Try each available tool in turn; return the name of the one that worked and failures.

    Output goes to /dev/null: `wl-copy` and `xclip` stay behind to serve the clipboard,
    and a pipe they inherited would keep us waiting until the timeout.
    """
    failures: list[str] = []
    for tool in available_tools():
        executable = shutil.which(tool.arguments[0]) or tool.arguments[0]
        try:
            result = subprocess.run(
                [executable, *tool.arguments[1:]],
                input=clean(text).encode(tool.encoding),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env={**os.environ, "LC_CTYPE": tool.locale} if tool.locale else None,
                timeout=TOOL_TIMEOUT,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            failures.append(f"{tool.name}: {error}")
            continue
        if result.returncode == 0:
            return tool.name, failures
        failures.append(f"{tool.name}: exit status {result.returncode}")
    return None, failures


def save_to_file(text: str, stem: str = "clip") -> Path:
    """Write text to a new file under `data_dir()/clips/` and return its path."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    safe_stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-.") or "clip"
    path = data_dir() / "clips" / f"{safe_stem}-{stamp}.txt"
    write_atomic(path, clean(text).encode("utf-8"), private=False)
    return path


@record
class Delivery:
    """How text left: the routes that took it (unconfirmed for OSC 52), and any file."""

    routes: tuple[str, ...]
    file: Path | None = None
    failures: tuple[str, ...] = ()

    def describe(self) -> str:
        """`via OSC 52 and xclip`, `to FILE`, or `via xclip and to FILE`."""
        parts = ["via " + " and ".join(self.routes)] if self.routes else []
        return " and ".join([*parts, *([f"to {self.file}"] if self.file else [])])


def deliver(text: str, *, osc52_sent: bool, stem: str = "clip") -> Delivery:
    """Run the system tool after OSC 52 was (or, too large, was not) sent.

    When OSC 52 could not carry the text, or nothing took it, the text is also written
    to a file: a tool may have reached a clipboard other than the user's (a remote X
    display over SSH), and the text must never be lost.
    """
    tool, failures = copy_with_tool(text)
    routes = tuple(r for r in ("OSC 52" if osc52_sent else None, tool) if r)
    file = save_to_file(text, stem) if not osc52_sent or not routes else None
    return Delivery(routes, file, tuple(failures))
