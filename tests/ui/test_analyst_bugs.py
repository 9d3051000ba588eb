"""Bugs seen when an analyst tried the reader (issue 12, item 10), each as the user met it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace

from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Static

from briefing.brief.model import Brief
from briefing.ui.app import BriefingApp
from briefing.ui.screens.main import MainScreen
from briefing.ui.widgets.detail import DetailPane
from briefing.ui.widgets.timeline import Timeline
from briefing.ui.widgets.topics import TopicTree

SIZE = (120, 40)
Palette = Callable[[Pilot[None], str], Awaitable[list[str]]]
"""The `palette` fixture: open the palette, type, and get the hits."""


def main(app: BriefingApp) -> MainScreen:
    """The main screen (asserting it is the one showing)."""
    assert isinstance(app.screen, MainScreen)
    return app.screen


def detail(app: BriefingApp) -> str:
    """What the detail pane says."""
    content = main(app).query_one("#detail-body", Static).content
    return content.plain if isinstance(content, Text) else str(content)


async def test_a_count_of_one_reads_in_the_singular(app: BriefingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = main(app).query_one(TopicTree)
        tree.focus()
        tree.select_topic("t-ports")  # one event, five excerpts
        await pilot.pause()
        assert "1 event, 5 excerpts" in detail(app)
        assert "1 events" not in detail(app)


async def test_about_a_year_shows_which_year(sample: Brief) -> None:
    app = BriefingApp(sample, style="plain", overview=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = main(app).query_one(Timeline).visible_lines()
        row = next(line for line in lines if "Remaining fighters expected" in line)
        assert row.startswith("c. 2026")


async def test_the_detail_says_the_topic_is_narrowed_once_it_is(app: BriefingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = main(app).query_one(TopicTree)
        tree.focus()
        tree.select_topic("t-trade")
        await pilot.pause()
        assert "Enter filters by this topic" in detail(app)
        await pilot.press("enter")
        await pilot.pause()
        assert main(app).narrowing.topic == "t-trade"
        assert "Enter filters by this topic" not in detail(app)
        assert "the panes are narrowed to it (Esc undoes)" in detail(app)
        await pilot.press("escape")
        tree.select_topic("t-trade")
        await pilot.pause()
        assert main(app).narrowing.topic is None
        assert "Enter filters by this topic" in detail(app)


async def test_notifications_close_with_their_screen(app: BriefingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        app.screen.notify("Said on the figures screen", timeout=60)
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["Said on the figures screen"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert list(app._notifications) == []


async def test_a_click_selects_a_topic_as_it_does_an_event(app: BriefingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        await pilot.click(TopicTree, offset=(6, 2))  # border, All topics, Trade
        await pilot.pause()
        assert screen.selected_item_id() == "t-trade" and screen.narrowing.topic is None
        assert "Enter filters by this topic" in detail(app)
        await pilot.click(TopicTree, offset=(6, 2), times=2)
        await pilot.pause()
        assert screen.narrowing.topic == "t-trade"


async def test_the_brief_summary_in_the_detail_shows_markers_not_ids(sample: Brief) -> None:
    brief = replace(sample, summary="The deal was signed [@q-deal-signed].")
    app = BriefingApp(brief, style="plain", overview=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main(app).query_one(DetailPane).show(None)
        await pilot.pause()
        assert "The deal was signed" in detail(app)
        assert "[@" not in detail(app) and "q-deal-signed" not in detail(app)


async def test_searching_an_unknown_topic_names_it(app: BriefingApp) -> None:
    from textual.widgets import Input

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        app.screen.query_one(Input).value = "topic:nonexistent"
        for _ in range(50):
            await pilot.pause()
            content = app.screen.query_one("#search-status", Static).content
            status = content.plain if isinstance(content, Text) else str(content)
            if "nonexistent" in status:
                break
        assert "no topic is called 'nonexistent' in this brief" in status


async def test_a_palette_jump_that_drops_filters_can_be_undone(
    app: BriefingApp, palette: Palette
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        screen.show_item("t-trade")
        await pilot.pause()
        assert await palette(pilot, "sukhoi")
        await pilot.press("enter")
        await pilot.pause()
        assert (screen.narrowing.topic, screen.narrowing.entity) == (None, "su-57")
        await pilot.press("escape")
        await pilot.pause()
        assert (screen.narrowing.topic, screen.narrowing.entity) == ("t-trade", None)
        await pilot.press("x")
        await pilot.pause()
        assert screen.narrowing.topic is None
        await pilot.press("escape")  # clearing every filter can be taken back too
        await pilot.pause()
        assert screen.narrowing.topic == "t-trade"
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.narrowing and isinstance(app.screen, MainScreen)
        await pilot.press("escape")  # nothing left to take back: the overview
        await pilot.pause()
        assert type(app.screen).__name__ == "OverviewScreen"
