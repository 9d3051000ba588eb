"""A large brief opened the first time: a progress screen naming the stage, then the brief;
a brief that fails its check leaves the screen and its problems are printed."""

from __future__ import annotations

import shutil
import threading
from contextlib import suppress
from pathlib import Path

import pytest
from screens_host import screen_text, words
from textual.widgets import ProgressBar
from textual.worker import WorkerCancelled

from briefing.brief import cache, opening
from briefing.brief.model import Brief
from briefing.brief.opening import open_for_reading
from briefing.brief.problems import BriefError
from briefing.ui.app import BriefingApp
from briefing.ui.screens.loading import LoadingScreen
from briefing.ui.screens.main import MainScreen

SAMPLE = Path(__file__).parents[1] / "fixtures" / "sample"


@pytest.fixture
def brief_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample brief, large enough (by a lowered threshold) to open behind progress."""
    monkeypatch.setattr(opening, "SHOWN_FROM", 0)
    shutil.copytree(SAMPLE, tmp_path / "sample")
    return tmp_path / "sample" / "briefs" / "sample.yaml"


def test_only_an_uncached_large_brief_opens_behind_progress(brief_path: Path) -> None:
    first = open_for_reading(brief_path)
    assert first.brief is None  # to check behind the progress screen
    checked = first.run()
    assert checked is not None and first.fraction() > 0
    first.keep()
    again = open_for_reading(brief_path)
    assert again.brief == checked  # from the cache now


def test_a_small_brief_is_checked_at_once_and_cached_when_kept(
    brief_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(opening, "SHOWN_FROM", 10**9)
    first = open_for_reading(brief_path)
    assert isinstance(first.brief, Brief)
    assert cache.read(brief_path, first.content) is None  # written once it is on screen
    first.keep()
    assert cache.read(brief_path, first.content) == first.brief


async def test_the_progress_screen_names_the_stage_then_shows_the_brief(
    brief_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = open_for_reading(brief_path)
    assert started.brief is None
    gate = threading.Event()
    check = started.run
    monkeypatch.setattr(started, "run", lambda: gate.wait(30) and check())
    app = BriefingApp(style="plain", overview=False, opening=started)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LoadingScreen)
        shown = " ".join(words(screen_text(app)))
        assert "Opening" in shown and "Stage: reading" in shown
        assert screen.query_one(ProgressBar).total == 100
        gate.set()
        await screen.workers.wait_for_complete()  # the check, however busy the machine
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        await pilot.pause()
        assert "Harbours and fighters" in " ".join(words(screen_text(app)))


async def test_a_brief_that_fails_its_check_leaves_with_its_problems(brief_path: Path) -> None:
    brief_path.write_text(
        brief_path.read_text("utf-8").replace("twelve aircraft", "ten aircraft"), "utf-8"
    )
    started = open_for_reading(brief_path)
    assert started.brief is None
    app = BriefingApp(style="plain", overview=False, opening=started)
    async with app.run_test(size=(120, 40)) as pilot:
        with suppress(WorkerCancelled):  # the app leaving cancels what is left of it
            await app.screen.workers.wait_for_complete()
        await pilot.pause()
    assert app.return_code == 1
    assert any("does not occur" in str(p) for p in started.problems)


def test_an_unreadable_brief_is_refused_before_any_screen(tmp_path: Path) -> None:
    with pytest.raises(BriefError):
        open_for_reading(tmp_path / "nowhere.yaml")
