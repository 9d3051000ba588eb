"""Quote-level actions (issue 12, item 2): in dispute sides, the figures' "Stated in" and the
entities view, ↑/↓ (j/k) move between single quotes and c, a and o act on the selected
quote alone; on the item's own row they act on the whole item."""

from __future__ import annotations

from screens_host import Host
from textual.widgets import OptionList

from briefing.brief.model import Brief
from briefing.cite.basket import Basket
from briefing.cite.citations import cite_item
from briefing.ui.screens.disputes import DisputesScreen
from briefing.ui.screens.entities import EntitiesScreen
from briefing.ui.screens.figures import FiguresScreen

SIZE = (80, 24)


async def test_in_a_dispute_side_c_copies_the_selected_quote_alone(sample: Brief) -> None:
    app = Host(DisputesScreen(sample))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")  # on the dispute's row: the whole dispute
        await pilot.pause()
        assert app.clipboard == cite_item(sample, "d-capacity", "plain")
        await pilot.press("enter")  # into the first side
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == cite_item(sample, "q-capacity", "plain")
        assert "It triples" not in app.clipboard and "triple" not in app.clipboard


async def test_a_adds_one_quote_to_the_basket(sample: Brief) -> None:
    app = Host(FiguresScreen(sample, "fig-deal-value"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter", "a")  # into "Stated in", add the quote under the cursor
        await pilot.pause()
        basket = Basket()
        basket.reload()
        assert [clip.item_id for clip in basket.clips] == ["q-deal-value"]


async def test_o_opens_the_selected_quote_in_its_article(sample: Brief) -> None:
    from briefing.ui.screens.source import SourceReaderScreen

    app = Host(EntitiesScreen(sample, "su-57"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("tab")  # to the mentions: the first excerpt naming Su-57
        mentions = app.screen.query_one("#entity-mentions", OptionList)
        await pilot.press("down")  # one quote down
        await pilot.pause()
        chosen = mentions.get_option_at_index(mentions.highlighted or 0).id
        assert chosen == "q-first-jets"
        await pilot.press("o")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, SourceReaderScreen)
        assert reader.excerpt_id == "q-first-jets"


async def test_o_on_the_item_row_opens_its_first_quote(sample: Brief) -> None:
    from briefing.ui.screens.source import SourceReaderScreen

    app = Host(DisputesScreen(sample))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, SourceReaderScreen) and reader.excerpt_id == "q-capacity"


async def test_in_the_detail_pane_the_arrows_choose_one_quote(sample: Brief) -> None:
    from briefing.ui.app import BriefingApp
    from briefing.ui.screens.main import MainScreen
    from briefing.ui.screens.source import SourceReaderScreen
    from briefing.ui.widgets.detail import DetailPane

    app = BriefingApp(sample, style="plain", overview=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.show_item("ev-deal")  # two quotes: the signing and the deal's value
        await pilot.pause()
        detail = screen.query_one(DetailPane)
        detail.focus()
        await pilot.pause()
        assert detail.quotes == ("q-deal-signed", "q-deal-value")
        await pilot.press("c")  # on the item itself: the whole event
        await pilot.pause()
        assert app.clipboard.startswith("3 Mar 2024 — Kaliningrad port signs cargo deal")
        await pilot.press("down", "down")
        await pilot.pause()
        assert screen.selected_item_id() == "q-deal-value"
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard.startswith("“The deal is worth 1.2 billion euros")
        assert "The port authority" not in app.clipboard
        await pilot.press("k")
        await pilot.pause()
        assert screen.selected_item_id() == "q-deal-signed"
        await pilot.press("o")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, SourceReaderScreen) and reader.excerpt_id == "q-deal-signed"
