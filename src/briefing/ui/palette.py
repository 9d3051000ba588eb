"""The command palette: the screen's own commands, and a jump to any named item.

`CommandsProvider` offers the commands a screen lists in `PALETTE` (declared in
`briefing.keys`, like its bindings); `JumpProvider` lets the palette jump to any topic,
event, source or entity by name on a screen that can show items.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import partial
from typing import Any, Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import FuzzySearch
from textual.markup import escape

from briefing.brief.model import Brief
from briefing.keys import Command
from briefing.sanitize import one_line

MAX_HITS = 100


@runtime_checkable
class ShowsItems(Protocol):
    """A screen the palette can jump on: it has a brief and can show any item of it."""

    brief: Brief

    def show_item(self, item_id: str) -> None:
        """Select and show this item."""


def highlighted(text: str, offsets: Iterable[int]) -> Content:
    """Plain text (never markup) with the matched characters underlined."""
    content = Content(text)
    for offset in offsets:
        content = content.stylize("underline bold", offset, offset + 1)
    return content


class CommandsProvider(Provider):
    """The screen's commands (its `PALETTE`) in the palette, with their help."""

    def _commands(self) -> tuple[Command, ...]:
        commands: tuple[Command, ...] = getattr(self.screen, "PALETTE", ())
        return commands

    async def discover(self) -> Hits:
        """Every command, before anything is typed."""
        for command in self._commands():
            yield DiscoveryHit(command.footer, self._runner(command), help=command.help)

    async def search(self, query: str) -> Hits:
        """Commands whose title or help matches."""
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(f"{command.footer} {command.help}")
            if score > 0:
                yield Hit(score, command.footer, self._runner(command), help=command.help)

    def _runner(self, command: Command) -> partial[Any]:
        return partial(self.screen.run_action, command.action)


MATCHED = 160
"""The characters of a name the palette matches and shows: Textual's fuzzy match grows
much faster than the text (a 2,000-character title took seconds for a three-letter
query), and a palette line shows fewer than that."""


def matched_part(text: str) -> str:
    """A name on one line, cut to MATCHED characters."""
    line = one_line(text[: MATCHED * 4])  # (folding white space only shortens it)
    return line if len(line) <= MATCHED else line[:MATCHED] + "…"


MAX_STARTS = 24
"""Placements of a query tried per name (see `fuzzy_match`)."""


def fuzzy_match(search: FuzzySearch, query: str, text: str) -> tuple[float, list[int]]:
    """Textual's fuzzy score for the best of a bounded set of placements of the query's
    letters: from each word start where its first letter stands (and its first place),
    each next letter at its first place after. Textual's own `FuzzySearch.match` tries
    every placement, which grows combinatorially: `alias1` across a thousand names of
    twenty aliases each took fifty seconds."""
    wanted, text = query.lower(), text.lower()
    if not wanted:
        return 0.0, []
    if wanted in text:
        start = text.find(wanted)
        offsets = list(range(start, start + len(wanted)))
        return search.score(text, offsets) * (2.0 if text == wanted else 1.5), offsets
    first = text.find(wanted[0])
    if first < 0:
        return 0.0, []
    words = (m.start() for m in re.finditer(r"\w+", text) if text.startswith(wanted[0], m.start()))
    best: tuple[float, list[int]] = (0.0, [])
    for start in sorted({first, *itertools.islice(words, MAX_STARTS)}):
        placed = _placed(wanted, text, start)
        if placed and (score := search.score(text, placed)) > best[0]:
            best = (score, placed)
    return best


def _placed(query: str, text: str, start: int) -> list[int] | None:
    """The query's letters from `start`, each at its first place after the last."""
    offsets, position = [start], start + 1
    for letter in query[1:]:
        position = text.find(letter, position)
        if position < 0:
            return None
        offsets.append(position)
        position += 1
    return offsets


class JumpProvider(Provider):
    """Jump to any topic, event, source or entity by name."""

    async def startup(self) -> None:
        """Collect the names once per palette opening."""
        self.targets: list[tuple[str, str, str]] = []
        screen = self._target()
        if screen is None:
            return
        brief = screen.brief
        named = [
            *((t.title, "topic", t.id) for t in brief.topics),
            *((f"{e.date.show()} {e.title}", "event", e.id) for e in brief.events),
            *((s.title, "source", s.id) for s in brief.sources),
            *((" / ".join((n.name, *n.aliases)), n.kind, n.id) for n in brief.entities),
        ]
        self.targets = [(matched_part(text), kind, item_id) for text, kind, item_id in named]

    def _target(self) -> ShowsItems | None:
        return self.screen if isinstance(self.screen, ShowsItems) else None

    async def search(self, query: str) -> Hits:
        """Targets that fuzzily match the query, best first (at most MAX_HITS)."""
        screen = self._target()
        if screen is None or not query.strip():
            return
        matcher = self.matcher(query)
        wanted = set(query.lower().replace(" ", ""))
        hits = 0
        for text, kind, item_id in self.targets:
            if not wanted.issubset(text.lower()):
                continue
            score, offsets = fuzzy_match(matcher.fuzzy_search, query, text)
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
