"""`a` and `b` on the main screen: add the selected item to the basket, then see it there;
and the detail pane for the kinds of item the lists do not hold."""

from __future__ import annotations

from textual.widgets import OptionList, Static

from briefing.brief.model import Brief
from briefing.cite.basket import Basket
from briefing.ui.app import BriefingApp
from briefing.ui.screens.basket import BasketScreen
from briefing.ui.screens.main import MainScreen
from briefing.ui.widgets.detail import DetailPane

SIZE = (120, 40)


def main(app: BriefingApp) -> MainScreen:
    assert isinstance(app.screen, MainScreen)
    return app.screen


async def test_a_adds_the_selected_item_and_b_shows_the_basket(app: BriefingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        selected = main(app).selected_item_id()
        assert selected is not None
        assert Basket().reload() is None and Basket().clips == ()
        await pilot.press("a")
        await pilot.pause()
        basket = Basket()
        basket.reload()
        assert [clip.item_id for clip in basket.clips] == [selected]
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, BasketScreen)
        listing = app.screen.query_one("#basket-list", OptionList)
        assert listing.option_count == 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)


def detail_text(app: BriefingApp) -> str:
    body = main(app).query_one("#detail-body", Static).content
    return str(body)


async def test_the_detail_pane_shows_figures_disputes_sources_and_entities(
    app: BriefingApp, sample: Brief
) -> None:
    figure, dispute = sample.figures[0], sample.disputes[0]
    notes, su57 = sample.source("src-notes"), sample.entity("su-57")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = main(app).query_one(DetailPane)
        for item_id, wanted in (
            (figure.id, [figure.label, "figure", f"Value: {figure.shown_value}"]),
            (dispute.id, [dispute.question, "dispute", "Positions"]),
            (notes.id, [notes.title, "source", "Outlet: Summit Wire", "Inferred: outlet"]),
            (su57.id, ["Su-57", su57.kind, "1 event, 2 excerpts"]),
        ):
            pane.show(item_id)
            await pilot.pause()
            shown = detail_text(app)
            assert all(w in shown for w in wanted), (item_id, shown)
