"""Clipboard routes: OSC 52 payloads, system tool_folder run as lists, and the file fallback."""

from __future__ import annotations

import base64
import sys
from pathlib import Path

import pytest

from briefing.cite import clipboard
from briefing.cite.clipboard import clean, deliver, osc52_sequence


def _fake_tool(folder: Path, name: str, *, status: int = 0) -> Path:
    """A stand-in for a clipboard tool: records its arguments and stdin beside itself."""
    folder.mkdir(exist_ok=True)
    script = folder / name
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys, pathlib\n"
        "here = pathlib.Path(sys.argv[0]).parent\n"
        f"(here / '{name}.args').write_text(' '.join(sys.argv[1:]))\n"
        f"(here / '{name}.in').write_bytes(sys.stdin.buffer.read())\n"
        f"sys.exit({status})\n"
    )
    script.chmod(0o755)
    return folder


def test_clean_keeps_newlines_and_tabs_and_drops_every_control() -> None:
    text = "a\x1b[31mred\x1b[0m\tb\x1b]52;c;ZXZpbA==\x07\r\nc\u202eevil\u2066\x00\x7f\x9b2J"
    assert clean(text) == "ared\tb\nc" + "evil"


def test_osc52_sequence_carries_the_cleaned_text_in_base64() -> None:
    sequence = osc52_sequence("Lúcio\x1b[2J said")
    assert sequence is not None
    assert sequence.startswith("\x1b]52;c;") and sequence.endswith("\x07")
    assert base64.b64decode(sequence[7:-1]).decode() == "Lúcio said"


def test_osc52_refuses_text_over_the_limit() -> None:
    assert osc52_sequence("x" * 74_000) is not None  # 98,668 bytes of base64
    assert osc52_sequence("x" * 76_000) is None


def test_the_first_working_tool_gets_the_text_and_is_named(tool_folder: Path) -> None:
    _fake_tool(tool_folder, "xclip")
    _fake_tool(tool_folder, "xsel")
    result = deliver("“quote”\x1b[31m\n— cite", osc52_sent=True)
    assert result.routes == ("OSC 52", "xclip")
    assert result.describe() == "via OSC 52 and xclip"
    assert (tool_folder / "xclip.args").read_text() == "-selection clipboard"
    assert (tool_folder / "xclip.in").read_text(encoding="utf-8") == "“quote”\n— cite"
    assert not (tool_folder / "xsel.in").exists()


def test_a_failing_tool_falls_through_to_the_next(tool_folder: Path) -> None:
    _fake_tool(tool_folder, "xclip", status=1)
    _fake_tool(tool_folder, "xsel")
    result = deliver("text", osc52_sent=False)
    assert result.routes == ("xsel",)
    assert result.failures == ("xclip: exit status 1",)
    assert (tool_folder / "xsel.args").read_text() == "--clipboard --input"


def test_tools_needing_a_display_are_skipped_without_one(
    tool_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DISPLAY")
    _fake_tool(tool_folder, "xclip")
    assert clipboard.available_tools() == []


def test_clip_exe_gets_utf16(tool_folder: Path) -> None:
    _fake_tool(tool_folder, "clip.exe")
    assert deliver("Lúcio", osc52_sent=False).routes == ("clip.exe",)
    assert (tool_folder / "clip.exe.in").read_bytes().decode("utf-16") == "Lúcio"


def test_no_route_writes_a_file_in_the_data_folder(tool_folder: Path, user_folders: Path) -> None:
    result = deliver("big\x07 text", osc52_sent=False, stem="q-deal/../x")
    assert result.routes == ()
    assert result.file is not None
    assert result.file.parent == user_folders / "data" / "briefing" / "clips"
    assert result.file.read_text(encoding="utf-8") == "big text"
    assert result.describe() == f"to {result.file}"


def test_a_hanging_tool_times_out(tool_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = tool_folder / "pbcopy"
    script.write_text(f"#!{sys.executable}\nimport time\ntime.sleep(30)\n")
    script.chmod(0o755)
    monkeypatch.setattr(clipboard, "TOOL_TIMEOUT", 0.5)
    result = deliver("text", osc52_sent=True)
    assert result.routes == ("OSC 52",)
    assert result.failures[0].startswith("pbcopy: Command")


def test_pbcopy_runs_under_a_utf8_locale(
    tool_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_CTYPE", "C")
    monkeypatch.setenv("PYTHONCOERCECLOCALE", "0")  # the stand-in must see what it was given
    script = tool_folder / "pbcopy"
    script.write_text(
        f"#!{sys.executable}\nimport os, pathlib, sys\n"
        "pathlib.Path(sys.argv[0]).with_name('locale').write_text(os.environ['LC_CTYPE'])\n"
    )
    script.chmod(0o755)
    assert deliver("Lúcio", osc52_sent=False).routes == ("pbcopy",)
    assert (tool_folder / "locale").read_text() == "UTF-8"


def test_too_large_for_osc52_is_also_saved_even_when_a_tool_took_it(
    tool_folder: Path, user_folders: Path
) -> None:
    _fake_tool(tool_folder, "xclip")
    result = deliver("long text", osc52_sent=False)
    assert result.routes == ("xclip",)
    assert result.file is not None and result.file.read_text(encoding="utf-8") == "long text"
    assert result.describe() == f"via xclip and to {result.file}"
    assert deliver("short", osc52_sent=True).file is None
