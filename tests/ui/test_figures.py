"""The figures screen: the table's rows and values, a row's excerpts, Enter on an excerpt."""

from __future__ import annotations

from screens_host import Host, screen_text

from briefing.brief.model import Brief
from briefing.ui.screens.figures import FiguresScreen
from briefing.ui.widgets.figure_table import FigureTable


async def test_table_lists_each_figure_with_value_unit_period_and_sources(sample: Brief) -> None:
    app = Host(FiguresScreen(sample))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        header = next(line for line in lines if "Figure" in line and "Value" in line)
        assert header.split() == ["│", "Value", "Figure", "Period", "Sources", "│"]
        deal = next(line for line in lines if "Value of the cargo deal" in line)
        assert deal.split()[1:9] == ["1.2", "EUR", "bn", "Value", "of", "the", "cargo", "deal"]
        assert "2024–2034" in deal and "Baltic Ledger" in deal
        units = next(line for line in lines if "Su-57 aircraft ordered" in line)
        assert units.split()[1:3] == ["12", "aircraft"] and "2021" in units
        assert "[Report on fighter" in units
        table = app.screen.query_one(FigureTable)
        assert table.row_count() == 2


async def test_moving_the_cursor_shows_that_rows_excerpts(sample: Brief) -> None:
    app = Host(FiguresScreen(sample))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "The deal is worth 1.2 billion euros" in screen_text(app)
        await pilot.press("down")
        text = screen_text(app)
        assert "The Su-57 order, placed in 2021, covers twelve aircraft in all." in text
        assert "The deal is worth" not in text


async def test_enter_on_a_row_then_on_its_excerpt_dismisses_with_the_id(sample: Brief) -> None:
    app = Host(FiguresScreen(sample, "fig-su57-units"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "enter")
        assert app.results == ["q-su57-order"]


async def test_j_and_k_move_the_table_cursor(sample: Brief) -> None:
    app = Host(FiguresScreen(sample))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        assert app.screen.query_one(FigureTable).cursor == 1
        await pilot.press("k")
        assert app.screen.query_one(FigureTable).cursor == 0
