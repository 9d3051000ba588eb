"""The article text of a source as one lazily rendered, scrollable widget.

A source may have tens of thousands of paragraphs, so the text is not a widget per paragraph:
it is wrapped into a table of (paragraph, start, end) lines, and only the lines on screen are
styled and rendered (Textual's Line API). Quotes are highlighted by their character spans.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
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
from briefing.sanitize import sanitize
from briefing.ui.bindings import bindings

_WORD = re.compile(r"\S+\s*|\s+")
Line = tuple[int, int, int]
"""One screen line: paragraph index (-1 for the gap between paragraphs), start, end."""


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of one paragraph into (start, end) character ranges of `width` cells.

    Only offsets are computed, so the styled text can be sliced later for just the lines
    on screen. Words longer than a line are split.
    """
    width = max(width, 1)
    measure = len if text.isascii() else cell_len
    if measure(text) <= width:
        return [(0, len(text))]
    lines: list[tuple[int, int]] = []
    start = used = 0
    for match in _WORD.finditer(text):
        word_start, word_end = match.span()
        size = measure(match.group().rstrip())
        if used and used + size > width:
            lines.append((start, word_start))
            start, used = word_start, 0
        while size > width:
            cut = _cut(text, start, width)
            lines.append((start, cut))
            start = cut
            size = measure(text[start:word_end].rstrip())
        used += measure(text[max(start, word_start) : word_end])
    lines.append((start, len(text)))
    return lines


def _cut(text: str, start: int, width: int) -> int:
    """The end of the longest run of characters from `start` that fits in `width` cells."""
    end = start + 1
    while end < len(text) and cell_len(text[start : end + 1]) <= width:
        end += 1
    return end


def clean_paragraph(raw: str) -> tuple[str, list[int] | None]:
    """The paragraph made safe to show, and a map from raw offsets to shown ones.

    The map is None when sanitising changed nothing (the usual case): offsets are the same.
    Tabs become single spaces so that one character is one cell as the wrapper assumes.
    """
    shown = sanitize(raw)
    if shown == raw:
        return raw.replace("\t", " "), None
    positions: list[int] = []
    parts: list[str] = []
    length = 0
    for char in raw:
        positions.append(length)
        piece = sanitize(char)
        parts.append(piece)
        length += len(piece)
    positions.append(length)
    return "".join(parts).replace("\t", " "), positions


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
    }
    """

    class ExcerptClicked(Message):
        """The user clicked one of the article's quotes."""

        def __init__(self, excerpt_id: str) -> None:
            super().__init__()
            self.excerpt_id = excerpt_id

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
