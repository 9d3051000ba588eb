"""Prose from a brief (its summary, a topic's summary) with its citation markers.

Every piece of a brief's prose that may carry inline citations (`[@q-id; @q-id2]`) is
drawn here, so that how a marker looks and behaves is decided in one place: a compact
marker after each backed claim (`briefing.ui.claims`), never the raw `[@…]`. The markers
are selectable: ←/→ (or [ and ]) move between them, Enter or a click lists the quotes
behind the claim (`EvidenceScreen`), from which any opens in its article.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import BindingType
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing import keys
from briefing.brief.model import Brief
from briefing.brief.prose import read_prose
from briefing.ui.bindings import bindings
from briefing.ui.claims import has_marker, prose_text
from briefing.ui.widgets.claim_markers import ClaimMarkers
from briefing.ui.widgets.rows import row_style
from briefing.ui.widgets.wrapping import wrap_offsets


class Prose(ClaimMarkers, ScrollView, can_focus=True):
    """A focusable, scrollable block of prose whose claim markers can be selected.

    Drawn line by line (Textual's line API): the prose is wrapped once for each width and
    only the lines in view are rendered. The overview's summary as one Static in a
    scrolling container was wrapped twice and drawn whole: a sixth of the first frame.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"prose--marker", "prose--selected"}
    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.PROSE)
    HELP_TITLE = "Summary"
    DEFAULT_CSS = """
    Prose {
        overflow-x: hidden;
        & > .prose--marker { color: $text-accent; text-style: bold; }
        & > .prose--selected { color: $text-accent; text-style: bold reverse; }
    }
    """

    def __init__(
        self,
        brief: Brief,
        text: str | None,
        *,
        empty: str,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.brief = brief
        self.text = text
        self.empty = empty
        """What shows when there is no prose."""
        self.reading = read_prose(brief, text)
        self.claims = tuple(s for s in self.reading.sentences if s.evidence is not None)
        self._lines: list[Text] = []
        self._lines_key: tuple[object, ...] | None = None
        self._strips: dict[int, Strip] = {}
        self._base: Style | None = None
        """The widget's own style, under every line (until its styles change)."""

    @property
    def claims_brief(self) -> Brief:
        """The brief the prose is from."""
        return self.brief

    def on_mount(self) -> None:
        """Say how to reach the evidence when the prose cites any."""
        if self.claims:
            self.border_subtitle = "←/→ a claim's marker · Enter its quotes"

    def notify_style_update(self) -> None:
        """Focus, theme or CSS changed the widget's style: draw the lines in the new one."""
        super().notify_style_update()
        self._base = None
        self._strips.clear()

    def _on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        """Scroll over as many lines as the prose wraps to at this width."""
        width = self.scrollable_content_region.width
        self.virtual_size = Size(width, len(self._wrapped(width)))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many lines as the prose wraps to (for `height: auto`)."""
        return len(self._wrapped(width))

    def _wrapped(self, width: int) -> list[Text]:
        """The prose as drawn now, wrapped to the width; made again only when the width,
        the selected marker or the theme changes."""
        key = (width, self.selected_claim, self.app.theme)
        if key != self._lines_key:
            self._lines_key = key
            self._strips.clear()
            self._lines = []
            for paragraph in self.rendered().split("\n", allow_blank=True):
                cuts = [end for _, end in wrap_offsets(paragraph.plain, width)]
                self._lines.extend(paragraph.divide(cuts[:-1]))
        return self._lines

    def render_line(self, y: int) -> Strip:
        """One line in view (each drawn once while the lines and their style stay)."""
        width = self.scrollable_content_region.width
        lines = self._wrapped(width)
        if self._base is None:  # Textual works it out from every ancestor each time
            self._base = self.rich_style
        base, index = self._base, int(self.scroll_y) + y
        if not 0 <= index < len(lines):
            return Strip.blank(width, base)
        strip = self._strips.get(index)
        if strip is None:
            line = lines[index]
            own = line.style if isinstance(line.style, Style) else Style.parse(line.style)
            segments = Segment.apply_style(line.render(self.app.console), base + own)
            strip = Strip(segments).extend_cell_length(width, base).crop(0, width)
            self._strips[index] = strip
        return strip

    def action_claim(self, number: int) -> None:
        """A marker was clicked: list the quotes behind its claim."""
        self.open_claim(number)

    def show_selected_claim(self) -> None:
        """Show the newly selected marker, scrolled into view."""
        self.refresh()
        self._scroll_to_selected()

    def action_copy(self) -> None:
        """Copy the prose with each claim's citations in the app's citation style."""
        from briefing.cite.citations import cite_prose
        from briefing.cite.style_names import STYLE_NAMES
        from briefing.ui.copying import copy_text

        style = getattr(self.app, "citation_style", "plain")
        title = f"{self.brief.title} — {self.border_title or 'Summary'}"
        text = cite_prose(self.brief, title, self.text or "", style)
        copy_text(self.app, text, f"the summary ({STYLE_NAMES[style]})", f"{self.brief.id}-summary")

    def rendered(self) -> Text:
        """The prose as drawn now, with the current marker selected."""
        if not self.reading.sentences:
            return Text(self.empty, "italic", end="")
        return prose_text(
            self.reading,
            marker_style=row_style(self, "prose--marker"),
            selected=self.selected_claim,
            selected_style=row_style(self, "prose--selected"),
            click="claim",
        )

    def _scroll_to_selected(self) -> None:
        """Scroll so that the selected marker's line shows."""
        width = self.scrollable_content_region.width
        for index, line in enumerate(self._wrapped(width)):
            if has_marker(line, self.selected_claim):
                self.scroll_to_region(Region(0, index, width, 1), animate=False, immediate=True)
                return

    @property
    def plain(self) -> str:
        """The prose as a reader sees it."""
        return self.rendered().plain if self.reading.sentences else self.empty
