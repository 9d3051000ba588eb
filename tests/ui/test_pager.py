"""The source reader as a pager: `/` finds text (case- and accent-blind) and highlights it,
`n`/`N` step through the matches, `g`/`G` go to the top and bottom, `]`/`[` step quotes,
the header is one line and `i` shows the full provenance."""

from __future__ import annotations

from screens_host import Host, screen_lines, screen_text
from test_reader import highlighted, one_source_brief, status

from briefing.brief.model import Brief
from briefing.ui.screens.source import SourceReaderScreen
from briefing.ui.widgets.article import ArticleView

SIZE = (80, 24)


async def find(pilot: object, text: str) -> None:
    """Type `/`, the text and Enter, as a user would."""
    await pilot.press("slash", *text, "enter")  # type: ignore[attr-defined]


async def test_slash_finds_text_blind_to_case_and_accents(sample: Brief) -> None:
    app = Host(SourceReaderScreen(sample, "src-harbour"))
    async with app.run_test(size=SIZE) as pilot:
        await find(pilot, "lucio")
        assert highlighted(app, "article--current-match") == "Lúcio"
        assert "Match 1 of 2 · ¶2" in status(app)  # "By Ana Lúcio", then "Lúcio reported"
        await pilot.press("n")
        assert "Match 2 of 2 · ¶3" in status(app)
        await pilot.press("n")
        assert "Match 1 of 2" in status(app)  # round to the first, as less does
        await pilot.press("N")
        assert "Match 2 of 2" in status(app)
        assert highlighted(app, "article--match") == "Lúcio"  # the other one, less bright


async def test_a_text_not_in_the_article_says_so(sample: Brief) -> None:
    app = Host(SourceReaderScreen(sample, "src-harbour"))
    async with app.run_test(size=SIZE) as pilot:
        await find(pilot, "zeppelin")
        assert "Not found: zeppelin" in status(app)
        assert highlighted(app, "article--current-match") == ""
        await pilot.press("escape")  # clears the search; a second Escape closes
        assert "quotes in this article" in status(app)
        assert app.results == []
        await pilot.press("escape")
        assert app.results == [None]


async def test_n_without_a_search_steps_quotes_and_brackets_always_do(sample: Brief) -> None:
    app = Host(SourceReaderScreen(sample, "src-harbour", "q-capacity"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert "Quote 3 of 4" in status(app)
        await find(pilot, "euros")
        assert "Match 1 of 2" in status(app)
        await pilot.press("right_square_bracket")
        assert "Quote 4 of 4" in status(app)  # a quote step ends the search
        await pilot.press("left_square_bracket", "p")
        assert "Quote 2 of 4" in status(app)


async def test_g_and_capital_g_go_to_the_top_and_the_bottom() -> None:
    paragraphs = tuple(f"Paragraph {n} of a long article." for n in range(1, 201))
    app = Host(SourceReaderScreen(one_source_brief(paragraphs, ()), "src"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("G")
        assert "Paragraph 200 of" in screen_text(app)
        await pilot.press("g")
        assert screen_lines(app)[1].split()[:3] == ["1", "Paragraph", "1"]
        await find(pilot, "paragraph 150 ")
        assert "Paragraph 150 of" in screen_text(app)
        assert highlighted(app, "article--current-match") == "Paragraph 150"


async def test_the_header_is_one_line_and_i_shows_the_notes(sample: Brief) -> None:
    app = Host(SourceReaderScreen(sample, "src-harbour", "q-capacity"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = screen_lines(app)
        assert lines[0].strip() == (
            "Harbour deal signed in Kaliningrad · Baltic Ledger · 4 Mar 2024 · example.org"
        )
        assert lines[1].split()[:2] == ["1", "Harbour"]
        await pilot.press("i")
        assert "URL: https://example.org/harbour" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, SourceReaderScreen)


async def test_the_url_is_a_clickable_link_only_when_it_is_http(sample: Brief) -> None:
    app = Host(SourceReaderScreen(sample, "src-harbour"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        header = app.screen.query_one("#reader-header")
        links = {s.style.link for s in header.render_line(0) if s.style and s.style.link}
        assert links == {"https://example.org/harbour"}


async def test_the_search_survives_no_markup_in_the_needle(sample: Brief) -> None:
    app = Host(SourceReaderScreen(sample, "src-harbour"))
    async with app.run_test(size=SIZE) as pilot:
        await find(pilot, "[b]x[/]")
        assert "Not found: [b]x[/]" in status(app)
        assert isinstance(app.screen.query_one(ArticleView), ArticleView)
