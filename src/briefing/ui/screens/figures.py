"""Figures: the brief's key numbers as a table, with the excerpts that state each one."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import DataTable, Footer, OptionList
from textual.widgets.option_list import Option

from briefing import keys
from briefing.brief.model import Brief, Figure
from briefing.ui.bindings import bindings
from briefing.ui.screens.base import ItemList, ItemsScreen, excerpt_prompt
from briefing.ui.text import safe_line

COLUMNS = ("Figure", "Value", "Unit", "Period", "Sources")
SOURCES_WIDTH = 24
"""Source titles are long; the excerpts below name each one in full."""


def figure_row(brief: Brief, figure: Figure) -> tuple[Text, ...]:
    """A figure's cells: label, value (right-aligned), unit, period at its precision, sources."""
    sources = dict.fromkeys(brief.source(brief.excerpt(x).source).title for x in figure.excerpts)
    period = Text(figure.period.show(), end="") if figure.period else Text("—", "dim", end="")
    return (
        safe_line(figure.label),
        Text(figure.shown_value, justify="right", end=""),
        safe_line(figure.unit),
        period,
        safe_line("; ".join(sources)),
    )


class FigureTable(DataTable[Text]):
    """The figures table; it also moves with j and k."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.FIGURE_TABLE)


class FiguresScreen(ItemsScreen):
    """The figures table; a row's excerpts below it; Enter on an excerpt dismisses with its id."""

    DEFAULT_CSS = """
    FiguresScreen {
        #figure-table {
            height: auto;
            max-height: 60%;
            border: round $primary 60%;
            &:focus { border: round $accent; }
        }
        #figure-excerpts {
            height: 1fr;
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
        """The table above the selected figure's excerpts."""
        table = FigureTable(id="figure-table", cursor_type="row", zebra_stripes=True)
        table.border_title = "Figures"
        yield table
        excerpts = ItemList(id="figure-excerpts")
        excerpts.border_title = "Stated in"
        yield excerpts
        yield Footer()

    def on_mount(self) -> None:
        """Fill the table and put the cursor on the figure asked for (or the first)."""
        table = self.query_one("#figure-table", DataTable)
        for column in COLUMNS:
            width = SOURCES_WIDTH if column == "Sources" else None
            table.add_column(column, key=column.lower(), width=width)
        for figure in self.brief.figures:
            table.add_row(*figure_row(self.brief, figure), key=figure.id)
        ids = [f.id for f in self.brief.figures]
        if not ids:
            self.query_one(OptionList).add_option(Option("This brief records no figures."))
        elif self.figure_id in ids:
            table.move_cursor(row=ids.index(self.figure_id))
        table.focus()

    @on(DataTable.RowHighlighted, "#figure-table")
    def _show_figure(self, event: DataTable.RowHighlighted) -> None:
        """List the highlighted figure's excerpts."""
        figure = self.brief.items[str(event.row_key.value)]
        assert isinstance(figure, Figure)
        self.figure_id = figure.id
        excerpts = self.query_one("#figure-excerpts", OptionList)
        excerpts.clear_options()
        excerpts.add_options(
            Option(excerpt_prompt(self.brief, self.brief.excerpt(x)), id=x) for x in figure.excerpts
        )
        excerpts.highlighted = 0 if figure.excerpts else None

    @on(DataTable.RowSelected, "#figure-table")
    def _enter_figure(self) -> None:
        """Enter on a row moves to its excerpts."""
        self.query_one("#figure-excerpts", OptionList).focus()

    @on(OptionList.OptionSelected, "#figure-excerpts")
    def _open_excerpt(self, event: OptionList.OptionSelected) -> None:
        """Enter on an excerpt: the caller opens it."""
        if event.option.id is not None:
            self.dismiss(event.option.id)
