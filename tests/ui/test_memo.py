"""The basket's memo from the app: `c` copies it in the current citation style, `e` asks
for a format and a path, `x` removes a clip and `u` puts it back, a duplicate is refused
with a word, and `q` closes the basket like Escape."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from screens_host import Host, screen_text

from briefing.brief.model import Brief
from briefing.cite.basket import Basket, make_clip
from briefing.cite.memo import memo
from briefing.ui.copying import add_to_basket
from briefing.ui.screens.basket import BasketScreen


class Styled(Host):
    """A host app with a citation style, recording notifications."""

    citation_style = "apa"

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
    for item in ("q-deal-signed", "q-capacity", "q-su57-order"):
        basket.add(make_clip(sample, item))
    return basket


async def test_c_copies_the_memo_in_the_current_style(
    sample: Brief, filled: Basket, tool_folder: Path
) -> None:
    app = Styled(BasketScreen(sample))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.clipboard == memo(filled.clips, "apa")
        assert "(Lúcio, 2024, para. 3)." in app.clipboard
        assert "## References" in app.clipboard
        assert app.messages[-1] == "Copied the basket memo (3 clips, APA) via OSC 52"


async def test_e_asks_for_a_format_and_a_path(
    sample: Brief, filled: Basket, tmp_path: Path
) -> None:
    app = Styled(BasketScreen(sample))
    target = tmp_path / "memo"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        assert "Save the memo (APA)" in screen_text(app)
        await pilot.press("down", "down", "down")  # Word document
        await pilot.press("tab", "ctrl+u", *str(target), "enter")
        await pilot.pause()
        assert app.messages[-1] == f"Saved the APA memo (Word document) to {target}"
        assert isinstance(app.screen, BasketScreen)
    with zipfile.ZipFile(target) as archive:
        assert "Lúcio" in archive.read("word/document.xml").decode("utf-8")


async def test_the_extension_follows_the_format_and_escape_cancels(
    sample: Brief, filled: Basket
) -> None:
    app = Styled(BasketScreen(sample))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e", "down")
        assert app.screen.query_one("#memo-path").value.endswith(".html")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        saved = Path(app.messages[-1].split(" to ", 1)[1])
        assert saved.suffix == ".html" and "<h2>References</h2>" in saved.read_text("utf-8")
        count = len(app.messages)
        await pilot.press("e", "escape")
        assert isinstance(app.screen, BasketScreen) and len(app.messages) == count


async def test_a_removed_clip_comes_back_with_u(sample: Brief, filled: Basket) -> None:
    app = Styled(BasketScreen(sample))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "x")
        filled.reload()
        assert [c.item_id for c in filled.clips] == ["q-deal-signed", "q-su57-order"]
        assert "u puts it back" in app.messages[-1]
        await pilot.press("u")
        filled.reload()
        assert [c.item_id for c in filled.clips] == ["q-deal-signed", "q-capacity", "q-su57-order"]
        await pilot.press("u")
        assert app.messages[-1] == "Nothing to put back."


async def test_adding_a_duplicate_says_so(sample: Brief, filled: Basket) -> None:
    app = Styled(Host(BasketScreen(sample)).first)
    async with app.run_test(size=(80, 24)):
        add_to_basket(app, sample, "q-capacity")
    assert app.messages[-1].startswith("Already in the basket: ")
    filled.reload()
    assert len(filled.clips) == 3


async def test_q_closes_the_basket(sample: Brief, filled: Basket) -> None:
    app = Styled(BasketScreen(sample))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        assert app.results == [None]
