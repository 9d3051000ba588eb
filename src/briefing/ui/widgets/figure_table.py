"""The figures as a table that fits its width: the value and unit first, the label wrapped
beside them, then the period and the sources' short names, each in its own column, so
nothing needs sideways scrolling even at 80 columns. A range (`60–70%`) is one row."""

from __future__ import annotations

from rich.text import Text

from briefing.brief.figures import SORTS, FigureRow, figure_rows, sort_rows
from briefing.brief.model import Brief, Source
from briefing.ui.text import safe
from briefing.ui.widgets.excerpts import short_title
from briefing.ui.widgets.rows import RowList

GAP = 2
"""Blank columns between two columns."""
SOURCES_WIDTH = 20
"""The sources column: a source's outlet or title, shortened at a word (the excerpts below
name each source in full)."""
AMOUNT_WIDTH = 12
"""The widest value and unit kept on one line (`89.09 SGD bn`); a longer one wraps."""
PERIOD_WIDTH = 10
"""The widest period kept on one line (`2009–2013`, `c. 2021`); a longer one wraps."""
SORT_NAMES = {"brief": "brief order", "value": "value", "label": "label", "period": "period"}


def source_label(source: Source, width: int = SOURCES_WIDTH) -> str:
    """A source's short name: its outlet, else its title, cut at a word to the width
    (`[Report on fighter…]`)."""
    return short_title(source.outlet or source.title, width)


class FigureTable(RowList):
    """One row per figure (a range once); `r` changes the order."""

    HELP_TITLE = "Figures table"
    EMPTY = "This brief records no figures."

    def __init__(self, brief: Brief, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.brief = brief
        self.all_rows = figure_rows(brief)
        self.order = "brief"
        self.rows = self.all_rows

    # Rows and order ------------------------------------------------------------

    def row_count(self) -> int:
        """One row per figure, a range once."""
        return len(self.rows)

    @property
    def selected(self) -> FigureRow | None:
        """The row under the cursor."""
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def selected_item_id(self) -> str | None:
        """The figure under the cursor (a range's first end)."""
        row = self.selected
        return row.id if row else None

    def select(self, figure_id: str | None) -> None:
        """Put the cursor on the row of this figure (either end of a range)."""
        index = next(
            (n for n, row in enumerate(self.rows) if figure_id in {f.id for f in row.figures}), 0
        )
        self.rows_changed(index)

    def cycle_order(self) -> str:
        """Sort by the next of SORTS, keeping the cursor on its figure; the order's name."""
        names = list(SORTS)
        self.order = names[(names.index(self.order) + 1) % len(names)]
        keep = self.selected_item_id()
        self.rows = sort_rows(self.all_rows, self.order)
        self.select(keep)
        return SORT_NAMES[self.order]

    # Columns ----------------------------------------------------------------

    def widths(self, width: int) -> tuple[int, int, int, int]:
        """The value, label, period and sources columns for this width."""
        amount = max((len(row.amount) for row in self.all_rows), default=0)
        amount = min(max(amount, len("Value")), AMOUNT_WIDTH)
        period = max((len(_period(row)) for row in self.all_rows), default=0)
        period = min(max(period, len("Period")), PERIOD_WIDTH)
        sources = SOURCES_WIDTH if width < 100 else SOURCES_WIDTH + 6
        label = max(width - amount - period - sources - 3 * GAP, 12)
        return amount, label, period, sources

    def header(self, width: int) -> Text:
        """The column names, aligned over the columns."""
        amount, label, period, sources = self.widths(width)
        cells = [Text("Value", justify="right"), Text("Figure"), Text("Period"), Text("Sources")]
        return _join([[cell] for cell in cells], (amount, label, period, sources))[0]

    def row_lines(self, index: int, width: int) -> list[Text]:
        """The row's cells side by side, each wrapped within its column."""
        row = self.rows[index]
        amount_w, label_w, period_w, sources_w = self.widths(width)
        console = self.app.console
        amount = Text(row.amount, style="bold", end="")
        cells = [
            [line for line in amount.wrap(console, amount_w, justify="right")],
            list(safe(row.label).wrap(console, label_w)),
            list(Text(_period(row), end="").wrap(console, period_w)),
            [_fitted(label, sources_w) for label in self._sources(row, sources_w)],
        ]
        return _join(cells, (amount_w, label_w, period_w, sources_w))

    def _sources(self, row: FigureRow, width: int) -> list[str]:
        sources = (self.brief.source(self.brief.excerpt(x).source) for x in row.excerpts)
        return list(dict.fromkeys(source_label(s, width) for s in sources))


def _period(row: FigureRow) -> str:
    return row.period.show() if row.period else "—"


def _fitted(text: str, width: int) -> Text:
    line = safe(text)
    line.truncate(width, overflow="ellipsis")
    return line


def _join(cells: list[list[Text]], widths: tuple[int, ...]) -> list[Text]:
    """Columns of wrapped lines side by side, each padded to its width."""
    height = max(len(column) for column in cells)
    lines = []
    for number in range(height):
        line = Text(end="")
        for column, (lines_of, width) in enumerate(zip(cells, widths, strict=True)):
            cell = lines_of[number].copy() if number < len(lines_of) else Text("")
            cell.rstrip()
            if cell.justify == "right":
                cell.pad_left(width - cell.cell_len)
            cell.pad_right(width - cell.cell_len)
            line.append_text(cell)
            if column < len(cells) - 1:
                line.append(" " * GAP)
        line.rstrip()
        lines.append(line)
    return lines
