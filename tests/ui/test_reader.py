"""The source reader, driven with Pilot: the quote highlighted and in view, stepping between
quotes, the header's honest metadata, untrusted text shown literally, and a 10k-paragraph
article rendered lazily."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from screens_host import Host, screen_lines, screen_text, words

from briefing.brief.dates import parse_date
from briefing.brief.model import Brief, Excerpt, Source, Span, Topic
from briefing.ui.screens.source import SourceReaderScreen
from briefing.ui.widgets.article import ArticleView, clean_paragraph, wrap_offsets

SIZE = (80, 24)


def highlighted(app: Host, component: str = "article--quote") -> str:
    """The text drawn on screen in the reader's highlight style, lines joined by spaces."""
    view = app.screen.query_one(ArticleView)
    wanted = view.get_component_rich_style(component).bgcolor
    parts = []
    for y in range(view.size.height):
        for segment in view.render_line(y):
            lit = segment.style is not None and segment.style.bgcolor == wanted
            parts.append(segment.text if lit else " ")
        parts.append(" ")
    return " ".join("".join(parts).split())


def status(app: Host) -> str:
    """The reader's status line as shown."""
    return str(app.screen.query_one("#reader-status").render())


async def test_opens_on_the_quote_with_its_words_highlighted(sample: Brief) -> None:
    excerpt = sample.excerpt("q-deal-value")  # an elided quote: two spans in ¶5
    app = Host(SourceReaderScreen(sample, "src-harbour", excerpt.id))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        quote_words = [w for w in excerpt.quote.split() if w != "…"]
        assert highlighted(app).split() == quote_words
        assert "over ten years" not in highlighted(app)  # the elided words stay plain
        assert "Quote 3 of 4 · ¶5" in status(app)
        assert "The authority's own figure." in status(app)
        other = highlighted(app, "article--other")
        assert "Critics said the figure" in other


async def test_n_and_p_step_between_the_articles_quotes(sample: Brief) -> None:
    app = Host(SourceReaderScreen(sample, "src-harbour", "q-deal-value"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert "Quote 4 of 4 · ¶6" in status(app)
        assert highlighted(app).split() == sample.excerpt("q-deal-critics").quote.split()
        await pilot.press("p", "p")
        assert "Quote 2 of 4 · ¶4" in status(app)
        assert highlighted(app).split() == sample.excerpt("q-capacity").quote.split()
        await pilot.press("left_square_bracket")
        assert "Quote 1 of 4 · ¶3" in status(app)
        await pilot.press("right_square_bracket")
        assert "Quote 2 of 4 · ¶4" in status(app)


async def test_without_an_excerpt_n_goes_to_the_first_quote(sample: Brief) -> None:
    app = Host(SourceReaderScreen(sample, "src-fighters"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert highlighted(app) == ""
        assert "4 quotes in this article" in status(app)
        await pilot.press("n")
        assert "Quote 1 of 4 · ¶1" in status(app)


async def test_escape_dismisses(sample: Brief) -> None:
    app = Host(SourceReaderScreen(sample, "src-harbour", "q-capacity"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        assert app.results == [None]
        assert not isinstance(app.screen, SourceReaderScreen)


async def test_header_marks_inferred_and_unknown_values(sample: Brief) -> None:
    app = Host(SourceReaderScreen(sample, "src-notes", "q-triple"))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert (
            screen_lines(app)[0].strip() == "[Notes from the summit] · [Summit Wire] · [Sep 2024]"
        )
        await pilot.press("i")
        text = screen_text(app)
        assert "Outlet: [Summit Wire]" in text
        assert "Author: unknown" in text
        assert "Published: [Sep 2024]" in text
        assert "URL: unknown" in text
        assert "Notes: The outlet and month are inferred" in text
    app = Host(SourceReaderScreen(sample, "src-harbour"))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("i")
        text = screen_text(app)
        assert "Author: Ana Lúcio" in text
        assert "Published: 4 Mar 2024" in text
        assert "URL: https://example.org/harbour" in text


def one_source_brief(paragraphs: tuple[str, ...], excerpts: tuple[Excerpt, ...]) -> Brief:
    """A brief with one synthetic source, for texts the sample does not have."""
    source = Source("src", "Synthetic", "a.txt", Path("a.txt"), paragraphs)
    return Brief(
        path=Path("synthetic.yaml"),
        id="synthetic",
        title="Synthetic",
        as_of=parse_date("2024-01-01"),
        sources=(source,),
        topics=(Topic("t", "T"),),
        events=(),
        excerpts=excerpts,
    )


async def test_markup_and_escape_sequences_in_an_article_show_literally() -> None:
    hostile = (
        "Plain [bold]not bold[/] and [@click=app.quit]click[/] then \x1b[31mred\x1b]52;c;x\x07"
    )
    excerpt = Excerpt("x", "src", "Plain", ("t",), (Span(1, 0, 5),))
    brief = one_source_brief((hostile,), (excerpt,))
    app = Host(SourceReaderScreen(brief, "src", "x"))
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        drawn = "".join(s.text for y in range(3) for s in view.render_line(y))
        assert "\x1b" not in drawn and "\x07" not in drawn
        text = screen_text(app)
        assert "[bold]not bold[/] and [@click=app.quit]click[/]" in text
        assert "␛[31mred␛]52;c;x␇" in text
        await pilot.click(ArticleView)  # clicking the "link" text runs no action
        assert app.is_running


async def test_a_10k_paragraph_article_opens_at_its_quote_without_a_widget_per_paragraph() -> None:
    paragraphs = tuple(
        f"Paragraph {n} says something long enough to wrap across the line at eighty columns "
        f"of text, with a few more words to make it so."
        + (" Target words here." if n == 9000 else "")
        for n in range(1, 10_001)
    )
    start = paragraphs[8999].index("Target")
    excerpt = Excerpt("x", "src", "Target words here.", ("t",), (Span(9000, start, start + 18),))
    brief = one_source_brief(paragraphs, (excerpt,))
    app = Host(SourceReaderScreen(brief, "src", "x"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert highlighted(app) == "Target words here."
        assert "9000" in screen_text(app)
        assert len(app.screen.query("*")) < 20
        await pilot.press("end")
        assert "10000" in screen_text(app)
        await pilot.press("pageup", "k", "j", "home")
        assert screen_text(app).splitlines()[1].split()[:3] == ["1", "Paragraph", "1"]


def test_wrapping_keeps_every_character_and_fits_the_width() -> None:
    text = "A short line, then averyveryverylongwordthatcannotfit and “quotes” and 漢字漢字 too."
    for width in (5, 8, 13, 40, 200):
        lines = wrap_offsets(text, width)
        assert "".join(text[a:b] for a, b in lines) == text
        assert all(len(text[a:b].rstrip()) <= width for a, b in lines if text[a:b].isascii())
    assert wrap_offsets("", 10) == [(0, 0)]


def greedy_cuts(text: str, width: int) -> list[tuple[int, int]]:
    """The reference for one word wider than a line: each line takes characters while
    they fit (at least one), measured afresh from the line's start."""
    lines, start = [], 0
    while start < len(text):
        end = start + 1
        while end < len(text) and cell_len(text[start : end + 1]) <= width:
            end += 1
        lines.append((start, end))
        start = end
    return lines


def test_a_word_longer_than_many_lines_is_cut_into_the_longest_runs_that_fit() -> None:
    """Wide, combining and joined characters included; a 100,000-character word of wide
    characters took two minutes to wrap at width 10 when each cut measured what was left."""
    for word in ("漢字" * 40, "a\u0301" * 70, "👍\u200d👍x\ufe0f" * 30, "é漢\u200b" * 50):
        for width in (2, 3, 7, 10, 33):
            assert wrap_offsets(word, width) == greedy_cuts(word, width), (word[:6], width)
    lines = wrap_offsets("漢" * 100_000, 10)
    assert len(lines) == 20_000
    assert all(end - start == 5 for start, end in lines)


def test_sanitised_paragraph_keeps_quote_offsets_in_step() -> None:
    raw = "a\u200bb\x85c\x1bd"
    shown, positions = clean_paragraph(raw)
    assert shown == "a⟨U+200B⟩b⟨U+0085⟩c␛d"  # invisible characters are shown, not dropped
    assert positions is not None
    assert shown[positions[raw.index("c")]] == "c"
    assert shown[positions[raw.index("d")]] == "d"
    assert clean_paragraph("plain\ttext") == ("plain text", None)


def test_words_helper_ignores_layout() -> None:
    assert words("│ a  b │\n c") == ["a", "b", "c"]


async def test_clicking_a_quote_makes_it_current(sample: Brief) -> None:
    app = Host(SourceReaderScreen(sample, "src-harbour", "q-deal-signed"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        row = next(i for i, line in enumerate(lines) if "Critics said" in line)
        header = app.screen.query_one("#reader-header").outer_size.height
        await pilot.click(ArticleView, offset=(10, row - header))
        assert "Quote 4 of 4 · ¶6" in status(app)
        assert highlighted(app).split() == sample.excerpt("q-deal-critics").quote.split()
