"""The basket screen: list, reorder, remove, annotate, export; what the user sees."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from screens_host import Host, screen_text

from briefing.brief.model import Brief
from briefing.cite.basket import Basket, make_clip
from briefing.cite.memo import memo
from briefing.ui.screens.basket import BasketScreen


class Recording(Host):
    """The host app, also recording notifications."""

    def __init__(self, screen: Any) -> None:
        super().__init__(screen)
        self.messages: list[str] = []

    def notify(self, message: str, **options: Any) -> None:  # type: ignore[override]
        """Record, then notify as usual."""
        self.messages.append(message)
        super().notify(message, **options)


@pytest.fixture
def filled(sample: Brief) -> Basket:
    """A basket with three clips on disk."""
    basket = Basket()
    for item in ("q-deal-signed", "ev-order", "q-summit"):
        basket.add(make_clip(sample, item))
    return basket


def _on_disk() -> list[str]:
    basket = Basket()
    basket.reload()
    return [c.item_id for c in basket.clips]


async def test_lists_the_clips_with_their_text(sample: Brief, filled: Basket) -> None:
    app = Recording(BasketScreen(sample))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Basket · 3 clips" in text
        assert (
            "1. excerpt: “The port authority of Kaliningrad signed a…” (Baltic Ledger ¶3)" in text
        )
        assert "2. event: Su-57 order placed" in text
        assert "q-deal-signed" not in text and "ev-order" not in text
        assert "— [Notes from the summit], [Summit Wire], [Sep 2024], ¶ 2" in text


async def test_move_remove_and_note_are_saved_at_once(sample: Brief, filled: Basket) -> None:
    app = Recording(BasketScreen(sample))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("down", "shift+down")
        assert _on_disk() == ["q-deal-signed", "q-summit", "ev-order"]
        await pilot.press("K", "K")
        assert _on_disk() == ["ev-order", "q-deal-signed", "q-summit"]
        await pilot.press("n")
        await pilot.press(*"check the year")
        await pilot.press("enter")
        assert filled.reload() is None and filled.clips[0].note == "check the year"
        assert "Note: check the year" in screen_text(app)
        await pilot.press("down", "x")
        assert _on_disk() == ["ev-order", "q-summit"]
        assert "Basket · 2 clips" in screen_text(app)


async def test_escape_cancels_a_note_then_closes(sample: Brief, filled: Basket) -> None:
    app = Recording(BasketScreen(sample))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("n", "a", "b", "escape")
        assert isinstance(app.screen, BasketScreen)
        assert filled.reload() is None and filled.clips[0].note == ""
        await pilot.press("escape")
        assert not isinstance(app.screen, BasketScreen)
        assert app.results == [None]


async def test_export_memo_to_a_file_and_to_the_clipboard(
    sample: Brief, filled: Basket, user_folders: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(user_folders))  # no clipboard tool
    app = Recording(BasketScreen(sample))
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("e", "enter")
        saved = app.messages[-1]
        assert saved.startswith("Saved the Markdown memo (Markdown) to ")
        path = Path(saved.removeprefix("Saved the Markdown memo (Markdown) to "))
        assert path.read_text(encoding="utf-8") == memo(filled.clips)
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.clipboard == memo(filled.clips)
        assert app.messages[-1] == "Copied the basket memo (3 clips, Markdown) via OSC 52"


async def test_empty_and_damaged_baskets(sample: Brief) -> None:
    path = Basket().path
    path.parent.mkdir(parents=True)
    path.write_text("not json", encoding="utf-8")
    app = Recording(BasketScreen(sample))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "could not be read" in app.messages[0]
        assert "The basket is empty. Press a on an item" in screen_text(app)
        await pilot.press("e", "x", "n")
        assert app.messages[-1] == "The basket is empty: nothing to save."
    assert list(path.parent.glob("basket.json.damaged-*"))


async def test_a_basket_that_cannot_be_read_is_not_called_unsaved(sample: Brief) -> None:
    """A basket path that cannot be opened (here a folder) is reported as not read."""
    Basket().path.mkdir(parents=True)
    app = Recording(BasketScreen(sample))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.messages[0].startswith("The basket could not be read: ")
        assert "saved" not in app.messages[0]
        assert "The basket is empty." in screen_text(app)  # not a blank list
