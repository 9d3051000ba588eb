"""The whole brief as a report to read on its own: Markdown, or one self-contained HTML page.

The report runs: title, summary, topics (as a tree, with their key quotes), timeline (by
year, each event with its quotes), figures, disputes (each position with its quotes and
the assessment), and the numbered references. Every quote carries `[n], ¶ p`: the
reference number and the paragraph. The report is first built as a short list of blocks,
then written out by one of two small writers, so both formats say the same thing.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass

from briefing.brief.dates import year_heading
from briefing.brief.model import Brief, Excerpt, Topic
from briefing.brief.prose import plain
from briefing.cite.clipboard import clean
from briefing.cite.references import Reference, proper_nouns
from briefing.cite.styles import markdown_escape, plain_reference
from briefing.wording import counted

FORMATS = ("markdown", "html")


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading, level 1 to 4."""

    level: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Running text; `emphasis` sets it apart (a subtitle, an assessment)."""

    text: str
    emphasis: bool = False


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quote with its reference number and paragraph."""

    text: str
    reference: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Table:
    """A small table (the figures)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class References:
    """The numbered list of sources, with their URLs for linking."""

    entries: tuple[tuple[str, str | None], ...]


Block = Heading | Paragraph | Quotation | Table | References


class _Report:
    """Builds the blocks of a brief's report."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.numbers = {s.id: n for n, s in enumerate(brief.sources, 1)}

    def blocks(self) -> Iterator[Block]:
        brief = self.brief
        yield Heading(1, clean(brief.title))
        if brief.subtitle:
            yield Paragraph(clean(brief.subtitle), emphasis=True)
        yield Paragraph(
            f"As of {brief.as_of.show()}. {counted(len(brief.sources), 'source').capitalize()}."
        )
        if brief.summary:
            yield Heading(2, "Summary")
            yield from (Paragraph(p) for p in _paragraphs(brief.summary))
        yield from self.topics()
        yield from self.timeline()
        yield from self.figures()
        yield from self.disputes()
        yield Heading(2, "References")
        yield References(tuple(self.reference(s.id) for s in brief.sources))

    def reference(self, source_id: str) -> tuple[str, str | None]:
        ref = Reference.of(self.brief.source(source_id), proper_nouns(self.brief))
        return plain_reference(ref), ref.url

    def quotes(self, excerpts: tuple[Excerpt, ...]) -> Iterator[Quotation]:
        for x in excerpts:
            yield Quotation(clean(x.quote).strip(), self.numbers[x.source], x.paragraph)

    def topics(self) -> Iterator[Block]:
        if self.brief.topics:
            yield Heading(2, "Topics")
            for topic in self.brief.root_topics():
                yield from self.topic(topic, 3)

    def topic(self, topic: Topic, level: int) -> Iterator[Block]:
        yield Heading(min(level, 4), clean(topic.title))
        if topic.summary:
            yield from (Paragraph(p) for p in _paragraphs(topic.summary))
        yield from self.quotes(self.brief.excerpts_of(topic.excerpts))
        for child in self.brief.subtopics(topic.id):
            yield from self.topic(child, level + 1)

    def timeline(self) -> Iterator[Block]:
        if not self.brief.events:
            return
        yield Heading(2, "Timeline")
        year: int | None = None
        for event in self.brief.events:
            if event.date.year != year:
                year = event.date.year
                yield Heading(3, year_heading(event.date))
            yield Heading(4, f"{event.date.show()} — {clean(event.title)}")
            if event.detail:
                yield Paragraph(clean(plain(event.detail)))
            yield from self.quotes(self.brief.excerpts_of(event.excerpts))

    def figures(self) -> Iterator[Block]:
        if not self.brief.figures:
            return
        yield Heading(2, "Figures")
        rows = tuple(
            (
                clean(f.label),
                f"{f.shown_value} {clean(f.unit)}",
                f.period.show() if f.period else "",
                "; ".join(self.cite(x) for x in self.brief.excerpts_of(f.excerpts)),
            )
            for f in self.brief.figures
        )
        yield Table(("Figure", "Value", "Period", "Sources"), rows)

    def cite(self, excerpt: Excerpt) -> str:
        return f"[{self.numbers[excerpt.source]}], ¶ {excerpt.paragraph}"

    def disputes(self) -> Iterator[Block]:
        if not self.brief.disputes:
            return
        yield Heading(2, "Disputes")
        for dispute in self.brief.disputes:
            yield Heading(3, clean(dispute.question))
            for number, position in enumerate(dispute.positions, 1):
                yield Paragraph(f"Position {number}: {clean(plain(position.claim))}")
                yield from self.quotes(self.brief.excerpts_of(position.excerpts))
            if dispute.assessment:
                yield Paragraph(f"Assessment: {clean(plain(dispute.assessment))}", emphasis=True)


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in clean(plain(text)).split("\n\n") if p.strip()]


def report_blocks(brief: Brief) -> list[Block]:
    """The report as blocks, for either writer."""
    return list(_Report(brief).blocks())


# Markdown ----------------------------------------------------------------------


def to_markdown(brief: Brief) -> str:
    """The report in Markdown."""
    return "\n\n".join(_markdown_block(b) for b in report_blocks(brief)) + "\n"


def _markdown_block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"{'#' * block.level} {markdown_escape(block.text)}"
    if isinstance(block, Paragraph):
        text = markdown_escape(block.text)
        return f"*{text}*" if block.emphasis else text
    if isinstance(block, Quotation):
        quoted = "\n".join(f"> {line}" for line in markdown_escape(block.text).split("\n"))
        return f"{quoted}\n>\n> — \\[{block.reference}\\], ¶ {block.paragraph}"
    if isinstance(block, Table):
        rows = [" | ".join(_cell(c) for c in row) for row in (block.header, *block.rows)]
        rows.insert(1, " | ".join("---" for _ in block.header))
        return "\n".join(f"| {line} |" for line in rows)
    return "\n".join(
        f"{n}. {markdown_escape(entry)}" for n, (entry, _url) in enumerate(block.entries, 1)
    )


def _cell(text: str) -> str:
    """A table cell: escaped, and on one line (a line break would end the table)."""
    return markdown_escape(" ".join(text.splitlines()))


# HTML --------------------------------------------------------------------------

_CSS = """
body { font: 16px/1.55 Georgia, serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem;
       color: #1d1d1f; background: #fff; }
h1, h2, h3, h4 { font-family: system-ui, sans-serif; line-height: 1.25; }
h2 { border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2.2rem; }
blockquote { margin: .8rem 0 .8rem 1rem; padding-left: 1rem; border-left: 3px solid #999; }
blockquote cite { display: block; font-style: normal; font-size: .9em; color: #555; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
.emphasis { font-style: italic; }
@media (prefers-color-scheme: dark) {
  body { color: #e8e8e8; background: #161616; } a { color: #8cb4ff; }
}
"""


def to_html(brief: Brief) -> str:
    """The report as one HTML page with its styles inside: no scripts, nothing fetched."""
    title = html.escape(clean(brief.title))
    body = "\n".join(_html_block(b) for b in report_blocks(brief))
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n{body}\n"
        "</body>\n</html>\n"
    )


def _html_block(block: Block) -> str:
    e = html.escape
    if isinstance(block, Heading):
        return f"<h{block.level}>{e(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        css = ' class="emphasis"' if block.emphasis else ""
        return f"<p{css}>{e(block.text)}</p>"
    if isinstance(block, Quotation):
        link = f'<a href="#ref-{block.reference}">[{block.reference}]</a>'
        cite = f"<cite>{link}, ¶ {block.paragraph}</cite>"
        return f"<blockquote><p>{e(block.text)}</p>{cite}</blockquote>"
    if isinstance(block, Table):
        head = "".join(f"<th>{e(c)}</th>" for c in block.header)
        rows = "".join(
            "<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in block.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    items = []
    for n, (entry, url) in enumerate(block.entries, 1):
        text = e(entry)
        if url and url.startswith(("https://", "http://")):
            text = text.replace(e(url), f'<a href="{e(url)}">{e(url)}</a>')
        items.append(f'<li id="ref-{n}">{text}</li>')
    return "<ol>\n" + "\n".join(items) + "\n</ol>"


def render(brief: Brief, format_: str) -> str:
    """The report in one of FORMATS."""
    return to_html(brief) if format_ == "html" else to_markdown(brief)
