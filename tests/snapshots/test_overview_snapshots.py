"""Snapshots of the overview, the first screen, on the sample brief at 80x24 and 120x40."""

from __future__ import annotations

import pytest
from test_main_snapshots import SnapCompare, ThemedApp


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_overview(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(ThemedApp("textual-dark", overview=True), terminal_size=size)
