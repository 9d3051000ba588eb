"""The Excerpts pane: each quote wrapped in full, then its source and paragraph."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from briefing.model import Brief, Excerpt
from briefing.ui.text import safe, safe_line
from briefing.ui.widgets.rows import RowList, row_style


class ExcerptList(RowList):
    """Quotes, never cut: the row wraps to as many lines as the quote needs."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-list--cursor", "excerpts--source"}

    EMPTY = "No excerpts match the filter."
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "choose",
            "Open",
            show=False,
            id="excerpts.choose",
            tooltip="Open the article at this quote",
        ),
    ]

    def __init__(self, brief: Brief, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.brief = brief
        self.excerpts: tuple[Excerpt, ...] = ()

    def show_excerpts(self, excerpts: tuple[Excerpt, ...], select: str | None = None) -> None:
        """Show these excerpts, with the cursor on `select` if it is among them."""
        self.excerpts = excerpts
        self.rows_changed(self.index_of(select) if select else 0)

    def index_of(self, excerpt_id: str) -> int:
        """The row of the excerpt, or 0 when it is not shown."""
        for index, excerpt in enumerate(self.excerpts):
            if excerpt.id == excerpt_id:
                return index
        return 0

    def excerpt_at(self, index: int) -> Excerpt | None:
        """The excerpt on a row, if any."""
        return self.excerpts[index] if 0 <= index < len(self.excerpts) else None

    def row_count(self) -> int:
        """One row per excerpt."""
        return len(self.excerpts)

    def row_text(self, index: int) -> Text:
        """The quote as written (it may hold its own quotation marks), then its source."""
        excerpt = self.excerpts[index]
        source = self.brief.source(excerpt.source)
        text = safe(excerpt.quote)
        text.append("\n")
        where = Text("  — ", style=row_style(self, "excerpts--source"), end="")
        where.append_text(safe_line(source.outlet or source.title))
        where.append(f", ¶ {excerpt.paragraph}")
        text.append_text(where)
        return text
