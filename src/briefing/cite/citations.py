r"""Any item of a brief as text to paste, with its quotes cited in one of seven styles.

An excerpt gives its quote and citation; any other item gives its own text, then the
excerpts behind it, each cited (what stands behind which item: `briefing.cite.gathering`).
A source gives its reference. The locators and the rules for missing and inferred values
are described in `briefing.cite.styles`.

How each style lays a citation out:
- plain: the quote in quotation marks, then `— reference, ¶ N` under it;
- markdown: a blockquote ending in a footnote labelled by the excerpt's id (`[^q-…]`,
  so pasting several never collides), the footnotes after the text;
- apa, mla: the quote run into a sentence with a parenthetical citation, then the
  reference list (alphabetical, each source once);
- chicago: the quote with a superscript note number, the notes (a full first note, short
  notes after it for the same source), then the bibliography;
- bibtex: the quote with `\cite[\P~N]{source-id}`, then one `@misc` entry per source;
- csl-json: one JSON object: `item` (the item's own text, unless it is an excerpt),
  `quotes` (id, quote, source, locator, label "paragraph") and `references`, a CSL-JSON
  array ready for Zotero or Pandoc.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable

from briefing.brief.model import Brief, Excerpt
from briefing.brief.prose import Evidence
from briefing.cite.clipboard import clean
from briefing.cite.gathering import Block, CitedText, Gathered, Line, cited_text, gather
from briefing.cite.reference_managers import bibtex_cite, bibtex_entry, csl_item, latex_escape
from briefing.cite.references import Reference, nest_quotes, proper_nouns, run_in
from briefing.cite.style_names import STYLES
from briefing.cite.styles import (
    apa_in_text,
    apa_reference,
    chicago_bibliography,
    chicago_note,
    chicago_short_note,
    markdown_escape,
    markdown_reference,
    mla_in_text,
    mla_works_cited,
    plain_reference,
    sort_key,
)

_NUMBER_LIST = re.compile(r"\[\s*(-?\d+,?(?:\s+-?\d+,?)*)\s*\]")  # [2024, 3, 4] on one line
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


class UnknownStyle(ValueError):
    """A style name that is not one of STYLES."""


def cite_prose(brief: Brief, title: str, text: str, style: str) -> str:
    """Prose that is no item of its own (the brief's summary) under a title, its claims
    cited in the style, as text to paste."""
    if style not in STYLES:
        raise UnknownStyle(f"unknown style {style!r}; choose one of {', '.join(STYLES)}")
    cited = cited_text(brief, text)
    lines: tuple[Line, ...] = (clean(title).strip(), *((cited,) if cited else ()))
    gathered = Gathered(brief.id, "summary", (Block(lines),))
    return clean(_RENDERERS[style](_Context(brief), gathered)).strip("\n")


def cite_item(brief: Brief, item_id: str, style: str) -> str:
    """The item as text to paste, in the given style (one of STYLES)."""
    if style not in STYLES:
        raise UnknownStyle(f"unknown style {style!r}; choose one of {', '.join(STYLES)}")
    return cite_gathered(brief, gather(brief, item_id), style)


def cite_gathered(brief: Brief, gathered: Gathered, style: str) -> str:
    """What `gather` or `gather_passage` took apart, as text in the given style."""
    if style not in STYLES:
        raise UnknownStyle(f"unknown style {style!r}; choose one of {', '.join(STYLES)}")
    return clean(_RENDERERS[style](_Context(brief), gathered)).strip("\n")


class _Context:
    """The brief and its sources' references, built once per citation."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self._refs: dict[str, Reference] = {}

    def ref(self, source_id: str) -> Reference:
        if source_id not in self._refs:
            self._refs[source_id] = Reference.of(
                self.brief.source(source_id), proper_nouns(self.brief)
            )
        return self._refs[source_id]

    def quote(self, excerpt: Excerpt) -> str:
        return clean(excerpt.quote).strip()

    def sources(self, gathered: Gathered) -> list[Reference]:
        ids = [x.source for x in gathered.excerpts] + [s.id for s in gathered.sources]
        return [self.ref(i) for i in dict.fromkeys(ids)]


_Renderer = Callable[[_Context, Gathered], str]


Claimer = Callable[[Evidence], tuple[str, bool]]
"""A style's citation of a claim, and whether it goes before the sentence's full stop
(an in-text citation) or after it (a note mark)."""
_STOP = re.compile(r"[.!?…]+$")


def _paragraphs(
    gathered: Gathered,
    quote: Callable[[Excerpt], str],
    line: Callable[[str], str] = str,
    between: str = "\n",
    claim: Claimer | None = None,
) -> list[str]:
    """Each block's lines as one paragraph (prose with its claims cited), then each of its
    quotes as one."""
    paragraphs: list[str] = []
    for block in gathered.blocks:
        if block.lines:
            shown = (
                line(x) if isinstance(x, str) else _cite_claims(x, line, claim) for x in block.lines
            )
            paragraphs.append(between.join(shown))
        paragraphs.extend(quote(x) for x in block.excerpts)
    return paragraphs


def _cite_claims(text: CitedText, line: Callable[[str], str], claim: Claimer | None) -> str:
    """Prose written out in a style: each claim followed by its citation; `\n\n` between
    paragraphs. Returned already escaped for the style."""
    paragraphs = []
    for paragraph in text.prose.paragraphs:
        sentences = []
        for sentence in paragraph:
            words = line(sentence.text)
            if sentence.evidence is not None and claim is not None:
                cite, before_stop = claim(sentence.evidence)
                stop = _STOP.search(words) if before_stop else None
                at = stop.start() if stop else len(words)
                words = words[:at] + cite + words[at:]
            sentences.append(words)
        paragraphs.append(" ".join(sentences))
    return line(text.prefix) + "\n\n".join(paragraphs)


def _cited_pairs(evidence: Evidence) -> list[tuple[str, int]]:
    """Each (source, paragraph) a claim cites, once, in order."""
    return list(dict.fromkeys((x.source, x.paragraph) for x in evidence.excerpts))


def _join(*parts: Iterable[str]) -> str:
    return "\n\n".join(p for part in parts for p in part if p)


def _plain(ctx: _Context, gathered: Gathered) -> str:
    def quote(x: Excerpt) -> str:
        cited = plain_reference(ctx.ref(x.source), x.paragraph)
        return f"“{nest_quotes(ctx.quote(x))}”\n— {cited}"

    numbers = {r: n for n, r in enumerate(dict.fromkeys(x.source for x in gathered.excerpts), 1)}

    def claim(evidence: Evidence) -> tuple[str, bool]:
        cited = "; ".join(f"{numbers[s]}, ¶ {p}" for s, p in _cited_pairs(evidence))
        return f" [{cited}]", True

    listed = [f"[{n}] {plain_reference(ctx.ref(s))}" for s, n in numbers.items()]
    claims = any(isinstance(c, CitedText) for b in gathered.blocks for c in b.lines)
    alone = [plain_reference(ctx.ref(s.id)) for s in gathered.sources]
    return _join(_paragraphs(gathered, quote, claim=claim), ["\n".join(listed)] * claims, alone)


def _markdown(ctx: _Context, gathered: Gathered) -> str:
    def quote(x: Excerpt) -> str:
        lines = markdown_escape(ctx.quote(x)).split("\n")
        return "\n".join(f"> {line}" for line in lines) + f"[^{x.id}]"

    notes = {
        x.id: f"[^{x.id}]: {markdown_reference(ctx.ref(x.source), x.paragraph)}"
        for x in gathered.excerpts
    }

    def claim(evidence: Evidence) -> tuple[str, bool]:
        return "".join(f"[^{x.id}]" for x in dict.fromkeys(evidence.excerpts)), False

    alone = [markdown_reference(ctx.ref(s.id)) for s in gathered.sources]
    paragraphs = _paragraphs(gathered, quote, markdown_escape, "\n\n", claim)
    return _join(paragraphs, ["\n".join(notes.values())], alone)


def _author_date(
    in_text: Callable[[Reference, int], str], entry: Callable[[Reference], str]
) -> _Renderer:
    """APA and MLA: each quote run in with a parenthetical citation, then the entries."""

    def render(ctx: _Context, gathered: Gathered) -> str:
        def quote(x: Excerpt) -> str:
            return f"{run_in(ctx.quote(x))} {in_text(ctx.ref(x.source), x.paragraph)}."

        def claim(evidence: Evidence) -> tuple[str, bool]:
            cited = [in_text(ctx.ref(s), p).strip("()") for s, p in _cited_pairs(evidence)]
            return f" ({'; '.join(dict.fromkeys(cited))})", True

        entries = sorted((entry(r) for r in ctx.sources(gathered)), key=sort_key)
        return _join(_paragraphs(gathered, quote, claim=claim), ["\n".join(entries)])

    return render


def _chicago(ctx: _Context, gathered: Gathered) -> str:
    notes: list[str] = []
    seen: set[str] = set()

    def quote(x: Excerpt) -> str:
        ref = ctx.ref(x.source)
        note = chicago_short_note if x.source in seen else chicago_note
        seen.add(x.source)
        notes.append(f"{len(notes) + 1}. {note(ref, x.paragraph)}")
        return f"“{nest_quotes(ctx.quote(x))}”{str(len(notes)).translate(_SUPERSCRIPT)}"

    def claim(evidence: Evidence) -> tuple[str, bool]:
        cited = []
        for source, paragraph in _cited_pairs(evidence):
            note = chicago_short_note if source in seen else chicago_note
            seen.add(source)
            cited.append(note(ctx.ref(source), paragraph).rstrip("."))
        notes.append(f"{len(notes) + 1}. {'; '.join(cited)}.")
        return str(len(notes)).translate(_SUPERSCRIPT), False

    paragraphs = _paragraphs(gathered, quote, claim=claim)
    entries = sorted((chicago_bibliography(r) for r in ctx.sources(gathered)), key=sort_key)
    return _join(paragraphs, ["\n".join(notes)], ["\n".join(entries)])


def _bibtex(ctx: _Context, gathered: Gathered) -> str:
    def quote(x: Excerpt) -> str:
        cite = bibtex_cite(ctx.ref(x.source), x.paragraph)
        return f"“{latex_escape(nest_quotes(ctx.quote(x)))}” {cite}"

    def claim(evidence: Evidence) -> tuple[str, bool]:
        return " " + "".join(bibtex_cite(ctx.ref(s), p) for s, p in _cited_pairs(evidence)), True

    entries = [bibtex_entry(r) for r in ctx.sources(gathered)]
    return _join(_paragraphs(gathered, quote, latex_escape, claim=claim), entries)


def _csl_json(ctx: _Context, gathered: Gathered) -> str:
    document: dict[str, object] = {}
    lines = [line for block in gathered.blocks for line in block.lines]
    if lines:
        text = "\n".join(line for block in gathered.blocks for line in block.plain_lines)
        document["item"] = {"id": gathered.item_id, "kind": gathered.kind, "text": text}
        claims = [
            {"text": s.text, "quotes": [x.id for x in s.evidence.excerpts]}
            for x in lines
            if isinstance(x, CitedText)
            for s in x.prose.sentences
            if s.evidence is not None
        ]
        if claims:
            document["claims"] = claims
    document["quotes"] = [
        {
            "id": x.id,
            "quote": ctx.quote(x),
            "source": x.source,
            "locator": str(x.paragraph),
            "label": "paragraph",
        }
        for x in dict.fromkeys(gathered.excerpts)
    ]
    document["references"] = [csl_item(r) for r in ctx.sources(gathered)]
    text = json.dumps(document, indent=2, ensure_ascii=False)
    return _NUMBER_LIST.sub(lambda m: f"[{', '.join(re.findall(r'-?[0-9]+', m[1]))}]", text)


_RENDERERS: dict[str, _Renderer] = {
    "plain": _plain,
    "markdown": _markdown,
    "apa": _author_date(apa_in_text, apa_reference),
    "chicago": _chicago,
    "mla": _author_date(mla_in_text, mla_works_cited),
    "bibtex": _bibtex,
    "csl-json": _csl_json,
}
