"""The brief picker: the briefs in a folder, with their titles, and which ones have problems."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from briefing import keys
from briefing.brief.loader import load_brief
from briefing.brief.problems import BriefError
from briefing.record import record
from briefing.sanitize import one_line
from briefing.ui.bindings import bindings
from briefing.ui.screens.base import ItemList, show_help
from briefing.ui.screens.closing import OnTop
from briefing.ui.text import safe_line


@record
class BriefEntry:
    """What the picker knows of one file: its title and date, or the first problem."""

    path: Path
    title: str | None = None
    as_of: str | None = None
    problem: str | None = None
    count: int = 0


def read_entry(path: Path) -> BriefEntry:
    """Load a brief (the loader caches it) and keep what the picker shows."""
    try:
        brief = load_brief(path)
    except BriefError as error:
        if not error.problems:
            return BriefEntry(path, problem="cannot be loaded", count=1)
        first = error.problems[0]
        place = f"line {first.line}: " if first.line else ""
        text = f"{place}{first.message}" if first.file == str(path) else str(first)
        return BriefEntry(path, problem=text, count=len(error.problems))
    return BriefEntry(path, title=brief.title, as_of=brief.as_of.show())


def entry_prompt(entry: BriefEntry) -> Text:
    """A list row: title and "as of" date, or a mark and the checker's first problem."""
    name = safe_line(entry.path.name, "dim")
    if entry.problem is not None:
        prompt = Text("✗ ", "bold red", end="")
        prompt.append_text(name)
        more = f" (and {entry.count - 1} more)" if entry.count > 1 else ""
        prompt.append(f"\n  fails the checker{more}: ", "italic")
        prompt.append_text(safe_line(entry.problem))
        return prompt
    if entry.title is None:
        prompt = Text("… ", end="")
        prompt.append_text(name)
        prompt.append("  checking…", "dim italic")
        return prompt
    prompt = safe_line(entry.title, "bold")
    prompt.append(f"  as of {entry.as_of}", "italic")
    prompt.append("\n  ")
    prompt.append_text(name)
    return prompt


class BriefPickerScreen(OnTop[Path | None]):
    """Choose a brief from a folder; dismisses with its path (None on Escape)."""

    BINDINGS: ClassVar[list[BindingType]] = bindings(keys.PICKER_SCREEN)
    DEFAULT_CSS = """
    BriefPickerScreen {
        #picker-folder { height: auto; padding: 0 1; color: $text-muted; }
        #picker-list {
            height: 1fr;
            border: round $primary 60%;
            &:focus { border: round $accent; }
        }
        #picker-list > .option-list--option { padding: 0 1; }
    }
    """

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.paths = sorted(p for p in folder.glob("*.yaml") if p.is_file())
        self.entries = {p: BriefEntry(p) for p in self.paths}

    def compose(self) -> ComposeResult:
        """The folder's name above its briefs; each row fills in once checked."""
        yield Static(safe_line(f"Briefs in {self.folder}"), id="picker-folder")
        listing = ItemList(
            *(Option(entry_prompt(e), id=str(i)) for i, e in enumerate(self.entries.values())),
            id="picker-list",
        )
        listing.border_title = "Open a brief"
        yield listing
        yield Footer()

    def on_mount(self) -> None:
        """Start checking the briefs in the background so the list shows at once."""
        listing = self.query_one(OptionList)
        if not self.paths:
            listing.add_option(Option(Text("No briefs (*.yaml) in this folder.", "italic")))
        listing.focus()
        self.check_briefs()

    @work(thread=True, exclusive=True)
    def check_briefs(self) -> None:
        """Load each brief in turn and update its row as soon as it is known."""
        worker = get_current_worker()
        for index, path in enumerate(self.paths):
            entry = read_entry(path)
            if worker.is_cancelled:  # the picker closed: its list is gone
                return
            self.app.call_from_thread(self._show_entry, index, entry)

    def _show_entry(self, index: int, entry: BriefEntry) -> None:
        self.entries[entry.path] = entry
        listing = self.query(OptionList)
        if listing:  # (none once the picker closed while this entry was on its way)
            listing.first().replace_option_prompt_at_index(index, entry_prompt(entry))

    @on(OptionList.OptionSelected)
    def _choose(self, event: OptionList.OptionSelected) -> None:
        """Enter: open the brief, unless the checker found problems in it."""
        if event.option.id is None:
            return
        entry = self.entries[self.paths[int(event.option.id)]]
        if entry.problem is not None:
            message = one_line(f"{entry.path.name} cannot be opened: {entry.problem}")
            self.notify(message, severity="error", title="Brief has problems", markup=False)
            return
        if entry.title is None:
            self.notify("Still checking this brief…")
            return
        self.dismiss(entry.path)

    def action_help(self) -> None:
        """?: the keys of this screen."""
        show_help(self)

    def action_back(self) -> None:
        """Escape: back without choosing."""
        self.dismiss(None)

    def action_quit(self) -> None:
        """q: quit briefing."""
        self.app.exit()
