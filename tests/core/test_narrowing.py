"""The undo stack of narrowings: every change can be taken back, in reverse order."""

from __future__ import annotations

from briefing.brief.narrowing import Narrowing, NarrowingHistory


def test_changes_are_taken_back_latest_first() -> None:
    history = NarrowingHistory()
    none, trade = Narrowing(), Narrowing(topic="t-trade")
    jumped = Narrowing(entity="su-57")
    history.record(none, trade)
    history.record(trade, trade)  # not a change: nothing to take back
    history.record(trade, jumped)
    assert history.undo() == trade
    assert history.undo() == none
    assert history.undo() is None and not history


def test_a_narrowing_is_true_when_anything_is_narrowed() -> None:
    assert not Narrowing() and Narrowing(event="ev-deal")
