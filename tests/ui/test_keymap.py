"""`[keys]` in config.toml: one declaration per command (briefing.keys) feeds every
screen's bindings, so a remap works everywhere, and a bad entry is reported once."""

from __future__ import annotations

import importlib
import pkgutil
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import Keys

import briefing.ui
from briefing import keymap, keys
from briefing.brief.model import Brief
from briefing.store.settings import config_path
from briefing.ui.app import BriefingApp
from briefing.ui.screens.main import MainScreen
from briefing.ui.screens.overview import OverviewScreen
from briefing.ui.screens.picker import BriefPickerScreen
from briefing.ui.screens.source import SourceReaderScreen


def _subclasses(cls: type[DOMNode]) -> Iterator[type[DOMNode]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def ui_bindings() -> Iterator[tuple[str, Binding]]:
    """Every binding that briefing's own screens and widgets declare."""
    for module in pkgutil.walk_packages(briefing.ui.__path__, "briefing.ui."):
        importlib.import_module(module.name)
    for cls in set(_subclasses(DOMNode)):
        if cls.__module__.startswith("briefing."):
            for binding in cls.__dict__.get("BINDINGS", ()):
                assert isinstance(binding, Binding), cls
                yield cls.__name__, binding


def test_every_binding_of_the_ui_is_a_declared_command() -> None:
    declared = keys.all_commands()
    found = list(ui_bindings())
    assert len(found) > 40
    for owner, binding in found:
        assert binding.id in declared, (owner, binding)
        command = declared[binding.id]
        assert (binding.key, binding.action) == (command.keys, command.action), owner


def test_named_keys_are_textuals() -> None:
    textual_names = {key.value for key in Keys}
    assert keymap.NAMED_KEYS - {"space"} <= textual_names


def _config(text: str) -> None:
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text(text, encoding="utf-8")


class Notes:
    """Records the app's notifications (what the user reads in the toasts)."""

    def __init__(self, app: BriefingApp) -> None:
        self.messages: list[str] = []
        original = app.notify

        def notify(message: str, **options: Any) -> None:
            self.messages.append(message)
            original(message, **options)

        app.notify = notify  # type: ignore[method-assign]


async def test_remapped_back_and_next_quote_work_in_the_source_reader(sample: Brief) -> None:
    _config('[keys]\n"briefing.back" = "backspace"\n"reader.next" = "t"\n')
    app = BriefingApp(sample, overview=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o")  # the first event's first excerpt, in its article
        reader = app.screen
        assert isinstance(reader, SourceReaderScreen)
        first = reader.excerpt_id
        await pilot.press("n")
        assert reader.excerpt_id == first
        await pilot.press("t")
        assert reader.excerpt_id not in (first, None)
        await pilot.press("escape")
        assert app.screen is reader
        await pilot.press("backspace")
        assert isinstance(app.screen, MainScreen)


async def test_escape_still_opens_the_overview_when_back_is_remapped(sample: Brief) -> None:
    _config('[keys]\n"briefing.back" = "backspace"\n')
    app = BriefingApp(sample, overview=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # nothing is narrowed: Escape is the overview's key
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)


async def test_a_misspelt_id_is_reported_once_with_the_closest(sample: Brief) -> None:
    _config('[keys]\n"briefing.copyy" = "y"\n')
    app = BriefingApp(sample, overview=False)
    notes = Notes(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("o", "escape")  # screens come and go: still said once
        reported = [m for m in notes.messages if "briefing.copyy" in m]
        assert len(reported) == 1
        assert "did you mean briefing.copy" in reported[0]


async def test_a_brief_that_breaks_after_the_picker_checked_it(
    tmp_path: Path, sample_path: Path
) -> None:
    """The picker's "this brief does not open" path: the brief's problems are shown, the
    picker comes back, and the settings' warnings are not repeated."""
    shutil.copytree(sample_path.parent.parent, tmp_path / "set")
    folder = tmp_path / "set" / "briefs"
    _config('stlye = "apa"\n')
    app = BriefingApp(folder=folder)
    notes = Notes(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        (folder / "sample.yaml").write_text("format: briefing/1\nid: broken\n", encoding="utf-8")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, BriefPickerScreen)
        assert any("sample.yaml" in m and "sources" in m for m in notes.messages), notes.messages
        assert len([m for m in notes.messages if "stlye" in m]) == 1
