"""The theme and the citation style chosen in the app are still set at the next start;
config.toml gives the starting values (a later edit of it wins) and is never written;
`theme` is a config key and an unknown key or value in config.toml is reported."""

from __future__ import annotations

import json
from typing import Any

from briefing.brief.model import Brief
from briefing.store.settings import config_path
from briefing.store.state import state_path
from briefing.ui.app import BriefingApp


class Recording(BriefingApp):
    """The app, recording its notifications."""

    def __init__(self, *args: Any, **options: Any) -> None:
        super().__init__(*args, **options)
        self.messages: list[str] = []

    def notify(self, message: str, **options: Any) -> None:  # type: ignore[override]
        """Record, then notify as usual."""
        self.messages.append(message)
        super().notify(message, **options)


def write_config(text: str) -> None:
    """The user's own config.toml."""
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text(text, encoding="utf-8")


async def test_the_style_and_theme_chosen_are_set_at_the_next_start(sample: Brief) -> None:
    app = Recording(sample, overview=False)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.citation_style == "plain"
        await pilot.press("s", "s")  # plain -> markdown -> apa
        app.theme = "nord"  # as the palette's "Change theme" does
        await pilot.pause()
    assert not config_path().exists()  # config.toml stays the user's file
    again = Recording(sample, overview=False)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.citation_style == "apa"
        assert again.theme == "nord"
    saved = json.loads(state_path().read_text(encoding="utf-8"))
    assert saved["style"]["value"] == "apa" and saved["theme"]["value"] == "nord"


async def test_style_flag_wins_for_one_run_and_is_not_remembered(sample: Brief) -> None:
    app = Recording(sample, style="mla", overview=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.citation_style == "mla"
    assert not state_path().exists()


async def test_theme_is_a_config_key_and_a_later_config_edit_wins(sample: Brief) -> None:
    write_config('theme = "gruvbox"\nstyle = "chicago"\n')
    app = Recording(sample, overview=False)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == "gruvbox" and app.citation_style == "chicago"
        app.theme = "nord"
        await pilot.press("s")  # chicago -> mla
    again = Recording(sample, overview=False)
    async with again.run_test(size=(80, 24)):
        assert again.theme == "nord" and again.citation_style == "mla"  # remembered
    write_config('theme = "dracula"\nstyle = "chicago"\n')  # the user edits the file later
    third = Recording(sample, overview=False)
    async with third.run_test(size=(80, 24)):
        assert third.theme == "dracula"  # the config changed since: it wins
        assert third.citation_style == "mla"  # the style line did not change


async def test_an_unknown_theme_key_or_value_is_reported(sample: Brief) -> None:
    write_config('theme = "no-such-theme"\ncolour = "blue"\n')
    app = Recording(sample, overview=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
    joined = "\n".join(app.messages)
    assert "theme 'no-such-theme' is not one of" in joined and "nord" in joined
    assert "unknown setting 'colour'" in joined


async def test_a_damaged_state_file_is_reported_and_forgotten(sample: Brief) -> None:
    state_path().parent.mkdir(parents=True, exist_ok=True)
    state_path().write_text("{not json", encoding="utf-8")
    app = Recording(sample, overview=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.citation_style == "plain"
        await pilot.press("s")
    assert any("the last theme and style are forgotten" in m for m in app.messages)
    assert json.loads(state_path().read_text(encoding="utf-8"))["style"]["value"] == "markdown"
