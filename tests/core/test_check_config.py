"""`briefing check --config`: the settings file's problems, as a user runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from briefing.store.settings import config_path

SAMPLE = Path(__file__).parents[1] / "fixtures" / "sample" / "briefs" / "sample.yaml"


def check(*args: str) -> subprocess.CompletedProcess[str]:
    """Run `briefing check ARGS` in a fresh interpreter (the user folders are the test's)."""
    return subprocess.run(
        [sys.executable, "-m", "briefing", "check", *args],
        capture_output=True,
        text=True,
        timeout=30,
    )


def _config(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_misspelt_binding_id_is_printed_with_the_closest_and_exit_is_1() -> None:
    path = _config('style = "apa"\n[keys]\n"briefing.copyy" = "y"\n"reader.next" = "ctrl+/"\n')
    done = check("--config")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f'{path}:3: keys."briefing.copyy" is not a binding id (did you mean briefing.copy?); '
        "ignored",
        f"{path}:4: keys.\"reader.next\" 'ctrl+/': write 'slash' for '/' after a modifier; ignored",
    ]
    assert done.stdout == ""


def test_a_good_config_is_ok_and_exit_is_0() -> None:
    path = _config('style = "apa"\n[keys]\n"briefing.back" = "backspace"\n')
    done = check("--config")
    assert (done.returncode, done.stdout, done.stderr) == (0, f"{path}: ok\n", "")


def test_no_config_file_is_fine() -> None:
    done = check("--config")
    assert done.returncode == 0
    assert "no settings file; the defaults apply" in done.stdout


def test_with_briefs_both_are_checked() -> None:
    _config('stlye = "apa"\n')
    done = check("--config", str(SAMPLE))
    assert done.returncode == 1
    assert "unknown setting 'stlye'" in done.stderr
    assert f"{SAMPLE}: ok:" in done.stdout
