"""The basket's memo in the chosen citation style, as Markdown, HTML, text and .docx."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from xml.etree import ElementTree

import pytest

from briefing.brief.model import Brief
from briefing.cite.basket import Basket, Clip, make_clip
from briefing.cite.docx import memo_docx
from briefing.cite.memo import build_memo, memo, render_memo
from briefing.cite.memo_files import save_memo

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HARBOUR_APA = (
    "Lúcio, A. (2024, March 4). Harbour deal signed in Kaliningrad. Baltic Ledger. "
    "https://example.org/harbour"
)


@pytest.fixture
def clips(sample: Brief) -> tuple[Clip, ...]:
    """Three quotes, two from one source, and a note on the second."""
    basket = Basket()
    for item in ("q-deal-signed", "q-capacity", "q-su57-order"):
        basket.add(make_clip(sample, item))
    basket.set_note(basket.clips[1].id, "Compare with the delegate")
    return basket.clips


def test_apa_runs_quotes_in_with_in_text_citations_and_a_reference_list(
    clips: tuple[Clip, ...],
) -> None:
    text = memo(clips, "apa")
    assert (
        "“The port authority of Kaliningrad signed a cargo agreement with the Northern "
        "Alliance on 3 March 2024” (Lúcio, 2024, para. 3)."
    ) in text
    assert "(Lúcio, 2024, para. 4)." in text
    assert "[^" not in text
    references = text.split("## References\n\n")[1].splitlines()
    assert references == [  # alphabetical, a bracket ignored
        f"- {HARBOUR_APA}",
        "- \\[Report on fighter deliveries\\]. (n.d.).",
    ]


def test_mla_ends_with_works_cited(clips: tuple[Clip, ...]) -> None:
    text = memo(clips, "mla")
    assert "Alliance on 3 March 2024” (Lúcio)." in text
    assert "## Works Cited" in text
    assert "Lúcio, Ana. “Harbour Deal Signed in Kaliningrad.” Baltic Ledger" in text


def test_chicago_gives_a_full_first_note_then_short_notes_and_a_bibliography(
    clips: tuple[Clip, ...],
) -> None:
    text = memo(clips, "chicago")
    assert "Alliance on 3 March 2024”[^1]" in text
    notes = [line for line in text.splitlines() if line.startswith("[^")]
    assert notes[0].startswith("[^1]: Ana Lúcio, “Harbour Deal Signed in Kaliningrad,” Baltic")
    assert notes[1] == "[^2]: Lúcio, “Harbour Deal Signed,” ¶ 4."
    assert notes[2].startswith("[^3]: \\[Report on fighter deliveries\\]")
    assert "## Bibliography" in text


def test_markdown_and_the_reference_manager_styles_keep_todays_memo(
    clips: tuple[Clip, ...],
) -> None:
    assert memo(clips, "bibtex") == memo(clips, "csl-json") == memo(clips, "markdown")
    assert memo(clips) == memo(clips, "markdown")
    assert "## Sources" in memo(clips)


def test_html_has_linked_footnotes_and_escapes_everything(clips: tuple[Clip, ...]) -> None:
    hostile = replace(clips[0], note="<script>alert(1)</script>")
    page = render_memo(build_memo((hostile, *clips[1:]), "chicago"), "html")
    assert '<sup><a href="#fn1" id="fnref1" role="doc-noteref">1</a></sup>' in page
    assert '<li id="fn1">Ana Lúcio, “Harbour Deal Signed in Kaliningrad,”' in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<h2>Bibliography</h2>" in page


def test_plain_text_numbers_notes_in_brackets(clips: tuple[Clip, ...]) -> None:
    text = render_memo(build_memo(clips, "plain"), "text")
    assert "    The port authority of Kaliningrad" in text
    assert "\n\nNotes\n\n[1] Ana Lúcio, “Harbour deal signed in Kaliningrad”, Baltic Ledger" in text
    assert "\n\nSources\n\n" in text


def test_docx_holds_word_footnotes_that_the_text_refers_to(clips: tuple[Clip, ...]) -> None:
    data = memo_docx(build_memo(clips, "chicago"))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        names = set(archive.namelist())
        assert {"[Content_Types].xml", "word/document.xml", "word/footnotes.xml"} <= names
        parts = {n: ElementTree.fromstring(archive.read(n)) for n in names}
    document, footnotes = parts["word/document.xml"], parts["word/footnotes.xml"]
    referenced = [r.get(f"{W}id") for r in document.iter(f"{W}footnoteReference")]
    assert referenced == ["1", "2", "3"]
    notes = {
        f.get(f"{W}id"): "".join(t.text or "" for t in f.iter(f"{W}t"))
        for f in footnotes.iter(f"{W}footnote")
    }
    assert notes["2"] == " Lúcio, “Harbour Deal Signed,” ¶ 4."
    text = "".join(t.text or "" for t in document.iter(f"{W}t"))
    assert "Bibliography" in text and "Compare with the delegate" in text


def test_a_clip_saved_before_styles_were_kept_falls_back_to_its_markdown(
    clips: tuple[Clip, ...],
) -> None:
    old = tuple(
        replace(
            c,
            parts=tuple(
                replace(p, quotes=tuple(replace(q, cites={}) for q in p.quotes)) for p in c.parts
            ),
        )
        for c in clips
    )
    assert memo(old, "apa") == memo(clips, "markdown")


def test_save_memo_writes_the_format_under_the_data_folder(clips: tuple[Clip, ...]) -> None:
    path = save_memo(clips, "apa", "html")
    assert path.suffix == ".html" and path.parent.name == "memos"
    assert "<h2>References</h2>" in path.read_text(encoding="utf-8")
