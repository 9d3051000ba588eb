"""The overview: a brief opens on its bottom line (summary, disputes, key figures), with
the panes, the views, search, the basket and the palette each one key away."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace

from textual.pilot import Pilot

from briefing.brief.model import Brief
from briefing.ui.app import BriefingApp
from briefing.ui.screens.main import MainScreen
from briefing.ui.screens.overview import OverviewList, OverviewScreen
from briefing.ui.widgets.bars import KeyBar
from briefing.ui.widgets.prose import Prose
from briefing.ui.widgets.timeline import Timeline

Palette = Callable[[Pilot[None], str], Awaitable[list[str]]]
NARROW, WIDE = (80, 24), (120, 40)


def overview(app: BriefingApp) -> OverviewScreen:
    """The overview (asserting it is the screen showing)."""
    assert isinstance(app.screen, OverviewScreen)
    return app.screen


def key_bar(app: BriefingApp) -> str:
    """The key bar of the screen showing, as text."""
    return app.screen.query_one(KeyBar).plain


def list_lines(app: BriefingApp, selector: str) -> list[str]:
    """The lines of one of the overview's lists, as shown."""
    return overview(app).query_one(selector, OverviewList).visible_lines()


async def test_a_brief_opens_on_its_summary_with_the_focus_there(sample: Brief) -> None:
    app = BriefingApp(sample, style="plain")
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        screen = overview(app)
        summary = screen.query_one(Prose)
        assert summary.plain.startswith("The Kaliningrad port signed a cargo deal")
        assert screen.focused is summary
        assert list_lines(app, "#overview-disputes") == [
            "How much container capacity does the deal add?"
        ]
        assert [line.split() for line in list_lines(app, "#overview-figures")] == [
            ["1.2", "EUR", "bn", "Value", "of", "the", "cargo", "deal"],
            ["12", "aircraft", "Su-57", "aircraft", "ordered"],
        ]


async def test_the_key_bar_names_the_keys_that_matter_as_many_as_fit(sample: Brief) -> None:
    app = BriefingApp(sample, style="plain")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        wide = key_bar(app)
        for shown in ("tab Next", "t Timeline", "/ Search", "d Disputes", "f Figures"):
            assert shown in wide
        for shown in ("e Entities", "a Add", "b Basket", "^p Jump", "? Help"):
            assert shown in wide
        await pilot.press("tab")
        assert key_bar(app).startswith(" ⏎ Open  tab Next")
        await pilot.resize_terminal(*NARROW)
        await pilot.pause()
        narrow = key_bar(app)
        assert "tab Next" in narrow and "d Disputes" in narrow and "? Help" in narrow
        assert narrow.endswith(" s cite: plain ") and len(narrow) <= NARROW[0]


async def test_t_shows_the_panes_and_escape_comes_back(sample: Brief) -> None:
    app = BriefingApp(sample, style="plain")
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen_stack == [app.screen]  # made in the first overview's place
        assert isinstance(app.screen.focused, Timeline)
        assert "esc Overview" in key_bar(app)
        app.screen.show_item("t-ports")  # a narrowing: Escape undoes it first
        await pilot.pause()
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen) and app.screen.narrowing.topic is None
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(overview(app).focused, Prose)


async def test_enter_on_a_dispute_or_figure_opens_it_on_its_own_screen(sample: Brief) -> None:
    from briefing.ui.screens.disputes import DisputesScreen
    from briefing.ui.screens.figures import FiguresScreen

    app = BriefingApp(sample, style="plain")
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, DisputesScreen) and app.screen.dispute_id == "d-capacity"
        await pilot.press("escape")
        await pilot.press("tab", "j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FiguresScreen) and app.screen.figure_id == "fig-su57-units"
        await pilot.press("escape")
        await pilot.press("e")
        await pilot.pause()
        assert type(app.screen).__name__ == "EntitiesScreen"


async def test_an_excerpt_chosen_from_a_view_shows_in_the_panes(sample: Brief) -> None:
    app = BriefingApp(sample, style="plain")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("enter", "enter")  # into the first side, open its excerpt
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.selected_item_id() == "q-capacity"


async def test_the_palette_jumps_from_the_overview(sample: Brief, palette: Palette) -> None:
    app = BriefingApp(sample, style="plain")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert await palette(pilot, "sukhoi")
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen.narrowing.entity == "su-57"


async def test_c_copies_the_summary_or_the_selected_figure(sample: Brief) -> None:
    app = BriefingApp(sample, style="plain")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard.startswith("Harbours and fighters — Summary\nThe Kaliningrad port")
        await pilot.press("tab", "tab", "c")
        await pilot.pause()
        assert app.clipboard.startswith("Value of the cargo deal")


async def test_markers_show_after_each_claim_never_raw(sample: Brief) -> None:
    summary = "The port signed a deal [@q-deal-signed; @q-deal-value]. It doubles [@q-capacity]."
    app = BriefingApp(replace(sample, summary=summary), style="plain")
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        shown = overview(app).query_one(Prose).plain
        assert shown == "The port signed a deal.[○] It doubles.[○]"
        assert "[@" not in shown


async def test_help_lists_the_overview_keys(sample: Brief) -> None:
    from screens_host import screen_text

    app = BriefingApp(sample, style="plain")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        assert "Overview" in text
        for line in ("Show the topics, timeline and excerpts", "Search the whole brief"):
            assert line in text
