"""Snapshot fixtures: steady cursors everywhere, so that snapshots are stable."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def no_blinking(steady_cursor: None) -> None:
    """Steady cursors in every snapshot (see tests/conftest.py)."""
