"""The main screen: Topics, Timeline and Excerpts panes linked to each other, and a detail pane.

The screen owns the state (the filters, as `var`s); the panes only show what they are given
and post small messages upwards ("this row was highlighted", "this one was chosen").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Container
from textual.reactive import var
from textual.screen import Screen
from textual.widget import Widget

from briefing import keys
from briefing.brief.model import Brief, Entity, Event, Excerpt, Item, Source, Topic
from briefing.keys import Command
from briefing.ui.bindings import bindings
from briefing.ui.palette import CommandsProvider, JumpProvider
from briefing.ui.screens.brief_actions import BriefActions
from briefing.ui.widgets.bars import BriefHeader, FilterBar, KeyBar
from briefing.ui.widgets.rows import RowList
from briefing.views.narrowing import Narrowing, NarrowingHistory

if TYPE_CHECKING:
    from textual.widgets import Tree

    from briefing.ui.widgets.detail import DetailPane
    from briefing.ui.widgets.excerpts import ExcerptList
    from briefing.ui.widgets.timeline import Timeline
    from briefing.ui.widgets.topics import TopicTree


class MainScreen(BriefActions, Screen[None]):
    """Topics narrow the timeline and excerpts; an event narrows the excerpts to its own."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.MAIN_SCREEN)
    PALETTE: ClassVar[tuple[Command, ...]] = keys.MAIN_SCREEN
    COMMANDS: ClassVar[set[Any]] = {JumpProvider, CommandsProvider}
    HELP_TITLE = "Main screen"
    """How the help heads this screen's keys."""
    DEFAULT_CSS = """
    MainScreen {
        #panes { layout: grid; height: 1fr; }
        &.-wide #panes { grid-size: 3 2; grid-columns: 2fr 3fr 3fr; grid-rows: 2fr 1fr; }
        &.-wide #detail { column-span: 3; }
        &.-wide.-side #panes { grid-size: 4 1; grid-columns: 5fr 6fr 6fr 5fr; grid-rows: 1fr; }
        &.-wide.-side #detail { column-span: 1; }
        &.-narrow #panes { grid-size: 2 2; grid-columns: 1fr 1fr; grid-rows: 1fr 1fr; }
        .pane { height: 1fr; }
    }
    """
    WIDE = 120
    """From this width the three lists sit side by side above the detail pane."""
    SIDE_BY_SIDE = 170
    """From this width the detail pane is a fourth column, and the lists get the full
    height (below it, the detail would leave most of a wide, short pane empty)."""

    narrowing: var[Narrowing] = var(Narrowing())
    """The topic (with its subtopics), entity and event the panes are narrowed to."""

    def __init__(self, brief: Brief, *, showing: str | None = None) -> None:
        super().__init__()
        self.brief = brief
        self.history = NarrowingHistory()
        """The narrowings before each change, for Escape to take back."""
        self._showing = showing
        """An item to show once the panes are up (chosen on the overview)."""

    def compose(self) -> ComposeResult:
        """Header, filter bar, the four panes, and the footer with the citation style."""
        self._fit(self.app.size.width)
        yield BriefHeader(self.brief)
        yield FilterBar(id="filters")
        with Container(id="panes"):
            yield from self._panes()
        yield KeyBar(id="keys")

    def _panes(self) -> list[Widget]:
        """The Topics, Timeline, Excerpts and Detail panes."""
        from briefing.ui.widgets.detail import DetailPane
        from briefing.ui.widgets.excerpts import ExcerptList
        from briefing.ui.widgets.timeline import Timeline
        from briefing.ui.widgets.topics import TopicTree

        panes: list[Widget] = [
            TopicTree(self.brief, id="topics"),
            Timeline(self.brief, id="timeline"),
            ExcerptList(self.brief, id="excerpts"),
            DetailPane(self.brief, id="detail"),
        ]
        for pane in panes:
            pane.add_class("pane")  # boxed as the app's stylesheet says
        return panes

    def on_mount(self) -> None:
        """Fill the panes, follow the citation style, and show the item chosen (if any)."""
        self._show_panes()
        if self._showing is not None:
            self.show_item(self._showing)

    def _show_panes(self) -> None:
        """Titles, rows and the focus on the timeline."""
        self._topic_tree().border_title = "Topics"
        self._detail().border_title = "Detail"
        self.apply_filters()
        self._timeline().focus()

    def on_resize(self, event: events.Resize) -> None:
        """Switch between the wide and the narrow layout."""
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        """Set the layout class for this width (before the first layout, so styles are
        computed once rather than again after the first resize)."""
        self.set_class(width >= self.WIDE, "-wide")
        self.set_class(width >= self.SIDE_BY_SIDE, "-side")
        self.set_class(width < self.WIDE, "-narrow")

    # The panes (each module imported on first use, not with this one) ------------------

    def _timeline(self) -> Timeline:
        from briefing.ui.widgets.timeline import Timeline

        return self.query_one(Timeline)

    def _excerpt_list(self) -> ExcerptList:
        from briefing.ui.widgets.excerpts import ExcerptList

        return self.query_one(ExcerptList)

    def _topic_tree(self) -> TopicTree:
        from briefing.ui.widgets.topics import TopicTree

        return self.query_one(TopicTree)

    def _detail(self) -> DetailPane:
        from briefing.ui.widgets.detail import DetailPane

        return self.query_one(DetailPane)

    # Filtering (what a narrowing selects: briefing.views.narrowing) ---------------------

    def shown_events(self) -> tuple[Event, ...]:
        """The events the timeline shows under the current filters."""
        return self.narrowing.events(self.brief)

    def shown_excerpts(self) -> tuple[Excerpt, ...]:
        """The excerpts the excerpts pane shows: the event's, or those the filters allow."""
        return self.narrowing.excerpts(self.brief)

    def apply_filters(self, event: str | None = None, excerpt: str | None = None) -> None:
        """Refill the timeline and excerpts, keeping (or moving) their cursors."""
        timeline, excerpts = self._timeline(), self._excerpt_list()
        keep_event = event or (ev.id if (ev := self.cursor_event()) else None)
        keep_excerpt = excerpt or (x.id if (x := self.cursor_excerpt()) else None)
        timeline.show_events(self.shown_events(), select=keep_event)
        excerpts.show_excerpts(self.shown_excerpts(), select=keep_excerpt)
        self._show_titles()

    def _show_titles(self) -> None:
        """Pane titles with counts, and the filter bar."""
        timeline, excerpts = self._timeline(), self._excerpt_list()
        narrowing = self.narrowing
        of_events = f"{timeline.event_count:,} of " if narrowing.filters else ""
        timeline.border_title = f"Timeline · {of_events}{len(self.brief.events):,}"
        of_all = f" of {len(self.brief.excerpts):,}" if narrowing else ""
        scope = " of the event" if narrowing.event else ""
        excerpts.border_title = f"Excerpts{scope} · {len(excerpts.excerpts):,}{of_all}"
        self.query_one(FilterBar).show_filters(narrowing.labels(self.brief))
        self._detail().narrowed_to(narrowing.topic)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys show in the key bar only when they matter: Back and Clear while something
        is narrowed (Escape goes back to the overview when nothing is), Open unless the
        topics have the focus."""
        narrowed = bool(self.narrowing)
        if action == "back":
            return narrowed or bool(self.history)
        if action == "clear_filters":
            return narrowed
        if action == "overview":
            return not (narrowed or self.history)
        if action == "open_source":
            return self.focused is None or self.focused.id != "topics"  # the TopicTree
        return True

    def narrow(self, *, topic: str | None = None, entity: str | None = None) -> None:
        """Set the topic and entity filters (None clears) and drop any event narrowing."""
        self._set_narrowing(Narrowing(topic, entity))
        self.apply_filters()

    def _set_narrowing(self, narrowing: Narrowing) -> None:
        """Change the narrowing, remembering the old one for Escape to bring back."""
        self.history.record(self.narrowing, narrowing)
        self.narrowing = narrowing

    # Messages from the panes -----------------------------------------------------

    # (By name, not `@on(Tree.NodeHighlighted, "#topics")`: that would import the Tree.)

    def on_tree_node_highlighted(self, message: Tree.NodeHighlighted[str]) -> None:
        """The topic under the cursor is shown in the detail pane."""
        if message.control.id == "topics" and message.control.has_focus:
            self._detail().show(message.node.data or None)

    def on_tree_node_selected(self, message: Tree.NodeSelected[str]) -> None:
        """A chosen topic narrows the panes."""
        if message.control.id == "topics":
            self.narrow(topic=message.node.data or None, entity=self.narrowing.entity)

    @on(RowList.Highlighted)
    def _row_highlighted(self, message: RowList.Highlighted) -> None:
        if message.control.has_focus:
            self._detail().show(self._item_in(message.control))

    @on(RowList.Chosen, "#timeline")
    def _event_chosen(self, message: RowList.Chosen) -> None:
        event = self._timeline().event_at(message.index)
        if event is not None:
            self._set_narrowing(self.narrowing.with_event(event.id))
            excerpts = self._excerpt_list()
            excerpts.show_excerpts(self.shown_excerpts())
            self._show_titles()
            excerpts.focus()

    @on(RowList.Chosen, "#excerpts")
    def _excerpt_chosen(self) -> None:
        self.action_open_source()

    def on_descendant_focus(self, message: events.DescendantFocus) -> None:
        """The detail pane follows whichever list has the focus."""
        if isinstance(message.widget, RowList) or message.widget.id == "topics":
            self._detail().show(self._item_in(message.widget))

    # Selection -------------------------------------------------------------------

    def cursor_event(self) -> Event | None:
        """The event under the timeline's cursor, if any."""
        timeline = self._timeline()
        return timeline.event_at(timeline.cursor)

    def cursor_excerpt(self) -> Excerpt | None:
        """The excerpt under the excerpt list's cursor, if any."""
        excerpts = self._excerpt_list()
        return excerpts.excerpt_at(excerpts.cursor)

    def _item_in(self, pane: Widget) -> str | None:
        """The id of the item under the cursor of a pane."""
        from briefing.ui.widgets.detail import DetailPane
        from briefing.ui.widgets.excerpts import ExcerptList
        from briefing.ui.widgets.timeline import Timeline
        from briefing.ui.widgets.topics import TopicTree

        if isinstance(pane, Timeline):
            return ev.id if (ev := self.cursor_event()) else None
        if isinstance(pane, ExcerptList):
            return x.id if (x := self.cursor_excerpt()) else None
        if isinstance(pane, TopicTree):
            return pane.highlighted_topic or None
        if isinstance(pane, DetailPane):
            return pane.selected_id()
        return None

    def selected_item_id(self) -> str | None:
        """The item under the cursor in the focused pane."""
        from briefing.ui.widgets.detail import DetailPane
        from briefing.ui.widgets.topics import TopicTree

        focused = self.focused
        while focused is not None and not isinstance(focused, (RowList, TopicTree, DetailPane)):
            focused = focused.parent if isinstance(focused.parent, Widget) else None
        return None if focused is None else self._item_in(focused)

    def show_item(self, item_id: str) -> None:
        """Select and focus an item in its own pane, clearing filters that would hide it.
        An entity becomes the filter (in place of any topic); figures, disputes and sources
        open their own screens."""
        item = self.brief.get(item_id)
        if item is None:
            self.notify(
                f"Nothing in this brief has the id {item_id!r}.", severity="error", markup=False
            )
            return
        if isinstance(item, (Event, Excerpt)):
            self._reveal(item)
        elif isinstance(item, Topic):
            self.narrow(topic=item.id, entity=self.narrowing.entity)
            tree = self._topic_tree()
            tree.select_topic(item.id)
            tree.focus()
        elif isinstance(item, Entity):
            self.narrow(topic=None, entity=item.id)
            self._timeline().focus()
        else:
            self._open_screen_for(item)

    def _reveal(self, item: Event | Excerpt) -> None:
        """Show an event or excerpt, dropping just the filters that hide it."""
        self._set_narrowing(self.narrowing.revealing(self.brief, item))
        if isinstance(item, Event):
            self.apply_filters(event=item.id)
            self._timeline().focus()
            return
        self.apply_filters(excerpt=item.id)
        self._excerpt_list().focus()

    def _open_screen_for(self, item: Item) -> None:
        """Figures, disputes and sources are shown on their own screens."""
        if isinstance(item, Source):
            self._open_reader(item.id)
        elif item.item_kind == "figure":
            self.action_figures(item.id)
        elif item.item_kind == "dispute":
            self.action_disputes(item.id)

    async def reload_brief(self, brief: Brief) -> None:
        """A newer version of the brief (live reload), shown in place."""
        from briefing.ui.screens.main_reload import reload_main

        await reload_main(self, brief)

    # Other screens (imported when first used: the first frame needs none of them) ----

    def _push(self, screen: Screen[Any]) -> None:
        """Push a screen; whatever item id it dismisses with is shown here."""
        self.app.push_screen(screen, callback=self._returned)

    def _returned(self, item_id: object) -> None:
        if isinstance(item_id, str):
            self.show_item(item_id)

    def _open_reader(self, source_id: str, excerpt_id: str | None = None) -> None:
        from briefing.ui.screens.source import SourceReaderScreen

        self._push(SourceReaderScreen(self.brief, source_id, excerpt_id))

    # Actions (one per command of briefing.keys.MAIN_SCREEN) -----------------------------

    def action_open_source(self) -> None:
        """Open the selected excerpt's article at its paragraph (or the source itself)."""
        item = self.brief.get(self.selected_item_id() or "")
        if isinstance(item, Event) and item.excerpts:
            item = self.brief.excerpt(item.excerpts[0])
        if isinstance(item, Excerpt):
            self._open_reader(item.source, item.id)
        elif isinstance(item, Source):
            self._open_reader(item.id)
        else:
            self.notify("Select an excerpt or an event to open its article.")

    def action_overview(self) -> None:
        """The overview: the brief's summary, disputes and key figures."""
        from briefing.ui.screens.overview import OverviewScreen

        self._push(OverviewScreen(self.brief, over_panes=True))

    def action_copy(self) -> None:
        """Copy the selected item with its citation, in the current style."""
        from briefing.ui.screens.base import copy_item

        copy_item(self, self.brief, self.selected_item_id())

    def action_add_to_basket(self) -> None:
        """Add the selected item to the basket."""
        from briefing.ui.screens.base import add_to_basket

        add_to_basket(self, self.brief, self.selected_item_id())

    def action_focus_detail(self) -> None:
        """i: into the detail pane, which goes on showing the item it shows."""
        self._detail().focus()

    def action_help(self) -> None:
        """Show every key."""
        from briefing.ui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_clear_filters(self) -> None:
        """Drop every filter and narrowing."""
        self.narrow(topic=None, entity=None)
        self._topic_tree().select_topic("")

    def action_back(self) -> None:
        """Take back the last change of the narrowing (a narrowing, a jump, clearing it);
        with none left, drop whatever is still narrowed."""
        before = self.narrowing
        earlier = self.history.undo() or Narrowing()
        self.narrowing = earlier
        self.apply_filters()
        self._topic_tree().select_topic(earlier.topic or "")
        if before.event and not earlier.event:
            self._timeline().focus()
