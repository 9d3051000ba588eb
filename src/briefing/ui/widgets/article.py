"""The article text of a source as one lazily rendered, scrollable widget.

A source may have tens of thousands of paragraphs, so the text is not a widget per paragraph:
it is wrapped into a table of (paragraph, start, end) lines, and only the lines on screen are
styled and rendered (Textual's Line API). Quotes are highlighted by their character spans.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing import keys
from briefing.brief.model import Excerpt, Source, Span
from briefing.brief.passage import Place, Selection, next_sentence_end
from briefing.ui.bindings import bindings
from briefing.ui.widgets.wrapping import clean_paragraph, wrap_offsets

__all__ = ["ArticleView", "clean_paragraph", "wrap_offsets"]

Line = tuple[int, int, int]
"""One screen line: paragraph index (-1 for the gap between paragraphs), start, end."""


class ArticleView(ScrollView, can_focus=True):
    """A source's paragraphs with numbers in the gutter and its excerpts highlighted."""

    HELP_TITLE = "Article"
    """How the help heads this view's keys."""
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article--number",
        "article--mark",
        "article--current-mark",
        "article--quote",
        "article--other",
        "article--match",
        "article--current-match",
        "article--selection",
    }
    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.ARTICLE)
    DEFAULT_CSS = """
    ArticleView {
        overflow-x: hidden;
        scrollbar-gutter: stable;
        background: $surface;
        & > .article--number { color: $text-muted; }
        & > .article--mark { color: $secondary; }
        & > .article--current-mark { color: $accent; text-style: bold; }
        & > .article--quote { background: $accent 40%; color: $text; text-style: bold; }
        & > .article--other { background: $secondary 18%; }
        & > .article--match { background: $warning 35%; }
        & > .article--current-match { background: $warning; color: $background; }
        & > .article--selection { background: $primary 60%; color: $text; }
    }
    """
    MARKS = ("article--match", "article--current-match", "article--selection")
    """Highlights laid over the quotes, lowest first: search matches, then the selection."""

    class ExcerptClicked(Message):
        """The user clicked one of the article's quotes."""

        def __init__(self, excerpt_id: str) -> None:
            super().__init__()
            self.excerpt_id = excerpt_id

    class SelectionChanged(Message):
        """The selection was made, extended, taken back or dropped."""

    def __init__(
        self, source: Source, excerpts: Sequence[Excerpt], *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.source = source
        self.excerpts = {x.id: x for x in excerpts}
        self.current: str | None = None
        self._cleaned: dict[int, tuple[str, list[int] | None]] = {}
        self._styled: dict[int, Text] = {}
        self._lines: list[Line] = []
        self._first_line: list[int] = []
        self._wrapped_width = -1
        self._pending_scroll = True
        self._spans: dict[int, list[tuple[str, Span]]] = {}
        for excerpt in excerpts:
            for span in excerpt.spans:
                self._spans.setdefault(span.paragraph - 1, []).append((excerpt.id, span))
        self._marked = set(self._spans)
        self._marks: dict[str, dict[int, list[tuple[int, int]]]] = {}
        self.selection: Selection | None = None
        self._digits = len(str(len(source.paragraphs)))

    # Text ------------------------------------------------------------------

    def _clean(self, index: int) -> tuple[str, list[int] | None]:
        if (found := self._cleaned.get(index)) is None:
            found = self._cleaned[index] = clean_paragraph(self.source.paragraphs[index])
        return found

    def shown_offset(self, index: int, raw_offset: int) -> int:
        """Where a raw character offset of paragraph `index` falls in the shown text."""
        positions = self._clean(index)[1]
        if positions is None:
            return raw_offset
        return positions[min(raw_offset, len(positions) - 1)]

    def _style_paragraph(self, index: int) -> Text:
        """The paragraph's shown text with its quotes highlighted (cached while on screen)."""
        if (text := self._styled.get(index)) is not None:
            return text
        text = Text(self._clean(index)[0], end="")
        if index in self._marked:
            other = self.get_component_rich_style("article--other")
            quote = self.get_component_rich_style("article--quote")
            for excerpt_id, span in self._spans[index]:
                style = quote if excerpt_id == self.current else other
                start = self.shown_offset(index, span.start)
                text.stylize(style, start, self.shown_offset(index, span.end))
        for component in self.MARKS:
            ranges = self._marks.get(component, {}).get(index, ())
            for first, last in ranges:
                style = self.get_component_rich_style(component)
                text.stylize(style, self.shown_offset(index, first), self.shown_offset(index, last))
        if len(self._styled) > 2000:
            self._styled.clear()
        self._styled[index] = text
        return text

    def notify_style_update(self) -> None:
        """The theme changed: restyle the highlights."""
        super().notify_style_update()
        self._styled.clear()

    # Layout ----------------------------------------------------------------

    @property
    def gutter_width(self) -> int:
        """Cells taken by the paragraph number, the excerpt mark and a space."""
        return self._digits + 3

    def _rewrap(self, width: int) -> None:
        """Recompute the line table for a text width, keeping the top paragraph in view."""
        top = self._lines[int(self.scroll_y)][0] if self._lines else -1
        lines: list[Line] = []
        first: list[int] = []
        for index in range(len(self.source.paragraphs)):
            if index:
                lines.append((-1, 0, 0))
            first.append(len(lines))
            text = self._clean(index)[0]
            lines.extend((index, start, end) for start, end in wrap_offsets(text, width))
        self._lines, self._first_line, self._wrapped_width = lines, first, width
        self.virtual_size = Size(width + self.gutter_width, len(lines))
        if top > 0:
            self.scroll_to(y=first[top], animate=False, immediate=True)

    def on_resize(self) -> None:
        """Wrap the text to the new width, then show the current quote if still pending."""
        width = max(self.scrollable_content_region.width - self.gutter_width, 10)
        if width != self._wrapped_width:
            self._rewrap(width)
            self._styled.clear()
        if self._pending_scroll and self.size.height:
            self._pending_scroll = False
            self.call_after_refresh(self.scroll_to_current)

    def line_of(self, paragraph: int, offset: int = 0) -> int:
        """The screen line (from 0) showing character `offset` of 1-based `paragraph`."""
        index = paragraph - 1
        if not self._first_line or not 0 <= index < len(self._first_line):
            return 0
        line = self._first_line[index]
        shown = self.shown_offset(index, offset)
        while line + 1 < len(self._lines) and self._lines[line + 1][0] == index:
            if self._lines[line + 1][1] > shown:
                break
            line += 1
        return line

    # Excerpts --------------------------------------------------------------

    def show_excerpt(self, excerpt_id: str | None) -> None:
        """Make this excerpt the highlighted one and bring it into view."""
        self.current = excerpt_id
        self._styled.clear()
        if self._lines:
            self.scroll_to_current()
        else:
            self._pending_scroll = True
        self.refresh()

    def scroll_to_current(self) -> None:
        """Scroll so that the current quote starts a third of the way down the view."""
        excerpt = self.excerpts.get(self.current or "")
        if excerpt is None:
            return
        line = self.line_of(excerpt.paragraph, excerpt.offset)
        self.scroll_to(y=max(0, line - self.size.height // 3), animate=False, immediate=True)

    def excerpt_at(self, line: int, column: int) -> str | None:
        """The quote shown at this screen line and text column: the one under the pointer,
        else the first in that paragraph; None outside quoted paragraphs."""
        if not 0 <= line < len(self._lines) or self._lines[line][0] not in self._marked:
            return None
        paragraph, start, _end = self._lines[line]
        offset = start + max(column, 0)
        in_paragraph = [
            (i, self.shown_offset(paragraph, s.start), self.shown_offset(paragraph, s.end))
            for i, s in self._spans[paragraph]
        ]
        under = [i for i, first, last in in_paragraph if first <= offset < last]
        return (under or [in_paragraph[0][0]])[0]

    def on_click(self, event: events.Click) -> None:
        """Clicking a quote makes it the current one."""
        found = self.excerpt_at(int(self.scroll_y) + event.y, event.x - self.gutter_width)
        if found is not None:
            self.post_message(self.ExcerptClicked(found))

    # Rendering -------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """Render one screen line: gutter, then the slice of its paragraph."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        index = int(self.scroll_y) + y
        if index >= len(self._lines):
            return Strip.blank(width, base)
        paragraph, start, end = self._lines[index]
        gutter = self._gutter(paragraph, start)
        if paragraph < 0:
            body: list[Segment] = []
        else:
            piece = self._style_paragraph(paragraph)[start:end]
            piece.rstrip()
            body = list(piece.render(self.app.console))
        strip = Strip([*gutter, *body]).simplify()
        return strip.apply_style(base).extend_cell_length(width, base).crop(0, width)

    def _gutter(self, paragraph: int, start: int) -> list[Segment]:
        """The paragraph number on a paragraph's first line, and a mark if it is quoted."""
        if paragraph < 0 or start:
            number = " " * (self._digits + 1)
        else:
            number = str(paragraph + 1).rjust(self._digits + 1)
        mark, mark_style = " ", Style()
        if paragraph in self._marked:
            if any(i == self.current for i, _span in self._spans[paragraph]):
                mark, mark_style = "▌", self.get_component_rich_style("article--current-mark")
            else:
                mark, mark_style = "▏", self.get_component_rich_style("article--mark")
        return [
            Segment(number, self.get_component_rich_style("article--number")),
            Segment(mark, mark_style),
            Segment(" "),
        ]

    # Places, marks and the selection -----------------------------------------

    def raw_offset(self, index: int, shown: int) -> int:
        """Where a shown character offset of paragraph `index` falls in the raw text."""
        positions = self._clean(index)[1]
        if positions is None:
            return shown
        return max(bisect.bisect_right(positions, shown) - 1, 0)

    def top_place(self) -> Place:
        """The first character shown at the top of the view."""
        line = int(self.scroll_y)
        while line < len(self._lines) and self._lines[line][0] < 0:
            line += 1
        if line >= len(self._lines):
            return Place(0, 0)
        index, start, _end = self._lines[line]
        return Place(index, self.raw_offset(index, start))

    def scroll_to_place(self, place: Place) -> None:
        """Bring a place into view (a third of the way down) unless it is already shown."""
        line = self.line_of(place.paragraph + 1, place.offset)
        top = int(self.scroll_y)
        if not top <= line < top + self.size.height:
            self.scroll_to(y=max(0, line - self.size.height // 3), animate=False, immediate=True)

    def set_marks(self, component: str, ranges: Iterable[tuple[int, int, int]]) -> None:
        """Highlight these (paragraph index, start, end) raw ranges with a component style."""
        table: dict[int, list[tuple[int, int]]] = {}
        for index, start, end in ranges:
            table.setdefault(index, []).append((start, end))
        self._marks[component] = table
        self._styled.clear()
        self.refresh()

    def select(self, selection: Selection | None) -> None:
        """Make this the selection (None drops it), highlight it and keep its end in view."""
        self.selection = selection
        ranges = selection.ranges(self.source.paragraphs) if selection else []
        self.set_marks("article--selection", ranges)
        if selection is not None:
            self.scroll_to_place(Place(selection.end.paragraph, max(selection.end.offset - 1, 0)))
        self.post_message(self.SelectionChanged())

    def line_end_after(self, place: Place) -> Place:
        """Where a selection ending at `place` ends with one more screen line: the end of
        its own line if it stops short of it, else the end of the next line."""
        line = self.line_of(place.paragraph + 1, max(place.offset - 1, 0))
        for candidate in range(line, len(self._lines)):
            index, _start, end = self._lines[candidate]
            if index < 0:
                continue
            text = self._clean(index)[0]
            ends = Place(index, self.raw_offset(index, len(text[:end].rstrip())))
            if ends > place:
                return ends
        return place

    def action_down(self) -> None:
        """Down a line; with a selection, select one more line."""
        if self.selection is None:
            self.scroll_down(animate=False)
        else:
            self.select(self.selection.extended(self.line_end_after(self.selection.end)))

    def action_up(self) -> None:
        """Up a line; with a selection, take back its last extension."""
        if self.selection is None:
            self.scroll_up(animate=False)
        else:
            self.select(self.selection.taken_back())

    def action_sentence(self, direction: int) -> None:
        """With a selection: one more sentence (1), or take back the last extension (-1)."""
        if self.selection is None:
            self.app.bell()
        elif direction > 0:
            end = next_sentence_end(self.source.paragraphs, self.selection.end)
            self.select(self.selection.extended(end))
        else:
            self.select(self.selection.taken_back())
