"""The Excerpts pane: each quote wrapped in full, then its source and paragraph."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType

from briefing import keys
from briefing.brief.model import Brief, Excerpt, Source
from briefing.ui.bindings import bindings
from briefing.ui.text import safe, safe_line
from briefing.ui.widgets.rows import RowList, row_style
from briefing.views.details import source_value


class ExcerptList(RowList):
    """Quotes, never cut: the row wraps to as many lines as the quote needs."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-list--cursor", "excerpts--source"}
    DEFAULT_CSS = """
    ExcerptList > .excerpts--source { color: $foreground 68%; }
    """

    EMPTY = "No excerpts match the filter."
    HELP_TITLE = "Excerpts"
    ROW_GAP = 1
    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.EXCERPTS)

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
        """The quote as written (it may hold its own quotation marks), then a short line
        saying where it comes from (the Detail pane has the source in full)."""
        excerpt = self.excerpts[index]
        return Text.assemble(safe(excerpt.quote), "\n", self._where(excerpt), end="")

    def row_lines(self, index: int, width: int) -> list[Text]:
        """The quote wrapped to the width; its attribution indented, and wrapping under
        itself rather than under the quote."""
        excerpt = self.excerpts[index]
        console, width = self.app.console, max(width, 1)
        lines = list(safe(excerpt.quote).wrap(console, width))
        indent = min(ATTRIBUTION_INDENT, width // 4)
        dim = row_style(self, "excerpts--source")
        for number, line in enumerate(self._where(excerpt).wrap(console, max(width - indent, 8))):
            lead = ("  — " if number == 0 else " " * indent)[ATTRIBUTION_INDENT - indent :]
            lines.append(Text.assemble((lead, dim), line, end=""))
        return lines

    def _where(self, excerpt: Excerpt) -> Text:
        """The excerpt's attribution, dim."""
        source = self.brief.source(excerpt.source)
        where = attribution(source, excerpt.paragraph)
        where.stylize(row_style(self, "excerpts--source"))
        return where


ATTRIBUTION_INDENT = 4
"""The attribution line starts `  — ` under its quote."""
TITLE_WIDTH = 40
"""How much of a source's title an attribution shows when the outlet is unknown."""
LINKING_WORDS = frozenset(
    ["a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with"]
)
"""Words a shortened title does not end on."""


def short_title(title: str, width: int = TITLE_WIDTH) -> str:
    """The title cut at a word to about `width` characters with an ellipsis; a descriptive
    title keeps its square brackets: `[India and Russia step up exchanges…]`."""
    bracketed = title.startswith("[") and title.endswith("]")
    inner = title[1:-1] if bracketed else title
    if len(title) > width:
        cut = inner[: width - 1 - 2 * bracketed]
        if inner[len(cut)] != " " and " " in cut[width // 2 :]:  # cut at a word
            cut = cut[: cut.rindex(" ")]
        words = cut.split(" ")
        while len(words) > 3 and words[-1].lower() in LINKING_WORDS:  # not "…exchanges as…"
            words.pop()
        inner = " ".join(words).rstrip(" ,;:.–—-") + "…"
    return f"[{inner}]" if bracketed else inner


def attribution(source: Source, paragraph: int) -> Text:
    """`DW, 1–4 Dec 2025 ¶ 3` when the outlet is known, else the short title then `¶ 3`;
    inferred values in square brackets, as everywhere else."""
    outlet = source_value(source, "outlet", source.outlet) if source.outlet else None
    parts = [outlet] if outlet else [short_title(source.title)]
    if source.outlet and source.published:
        parts.append(source_value(source, "published", source.published.show()))
    return Text.assemble(safe_line(", ".join(parts)), f" ¶ {paragraph}", end="")
