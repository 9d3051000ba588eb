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


def test_a_check_behind_the_first_frame_keeps_the_collector_off_until_it_ends() -> None:
    """A large brief is checked in a worker thread while the first frame is drawn: the
    frame must not switch the collector on under the check (it then took a third longer)."""
    import threading

    from briefing.memory import paused_gc

    checking, frame_drawn, seen = threading.Event(), threading.Event(), []

    def check() -> None:
        with paused_gc():
            checking.set()
            frame_drawn.wait(timeout=10)
            seen.append(gc.isenabled())

    with paused_until_shown():
        worker = threading.Thread(target=check)
        worker.start()
        assert checking.wait(timeout=10)
        first_frame_shown()
        assert not gc.isenabled()
        frame_drawn.set()
        worker.join(timeout=10)
    assert seen == [False]
    assert gc.isenabled()


def test_pauses_that_overlap_end_in_any_order() -> None:
    from briefing.memory import paused_gc

    first, second = paused_gc(), paused_gc()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()
