"""Figures: the brief's key numbers as a table that fits, with the excerpts that state
the selected one below it."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from briefing import keys
from briefing.brief.model import Brief, Excerpt
from briefing.ui.bindings import bindings
from briefing.ui.screens.base import ItemList, ItemsScreen, excerpt_prompt
from briefing.ui.widgets.figure_table import FigureTable
from briefing.ui.widgets.rows import RowList


class FiguresScreen(ItemsScreen):
    """The figures table; a row's excerpts below it; Enter on an excerpt dismisses with its id."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.FIGURES_SCREEN)
    DEFAULT_CSS = """
    FiguresScreen {
        #figure-box {
            height: 3fr;
            border: round $primary 60%;
            &:focus-within { border: round $accent; }
        }
        #figure-header { height: 1; text-style: bold; padding: 0 1; color: $text-muted; }
        #figure-table { height: 1fr; padding: 0 1; scrollbar-size-vertical: 1; }
        #figure-table > .row-list--cursor { background: $panel; }
        #figure-table:focus > .row-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        #figure-excerpts {
            height: 2fr;
            border: round $primary 60%;
            &:focus { border: round $accent; }
        }
        #figure-excerpts > .option-list--option { padding: 0 1 1 1; }
    }
    """

    def __init__(self, brief: Brief, figure_id: str | None = None) -> None:
        super().__init__(brief)
        self.figure_id = figure_id

    def compose(self) -> ComposeResult:
        """The table (its column names above it) above the selected figure's excerpts."""
        with Vertical(id="figure-box"):
            yield Static(id="figure-header")
            yield FigureTable(self.brief, id="figure-table")
        excerpts = ItemList(id="figure-excerpts")
        excerpts.border_title = "Stated in"
        yield excerpts
        yield Footer()

    def on_mount(self) -> None:
        """Put the cursor on the figure asked for (or the first) and focus the table."""
        table = self.query_one(FigureTable)
        self._title("brief order")
        table.select(self.figure_id)
        table.focus()
        if not table.rows:
            self.query_one(OptionList).add_option(Option("This brief records no figures."))

    def on_resize(self) -> None:
        """The column names follow the columns' widths."""
        tables, headers = self.query(FigureTable), self.query("#figure-header").results(Static)
        shown = next(headers, None)
        if not tables or shown is None:  # a resize reaching a screen that is closing
            return
        table = tables.first()
        shown.update(table.header(table.scrollable_content_region.width or self.size.width - 4))

    def _title(self, order: str) -> None:
        table = self.query_one(FigureTable)
        box = self.query_one("#figure-box")
        box.border_title = f"Figures · {len(table.rows):,}"
        box.border_subtitle = f"sorted by {order} · r sorts"

    @on(RowList.Highlighted, "#figure-table")
    def _show_figure(self) -> None:
        """List the highlighted figure's excerpts."""
        row = self.query_one(FigureTable).selected
        if row is None:
            return
        self.figure_id = row.id
        excerpts = self.query_one("#figure-excerpts", OptionList)
        excerpts.clear_options()
        excerpts.add_options(
            Option(excerpt_prompt(self.brief, self.brief.excerpt(x)), id=x) for x in row.excerpts
        )
        excerpts.highlighted = 0 if row.excerpts else None
        self.call_after_refresh(self.on_resize)

    @on(RowList.Chosen, "#figure-table")
    def _enter_figure(self) -> None:
        """Enter on a row moves to its excerpts."""
        self.query_one("#figure-excerpts", OptionList).focus()

    @on(OptionList.OptionSelected, "#figure-excerpts")
    def _open_excerpt(self, event: OptionList.OptionSelected) -> None:
        """Enter on an excerpt: the caller opens it."""
        if event.option.id is not None:
            self.dismiss(event.option.id)

    def action_cycle_sort(self) -> None:
        """Sort the table by the next order (brief, value, label, period)."""
        order = self.query_one(FigureTable).cycle_order()
        self._title(order)

    def open_quote(self, excerpt: Excerpt) -> None:
        """o: the quote in its article, over this screen (Escape comes back here)."""
        from briefing.ui.screens.source import SourceReaderScreen

        self.app.push_screen(SourceReaderScreen(self.brief, excerpt.source, excerpt.id))
