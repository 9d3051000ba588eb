"""Entities: who and what the brief names, grouped by kind, with everything that names them."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from briefing import keys
from briefing.brief.model import ENTITY_KINDS, Brief, Entity, Event, Excerpt
from briefing.ui.bindings import bindings
from briefing.ui.screens.base import ItemList, ItemsScreen, excerpt_prompt
from briefing.ui.text import safe, safe_entry, safe_line

KIND_TITLES = {
    "person": "People",
    "organisation": "Organisations",
    "place": "Places",
    "system": "Systems",
    "other": "Other",
}


def entity_prompt(entity: Entity) -> Text:
    """An entity as a list row: name, role, and its aliases on a second line."""
    prompt = safe_line(entity.name, "bold")
    if entity.role:
        prompt.append(" · ", "dim")
        prompt.append_text(safe_line(entity.role, "italic"))
    if entity.aliases:
        prompt.append("\n  also: ", "dim")
        prompt.append_text(safe_line(", ".join(entity.aliases)))
    return prompt


def event_prompt(event: Event) -> Text:
    """An event as a list row: its date at its own precision, then its title."""
    prompt = Text(event.date.show(), "bold", end="")
    prompt.append("  ")
    prompt.append_text(safe_entry(event.title))
    return prompt


def count(items: tuple[object, ...], noun: str) -> str:
    """`1 excerpt`, `3 events`."""
    return f"{len(items)} {noun}" + ("" if len(items) == 1 else "s")


def heading(title: str) -> Option:
    """A group heading inside a list: shown, never selectable."""
    return Option(Text(title, "bold underline", end=""), disabled=True)


class EntitiesScreen(ItemsScreen):
    """Enter on an entity dismisses with its id (a filter); on a mention, with the mention's."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.ENTITIES_SCREEN)
    # Textual declares this as an instance variable, so it cannot be annotated ClassVar.
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-narrow"),
        (70, "-wide"),
    ]
    DEFAULT_CSS = """
    EntitiesScreen {
        #entity-panes { height: 1fr; }
        &.-narrow #entity-panes { layout: vertical; }
        #entity-list { width: 2fr; height: 1fr; }
        #entity-detail { width: 3fr; height: 1fr; }
        &.-narrow #entity-list, &.-narrow #entity-detail { width: 1fr; }
        #entity-list, #entity-mentions {
            border: round $primary 60%;
            &:focus { border: round $accent; }
        }
        #entity-about { height: auto; max-height: 8; padding: 0 1; }
        #entity-mentions { height: 1fr; }
        #entity-mentions > .option-list--option { padding: 0 1; }
    }
    """

    def __init__(self, brief: Brief, entity_id: str | None = None) -> None:
        super().__init__(brief)
        self.entity_id = entity_id
        self.kinds: list[str] = []
        self.kind: str | None = None
        self.brief_changed()

    def brief_changed(self) -> None:
        """The kinds of entity the brief names (a kind no longer named is no longer chosen)."""
        self.kinds = [k for k in ENTITY_KINDS if any(e.kind == k for e in self.brief.entities)]
        if self.kind not in self.kinds:
            self.kind = None

    def compose(self) -> ComposeResult:
        """The grouped list beside the selected entity's details and mentions."""
        with Horizontal(id="entity-panes"):
            yield ItemList(id="entity-list")
            with Vertical(id="entity-detail"):
                yield Static(id="entity-about")
                mentions = ItemList(id="entity-mentions")
                mentions.border_title = "Named in"
                yield mentions
        yield Footer()

    def on_mount(self) -> None:
        """List the entities and select the one asked for."""
        self._fill_list()
        self.query_one("#entity-list").focus()

    def _fill_list(self) -> None:
        """List the entities of the chosen kind (or all), grouped by kind, in brief order."""
        listing = self.query_one("#entity-list", OptionList)
        listing.clear_options()
        listing.border_title = "Entities" + (f" · {KIND_TITLES[self.kind]}" if self.kind else "")
        for kind in self.kinds if self.kind is None else [self.kind]:
            members = [e for e in self.brief.entities if e.kind == kind]
            listing.add_option(heading(f"{KIND_TITLES.get(kind, kind)} ({len(members)})"))
            listing.add_options(Option(entity_prompt(e), id=e.id) for e in members)
        if not self.brief.entities:
            listing.add_option(heading("This brief names no entities."))
            return
        shown = [o.id for o in listing.options]
        ids = [i for i in shown if i is not None]
        wanted = self.entity_id if self.entity_id in ids else (ids[0] if ids else None)
        listing.highlighted = shown.index(wanted) if wanted else None

    @on(OptionList.OptionHighlighted, "#entity-list")
    def _show_entity(self, event: OptionList.OptionHighlighted) -> None:
        """Show what the highlighted entity is and everything that names it."""
        entity = self.brief.entity(event.option.id or "")
        self.entity_id = entity.id
        excerpts = self.brief.entity_excerpts(entity.id)
        events = self.brief.entity_events(entity.id)
        about = safe_line(entity.name, "bold")
        about.append(f"  ({entity.kind})", "dim")
        if entity.role:
            about.append("\nRole: ", "bold")
            about.append_text(safe(entity.role))
        about.append("\nAlso called: ", "bold")
        if entity.aliases:
            about.append_text(safe(", ".join(entity.aliases)))
        else:
            about.append("no other names", "dim")
        about.append(f"\nNamed in {count(excerpts, 'excerpt')} and {count(events, 'event')}")
        self.query_one("#entity-about", Static).update(about)
        mentions = self.query_one("#entity-mentions", ItemList)
        mentions.clear_options()
        mentions.add_option(heading(f"Excerpts ({len(excerpts)})"))
        mentions.add_options(Option(excerpt_prompt(self.brief, x), id=x.id) for x in excerpts)
        mentions.add_option(heading(f"Events ({len(events)})"))
        mentions.add_options(Option(event_prompt(e), id=e.id) for e in events)
        mentions.highlight_first()

    @on(OptionList.OptionSelected, "#entity-list")
    def _choose_entity(self, event: OptionList.OptionSelected) -> None:
        """Enter on an entity: the caller filters the main panes by it."""
        self.dismiss(event.option.id)

    @on(OptionList.OptionSelected, "#entity-mentions")
    def _open_mention(self, event: OptionList.OptionSelected) -> None:
        """Enter on an excerpt or event that names the entity: the caller goes there."""
        self.dismiss(event.option.id)

    def action_cycle_kind(self) -> None:
        """Show only the next kind of entity, then all again."""
        choices: list[str | None] = [None, *self.kinds]
        self.kind = choices[(choices.index(self.kind) + 1) % len(choices)]
        self._fill_list()

    def open_quote(self, excerpt: Excerpt) -> None:
        """o: the quote in its article, over this screen (Escape comes back here)."""
        from briefing.ui.screens.source import SourceReaderScreen

        self.app.push_screen(SourceReaderScreen(self.brief, excerpt.source, excerpt.id))
