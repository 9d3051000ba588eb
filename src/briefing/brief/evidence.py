"""The claims report: every sentence of a brief's prose fields, at its place in the file,
with the sources behind it — how many claims cite evidence, and which rest on one source.

The checker prints it (`briefing check --uncited`, `--json`); it reads the brief's YAML
again for the places, since the model keeps items in reading order, not file order.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from briefing.brief.claims import claims
from briefing.brief.model import Brief, Excerpt
from briefing.brief.prose import paragraphs
from briefing.brief.spec import LIST_KEYS, PROSE_FIELDS
from briefing.brief.yamlsafe import Locator, read_yaml
from briefing.record import record

DocPath = tuple[str | int, ...]


@record
class PlacedClaim:
    """One sentence of prose, where it is written, and the sources of the quotes it cites."""

    field: str
    """Where it stands, as a reader would name it: `summary`, `topics[2].summary`, …"""
    line: int
    column: int
    text: str
    """The sentence without its markers, on one line."""
    sources: tuple[str, ...]

    @property
    def cited(self) -> bool:
        """True when the sentence cites at least one excerpt."""
        return bool(self.sources)

    def as_dict(self) -> dict[str, object]:
        """A plain dict for `--json`."""
        return {
            "field": self.field,
            "line": self.line,
            "column": self.column,
            "text": self.text,
            "sources": list(self.sources),
        }


@record
class ClaimsReport:
    """The counts the checker reports per brief."""

    claims: tuple[PlacedClaim, ...]

    @property
    def with_evidence(self) -> tuple[PlacedClaim, ...]:
        """Claims that cite at least one excerpt."""
        return tuple(c for c in self.claims if c.cited)

    @property
    def uncited(self) -> tuple[PlacedClaim, ...]:
        """Sentences that cite nothing: the author's to-do list."""
        return tuple(c for c in self.claims if not c.cited)

    @property
    def single_source(self) -> tuple[PlacedClaim, ...]:
        """Claims all of whose cited quotes come from one source."""
        return tuple(c for c in self.claims if len(c.sources) == 1)

    def as_dict(self) -> dict[str, object]:
        """The counts, and which claims rest on one source or cite nothing, for `--json`."""
        return {
            "claims": len(self.claims),
            "with_evidence": len(self.with_evidence),
            "single_source": len(self.single_source),
            "single_source_claims": [c.as_dict() for c in self.single_source],
            "uncited": [c.as_dict() for c in self.uncited],
        }

    def line(self) -> str:
        """`40 claims, 38 cite evidence, 12 rest on one source`."""
        count = len(self.claims)
        return (
            f"{count} claim{'s' if count != 1 else ''}, {len(self.with_evidence)} cite "
            f"evidence, {len(self.single_source)} rest on one source"
        )


def prose_fields(data: Mapping[str, Any]) -> Iterator[tuple[DocPath, str]]:
    """Every prose field of a brief's YAML data, with its path, in file order."""
    for name in PROSE_FIELDS["brief"]:
        if isinstance(data.get(name), str):
            yield (name,), data[name]
    for kind, names in PROSE_FIELDS.items():
        if kind not in LIST_KEYS:
            continue
        for index, item in enumerate(_mappings(data.get(LIST_KEYS[kind]))):
            for name in names:
                if isinstance(item.get(name), str):
                    yield (LIST_KEYS[kind], index, name), item[name]
            if kind == "dispute":
                for number, position in enumerate(_mappings(item.get("positions"))):
                    for name in PROSE_FIELDS["position"]:
                        if isinstance(position.get(name), str):
                            yield ("disputes", index, "positions", number, name), position[name]


def _mappings(value: Any) -> list[Mapping[str, Any]]:
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


def claims_report(brief: Brief, text: str) -> ClaimsReport:
    """Every claim of the brief whose YAML is `text` (already checked: `brief` is its model)."""
    locator = Locator(text)
    data = read_yaml(text)
    found: list[PlacedClaim] = []
    for path, prose in prose_fields(data if isinstance(data, dict) else {}):
        for paragraph in paragraphs(prose):
            for claim in claims(paragraph):
                excerpts = (brief.get(i) for i in claim.ids)
                sources = tuple(dict.fromkeys(x.source for x in excerpts if isinstance(x, Excerpt)))
                line, column = _place(locator, path, claim.text)
                plain = " ".join(claim.plain.split())
                found.append(PlacedClaim(_name(path), line, column, plain, sources))
    return ClaimsReport(tuple(found))


def _place(locator: Locator, path: DocPath, sentence: str) -> tuple[int, int]:
    """Where the sentence starts in the file; a text folded over several lines in the YAML
    may break a long start across lines, so shorter starts are tried before the field's."""
    field = locator.place(path)
    first = sentence.split("\n", 1)[0]
    for size in (60, 30, 15, 8):
        place = locator.place(path, needle=first[:size])
        if place != field:
            return place.line, place.column
    return field.line, field.column


def _name(path: DocPath) -> str:
    """`("topics", 2, "summary")` → `topics[2].summary`."""
    named = ""
    for step in path:
        named += f"[{step}]" if isinstance(step, int) else (f".{step}" if named else step)
    return named
