"""What a stress run opens: the app on each brief, in folders of its own.

`isolate` points the config, data and cache folders into the run's work folder and PATH at
an empty folder, so copying finds no clipboard tool and nothing touches the user's files.
The picker's folder holds the hostile briefs and the sample brief under hostile file names
(not UTF-8, escape sequences, markup) beside briefs that fail the checker.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from textual.app import App

from briefing.brief.bundled import default_brief
from briefing.brief.loader import load_brief
from briefing.ui.app import BriefingApp

from .briefs import write_all

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
HOSTILE_NAMES = (
    os.fsdecode(b"not-utf8-\xff\xfe\xc3(.yaml"),
    "esc-\x1b]0;PWNED\x07-\x1b[2J.yaml",
    "[bold]markup[red] [@click=app.quit]x.yaml",
    "rtl-\u202eexe.yaml",
)


def isolate(workdir: Path) -> None:
    """User folders inside workdir, and the work folder as the current one (a memo saved
    to a relative path lands there); no clipboard tool or editor on PATH; no display."""
    for variable, name in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        os.environ[variable] = str(workdir / "home" / name)
    tools = workdir / "no-tools"
    tools.mkdir(parents=True, exist_ok=True)
    os.environ["PATH"] = str(tools)
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "TMUX", "VISUAL", "EDITOR"):
        os.environ.pop(variable, None)
    os.environ["HOME"] = str(workdir / "home")
    os.chdir(workdir)


def steady_cursors() -> None:
    """Cursors that do not blink (as in the UI tests): a blink is a timer that queues a
    redraw twice a second, so the engine would find the app busy whenever one fell due."""
    from textual.reactive import reactive
    from textual.widgets import Input, TextArea

    for widget in (Input, TextArea):
        blink: reactive[bool] = reactive(False, init=False)
        blink.__set_name__(widget, "cursor_blink")
        setattr(widget, "cursor_blink", blink)  # noqa: B010  (a class attribute, on purpose)


def frames_by_the_engine() -> None:
    """No frames drawn by Textual's clock: the engine draws one once the app is at rest
    after each event (`Driver.settle`). Textual's frame timer (TEXTUAL_FPS, at least one a
    second) drew midway through slow events instead, at moments that depend on the
    machine's speed (running the callbacks queued for after a refresh then), and on a
    dispute with hundreds of sides each such frame took seconds."""
    import textual.screen

    textual.screen.UPDATE_PERIOD = 24 * 3600.0  # type: ignore[misc]


def palette_off_the_clock() -> None:
    """The command palette's two half-second countdowns never end: "No matches found" is
    not added to an empty list, nor the busy indicator shown. Whether the next key met
    them depended on the machine's speed (an Enter then chose a command on one run and
    not on another). Textual's timers cannot be made to fire at once (a zero delay
    divides by zero), so the walk is that of a user who never waits half a second."""
    from textual.command import CommandPalette

    CommandPalette._NO_MATCHES_COUNTDOWN = 24 * 3600.0  # type: ignore[misc]
    CommandPalette._BUSY_COUNTDOWN = 24 * 3600.0  # type: ignore[misc]


def picker_folder(workdir: Path) -> Path:
    """The folder the picker lists (written once)."""
    write_all(workdir)
    folder = workdir / "briefs"
    seeds = workdir / "seeds"
    sample = FIXTURES / "sample"
    for article in (sample / "seeds").iterdir():
        if not (seeds / article.name).exists():
            shutil.copy(article, seeds / article.name)
    for name in HOSTILE_NAMES:
        target = folder / name
        if not os.path.lexists(target):
            shutil.copy(sample / "briefs" / "sample.yaml", target)
    for broken in ("escapes.yaml", "alias-bomb.yaml", "binary.yaml", "empty.yaml"):
        target = folder / f"broken-{broken}"
        if not target.exists():
            shutil.copy(FIXTURES / "hostile" / "briefs" / broken, target)
    return folder


def bundled_copy(workdir: Path) -> Path:
    """The bundled brief and its articles copied into the work folder: random keys include
    `A` (add an excerpt to the brief file) and `E` (edit it), which must never touch the
    real one."""
    bundled = default_brief()
    briefs, seeds = workdir / "bundled" / "briefs", workdir / "bundled" / "seeds"
    if not briefs.exists():
        shutil.copytree(bundled.parent, briefs)
        shutil.copytree(bundled.parent.parent / "seeds", seeds)
    return briefs / bundled.name


def app_factory(brief: str, workdir: Path) -> Callable[[], App[object]]:
    """A function making a fresh app on the named brief (loaded once)."""
    if brief == "picker":
        folder = picker_folder(workdir)
        return lambda: BriefingApp(folder=folder)
    path = bundled_copy(workdir) if brief == "bundled" else write_all(workdir)[brief]
    loaded = load_brief(path)
    return lambda: BriefingApp(loaded, style="plain")
