"""Textual bindings from the commands declared in `briefing.keys`.

    BINDINGS = bindings(keys.SOURCE_READER)

Each binding keeps its command's id, so the app's keymap (config.toml's `[keys]`) remaps
it on every screen that has it; the footer shows `footer`, the help screen `help`.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding, BindingType

from briefing.keys import Command


def binding(command: Command) -> Binding:
    """The Textual binding of one command."""
    return Binding(
        command.keys,
        command.action,
        command.footer,
        show=command.show,
        priority=command.priority,
        tooltip=command.help,
        id=command.id,
    )


def bindings(*groups: Iterable[Command]) -> list[BindingType]:
    """The bindings of these groups of commands, in order."""
    return [binding(command) for group in groups for command in group]
