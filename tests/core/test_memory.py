"""The collector pause around the reader's start-up: off until the first frame, then on."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from briefing.memory import first_frame_shown, paused_until_shown


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    """Each test starts with the collector on, and leaves it on whatever happens."""
    gc.enable()
    yield
    gc.enable()


def test_paused_until_the_first_frame() -> None:
    with paused_until_shown():
        assert not gc.isenabled()
        first_frame_shown()
        assert gc.isenabled()
    assert gc.isenabled()


def test_back_on_when_no_frame_ever_comes() -> None:
    """A refused brief never shows a frame: the block's end switches the collector on."""
    with pytest.raises(SystemExit), paused_until_shown():
        raise SystemExit(1)
    assert gc.isenabled()


def test_a_collector_switched_off_elsewhere_stays_off() -> None:
    gc.disable()
    with paused_until_shown():
        first_frame_shown()
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_the_first_frame_alone_changes_nothing() -> None:
    """Outside the pause (the app in a test, a picker's second brief) it does nothing."""
    gc.disable()
    first_frame_shown()
    assert not gc.isenabled()
