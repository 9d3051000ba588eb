"""Shell completion: the script `briefing completion SHELL` prints completes as a user types."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cite.style_names import STYLES
from briefing.cli import main

SAMPLE = Path(__file__).parents[1] / "fixtures" / "sample" / "briefs" / "sample.yaml"


def _script(shell: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["completion", shell]) == 0
    return capsys.readouterr().out


def _complete(script: str, tmp_path: Path, *words: str) -> list[str]:
    """COMPREPLY after typing `words` (the last one being completed) in bash."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    launcher = bin_dir / "briefing"
    launcher.write_text(f'#!/bin/sh\nexec {sys.executable} -m briefing "$@"\n')
    launcher.chmod(0o755)
    (tmp_path / "completion.bash").write_text(script)
    typed = " ".join(f"'{w}'" for w in ("briefing", *words))
    program = (
        f"source {tmp_path / 'completion.bash'}\n"
        f"COMP_WORDS=({typed}); COMP_CWORD={len(words)}; _briefing\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    result = subprocess.run(
        ["bash", "-c", program],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(tmp_path)},
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.fixture
def bash(capsys: pytest.CaptureFixture[str]) -> str:
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    return _script("bash", capsys)


def test_bash_completes_a_subcommand_and_a_style_name(bash: str, tmp_path: Path) -> None:
    assert _complete(bash, tmp_path, "ci") == ["cite"]
    assert _complete(bash, tmp_path, "cite", "--style", "") == list(STYLES)
    assert _complete(bash, tmp_path, "cite", "--style", "ch") == ["chicago"]
    assert "--brief" in _complete(bash, tmp_path, "cite", "--")


def test_bash_completes_item_ids_from_the_brief_in_use(bash: str, tmp_path: Path) -> None:
    ids = _complete(bash, tmp_path, "cite", "--brief", str(SAMPLE), "q-de")
    assert sorted(ids) == ["q-deal-critics", "q-deal-signed", "q-deal-value", "q-delays"]
    assert "q-roadmap-2030" in _complete(bash, tmp_path, "cite", "q-road")


def test_bash_completes_brief_files(bash: str, tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text("")
    assert _complete(bash, tmp_path, "check", "mi") == ["mine.yaml"]
    assert "mine.yaml" in _complete(bash, tmp_path, "mi")


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_scripts_name_every_subcommand_and_style(
    shell: str, capsys: pytest.CaptureFixture[str]
) -> None:
    script = _script(shell, capsys)
    for word in ("check", "search", "cite", "export", "completion", "chicago", "__complete-ids"):
        assert word in script
    checker = shutil.which(shell)
    if checker is not None:
        result = subprocess.run([checker, "-n"], input=script, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr


def test_an_unknown_shell_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["completion", "tcsh"])
    assert raised.value.code == 2
    assert "invalid choice: 'tcsh'" in capsys.readouterr().err
