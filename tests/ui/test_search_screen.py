"""The search screen driven with Pilot: type, see ranked hits, Enter goes, Escape returns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Static

from briefing.brief.loader import load_brief
from briefing.brief.model import Brief
from briefing.search.recent import load_recent, remember
from briefing.ui.app import BriefingApp
from briefing.ui.screens.main import MainScreen
from briefing.ui.screens.search import SearchResults, SearchScreen

SIZE = (100, 30)


class Host(App[None]):
    """Opens the search screen at once and keeps what it dismissed with."""

    def __init__(self, brief: Brief) -> None:
        super().__init__()
        self.brief = brief
        self.dismissed: list[str | None] = []

    def on_mount(self) -> None:
        self.push_screen(SearchScreen(self.brief), callback=self.dismissed.append)


async def settle(app: App[Any], pilot: Pilot[Any]) -> None:
    """Let the index and search workers finish and their results reach the screen."""
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


def rows(app: App[None]) -> list[str]:
    results = app.screen.query_one(SearchResults)
    found = []
    for n in range(results.option_count):
        prompt = results.get_option_at_index(n).prompt
        assert isinstance(prompt, Text)
        found.append(prompt.plain)
    return found


def status(app: App[None]) -> str:
    content = app.screen.query_one("#search-status", Static).content
    assert isinstance(content, Text)
    return content.plain


async def test_typo_shows_kaliningrad_first_and_enter_goes_there(sample: Brief) -> None:
    app = Host(sample)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press(*"kaliningard")
        await settle(app, pilot)
        first = rows(app)[0]
        assert first.startswith("entity") and first.endswith("Kaliningrad")
        assert "event    3 Mar 2024\n  Kaliningrad port signs cargo deal with the Alliance" in rows(
            app
        )
        assert status(app) == "5 hits"
        highlighted = app.screen.query_one(SearchResults).get_option_at_index(0).prompt
        assert isinstance(highlighted, Text)
        assert [highlighted.plain[s.start : s.end] for s in highlighted.spans][-1] == "Kaliningrad"
        await pilot.press("enter")
        await pilot.pause()
        assert app.dismissed == ["kaliningrad"]
    assert load_recent().queries == ("kaliningard",)


async def test_down_chooses_the_next_hit(sample: Brief) -> None:
    app = Host(sample)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press(*"container capacity")
        await settle(app, pilot)
        await pilot.press("down", "down", "up", "down", "enter")
        await pilot.pause()
        assert app.dismissed == ["q-triple"]


async def test_escape_dismisses_with_none(sample: Brief) -> None:
    app = Host(sample)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("d", "e", "escape")
        await pilot.pause()
        assert app.dismissed == [None]


async def test_empty_query_shows_recent_searches(sample: Brief) -> None:
    remember("twelve aircraft")
    remember("kaliningrad")
    app = Host(sample)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert rows(app) == ["kaliningrad", "twelve aircraft"]
        assert status(app) == "Recent searches"
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert app.screen.query_one(Input).value == "twelve aircraft"
        assert rows(app)[0].endswith(
            "The Su-57 order, placed in 2021, covers twelve aircraft in all."
        )


async def test_no_hit_says_so(sample: Brief) -> None:
    app = Host(sample)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press(*"zebra")
        await settle(app, pilot)
        assert rows(app) == []
        assert status(app) == "No hits for zebra."
        await pilot.press("enter")
        await pilot.pause()
        assert app.dismissed == []


async def test_tab_completes_the_filter_under_the_cursor(sample: Brief) -> None:
    app = Host(sample)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press(*"kind:ev")
        await settle(app, pilot)
        assert status(app) == "Tab:  kind:event"
        await pilot.press("tab")
        await settle(app, pilot)
        assert app.screen.query_one(Input).value == "kind:event"
        assert status(app) == "Tab:  kind:event"
        assert len(rows(app)) == 4
        await pilot.press(*" topic:fig", "tab")
        await settle(app, pilot)
        assert app.screen.query_one(Input).value == "kind:event topic:t-fighters"
        assert [r.split("\n")[1].strip() for r in rows(app)] == [
            "Su-57 order placed",
            "Remaining fighters expected",
        ]


async def test_brief_text_with_markup_shows_literally(tmp_path: Path) -> None:
    quote = "Press [bold]here[/bold] or [@click=app.quit]this[/] to quit."
    (tmp_path / "a.txt").write_text(quote + "\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "format: briefing/1\nid: b\ntitle: B\nas_of: 2025-01-01\n"
        "sources:\n  - id: s\n    title: A\n    file: a.txt\n"
        "topics:\n  - id: t\n    title: T\n"
        "events:\n  - id: e\n    date: 2025-01-01\n    title: E\n    topics: [t]\n"
        "    excerpts: [x]\n"
        f"excerpts:\n  - id: x\n    source: s\n    quote: '{quote}'\n    topics: [t]\n",
        encoding="utf-8",
    )
    app = Host(load_brief(tmp_path / "b.yaml", use_cache=False))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press(*"click quit")
        await settle(app, pilot)
        assert rows(app) == ["excerpt  A ¶1\n  " + quote]
        assert app.is_running


async def test_slash_in_the_reader_searches_and_enter_lands_on_the_hit(sample: Brief) -> None:
    app = BriefingApp(sample, style="plain", overview=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await settle(app, pilot)
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"twelve aircraft")
        await settle(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        assert screen.selected_item_id() == "q-su57-order"


async def test_tab_again_offers_the_next_completion(sample: Brief) -> None:
    app = Host(sample)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press(*"deal topic:")
        await settle(app, pilot)
        assert status(app) == "Tab:  topic:t-trade (Trade)  topic:t-ports (Ports)  " + (
            "topic:t-defence (Defence)  topic:t-fighters (Fighters)"
        )
        field = app.screen.query_one(Input)
        values = []
        for _ in range(5):
            await pilot.press("tab")
            values.append(field.value)
        assert values == [
            "deal topic:t-trade",
            "deal topic:t-ports",
            "deal topic:t-defence",
            "deal topic:t-fighters",
            "deal topic:t-trade",
        ]
