"""Prose as every screen, copy and export shows it: no raw `[@…]` marker, each backed claim
with the evidence behind it.

A prose field (see `spec.PROSE_FIELDS`) is read as paragraphs of sentences; a sentence
whose markers cite excerpts is a backed claim, numbered from 1 within its prose. What a
claim rests on — its quotes, their distinct sources, whether one source carries it alone —
is decided here once, so that the reader, the copies, the export and the checker agree.
"""

from __future__ import annotations

import re

from briefing.brief.claims import claims, strip_markers
from briefing.brief.model import Brief, Excerpt
from briefing.record import record

SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def superscript(number: int) -> str:
    """`12` → `¹²`."""
    return str(number).translate(SUPERSCRIPTS)


@record
class Evidence:
    """What one claim rests on: its quotes, in the order cited."""

    number: int
    """The claim's number among the backed claims of its prose, from 1."""
    excerpts: tuple[Excerpt, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        """The distinct sources of the quotes, in order."""
        return tuple(dict.fromkeys(x.source for x in self.excerpts))

    @property
    def single_source(self) -> bool:
        """True when every quote behind the claim comes from one source."""
        return len(self.sources) == 1

    @property
    def label(self) -> str:
        """The compact marker: `○` for a claim one source carries alone (the timeline's
        hollow mark), `●3` for one whose quotes come from three independent sources."""
        return "○" if self.single_source else f"●{len(self.sources)}"

    @property
    def summary(self) -> str:
        """`2 quotes from 1 source (single source)`, said in words."""
        quotes, sources = len(self.excerpts), len(self.sources)
        said = f"{quotes} quote{'s' if quotes != 1 else ''} from {sources} source"
        return said + (" (single source)" if self.single_source else "s")


@record
class Sentence:
    """A sentence as a reader reads it (markers taken out), with its evidence if cited."""

    text: str
    evidence: Evidence | None = None


@record
class Prose:
    """A prose field taken apart: paragraphs of sentences."""

    paragraphs: tuple[tuple[Sentence, ...], ...]

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        """Every sentence, in order."""
        return tuple(s for p in self.paragraphs for s in p)

    @property
    def backed(self) -> tuple[Evidence, ...]:
        """The evidence of each backed claim, in order."""
        return tuple(s.evidence for s in self.sentences if s.evidence is not None)

    @property
    def plain(self) -> str:
        """The prose without markers: sentences joined by a space, paragraphs by a blank line."""
        return "\n\n".join(" ".join(s.text for s in p) for p in self.paragraphs)


def paragraphs(text: str) -> list[str]:
    """The text's paragraphs (separated by blank lines), trimmed."""
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def read_prose(brief: Brief, text: str | None) -> Prose:
    """The prose with each claim's evidence looked up in the brief (ids that name no excerpt
    are left out: the checker refuses them, so a loaded brief has none)."""
    found: list[tuple[Sentence, ...]] = []
    number = 0
    for paragraph in paragraphs(text or ""):
        sentences: list[Sentence] = []
        for claim in claims(paragraph):
            excerpts = tuple(x for i in claim.ids if isinstance(x := brief.get(i), Excerpt))
            evidence = None
            if excerpts:
                number += 1
                evidence = Evidence(number, excerpts)
            sentences.append(Sentence(claim.plain.strip(), evidence))
        found.append(tuple(sentences))
    return Prose(tuple(found))


def plain(text: str | None) -> str:
    """Prose as a reader without markers would read it, its layout kept (no brief needed:
    for search previews and anything that only shows the words)."""
    return strip_markers(text or "")


DISPUTE_KIND_NAMES = {
    "sources": "The sources disagree",
    "outside-knowledge": "One source against outside knowledge",
    "interpretation": "A question of interpretation",
}
"""What a dispute's `kind` means, as the reader, copies and export say it."""


def dispute_kind(kind: str) -> str:
    """A dispute's kind in words: `outside-knowledge` → `One source against outside knowledge`."""
    return DISPUTE_KIND_NAMES.get(kind, kind)
