r"""Any item of a brief as text to paste, with its quotes cited in one of seven styles.

An excerpt gives its quote and citation. An event, topic, figure, dispute or entity gives
the item itself, then the excerpts behind it, each cited: an event's and a figure's own
excerpts, a topic's key quotes (or, when it lists none, every excerpt filed under it and
its subtopics), a dispute's positions each with their excerpts, an entity's name and role
with the excerpts that name it. A source gives its reference. The locators and the rules
for missing and inferred values are described in `briefing.cite.styles`.

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

import difflib
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from briefing.brief.figures import row_of
from briefing.brief.model import Brief, Dispute, Entity, Event, Excerpt, Figure, Item, Source, Topic
from briefing.brief.prose import Evidence, Prose, plain, read_prose
from briefing.cite.clipboard import clean
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
from briefing.views.narrowing import Narrowing

_NUMBER_LIST = re.compile(r"\[\s*(-?\d+,?(?:\s+-?\d+,?)*)\s*\]")  # [2024, 3, 4] on one line
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


class UnknownItem(KeyError):
    """No item has this id; `closest` holds the most similar ids."""

    def __init__(self, item_id: str, closest: list[str]) -> None:
        super().__init__(item_id)
        self.item_id = item_id
        self.closest = closest

    def __str__(self) -> str:
        hint = f"; closest: {', '.join(self.closest)}" if self.closest else ""
        return f"no item with id {self.item_id!r}{hint}"


class UnknownStyle(ValueError):
    """A style name that is not one of STYLES."""


@dataclass(frozen=True, slots=True)
class CitedText:
    """Prose whose claims cite excerpts inline (a summary, a detail, an assessment)."""

    prose: Prose
    prefix: str = ""

    @property
    def excerpts(self) -> tuple[Excerpt, ...]:
        """The excerpts its claims cite, in order."""
        return tuple(x for evidence in self.prose.backed for x in evidence.excerpts)


Line = str | CitedText


@dataclass(frozen=True, slots=True)
class Block:
    """Lines of the item's own text, followed by the excerpts that stand behind them."""

    lines: tuple[Line, ...]
    excerpts: tuple[Excerpt, ...] = ()

    @property
    def plain_lines(self) -> tuple[str, ...]:
        """The lines as words only, the prose without its citations."""
        return tuple(x if isinstance(x, str) else x.prefix + x.prose.plain for x in self.lines)


@dataclass(frozen=True, slots=True)
class Gathered:
    """An item taken apart for citing: its blocks, and sources cited on their own."""

    item_id: str
    kind: str
    blocks: tuple[Block, ...]
    sources: tuple[Source, ...] = ()

    @property
    def excerpts(self) -> tuple[Excerpt, ...]:
        """Every excerpt, in order: those the prose cites, then the block's own."""
        return tuple(
            x
            for block in self.blocks
            for x in (*(y for c in block.lines if isinstance(c, CitedText) for y in c.excerpts),)
            + block.excerpts
        )


def closest_ids(brief: Brief, item_id: str, n: int = 3) -> list[str]:
    """The ids most like a mistyped one."""
    return difflib.get_close_matches(item_id, list(brief.items), n=n, cutoff=0.4)


def find_item(brief: Brief, item_id: str) -> Item:
    """The item with this id; raise UnknownItem naming the closest ids."""
    item = brief.get(item_id)
    if item is None:
        raise UnknownItem(item_id, closest_ids(brief, item_id))
    return item


def gather(brief: Brief, item_id: str) -> Gathered:
    """The item's own lines and the excerpts behind it."""
    item = find_item(brief, item_id)
    if isinstance(item, Excerpt):
        return Gathered(item_id, "excerpt", (Block((), (item,)),))
    if isinstance(item, Source):
        return Gathered(item_id, "source", (), (item,))
    if isinstance(item, Dispute):
        return Gathered(item_id, "dispute", _dispute_blocks(brief, item))
    return Gathered(item_id, item.item_kind, (Block(_lines(brief, item), _behind(brief, item)),))


def _lines(brief: Brief, item: Event | Topic | Figure | Entity) -> tuple[Line, ...]:
    if isinstance(item, Event):
        head, prose = f"{item.date.show()} — {item.title}", item.detail
    elif isinstance(item, Topic):
        head, prose = " › ".join(t.title for t in brief.topic_path(item.id)), item.summary
    elif isinstance(item, Figure):
        row = row_of(brief, item)  # one end of a range is cited as the range the table shows
        period = f" ({row.period.show()})" if row.period else ""
        notes = dict.fromkeys(f.note for f in row.figures if f.note)
        head, prose = f"{row.label}: {row.amount}{period}", " ".join(notes) or None
    else:
        head, prose = f"{item.name} — {item.role or item.kind}", None
    cited = _cited_text(brief, prose)
    return (clean(head).strip(), *((cited,) if cited else ()))


def _cited_text(brief: Brief, text: str | None, prefix: str = "") -> CitedText | None:
    """The prose read for citing, or None when there is none."""
    prose = read_prose(brief, clean(text or ""))
    return CitedText(prose, prefix) if prose.sentences else None


def _behind(brief: Brief, item: Event | Topic | Figure | Entity) -> tuple[Excerpt, ...]:
    if isinstance(item, Entity):
        return brief.entity_excerpts(item.id)
    if isinstance(item, Topic) and not item.excerpts:
        return Narrowing(topic=item.id).excerpts(brief)
    return brief.excerpts_of(item.excerpts)


def _dispute_blocks(brief: Brief, dispute: Dispute) -> tuple[Block, ...]:
    blocks = [Block((clean(dispute.question).strip(),))]
    for number, position in enumerate(dispute.positions, 1):
        claim = f"Position {number}: {clean(plain(position.claim)).strip()}"
        blocks.append(Block((claim,), brief.excerpts_of(position.excerpts)))
    assessment = _cited_text(brief, dispute.assessment, "Assessment: ")
    if assessment:
        blocks.append(Block((assessment,)))
    return tuple(blocks)


def cite_prose(brief: Brief, title: str, text: str, style: str) -> str:
    """Prose that is no item of its own (the brief's summary) under a title, its claims
    cited in the style, as text to paste."""
    if style not in STYLES:
        raise UnknownStyle(f"unknown style {style!r}; choose one of {', '.join(STYLES)}")
    cited = _cited_text(brief, text)
    lines: tuple[Line, ...] = (clean(title).strip(), *((cited,) if cited else ()))
    gathered = Gathered(brief.id, "summary", (Block(lines),))
    return clean(_RENDERERS[style](_Context(brief), gathered)).strip("\n")


def cite_item(brief: Brief, item_id: str, style: str) -> str:
    """The item as text to paste, in the given style (one of STYLES)."""
    if style not in STYLES:
        raise UnknownStyle(f"unknown style {style!r}; choose one of {', '.join(STYLES)}")
    return cite_gathered(brief, gather(brief, item_id), style)


def gather_passage(passage: Excerpt) -> Gathered:
    """A passage chosen in the reader (see `briefing.brief.passage`), cited as an excerpt is."""
    return Gathered(passage.id, "passage", (Block((), (passage,)),))


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
