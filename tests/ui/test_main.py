"""The main screen, driven with Pilot on the sample brief: panes, filters, keys, navigation."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Static

from briefing.brief.model import Brief
from briefing.cite.style_names import STYLES
from briefing.ui.app import BriefingApp
from briefing.ui.screens.main import MainScreen
from briefing.ui.widgets.bars import BriefHeader, KeyBar
from briefing.ui.widgets.excerpts import ExcerptList
from briefing.ui.widgets.rows import RowList
from briefing.ui.widgets.timeline import Timeline
from briefing.ui.widgets.topics import TopicTree

SIZE = (120, 40)
Palette = Callable[[Pilot[None], str], Awaitable[list[str]]]
"""The `palette` fixture: open the palette, type, and get the hits."""


def main(app: BriefingApp) -> MainScreen:
    """The main screen (asserting it is the one showing)."""
    screen = app.screen
    assert isinstance(screen, MainScreen)
    return screen


def shown(app: BriefingApp, pane: type[RowList]) -> str:
    """The text of a list pane as it is on screen, one string."""
    return "\n".join(main(app).query_one(pane).visible_lines()).replace("\u00a0", " ")


def filter_bar(app: BriefingApp) -> str:
    """What the filter bar says, or "" while it is hidden."""
    bar = main(app).query_one("#filters", Static)
    content = bar.content
    return (content.plain if isinstance(content, Text) else str(content)) if bar.display else ""


async def test_header_and_three_panes_show(app: BriefingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        header = screen.query_one(BriefHeader).render().plain
        assert header.startswith("Harbours and fighters — A brief written for the tests ")
        assert header.endswith(" as of 1 Oct 2024")
        assert screen.query_one(TopicTree).border_title == "Topics"
        assert str(screen.query_one(Timeline).border_title).startswith("Timeline · 4")
        assert str(screen.query_one(ExcerptList).border_title).startswith("Excerpts · 10")
        timeline = shown(app, Timeline)
        assert "2021" in timeline and "c. 2021" not in timeline
        assert "Sep" in timeline and "Sep 2024" not in timeline  # under its year's heading
        assert "Su-57 order placed" in timeline


async def test_timeline_marks_sources_and_years(sample: Brief) -> None:
    from dataclasses import replace

    deal = replace(sample.event("ev-deal"), excerpts=("q-deal-signed", "q-triple"))
    events = tuple(deal if e.id == "ev-deal" else e for e in sample.events)
    app = BriefingApp(replace(sample, events=events), overview=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = main(app).query_one(Timeline).visible_lines()
        years = [line for line in lines if line in ("2021", "2024", "2026")]
        assert years == ["2021", "2024", "2026"]
        text = " ".join(" ".join(lines).split())
        assert "○ Su-57 order placed 1 source" in text
        assert "● Kaliningrad port signs" in text and "2 sources" in text


async def test_a_decade_heads_its_group_as_a_decade(sample: Brief) -> None:
    from dataclasses import replace

    from briefing.brief.dates import parse_date

    order = replace(sample.event("ev-order"), date=parse_date("1990/1999"))
    events = tuple(order if e.id == "ev-order" else e for e in sample.events)
    app = BriefingApp(replace(sample, events=events), overview=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = main(app).query_one(Timeline).visible_lines()
        assert lines[0] == "1990s" and lines[1].startswith("1990s")


async def test_topic_filters_timeline_and_excerpts(app: BriefingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        screen.query_one(TopicTree).focus()
        await pilot.pause()
        # All topics, Trade, Ports, Defence: choose Defence.
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        assert screen.narrowing.topic == "t-defence"
        timeline, excerpts = shown(app, Timeline), shown(app, ExcerptList)
        assert "Su-57 order placed" in timeline and "Kaliningrad" not in timeline
        assert "Mira Sen" in excerpts and "port authority" not in excerpts
        assert "Topic: Defence" in filter_bar(app)
        # The bar sits under the header, not over it.
        assert screen.query_one("#header").region.y == 0
        assert screen.query_one("#filters").region.y == 1
        assert str(screen.query_one(Timeline).border_title) == "Timeline · 2 of 4"
        await pilot.press("escape")
        await pilot.pause()
        assert screen.narrowing.topic is None
        assert filter_bar(app) == ""
        assert "Kaliningrad" in shown(app, Timeline)


async def test_subtopic_filter_shows_path_and_clear_key(app: BriefingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main(app).show_item("t-ports")
        await pilot.pause()
        assert "Topic: Trade › Ports" in filter_bar(app)
        assert "Summit" not in shown(app, Timeline)
        await pilot.press("x")
        await pilot.pause()
        assert filter_bar(app) == "" and "Summit" in shown(app, Timeline)


async def test_event_narrows_excerpts_and_escape_widens(app: BriefingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        screen.show_item("ev-deal")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        excerpts = shown(app, ExcerptList)
        assert "port authority of Kaliningrad" in excerpts and "1.2 billion" in excerpts
        assert "Critics" not in excerpts and "Su-57" not in excerpts
        assert screen.query_one(ExcerptList).has_focus
        assert "Event: 3 Mar 2024" in filter_bar(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "Critics" in shown(app, ExcerptList)
        assert screen.query_one(Timeline).has_focus


async def test_excerpts_wrap_and_show_source_and_paragraph(sample: Brief) -> None:
    app = BriefingApp(sample, overview=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = " ".join(line.strip() for line in shown(app, ExcerptList).splitlines())
        assert "The port authority of Kaliningrad signed a cargo agreement with the" in text
        assert "Northern Alliance on 3 March 2024 —" in text
        assert "2024 — Baltic Ledger, 4 Mar 2024 ¶ 3  “This agreement" in text


async def test_selected_item_follows_focus(app: BriefingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        assert screen.selected_item_id() == "ev-order"
        await pilot.press("j")
        assert screen.selected_item_id() == "ev-deal"
        await pilot.press("tab")
        assert screen.selected_item_id() == "q-deal-signed"
        await pilot.press("shift+tab", "shift+tab", "down")
        assert screen.selected_item_id() == "t-trade"


async def test_show_item_for_each_kind(app: BriefingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        screen.show_item("t-fighters")
        await pilot.press("tab")  # to the timeline, filtered by Fighters
        screen.show_item("q-capacity")  # hidden by the Fighters filter: the filter goes
        await pilot.pause()
        assert screen.narrowing.topic is None and screen.selected_item_id() == "q-capacity"
        screen.show_item("ev-summit")
        await pilot.pause()
        assert screen.selected_item_id() == "ev-summit"
        screen.show_item("su-57")
        await pilot.pause()
        assert screen.narrowing.entity == "su-57" and "Entity: Su-57" in filter_bar(app)
        assert "Summit" not in shown(app, Timeline) and "Sukhoi-57" in shown(app, ExcerptList)
        screen.show_item("t-trade")
        await pilot.pause()
        assert screen.selected_item_id() == "t-trade"
        screen.show_item("no-such-id")
        await pilot.pause()
        assert screen.selected_item_id() == "t-trade"


async def test_q_quits_with_status_zero(app: BriefingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_command_palette_jumps_to_an_event(app: BriefingApp, palette: Palette) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert await palette(pilot, "summit ends")
        await pilot.press("enter")
        await pilot.pause()
        assert main(app).selected_item_id() == "ev-summit"


async def test_style_key_cycles_and_shows_the_style(app: BriefingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.citation_style == STYLES[0]  # the fixture's "plain"
        for expected in (STYLES[1], STYLES[2]):
            await pilot.press("s")
            await pilot.pause()
            assert app.citation_style == expected
            assert main(app).query_one(KeyBar).plain.endswith(f" s cite: {expected} ")


async def test_markup_in_a_title_is_shown_literally(sample: Brief) -> None:
    from dataclasses import replace

    title = "[bold]Bold[/] and [@click=app.quit]click[/]"
    brief = replace(sample, title=title)
    app = BriefingApp(brief, overview=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert main(app).query_one(BriefHeader).render().plain.startswith(title)
        await pilot.click(BriefHeader)
        await pilot.pause()
        assert app.is_running


async def test_mouse_selects_rows_and_topics(app: BriefingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        timeline = screen.query_one(Timeline)
        line = next(y for y, text in enumerate(timeline.visible_lines()) if text.startswith("Sep "))
        await pilot.click(Timeline, offset=(3, line + 1))  # +1 for the border
        await pilot.pause()
        assert screen.selected_item_id() == "ev-summit"
        await pilot.click(Timeline, offset=(3, line + 1), times=2)
        await pilot.pause()
        assert screen.narrowing.event == "ev-summit"
        assert "joint statement" in shown(app, ExcerptList)
        tree = screen.query_one(TopicTree)
        await pilot.click(TopicTree, offset=(6, 4))  # border, All topics, Trade, Ports, Defence
        await pilot.pause()
        assert tree.highlighted_topic == "t-defence" and screen.narrowing.topic is None
        await pilot.click(TopicTree, offset=(6, 4), times=2)  # as on an event: double to narrow
        await pilot.pause()
        assert screen.narrowing.topic == "t-defence"


async def test_open_is_offered_only_where_it_works(app: BriefingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main(app)
        keys = screen.query_one(KeyBar)

        def key_bar() -> str:
            return keys.plain

        assert "o Open" in key_bar() and "esc Back" not in key_bar()
        screen.query_one(TopicTree).focus()
        await pilot.pause()
        assert "o Open" not in key_bar()
        screen.show_item("t-trade")
        await pilot.pause()
        assert "esc Back" in key_bar() and "x Clear" in key_bar()


async def test_an_empty_pane_says_so(app: BriefingApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        main(app).show_item("nowak")  # named in one excerpt, in no event
        await pilot.pause()
        assert shown(app, Timeline) == "No events match the filter."
        assert "Piotr Nowak" in shown(app, ExcerptList)
        assert main(app).selected_item_id() is None


async def test_detail_follows_the_focused_pane(app: BriefingApp) -> None:
    def detail() -> str:
        content = main(app).query_one("#detail-body", Static).content
        return content.plain if isinstance(content, Text) else str(content)

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Su-57 order placed" in detail() and "Single source" in detail()
        await pilot.press("tab")
        await pilot.pause()
        assert "Paragraph: ¶ 3" in detail() and "Cited by" in detail()
        assert "Kaliningrad port signs cargo deal" in detail()
        main(app).show_item("t-trade")
        await pilot.pause()
        assert "Ports and cargo." in detail() and "Subtopics" in detail()
        await pilot.press("x")
        await pilot.pause()
        assert "The Kaliningrad port signed a cargo deal" in detail()  # the brief's summary
