"""Help: every key that works on the screen below, read from its live bindings."""

from __future__ import annotations

import re
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from briefing import keys
from briefing.ui.bindings import bindings
from briefing.ui.screens.closing import ModalOnTop

KeyRow = tuple[str, str]
"""The keys (as shown in the footer) and what they do."""


def group_title(node: DOMNode) -> str:
    """How a group of keys is headed, in words: "Everywhere" for the app, else the screen's
    or pane's `HELP_TITLE` ("Main screen", "Timeline"), else its class name split into
    words ("SourceReaderScreen" reads "Source reader")."""
    if isinstance(node, App):
        return "Everywhere"
    title = getattr(node, "HELP_TITLE", None)  # a widget may be titled for where it is
    return title if isinstance(title, str) else words_of(type(node).__name__)


def words_of(class_name: str) -> str:
    """`SourceReaderScreen` -> `Source reader`: the words of a class name, in sentence case,
    without a trailing "Screen"."""
    words = re.findall(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+", class_name)
    if len(words) > 1 and words[-1] == "Screen":
        words.pop()
    text = " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words)
    return sentence_case(text) or class_name


def sentence_case(text: str) -> str:
    """`Scroll Left` -> `Scroll left`: the first letter capitalised; a description in Title
    Case (as Textual's own keys have) lowered after its first word, acronyms kept; no
    closing full stop."""
    words = text.rstrip(".").split(" ")
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        words[1:] = [w if w.isupper() else w.lower() for w in words[1:]]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


SIDEWAYS = {"scroll_left", "scroll_right", "page_left", "page_right"}
"""Actions that mean nothing in a pane that never scrolls sideways."""


def applies(active: ActiveBinding) -> bool:
    """False for sideways scrolling keys of a pane that cannot scroll sideways."""
    node = active.node
    if active.binding.action in SIDEWAYS and isinstance(node, Widget):
        return node.allow_horizontal_scroll
    return True


def key_groups(app: App[object], screen: Screen[object]) -> list[tuple[str, list[KeyRow]]]:
    """The screen's active bindings, grouped by where they are defined (the focused part,
    the screen, the app, in that order) with each action once and all its keys."""
    keys: dict[DOMNode, dict[str, list[str]]] = {}
    described: dict[tuple[DOMNode, str], str] = {}
    for active in screen.active_bindings.values():
        if not applies(active):
            continue
        action = active.binding.action
        shown = keys.setdefault(active.node, {}).setdefault(action, [])
        display = app.get_key_display(active.binding)
        if display not in shown:
            shown.append(display)
        described[active.node, action] = describe(active)
    return [
        (
            group_title(node),
            [(" ".join(shown), described[node, action]) for action, shown in actions.items()],
        )
        for node, actions in keys.items()
    ]


def describe(active: ActiveBinding) -> str:
    """The binding's tooltip (the longer help), else its description, else its action."""
    binding = active.binding
    text = active.tooltip or binding.description or binding.action.replace("_", " ")
    text = sentence_case(text)
    return text if active.enabled else f"{text} (not available now)"


class HelpScreen(ModalOnTop[None]):
    """Lists the keys of the app and of the screen it was opened over; Escape or ? closes."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.HELP_SCREEN)
    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        #help-body {
            width: 90%;
            max-width: 100;
            height: 90%;
            border: round $accent;
            background: $panel;
            padding: 0 1;
        }
    }
    """

    def compose(self) -> ComposeResult:
        """One scrollable body; its content is filled on mount from the screen below."""
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "Escape or ? closes"
            yield Static(id="help-keys")

    def on_mount(self) -> None:
        """Read the live bindings of the screen below this one."""
        stack = self.app.screen_stack
        below = stack[-2] if len(stack) > 1 and stack[-1] is self else None
        if below is None:
            below = stack[-1]
        self.query_one("#help-keys", Static).update(render_groups(key_groups(self.app, below)))
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)


def render_groups(groups: list[tuple[str, list[KeyRow]]]) -> RenderableType:
    """The groups as headed two-column tables."""
    parts: list[RenderableType] = []
    for title, rows in groups:
        table = Table.grid(padding=(0, 2))
        table.add_column(min_width=12, style="bold")
        table.add_column()
        for shown, description in rows:
            table.add_row(Text(shown, end=""), Text(description, end=""))
        parts.extend([Text(title, "bold underline"), table, Text("")])
    return Group(*parts)
