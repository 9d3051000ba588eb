"""Live reload: when the brief or an article changes on disk, the app checks it again and
shows the new version in place (filters and selection kept where the items still exist);
a version that fails the checker shows its problems and the last good one stays."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from screens_host import screen_text, words

from briefing.brief.loader import load_brief
from briefing.ui.app import BriefingApp
from briefing.ui.live import POLL_SECONDS
from briefing.ui.screens.base import focused_item_id
from briefing.ui.screens.evidence import EvidenceScreen
from briefing.ui.screens.main import MainScreen
from briefing.ui.screens.search import SearchScreen
from briefing.ui.screens.source import SourceReaderScreen

FIXTURE = Path(__file__).parents[1] / "fixtures" / "sample"


@pytest.fixture
def brief_path(tmp_path: Path) -> Path:
    """A copy of the sample brief and its articles that the test may change."""
    shutil.copytree(FIXTURE, tmp_path / "sample")
    return tmp_path / "sample" / "briefs" / "sample.yaml"


class Recording(BriefingApp):
    """The app, recording its notifications."""

    def __init__(self, *args: Any, **options: Any) -> None:
        super().__init__(*args, **options)
        self.messages: list[tuple[str, str]] = []

    def notify(self, message: str, **options: Any) -> None:  # type: ignore[override]
        """Record, then notify as usual."""
        self.messages.append((message, str(options.get("title", ""))))
        super().notify(message, **options)


def edit(path: Path, old: str, new: str) -> None:
    """Change the file on disk as an editor would."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


async def poll(app: BriefingApp, pilot: Any) -> None:
    """What the app's timer does every second: look at the files, reload if they changed."""
    assert app.watcher is not None
    app.watcher.poll()
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def test_a_changed_brief_is_shown_in_place_keeping_filters_and_selection(
    brief_path: Path,
) -> None:
    app = Recording(load_brief(brief_path, use_cache=False), style="plain", overview=False)
    async with app.run_test(size=(120, 40)) as pilot:
        assert POLL_SECONDS <= 1
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.show_item("t-ports")  # narrow to a topic
        screen.show_item("q-capacity")  # select an excerpt
        await pilot.pause()
        edit(brief_path, "title: Harbours and fighters", "title: Harbours, fighters and fees")
        await poll(app, pilot)
        assert app.brief is not None and app.brief.title == "Harbours, fighters and fees"
        assert "Harbours, fighters and fees" in screen_text(app)
        assert screen.narrowing.topic == "t-ports"
        assert screen.selected_item_id() == "q-capacity"
        assert ("Reloaded the brief from disk.", "") in app.messages


async def test_a_brief_that_now_fails_shows_its_problems_and_keeps_the_last_good_one(
    brief_path: Path,
) -> None:
    app = Recording(load_brief(brief_path, use_cache=False), style="plain", overview=False)
    async with app.run_test(size=(120, 40)) as pilot:
        edit(brief_path, "topics: [t-ports]", "topics: [t-nowhere]")
        await poll(app, pilot)
        message, title = app.messages[-1]
        assert title.startswith("The brief on disk does not pass the checker")
        assert "t-nowhere" in message and str(brief_path) in message
        assert app.brief is not None and app.brief.title == "Harbours and fighters"
        assert "Harbours and fighters" in screen_text(app)
        edit(brief_path, "topics: [t-nowhere]", "topics: [t-ports]")  # fixed again
        await poll(app, pilot)
        assert app.messages[-1] == ("Reloaded the brief from disk.", "")


async def test_an_article_that_changes_is_checked_again_and_shown(brief_path: Path) -> None:
    article = brief_path.parents[1] / "seeds" / "harbour.txt"
    app = Recording(load_brief(brief_path, use_cache=False), style="plain", overview=False)
    async with app.run_test(size=(120, 40)) as pilot:
        app.screen.show_item("q-capacity")  # type: ignore[attr-defined]
        await pilot.press("o")
        assert isinstance(app.screen, SourceReaderScreen)
        edit(article, "over ten years", "over ten years of dredging")
        await poll(app, pilot)
        assert isinstance(app.screen, SourceReaderScreen)
        assert "dredging" in " ".join(words(screen_text(app))), app.messages
        assert "Quote 2 of 4" in str(app.screen.query_one("#reader-status").render())
        edit(article, "Critics said", "Critics claimed")  # the quote no longer matches
        await poll(app, pilot)
        message, title = app.messages[-1]
        assert title.startswith("The brief on disk does not pass")
        assert "q-deal-critics" in message
        assert "Critics said" in " ".join(words(screen_text(app)))


async def test_the_overview_shows_the_new_summary(brief_path: Path) -> None:
    app = Recording(load_brief(brief_path, use_cache=False), style="plain")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "The Kaliningrad port signed" in screen_text(app)
        edit(brief_path, "The Kaliningrad port signed", "The Kaliningrad harbour signed")
        await poll(app, pilot)
        assert "The Kaliningrad harbour signed" in screen_text(app)


@pytest.mark.parametrize(
    ("key", "old", "new"),
    [
        ("d", "How much container capacity does the deal add?", "How much capacity is added?"),
        ("f", "Value of the cargo deal", "Worth of the cargo deal"),
        ("e", "name: Piotr Nowak", "name: Piotr A. Nowak"),
    ],
)
async def test_the_screens_over_the_panes_show_the_new_brief(
    brief_path: Path, key: str, old: str, new: str
) -> None:
    """The disputes, figures and entities screens follow a reload, at the item they were on."""
    app = Recording(load_brief(brief_path, use_cache=False), style="plain", overview=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(key)
        await pilot.pause()
        screen = app.screen
        shown = new.removeprefix("name: ")
        assert old.removeprefix("name: ") in screen_text(app)
        await pilot.press("down")
        before = focused_item_id(screen)
        edit(brief_path, old, new)
        await poll(app, pilot)
        assert app.screen is screen
        assert shown in screen_text(app) and old.removeprefix("name: ") not in screen_text(app)
        assert focused_item_id(screen) == before


async def test_search_searches_the_new_brief_and_evidence_goes_back(brief_path: Path) -> None:
    edit(brief_path, "format: briefing/1", "format: briefing/1.1")
    edit(brief_path, "in March 2024.", "in March 2024 [@q-deal-signed].")
    app = Recording(load_brief(brief_path, use_cache=False), style="plain", overview=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"dredging")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "No hits" in screen_text(app)
        edit(brief_path, "title: Su-57 order placed", "title: Su-57 order placed; dredging begins")
        await poll(app, pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert "dredging begins" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")  # the overview
        await pilot.pause()
        await pilot.press("right", "enter")  # the evidence behind the summary's first claim
        await pilot.pause()
        assert isinstance(app.screen, EvidenceScreen)
        edit(brief_path, "title: Harbours and fighters", "title: Harbours")
        await poll(app, pilot)
        assert not isinstance(app.screen, EvidenceScreen)
        assert ("The brief changed: choose the claim again.", "") in app.messages
