"""Contract: the headless core never imports Textual (start-up time, and CLI use anywhere)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import briefing

SAMPLE = Path(__file__).parents[1] / "fixtures" / "sample" / "briefs" / "sample.yaml"
CORE = sorted(
    m.name
    for m in pkgutil.walk_packages(briefing.__path__, "briefing.")
    if not m.name.startswith("briefing.ui") and m.name != "briefing.__main__"
)

PROBE = """
import runpy, sys
sys.argv = ["briefing", *sys.argv[1:]]
try:
    runpy.run_module("briefing", run_name="__main__")
except SystemExit:
    pass
finally:
    loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
    print("TEXTUAL:", ",".join(loaded), file=sys.stderr)
"""


def test_every_core_module_imports_without_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert "briefing.brief.loader" in CORE and "briefing.cli.check" in CORE


@pytest.mark.parametrize(
    "args",
    [
        ["check", str(SAMPLE)],
        ["schema"],
        ["search", "--brief", str(SAMPLE), "harbour"],
        ["cite", "--brief", str(SAMPLE), "q-deal-signed"],
        ["export", "--brief", str(SAMPLE)],
        ["check", "--help"],
    ],
    ids=lambda a: a[0] if a[-1] != "--help" else "help",
)
def test_subcommands_never_import_textual(args: list[str], tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    marker = [line for line in done.stderr.splitlines() if line.startswith("TEXTUAL:")]
    assert marker == ["TEXTUAL: "], done.stderr[-2000:]
