"""Run every reproduction script here against the installed Textual and say which still
reproduce: `python docs/upstream/verify.py`. Each script exits 1 when its bug shows."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    """Run each script in its own interpreter (a crash in one cannot hide another)."""
    print(f"Textual {version('textual')}, Rich {version('rich')}, Python {sys.version.split()[0]}")
    for script in sorted(HERE.glob("*.py")):
        if script.name == Path(__file__).name:
            continue
        done = subprocess.run(
            [sys.executable, str(script)], capture_output=True, text=True, timeout=600
        )
        verdict = {0: "does not reproduce", 1: "REPRODUCES"}.get(done.returncode, "error")
        last = (done.stdout.strip().splitlines() or [""])[-1]
        print(f"{script.name:36} {verdict:20} {last[:60]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
