"""`A` in the source reader: the selected passage becomes a new excerpt of the brief.

A dialog asks for the excerpt's id (a suggestion from the quote's first telling words is
filled in) and its topics (ticked in a list, the current quote's topics to start with).
The brief file is then edited as text by `briefing.authoring.edit.add_excerpt`, which
checks the edited brief before it replaces the file and refuses an edit that would add a
problem; the check runs in a thread, and the reader then shows the new excerpt.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, SelectionList, Static

from briefing import keys
from briefing.brief.model import Brief
from briefing.ui.bindings import bindings
from briefing.ui.text import MAX_LINE, MAX_TYPED
from briefing.ui.widgets.in_order_input import InOrderInput

NewExcerpt = tuple[str, list[str]]
"""The id and the topics the user chose."""


PATH_SHOWN = 4
"""The most titles of a topic's path its label shows (the first, `…`, the last ones): with
topics nested hundreds deep, whole paths made the list's layout grow with the square of
the depth (over half a minute to open this dialog)."""


def topic_choices(brief: Brief) -> list[tuple[str, str]]:
    """Every topic as (its path of titles, its id), in the brief's order."""
    choices = []
    for topic in brief.topics:
        titles = [t.title[:MAX_LINE] for t in brief.topic_path(topic.id)]
        if len(titles) > PATH_SHOWN:
            titles = [titles[0], "…", *titles[2 - PATH_SHOWN :]]
        choices.append((" › ".join(titles), topic.id))
    return choices


class NewExcerptDialog(ModalScreen[NewExcerpt | None]):
    """The new excerpt's id and topics; Enter (in the id) or Ctrl+S saves, Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.NEW_EXCERPT_DIALOG)
    DEFAULT_CSS = """
    NewExcerptDialog {
        align: center middle;
        #excerpt-dialog {
            width: 90%;
            max-width: 90;
            height: auto;
            max-height: 90%;
            border: round $accent;
            background: $panel;
            padding: 0 1;
        }
        #excerpt-topics { height: auto; max-height: 10; }
        #excerpt-help { color: $text-muted; }
    }
    """

    def __init__(self, brief: Brief, suggested_id: str, topics: Sequence[str]) -> None:
        super().__init__()
        self.brief = brief
        self.suggested_id = suggested_id
        self.ticked = set(topics)

    def compose(self) -> ComposeResult:
        """The id, the topics, a line of help."""
        with Vertical(id="excerpt-dialog") as box:
            box.border_title = "Add the selection to the brief as an excerpt"
            yield InOrderInput(
                self.suggested_id,
                id="excerpt-id",
                placeholder="The new excerpt's id",
                max_length=MAX_TYPED,
            )
            yield SelectionList[str](
                *(
                    (Text(title, end=""), topic_id, topic_id in self.ticked)
                    for title, topic_id in topic_choices(self.brief)
                ),
                id="excerpt-topics",
            )
            yield Static(
                "Space ticks a topic · Tab moves · Enter in the id or Ctrl+S adds · Esc cancels",
                id="excerpt-help",
                markup=False,
            )

    def on_mount(self) -> None:
        """Start in the id, the suggestion ready to keep or change."""
        self.query_one("#excerpt-topics").border_title = "Topics"
        self.query_one("#excerpt-id", Input).focus()

    @on(Input.Submitted, "#excerpt-id")
    def action_save(self) -> None:
        """Give back the id and the ticked topics (at least one is needed)."""
        excerpt_id = self.query_one("#excerpt-id", Input).value.strip()
        topics = list(self.query_one("#excerpt-topics", SelectionList).selected)
        if not excerpt_id:
            self.notify("Give the excerpt an id.", severity="warning")
        elif not topics:
            self.notify(
                "Tick at least one topic (Tab to the list, then Space).", severity="warning"
            )
        else:
            self.dismiss((excerpt_id, [str(t) for t in topics]))

    def action_cancel(self) -> None:
        """Escape: nothing is added."""
        self.dismiss(None)
