"""The first frame of a large brief opened for the first time: what is happening, how far.

The check runs in a worker thread (`briefing.brief.opening.Opening`); this screen shows
its stage and a bar that fills as it goes, then hands the checked brief to the app. The
brief is written to the cache after it is on screen, so the next opening is immediate.
"""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import ProgressBar, Static

from briefing.brief.model import Brief
from briefing.brief.opening import Opening
from briefing.ui.text import safe_line

TICK = 0.2
"""Seconds between updates of the bar (each takes the interpreter from the check)."""


class LoadingScreen(Screen[None]):
    """A progress bar naming the stage while a brief is checked the first time."""

    DEFAULT_CSS = """
    LoadingScreen { align: center middle; }
    LoadingScreen > Vertical { width: 72; height: auto; max-width: 100%; }
    LoadingScreen #loading-stage { color: $text-muted; }
    """

    def __init__(self, opening: Opening) -> None:
        super().__init__()
        self.opening = opening
        self._shown_stage = self._stage_text()

    def compose(self) -> ComposeResult:
        """The brief's name, the stage and the bar."""
        title = Text("Opening ")
        title.append_text(safe_line(str(self.opening.path), "bold"))
        with Vertical():
            yield Static(title, id="loading-title", markup=False)
            yield Static(
                "The first time, every quote is checked in its article; then it is cached.",
                markup=False,
            )
            yield Static(self._stage_text(), id="loading-stage", markup=False)
            yield ProgressBar(total=100, show_eta=False, id="loading-bar")

    def on_mount(self) -> None:
        """Start the check and the bar's updates."""
        self.set_interval(TICK, self._tick)
        self._check()

    def _stage_text(self) -> str:
        return f"Stage: {self.opening.stage}…"

    def _tick(self) -> None:
        self.query_one(ProgressBar).update(progress=100 * self.opening.fraction())
        stage = self._stage_text()
        if stage != self._shown_stage:  # an unchanged text would still lay the screen out
            self._shown_stage = stage
            self.query_one("#loading-stage", Static).update(stage)

    @work(thread=True, exit_on_error=False)
    def _check(self) -> None:
        brief = self.opening.run()
        if brief is None:
            self.app.call_from_thread(self.app.exit, return_code=1)
            return
        self.app.call_from_thread(self._show, brief)  # cached once shown (by the app)

    def _show(self, brief: Brief) -> None:
        self.query_one(ProgressBar).update(progress=100)
        self.post_message(self.Checked(brief))

    class Checked(Message):
        """The brief passed its check: the app shows it."""

        def __init__(self, brief: Brief) -> None:
            super().__init__()
            self.brief = brief
