"""Every stored snapshot belongs to a snapshot test.

syrupy fails a run that leaves a stored snapshot unused, but not under pytest-xdist (its
workers do not pool what they used), so the suite checks it here: a snapshot whose test
was renamed or removed would otherwise stay behind, compared with nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

STORED = Path(__file__).parent / "__snapshots__"


def test_every_stored_snapshot_has_its_test(collected_snapshot_tests: set[tuple[str, str]]) -> None:
    """Each `__snapshots__/MODULE/NAME.svg` of a module collected in this run is a
    collected test's (NAME may end in `.N`, a second snapshot of one test)."""
    collected = collected_snapshot_tests
    modules = {module for module, _ in collected}
    unused = [
        f"{folder.name}/{svg.name}"
        for folder in sorted(STORED.iterdir())
        if folder.name in modules
        for svg in sorted(folder.glob("*.svg"))
        if (folder.name, re.sub(r"\.\d+$", "", svg.stem)) not in collected
    ]
    assert unused == [], "unused snapshots: delete them (or --snapshot-update -n 0)"
