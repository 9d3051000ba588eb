"""Where and how to save the basket's memo: a file name, and a format chosen from a list."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing import keys
from briefing.cite.memo import FORMATS
from briefing.cite.memo_files import FORMAT_NAMES, default_memo_path, format_for
from briefing.ui.bindings import bindings
from briefing.ui.text import MAX_TYPED
from briefing.ui.widgets.in_order_input import InOrderInput


class MemoExportDialog(ModalScreen[tuple[Path, str] | None]):
    """Asks for a format (↑↓) and a path (Tab to edit); Enter saves, Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.MEMO_DIALOG)
    DEFAULT_CSS = """
    MemoExportDialog {
        align: center middle;
        #memo-dialog {
            width: 90%;
            max-width: 90;
            height: auto;
            border: round $accent;
            background: $panel;
            padding: 0 1;
        }
        #memo-formats { height: auto; max-height: 6; }
        #memo-help { color: $text-muted; }
    }
    """

    def __init__(self, style_name: str) -> None:
        super().__init__()
        self.style_name = style_name

    def compose(self) -> ComposeResult:
        """The formats, the path and a line of help."""
        with Vertical(id="memo-dialog") as box:
            box.border_title = f"Save the memo ({self.style_name})"
            yield OptionList(
                *(Option(Text(FORMAT_NAMES[f], end=""), id=f) for f in FORMATS), id="memo-formats"
            )
            yield InOrderInput(str(default_memo_path()), id="memo-path", max_length=MAX_TYPED)
            yield Static(
                "↑↓ format · Tab edits the file name · Enter saves · Escape cancels",
                id="memo-help",
                markup=False,
            )

    def on_mount(self) -> None:
        """Start on the formats, Markdown highlighted."""
        formats = self.query_one("#memo-formats", OptionList)
        formats.highlighted = 0
        formats.focus()

    @on(OptionList.OptionHighlighted, "#memo-formats")
    def _format_changed(self, event: OptionList.OptionHighlighted) -> None:
        """Give the file name the chosen format's extension (if it had one of ours)."""
        field = self.query_one("#memo-path", Input)
        path = Path(field.value)
        fmt = event.option.id or "markdown"
        if format_for(path) is not None or not path.suffix:
            field.value = str(path.with_suffix(FORMATS[fmt]))

    @on(OptionList.OptionSelected, "#memo-formats")
    @on(Input.Submitted, "#memo-path")
    def _save(self) -> None:
        formats = self.query_one("#memo-formats", OptionList)
        index = formats.highlighted or 0
        fmt = formats.get_option_at_index(index).id or "markdown"
        value = self.query_one("#memo-path", Input).value.strip()
        if not value:
            self.notify("Give the memo a file name.", severity="warning")
            return
        self.dismiss((Path(value).expanduser(), fmt))

    def action_cancel(self) -> None:
        """Escape: nothing is saved."""
        self.dismiss(None)
