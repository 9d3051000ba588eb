"""One-line bars of the main screen and the overview: header, active filters, and keys with
the citation style."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.widget import Widget
from textual.widgets import Static

from briefing.brief.model import Brief
from briefing.ui.text import safe_line


class BriefHeader(Widget):
    """The brief's title and subtitle on the left, its "as of" date on the right.

    One widget drawing one line (a container of two Statics was three widgets to style
    and lay out for the first frame): the title is cut with an ellipsis to leave the
    date whole."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"brief-header--date"}
    DEFAULT_CSS = """
    BriefHeader {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $foreground;
        & > .brief-header--date { color: $text-muted; }
    }
    """

    def __init__(self, brief: Brief) -> None:
        super().__init__(id="header")
        self.heading = safe_line(brief.title, "bold")
        if brief.subtitle:
            self.heading.append(" — ")
            self.heading.append_text(safe_line(brief.subtitle))
        self.date = f"as of {brief.as_of.show()}"

    def render(self) -> Text:
        """The title, cut to the width left by the date, and the date."""
        width = self.content_region.width
        date = Text(self.date, self.get_component_rich_style("brief-header--date"))
        title = self.heading.copy()
        title.truncate(max(width - date.cell_len - 2, 1), overflow="ellipsis")
        title.pad_right(max(width - title.cell_len - date.cell_len, 0))
        return Text.assemble(title, date, no_wrap=True, end="")


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

    DEFAULT_CSS = """
    FilterBar {
        height: 1;
        padding: 0 1;
        background: $accent-muted;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def show_filters(self, parts: list[tuple[str, str]]) -> None:
        """Show these filters, or hide the bar when there are none."""
        self.display = bool(parts)
        self.update(filter_text(parts) if parts else "")


class KeyBar(Widget):
    """The keys that matter now, from the screen's active bindings, and the citation
    style `c` copies with at the right (`s` or a click there cycles it), in one line.

    A single widget drawing one line rather than Textual's Footer (a widget per key,
    rebuilt on every focus change): it draws at start-up in a fraction of the time. Keys
    are clickable.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"keybar--key", "keybar--style"}
    DEFAULT_CSS = """
    KeyBar {
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        link-style: none;
        link-style-hover: reverse;
        & > .keybar--key { color: $footer-key-foreground; text-style: bold; }
        & > .keybar--style { background: $secondary-muted; color: $foreground; }
    }
    """

    def on_mount(self) -> None:
        """Follow the screen's bindings as focus and state change, and the app's style."""
        self.screen.bindings_updated_signal.subscribe(self, self._changed)
        self.watch(self.app, "citation_style", self._changed, init=False)

    def _changed(self, _: object) -> None:
        self.refresh()

    def on_unmount(self) -> None:
        """Stop following."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def render(self) -> Text:
        """As many keys as fit beside the style, in the order the screen declares them;
        a key that would not fit whole is left out rather than cut, and Help stays."""
        style = self.style_text()
        keys: list[tuple[str, str, str]] = []  # (key, as shown, description)
        seen: set[str] = set()
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not binding.show or not active.enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            keys.append((key, f" {self.app.get_key_display(binding)} ", binding.description))
        room = (self.size.width or self.app.size.width) - style.cell_len
        while sum(len(shown) + len(what) + 1 for _, shown, what in keys) > room and keys:
            dropped = next((k for k in reversed(keys) if k[0] != "question_mark"), keys[-1])
            keys.remove(dropped)
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        key_style = self.get_component_rich_style("keybar--key", partial=True)
        for key, shown, what in keys:
            click = Style(meta={"@click": f"app.simulate_key({key!r})"})
            text.append(shown, key_style + click)
            text.append(f"{what} ", click)
        text.pad_right(max(room - text.cell_len, 0))
        return Text.assemble(text, style, no_wrap=True, end="")

    def style_text(self) -> Text:
        """` s cite: chicago `: the key and the style's name; a click cycles the style."""
        name = getattr(self.app, "citation_style", "plain")
        look = self.get_component_rich_style("keybar--style")
        click = Style(meta={"@click": "screen.cycle_style"})
        return Text.assemble(
            (" s ", look + Style(bold=True) + click), (f"cite: {name} ", look + click)
        )

    @property
    def plain(self) -> str:
        """The bar as a reader sees it."""
        return self.render().plain
