"""Live reload: the app notices when the brief or an article changes on disk and reloads.

A timer polls the files' modification times and sizes (`briefing.brief.watch`) every
second; a change starts the full check in a thread. A brief that still passes replaces the
old one on every screen that can take it, in place (filters and selection kept where the
items still exist); one that fails shows its problems, and the last good version stays.
The editor key (`briefing.editor`) suspends the app, and the poll runs as soon as it is back.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from textual.app import App, SuspendNotSupported
from textual.screen import Screen

from briefing.brief.loader import LoadResult, check_brief
from briefing.brief.model import Brief
from briefing.brief.problems import Problem
from briefing.brief.watch import Fingerprint, fingerprint, watched_files
from briefing.editor import editor_command, item_line
from briefing.sanitize import one_line

if TYPE_CHECKING:
    from textual.timer import Timer

POLL_SECONDS = 1.0
"""How often the files are looked at; a change shows within two polls' time at most."""
SHOWN_PROBLEMS = 8


class Reloadable(Protocol):
    """A screen that can show a newer version of the brief in place."""

    async def reload_brief(self, brief: Brief) -> None:
        """Show this brief instead of the one the screen was made with."""


class BriefWatcher:
    """Polls one brief's files for the app and reloads it when they change."""

    def __init__(self, app: App[Any], brief: Brief, on_reload: Callable[[Brief], None]) -> None:
        self.app = app
        self.brief = brief
        self.on_reload = on_reload
        """Called with each newer brief before the screens are given it."""
        self.problems: list[Problem] = []
        """What the checker found in the version on disk, when it failed (else empty)."""
        self._files = watched_files(brief)
        self._seen: Fingerprint = fingerprint(self._files)
        self._timer: Timer | None = None

    def start(self) -> None:
        """Poll every POLL_SECONDS from now on."""
        if self._timer is None:
            self._timer = self.app.set_interval(POLL_SECONDS, self.poll, name="brief-watch")

    def poll(self) -> None:
        """Reload if any file changed since it was last looked at."""
        now = fingerprint(self._files)
        if now == self._seen:
            return
        self._seen = now
        path = self.brief.path

        def check() -> None:
            result = check_brief(path, warnings=False)  # the reader shows errors only
            self.app.call_from_thread(self.adopt, result)

        self.app.run_worker(
            check,
            thread=True,
            group="reload",
            exclusive=True,
            exit_on_error=False,
        )

    def adopt(self, result: LoadResult) -> None:
        """Show a checked version of the brief, or its problems (the last good version
        stays); the reader's own edits (`A`) come this way too."""
        if result.brief is None:
            self.problems = result.errors
            shown = "\n".join(one_line(str(p)) for p in result.errors[:SHOWN_PROBLEMS])
            more = len(result.errors) - SHOWN_PROBLEMS
            shown += f"\n… and {more} more (briefing check lists them all)" if more > 0 else ""
            title = "The brief on disk does not pass the checker; showing the last good version"
            self.app.notify(shown, title=title, severity="error", markup=False, timeout=20)
            return
        self.problems = []
        self.brief = result.brief
        self.on_reload(result.brief)
        self._files = watched_files(result.brief)
        self._seen = fingerprint(self._files)
        self.app.call_later(self._show, result.brief)

    async def _show(self, brief: Brief) -> None:
        """Give every open screen that can take it the newer brief."""
        for screen in list(self.app.screen_stack):
            await reload_screen(screen, brief)
        self.app.notify("Reloaded the brief from disk.", markup=False, timeout=3)

    def open_editor(self, item_id: str | None) -> None:
        """Open the brief in $VISUAL/$EDITOR at the item's line (at the first problem when
        the version on disk fails), then reload at once."""
        path = self.brief.path
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as error:
            self.app.notify(f"Cannot open {path}: {error.strerror}", severity="error", markup=False)
            return
        line = self.problems[0].line if self.problems else None
        line = line or (item_line(text, item_id) if item_id else None)
        command = editor_command(path, line, os.environ)
        try:
            with self.app.suspend():
                subprocess.run(command, check=False)
        except SuspendNotSupported:
            self.app.notify("This terminal cannot hand over to an editor.", severity="warning")
        except OSError as error:
            message = f"Could not start the editor {command[0]!r}: {error.strerror}"
            self.app.notify(one_line(message), severity="error", markup=False)
        self.poll()


async def reload_screen(screen: Screen[Any], brief: Brief) -> None:
    """Give a screen the newer brief in place if it knows how (`reload_brief`: the main
    screen, the overview, the source reader); others keep what they show until closed."""
    reload = getattr(screen, "reload_brief", None)
    if reload is not None:
        await reload(brief)
