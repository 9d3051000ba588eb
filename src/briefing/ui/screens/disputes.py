"""Disputes: each question the sources disagree on, the sides' excerpts side by side."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, OptionList
from textual.widgets.option_list import Option

from briefing.brief.model import Brief, Dispute, Excerpt, Position
from briefing.brief.prose import dispute_kind
from briefing.ui.screens.base import ItemList, ItemsScreen, excerpt_prompt
from briefing.ui.text import safe_entry
from briefing.ui.widgets.prose import Prose


class DisputesScreen(ItemsScreen):
    """Pick a dispute, read each side; Enter on an excerpt dismisses with its id."""

    # Textual declares this as an instance variable, so it cannot be annotated ClassVar.
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-narrow"),
        (70, "-wide"),
    ]
    DEFAULT_CSS = """
    DisputesScreen {
        #dispute-list {
            height: auto;
            max-height: 7;
            border: round $primary 60%;
            &:focus { border: round $accent; }
        }
        #dispute-sides { height: 1fr; overflow-x: auto; }
        &.-narrow #dispute-sides { layout: vertical; overflow-y: auto; }
        .dispute-side {
            width: 1fr;
            min-width: 32;  /* many sides scroll sideways rather than shrink to a word */
            height: 1fr;
            min-height: 8;
            border: round $primary 60%;
            &:focus-within { border: round $accent; }
        }
        .dispute-claim { height: auto; padding: 0 1; color: $text; text-style: bold; }
        .dispute-excerpts { height: 1fr; border: none; background: transparent; }
        .dispute-excerpts > .option-list--option { padding: 0 1 1 1; }
        #dispute-assessment {
            height: auto;
            max-height: 6;
            padding: 0 1;
            border: round $secondary 60%;
        }
    }
    """

    def __init__(self, brief: Brief, dispute_id: str | None = None) -> None:
        super().__init__(brief)
        self.dispute_id = dispute_id

    def compose(self) -> ComposeResult:
        """The list of disputes above the selected one's sides and assessment."""
        disputes = ItemList(
            *(Option(safe_entry(d.question), id=d.id) for d in self.brief.disputes),
            id="dispute-list",
        )
        disputes.border_title = "Disputes"
        yield disputes
        with Vertical(id="dispute-detail"):
            yield Horizontal(id="dispute-sides")
            yield self._assessment(None)
        yield Footer()

    def _assessment(self, dispute: Dispute | None) -> Prose:
        """The dispute's assessment, its claims' markers selectable as in any prose."""
        empty = "None given." if dispute else "This brief records no disputes."
        text = dispute.assessment if dispute else None
        assessment = Prose(self.brief, text, empty=empty, id="dispute-assessment")
        assessment.HELP_TITLE = "Assessment"
        kind = f" · {dispute_kind(dispute.kind)}" if dispute else ""
        assessment.border_title = f"Assessment{kind}"
        return assessment

    def on_mount(self) -> None:
        """Select the dispute asked for (or the first) and focus its first side."""
        listing = self.query_one("#dispute-list", OptionList)
        if not self.brief.disputes:
            return
        ids = [d.id for d in self.brief.disputes]
        listing.highlighted = ids.index(self.dispute_id) if self.dispute_id in ids else 0
        listing.focus()

    @on(OptionList.OptionHighlighted, "#dispute-list")
    async def _show_dispute(self, event: OptionList.OptionHighlighted) -> None:
        """Show the highlighted dispute's question, sides and assessment."""
        dispute = self.brief.items[event.option.id or ""]
        assert isinstance(dispute, Dispute)
        self.dispute_id = dispute.id
        sides = self.query_one("#dispute-sides", Horizontal)
        await sides.remove_children()
        count = len(dispute.positions)
        await sides.mount_all(
            self._side(number, count, position)
            for number, position in enumerate(dispute.positions, 1)
        )
        await self.query_one("#dispute-assessment", Prose).remove()
        await self.query_one("#dispute-detail").mount(self._assessment(dispute))

    def _side(self, number: int, count: int, position: Position) -> Vertical:
        """One position: its claim (whose markers can be selected, as in any prose: Tab
        stops there when it cites any) and its excerpts as a list."""
        excerpts = ItemList(
            *(
                Option(excerpt_prompt(self.brief, self.brief.excerpt(x)), id=x)
                for x in position.excerpts
            ),
            classes="dispute-excerpts",
        )
        claim = Prose(self.brief, position.claim, empty="", classes="dispute-claim")
        claim.HELP_TITLE = f"Side {number}"
        claim.can_focus = bool(claim.claims)
        side = Vertical(
            claim,
            excerpts,
            classes="dispute-side",
        )
        side.border_title = f"Side {number} of {count}"
        return side

    @on(OptionList.OptionSelected, "#dispute-list")
    def _enter_dispute(self) -> None:
        """Enter on a dispute moves to its first side's excerpts."""
        self.focus_next()

    @on(OptionList.OptionSelected, ".dispute-excerpts")
    def _open_excerpt(self, event: OptionList.OptionSelected) -> None:
        """Enter on an excerpt: the caller opens it."""
        self.dismiss(event.option.id)

    def open_quote(self, excerpt: Excerpt) -> None:
        """o: the quote in its article, over this screen (Escape comes back here)."""
        from briefing.ui.screens.source import SourceReaderScreen

        self.app.push_screen(SourceReaderScreen(self.brief, excerpt.source, excerpt.id))
