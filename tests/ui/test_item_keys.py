"""`c` and `a` on the secondary screens act on what is under the cursor, as on the main one."""

from __future__ import annotations

from screens_host import Host
from textual.widgets import OptionList

from briefing.brief.model import Brief
from briefing.cite.basket import Basket
from briefing.cite.citations import cite_item
from briefing.ui.screens.disputes import DisputesScreen
from briefing.ui.screens.entities import EntitiesScreen
from briefing.ui.screens.figures import FiguresScreen
from briefing.ui.screens.source import SourceReaderScreen

SIZE = (120, 40)


async def test_c_in_the_reader_copies_the_current_quote(sample: Brief) -> None:
    app = Host(SourceReaderScreen(sample, "src-harbour", "q-capacity"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "c")
        await pilot.pause()
        assert app.clipboard == cite_item(sample, "q-deal-value", "plain")


async def test_c_on_a_dispute_copies_it_with_both_sides(sample: Brief) -> None:
    app = Host(DisputesScreen(sample, "d-capacity"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == cite_item(sample, "d-capacity", "plain")
        assert "It triples capacity." in app.clipboard


async def test_c_on_a_dispute_excerpt_copies_that_excerpt(sample: Brief) -> None:
    app = Host(DisputesScreen(sample, "d-capacity"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")  # into the first side's excerpts
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == cite_item(sample, "q-capacity", "plain")


async def test_c_on_a_figure_row_copies_the_figure(sample: Brief) -> None:
    app = Host(FiguresScreen(sample, "fig-su57-units"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == cite_item(sample, "fig-su57-units", "plain")


async def test_c_and_a_on_an_entity(sample: Brief) -> None:
    app = Host(EntitiesScreen(sample, "su-57"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen.focused, OptionList)
        await pilot.press("c", "a")
        await pilot.pause()
        assert app.clipboard == cite_item(sample, "su-57", "plain")
        basket = Basket()
        basket.reload()
        assert [clip.item_id for clip in basket.clips] == ["su-57"]
