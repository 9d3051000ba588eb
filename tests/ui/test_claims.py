"""Claims in the reader: prose shows compact markers, never the raw `[@…]` of the brief;
the markers are selected with the keyboard or a click and list the quotes behind a claim."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.style import Style
from rich.text import Text
from screens_host import screen_text
from textual.widgets import OptionList, Static

from briefing.brief.loader import load_brief
from briefing.brief.model import Brief
from briefing.ui.app import BriefingApp
from briefing.ui.screens.disputes import DisputesScreen
from briefing.ui.screens.evidence import EvidenceScreen
from briefing.ui.screens.overview import OverviewScreen
from briefing.ui.screens.source import SourceReaderScreen
from briefing.ui.widgets.detail import DetailPane, detail_parts, render
from briefing.ui.widgets.prose import Prose

CLAIMS = Path(__file__).parents[1] / "fixtures" / "claims" / "briefs" / "claims.yaml"
SIZE = (120, 40)


@pytest.fixture
def brief() -> Brief:
    return load_brief(CLAIMS, use_cache=False)


def static_text(widget: Static) -> str:
    content = widget.content
    return content.plain if isinstance(content, Text) else str(content)


async def test_the_detail_pane_shows_markers_not_raw_citations(brief: Brief) -> None:
    app = BriefingApp(brief, style="plain", overview=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")  # the timeline's second event: the cargo deal
        await pilot.pause()
        detail = static_text(app.screen.query_one("#detail-body", Static))
        assert "The agreement runs for ten years.[●2]" in detail
        assert "[@" not in detail


async def test_the_detail_panes_markers_are_selected_and_list_their_quotes(brief: Brief) -> None:
    """←/→ and Enter in the detail pane, as on the overview, and a click on a marker."""
    app = BriefingApp(brief, style="plain", overview=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")  # the timeline's second event: the cargo deal
        await pilot.press("i")  # into the detail pane, still on the cargo deal
        pane = app.screen.query_one(DetailPane)
        assert app.screen.focused is pane and pane.item_id == "ev-deal"
        assert pane.border_subtitle == "←/→ a claim's marker · Enter its quotes"
        await pilot.press("right", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EvidenceScreen)
        claim = static_text(screen.query_one("#evidence-claim", Static))
        assert claim.startswith("The agreement runs for ten years.")
        assert "● 2 quotes from 2 sources" in claim
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.focused is pane
        body = static_text(app.screen.query_one("#detail-body", Static)).split("\n")
        line = next(n for n, text in enumerate(body) if "ten years.[●2]" in text)
        await pilot.click("#detail-body", offset=(body[line].index("[●2]") + 1, line))
        await pilot.pause()
        assert isinstance(app.screen, EvidenceScreen)


def test_the_brief_overview_shows_markers_not_raw_citations(brief: Brief) -> None:
    shown = render(detail_parts(brief, None)).plain
    assert "in March 2024.[○] The summit ended without a joint statement." in shown
    assert "how much capacity it adds.[●2]" in shown
    assert "[@" not in shown


async def test_the_disputes_screen_shows_its_kind_and_no_raw_citation(brief: Brief) -> None:
    app = BriefingApp(brief, style="plain")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DisputesScreen)
        assessment = screen.query_one("#dispute-assessment", Prose)
        assert "A question of interpretation" in str(assessment.border_title)
        said = assessment.plain
        assert said.startswith("The harbour master is on the record; the delegate is anonymous.")
        assessment.focus()  # its marker is chosen as in any prose
        await pilot.press("question_mark")
        await pilot.pause()
        assert re.search(r"│ Assessment +│", screen_text(app))  # the help heads its keys so
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceScreen)
        assert static_text(app.screen.query_one("#evidence-claim", Static)).startswith(
            "The harbour master is on the record; the delegate is anonymous."
        )
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        claims = [p.plain for p in screen.query(".dispute-claim").results(Prose)]
        assert claims == ["It doubles capacity.[○]", "It triples capacity."]


async def test_a_sides_claim_markers_list_its_quotes(brief: Brief) -> None:
    """A side's claim is prose like any other: Tab stops on it when it cites evidence,
    → selects its marker and Enter lists the quotes behind it; a claim that cites
    nothing is no stop."""
    app = BriefingApp(brief, style="plain")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        await pilot.pause()
        screen = app.screen
        first, second = screen.query(".dispute-claim").results(Prose)
        assert first.focusable and not second.focusable
        first.focus()
        await pilot.press("right")
        await pilot.pause()
        assert marker_styles(first) == ["[○]*"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceScreen)
        claim = static_text(app.screen.query_one("#evidence-claim", Static))
        assert claim.startswith("It doubles capacity.")


def marker_styles(prose: Prose) -> list[str]:
    """Each marker as drawn, with `*` after the one that is selected."""
    text = prose.rendered()
    selected = prose.get_component_rich_style("prose--selected", partial=True)
    found = []
    for span in text.spans:
        style = span.style
        if isinstance(style, Style) and "@click" in style.meta:
            mark = "*" if style.reverse and style.reverse == selected.reverse else ""
            found.append(text.plain[span.start : span.end] + mark)
    return found


async def test_arrows_select_the_summarys_markers_in_turn(brief: Brief) -> None:
    app = BriefingApp(brief, style="plain")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        prose = app.screen.query_one(Prose)
        assert app.screen.focused is prose
        assert marker_styles(prose) == ["[○]", "[●2]", "[○]"]
        await pilot.press("right")
        assert marker_styles(prose) == ["[○]*", "[●2]", "[○]"]
        await pilot.press("right_square_bracket", "right")
        assert marker_styles(prose) == ["[○]", "[●2]", "[○]*"]
        await pilot.press("left")
        assert marker_styles(prose) == ["[○]", "[●2]*", "[○]"]


def shown_lines(prose: Prose) -> list[str]:
    """The lines of the prose in view, as the reader sees them."""
    height = prose.scrollable_content_region.height
    return [prose.render_line(y).text.rstrip() for y in range(height)]


async def test_a_selected_marker_below_the_view_is_scrolled_into_it(brief: Brief) -> None:
    """At 40x20 the summary is taller than its box: selecting the last claim (← from
    none selected) brings its line into view, and the first line scrolls out."""
    app = BriefingApp(brief, style="plain")
    async with app.run_test(size=(40, 20)) as pilot:
        await pilot.pause()
        prose = app.screen.query_one(Prose)
        assert "The Kaliningrad port signed a" in shown_lines(prose)[0]
        assert not any("slipped" in line for line in shown_lines(prose))
        await pilot.press("left")
        await pilot.pause()
        assert any("slipped.[○]" in line for line in shown_lines(prose)), shown_lines(prose)
        assert "The Kaliningrad port signed a" not in shown_lines(prose)[0]


async def test_enter_lists_the_quotes_behind_the_claim_and_opens_one(brief: Brief) -> None:
    app = BriefingApp(brief, style="plain")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("right", "right", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EvidenceScreen)
        heading = static_text(screen.query_one("#evidence-claim", Static))
        assert heading.startswith(
            "Sources disagree on what the deal is worth and how much capacity it adds.\n"
        )
        assert "● 4 quotes from 2 sources" in heading
        quotes = screen.query_one("#evidence-quotes", OptionList)
        prompts = [str(quotes.get_option_at_index(i).prompt) for i in range(quotes.option_count)]
        assert len(prompts) == 4
        assert prompts[0].startswith("“The deal is worth 1.2 billion euros")
        assert "— Harbour deal signed in Kaliningrad  ¶" in prompts[0]
        assert "— [Notes from the summit]  ¶" in prompts[3]
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, SourceReaderScreen)
        assert (reader.source.id, reader.excerpt_id) == ("src-notes", "q-triple")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)


async def test_a_single_source_claim_says_so(brief: Brief) -> None:
    app = BriefingApp(brief, style="plain")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # no marker selected: the first claim's quotes
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EvidenceScreen)
        heading = static_text(screen.query_one("#evidence-claim", Static))
        assert "○ 2 quotes from 1 source (single source)" in heading


async def test_a_click_on_a_marker_lists_its_quotes(brief: Brief) -> None:
    app = BriefingApp(brief, style="plain")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = "The Kaliningrad port signed a cargo deal with the Northern Alliance in March 2024."
        # the marker follows the sentence; the summary has a border and one column of padding
        await pilot.click(Prose, offset=(2 + len(first) + 1, 1))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EvidenceScreen)
        assert screen.evidence.number == 1


async def test_c_on_the_summary_copies_it_with_its_citations(brief: Brief) -> None:
    app = BriefingApp(brief, style="apa")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard.startswith("Harbours and fighters — Summary\nThe Kaliningrad port")
        assert "in March 2024 (Lúcio, 2024, para. 3; Lúcio, 2024, para. 5)." in app.clipboard
