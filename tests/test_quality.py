"""The code passes the formatter, the linter and the strict type checker (CI runs these)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CODE = [name for name in ("src", "tests", "benchmarks") if (ROOT / name).is_dir()]


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


def _ruff() -> str:
    beside_python = Path(sys.executable).with_name("ruff")
    found = str(beside_python) if beside_python.exists() else shutil.which("ruff")
    if found is None:
        pytest.fail("ruff is not installed: install the test extra, pip install '.[test]'")
    return found


@pytest.mark.parametrize(
    "arguments", [("format", "--check"), ("check",)], ids=["ruff-format", "ruff-check"]
)
def test_ruff(arguments: tuple[str, ...]) -> None:
    result = _run(_ruff(), *arguments, *CODE)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict() -> None:
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr
