"""The clip basket: the clips gathered while reading, to reorder, annotate and export.

Every change goes straight to disk through `briefing.cite.basket.Basket` (a locked
read-merge-write), so what the screen shows is what another instance would read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Footer, Input, OptionList
from textual.widgets.option_list import Option

from briefing import keys
from briefing.brief.model import Brief
from briefing.cite.basket import Basket, Clip
from briefing.cite.memo import memo, memo_style
from briefing.cite.style_names import STYLE_NAMES
from briefing.sanitize import one_line
from briefing.ui.bindings import bindings
from briefing.ui.screens.base import ItemList, show_help
from briefing.ui.screens.closing import OnTop
from briefing.ui.text import MAX_TYPED, safe_entry, safe_line
from briefing.ui.widgets.in_order_input import InOrderInput

PREVIEW_LINES = 4
EMPTY = "The basket is empty. Press a on an item in the reader to add it."


def clip_prompt(number: int, clip: Clip) -> Text:
    """A clip as a list row: number, kind and title, its text (a few lines) and its note."""
    prompt = Text(f"{number}. ", "bold", end="")
    prompt.append_text(safe_line(f"{clip.kind}: {clip.title or clip.item_id}", "bold"))
    prompt.append("  ·  ", "dim")
    prompt.append_text(safe_line(clip.brief_title, "italic dim"))
    lines = [line for line in clip.text.split("\n") if line.strip()]
    preview = "\n".join(lines[:PREVIEW_LINES]) + ("\n…" if len(lines) > PREVIEW_LINES else "")
    prompt.append("\n")
    prompt.append_text(safe_entry(preview))
    if clip.note:
        prompt.append("\nNote: ", "bold")
        prompt.append_text(safe_entry(clip.note, "italic"))
    return prompt


class BasketScreen(OnTop[str | None]):
    """Lists the clips; moves, removes and annotates them; exports the memo. Escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.BASKET_SCREEN)
    DEFAULT_CSS = """
    BasketScreen {
        #basket-list {
            height: 1fr;
            border: round $primary 60%;
            &:focus { border: round $accent; }
        }
        #basket-note { dock: bottom; display: none; }
        #basket-note.-editing { display: block; }
    }
    """

    def __init__(self, brief: Brief | None = None) -> None:
        super().__init__()
        self.brief = brief
        self.basket = Basket()
        self.removed: list[tuple[Clip, int]] = []
        """Clips removed while the basket was open, last last, with their places: `u`
        puts them back in turn."""

    def compose(self) -> ComposeResult:
        """The list of clips, a note field shown on demand, and the keys."""
        clips = ItemList(id="basket-list")
        clips.border_title = "Basket"
        yield clips
        yield InOrderInput(
            id="basket-note",
            placeholder="A note for this clip; Enter saves, Escape cancels",
            max_length=MAX_TYPED,
        )
        yield Footer()

    def on_mount(self) -> None:
        """Read the basket (warning if the file was damaged) and list it."""
        self._run(self.basket.reload, failed="could not be read")
        self.query_one("#basket-list").focus()

    def _run(
        self, change: Callable[..., str | None], *args: object, failed: str = "could not be saved"
    ) -> bool:
        """Apply a basket change, show its warning or error, refresh; True if it worked."""
        try:
            warning = change(*args)
        except OSError as error:
            message = f"The basket {failed}: {one_line(str(error))}"
            self.notify(message, severity="error", markup=False)
            self._refresh_list()  # what is known of the basket, rather than a blank list
            return False
        if warning:
            self.notify(one_line(warning), title="Basket", severity="warning", markup=False)
        self._refresh_list()
        return True

    def _refresh_list(self, keep: str | None = None) -> None:
        listing = self.query_one("#basket-list", OptionList)
        keep = keep or self.selected_clip_id()
        listing.clear_options()
        clips = self.basket.clips
        listing.border_title = f"Basket · {len(clips)} clip{'s' * (len(clips) != 1)}"
        if not clips:
            listing.add_option(Option(Text(EMPTY, "dim italic", end=""), disabled=True))
            return
        for number, clip in enumerate(clips, 1):
            listing.add_options([Option(clip_prompt(number, clip), id=clip.id), None])
        ids = [c.id for c in clips]
        listing.highlighted = ids.index(keep) if keep in ids else 0

    def selected_clip_id(self) -> str | None:
        """The id of the highlighted clip, if any."""
        listing = self.query_one("#basket-list", OptionList)
        if listing.highlighted is None or not self.basket.clips:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    def action_move(self, offset: int) -> None:
        """Move the highlighted clip up or down, keeping it highlighted."""
        clip_id = self.selected_clip_id()
        if clip_id is not None and self._run(self.basket.move, clip_id, offset):
            self._refresh_list(keep=clip_id)

    def action_remove(self) -> None:
        """Remove the highlighted clip (u puts it back)."""
        clip_id = self.selected_clip_id()
        if clip_id is not None:
            index = [c.id for c in self.basket.clips].index(clip_id)
            clip = self.basket.clips[index]
            if not self._run(self.basket.remove, clip_id):
                return
            self.removed.append((clip, index))
            self.notify(f"Removed clip {index + 1}; u puts it back.", markup=False, timeout=4)
            listing = self.query_one("#basket-list", OptionList)
            if self.basket.clips:
                listing.highlighted = min(index, len(self.basket.clips) - 1)

    def action_undo_remove(self) -> None:
        """u: put the last removed clip back where it was."""
        if not self.removed:
            self.notify("Nothing to put back.", markup=False)
            return
        clip, index = self.removed.pop()
        if self._run(self.basket.restore, clip, index):
            self._refresh_list(keep=clip.id)

    def action_note(self) -> None:
        """Open the note field for the highlighted clip, holding its current note."""
        clip_id = self.selected_clip_id()
        if clip_id is None:
            return
        note = self.query_one("#basket-note", Input)
        note.value = next(c.note for c in self.basket.clips if c.id == clip_id)
        note.add_class("-editing")
        note.focus()

    @on(Input.Submitted, "#basket-note")
    def _save_note(self, event: Input.Submitted) -> None:
        clip_id = self.selected_clip_id()
        if clip_id is not None:
            self._run(self.basket.set_note, clip_id, event.value)
        self._close_note()

    def _close_note(self) -> None:
        self.query_one("#basket-note", Input).remove_class("-editing")
        self.query_one("#basket-list").focus()

    @property
    def memo_style(self) -> str:
        """The style the memo is written in: the app's citation style (BibTeX and
        CSL-JSON, which are not prose styles, give a Markdown memo)."""
        return memo_style(getattr(self.app, "citation_style", "markdown"))

    def action_copy_memo(self) -> None:
        """Copy the whole basket as a Markdown memo in the current citation style."""
        from briefing.ui.copying import copy_text

        if not self.basket.clips:
            self.notify("The basket is empty: nothing to copy.", severity="warning")
            return
        count = len(self.basket.clips)
        style = STYLE_NAMES[self.memo_style]
        what = f"the basket memo ({count} clip{'s' * (count != 1)}, {style})"
        copy_text(self.app, memo(self.basket.clips, self.memo_style), what, "memo")

    def action_export_memo(self) -> None:
        """e: ask for a format and a file name, then save the memo there."""
        from briefing.ui.screens.memo_dialog import MemoExportDialog

        if not self.basket.clips:
            self.notify("The basket is empty: nothing to save.", severity="warning")
            return
        dialog = MemoExportDialog(STYLE_NAMES[self.memo_style])
        self.app.push_screen(dialog, callback=self._save_memo)

    def _save_memo(self, choice: tuple[Path, str] | None) -> None:
        from briefing.cite.memo_files import FORMAT_NAMES, save_memo

        if choice is None:
            return
        path, fmt = choice
        try:
            saved = save_memo(self.basket.clips, self.memo_style, fmt, path)
        except OSError as error:
            self.notify(
                f"Could not save the memo: {one_line(str(error))}", severity="error", markup=False
            )
            return
        kind = FORMAT_NAMES[fmt].split(" (")[0]
        style = STYLE_NAMES[self.memo_style]
        self.notify(f"Saved the {style} memo ({kind}) to {saved}", markup=False)

    def action_close(self) -> None:
        """q: close the basket."""
        self.dismiss(None)

    def action_back(self) -> None:
        """Escape: cancel the note being edited, else close the basket."""
        if self.query_one("#basket-note", Input).has_class("-editing"):
            self._close_note()
        else:
            self.dismiss(None)

    def action_help(self) -> None:
        """Show the keys."""
        show_help(self)
