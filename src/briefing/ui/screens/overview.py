"""The overview: the brief's bottom line first (its summary), then its disputes and key
figures, each one key away; the Topics, Timeline and Excerpts panes are behind `t`.

The reader opens on it: it is the first screen, and the panes are made only when it is
first left (in its place: the first frame need not wait for them). Opened again with `o`,
it sits over the main screen and dismisses with the id of an item to go to there (or None
to show the panes as they are).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.message import Message
from textual.screen import Screen

from briefing import keys
from briefing.brief.figures import figure_rows
from briefing.brief.model import Brief
from briefing.ui.bindings import bindings
from briefing.ui.palette import JumpProvider
from briefing.ui.screens.brief_actions import BriefActions
from briefing.ui.screens.closing import OnTop
from briefing.ui.text import safe_line
from briefing.ui.widgets.bars import BriefHeader, KeyBar
from briefing.ui.widgets.prose import Prose
from briefing.ui.widgets.rows import RowList

AMOUNT_WIDTH = 12
"""The column of values and units in the figures list (`68.7 USD bn`)."""


class OverviewList(RowList):
    """One line per item (a dispute's question, a figure), cut to the width; Enter opens it.

    Each line is made when first drawn: a large brief's 2,000 figures took 20 ms to make
    up front, for the few rows the first frame shows."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.OVERVIEW_LIST)

    def __init__(self, ids: list[str], line: Callable[[int], Text], *, id: str, empty: str) -> None:
        super().__init__(id=id, classes="overview-list pane")
        self.ids = ids
        self._line = line
        self._made: dict[int, Text] = {}
        self.EMPTY = empty

    def on_mount(self) -> None:
        """Show the rows, the cursor on the first."""
        self.rows_changed()

    def row_count(self) -> int:
        """One row per item."""
        return len(self.ids)

    def row_text(self, index: int) -> Text:
        """The item's line."""
        text = self._made.get(index)
        if text is None:
            text = self._made[index] = self._line(index)
        return text

    def row_lines(self, index: int, width: int) -> list[Text]:
        """The line cut with an ellipsis to the width (the item's own screen has it whole)."""
        line = self.row_text(index).copy()
        line.truncate(max(width, 1), overflow="ellipsis")
        return [line]

    @property
    def item_id(self) -> str | None:
        """The id of the item under the cursor."""
        return self.ids[self.cursor] if 0 <= self.cursor < len(self.ids) else None


def disputes_list(brief: Brief) -> OverviewList:
    """Each dispute's question."""
    disputes = brief.disputes
    return OverviewList(
        [d.id for d in disputes],
        lambda index: safe_line(disputes[index].question),
        id="overview-disputes",
        empty="No disputes.",
    )


def figures_list(brief: Brief) -> OverviewList:
    """Each figure (a range once) as its value and unit, then its label."""
    rows = figure_rows(brief)

    def line(index: int) -> Text:
        amount = Text(rows[index].amount, "bold", end="")
        amount.pad_left(AMOUNT_WIDTH - amount.cell_len)
        return Text.assemble(amount, "  ", safe_line(rows[index].label), end="")

    return OverviewList([row.id for row in rows], line, id="overview-figures", empty="No figures.")


class OverviewScreen(BriefActions, OnTop[str | None]):
    """Summary, disputes and key figures; focus starts on the summary."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.OVERVIEW_SCREEN)
    COMMANDS: ClassVar[set[Any]] = {JumpProvider}
    HELP_TITLE = "Overview"
    # Textual declares this as an instance variable, so it cannot be annotated ClassVar.
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-narrow"),
        (100, "-wide"),
    ]
    DEFAULT_CSS = """
    OverviewScreen {
        /* One grid, not a container for the two lists: a widget fewer for the first
           frame. Wide: the lists side by side under the summary; narrow: stacked. */
        layout: grid;
        grid-size: 2;
        grid-columns: 1fr 1fr;
        grid-rows: 1 1fr 40% 1;
        &.-narrow { grid-size: 1; grid-columns: 1fr; grid-rows: 1 1fr 5 5 1; }
        #header, #overview-summary, #keys { column-span: 2; }
        &.-narrow #header, &.-narrow #overview-summary, &.-narrow #keys { column-span: 1; }
        #overview-summary { scrollbar-gutter: stable; }
        .overview-list { width: 1fr; height: 1fr; overflow-x: hidden; }
        .overview-list > .row-list--cursor { background: $panel; }
        .overview-list:focus > .row-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """

    def __init__(self, brief: Brief, *, over_panes: bool = False) -> None:
        super().__init__()
        self.brief = brief
        self.over_panes = over_panes
        """Whether it was opened over the main screen (else the reader opened on it)."""

    def compose(self) -> ComposeResult:
        """Header, the summary, the disputes beside the figures, and the key bar."""
        yield BriefHeader(self.brief)
        summary = Prose(
            self.brief,
            self.brief.summary,
            empty="This brief has no summary.",
            id="overview-summary",
            classes="pane",
        )
        summary.border_title = "Summary"
        yield summary
        disputes = disputes_list(self.brief)
        disputes.border_title = f"Disputes · {len(self.brief.disputes):,} · d"
        yield disputes
        figures = figures_list(self.brief)
        figures.border_title = f"Key figures · {len(figures.ids):,} · f"
        yield figures
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        """Start reading at the summary."""
        self.query_one(Prose).focus()

    async def reload_brief(self, brief: Brief) -> None:
        """A newer version of the brief (live reload): composed again in place."""
        self.brief = brief
        await self.recompose()
        self.on_mount()

    def _pop_result_callback(self) -> None:
        """Textual gives an app's first screen no result callback, yet `switch_screen`
        pops one from the screen it replaces (IndexError): the overview the reader opened
        on is replaced by the main screen that way."""
        if self._result_callbacks:
            super()._pop_result_callback()

    def selected_item_id(self) -> str | None:
        """The dispute or figure under the cursor of the focused list."""
        return self.focused.item_id if isinstance(self.focused, OverviewList) else None

    def show_item(self, item_id: str) -> None:
        """Go to an item: the main screen shows it in its own pane or screen."""
        self.to_panes(item_id)

    def to_panes(self, item_id: str | None) -> None:
        """Leave for the panes, showing the item if one is given: back to the main screen
        below, or to a main screen made now in this one's place."""
        if self.over_panes:
            self.dismiss(item_id)
        elif self.is_active:
            self.post_message(self.Left(self, item_id))

    class Left(Message):
        """The overview the reader opened on was left for the panes: the app puts a main
        screen in its place (showing `item_id`, if any)."""

        def __init__(self, overview: OverviewScreen, item_id: str | None) -> None:
            super().__init__()
            self.overview = overview
            self.item_id = item_id

    @on(RowList.Chosen, "#overview-disputes")
    def _dispute_chosen(self) -> None:
        self.action_disputes(self.query_one("#overview-disputes", OverviewList).item_id)

    @on(RowList.Chosen, "#overview-figures")
    def _figure_chosen(self) -> None:
        self.action_figures(self.query_one("#overview-figures", OverviewList).item_id)

    def _push(self, screen: Screen[Any]) -> None:
        """Push a screen; an item id it dismisses with is shown on the main screen."""
        self.app.push_screen(screen, callback=self._returned)

    def _returned(self, item_id: object) -> None:
        if isinstance(item_id, str):
            self.to_panes(item_id)

    # Actions (see briefing.keys.OVERVIEW_SCREEN) ---------------------------------------

    def action_panes(self) -> None:
        """The Topics, Timeline and Excerpts panes, as they were left."""
        self.to_panes(None)

    def action_copy(self) -> None:
        """Copy the selected dispute or figure with its citations."""
        from briefing.ui.screens.base import copy_item

        if self._something_selected("copy"):
            copy_item(self, self.brief, self.selected_item_id())

    def action_add_to_basket(self) -> None:
        """Add the selected dispute or figure to the basket."""
        from briefing.ui.screens.base import add_to_basket

        if self._something_selected("add"):
            add_to_basket(self, self.brief, self.selected_item_id())

    def _something_selected(self, verb: str) -> bool:
        if self.selected_item_id() is None:
            self.notify(f"Tab to a dispute or a figure to {verb} it.", severity="warning")
            return False
        return True

    def action_help(self) -> None:
        """Every key of this screen."""
        from briefing.ui.screens.base import show_help

        show_help(self)
