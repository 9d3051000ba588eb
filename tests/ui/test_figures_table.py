"""The figures table fits 80 columns: value and unit beside a wrapped label, the period and
short source names readable, sortable with `r`, a range as one row (issue 12, item 3)."""

from __future__ import annotations

from dataclasses import replace

from screens_host import Host, screen_lines

from briefing.brief.dates import parse_date
from briefing.brief.model import Brief, Figure
from briefing.ui.screens.figures import FiguresScreen
from briefing.ui.widgets.figure_table import FigureTable

NARROW = (80, 24)
LONG_LABEL = "Share of the harbour's container capacity that the new cargo deal adds by 2027"


def with_range(sample: Brief) -> Brief:
    """The sample with a long label and a range given as its two ends."""
    ends = [
        Figure(f"fig-share-{end}", f"{LONG_LABEL} ({end} end)", value, "%", ("q-capacity",))
        for end, value in (("lower", 60), ("upper", 70))
    ]
    for n, end in enumerate(ends):
        ends[n] = replace(end, period=parse_date("2027"))
    return replace(sample, figures=(*sample.figures, *ends))


def table_lines(app: Host) -> list[str]:
    """The figures box's lines, as on screen."""
    lines = screen_lines(app)
    end = next(n for n, line in enumerate(lines) if line.startswith("╰"))
    return lines[: end + 1]


async def test_at_80_columns_every_column_shows_without_scrolling(sample: Brief) -> None:
    app = Host(FiguresScreen(with_range(sample)))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        lines = table_lines(app)
        assert all(len(line) <= NARROW[0] for line in lines)
        deal = next(line for line in lines if "Value of the cargo deal" in line)
        assert "1.2 EUR bn" in deal and "2024–2034" in deal and "Baltic Ledger" in deal
        share = next(n for n, line in enumerate(lines) if "60–70%" in line)
        assert "Share of the harbour’s" in lines[share] or "Share of the harbour's" in lines[share]
        assert "2027" in lines[share] and "Baltic Ledger" in lines[share]
        assert "adds by 2027" in " ".join(lines[share : share + 4])  # the label wraps
        table = app.screen.query_one(FigureTable)
        assert table.virtual_size.width <= table.size.width  # no sideways scrolling


async def test_a_range_is_one_row_and_keeps_its_excerpts(sample: Brief) -> None:
    app = Host(FiguresScreen(with_range(sample), "fig-share-upper"))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        table = app.screen.query_one(FigureTable)
        assert table.row_count() == 3
        assert table.selected is not None and table.selected.amount == "60–70%"
        assert table.selected.label == LONG_LABEL
        assert any("This agreement doubles our" in line for line in screen_lines(app))


async def test_s_sorts_by_value_label_and_period_keeping_the_cursor(sample: Brief) -> None:
    app = Host(FiguresScreen(with_range(sample), "fig-su57-units"))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        table = app.screen.query_one(FigureTable)

        def amounts() -> list[str]:
            return [row.amount for row in table.rows]

        assert amounts() == ["1.2 EUR bn", "12 aircraft", "60–70%"]
        await pilot.press("r")
        assert amounts() == ["60–70%", "12 aircraft", "1.2 EUR bn"]
        assert "sorted by value" in str(app.screen.query_one("#figure-box").border_subtitle)
        assert table.selected_item_id() == "fig-su57-units"
        await pilot.press("r")
        assert amounts() == ["60–70%", "12 aircraft", "1.2 EUR bn"]  # Share…, Su-57…, Value…
        await pilot.press("r")
        assert amounts() == ["12 aircraft", "1.2 EUR bn", "60–70%"]  # 2021, 2024, 2027
        await pilot.press("r")
        assert amounts() == ["1.2 EUR bn", "12 aircraft", "60–70%"]


async def test_c_on_a_row_copies_the_figure(sample: Brief) -> None:
    app = Host(FiguresScreen(sample, "fig-su57-units"))
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard.startswith("Su-57 aircraft ordered")
