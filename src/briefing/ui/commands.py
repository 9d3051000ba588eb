"""The main screen's commands, each with its key and help, and the command palette.

A `Command` feeds three places from one definition: the screen's bindings (remappable by
their `id`), the footer, and the palette. `JumpProvider` lets the palette jump to any
topic, event, source or entity by name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, Protocol, runtime_checkable

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from briefing.brief.model import Brief
from briefing.sanitize import one_line

MAX_HITS = 100


@dataclass(frozen=True, slots=True)
class Command:
    """One thing the user can do on the main screen."""

    name: str
    key: str
    title: str
    help: str
    show: bool = True
    priority: bool = False
    """Checked before the focused widget's keys (as Textual's own Ctrl+P is)."""

    @property
    def binding(self) -> Binding:
        """The binding; its id (`briefing.NAME`) lets users remap the key."""
        return Binding(
            self.key,
            self.name,
            self.title,
            show=self.show,
            id=f"briefing.{self.name.removeprefix('app.')}",
            tooltip=self.help,
            priority=self.priority,
        )


MAIN_COMMANDS: tuple[Command, ...] = (
    Command("open_source", "o", "Open", "Open the selected excerpt's article"),
    Command("search", "slash", "Search", "Search the whole brief"),
    Command("copy", "c", "Copy", "Copy the selected item with its citation"),
    Command("add_to_basket", "a", "Add", "Add the selected item to the basket", show=False),
    Command("basket", "b", "Basket", "Show the basket of collected items", show=False),
    Command("cycle_style", "s", "Style", "Cycle the citation style used for copying", show=False),
    Command("disputes", "d", "Disputes", "Show the disputes between sources", show=False),
    Command("figures", "f", "Figures", "Show the key figures as a table", show=False),
    Command("entities", "e", "Entities", "Show people, places and organisations", show=False),
    Command("clear_filters", "x", "Clear", "Clear every filter and narrowing"),
    Command("back", "escape", "Back", "Clear the last narrowing (event, entity, topic)"),
    Command("overview", "escape", "Overview", "Back to the overview: summary, disputes, figures"),
    Command("help", "question_mark", "Help", "Show every key"),
    Command("quit", "q", "Quit", "Quit briefing"),
)


def command(name: str) -> Command:
    """The main screen's command of that name."""
    return next(c for c in MAIN_COMMANDS if c.name == name)


OVERVIEW_COMMANDS: tuple[Command, ...] = (
    Command("app.focus_next", "tab", "Next", "Move to the next part: summary, disputes, figures"),
    Command("panes", "t", "Timeline", "Show the topics, timeline and excerpts", show=True),
    *(
        replace(command(name), show=True)
        for name in ("search", "disputes", "figures", "entities", "add_to_basket", "basket")
    ),
    Command(
        "app.command_palette",
        "ctrl+p",
        "Jump",
        "Jump to any topic, event, source or entity",
        priority=True,
    ),
    command("help"),
    replace(command("copy"), show=False),
    command("cycle_style"),
    replace(command("quit"), show=False),
)
"""The overview's keys: the main screen's where they do the same, and its own."""


def bindings(commands: Iterable[Command]) -> list[Binding]:
    """The bindings for these commands."""
    return [command.binding for command in commands]


def highlighted(text: str, offsets: Iterable[int]) -> Content:
    """Plain text (never markup) with the matched characters underlined."""
    content = Content(text)
    for offset in offsets:
        content = content.stylize("underline bold", offset, offset + 1)
    return content


class CommandsProvider(Provider):
    """The main screen's commands in the palette, with their keys."""

    async def discover(self) -> Hits:
        """Every command, before anything is typed."""
        for command in MAIN_COMMANDS:
            yield DiscoveryHit(command.title, self._runner(command), help=command.help)

    async def search(self, query: str) -> Hits:
        """Commands whose title or help matches."""
        matcher = self.matcher(query)
        for command in MAIN_COMMANDS:
            score = matcher.match(f"{command.title} {command.help}")
            if score > 0:
                yield Hit(score, command.title, self._runner(command), help=command.help)

    def _runner(self, command: Command) -> partial[Any]:
        return partial(self.screen.run_action, command.name)


@runtime_checkable
class ShowsItems(Protocol):
    """A screen that can go to any item of its brief."""

    brief: Brief

    def show_item(self, item_id: str) -> None:
        """Go to the item."""


class JumpProvider(Provider):
    """Jump to any topic, event, source or entity by name."""

    async def startup(self) -> None:
        """Collect the names once per palette opening."""
        self.targets: list[tuple[str, str, str]] = []
        screen = self._host()
        if screen is None:
            return
        brief = screen.brief
        named = [
            *((t.title, "topic", t.id) for t in brief.topics),
            *((f"{e.date.show()} {e.title}", "event", e.id) for e in brief.events),
            *((s.title, "source", s.id) for s in brief.sources),
            *((" / ".join((n.name, *n.aliases)), n.kind, n.id) for n in brief.entities),
        ]
        self.targets = [(one_line(text), kind, item_id) for text, kind, item_id in named]

    def _host(self) -> ShowsItems | None:
        return self.screen if isinstance(self.screen, ShowsItems) else None

    async def search(self, query: str) -> Hits:
        """Targets that fuzzily match the query, best first (at most MAX_HITS)."""
        screen = self._host()
        if screen is None or not query.strip():
            return
        matcher = self.matcher(query)
        wanted = set(query.lower().replace(" ", ""))
        hits = 0
        for text, kind, item_id in self.targets:
            if not wanted.issubset(text.lower()):
                continue
            score, offsets = matcher.fuzzy_search.match(query, text)
            if score > 0:
                hits += 1
                yield Hit(
                    score,
                    highlighted(text, offsets),
                    partial(screen.show_item, item_id),
                    text=text,
                    help=escape(f"Go to {one_line(kind)}"),  # the palette parses help as markup
                )
                if hits >= MAX_HITS:
                    return
