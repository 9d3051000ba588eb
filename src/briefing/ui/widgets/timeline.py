"""The Timeline pane: events in date order under year headings, one line of rows each."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from briefing.model import Brief, Event
from briefing.ui.text import safe
from briefing.ui.widgets.rows import RowList, row_style

DATE_WIDTH = 14


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

    EMPTY = "No events match the filter."
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "choose",
            "Its excerpts",
            show=False,
            id="timeline.choose",
            tooltip="Show only this event's excerpts",
        ),
    ]

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
                decade = f"{year}s"  # a decade-long event heads its group as "1990s"
                rows.append(decade if event.date.show() == decade else str(year))
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
        return Text.assemble(row.date.show(), " ", self._body(row), self._count(row))

    def row_lines(self, index: int, width: int) -> list[Text]:
        """An event's title wraps beside its date, not under it."""
        row = self.rows[index]
        if isinstance(row, str):
            return [self.row_text(index)]
        date = row.date.show()
        gutter = max(DATE_WIDTH, len(date) + 1)
        lines = list(self._body(row).wrap(self.app.console, max(width - gutter, 8)))
        count = self._count(row)
        if lines[-1].cell_len + count.cell_len <= width - gutter:
            lines[-1].append_text(count)
        else:
            lines.append(count[2:])
        first = Text(date.ljust(gutter), style=row_style(self, "timeline--date"), end="")
        result: list[Text] = []
        for number, line in enumerate(lines):
            lead = first if number == 0 else Text(" " * gutter, end="")
            line.rstrip()
            result.append(Text.assemble(lead, line, end=""))
        return result

    def _body(self, event: Event) -> Text:
        """The marker (hollow for a single source) and the title."""
        single = len(self.brief.event_sources(event)) <= 1
        marker = row_style(self, "timeline--single" if single else "timeline--sourced")
        body = Text("○ " if single else "● ", style="", end="")
        body.stylize(marker, 0, 1)
        body.append_text(safe(event.title))
        return body

    def _count(self, event: Event) -> Text:
        """`  2 sources`, dim: kept whole on the title's last line or the next."""
        sources = len(self.brief.event_sources(event))
        plural = "s" if sources != 1 else ""
        return Text(f"  {sources} source{plural}", style=row_style(self, "timeline--single"))
