"""One-line bars of the main screen: header, active filters, keys and citation style."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from briefing.brief.model import Brief
from briefing.ui.text import safe_line


class BriefHeader(Horizontal):
    """The brief's title and subtitle on the left, its "as of" date on the right."""

    def __init__(self, brief: Brief) -> None:
        super().__init__(id="header")
        self.brief = brief

    def compose(self) -> ComposeResult:
        """Title (cut with an ellipsis when narrow) and date (always whole)."""
        title = safe_line(self.brief.title, "bold")
        if self.brief.subtitle:
            title.append(" — ")
            title.append_text(safe_line(self.brief.subtitle))
        yield Static(title, id="header-title")
        yield Static(Text(f"as of {self.brief.as_of.show()}"), id="header-date")


def filter_text(parts: list[tuple[str, str]]) -> Text:
    """`Topic: Trade › Ports · Entity: Su-57` from (label, untrusted value) pairs."""
    text = Text("Filtered by ", end="")
    for number, (label, value) in enumerate(parts):
        if number:
            text.append("  ·  ")
        text.append(f"{label}: ", style="bold")
        text.append_text(safe_line(value))
    text.append("   (Esc: undo last, x: clear all)", style="dim")
    text.no_wrap = True
    text.overflow = "ellipsis"
    return text


class FilterBar(Static):
    """Shows the active filters; hidden while nothing is filtered."""

    def show_filters(self, parts: list[tuple[str, str]]) -> None:
        """Show these filters, or hide the bar when there are none."""
        self.display = bool(parts)
        self.update(filter_text(parts) if parts else "")


class StyleIndicator(Static):
    """The citation style `c` copies with, next to the footer; `s` (or a click) cycles it."""

    def show_style(self, style: str) -> None:
        """Show the key and the style's name."""
        self.update(Text.assemble((" s ", "bold"), (f"cite: {style} ", ""), no_wrap=True))

    async def on_click(self) -> None:
        """A click cycles the style, like `s`."""
        await self.run_action("screen.cycle_style")


class KeyBar(Static):
    """The keys that matter now, from the screen's active bindings, in one line.

    A single Static rather than Textual's Footer (a widget per key, rebuilt on every
    focus change): it draws at start-up in a fraction of the time. Keys are clickable.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"keybar--key"}

    def on_mount(self) -> None:
        """Follow the screen's bindings as focus and state change."""
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self._bindings_changed(self.screen)

    def on_unmount(self) -> None:
        """Stop following."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self) -> None:
        """A different width fits a different number of keys."""
        self._bindings_changed(self.screen)

    def _bindings_changed(self, screen: object) -> None:
        """Show as many keys as fit, in the order the screen declares them; a key that
        would not fit whole is left out rather than cut, and Help always stays."""
        keys: list[tuple[str, str, str]] = []  # (key, as shown, description)
        seen: set[str] = set()
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not binding.show or not active.enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            keys.append((key, f" {self.app.get_key_display(binding)} ", binding.description))
        room = self.size.width or self.app.size.width
        while sum(len(shown) + len(what) + 1 for _, shown, what in keys) > room and keys:
            dropped = next((k for k in reversed(keys) if k[0] != "question_mark"), keys[-1])
            keys.remove(dropped)
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        key_style = self.get_component_rich_style("keybar--key", partial=True)
        for key, shown, what in keys:
            click = Style(meta={"@click": f"app.simulate_key({key!r})"})
            text.append(shown, key_style + click)
            text.append(f"{what} ", click)
        self.update(text)
