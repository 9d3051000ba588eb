"""Nothing a brief holds reaches the terminal raw through a subcommand's messages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.cli import main

ESCAPES = "\x1b]0;PWNED\x07\x1b[2J"


@pytest.fixture
def hostile_brief(tmp_path: Path, sample_path: Path) -> Path:
    """The sample brief, moved beside its seeds, with escapes in its title and a bad key."""
    (tmp_path / "briefs").mkdir()
    shutil.copytree(sample_path.parent.parent / "seeds", tmp_path / "seeds")
    text = sample_path.read_text(encoding="utf-8")
    text = text.replace("title: Harbours and fighters", 'title: "Harbours \\e]0;PWNED\\a"')
    text = text.replace("summary: Ports and cargo.", 'summary: "Ports \\e[2J and cargo."')
    brief = tmp_path / "briefs" / "hostile.yaml"
    brief.write_text(text, encoding="utf-8")
    return brief


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        (["search", "zzzzqqq", "--brief"], "Harbours"),
        (["cite", "t-trade", "--brief"], "Ports"),
        (["export", "--brief"], "Harbours"),
    ],
    ids=["search", "cite", "export"],
)
def test_no_escape_sequence_reaches_the_terminal(
    command: list[str], shown: str, hostile_brief: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main([*command, str(hostile_brief)])
    printed = capsys.readouterr()
    everything = printed.out + printed.err
    assert shown in everything, "the hostile text was not printed, so this proves nothing"
    assert "\x1b" not in everything and "\x07" not in everything


def test_problems_are_sanitised_when_a_brief_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brief = tmp_path / "bad.yaml"
    brief.write_text(
        f'format: briefing/1\n"{ESCAPES}": 1\n'.replace("\x1b", "\\e").replace("\x07", "\\a"),
        encoding="utf-8",
    )
    for command in (["search", "x", "--brief", str(brief)], [str(brief)]):
        assert main(command) == 1
        err = capsys.readouterr().err
        assert "not opened" in err or "nothing searched" in err
        assert "\x1b" not in err and "\x07" not in err
        assert "␛]0;PWNED␇" in err
