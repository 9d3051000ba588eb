"""The evidence behind one claim: the claim, then each quote it cites with its source and ¶;
Enter opens a quote in its article (Escape there comes back here)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from briefing import keys
from briefing.brief.model import Brief
from briefing.brief.prose import Evidence
from briefing.ui.bindings import bindings
from briefing.ui.screens.base import ItemList, ItemsScreen, excerpt_prompt
from briefing.ui.text import safe


def claim_heading(claim: str, evidence: Evidence) -> Text:
    """The claim as written (no markers), then what it rests on in words."""
    heading = safe(claim, "bold")
    heading.append("\n")
    said = evidence.summary
    heading.append(f"{'○' if evidence.single_source else '●'} {said}", "italic")
    if evidence.single_source:
        heading.append(" · no other article confirms it", "dim")
    return heading


class EvidenceScreen(ItemsScreen):
    """The quotes behind a claim; Enter opens the highlighted one in its article."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.EVIDENCE_SCREEN)
    HELP_TITLE = "Evidence"
    DEFAULT_CSS = """
    EvidenceScreen {
        #evidence-claim {
            height: auto;
            max-height: 10;
            padding: 0 1;
            background: $panel;
            border-bottom: solid $primary;
        }
        #evidence-quotes { height: 1fr; border: round $primary 60%; }
        #evidence-quotes:focus { border: round $accent; }
        #evidence-quotes > .option-list--option { padding: 0 1 1 1; }
    }
    """

    def __init__(self, brief: Brief, claim: str, evidence: Evidence) -> None:
        super().__init__(brief)
        self.claim = claim
        self.evidence = evidence

    def compose(self) -> ComposeResult:
        """The claim above its quotes, and the footer."""
        yield Static(claim_heading(self.claim, self.evidence), id="evidence-claim")
        quotes = ItemList(
            *(Option(excerpt_prompt(self.brief, x), id=x.id) for x in self.evidence.excerpts),
            id="evidence-quotes",
        )
        quotes.border_title = f"Quotes behind claim {self.evidence.number}"
        quotes.border_subtitle = "Enter opens the article · Esc back"
        yield quotes
        yield Footer()

    async def reload_brief(self, brief: Brief) -> None:
        """Live reload: the claim may have changed or moved, so go back to the prose it
        came from (reloaded below this screen), where its marker can be chosen again."""
        self.dismiss(None)
        self.notify("The brief changed: choose the claim again.", markup=False)

    def on_mount(self) -> None:
        """Start on the first quote."""
        quotes = self.query_one("#evidence-quotes", ItemList)
        quotes.highlighted = 0
        quotes.focus()

    @on(OptionList.OptionSelected, "#evidence-quotes")
    def _open_quote(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) on a quote opens its article there."""
        self.action_open_source(event.option.id)

    def action_open_source(self, excerpt_id: str | None = None) -> None:
        """Open the quote (the highlighted one by default) in its article."""
        from briefing.ui.screens.source import SourceReaderScreen

        if excerpt_id is None:
            quotes = self.query_one("#evidence-quotes", ItemList)
            if quotes.highlighted is None:
                return
            excerpt_id = self.evidence.excerpts[quotes.highlighted].id
        excerpt = self.brief.excerpt(excerpt_id)
        self.app.push_screen(SourceReaderScreen(self.brief, excerpt.source, excerpt.id))
