"""A virtual list of wrapped rows: only the rows on screen are ever rendered.

`OptionList` measures every option's wrapped height up front, which takes seconds at 100k
rows. Here the scroll position counts rows, not lines: `scroll_y` is the first row shown,
so opening, scrolling and moving the cursor cost the same at 10 rows or 100k.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from briefing import keys
from briefing.ui.bindings import bindings


class RowList(ScrollView, can_focus=True):
    """A focusable list whose rows are Rich `Text`, wrapped to the width and drawn lazily.

    Subclasses say how many rows there are (`row_count`), draw one (`row_text`), and which
    rows the cursor may rest on (`row_selectable`: headings are not).
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-list--cursor"}
    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.ROWS)

    EMPTY = "Nothing to show."
    """What an empty list says instead of showing nothing."""
    ROW_GAP = 0
    """Blank lines between rows (never highlighted by the cursor)."""

    cursor: reactive[int] = reactive(-1, always_update=True, init=False)
    """The row under the cursor, or -1 when the list is empty."""

    class Highlighted(Message):
        """The cursor moved onto a row."""

        def __init__(self, row_list: RowList, index: int) -> None:
            super().__init__()
            self.row_list = row_list
            self.index = index

        @property
        def control(self) -> RowList:
            """The list the cursor moved in."""
            return self.row_list

    class Chosen(Highlighted):
        """The user pressed Enter on a row or clicked it."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._lines: list[tuple[Strip, int]] = []
        self._lines_key: tuple[object, ...] | None = None
        self._generation = 0
        self._wrapped: dict[tuple[int, int], list[Text]] = {}

    # What subclasses provide ----------------------------------------------

    def row_count(self) -> int:
        """How many rows the list has."""
        return 0

    def row_text(self, index: int) -> Text:
        """The row's content; it is wrapped to the list's width."""
        return Text(str(index))

    def row_lines(self, index: int, width: int) -> list[Text]:
        """The row as lines no wider than width; by default `row_text` word-wrapped."""
        return list(self.row_text(index).wrap(self.app.console, max(width, 1)))

    def row_selectable(self, index: int) -> bool:
        """Whether the cursor may rest on this row."""
        return True

    # Content changes --------------------------------------------------------

    def rows_changed(self, cursor: int = 0) -> None:
        """Call after the rows changed: resets the scroll and puts the cursor on `cursor`."""
        self._generation += 1
        self._wrapped.clear()
        count = self.row_count()
        self._size_to_rows()
        self.scroll_to(y=0, animate=False)
        self.cursor = self._nearest_selectable(min(cursor, count - 1), 1)
        self.refresh()

    def _on_resize(self, event: events.Resize) -> None:
        self._size_to_rows()
        self.call_after_refresh(self._show_cursor)

    def _size_to_rows(self) -> None:
        """The scroll range counts rows: any row may scroll to the top. A short list that
        fits the view does not scroll at all (and shows no scrollbar); that is only
        measured when there are fewer rows than lines, so it stays cheap at 100k rows."""
        count, (width, height) = self.row_count(), self.size
        fits = count <= height and sum(map(self._row_height, range(count))) <= height
        self.virtual_size = Size(width, height if fits else count + max(height - 1, 0))

    # Cursor -----------------------------------------------------------------

    def _nearest_selectable(self, index: int, step: int) -> int:
        """The first selectable row from index in the direction of step, else the other way."""
        count = self.row_count()
        if count == 0:
            return -1
        index = max(0, min(index, count - 1))
        for direction in (step, -step):
            probe = index
            while 0 <= probe < count:
                if self.row_selectable(probe):
                    return probe
                probe += direction
        return -1

    def watch_cursor(self, cursor: int) -> None:
        """Keep the cursor row on screen and tell the screen about it."""
        self._show_cursor()
        self.refresh()
        if cursor >= 0:
            self.post_message(self.Highlighted(self, cursor))

    def _wrapped_row(self, index: int, width: int) -> list[Text]:
        """`row_lines`, remembered for the rows seen lately (moving the cursor redraws the
        view, but rarely changes which rows are in it)."""
        key = (index, width)
        lines = self._wrapped.get(key)
        if lines is None:
            if len(self._wrapped) > 512:
                self._wrapped.clear()
            lines = self._wrapped[key] = self.row_lines(index, width)
        return lines

    def _row_height(self, index: int) -> int:
        """The row's lines and the gap after it."""
        return len(self._wrapped_row(index, self.scrollable_content_region.width)) + self.ROW_GAP

    def _show_cursor(self) -> None:
        """Scroll so that the whole cursor row is visible."""
        cursor, top, height = self.cursor, int(self.scroll_y), self.scrollable_content_region.height
        if cursor < 0 or height <= 0:
            return
        if cursor < top:
            self.scroll_to(y=cursor, animate=False)
            return
        used = 0
        for index in range(top, cursor + 1):
            used += self._row_height(index)
            if used > height:
                break
        else:
            return
        new_top, used = cursor, self._row_height(cursor)
        while new_top > 0 and used + self._row_height(new_top - 1) <= height:
            new_top -= 1
            used += self._row_height(new_top)
        self.scroll_to(y=new_top, animate=False)

    def move_cursor(self, step: int) -> None:
        """Move the cursor by step selectable rows (or as far as possible)."""
        target = self._nearest_selectable(self.cursor + step, 1 if step > 0 else -1)
        if target >= 0:
            self.cursor = target

    def action_cursor_up(self) -> None:
        """Move the cursor up a row."""
        self.move_cursor(-1)

    def action_cursor_down(self) -> None:
        """Move the cursor down a row."""
        self.move_cursor(1)

    def action_page_up(self) -> None:
        """Move the cursor up by about a screenful of rows."""
        self.move_cursor(-max(len({row for _, row in self._lines if row >= 0}) - 1, 1))

    def action_page_down(self) -> None:
        """Move the cursor down by about a screenful of rows."""
        self.move_cursor(max(len({row for _, row in self._lines if row >= 0}) - 1, 1))

    def action_first(self) -> None:
        """Move the cursor to the first row."""
        self.cursor = self._nearest_selectable(0, 1)

    def action_last(self) -> None:
        """Move the cursor to the last row."""
        self.cursor = self._nearest_selectable(self.row_count() - 1, -1)

    def action_choose(self) -> None:
        """Tell the screen the cursor row was chosen."""
        if self.cursor >= 0:
            self.post_message(self.Chosen(self, self.cursor))

    async def _on_click(self, event: events.Click) -> None:
        """A click puts the cursor on the row under the pointer; a double click chooses it."""
        index = self.row_at(event.y)
        if index is not None and self.row_selectable(index):
            self.cursor = index
            if event.chain >= 2:
                self.action_choose()

    def row_at(self, y: int) -> int | None:
        """The row drawn at line y of the widget, if any."""
        self._layout_lines()
        row = self._lines[y][1] if 0 <= y < len(self._lines) else -1
        return row if row >= 0 else None

    # Drawing ----------------------------------------------------------------

    def notify_style_update(self) -> None:
        """Theme or focus changed: redraw with the new styles."""
        super().notify_style_update()
        self._lines_key = None
        self._wrapped.clear()

    def _layout_lines(self) -> None:
        """Wrap the rows from the top of the view until the view is full."""
        region = self.scrollable_content_region
        width, height, top = region.width, region.height, int(self.scroll_y)
        key = (width, height, top, self.cursor, self._generation, self.has_focus, self.app.theme)
        if key == self._lines_key:
            return
        self._lines_key = key
        base = self.rich_style
        cursor_style = base + self.get_component_rich_style("row-list--cursor")
        lines: list[tuple[Strip, int]] = []
        index, count = top, self.row_count()
        if count == 0:
            empty = [Segment(self.EMPTY, base + Style(italic=True, dim=True))]
            strip = Strip(empty).extend_cell_length(width, base)
            lines.append((strip.crop(0, width), -1))
        gap = Strip.blank(width, base)
        while len(lines) < height and index < count:
            if index > top:
                lines.extend([(gap, -1)] * self.ROW_GAP)
            on_cursor = index == self.cursor
            style = cursor_style if on_cursor else base
            for line in self._wrapped_row(index, width):
                # Text.render leaves the Text's own style out; add it under the spans. On
                # the cursor row the cursor's colours win, so every part stays legible.
                own = line.style if isinstance(line.style, Style) else Style.parse(line.style)
                segments = Segment.apply_style(
                    line.render(self.app.console), base + own, cursor_style if on_cursor else None
                )
                strip = Strip(segments).extend_cell_length(width, style)
                lines.append((strip.crop(0, width), index))
            index += 1
        self._lines = lines

    def visible_lines(self) -> list[str]:
        """The text of the lines on screen, as the user reads them."""
        self._layout_lines()
        return [strip.text.rstrip() for strip, _ in self._lines]

    def render_line(self, y: int) -> Strip:
        """One line of the view."""
        self._layout_lines()
        if y < len(self._lines):
            return self._lines[y][0]
        return Strip.blank(self.scrollable_content_region.width, self.rich_style)

    def watch_scroll_y(self, old: float, new: float) -> None:
        """Scrolling changes which rows are drawn."""
        super().watch_scroll_y(old, new)
        self.refresh()


def row_style(widget: Widget, name: str) -> Style:
    """A component style of the widget, for drawing parts of its content: only what the
    component sets, with a translucent colour (`$foreground 68%`) blended as it shows."""
    partial = widget.get_component_rich_style(name, partial=True)
    if partial.color is None:
        return partial
    shown = widget.get_component_rich_style(name, partial=False).color
    return partial + Style(color=shown)
