"""Every crash the stress test (tests/stress) or anyone found, replayed by name.

Keys sent "in a burst" are posted to the app all at once, with no pause between them, as
a terminal delivers a paste or fast typing: each key is queued in the widget that had the
focus when the app read it, even if an earlier key of the burst closes its screen.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import pytest
from textual import events
from textual.binding import Binding
from textual.command import CommandList
from textual.widgets import Input, OptionList
from textual.widgets._toast import Toast

from briefing.brief.loader import load_brief
from briefing.brief.model import Brief
from briefing.ui.app import BriefingApp
from briefing.ui.screens.base import excerpt_prompt
from briefing.ui.screens.entities import EntitiesScreen
from briefing.ui.screens.palette import Palette
from briefing.ui.screens.picker import BriefPickerScreen
from briefing.ui.screens.search import MAX_QUERY, SearchScreen
from briefing.ui.text import MAX_ENTRY

NAMED = {"/": "slash", ":": "colon", " ": "space", "?": "question_mark"}


def burst(app: BriefingApp, *keys: str) -> None:
    """Post keys (names, or text to type) with no pause between them."""
    for key in keys:
        if len(key) == 1:
            app.post_message(events.Key(NAMED.get(key, key), key))
        else:
            app.post_message(events.Key(key, None))


def press_at(app: BriefingApp, x: int, y: int, times: int = 1) -> None:
    """Mouse button down and up at a place of the screen, as a terminal reports them."""
    for _ in range(times):
        for kind in (events.MouseDown, events.MouseUp):
            app.post_message(kind(None, x, y, 0, 0, 1, False, False, False, x, y))


async def test_keys_in_a_burst_into_search(sample: Brief) -> None:
    """`/` then `topic:abc…` at once: each Input.Changed carried an older value than the
    input's cursor, and the completions indexed past its end (IndexError)."""
    app = BriefingApp(sample, style="plain")
    async with app.run_test() as pilot:
        await pilot.press("slash")
        for _ in range(200):  # the index is built in the background
            await pilot.pause()
            if getattr(app.screen, "index", None) is not None:
                break
        burst(app, *"topic:abcdef")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(Input).value == "topic:abcdef"
        burst(app, "escape", "/", *"source:harbour year:2024", "tab")
        await pilot.pause()
        assert app.is_running


async def test_search_box_cuts_a_huge_paste(sample: Brief) -> None:
    """A 1 MB paste made each frame measure the whole line (seconds a frame): the box
    keeps the first MAX_QUERY characters."""
    app = BriefingApp(sample, style="plain")
    async with app.run_test() as pilot:
        await pilot.press("slash")
        app.post_message(events.Paste("harbour " * 131_072))
        await pilot.pause()
        value = app.screen.query_one(Input).value
        assert len(value) == MAX_QUERY
        assert value.startswith("harbour harbour")


async def test_palette_then_page_up_at_once(sample: Brief) -> None:
    """Ctrl+P followed at once by PageUp (or PageDown): Textual's OptionList raised
    KeyError paging a list not laid out yet. The palette opens and takes keys after."""
    app = BriefingApp(sample, style="plain")
    async with app.run_test() as pilot:
        burst(app, "ctrl+p", "pageup", "pagedown")
        await pilot.pause()
        assert isinstance(app.screen, Palette)
        await pilot.press(*"fighter")
        for _ in range(200):  # the palette searches in the background
            await pilot.pause()
            if app.screen.query_one(CommandList).option_count:
                break
        await pilot.press("pagedown", "pageup")
        assert isinstance(app.screen, Palette)


async def test_palette_twice_in_a_burst(sample: Brief) -> None:
    """Ctrl+P, Escape, Ctrl+P at once: the second palette got the id of the first, still
    being removed (DuplicateIds)."""
    app = BriefingApp(sample, style="plain")
    async with app.run_test() as pilot:
        await pilot.press("ctrl+p")
        app.screen.dismiss()  # popped at once, removed later
        app.action_command_palette()
        await pilot.pause()
        assert isinstance(app.screen, Palette)
        burst(app, "escape", "ctrl+p", "escape", "ctrl+p")
        await pilot.pause()
        assert app.is_running


async def test_two_enters_in_the_entities_close_only_that_screen(sample: Brief) -> None:
    """Enter twice at once on an entity: both dismissed, and Textual's dismiss pops
    whatever is on top, so the second closed the main screen (ScreenStackError)."""
    app = BriefingApp(sample, style="plain")
    async with app.run_test() as pilot:
        below = app.screen
        await pilot.press("e")
        assert isinstance(app.screen, EntitiesScreen)
        burst(app, "enter", "enter", "escape")
        await pilot.pause()
        await pilot.pause()
        assert app.is_running
        assert below in app.screen_stack


async def test_double_click_on_a_notification(sample: Brief) -> None:
    """The first click closes a notification; the second, before the next frame, fell on
    the removed widget and Textual's text selection raised AttributeError."""
    app = BriefingApp(sample, style="plain")
    async with app.run_test(notifications=True) as pilot:
        app.notify("Copied, and a long notification to click on", timeout=60)
        await pilot.pause()
        region = app.screen.query_one(Toast).region
        press_at(app, region.x + 2, region.y + 1, times=2)
        for _ in range(100):  # click, dismissal and removal take several rounds of messages
            await pilot.pause()
            if not app.screen.query(Toast):
                break
        assert app.is_running
        assert not app.screen.query(Toast)


async def test_lists_in_a_terminal_a_few_columns_wide(tmp_path: Path) -> None:
    """At 5 columns a list has no room for text, and Textual's wrap of a long option
    raised ValueError (range step 0); paging a list with no height raised KeyError."""
    from stress.briefs import text_brief

    app = BriefingApp(load_brief(text_brief(tmp_path)), style="plain")
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("d", "e", "b"):
            await pilot.press(key)
            await pilot.resize_terminal(5, 2)
            await pilot.press("pagedown", "pageup", "down", "enter")
            await pilot.resize_terminal(1, 1)
            await pilot.resize_terminal(80, 24)
            await pilot.press("escape")
        assert app.is_running


def write_named_briefs(folder: Path, sample_path: Path) -> list[str]:
    """The sample brief (and its articles) under file names that are not UTF-8, hold
    escape sequences, markup and a right-to-left override."""
    shutil.copytree(sample_path.parent.parent / "seeds", folder / "seeds")
    (folder / "briefs").mkdir()
    names = [
        os.fsdecode(b"not-utf8-\xff\xfe.yaml"),
        "esc-\x1b]0;PWNED\x07-\x1b[2J.yaml",
        "[bold]markup[red] [@click=app.quit]x.yaml",
        "rtl-\u202eexe.yaml",
    ]
    for name in names:
        shutil.copy(sample_path, folder / "briefs" / name)
    return names


async def test_file_names_that_are_not_utf8_or_hold_escapes(
    tmp_path: Path, sample_path: Path
) -> None:
    """The picker lists such briefs with their names made visible and safe, as `check`
    prints them (the cache key crashed on a name that is not UTF-8), and opens each one."""
    write_named_briefs(tmp_path, sample_path)
    app = BriefingApp(folder=tmp_path / "briefs")
    async with app.run_test(size=(120, 40)) as pilot:
        listing = app.screen.query_one(OptionList)
        for _ in range(500):  # the picker checks the briefs in the background
            await pilot.pause()
            rows = [str(listing.get_option_at_index(i).prompt) for i in range(4)]
            if not any("checking" in row for row in rows):
                break
        shown = "\n".join(rows)
        assert "not-utf8-⟨U+DCFF⟩⟨U+DCFE⟩.yaml" in shown, shown  # as the command line says
        assert "esc-␛]0;PWNED␇-␛[2J.yaml" in shown
        assert "[bold]markup[red] [@click=app.quit]x.yaml" in shown
        assert "\x1b" not in shown and "\u202e" not in shown
        shown.encode("utf-8")  # no lone surrogate: a terminal can be sent every row
        await pilot.press("enter")
        for _ in range(100):
            await pilot.pause()
            if not isinstance(app.screen, BriefPickerScreen):
                break
        assert app.brief is not None and app.brief.id == "sample"


async def test_settings_values_reach_the_screen_sanitised(
    sample: Brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """config.toml's keys show in the footer and the help, its path and values in
    notifications: escape sequences in any of them are shown as visible placeholders."""
    config = tmp_path / "cfg-\x1b]0;PWNED\x07"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    (config / "briefing").mkdir(parents=True)
    (config / "briefing" / "config.toml").write_text(
        'style = "none"\n[keys]\n"briefing.copy" = "\\u001b[31m"\n', encoding="utf-8"
    )
    app = BriefingApp(sample)
    async with app.run_test(notifications=True) as pilot:
        for _ in range(5):
            await pilot.pause()
        toasts = [str(toast.render()) for toast in app.screen.query(Toast)]
        shown_key = app.get_key_display(Binding("\x1b[31m", "copy"))
    assert any("cfg-␛]0;PWNED␇" in toast for toast in toasts), toasts
    assert any("briefing.copy" in toast for toast in toasts), toasts
    assert "␛[31m" in shown_key
    assert not any("\x1b" in text or "\x07" in text for text in [*toasts, shown_key])


async def test_a_figure_at_the_edge_of_the_number_range(tmp_path: Path) -> None:
    """An integer past a float's precision (308 digits, the most the checker lets through)
    is shown exactly, with separators; shown through float() it raised OverflowError
    past 1e308, in the detail, the figures screen and the search index."""
    from stress.briefs import text_brief

    brief = load_brief(text_brief(tmp_path))
    huge = next(f for f in brief.figures if len(str(f.value)) > 300)
    assert huge.shown_value.replace(",", "") == str(huge.value)
    app = BriefingApp(brief, style="plain")
    async with app.run_test() as pilot:
        await pilot.press("escape", "f", "end", "down", "escape", "slash", *"figure", "enter")
        await pilot.pause()
        assert app.is_running


async def test_palette_keys_behind_the_enter_that_closed_it(sample: Brief) -> None:
    """Keys queued in the palette's input behind the Enter that chose a command changed
    the input of a palette already closing; its search then found no list (NoMatches in a
    worker, which ended the app). Replayed from stress seed 3."""
    app = BriefingApp(sample, style="plain")
    async with app.run_test() as pilot:
        burst(app, "ctrl+p", "6", "@", ")", "enter", "x", "y")
        await pilot.pause()
        burst(app, "ctrl+left", "escape", "ctrl+p", *"harbour", "enter", *"zz")
        for _ in range(20):
            await pilot.pause()
        assert app.is_running


async def test_palette_on_names_with_many_aliases(tmp_path: Path) -> None:
    """`alias1` against a hundred entities of twenty aliases each: Textual's fuzzy match
    tried every placement of the letters (a minute at a thousand entities). The palette
    now lists the hits."""
    from stress.briefs import many_brief

    app = BriefingApp(load_brief(many_brief(tmp_path, count=300)), style="plain")
    async with app.run_test() as pilot:
        await pilot.press("escape", "ctrl+p", *"alias1")
        hits: list[str] = []
        for _ in range(500):  # the palette searches in the background
            await pilot.pause()
            listing = app.screen.query(CommandList)
            if listing and listing.first().option_count > 1:
                found = listing.first()
                hits = [str(found.get_option_at_index(i).prompt) for i in range(3)]
                break
        assert hits and all("alias1" in hit for hit in hits), hits


async def test_resize_while_the_figures_close(sample: Brief) -> None:
    """A resize that reached the figures screen while it was closing looked up its column
    header, already removed (NoMatches). Replayed from stress seed 4."""
    app = BriefingApp(sample, style="plain")
    async with app.run_test() as pilot:
        for size in ((40, 12), (120, 40), (7, 3)):
            await pilot.press("escape", "f")
            burst(app, "tab", "escape", "escape", "enter")
            await pilot.resize_terminal(*size)
        assert app.is_running


async def test_hits_arriving_after_the_search_closed(sample: Brief) -> None:
    """A search still running in its thread when a burst's Escape closed the screen
    delivered its hits to widgets already removed (NoMatches). From stress seed 0."""
    app = BriefingApp(sample, style="plain")
    async with app.run_test() as pilot:
        for _ in range(5):
            burst(app, "escape", "/", *"harbour kaliningrad", "escape", "down")
            await pilot.pause()
        assert app.is_running


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["ctrl+u", "k", "a", "l"], "kal"),  # wipe, then type
        (["ctrl+w", "x"], "russia x"),  # the last word, then type
        (["home", "x", "end", "y"], "xrussia oily"),  # move, type, move, type
    ],
)
async def test_editing_keys_in_a_burst_with_typing_keep_their_order(
    sample: Brief, keys: list[str], expected: str
) -> None:
    """Keys that arrive together in the search box take effect in the order they were
    typed: Textual ran the box's own bindings (ctrl+u, ctrl+w, Home) after the keys
    that came with them (docs/upstream/textual-bugs.md, section 9)."""
    app = BriefingApp(sample)
    async with app.run_test() as pilot:
        await pilot.press("slash")
        await pilot.pause()
        box = app.screen.query_one("#search-input", Input)
        box.value = "russia oil"
        box.cursor_position = len(box.value)
        for key in keys:  # as a terminal delivers keys that arrive together
            character = key if len(key) == 1 else {"ctrl+u": "\x15", "ctrl+w": "\x17"}.get(key)
            app.post_message(events.Key(key, character))
        await pilot.pause()
        await pilot.pause()
        assert box.value == expected


def test_a_very_long_quote_is_cut_in_list_entries_saying_how_much_is_left(sample: Brief) -> None:
    """Textual's option lists draw every line of an entry on each redraw: an entry holding
    a quote of a hundred thousand characters cost seconds a key on the disputes screen
    (stress seed 3). Entries show the start of such a quote and say what is left out."""
    excerpt = dataclasses.replace(sample.excerpts[0], quote="word " * 20_000)
    prompt = excerpt_prompt(sample, excerpt).plain
    assert prompt.startswith("“word word")
    assert f"…\n  ({100_000 - MAX_ENTRY:,} more characters: its article shows it whole)" in prompt
    assert len(prompt) < MAX_ENTRY + 500
    whole = excerpt_prompt(sample, sample.excerpts[0]).plain
    assert sample.excerpts[0].quote in whole and "more characters" not in whole
