"""From the main screen to the other screens and back: reader, help, search, the views."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot
from textual.screen import Screen

from briefing.brief.model import Brief
from briefing.ui.app import BriefingApp
from briefing.ui.screens.main import MainScreen
from briefing.ui.widgets.excerpts import ExcerptList

SIZE = (120, 40)
Palette = Callable[[Pilot[None], str], Awaitable[list[str]]]
"""The `palette` fixture: open the palette, type, and get the hits."""


def main(app: BriefingApp) -> MainScreen:
    """The app's main screen, wherever it is in the stack."""
    found = [s for s in app.screen_stack if isinstance(s, MainScreen)]
    assert found
    return found[0]


async def test_enter_on_excerpt_opens_reader_and_escape_returns(app: BriefingApp) -> None:
    from briefing.ui.screens.source import SourceReaderScreen

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main(app).show_item("q-deal-value")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, SourceReaderScreen)
        assert (reader.source.id, reader.excerpt_id) == ("src-harbour", "q-deal-value")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is main(app)
        assert main(app).selected_item_id() == "q-deal-value"
        assert main(app).query_one(ExcerptList).has_focus


async def test_o_on_an_event_opens_its_first_excerpt(app: BriefingApp) -> None:
    from briefing.ui.screens.source import SourceReaderScreen

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main(app).show_item("ev-summit")
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, SourceReaderScreen)
        assert app.screen.source.id == "src-notes"


async def test_question_mark_opens_help(app: BriefingApp) -> None:
    from briefing.ui.screens.help import HelpScreen

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_view_keys_open_their_screens(app: BriefingApp) -> None:
    from briefing.ui.screens.disputes import DisputesScreen
    from briefing.ui.screens.entities import EntitiesScreen
    from briefing.ui.screens.figures import FiguresScreen
    from briefing.ui.screens.search import SearchScreen

    expected: dict[str, type[Screen[object]]] = {
        "d": DisputesScreen,
        "f": FiguresScreen,
        "e": EntitiesScreen,
        "slash": SearchScreen,
    }
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key, screen_class in expected.items():
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, screen_class), key
            app.screen.dismiss(None)
            await pilot.pause()
            assert app.screen is main(app)


async def test_an_entity_chosen_in_the_entities_view_filters(app: BriefingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        app.screen.dismiss("northern-alliance")
        await pilot.pause()
        assert app.screen is main(app)
        assert main(app).narrowing.entity == "northern-alliance"
        assert [e.id for e in main(app).shown_events()] == ["ev-deal"]


async def test_show_item_opens_figures_disputes_and_sources(app: BriefingApp) -> None:
    from briefing.ui.screens.disputes import DisputesScreen
    from briefing.ui.screens.figures import FiguresScreen
    from briefing.ui.screens.source import SourceReaderScreen

    cases = {
        "fig-deal-value": FiguresScreen,
        "d-capacity": DisputesScreen,
        "src-fighters": SourceReaderScreen,
    }
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for item_id, screen_class in cases.items():
            main(app).show_item(item_id)
            await pilot.pause()
            assert isinstance(app.screen, screen_class), item_id
            app.screen.dismiss(None)
            await pilot.pause()


async def test_copy_puts_the_selection_on_the_clipboard(app: BriefingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main(app).show_item("q-su57-order")
        await pilot.press("c")
        await pilot.pause()
        assert "The Su-57 order, placed in 2021" in app.clipboard


async def test_palette_runs_commands_and_jumps_to_entities(
    app: BriefingApp, palette: Palette
) -> None:
    from briefing.ui.screens.figures import FiguresScreen

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert await palette(pilot, "key figures")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FiguresScreen)
        app.screen.dismiss(None)
        await pilot.pause()
        assert await palette(pilot, "sukhoi")
        await pilot.press("enter")
        await pilot.pause()
        assert main(app).narrowing.entity == "su-57"


async def test_palette_shows_markup_in_names_literally(sample: Brief, palette: Palette) -> None:
    from dataclasses import replace

    from textual.command import CommandPalette

    evil = replace(sample.entity("sen"), name="[bold]Evil[/] [@click=app.quit]x", kind="[/]")
    entities = tuple(evil if e.id == "sen" else e for e in sample.entities)
    app = BriefingApp(replace(sample, entities=entities), overview=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert await palette(pilot, "evil")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and main(app).narrowing.entity == "sen"
