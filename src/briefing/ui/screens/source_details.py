"""A source's full provenance (title, outlet, author, date, URL and the brief's notes),
over the source reader, scrollable so that long notes are readable at any size."""

from __future__ import annotations

from typing import ClassVar
from urllib.parse import urlsplit

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing import keys
from briefing.brief.model import Source
from briefing.ui.bindings import bindings
from briefing.ui.screens.base import UNKNOWN, source_facts, source_field
from briefing.ui.text import link_text, safe, safe_line
from briefing.views.details import source_value


def source_line(source: Source) -> Text:
    """The source on one line: title, outlet, date and the link's host (clickable)."""
    title = source_value(source, "title", source.title)
    line = safe_line(title, "bold")
    published = source.published.show() if source.published else None
    for key, value in (("outlet", source.outlet), ("published", published)):
        if value:
            line.append(" · ", "dim")
            line.append_text(source_field(source, key, value))
    if source.url:
        line.append(" · ", "dim")
        line.append_text(link_text(source.url, urlsplit(source.url.strip()).hostname or None))
    return line


def source_header(source: Source) -> Text:
    """The article's title, outlet, author, date, URL and notes, as the reader shows them."""
    title = source_value(source, "title", source.title)
    header = safe(title, "bold")
    header.append("\n")
    header.append_text(source_facts(source))
    header.append("\nURL: ", "bold")
    if source.url:
        header.append_text(link_text(source.url))
    else:
        header.append(UNKNOWN, "dim italic")
    if source.notes:
        header.append("\nNotes: ", "bold")
        header.append_text(safe(source.notes, "italic"))
    return header


class SourceDetailsScreen(ModalScreen[None]):
    """Everything the brief says about a source; Escape, q or i closes."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.SOURCE_DETAILS)
    DEFAULT_CSS = """
    SourceDetailsScreen {
        align: center middle;
        #details-body {
            width: 90%;
            max-width: 100;
            height: auto;
            max-height: 90%;
            border: round $accent;
            background: $panel;
            padding: 0 1;
        }
    }
    """

    def __init__(self, source: Source) -> None:
        super().__init__()
        self.source = source

    def compose(self) -> ComposeResult:
        """The provenance in one scrollable box."""
        with VerticalScroll(id="details-body") as body:
            body.border_title = "Source"
            body.border_subtitle = "Escape closes"
            yield Static(source_header(self.source), id="details-text")

    def on_mount(self) -> None:
        """Focus the box so that the arrow keys scroll long notes."""
        self.query_one("#details-body").focus()

    def action_close(self) -> None:
        """Back to the article."""
        self.dismiss(None)
