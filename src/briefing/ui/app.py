"""The Textual app: opens a brief (or a picker over a folder of briefs) on the main screen."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.errors import NoWidget
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen
from textual.theme import BUILTIN_THEMES

from briefing.brief.model import Brief
from briefing.brief.opening import Opening
from briefing.brief.problems import BriefError, Problem
from briefing.cite.style_names import STYLES
from briefing.keymap import full_keymap
from briefing.memory import first_frame_shown, keep_out_of_gc
from briefing.sanitize import one_line
from briefing.store import settings
from briefing.ui.choices import Choices
from briefing.ui.text import shown

if TYPE_CHECKING:
    from briefing.ui.live import BriefWatcher
    from briefing.ui.screens.loading import LoadingScreen
    from briefing.ui.screens.overview import OverviewScreen


class BriefingApp(App[None]):
    """A reader for one brief; with `folder`, a picker chooses the brief first."""

    CSS_PATH = Path(__file__).with_name("briefing.tcss")
    TITLE = "briefing"

    NOTIFICATION_TIMEOUT = 4

    citation_style: reactive[str] = reactive("plain")
    """The style `c` copies with; `s` cycles through `briefing.cite.style_names.STYLES`."""

    def __init__(
        self,
        brief: Brief | None = None,
        *,
        style: str | None = None,
        folder: Path | None = None,
        overview: bool = True,
        opening: Opening | None = None,
    ) -> None:
        chosen = settings.load()
        self.choices = Choices(chosen)
        self._start_on_theme()
        super().__init__()
        self.brief = brief
        self.opening = opening
        """A large brief opened the first time: checked behind a progress screen."""
        self.overview = overview
        self._depth = 0
        """How many screens were stacked at the last change (to tell a close from an open)."""
        """Whether a brief opens on its overview (else straight on the panes)."""
        keep_out_of_gc()
        self.folder = folder
        self._config_warnings = chosen.warnings  # shown once the app is up
        self.set_keymap(full_keymap(chosen.keys))
        self.citation_style = self.choices.style(style)
        self.problems: list[Problem] = []
        """Why the brief shown could not be shown after all (printed once the app exits)."""
        self.watcher: BriefWatcher | None = None
        """Reloads the brief when it changes on disk (once a brief is shown)."""

    def _start_on_theme(self) -> None:
        """The chosen theme, set before Textual makes the stylesheet from the theme's
        colours (App.__init__): set any later, it parses and applies every rule again
        (25 ms of the first frame). Nothing is published, so nothing is remembered."""
        theme = self.choices.theme(set(BUILTIN_THEMES))
        if theme:
            self.set_reactive(App.theme, theme)

    def get_default_screen(self) -> Screen[Any]:
        """The brief straight away, so the first frame already shows it."""
        if self.brief is not None:
            return self._first_screen(self.brief)
        if self.opening is not None:
            from briefing.ui.screens.loading import LoadingScreen

            return LoadingScreen(self.opening)
        return super().get_default_screen()

    def _first_screen(self, brief: Brief) -> Screen[Any]:
        """The overview, or the main screen when the reader opens on the panes."""
        if self.overview:
            from briefing.ui.screens.overview import OverviewScreen

            return OverviewScreen(brief)
        from briefing.ui.screens.main import MainScreen

        return MainScreen(brief)

    def on_overview_screen_left(self, message: OverviewScreen.Left) -> None:
        """The first overview was left: the main screen takes its place (a key pressed
        twice asks twice; only the overview still showing is replaced)."""
        from briefing.ui.screens.main import MainScreen

        if self.screen is message.overview:
            self.switch_screen(MainScreen(message.overview.brief, showing=message.item_id))

    def on_key(self, event: events.Key) -> None:
        """Type-ahead: a character typed while a screen was opening reached the screen
        being left, and bubbled up unused; give it to the screen now showing if that one
        takes typing (search), so that `/kal` typed fast searches for `kal`. (Asked by
        name: importing the search screen's module for its protocol cost the first frame.)"""
        type_ahead = getattr(self.screen, "type_ahead", None)
        if callable(type_ahead) and event.is_printable and event.character:
            type_ahead(event.character)
            event.stop()

    def on_mount(self) -> None:
        """Remember theme changes, say what was wrong with the config file; without a
        brief, offer a folder's."""
        self._depth = len(self.screen_stack)
        self.screen_change_signal.subscribe(self, self._screen_changed)
        self.theme_changed_signal.subscribe(self, lambda new: self._remember("theme", new.name))
        self.watch(self, "citation_style", lambda new: self._remember("style", new), init=False)
        for warning in (*self._config_warnings, *self.choices.warnings):
            self.notify(warning, title="Settings", severity="warning", markup=False, timeout=10)
        self._offer_picker()

    def _remember(self, name: str, value: str) -> None:
        warning = self.choices.remember(name, value)
        if warning:
            self.notify(warning, severity="warning", markup=False)

    def _watch_brief(self, brief: Brief) -> None:
        from briefing.ui.live import BriefWatcher

        self.watcher = BriefWatcher(self, brief, self._reloaded)
        self.watcher.start()

    def _reloaded(self, brief: Brief) -> None:
        """A newer version of the brief passed the checker: it is the app's brief now."""
        self.brief = brief
        keep_out_of_gc()
        self._prepare_search(brief)

    def open_editor(self, item_id: str | None) -> None:
        """Open the brief in the user's editor at this item's line; reload on return."""
        if self.watcher is None:
            self.notify("No brief file is open.", severity="warning")
            return
        self.watcher.open_editor(item_id)

    def _offer_picker(self) -> None:
        """Without a brief, let the user choose one of the folder's."""
        if self.brief is None and self.folder is not None:
            from briefing.ui.screens.picker import BriefPickerScreen

            self.push_screen(BriefPickerScreen(self.folder), callback=self._picked)

    def on_ready(self) -> None:
        """Once the first frame is on the terminal: switch the garbage collector back on
        (paused while starting: `briefing.memory.paused_until_shown`), watch the brief
        for changes, and ready the search index (not before: reading a large brief's
        index holds the interpreter for most of a second)."""
        first_frame_shown()
        if self.brief is not None:
            self._watch_brief(self.brief)
            self.call_after_refresh(self._prepare_search, self.brief)

    @work(thread=True, group="search-index", exit_on_error=False)
    def _prepare_search(self, brief: Brief) -> None:
        """Once the brief is on screen, ready its search index (read from the cache, where
        it is kept with the brief, or built), so the first search need not wait for it.
        A brief checked behind the progress screen is cached first (a second's work at
        100k excerpts), so that its index is kept with it."""
        from briefing.search.index import index_for

        if self.opening is not None and self.opening.brief is brief:
            self.opening.keep()
        try:
            index_for(brief)
        except BriefError as error:  # its first use found a damaged cache entry, and the
            # brief, checked again, no longer passes (briefing.brief.deferred)
            self.call_from_thread(self._cannot_show, error.problems)
            return
        self.call_from_thread(keep_out_of_gc)

    def _cannot_show(self, problems: list[Problem]) -> None:
        """Leave, so that the command line prints why the brief cannot be shown."""
        self.problems = problems
        self.exit(return_code=1)

    def _screen_changed(self, screen: Screen[object]) -> None:
        """A screen closed: its notifications go with it, rather than covering the screen
        below (what is said after the change, such as the result of a jump, stays)."""
        depth = len(self.screen_stack)
        if depth < self._depth:
            self.clear_notifications()
        self._depth = depth

    def _picked(self, choice: object) -> None:
        if choice is None:
            self.exit(return_code=0)
        else:
            self.notify("Loading the brief…", markup=False)
            self._load(Path(str(choice)))

    @work(thread=True, exclusive=True)
    def _load(self, path: Path) -> None:
        """Load a brief off the UI thread; show it, or its problems as a notification."""
        from briefing.brief.loader import load_brief

        try:
            brief = load_brief(path)
        except BriefError as error:
            problems = "\n".join(str(p) for p in error.problems[:10])
            self.call_from_thread(self._failed, problems)
            return
        self.call_from_thread(self._opened, brief)

    def _failed(self, problems: str) -> None:
        self.notify(problems, title="This brief does not open", severity="error", markup=False)
        self._offer_picker()

    def _opened(self, brief: Brief) -> None:
        self.brief = brief
        keep_out_of_gc()
        self.push_screen(self._first_screen(brief))
        self.call_after_refresh(self._prepare_search, brief)
        self._watch_brief(brief)

    async def on_loading_screen_checked(self, message: LoadingScreen.Checked) -> None:
        """A brief opened for the first time passed its check: show it; once it is on
        screen (the main screen mounted, and the overview over it if it opens there),
        cache it and ready its search index."""
        self.brief = message.brief
        keep_out_of_gc()
        await self.push_screen(self._first_screen(message.brief))
        self.call_after_refresh(self._prepare_search, message.brief)
        self._watch_brief(message.brief)

    async def on_event(self, event: events.Event) -> None:
        """Drop a mouse press on a widget already removed (a notification closed by the
        first click of a double click): Textual's text selection would start in it and
        raise AttributeError on its missing parent. Drop paging in a command palette not
        laid out yet (see ui/screens/palette.py). Drop any key or mouse event once no
        screen is left to take it (the app is closing): Textual raised ScreenStackError."""
        if isinstance(event, events.InputEvent) and not self.screen_stack:
            return
        if (
            isinstance(event, events.MouseDown)
            and not event.is_forwarded
            and self._removed_at(int(event.x), int(event.y))
        ):
            return
        if isinstance(event, events.Key) and not event.is_forwarded:
            from briefing.ui.screens.palette import paging_too_early

            if paging_too_early(self.screen, event.key):
                return
        await super().on_event(event)

    def _removed_at(self, x: int, y: int) -> bool:
        try:
            widget, _ = self.get_widget_at(x, y)
        except NoWidget:
            return False
        return widget.parent is None and not isinstance(widget, Screen)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a notification, its text made safe for the terminal first: messages carry
        paths, settings values and file names, any of which may hold escape sequences."""
        message, title = shown(message), shown(title)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def get_key_display(self, binding: Binding) -> str:
        """A key as the footer, key bar and help show it; keys come from config.toml too."""
        return one_line(shown(super().get_key_display(binding)))

    def action_command_palette(self) -> None:
        """Ctrl+P: the command palette, with its paging guarded (see ui/screens/palette.py)."""
        from textual.command import CommandPalette

        from briefing.ui.screens.palette import Palette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            # No id (Textual gives it one): Ctrl+P again while the last palette was still
            # being removed raised DuplicateIds.
            self.push_screen(Palette())

    def cycle_citation_style(self) -> None:
        """Switch to the next citation style and say which."""
        position = STYLES.index(self.citation_style) if self.citation_style in STYLES else -1
        self.citation_style = STYLES[(position + 1) % len(STYLES)]
        self.notify(f"Citations: {self.citation_style}", markup=False, timeout=2)
