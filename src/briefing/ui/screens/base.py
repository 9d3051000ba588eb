"""Small pieces shared by the secondary screens: how an excerpt or a source is labelled."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import DataTable, OptionList

from briefing import keys
from briefing.brief.model import Brief, Entity, Excerpt, Source
from briefing.ui.bindings import bindings
from briefing.ui.screens.closing import OnTop
from briefing.ui.text import MAX_ENTRY, safe, safe_line
from briefing.views.details import source_value

UNKNOWN = "unknown"
OPENING_QUOTES = "“‘\"'«„"


def excerpt_label(brief: Brief, excerpt: Excerpt) -> Text:
    """One line naming where a quote comes from: the source's title and paragraph."""
    source = brief.source(excerpt.source)
    label = safe_line(source.title, "italic")
    label.append(f"  ¶{excerpt.paragraph}", "bold")
    return label


def excerpt_prompt(brief: Brief, excerpt: Excerpt) -> Text:
    """An excerpt as a list entry: the quote (wrapped; past `MAX_ENTRY` characters cut,
    saying how much more there is), then its source."""
    quote, more = excerpt.quote[:MAX_ENTRY], len(excerpt.quote) - MAX_ENTRY
    if more > 0:
        quote += "…"
    if quote[:1] not in OPENING_QUOTES:
        quote = f"“{quote}" + ("”" if more <= 0 else "")
    prompt = Text(end="")
    prompt.append_text(safe(quote))
    if more > 0:
        prompt.append(f"\n  ({more:,} more characters: its article shows it whole)", "dim italic")
    prompt.append("\n  — ", "dim")
    prompt.append_text(excerpt_label(brief, excerpt))
    return prompt


def source_field(source: Source, key: str, value: str | None) -> Text:
    """A source's field as shown (`briefing.views.details.source_value`), or "unknown"."""
    if value is None:
        return Text(UNKNOWN, style="dim italic", end="")
    return safe_line(source_value(source, key, value))


def source_facts(source: Source) -> Text:
    """The outlet, author and date of a source on one line, never inventing a value."""
    published = source.published.show() if source.published else None
    facts = Text(end="")
    for index, (name, key, value) in enumerate(
        (
            ("Outlet", "outlet", source.outlet),
            ("Author", "author", source.author),
            ("Published", "published", published),
        )
    ):
        if index:
            facts.append("  ·  ", "dim")
        facts.append(f"{name}: ", "bold")
        facts.append_text(source_field(source, key, value))
    return facts


def focused_item_id(screen: Screen[Any]) -> str | None:
    """The id of the item under the cursor in the focused list or table, if any."""
    focused = screen.focused
    selected = getattr(focused, "selected_item_id", None)
    if callable(selected):
        found = selected()
        return found if isinstance(found, str) else None
    if isinstance(focused, OptionList) and focused.highlighted is not None:
        return focused.get_option_at_index(focused.highlighted).id
    if isinstance(focused, DataTable) and focused.row_count:
        row_key, _ = focused.coordinate_to_cell_key(focused.cursor_coordinate)
        return row_key.value
    return None


def first_quote(brief: Brief, item_id: str | None) -> Excerpt | None:
    """The excerpt itself, or the first excerpt an item stands on (an entity's first
    mention), or None."""
    item = brief.get(item_id or "")
    if item is None or isinstance(item, Excerpt):
        return item if isinstance(item, Excerpt) else None
    if isinstance(item, Entity):
        mentions = brief.entity_excerpts(item.id)
        return mentions[0] if mentions else None
    ids: tuple[str, ...] = getattr(item, "excerpts", ())
    return brief.excerpt(ids[0]) if ids else None


def edit_brief(screen: Screen[Any], item_id: str | None) -> None:
    """Open the brief in the user's editor at the item (the app knows the file)."""
    open_editor = getattr(screen.app, "open_editor", None)
    if open_editor is not None:
        open_editor(item_id)


def copy_item(screen: Screen[Any], brief: Brief, item_id: str | None) -> None:
    """Copy the item with its citation in the app's current style."""
    from briefing.ui import copying

    if item_id is None:
        screen.notify("Nothing selected to copy.", severity="warning")
        return
    copying.copy_item(screen.app, brief, item_id, getattr(screen.app, "citation_style", "plain"))


def add_to_basket(screen: Screen[Any], brief: Brief, item_id: str | None) -> None:
    """Put the item in the clip basket."""
    from briefing.ui import copying

    if item_id is None:
        screen.notify("Nothing selected to add.", severity="warning")
        return
    copying.add_to_basket(screen.app, brief, item_id)


def show_help(screen: Screen[Any]) -> None:
    """Open the help over this screen: it lists the keys of the screen below it."""
    from briefing.ui.screens.help import HelpScreen

    screen.app.push_screen(HelpScreen())


class ItemList(OptionList):
    """An option list that also moves with j and k."""

    DEFAULT_CSS = """
    ItemList {
        min-width: 12;  /* narrower, Textual's wrap of a long option raised ValueError */
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.ITEM_LIST)

    def action_page_up(self) -> None:
        """Page up, once the list has room on screen (see `action_page_down`)."""
        if self.scrollable_content_region:
            super().action_page_up()  # type: ignore[no-untyped-call]

    def action_page_down(self) -> None:
        """Page down, once the list has room on screen: Textual's OptionList raises
        KeyError when paged with no size (a terminal a line high, or before its layout)."""
        if self.scrollable_content_region:
            super().action_page_down()  # type: ignore[no-untyped-call]

    def highlight_first(self) -> None:
        """Put the cursor on the first option that can be chosen (headings cannot)."""
        choosable = (i for i, option in enumerate(self.options) if not option.disabled)
        self.highlighted = next(choosable, None)


class ItemsScreen(OnTop[str | None]):
    """A screen over some of a brief's items; it dismisses with the id of one to go to.

    What every such screen does the same way lives here: Escape goes back, `?` shows the
    keys, `c` copies and `a` collects whatever is under the cursor.
    """

    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.ITEM_SCREEN)

    def __init__(self, brief: Brief) -> None:
        super().__init__()
        self.brief = brief

    def action_help(self) -> None:
        """?: the keys of this screen."""
        show_help(self)

    async def reload_brief(self, brief: Brief) -> None:
        """Live reload: composed again from the newer brief, at the item it was on where
        that still exists (each screen's `on_mount` goes to the item it remembers)."""
        self.brief = brief
        self.brief_changed()
        await self.recompose()
        self.on_mount()

    def brief_changed(self) -> None:
        """What a screen works out from its brief, worked out again (after a reload)."""

    def on_mount(self) -> None:
        """Go to the item asked for (see each screen)."""

    def action_back(self) -> None:
        """Escape: back without choosing."""
        self.dismiss(None)

    def action_close(self) -> None:
        """q: the same as Escape."""
        self.dismiss(None)

    def action_copy(self) -> None:
        """c: copy what is under the cursor (the item, or one of its excerpts) with citations."""
        copy_item(self, self.brief, focused_item_id(self))

    def action_add_to_basket(self) -> None:
        """a: put what is under the cursor in the clip basket."""
        add_to_basket(self, self.brief, focused_item_id(self))

    def action_edit(self) -> None:
        """E: the brief in the user's editor at what is under the cursor; this screen
        follows the edit when it is saved (see `reload_brief`)."""
        edit_brief(self, focused_item_id(self))

    def action_open_source(self) -> None:
        """o: open the quote under the cursor in its article; on an item's own row (a
        dispute, a figure, an entity, an event), its first quote."""
        excerpt = first_quote(self.brief, focused_item_id(self))
        if excerpt is None:
            self.notify("Select a quote to open its article.", severity="warning")
            return
        self.open_quote(excerpt)

    def open_quote(self, excerpt: Excerpt) -> None:
        """Show a quote in its article; here, by going back with its id (the screen below
        shows it). Screens that can open the source reader over themselves do so."""
        self.dismiss(excerpt.id)
