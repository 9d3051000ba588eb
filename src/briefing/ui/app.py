"""The Textual app: opens a brief (or a picker over a folder of briefs) on the main screen."""

from __future__ import annotations

import gc
from pathlib import Path

from textual import work
from textual.app import App
from textual.reactive import reactive
from textual.screen import Screen

from briefing.model import Brief
from briefing.problems import BriefError
from briefing.ui.screens import optional
from briefing.ui.screens.main import MainScreen

DEFAULT_STYLES = ("plain",)


def citation_styles() -> tuple[str, ...]:
    """The citation styles, from briefing.citations once it exists."""
    styles: tuple[str, ...] | None = optional("briefing.citations", "STYLES")
    return styles or DEFAULT_STYLES


def default_style() -> str:
    """The configured citation style, or "plain" when nothing is configured."""
    load = optional("briefing.settings", "load")
    style = getattr(load(), "style", None) if load is not None else None
    return style if isinstance(style, str) and style else "plain"


def keep_out_of_gc() -> None:
    """Move the loaded brief out of the cyclic collector's sight: it lives as long as the app,
    and with 100k excerpts every full collection would walk millions of objects (measured:
    a third of a second at start-up, and pauses while scrolling)."""
    gc.freeze()


class BriefingApp(App[None]):
    """A reader for one brief; with `folder`, a picker chooses the brief first."""

    CSS_PATH = Path(__file__).with_name("briefing.tcss")
    TITLE = "briefing"

    citation_style: reactive[str] = reactive("plain")
    """The style `c` copies with; `s` cycles through `briefing.citations.STYLES`."""

    def __init__(
        self, brief: Brief | None = None, *, style: str | None = None, folder: Path | None = None
    ) -> None:
        super().__init__()
        self.brief = brief
        keep_out_of_gc()
        self.folder = folder
        self.citation_style = style or default_style()

    def get_default_screen(self) -> Screen[None]:
        """The main screen straight away, so the first frame already shows the brief."""
        if self.brief is not None:
            return MainScreen(self.brief)
        return super().get_default_screen()

    def on_mount(self) -> None:
        """Without a brief, offer the briefs in the folder."""
        if self.brief is None and self.folder is not None:
            picker = optional("briefing.ui.screens.picker", "BriefPickerScreen")
            if picker is None:
                self.notify("The brief picker is not available yet.", severity="error")
                return
            self.push_screen(picker(self.folder), callback=self._picked)

    def _picked(self, choice: object) -> None:
        if choice is None:
            self.exit(return_code=0)
        else:
            self.notify("Loading the brief…", markup=False)
            self._load(Path(str(choice)))

    @work(thread=True, exclusive=True)
    def _load(self, path: Path) -> None:
        """Load a brief off the UI thread; show it, or its problems as a notification."""
        from briefing.loader import load_brief

        try:
            brief = load_brief(path)
        except BriefError as error:
            problems = "\n".join(str(p) for p in error.problems[:10])
            self.call_from_thread(self._failed, problems)
            return
        self.call_from_thread(self._opened, brief)

    def _failed(self, problems: str) -> None:
        self.notify(problems, title="This brief does not open", severity="error", markup=False)
        self.on_mount()

    def _opened(self, brief: Brief) -> None:
        self.brief = brief
        keep_out_of_gc()
        self.push_screen(MainScreen(brief))

    def cycle_citation_style(self) -> None:
        """Switch to the next citation style and say which."""
        styles = citation_styles()
        position = styles.index(self.citation_style) if self.citation_style in styles else -1
        self.citation_style = styles[(position + 1) % len(styles)]
        self.notify(f"Citations: {self.citation_style}", markup=False, timeout=2)
