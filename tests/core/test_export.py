"""The whole-brief report in Markdown and HTML: complete, cited, escaped, self-contained."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

from briefing.brief.model import Brief
from briefing.cite.export import to_html, to_markdown


def test_markdown_report_has_every_section_in_order(sample: Brief) -> None:
    text = to_markdown(sample)
    headings = re.findall(r"^## (.+)$", text, flags=re.M)
    assert headings == ["Summary", "Topics", "Timeline", "Figures", "Disputes", "References"]
    assert text.startswith("# Harbours and fighters\n\n*A brief written for the tests*\n\n")
    assert "As of 1 Oct 2024. 3 sources." in text


def test_markdown_quotes_carry_reference_number_and_paragraph(sample: Brief) -> None:
    text = to_markdown(sample)
    assert (
        "#### 3 Mar 2024 — Kaliningrad port signs cargo deal with the Alliance\n\n"
        "The agreement runs for ten years.\n\n"
        "> The port authority of Kaliningrad signed a cargo agreement with the Northern "
        "Alliance on 3 March 2024\n>\n> — \\[1\\], ¶ 3\n\n"
    ) in text
    assert text.endswith(
        "## References\n\n"
        "1. Ana Lúcio, “Harbour deal signed in Kaliningrad”, Baltic Ledger, 4 Mar 2024, "
        "https://example.org/harbour\n"
        "2. \\[Report on fighter deliveries\\], n.d.\n"
        "3. \\[Notes from the summit\\], \\[Summit Wire\\], \\[Sep 2024\\]\n"
    )


def test_markdown_figures_table_and_dispute(sample: Brief) -> None:
    text = to_markdown(sample)
    assert (
        "| Figure | Value | Period | Sources |\n| --- | --- | --- | --- |\n"
        "| Value of the cargo deal | 1.2 EUR bn | 2024–2034 | \\[1\\], ¶ 5 |\n"
    ) in text
    assert "### How much container capacity does the deal add?\n\nPosition 1:" in text
    assert "*Assessment: The harbour master is on the record" in text


def test_topics_are_nested_under_their_parents(sample: Brief) -> None:
    text = to_markdown(sample)
    assert text.index("### Trade") < text.index("#### Ports") < text.index("### Defence")
    assert text.index("### Defence") < text.index("#### Fighters") < text.index("## Timeline")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.links += [v or "" for k, v in attrs if k in ("href", "src")]


def test_html_is_self_contained_and_escaped(sample: Brief) -> None:
    hostile = replace(
        sample,
        title="Harbours <script>alert(1)</script> & \x1b]0;pwned\x07fighters",
        summary="A <b>bold</b> claim.",
    )
    page = to_html(hostile)
    parser = _Tags()
    parser.feed(page)
    assert "script" not in parser.tags and "b" not in parser.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; fighters" in page
    assert "\x1b" not in page and "pwned" not in page
    assert all(link.startswith(("#ref-", "https://example.org/")) for link in parser.links)
    assert "<style>" in page and "<link" not in page
    assert page.count("<blockquote>") == 10


def test_html_reference_links(sample: Brief, tmp_path: Path) -> None:
    page = to_html(sample)
    assert '<a href="#ref-1">[1]</a>, ¶ 3' in page
    assert (
        '<li id="ref-1">Ana Lúcio, “Harbour deal signed in Kaliningrad”, Baltic Ledger, '
        '4 Mar 2024, <a href="https://example.org/harbour">https://example.org/harbour</a></li>'
    ) in page


def test_a_url_that_is_not_http_is_not_linked(sample: Brief) -> None:
    harbour = replace(sample.source("src-harbour"), url="javascript:alert(1)")
    page = to_html(replace(sample, sources=(harbour, *sample.sources[1:])))
    assert 'href="javascript' not in page
