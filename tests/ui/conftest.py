"""UI test fixtures: no blinking cursors (stable snapshots), and an app on the sample brief."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.reactive import reactive
from textual.widgets import Input, TextArea

from briefing.model import Brief
from briefing.ui.app import BriefingApp


def steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every Input and TextArea start with a steady (non-blinking) cursor."""
    for widget in (Input, TextArea):
        blink: reactive[bool] = reactive(False, init=False)
        blink.__set_name__(widget, "cursor_blink")
        monkeypatch.setattr(widget, "cursor_blink", blink)


@pytest.fixture(autouse=True)
def no_blinking(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Cursors that blink make snapshots flaky and tests slower."""
    steady_cursor(monkeypatch)
    yield


@pytest.fixture
def app(sample: Brief) -> BriefingApp:
    """The reader on the sample brief."""
    return BriefingApp(sample, style="plain")
