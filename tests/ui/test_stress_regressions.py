"""Crashes and hangs the deterministic stress walk (tests/stress) found, replayed by name.

Each test reproduces one with Pilot on the smallest app that shows it; the stress seed and
event that found it are named in its docstring. (The earlier ones are in
test_regressions.py.)
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from screens_host import Host, screen_text
from textual import events
from textual.command import CommandInput
from textual.widgets import SelectionList

from briefing.brief.loader import load_brief
from briefing.brief.model import Brief
from briefing.ui.app import BriefingApp
from briefing.ui.screens import picker
from briefing.ui.screens.new_excerpt import NewExcerptDialog
from briefing.ui.screens.palette import Palette
from briefing.ui.text import MAX_TYPED

PASTED = "\x1b]52;c;SEVMTE8=\x07 \x1b[2J\x1b[H \x1b]0;TITLE\x07 \x1bP1$ "


async def test_the_palette_box_takes_no_more_than_any_text_box(sample: Brief) -> None:
    """A 130,000-character paste into the palette, then Ctrl+V of a copied quote (which
    holds a newline) in its middle: each keystroke then measured the whole value in
    quadratic time (Textual's tab expansion), and one key held the app for minutes. The
    palette's box now takes at most MAX_TYPED characters, like every other text box.
    Stress seed 0, event 205."""
    app = BriefingApp(sample, style="plain")
    async with app.run_test() as pilot:
        await pilot.press("ctrl+p")
        app.post_message(events.Paste(PASTED * 4_000))
        await pilot.pause()
        box = app.screen.query_one(CommandInput)
        assert isinstance(app.screen, Palette)
        assert box.value == ""  # too long to take at all, as in the other boxes
        app.post_message(events.Paste(PASTED * 10))
        app.copy_to_clipboard("a quote\n— its source " * 200)
        await pilot.press("ctrl+left", "ctrl+v")
        assert len(box.value) <= MAX_TYPED
        assert box.value.startswith(PASTED.strip()[:8])


@pytest.fixture
def held_checks(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The picker's check of each brief waits until the returned event is set."""
    release = threading.Event()
    check = picker.read_entry

    def held(path: Path) -> picker.BriefEntry:
        release.wait(timeout=30)
        return check(path)

    monkeypatch.setattr(picker, "read_entry", held)
    return release


async def test_the_picker_closed_while_it_checks_its_briefs(
    tmp_path: Path, sample_path: Path, held_checks: threading.Event
) -> None:
    """Escape while the picker's thread is still checking the folder's briefs: the checks
    that finish afterwards change nothing and the app goes on. (Stress seed 7, event 783,
    under the earlier timing-dependent walk: a check shown in the list of a picker being
    removed raised NoMatches in the worker, which ended the app. The exact interleaving
    did not replay here; this pins the path down.)"""
    shutil.copytree(sample_path.parent.parent, tmp_path / "set")
    app = Host(picker.BriefPickerScreen(tmp_path / "set" / "briefs"))
    async with app.run_test() as pilot:
        await pilot.press("escape")
        held_checks.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.results == [None]
        assert app.is_running


async def test_adding_an_excerpt_to_a_brief_of_deeply_nested_topics(tmp_path: Path) -> None:
    """`A` in the reader of a brief whose topics nest hundreds deep: the dialog listed
    each topic with its whole path, and laying the list out took over half a minute (a
    hang to the stress test). Each label now shows the first title, `…` and the last
    ones. Stress seed 6, event 267."""
    from stress.briefs import many_brief

    brief = load_brief(many_brief(tmp_path, count=600))
    deepest = max(brief.topics, key=lambda topic: len(brief.topic_path(topic.id)))
    path = [topic.title for topic in brief.topic_path(deepest.id)]
    assert len(path) > 100
    app = Host(NewExcerptDialog(brief, "new-excerpt", [deepest.id]))
    async with app.run_test() as pilot:
        await pilot.pause()
        topics = app.screen.query_one(SelectionList)
        labels = [str(topics.get_option_at_index(i).prompt) for i in range(topics.option_count)]
        shown = labels[[topic.id for topic in brief.topics].index(deepest.id)]
        first, fold, *last = shown.split(" › ")
        assert (fold, len(last)) == ("…", 2)
        assert first.startswith(path[0][:6]) and last[-1].startswith(path[-1][:6])
        assert deepest.id in topics.selected


async def test_a_detail_pane_asked_to_show_an_item_before_its_text_is_mounted(
    sample: Brief,
) -> None:
    """A live reload recomposes the main screen and at once shows the item that was
    selected; the new detail pane could be asked before its own text widget was mounted
    (NoMatches: #detail-body, stress seed 1 on a loaded machine). It now draws that item
    when its text is mounted."""
    from textual.app import App, ComposeResult

    from briefing.ui.widgets.detail import DetailPane

    class Early(App[None]):
        def compose(self) -> ComposeResult:
            pane = DetailPane(sample)
            pane.show("q-capacity")  # before the pane (and its text) is mounted
            yield pane

    app = Early()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "This agreement doubles our container capacity" in screen_text(app)


@pytest.mark.parametrize(
    "event", [events.Key("x", "x"), events.MouseDown(None, 1, 1, 0, 0, 1, False, False, False)]
)
async def test_a_key_or_click_arriving_as_the_app_closes_is_dropped(
    sample: Brief, event: events.Event
) -> None:
    """Input that reaches the app after its last screen is gone (it is shutting down)
    raised ScreenStackError (seen by the stress harness). It is dropped."""
    app = BriefingApp(sample)
    assert not app.screen_stack
    await app.on_event(event)
