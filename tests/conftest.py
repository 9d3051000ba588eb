"""Shared fixtures: the brief written for the tests, and user folders kept out of $HOME."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.brief.loader import load_brief
from briefing.brief.model import Brief

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = FIXTURES / "sample" / "briefs" / "sample.yaml"


@pytest.fixture(autouse=True)
def user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point config, data and cache folders at a fresh temporary folder for every test."""
    home = tmp_path / "home"
    for variable, name in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(variable, str(home / name))
    return home


@pytest.fixture
def sample_path() -> Path:
    """The path of the brief written for the tests."""
    return SAMPLE


@pytest.fixture
def sample() -> Brief:
    """The brief written for the tests, loaded without the cache."""
    return load_brief(SAMPLE, use_cache=False)


@pytest.fixture
def tool_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """PATH is an empty folder (so no clipboard tool is found until a test puts a fake one
    there), with an X display and no Wayland."""
    folder = tmp_path / "bin"
    folder.mkdir()
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    return folder


@pytest.fixture
def steady_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every Input and TextArea starts with a steady cursor: blinking ones make snapshots
    flaky and tests slower. The UI and snapshot folders switch this on for all their tests."""
    from textual.reactive import reactive
    from textual.widgets import Input, TextArea

    for widget in (Input, TextArea):
        blink: reactive[bool] = reactive(False, init=False)
        blink.__set_name__(widget, "cursor_blink")
        monkeypatch.setattr(widget, "cursor_blink", blink)
