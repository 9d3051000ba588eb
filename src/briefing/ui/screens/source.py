"""The source reader: a whole article as a pager, its quotes highlighted, any passage quotable.

Like `less`: `/` finds text (blind to case and accents), `n`/`N` go to the next and
previous match, `g`/`G` to the top and bottom. `]`/`[` step through the brief's quotes.
`v` selects the sentence in view; `)` and `j` extend it by a sentence or a line, `(` and
`k` take an extension back; `c` copies it and `a` adds it to the basket with its citation,
as a passage that is not one of the brief's excerpts.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Footer, Input, Static

from briefing import keys
from briefing.brief.model import Brief, Excerpt
from briefing.brief.passage import Place, Selection, passage_excerpt, sentence_at
from briefing.sanitize import one_line
from briefing.search.find import Found, find_text, next_match
from briefing.ui.bindings import bindings
from briefing.ui.screens.base import add_to_basket, copy_item, edit_brief, show_help
from briefing.ui.screens.closing import OnTop
from briefing.ui.screens.source_details import source_line
from briefing.ui.text import MAX_TYPED, safe, safe_line
from briefing.ui.widgets.article import ArticleView
from briefing.ui.widgets.in_order_input import InOrderInput

if TYPE_CHECKING:
    from briefing.brief.loader import LoadResult
    from briefing.ui.screens.new_excerpt import NewExcerpt


class SourceReaderScreen(OnTop[None]):
    """A source's full text with paragraph numbers; Escape returns to where the user was."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.SOURCE_READER)
    DEFAULT_CSS = """
    SourceReaderScreen {
        layout: vertical;
        #reader-header {
            height: 1;
            padding: 0 1;
            background: $panel;
            color: $foreground;
        }
        #reader-text { height: 1fr; }
        #reader-find { dock: bottom; display: none; }
        #reader-find.-finding { display: block; }
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
        self.needle = ""
        self.matches: list[Found] = []
        self.match_index: int | None = None

    def compose(self) -> ComposeResult:
        """Header, the article, the find field, a status line and the footer."""
        yield Static(source_line(self.source), id="reader-header")
        yield ArticleView(self.source, self.quotes, id="reader-text")
        yield InOrderInput(
            id="reader-find",
            placeholder="Find in the article; Enter finds, Esc cancels",
            max_length=MAX_TYPED,
        )
        yield Static(id="reader-status")
        yield Footer()

    def on_mount(self) -> None:
        """Highlight the quote the reader was opened for and focus the text."""
        article = self.article
        article.show_excerpt(self.excerpt_id)
        article.focus()
        self._update_status()

    @property
    def article(self) -> ArticleView:
        """The article pane."""
        return self.query_one(ArticleView)

    # The status line ---------------------------------------------------------------

    def _update_status(self) -> None:
        """Say what is current: the selection, else the match, else the quote."""
        status = self._selection_status() or self._match_status() or self._quote_status()
        self.query_one("#reader-status", Static).update(status)

    def _quote_status(self) -> Text:
        status = Text(end="")
        total = len(self.quotes)
        if self.excerpt_id is None:
            count = f"{total} quote" + ("" if total == 1 else "s")
            status.append(f"{count} in this article · ] / [ step through them · / finds")
            return status
        excerpt = self.brief.excerpt(self.excerpt_id)
        place = [x.id for x in self.quotes].index(self.excerpt_id) + 1
        status.append(f"Quote {place} of {total} · ¶{excerpt.paragraph}", "bold")
        status.append("  ")
        status.append_text(safe_line(excerpt.id, "dim"))
        if excerpt.note:
            status.append("\nNote: ", "bold")
            status.append_text(safe(excerpt.note, "italic"))
        return status

    def _match_status(self) -> Text | None:
        if not self.needle:
            return None
        status = Text(end="")
        if self.match_index is None:
            status.append("Not found: ", "bold")
            status.append_text(safe_line(self.needle))
            return status
        found = self.matches[self.match_index]
        count = f"{len(self.matches):,}"
        status.append(f"Match {self.match_index + 1} of {count} · ¶{found.paragraph + 1}", "bold")
        status.append(" for ")
        status.append_text(safe_line(self.needle, "italic"))
        status.append(" · n next · N previous · Esc clears")
        return status

    def _selection_status(self) -> Text | None:
        selection = self.article.selection
        if selection is None:
            return None
        passage = passage_excerpt(self.source, selection.start, selection.end)
        status = Text(end="")
        where = f"¶{passage.paragraph}" if passage else "nothing"
        size = f", {len(passage.quote):,} characters" if passage else ""
        status.append(f"Selected from {where}{size}", "bold")
        status.append(" · ) sentence · j line · k take back · c copy · a add · A excerpt · Esc")
        return status

    # Quotes ------------------------------------------------------------------------

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
        self._select_quote(ids[place])

    def on_article_view_excerpt_clicked(self, message: ArticleView.ExcerptClicked) -> None:
        """A click on a quote selects it."""
        self._select_quote(message.excerpt_id)

    def on_article_view_selection_changed(self) -> None:
        """The selection grew, shrank or went: say so."""
        self._update_status()

    def _select_quote(self, excerpt_id: str) -> None:
        """Make this quote the current one: highlighted, in view, named in the status line."""
        self.excerpt_id = excerpt_id
        self.needle, self.matches, self.match_index = "", [], None
        self._show_matches()
        self.article.show_excerpt(excerpt_id)
        self._update_status()

    # Finding -----------------------------------------------------------------------

    def action_find(self) -> None:
        """/: ask for the text to find."""
        field = self.query_one("#reader-find", Input)
        field.value = self.needle
        field.add_class("-finding")
        field.focus()

    @on(Input.Submitted, "#reader-find")
    def _find(self, event: Input.Submitted) -> None:
        self._close_find()
        self.needle = event.value.strip()
        self.matches = find_text(self.source.paragraphs, self.needle) if self.needle else []
        self.match_index = None
        if self.needle and not self.matches:
            self.app.bell()
        top = self.article.top_place()
        self._go_to_match(next_match(self.matches, (top.paragraph, top.offset - 1), 1))

    def _close_find(self) -> None:
        self.query_one("#reader-find", Input).remove_class("-finding")
        self.article.focus()

    def action_next_match(self, direction: int) -> None:
        """n / N: the next or previous match (without a search, n steps to the next quote)."""
        if not self.needle:
            self.action_step(direction)
            return
        if self.match_index is None:
            self.app.bell()
            return
        current = self.matches[self.match_index]
        self._go_to_match(next_match(self.matches, (current.paragraph, current.start), direction))

    def _go_to_match(self, index: int | None) -> None:
        self.match_index = index
        self._show_matches()
        if index is not None:
            found = self.matches[index]
            self.article.scroll_to_place(Place(found.paragraph, found.start))
        self._update_status()

    def _show_matches(self) -> None:
        article = self.article
        article.set_marks("article--match", ((m.paragraph, m.start, m.end) for m in self.matches))
        current = [] if self.match_index is None else [self.matches[self.match_index]]
        article.set_marks(
            "article--current-match", ((m.paragraph, m.start, m.end) for m in current)
        )

    # Selecting a passage -------------------------------------------------------------

    def action_visual(self) -> None:
        """v: select the sentence in view (at the match or quote if shown), or drop it."""
        article = self.article
        if article.selection is not None:
            article.select(None)
            return
        start, end = sentence_at(self.source.paragraphs, self._selection_anchor())
        article.select(Selection(start, end))

    def _selection_anchor(self) -> Place:
        """Where a new selection starts: the current match or quote if on screen, else the
        first sentence at the top of the view."""
        article = self.article
        candidates: list[Place] = []
        if self.match_index is not None:
            found = self.matches[self.match_index]
            candidates.append(Place(found.paragraph, found.start))
        if self.excerpt_id is not None:
            excerpt = self.brief.excerpt(self.excerpt_id)
            candidates.append(Place(excerpt.paragraph - 1, excerpt.offset))
        top = int(article.scroll_y)
        for place in candidates:
            if (
                top
                <= article.line_of(place.paragraph + 1, place.offset)
                < top + article.size.height
            ):
                return place
        return article.top_place()

    def _passage(self) -> Excerpt | None:
        selection = self.article.selection
        if selection is None:
            return None
        return passage_excerpt(self.source, selection.start, selection.end)

    # Live reload and editing -------------------------------------------------------------------

    async def reload_brief(self, brief: Brief) -> None:
        """Show the newer brief's version of this article in place, at the same place, the
        current quote and the search kept when they still exist."""
        if brief.get(self.source.id) is None:
            self.notify("This article is no longer in the brief; Escape goes back.")
            return
        top = self.article.top_place()
        self.brief, self.source = brief, brief.source(self.source.id)
        self.quotes = brief.source_excerpts(self.source.id)
        if self.excerpt_id not in {x.id for x in self.quotes}:
            self.excerpt_id = None
        await self.recompose()
        article = self.article
        article.show_excerpt(self.excerpt_id)
        article.focus()
        if self.excerpt_id is None:
            self.call_after_refresh(article.scroll_to_place, top)
        if self.needle:
            self.matches = find_text(self.source.paragraphs, self.needle)
            self.match_index = None if not self.matches else 0
            self._show_matches()
        self._update_status()

    def action_edit(self) -> None:
        """E: the brief in the user's editor at the current quote (else the source)."""
        edit_brief(self, self.excerpt_id or self.source.id)

    def action_add_excerpt(self) -> None:
        """A: the selection becomes a new excerpt of the brief (its id and topics asked)."""
        from briefing.authoring.scaffold import excerpt_id
        from briefing.ui.screens.new_excerpt import NewExcerptDialog

        passage = self._passage()
        if passage is None:
            self.notify("Select a passage first: v, then ) or j to extend it.")
            return
        topics = self.brief.excerpt(self.excerpt_id).topics if self.excerpt_id else ()
        dialog = NewExcerptDialog(self.brief, excerpt_id(passage.quote, self.brief.items), topics)
        self.app.push_screen(dialog, callback=partial(self._add_excerpt, passage.quote))

    def _add_excerpt(self, quote: str, choice: NewExcerpt | None) -> None:
        if choice is not None:
            self.notify("Adding the excerpt and checking the brief…", timeout=2)
            self.run_worker(partial(self._write_excerpt, quote, *choice), thread=True)

    def _write_excerpt(self, quote: str, excerpt_id: str, topics: list[str]) -> None:
        """In a thread: edit the brief file, check it, and report back."""
        from briefing.authoring.edit import EditRefused, add_excerpt

        try:
            result = add_excerpt(self.brief.path, excerpt_id, self.source.id, quote, topics)
        except EditRefused as refused:
            problems = [refused.message, *(str(p) for p in refused.problems[:6])]
            message = one_line(problems[0]) + "".join(f"\n{one_line(p)}" for p in problems[1:])
            self.app.call_from_thread(
                self.notify, message, title="Not added", severity="error", markup=False
            )
            return
        self.app.call_from_thread(self._excerpt_added, excerpt_id, result)

    def _excerpt_added(self, excerpt_id: str, result: LoadResult) -> None:
        """Show the brief with its new excerpt, that excerpt current."""
        self.excerpt_id = excerpt_id
        watcher = getattr(self.app, "watcher", None)
        if watcher is not None:
            watcher.adopt(result)
        elif result.brief is not None:
            self.call_later(self.reload_brief, result.brief)
        self.notify(f"Added the excerpt {one_line(excerpt_id)} to the brief; it checks.")

    # Copying, collecting, going back -----------------------------------------------

    def action_copy(self) -> None:
        """c: copy the selection, else the current quote, with its citation."""
        from briefing.ui.copying import copy_passage

        passage = self._passage()
        if passage is not None:
            copy_passage(
                self.app, self.brief, passage, getattr(self.app, "citation_style", "plain")
            )
        elif self.excerpt_id is None:
            self.notify("Nothing selected: press v to select, or ] to go to a quote.")
        else:
            copy_item(self, self.brief, self.excerpt_id)

    def action_add_to_basket(self) -> None:
        """a: put the selection, else the current quote, in the clip basket."""
        from briefing.ui.copying import add_passage_to_basket

        passage = self._passage()
        if passage is not None:
            add_passage_to_basket(self.app, self.brief, passage)
        else:
            add_to_basket(self, self.brief, self.excerpt_id)

    def action_top(self) -> None:
        """g: the top of the article."""
        self.article.scroll_home(animate=False)

    def action_bottom(self) -> None:
        """G: the end of the article."""
        self.article.scroll_end(animate=False)

    def action_details(self) -> None:
        """i: the source's full provenance and notes."""
        from briefing.ui.screens.source_details import SourceDetailsScreen

        self.app.push_screen(SourceDetailsScreen(self.source))

    def action_help(self) -> None:
        """?: the keys of this screen."""
        show_help(self)

    def action_back(self) -> None:
        """Escape: close the find field, else drop the selection, else the search, else
        close the reader (the screen below restores the user's place)."""
        if self.query_one("#reader-find", Input).has_class("-finding"):
            self._close_find()
        elif self.article.selection is not None:
            self.article.select(None)
        elif self.needle:
            self.needle, self.matches, self.match_index = "", [], None
            self._show_matches()
            self._update_status()
        else:
            self.dismiss(None)

    def action_close(self) -> None:
        """q: close the reader."""
        self.dismiss(None)
