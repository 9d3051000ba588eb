"""The help screen lists the live keys of the screen below it and of the app."""

from __future__ import annotations

from typing import ClassVar

from screens_host import Host, screen_text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from briefing.brief.model import Brief
from briefing.ui.screens.help import HelpScreen, sentence_case, words_of
from briefing.ui.screens.source import SourceReaderScreen


class Pane(Static, can_focus=True):
    """A focusable pane with its own key."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w", "widen", "Widen the pane", id="test.widen"),
    ]


class Below(Screen[None]):
    """A screen with its own keys, standing in for whatever the help is opened over."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("z", "zap", "Zap the thing", id="test.zap"),
        Binding("question_mark", "help", "Help", id="test.help"),
    ]

    def compose(self) -> ComposeResult:
        yield Pane("pane", id="pane")

    def on_mount(self) -> None:
        self.query_one(Pane).focus()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())


def headings(text: str) -> list[str]:
    """The group headings as the help shows them: the parts of lines, between borders,
    that hold nothing but a heading."""
    known = ("Pane", "Below", "Everywhere", "Source reader", "Excerpts", "Main screen")
    parts = [part.strip() for line in text.splitlines() for part in line.split("│")]
    return [part for part in parts if part in known]


def row(text: str, description: str) -> list[str]:
    """The words of the help line that carries this description."""
    return next(line for line in text.splitlines() if description in line).split()


async def test_lists_keys_of_the_screen_below_grouped_with_the_apps() -> None:
    app = Host(Below())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert row(text, "Zap the thing")[1] == "z"
        assert row(text, "Widen the pane")[1] == "w"
        assert "^q" in row(text, "Quit")
        assert headings(text) == ["Pane", "Below", "Everywhere"]


async def test_shows_remapped_keys_not_a_hand_kept_list() -> None:
    app = Host(Below())
    app.set_keymap({"test.zap": "y"})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert row(screen_text(app), "Zap the thing")[1] == "y"


async def test_over_the_reader_lists_its_keys(sample: Brief) -> None:
    app = Host(SourceReaderScreen(sample, "src-harbour", "q-capacity"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        text = screen_text(app)
        assert row(text, "Next quote")[1] == "]"
        assert row(text, "Previous quote")[1:3] == ["p", "["]
        assert row(text, "The next match (without a search: the next quote)")[1] == "n"
        assert row(text, "Previous match")[1] == "N"
        assert row(text, "Find text in the article")[1] == "/"
        assert row(text, "Select a passage")[1] == "v"
        assert row(text, "Copy the selection, else the quote")[1] == "c"
        assert row(text, "The top of the article")[1] == "g"
        assert headings(text)[0] == "Source reader"


async def test_escape_and_question_mark_close_it() -> None:
    app = Host(Below())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, Below)
        await pilot.press("question_mark", "question_mark")
        assert isinstance(app.screen, Below)


async def test_over_the_main_screen_groups_read_as_words(sample: Brief) -> None:
    from briefing.ui.app import BriefingApp

    app = BriefingApp(sample, overview=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("tab", "question_mark")  # the excerpts pane has the focus
        text = screen_text(app)
        assert headings(text) == ["Excerpts", "Main screen", "Everywhere"]
        assert "ExcerptList" not in text and "MainScreen" not in text
        assert "Focus next" in text and "Focus Next" not in text
        assert "Quit the app and return to the command prompt." not in text
        assert "Scroll Left" not in text and "Scroll left" not in text  # the pane cannot


def test_names_and_descriptions_in_words() -> None:
    assert words_of("SourceReaderScreen") == "Source reader"
    assert words_of("DisputesScreen") == "Disputes"
    assert words_of("URLView") == "URL view"
    assert sentence_case("Scroll Left") == "Scroll left"
    assert sentence_case("Open URL") == "Open URL"
    assert sentence_case("quit the app.") == "Quit the app"
    assert sentence_case("Show people, places and organisations") == (
        "Show people, places and organisations"
    )
