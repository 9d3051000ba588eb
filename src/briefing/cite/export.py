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
from dataclasses import replace

from briefing.brief.dates import year_heading
from briefing.brief.figures import figure_rows
from briefing.brief.model import Brief, Excerpt, Topic
from briefing.brief.prose import read_prose
from briefing.cite.clipboard import clean
from briefing.cite.references import Reference, nest_quotes, proper_nouns
from briefing.cite.styles import markdown_escape, plain_reference
from briefing.record import record
from briefing.wording import counted

FORMATS = ("markdown", "html")


@record
class Heading:
    """A section heading, level 1 to 4."""

    level: int
    text: str


@record
class Quotation:
    """A quote with its reference number and paragraph (and its excerpt's id)."""

    text: str
    reference: int
    paragraph: int
    id: str = ""


@record
class Claim:
    """A sentence of prose; a backed one has its note number and the quotes behind it."""

    text: str
    note: int | None = None
    evidence: tuple[Quotation, ...] = ()


@record
class Paragraph:
    """Running text; `emphasis` sets it apart (a subtitle, an assessment). Prose from the
    brief comes as claims, so that each writer can cite them (a footnote, a link)."""

    text: str
    emphasis: bool = False
    claims: tuple[Claim, ...] = ()


@record
class Table:
    """A small table (the figures)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@record
class References:
    """The numbered list of sources, with their URLs for linking."""

    entries: tuple[tuple[str, str | None], ...]


Block = Heading | Paragraph | Quotation | Table | References


class _Report:
    """Builds the blocks of a brief's report."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.numbers = {s.id: n for n, s in enumerate(brief.sources, 1)}
        self.notes = 0

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
            yield from self.prose(brief.summary)
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
            yield Quotation(clean(x.quote).strip(), self.numbers[x.source], x.paragraph, x.id)

    def prose(self, text: str | None, prefix: str = "", emphasis: bool = False) -> Iterator[Block]:
        """A prose field as paragraphs of claims, each backed one numbered for its note."""
        for paragraph in read_prose(self.brief, clean(text or "")).paragraphs:
            claims = []
            for sentence in paragraph:
                words = " ".join(sentence.text.split())
                if sentence.evidence is None:
                    claims.append(Claim(words))
                    continue
                self.notes += 1
                quotes = tuple(self.quotes(sentence.evidence.excerpts))
                claims.append(Claim(words, self.notes, quotes))
            if claims:
                claims[0] = replace(claims[0], text=prefix + claims[0].text)
                shown = " ".join(c.text for c in claims)
                yield Paragraph(shown, emphasis, tuple(claims))
            prefix = ""

    def topics(self) -> Iterator[Block]:
        if self.brief.topics:
            yield Heading(2, "Topics")
            for topic in self.brief.root_topics():
                yield from self.topic(topic, 3)

    def topic(self, topic: Topic, level: int) -> Iterator[Block]:
        yield Heading(min(level, 4), clean(topic.title))
        if topic.summary:
            yield from self.prose(topic.summary)
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
                yield from self.prose(event.detail)
            yield from self.quotes(self.brief.excerpts_of(event.excerpts))

    def figures(self) -> Iterator[Block]:
        if not self.brief.figures:
            return
        yield Heading(2, "Figures")
        rows = tuple(
            (
                clean(row.label),
                clean(row.amount),
                row.period.show() if row.period else "",
                "; ".join(self.cite(x) for x in self.brief.excerpts_of(row.excerpts)),
            )
            for row in figure_rows(self.brief)  # a range on one row, as the reader shows it
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
                yield from self.prose(position.claim, f"Position {number}: ")
                yield from self.quotes(self.brief.excerpts_of(position.excerpts))
            if dispute.assessment:
                yield from self.prose(dispute.assessment, "Assessment: ", emphasis=True)


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
        text = markdown_escape(block.text) if not block.claims else _markdown_claims(block)
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


def _markdown_claims(block: Paragraph) -> str:
    """The claims, each backed one with its footnote; the footnotes (its quotes, each with
    reference and ¶) under the paragraph."""
    text = " ".join(
        markdown_escape(c.text) + (f"[^c{c.note}]" if c.note else "") for c in block.claims
    )
    notes = [
        f"[^c{c.note}]: "
        + "; ".join(
            f"“{markdown_escape(nest_quotes(' '.join(q.text.split())))}” "
            f"\\[{q.reference}\\], ¶ {q.paragraph}"
            for q in c.evidence
        )
        for c in block.claims
        if c.note
    ]
    return "\n\n".join([text, "\n".join(notes)]) if notes else text


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
    blocks = report_blocks(brief)
    quoted = {b.id for b in blocks if isinstance(b, Quotation)}
    linked = {
        q.id for b in blocks if isinstance(b, Paragraph) for c in b.claims for q in c.evidence
    }
    anchored = set(quoted - linked)  # a quote no claim links to needs no anchor
    body = "\n".join(_html_block(b, quoted, anchored) for b in blocks)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n{body}\n"
        "</body>\n</html>\n"
    )


def _html_block(block: Block, quoted: set[str], anchored: set[str]) -> str:
    """One block; `quoted` holds the excerpts the report quotes (a claim links to the first
    place each is quoted, else to its reference), `anchored` those given an anchor so far."""
    e = html.escape
    if isinstance(block, Heading):
        return f"<h{block.level}>{e(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        css = ' class="emphasis"' if block.emphasis else ""
        text = "".join(_html_claim(c, quoted) for c in block.claims) or e(block.text)
        return f"<p{css}>{text.strip()}</p>"
    if isinstance(block, Quotation):
        link = f'<a href="#ref-{block.reference}">[{block.reference}]</a>'
        cite = f"<cite>{link}, ¶ {block.paragraph}</cite>"
        anchor = f' id="x-{e(block.id)}"' if block.id and block.id not in anchored else ""
        anchored.add(block.id)
        return f"<blockquote{anchor}><p>{e(block.text)}</p>{cite}</blockquote>"
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


def _html_claim(claim: Claim, quoted: set[str]) -> str:
    """A sentence, and for a backed claim a superscript link to each quote behind it."""
    e = html.escape
    links = [
        f'<a href="#{f"x-{e(q.id)}" if q.id in quoted else f"ref-{q.reference}"}" '
        f'title="{e(q.text)}">[{q.reference}] ¶ {q.paragraph}</a>'
        for q in claim.evidence
    ]
    marks = f'<sup class="claim">{", ".join(links)}</sup>' if links else ""
    return f"{e(claim.text)}{marks} "


def render(brief: Brief, format_: str) -> str:
    """The report in one of FORMATS."""
    return to_html(brief) if format_ == "html" else to_markdown(brief)
