"""The source reader: a whole article, its quotes highlighted, stepping from one to the next."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static

from briefing import keys
from briefing.brief.model import Brief, Excerpt, Source
from briefing.ui.bindings import bindings
from briefing.ui.screens.base import (
    UNKNOWN,
    add_to_basket,
    copy_item,
    show_help,
    source_facts,
)
from briefing.ui.text import safe, safe_line
from briefing.ui.widgets.article import ArticleView
from briefing.views.details import source_value


def source_header(source: Source) -> Text:
    """The article's title, outlet, author, date, URL and notes, as the reader shows them."""
    header = safe_line(source_value(source, "title", source.title), "bold")
    header.append("\n")
    header.append_text(source_facts(source))
    header.append("\nURL: ", "bold")
    if source.url:
        header.append_text(safe_line(source.url, "underline"))
    else:
        header.append(UNKNOWN, "dim italic")
    if source.notes:
        header.append("\nNotes: ", "bold")
        header.append_text(safe(source.notes, "italic"))
    return header


class SourceReaderScreen(Screen[None]):
    """A source's full text with paragraph numbers; Escape returns to where the user was."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.SOURCE_READER)
    DEFAULT_CSS = """
    SourceReaderScreen {
        layout: vertical;
        #reader-header {
            height: auto;
            max-height: 8;
            padding: 0 1;
            background: $panel;
            color: $foreground;
            border-bottom: solid $primary;
        }
        #reader-text { height: 1fr; }
        #reader-status {
            height: auto;
            max-height: 3;
            padding: 0 1;
            background: $panel;
            color: $text-muted;
        }
    }
    """

    def __init__(self, brief: Brief, source_id: str, excerpt_id: str | None = None) -> None:
        super().__init__()
        self.brief = brief
        self.source = brief.source(source_id)
        self.quotes: tuple[Excerpt, ...] = brief.source_excerpts(source_id)
        known = {x.id for x in self.quotes}
        self.excerpt_id = excerpt_id if excerpt_id in known else None

    def compose(self) -> ComposeResult:
        """Header, the article, a status line and the footer."""
        yield Static(source_header(self.source), id="reader-header")
        yield ArticleView(self.source, self.quotes, id="reader-text")
        yield Static(id="reader-status")
        yield Footer()

    def on_mount(self) -> None:
        """Highlight the quote the reader was opened for and focus the text."""
        article = self.query_one(ArticleView)
        article.show_excerpt(self.excerpt_id)
        article.focus()
        self._update_status()

    def _update_status(self) -> None:
        """Say which quote is current (n of m, paragraph) and its note."""
        status = Text(end="")
        total = len(self.quotes)
        ids = [x.id for x in self.quotes]
        if self.excerpt_id is None:
            count = f"{total} quote" + ("" if total == 1 else "s")
            status.append(f"{count} in this article · n / p to step through them")
        else:
            excerpt = self.brief.excerpt(self.excerpt_id)
            place = ids.index(self.excerpt_id) + 1
            status.append(f"Quote {place} of {total} · ¶{excerpt.paragraph}", "bold")
            status.append("  ")
            status.append_text(safe_line(excerpt.id, "dim"))
            if excerpt.note:
                status.append("\nNote: ", "bold")
                status.append_text(safe(excerpt.note, "italic"))
        self.query_one("#reader-status", Static).update(status)

    def action_step(self, direction: int) -> None:
        """Move the highlight to the next (1) or previous (-1) quote of this article."""
        if not self.quotes:
            self.notify("This article has no quotes in the brief.")
            return
        ids = [x.id for x in self.quotes]
        if self.excerpt_id is None:
            place = 0 if direction > 0 else len(ids) - 1
        else:
            place = ids.index(self.excerpt_id) + direction
        if not 0 <= place < len(ids):
            self.app.bell()
            return
        self._select(ids[place])

    def on_article_view_excerpt_clicked(self, message: ArticleView.ExcerptClicked) -> None:
        """A click on a quote selects it."""
        self._select(message.excerpt_id)

    def _select(self, excerpt_id: str) -> None:
        """Make this quote the current one: highlighted, in view, named in the status line."""
        self.excerpt_id = excerpt_id
        self.query_one(ArticleView).show_excerpt(excerpt_id)
        self._update_status()

    def action_copy(self) -> None:
        """c: copy the current quote with its citation."""
        if self.excerpt_id is None:
            self.notify("No quote selected: press n to go to one.", severity="warning")
            return
        copy_item(self, self.brief, self.excerpt_id)

    def action_add_to_basket(self) -> None:
        """a: put the current quote in the clip basket."""
        add_to_basket(self, self.brief, self.excerpt_id)

    def action_help(self) -> None:
        """?: the keys of this screen."""
        show_help(self)

    def action_back(self) -> None:
        """Close the reader; the screen below restores the user's place."""
        self.dismiss(None)
