"""Check plain brief data against the format and build the model, collecting every issue.

Issues carry a path into the document, such as ("excerpts", 3, "quote"); the loader turns
paths into lines and columns only when there are issues to report.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from briefing.brief.fields import INVALID, DocPath, FieldReaders, Issue, a, closest, type_name
from briefing.brief.model import (
    Brief,
    Dispute,
    Entity,
    Event,
    Excerpt,
    Figure,
    Position,
    Source,
    Topic,
)
from briefing.brief.problems import Problem
from briefing.brief.quotes import ELLIPSIS, SourceText, normalise
from briefing.brief.sources import SourceError, split_paragraphs
from briefing.brief.spec import FIELDS, PROSE_FIELDS, Field
from briefing.sanitize import find_unsafe, one_line, printable

__all__ = ["DocPath", "Issue", "SourceFiles", "Validator"]


class SourceFiles(Protocol):
    """Reads a source file named in a brief: (resolved path, text, sha256)."""

    def load(self, file: str) -> tuple[Path, str, str]: ...


class Validator(FieldReaders):
    """Checks one brief's data and builds its model; issues collect in `errors`."""

    def __init__(self, brief_path: Path, sources: SourceFiles, *, warnings: bool = True) -> None:
        """Without `warnings`, the costly checks that can only warn are skipped (for a
        reader, which shows none): `warnings` is then incomplete."""
        super().__init__()
        self.wants_warnings = warnings
        self.brief_path = brief_path
        self.sources = sources
        self.source_warnings: list[Problem] = []
        self.source_digests: dict[str, str] = {}
        self._ids: dict[str, tuple[str, DocPath]] = {}
        self._source_texts: dict[str, SourceText] = {}
        self._parents: dict[str, tuple[str, DocPath]] = {}
        self._newer_fields: list[tuple[DocPath, str]] = []

    def run(self, data: object) -> Brief | None:
        """Check the whole document; the brief when it is valid, else None."""
        if data is None:
            self.error((), "the document is empty; a brief starts with `format: briefing/1`")
            return None
        if not isinstance(data, dict):
            self.error(
                (), f"a brief is a mapping of keys (format, id, title, ...), not {type_name(data)}"
            )
            return None
        values = self._fields("brief", data, ())
        self._check_references()
        self._check_format_version(values.get("format"))
        self._check_topic_cycles()
        if self.errors or INVALID in values.values():
            return None
        return Brief(
            path=self.brief_path,
            id=values["id"],
            title=values["title"],
            subtitle=values.get("subtitle"),
            summary=values.get("summary"),
            as_of=values["as_of"],
            **{key: tuple(values.get(key) or ()) for key in _ITEM_LISTS},
        )

    # Mappings and fields ---------------------------------------------------

    def _fields(self, kind: str, mapping: dict[str, Any], path: DocPath) -> dict[str, Any]:
        """The values of a mapping's fields, read in the format's order (a brief's sources
        before its excerpts, which are found in them), whatever the file's order."""
        names, plan = _plan(kind)
        if not mapping.keys() <= names.keys():
            for key in mapping:
                if key not in names and not key.startswith("x-"):
                    self.error(
                        path + (key,),
                        f"unknown key `{key}` in {a(kind)}{closest(key, list(names))}",
                        at_key=True,
                    )
        values: dict[str, Any] = {}
        for name, field, reader in plan:
            raw = mapping.get(name)
            if raw is None:
                if field.required and name in mapping:  # `title:` with nothing after it
                    self.error(
                        path + (name,),
                        f"`{name}` of {a(kind)}{_named(mapping)} is empty; it is required",
                        at_key=True,
                    )
                    values[name] = INVALID
                elif field.required:
                    self.error(
                        path, f"{a(kind)}{_named(mapping)} has no `{name}`, which is required"
                    )
                    values[name] = INVALID
                continue
            if field.since != "1":
                self._newer_fields.append((path + (name,), field.since))
            values[name] = reader(self, field, raw, path + (name,))
        return values

    def _check_references(self) -> None:
        ids = self._ids
        for path, ref, wanted, needle in self._refs:
            found = ids.get(ref)
            if found is None or found[0] != wanted:
                self._wrong_reference(path, ref, wanted, needle)
        for path, refs, wanted in self._ref_lists:
            for index, ref in enumerate(refs):
                found = ids.get(ref)
                if found is None or found[0] != wanted:
                    self._wrong_reference(path + (index,), ref, wanted, None)

    def _wrong_reference(self, path: DocPath, ref: str, wanted: str, needle: str | None) -> None:
        found = self._ids.get(ref)
        if found is None:
            same_kind = [i for i, (k, _) in self._ids.items() if k == wanted]
            message = f"no {wanted} has the id {ref!r}{closest(ref, same_kind)}"
            self.error(path, message, needle=needle)
        else:
            self.error(path, f"{ref!r} is {a(found[0])}, not {a(wanted)}", needle=needle)

    def _check_format_version(self, declared: object) -> None:
        """A brief that uses fields added in 1.1 should say so, for readers that predate it."""
        if declared != "briefing/1" or not self._newer_fields:
            return
        path, since = self._newer_fields[0]
        self.warn(
            path,
            f"`{path[-1]}` is new in format {since}; declare `format: briefing/{since}` "
            "so that older readers say why they cannot read this brief",
        )

    def _check_topic_cycles(self) -> None:
        for start, (_, path) in self._parents.items():
            chain = [start]
            while chain[-1] in self._parents:
                chain.append(self._parents[chain[-1]][0])
                if chain[-1] == start:
                    self.error(path, f"topic {start!r} is its own ancestor: {' → '.join(chain)}")
                    break
                if len(chain) > len(self._parents) + 1:
                    break

    # Items -----------------------------------------------------------------

    def _items(self, field: Field, raw: Any, kind: str, path: DocPath) -> Any:
        if not isinstance(raw, list):
            self.error(path, f"`{field.name}` must be a list, not {type_name(raw)}")
            return INVALID
        if len(raw) < field.minimum:
            self.error(path, f"`{field.name}` needs at least {field.minimum} {kind}")
        built = []
        for index, item in enumerate(raw):
            if not isinstance(item, dict):
                self.error(
                    path + (index,),
                    f"each of `{field.name}` must be a mapping with an id, not {type_name(item)}",
                )
                continue
            made = self._item(kind, item, path + (index,))
            if made is not None:
                built.append(made)
        return built

    def _item(self, kind: str, mapping: dict[str, Any], path: DocPath) -> Any:
        values = self._fields(kind, mapping, path)
        item_id = values.get("id")
        if isinstance(item_id, str):
            if item_id in self._ids:
                other_kind, other_path = self._ids[item_id]
                self.error(
                    path + ("id",),
                    f"id {item_id!r} is used twice: it already names "
                    f"{a(other_kind)} ({_where(other_path)})",
                )
            else:
                self._ids[item_id] = (kind, path)
        if INVALID in values.values():
            return None
        return _BUILDERS[kind](self, values, path)

    def _source(self, values: dict[str, Any], path: DocPath) -> Source | None:
        try:
            resolved, text, sha = self.sources.load(values["file"])
        except SourceError as error:
            self.error(path + ("file",), f"source {values['id']!r}: {error}")
            return None
        if values.get("sha256") and values["sha256"] != sha:
            self.error(
                path + ("sha256",),
                f"source {values['id']!r}: the file's SHA-256 is {sha}, not the one given",
            )
        self.source_digests[str(resolved)] = sha
        plain = printable(text)
        for char in () if plain or not self.wants_warnings else find_unsafe(text, limit=5):
            self.source_warnings.append(
                Problem(
                    str(resolved),
                    char.line,
                    char.column,
                    f"contains {char.name}, a control or invisible character (source "
                    f"{values['id']!r}); it is shown as a placeholder",
                    "warning",
                )
            )
        paragraphs = split_paragraphs(text)
        self._source_texts[values["id"]] = SourceText(paragraphs, printable=plain)
        fields = {k: v for k, v in values.items() if k not in ("inferred", "author")}
        return Source(
            path=resolved,
            paragraphs=paragraphs,
            inferred=values.get("inferred") or (),
            authors=values.get("author") or (),
            **fields,
        )

    def _excerpt(self, values: dict[str, Any], path: DocPath) -> Excerpt | None:
        text = self._source_texts.get(values["source"])
        if text is None:
            return None  # an unknown source is reported with the references
        quote, prefix, suffix = values["quote"], values.get("prefix"), values.get("suffix")
        found = text.find(quote, prefix, suffix, limit=2 if self.wants_warnings else 1)
        if not found:
            if (prefix or suffix) and text.locate(quote) is not None:
                self.error(path + ("quote",), self._not_surrounded(values))
            else:
                self.error(path + ("quote",), self._not_found(values, text))
            return None
        if len(found) > 1:
            self._warn_ambiguous(values, text, path)
        return Excerpt(spans=found[0], **values)

    def _not_surrounded(self, values: dict[str, Any]) -> str:
        given = " and ".join(f"`{k}`" for k in ("prefix", "suffix") if values.get(k))
        return (
            f"the quote of excerpt {values['id']!r} occurs in source {values['source']!r}, "
            f"but never with the {given} given around it"
        )

    def _warn_ambiguous(self, values: dict[str, Any], text: SourceText, path: DocPath) -> None:
        every = text.find(values["quote"], values.get("prefix"), values.get("suffix"), limit=10)
        where = ", ".join(f"¶{spans[0].paragraph}" for spans in every)
        more = " and more" if len(every) == 10 else ""
        self.warn(
            path + ("quote",),
            f"the quote of excerpt {values['id']!r} occurs {len(every)}{more} times in source "
            f"{values['source']!r} ({where}{more}), so its ¶ locator is ambiguous: add `prefix` "
            "or `suffix` (the words just before or after it) to say which",
        )

    def _not_found(self, values: dict[str, Any], text: SourceText) -> str:
        message = (
            f"the quote of excerpt {values['id']!r} does not occur in source {values['source']!r}"
        )
        if "..." in values["quote"] and ELLIPSIS not in values["quote"]:
            message += "; to leave text out write ` … ` (space, U+2026, space), not `...`"
        message += _near_miss(values["quote"], text)
        best = text.closest(values["quote"])
        if best is not None and best.score >= 50:
            passage = one_line(best.passage)
            passage = passage if len(passage) <= 160 else passage[:157] + "…"
            message += f"; closest passage, ¶{best.paragraph}: “{passage}”"
        return message

    def _topic(self, values: dict[str, Any], path: DocPath) -> Topic:
        if values.get("parent"):
            self._parents[values["id"]] = (values["parent"], path + ("parent",))
        return Topic(**values)

    def _dispute(self, values: dict[str, Any], path: DocPath) -> Dispute:
        return Dispute(**values)

    def _positions(self, field: Field, raw: Any, path: DocPath) -> Any:
        if not isinstance(raw, list):
            self.error(path, f"`positions` must be a list, not {type_name(raw)}")
            return INVALID
        if len(raw) < field.minimum:
            self.error(path, f"a dispute needs at least {field.minimum} positions")
        positions = []
        for index, item in enumerate(raw):
            if not isinstance(item, dict):
                self.error(
                    path + (index,), "each position is a mapping with `claim` and `excerpts`"
                )
                return INVALID
            values = self._fields("position", item, path + (index,))
            if INVALID in values.values():
                return INVALID
            positions.append(Position(**values))
        return tuple(positions)


_FOLD_MARKS = str.maketrans(
    {"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "–": "-", "—": "-"}
)


def _near_miss(quote: str, text: SourceText) -> str:
    """A hint when the quote occurs once quotation marks, dashes or case are ignored."""
    loose = normalise(quote).translate(_FOLD_MARKS).split(ELLIPSIS)[0]
    source = text.joined.translate(_FOLD_MARKS)
    if loose in source:
        return (
            "; it differs from the source only in quotation marks, apostrophes or dashes "
            "(copy them exactly: curly or straight, hyphen or dash)"
        )
    if loose.casefold() in source.casefold():
        return "; it differs from the source only in upper and lower case"
    return ""


def _named(mapping: dict[str, Any]) -> str:
    item_id = mapping.get("id")
    return f" ({item_id})" if isinstance(item_id, str) else ""


def _where(path: DocPath) -> str:
    return f"{path[0]}[{path[1]}]" if len(path) >= 2 else "above"


Reader = Callable[["Validator", Field, Any, DocPath], Any]


def _reader(field: Field) -> Reader:
    """The function that reads and checks a value of this field's type."""
    kind, _, target = field.type.partition(":")
    if kind in _READERS:
        return _READERS[kind]
    if kind == "ref":
        return lambda v, f, raw, path: v._ref(raw, target, path)
    if kind == "refs":
        return lambda v, f, raw, path: v._refs_list(f, raw, target, path)
    if kind == "items":
        return lambda v, f, raw, path: v._items(f, raw, target, path)
    raise AssertionError(f"unknown field type {field.type}")


@functools.cache
def _plan(kind: str) -> tuple[dict[str, None], tuple[tuple[str, Field, Reader], ...]]:
    """A kind's key names and each field with its reader, worked out once (the hot path)."""
    fields = FIELDS[kind]
    prose = PROSE_FIELDS.get(kind, ())
    readers = tuple(
        (f.name, f, Validator._prose if f.name in prose else _reader(f)) for f in fields
    )
    return dict.fromkeys(f.name for f in fields), readers


def _build(cls: type[Any]) -> Callable[[Validator, dict[str, Any], DocPath], Any]:
    return lambda validator, values, path: cls(**values)


_ITEM_LISTS = ("sources", "topics", "events", "excerpts", "figures", "disputes", "entities")

_READERS: dict[str, Reader] = {
    "slug": Validator._slug,
    "text": Validator._text,
    "line": Validator._line,
    "date": Validator._date,
    "number": Validator._number,
    "format": Validator._format,
    "url": Validator._url,
    "sha256": Validator._sha256,
    "file": Validator._text,
    "entity-kind": Validator._entity_kind,
    "dispute-kind": Validator._dispute_kind,
    "names": Validator._names,
    "texts": Validator._texts,
    "source-keys": Validator._source_keys,
    "positions": Validator._positions,
}

_BUILDERS: dict[str, Callable[[Validator, dict[str, Any], DocPath], Any]] = {
    "source": Validator._source,
    "excerpt": Validator._excerpt,
    "topic": Validator._topic,
    "dispute": Validator._dispute,
    "event": _build(Event),
    "figure": _build(Figure),
    "entity": lambda v, values, path: Entity(**{"kind": "other", **values}),
}
