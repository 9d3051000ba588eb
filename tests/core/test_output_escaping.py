"""Every output format escapes for its own syntax, and no verbatim quote changes a character.

Markdown is checked by rendering it with a CommonMark parser (markdown-it-py, which Rich
already needs): whatever the text, the rendered text is the text. BibTeX is checked by
brace balance (BibTeX counts braces, escaped or not) and CSL-JSON by a JSON round trip.
"""

from __future__ import annotations

import html
import json
import re
import string

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefing.cite.reference_managers import latex_escape
from briefing.cite.styles import markdown_autolink, markdown_escape

_MD = MarkdownIt("commonmark")
LINE = st.text(
    alphabet=st.one_of(
        st.sampled_from(string.punctuation + string.ascii_letters + string.digits + " "),
        st.sampled_from("…—“”‘’é日本"),
    ),
    min_size=1,
).filter(lambda t: t.strip() == t and "  " not in t)


def rendered_text(markdown: str) -> str:
    """The text a CommonMark reader sees: the HTML with its tags removed, unescaped."""
    out = _MD.render(markdown)
    assert out.startswith("<p>") and out.endswith("</p>\n"), out  # one plain paragraph
    assert "<a " not in out and "<em>" not in out and "<code>" not in out, out
    return html.unescape(re.sub(r"<[^>]+>", "", out[3:-5]))


@settings(deadline=None, max_examples=400)
@given(LINE)
def test_markdown_escaping_shows_any_line_exactly_as_written(text: str) -> None:
    assert rendered_text(markdown_escape(text)) == text


def test_markdown_escaping_of_entities_and_strikethrough() -> None:
    for text in ("AT&amp;T", "&#x41;", "~~gone~~", "1) first", "# not a heading", "![x](y)"):
        assert rendered_text(markdown_escape(text)) == text


def test_an_autolink_cannot_be_broken_out_of() -> None:
    link = markdown_autolink("https://example.org/a b>c<d\x1b")
    assert link == "<https://example.org/a%20b%3Ec%3Cd%1B>"
    out = _MD.render(link)
    assert out.count("<a ") == 1 and 'href="https://example.org/a%20b%3Ec%3Cd%1B"' in out


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


@given(st.text())
def test_latex_escaping_keeps_braces_balanced(text: str) -> None:
    assert _balanced("{" + latex_escape(text) + "}")


def test_latex_escaping_of_a_lone_brace() -> None:
    assert latex_escape("a { b") == r"a \textbraceleft{} b"
    assert latex_escape("}") == r"\textbraceright{}"
    assert json.loads(json.dumps("a { b")) == "a { b"
