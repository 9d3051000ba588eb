"""The basket as a memo in the reader's citation style, as Markdown, HTML or plain text.

Each style lays quotes out as a writer in that style would: APA and MLA run the quote into
the text with an in-text citation and end with a reference list (References, Works Cited);
Chicago numbers notes (a full first note, short notes after it for the same source) and
ends with a bibliography; Markdown and plain text give each quote a numbered footnote and
list each source once. BibTeX and CSL-JSON are not prose styles: their memo is Markdown.

A memo is built once (`build_memo`) and then written in a format (`render_memo`); the
word-processor format, with real footnotes, is in `briefing.cite.docx`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import field

from briefing.cite.basket import Clip, Quote
from briefing.cite.references import nest_quotes, run_in
from briefing.cite.styles import markdown_escape, sort_key
from briefing.record import record

MEMO_STYLES = ("markdown", "plain", "apa", "mla", "chicago")
"""The styles a memo can be written in; any other style gives a Markdown-style memo."""
FORMATS = {"markdown": ".md", "html": ".html", "text": ".txt", "docx": ".docx"}
"""The formats a memo can be saved in, with their file extensions."""
HEADINGS = {
    "markdown": "Sources",
    "plain": "Sources",
    "apa": "References",
    "mla": "Works Cited",
    "chicago": "Bibliography",
}


def memo_style(style: str) -> str:
    """The style a memo is written in for the reader's citation style."""
    return style if style in MEMO_STYLES else "markdown"


@record
class Cited:
    """A quote in the memo: its text, an in-text citation (APA, MLA) or a note number."""

    text: str
    in_text: str = ""
    note: int | None = None


@record
class Line:
    """A line of a clipped item's own text (an event's date and title, a claim)."""

    text: str


@record
class ClipNote:
    """The note the user attached to a clip."""

    text: str


@record
class SourceLine:
    """A source clipped on its own: its entry in the style, and in Markdown."""

    text: str
    markdown: str


Piece = Line | Cited | ClipNote | SourceLine


@record
class Memo:
    """A memo laid out in a style, before it is written in a format.

    `notes` are the footnotes, numbered from 1; `references` the closing list. The
    `markdown_*` lists keep the Markdown style's own Markdown (links, italics) for
    Markdown output.
    """

    title: str
    style: str
    body: list[Piece] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    markdown_notes: list[str] = field(default_factory=list)
    markdown_references: list[str] = field(default_factory=list)

    @property
    def heading(self) -> str:
        """What the closing list is called in this style."""
        return HEADINGS[self.style]


def build_memo(clips: Sequence[Clip], style: str) -> Memo:
    """Lay the clips out in the memo style for `style` (see `memo_style`)."""
    style = memo_style(style)
    if any(not q.cites for c in clips for p in c.parts for q in p.quotes):
        style = "markdown"  # a clip kept before memo styles existed has only its Markdown
    titles = list(dict.fromkeys(c.brief_title for c in clips))
    memo = Memo(f"Clips from {' and '.join(titles)}" if titles else "Clips", style)
    references: dict[str, str] = {}
    markdown_references: dict[str, None] = {}
    seen_sources: set[str] = set()
    for clip in clips:
        for part in clip.parts:
            memo.body.extend(Line(line) for line in part.lines)
            for quote in part.quotes:
                memo.body.append(_cite(memo, quote, seen_sources))
                references.setdefault(quote.reference, _entry(quote, style))
                markdown_references[quote.reference] = None
        for reference, entry in zip(clip.references, _alone(clip, style), strict=True):
            memo.body.append(SourceLine(entry, reference))
            references.setdefault(reference, entry)
            markdown_references[reference] = None
        if clip.note:
            memo.body.append(ClipNote(clip.note))
    entries = list(references.values())
    memo.references.extend(sorted(entries, key=sort_key) if style != "markdown" else entries)
    memo.markdown_references.extend(markdown_references)
    return memo


def _cite(memo: Memo, quote: Quote, seen: set[str]) -> Cited:
    """The quote cited in the memo's style; notes are numbered as they come."""
    cites = quote.cites
    style = memo.style
    if style in ("apa", "mla") and f"{style}.in_text" in cites:
        return Cited(quote.text, in_text=cites[f"{style}.in_text"])
    if style == "chicago" and "chicago.note" in cites:
        first = quote.reference not in seen
        seen.add(quote.reference)
        note = cites["chicago.note" if first else "chicago.short"]
    else:
        note = cites.get("plain.cite", quote.footnote)
    memo.notes.append(note)
    memo.markdown_notes.append(quote.footnote)
    return Cited(quote.text, note=len(memo.notes))


def _entry(quote: Quote, style: str) -> str:
    """The quote's source as the closing list gives it (older clips: their Markdown)."""
    key = f"{'plain' if style == 'markdown' else style}.entry"
    return quote.cites.get(key, quote.reference)


def _alone(clip: Clip, style: str) -> list[str]:
    """Sources clipped on their own, as the style's list gives them."""
    key = f"{'plain' if style == 'markdown' else style}.entry"
    if len(clip.entries) != len(clip.references):
        return list(clip.references)
    pairs = zip(clip.entries, clip.references, strict=True)
    return [entry.get(key, reference) for entry, reference in pairs]


# Writing -------------------------------------------------------------------------


def render_memo(memo: Memo, fmt: str) -> str:
    """The memo as Markdown, HTML or plain text (the word-processor format is bytes:
    `briefing.cite.docx.memo_docx`)."""
    writers = {"markdown": _markdown, "html": _html, "text": _text}
    return writers[fmt](memo)


def quoted(memo: Memo, cited: Cited) -> str:
    """The quote as the style runs it in: with its in-text citation (APA, MLA)."""
    if cited.in_text:
        return f"{run_in(cited.text)} {cited.in_text}."
    return f"“{nest_quotes(cited.text.strip())}”" if memo.style == "chicago" else cited.text


def _markdown(memo: Memo) -> str:
    styled = memo.style != "markdown"
    lines = [f"# {markdown_escape(memo.title)}"]
    for piece in memo.body:
        if isinstance(piece, Line):
            lines.append(markdown_escape(piece.text))
        elif isinstance(piece, ClipNote):
            lines.append(f"*Note:* {markdown_escape(piece.text)}")
        elif isinstance(piece, SourceLine):
            lines.append(markdown_escape(piece.text) if styled else piece.markdown)
        elif piece.in_text:
            lines.append(markdown_escape(quoted(memo, piece)))
        else:
            text = markdown_escape(quoted(memo, piece))
            lines.append("\n".join(f"> {x}" for x in text.split("\n")) + f"[^{piece.note}]")
    notes = memo.notes if styled else memo.markdown_notes
    written = [markdown_escape(n) for n in notes] if styled else notes
    footnotes = "\n".join(f"[^{n}]: {note}" for n, note in enumerate(written, 1))
    references = memo.references if styled else memo.markdown_references
    entries = [markdown_escape(r) for r in references] if styled else references
    closing = [f"## {memo.heading}", "\n".join(f"- {e}" for e in entries)] if entries else []
    blocks = [*lines, footnotes, *closing]
    return "\n\n".join(b for b in blocks if b) + "\n"


def _text(memo: Memo) -> str:
    lines = [memo.title, "=" * len(memo.title)]
    for piece in memo.body:
        if isinstance(piece, Line | SourceLine):
            lines.append(piece.text)
        elif isinstance(piece, ClipNote):
            lines.append(f"Note: {piece.text}")
        elif piece.in_text:
            lines.append(quoted(memo, piece))
        else:
            indented = "\n".join(f"    {x}" for x in quoted(memo, piece).split("\n"))
            lines.append(f"{indented} [{piece.note}]")
    if memo.notes:
        lines += ["Notes", "\n".join(f"[{n}] {note}" for n, note in enumerate(memo.notes, 1))]
    if memo.references:
        lines += [memo.heading, "\n".join(memo.references)]
    return "\n\n".join(lines) + "\n"


def _html(memo: Memo) -> str:
    body = [f"<h1>{html.escape(memo.title)}</h1>"]
    for piece in memo.body:
        if isinstance(piece, Line | SourceLine):
            body.append(f"<p>{_lines(piece.text)}</p>")
        elif isinstance(piece, ClipNote):
            body.append(f"<p class='note'><em>Note:</em> {_lines(piece.text)}</p>")
        elif piece.in_text:
            body.append(f"<p>{_lines(quoted(memo, piece))}</p>")
        else:
            n = piece.note
            mark = f'<sup><a href="#fn{n}" id="fnref{n}" role="doc-noteref">{n}</a></sup>'
            body.append(f"<blockquote><p>{_lines(quoted(memo, piece))}{mark}</p></blockquote>")
    if memo.notes:
        items = "".join(
            f'<li id="fn{n}">{html.escape(note)} <a href="#fnref{n}" role="doc-backlink">↩</a></li>'
            for n, note in enumerate(memo.notes, 1)
        )
        body.append(
            f'<section class="footnotes" role="doc-endnotes"><hr><ol>{items}</ol></section>'
        )
    if memo.references:
        items = "".join(f"<li>{html.escape(r)}</li>" for r in memo.references)
        body.append(f"<h2>{html.escape(memo.heading)}</h2><ul class='references'>{items}</ul>")
    head = (
        '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8">'
        f"<title>{html.escape(memo.title)}</title></head>\n<body>\n"
    )
    return head + "\n".join(body) + "\n</body>\n</html>\n"


def _lines(text: str) -> str:
    return "<br>".join(html.escape(line) for line in text.split("\n"))


def memo(clips: Sequence[Clip], style: str = "markdown") -> str:
    """The clips as a Markdown memo in the style (what `c` in the basket copies)."""
    return render_memo(build_memo(clips, style), "markdown")
