"""Quoting any passage in the source reader: `v` selects a sentence, `)` and `j` extend it
by a sentence or a line, `(` and `k` take an extension back, `c` copies it with a correct
citation and `a` puts it in the basket as a passage that is not one of the brief's excerpts."""

from __future__ import annotations

from pathlib import Path

from screens_host import Host
from test_reader import highlighted, one_source_brief, status

from briefing.brief.model import Brief
from briefing.cite.basket import Basket
from briefing.ui.screens.source import SourceReaderScreen

SIZE = (80, 24)


class Reader(Host):
    """A host whose app copies with a chosen citation style."""

    citation_style = "apa"


async def test_v_selects_the_current_quotes_sentence_and_c_copies_it_cited(
    sample: Brief, tool_folder: Path
) -> None:
    app = Reader(SourceReaderScreen(sample, "src-harbour", "q-deal-value"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        paragraph = sample.source("src-harbour").paragraphs[4]
        assert highlighted(app, "article--selection") == paragraph
        assert "Selected from ¶5" in status(app)
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.clipboard.startswith(f"“{paragraph[:-1]}” (Lúcio, 2024, para. 5).")
        assert "Harbour deal signed in Kaliningrad. Baltic Ledger." in app.clipboard


async def test_sentences_extend_across_paragraphs_and_are_taken_back(sample: Brief) -> None:
    app = Reader(SourceReaderScreen(sample, "src-harbour", "q-capacity"))
    async with app.run_test(size=SIZE) as pilot:
        paragraphs = sample.source("src-harbour").paragraphs
        await pilot.press("v", "right_parenthesis")
        assert highlighted(app, "article--selection") == f"{paragraphs[3]} {paragraphs[4]}"
        await pilot.press("right_parenthesis")
        expected = " ".join(paragraphs[3:6])
        assert highlighted(app, "article--selection") == expected
        await pilot.press("left_parenthesis", "left_parenthesis")
        assert highlighted(app, "article--selection") == paragraphs[3]
        await pilot.press("escape")
        assert highlighted(app, "article--selection") == ""
        assert "Quote 2 of 4" in status(app)


async def test_j_extends_by_a_screen_line_and_k_takes_it_back() -> None:
    words = " ".join(f"word{n}" for n in range(30)) + "."  # three lines at 80 columns
    app = Reader(SourceReaderScreen(one_source_brief(("Short one. " + words,), ()), "src"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("v")
        assert highlighted(app, "article--selection") == "Short one."
        await pilot.press("j")
        first_line = highlighted(app, "article--selection")
        assert first_line.startswith("Short one. word0")
        assert "word29" not in first_line
        await pilot.press("j", "j", "j", "j")  # the fourth has no further line to take
        assert highlighted(app, "article--selection").endswith("word29.")
        await pilot.press("k", "k", "k")
        assert highlighted(app, "article--selection") == "Short one."


async def test_a_adds_the_passage_to_the_basket_marked_as_a_passage(sample: Brief) -> None:
    app = Reader(SourceReaderScreen(sample, "src-harbour"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"critics", "enter", "v", "a")
        await pilot.pause()
        basket = Basket()
        basket.reload()
        (clip,) = basket.clips
        assert clip.kind == "passage"
        assert clip.item_id == "passage-src-harbour-p6"
        assert clip.parts[0].quotes[0].text == sample.source("src-harbour").paragraphs[5]
        assert "¶ 6" in clip.parts[0].quotes[0].footnote
        await pilot.press("a")
        await pilot.pause()
        basket.reload()
        assert len(basket.clips) == 1  # the same passage again is not added twice
