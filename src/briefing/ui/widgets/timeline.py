"""The Timeline pane: events in date order under year headings, one line of rows each."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType

from briefing import keys
from briefing.brief.dates import show_within_year, year_heading
from briefing.brief.model import Brief, Event
from briefing.ui.bindings import bindings
from briefing.ui.text import safe
from briefing.ui.widgets.rows import RowList, row_style

DATE_WIDTH = 10
"""The date column: `c. 24 Feb`, `2009–2013`; a longer date widens its own row."""
MARKER_WIDTH = 2
"""The sources marker and the space after it."""


class Timeline(RowList):
    """Events grouped by year; each row shows the date at its own precision, the title and
    how many sources stand behind the event (single-source events get a hollow marker)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "row-list--cursor",
        "timeline--year",
        "timeline--date",
        "timeline--sourced",
        "timeline--single",
    }
    DEFAULT_CSS = """
    Timeline {
        & > .timeline--year { color: $text-accent; text-style: bold underline; }
        & > .timeline--date { color: $text-secondary; }
        & > .timeline--sourced { color: $text-success; }
        /* Quieter than the text, yet legible in light themes (dim is about 3:1 there). */
        & > .timeline--single { color: $foreground 68%; }
    }
    """

    EMPTY = "No events match the filter."
    HELP_TITLE = "Timeline"
    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.TIMELINE)

    def __init__(self, brief: Brief, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.brief = brief
        self.rows: list[str | Event] = []

    def show_events(self, events: tuple[Event, ...], select: str | None = None) -> None:
        """Show these events (already chronological), with the cursor on `select` if given."""
        rows: list[str | Event] = []
        year: int | None = None
        for event in events:
            if event.date.year != year:
                year = event.date.year
                rows.append(year_heading(event.date))
            rows.append(event)
        self.rows = rows
        self.rows_changed(self.index_of(select) if select else 0)

    def index_of(self, event_id: str) -> int:
        """The row of the event, or 0 when it is not shown."""
        for index, row in enumerate(self.rows):
            if isinstance(row, Event) and row.id == event_id:
                return index
        return 0

    @property
    def event_count(self) -> int:
        """How many events are shown."""
        return sum(isinstance(row, Event) for row in self.rows)

    def event_at(self, index: int) -> Event | None:
        """The event on a row, or None for a heading or an empty list."""
        row = self.rows[index] if 0 <= index < len(self.rows) else None
        return row if isinstance(row, Event) else None

    def row_count(self) -> int:
        """Headings and events."""
        return len(self.rows)

    def row_selectable(self, index: int) -> bool:
        """Only events take the cursor."""
        return isinstance(self.rows[index], Event)

    def row_text(self, index: int) -> Text:
        """A year heading, or an event on one line (see `row_lines` for the wrapped form)."""
        row = self.rows[index]
        if isinstance(row, str):
            return Text(row, style=row_style(self, "timeline--year"))
        marker, title, count = self._marker(row), safe(row.title), self._count(row)
        return Text.assemble(event_date(row), " ", marker, title, count)

    def row_lines(self, index: int, width: int) -> list[Text]:
        """An event as a date column, its marker, and the title wrapped in a hanging indent
        (continuation lines start under the title); the source count ends the last line.
        A date too long for its column (`Apr 2024 – Mar 2025`) takes a line of its own
        above, so that markers and titles stay in one column."""
        row = self.rows[index]
        if isinstance(row, str):
            return [self.row_text(index)]
        date = event_date(row)
        indent = DATE_WIDTH + MARKER_WIDTH
        room = max(width - indent, 8)
        lines = list(safe(row.title).wrap(self.app.console, room))
        count = self._count(row)
        if lines[-1].cell_len + count.cell_len <= room:
            lines[-1].append_text(count)
        else:
            lines.append(count[2:])
        date_style = row_style(self, "timeline--date")
        own_line = len(date) >= DATE_WIDTH
        date_cell = Text("" if own_line else date, style=date_style, end="")
        date_cell.pad_right(DATE_WIDTH - date_cell.cell_len)
        result = [Text(date, style=date_style, end="")] if own_line else []
        for number, line in enumerate(lines):
            line.rstrip()
            lead = Text.assemble(date_cell, self._marker(row)) if number == 0 else " " * indent
            result.append(Text.assemble(lead, line, end=""))
        return result

    def _marker(self, event: Event) -> Text:
        """`● ` for an event several sources stand behind, a hollow `○ ` for a single one."""
        single = len(self.brief.event_sources(event)) <= 1
        marker = row_style(self, "timeline--single" if single else "timeline--sourced")
        return Text.assemble(("○" if single else "●", marker), " ", end="")

    def _count(self, event: Event) -> Text:
        """`  2 sources`, dim: kept whole on the title's last line or the next."""
        sources = len(self.brief.event_sources(event))
        plural = "s" if sources != 1 else ""
        return Text(f"  {sources} source{plural}", style=row_style(self, "timeline--single"))


def event_date(event: Event) -> str:
    """The event's date as its row shows it, under the heading of the year it starts in:
    without that year (`24 Feb`, `c. Jun`, empty for the year itself) unless it spans more."""
    return show_within_year(event.date, event.date.year)
