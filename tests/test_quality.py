"""The code passes the formatter, the linter and the strict type checker (CI runs these)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(
    "command",
    [
        ("ruff", "format", "--check", "src", "tests", "benchmarks"),
        ("ruff", "check", "src", "tests", "benchmarks"),
    ],
    ids=["ruff-format", "ruff-check"],
)
def test_ruff(command: tuple[str, ...]) -> None:
    if shutil.which("ruff") is None and not Path(sys.executable).with_name("ruff").exists():
        pytest.fail("ruff is not installed: install the test extra, pip install '.[test]'")
    ruff = str(Path(sys.executable).with_name("ruff"))
    result = _run(ruff if Path(ruff).exists() else "ruff", *command[1:])
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict() -> None:
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr
