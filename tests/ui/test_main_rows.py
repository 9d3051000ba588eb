"""How the main screen's rows read: timeline dates and indents, excerpt attributions, topic
labels that fit, and the same cursor keys (j/k or arrows) in every pane."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from rich.text import Text
from screens_host import screen_lines
from textual.widget import Widget
from textual.widgets import Static

from briefing.brief.loader import load_brief
from briefing.brief.model import Brief
from briefing.ui.app import BriefingApp
from briefing.ui.screens.main import MainScreen
from briefing.ui.screens.source import SourceReaderScreen
from briefing.ui.widgets.article import ArticleView
from briefing.ui.widgets.excerpts import ExcerptList, attribution, short_title
from briefing.ui.widgets.timeline import Timeline
from briefing.ui.widgets.topics import TopicTree


def main(app: BriefingApp) -> MainScreen:
    """The main screen (asserting it is the one showing)."""
    assert isinstance(app.screen, MainScreen)
    return app.screen


def rows_of(lines: list[str], first_words: str) -> list[str]:
    """The lines of the timeline row whose title starts with these words."""
    start = next(n for n, line in enumerate(lines) if first_words in line)
    end = start + 1
    while end < len(lines) and lines[end].startswith(" "):
        end += 1
    return lines[start:end]


async def test_a_wrapped_title_hangs_under_itself_with_the_count_last(sample: Brief) -> None:
    app = BriefingApp(sample, overview=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lines = main(app).query_one(Timeline).visible_lines()
        row = rows_of(lines, "Kaliningrad port")
        assert len(row) > 1, row  # the pane is narrow: the title wraps
        title_at = row[0].index("Kaliningrad")
        assert row[0][title_at - 2 : title_at] == "○ "  # marker, a space, the title
        for line in row[1:]:
            assert len(line) - len(line.lstrip()) == title_at, row
        assert row[-1].endswith("1 source") and "1 source" not in " ".join(row[:-1])


async def test_dates_under_a_year_heading_leave_out_the_year(sample: Brief) -> None:
    app = BriefingApp(sample, overview=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lines = main(app).query_one(Timeline).visible_lines()
        assert lines[0] == "2021" and lines[1].startswith(" " * 10 + "○ Su-57 order placed")
        assert "2024" in lines
        assert any(line.startswith("3 Mar     ○ Kaliningrad") for line in lines)
        assert any(line.startswith("Sep       ○ Summit ends") for line in lines)
        assert any(line.startswith("c. 2026   ○ Remaining fighters") for line in lines)
        assert not any("2024 " in line for line in lines)  # (about 2026 says which year)


async def test_a_date_too_long_for_its_column_takes_a_line_above(sample: Brief) -> None:
    from dataclasses import replace

    from briefing.brief.dates import parse_date

    summit = replace(sample.event("ev-summit"), date=parse_date("2024-04/2025-03"))
    events = tuple(summit if e.id == "ev-summit" else e for e in sample.events)
    app = BriefingApp(replace(sample, events=events), overview=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lines = main(app).query_one(Timeline).visible_lines()
        at = lines.index("Apr 2024 – Mar 2025")
        assert lines[at + 1].startswith(" " * 10 + "○ Summit ends")
        marker_columns = {line.index("○") for line in lines if "○" in line}
        assert marker_columns == {10}


def test_attributions_are_short_and_mark_inferred_values(sample: Brief) -> None:
    assert attribution(sample.source("src-harbour"), 3).plain == "Baltic Ledger, 4 Mar 2024 ¶ 3"
    assert attribution(sample.source("src-notes"), 2).plain == "[Summit Wire], [Sep 2024] ¶ 2"
    assert (
        attribution(sample.source("src-fighters"), 1).plain == "[Report on fighter deliveries] ¶ 1"
    )
    long = "[India and Russia step up exchanges as the Kremlin announces a visit (late 2024)]"
    assert short_title(long) == "[India and Russia step up exchanges…]"
    assert short_title("A plain title that goes on for rather more than forty characters") == (
        "A plain title that goes on for rather…"
    )


async def test_excerpts_are_set_apart_by_a_blank_line(sample: Brief) -> None:
    app = BriefingApp(sample, overview=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lines = main(app).query_one(ExcerptList).visible_lines()
        ends = [n for n, line in enumerate(lines) if line.strip().startswith("— ")]
        assert lines[ends[0]].strip() == "— Baltic Ledger, 4 Mar 2024 ¶ 3"
        assert len(ends) > 2
        for end in ends[:-1]:
            assert lines[end + 1] == "" and lines[end + 2] != ""


async def test_long_topic_titles_end_in_an_ellipsis_and_keep_their_count(
    sample_path: Path, tmp_path: Path
) -> None:
    shutil.copytree(sample_path.parent.parent, tmp_path / "sample")
    copy = tmp_path / "sample" / "briefs" / sample_path.name
    long = "Ports, harbours, terminals and every kind of cargo handling in the Baltic"
    copy.write_text(copy.read_text().replace("title: Ports\n", f"title: {long}\n"))
    app = BriefingApp(load_brief(copy, use_cache=False), overview=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        tree = main(app).query_one(TopicTree)
        assert tree.max_scroll_x == 0 and not tree.show_horizontal_scrollbar
        line = next(line for line in screen_lines(app) if "Ports, harbours" in line)
        pane = line[1 : line.index("││", 1)]  # the Topics pane's inside
        assert re.search(r"Ports, harbours, .*\w… \d+$", pane.rstrip()), pane
        tree.focus()
        tree.select_topic("t-ports")
        await pilot.pause()
        detail = main(app).query_one("#detail-body", Static).content
        assert isinstance(detail, Text) and long in detail.plain  # whole, in the detail


def cursor_of(pane: Widget) -> int:
    """Where the pane's cursor is (its row, or the tree's line)."""
    return pane.cursor_line if isinstance(pane, TopicTree) else getattr(pane, "cursor", -1)


async def test_j_and_k_move_like_the_arrows_in_every_pane(app: BriefingApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = main(app)
        for pane in (
            screen.query_one(Timeline),
            screen.query_one(ExcerptList),
            screen.query_one(TopicTree),
        ):
            pane.focus()
            await pilot.pause()
            start = cursor_of(pane)
            moved: dict[str, list[int]] = {}
            for down, up in (("down", "up"), ("j", "k")):
                await pilot.press(down, down)
                after_down = cursor_of(pane)
                await pilot.press(up)
                moved[down] = [after_down, cursor_of(pane)]
                await pilot.press(up)
                assert cursor_of(pane) == start, type(pane).__name__
            assert moved["j"] == moved["down"], type(pane).__name__
            assert moved["j"][0] > start and moved["j"][1] > start, type(pane).__name__


async def test_enter_on_an_excerpt_opens_the_reader_at_that_excerpt(app: BriefingApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        excerpts = main(app).query_one(ExcerptList)
        excerpts.focus()
        await pilot.press("j", "j")
        chosen = excerpts.excerpt_at(excerpts.cursor)
        assert chosen is not None and chosen.id == app.brief.excerpts[2].id
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, SourceReaderScreen)
        assert reader.excerpt_id == chosen.id
        assert reader.query_one(ArticleView).current == chosen.id


async def test_on_a_wide_screen_the_detail_is_a_fourth_column(sample: Brief) -> None:
    app = BriefingApp(sample, overview=False)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        screen = main(app)
        timeline, detail = screen.query_one(Timeline).region, screen.query_one("#detail").region
        assert detail.x >= screen.query_one(ExcerptList).region.right
        assert detail.height == timeline.height and timeline.bottom >= 55
    app = BriefingApp(sample, overview=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        detail = main(app).query_one("#detail").region
        assert detail.y >= main(app).query_one(Timeline).region.bottom  # below, full width


async def test_the_detail_brackets_inferred_source_values(app: BriefingApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        main(app).show_item("q-summit")
        await pilot.pause()
        detail = main(app).query_one("#detail-body", Static).content
        assert isinstance(detail, Text)
        assert "Source: [Notes from the summit] — [Summit Wire], [Sep 2024]" in detail.plain


async def test_a_list_that_fits_shows_no_scrollbar(app: BriefingApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        timeline = main(app).query_one(Timeline)
        assert timeline.max_scroll_y > 0  # four events wrap past the pane's nine lines
        main(app).show_item("su-57")  # one event
        await pilot.pause()
        assert timeline.max_scroll_y == 0 and not timeline.show_vertical_scrollbar
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("end")
        await pilot.pause()
        assert "○ Remaining fighters" in " ".join(timeline.visible_lines())
