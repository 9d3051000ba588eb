"""Snapshot fixtures: steady cursors everywhere, so that snapshots are stable; and the
snapshot tests that were collected, for the check that no stored snapshot is left over."""

from __future__ import annotations

from pathlib import Path

import pytest

COLLECTED = pytest.StashKey[set[tuple[str, str]]]()
"""(module, test name) of every snapshot test collected, before any `-k` deselects some."""


@pytest.fixture(autouse=True)
def no_blinking(steady_cursor: None) -> None:
    """Steady cursors in every snapshot (see tests/conftest.py)."""


@pytest.fixture
def collected_snapshot_tests(pytestconfig: pytest.Config) -> set[tuple[str, str]]:
    """(module, test name) of every snapshot test collected in this run."""
    return pytestconfig.stash[COLLECTED]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Remember the snapshot tests collected (each pytest-xdist worker collects them all)."""
    here = Path(__file__).parent
    config.stash[COLLECTED] = {
        (item.path.stem, item.name) for item in items if item.path.parent == here
    }
