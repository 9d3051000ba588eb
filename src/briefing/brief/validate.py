"""Check plain brief data against the format and build the model, collecting every issue.

Issues carry a path into the document, such as ("excerpts", 3, "quote"); the loader turns
paths into lines and columns only when there are issues to report.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, TypeVar

from briefing.brief.dates import DateError, parse_date
from briefing.brief.model import (
    ENTITY_KINDS,
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
from briefing.brief.sources import ELLIPSIS, SourceError, SourceText, normalise, split_paragraphs
from briefing.brief.spec import FIELDS, FORMAT, SHA256_PATTERN, SLUG_PATTERN, SOURCE_KEYS, Field
from briefing.sanitize import find_unsafe, one_line

DocPath = tuple[str | int, ...]
_SLUG = re.compile(SLUG_PATTERN)
_SHA256 = re.compile(SHA256_PATTERN)
_Shareable = TypeVar("_Shareable", str, tuple[str, ...])
_INVALID = object()
MAX_TEXT = 200_000


class SourceFiles(Protocol):
    """Reads a source file named in a brief: (resolved path, text, sha256)."""

    def load(self, file: str) -> tuple[Path, str, str]: ...


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem at a path in the document (at its key rather than its value when at_key)."""

    path: DocPath
    message: str
    at_key: bool = False


def _closest(word: str, choices: list[str]) -> str:
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.75)
    return f" (did you mean `{found[0]}`?)" if found else ""


def _type_name(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return "text" if isinstance(value, str) else "nothing"


class Validator:
    """Checks one brief's data and builds its model; issues collect in `errors`."""

    def __init__(self, brief_path: Path, sources: SourceFiles) -> None:
        self.brief_path = brief_path
        self.sources = sources
        self.errors: list[Issue] = []
        self.source_warnings: list[Problem] = []
        self.source_digests: dict[str, str] = {}
        self._ids: dict[str, tuple[str, DocPath]] = {}
        self._refs: list[tuple[DocPath, str, str]] = []
        self._source_texts: dict[str, SourceText] = {}
        self._parents: dict[str, tuple[str, DocPath]] = {}
        self._common: dict[object, object] = {}

    def error(self, path: DocPath, message: str, *, at_key: bool = False) -> None:
        """Record an issue at path."""
        self.errors.append(Issue(path, message, at_key))

    def run(self, data: object) -> Brief | None:
        """Check the whole document; the brief when it is valid, else None."""
        if data is None:
            self.error((), "the document is empty; a brief starts with `format: briefing/1`")
            return None
        if not isinstance(data, dict):
            self.error(
                (), f"a brief is a mapping of keys (format, id, title, ...), not {_type_name(data)}"
            )
            return None
        values = self._fields("brief", data, ())
        self._check_references()
        self._check_topic_cycles()
        if self.errors or _INVALID in values.values():
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
        names, plan = _plan(kind)
        for key in mapping:
            if key not in names and not key.startswith("x-"):
                self.error(
                    path + (key,),
                    f"unknown key `{key}` in {_a(kind)}{_closest(key, list(names))}",
                    at_key=True,
                )
        values: dict[str, Any] = {}
        for field, reader in plan:
            raw = mapping.get(field.name)
            if raw is None:
                if field.required:
                    self.error(
                        path,
                        f"{_a(kind)}{_named(mapping)} has no `{field.name}`, which is required",
                    )
                    values[field.name] = _INVALID
                continue
            values[field.name] = reader(self, field, raw, path + (field.name,))
        return values

    def _read(self, field: Field, raw: Any, path: DocPath) -> Any:
        return _reader(field)(self, field, raw, path)

    def _text(self, field: Field, raw: Any, path: DocPath) -> Any:
        if not isinstance(raw, str):
            self.error(path, f"`{field.name}` must be text, not {_type_name(raw)}")
            return _INVALID
        text = raw.strip()
        if not text:
            if field.required:
                self.error(path, f"`{field.name}` is empty")
                return _INVALID
            return None
        if len(text) > MAX_TEXT:
            self.error(
                path,
                f"`{field.name}` is {len(text):,} characters long; "
                f"at most {MAX_TEXT:,} are allowed",
            )
            return _INVALID
        return text

    def _line(self, field: Field, raw: Any, path: DocPath) -> Any:
        text = self._text(field, raw, path)
        if isinstance(text, str) and "\n" in text:
            self.error(path, f"`{field.name}` must be one line")
            return _INVALID
        return text

    def _slug(self, field: Field, raw: Any, path: DocPath) -> Any:
        text = self._text(field, raw, path)
        if isinstance(text, str) and not _SLUG.fullmatch(text):
            self.error(
                path,
                f"{text!r} is not a valid id: use lowercase letters, digits and "
                "hyphens, starting with a letter or digit",
            )
            return _INVALID
        return self._shared(text) if isinstance(text, str) else text

    def _date(self, field: Field, raw: Any, path: DocPath) -> Any:
        text = self._text(field, raw, path)
        if not isinstance(text, str):
            return text
        try:
            return parse_date(text)
        except DateError as error:
            self.error(path, f"`{field.name}`: {error}")
            return _INVALID

    def _number(self, field: Field, raw: Any, path: DocPath) -> Any:
        text = self._text(field, raw, path)
        if not isinstance(text, str):
            return text
        try:
            number = int(text) if re.fullmatch(r"[-+]?\d+", text) else float(text)
        except ValueError:
            number = math.nan
        if isinstance(number, float) and not math.isfinite(number):
            self.error(path, f"`{field.name}` must be a number such as 12.5, not {text!r}")
            return _INVALID
        return number

    def _format(self, field: Field, raw: Any, path: DocPath) -> Any:
        text = self._text(field, raw, path)
        if isinstance(text, str) and text != FORMAT:
            other = text.startswith("briefing/")
            self.error(
                path,
                f"this reader understands `{FORMAT}`, not {text!r}"
                if other
                else f"`format` must be `{FORMAT}`, not {text!r}",
            )
            return _INVALID
        return text

    def _url(self, field: Field, raw: Any, path: DocPath) -> Any:
        text = self._text(field, raw, path)
        if isinstance(text, str) and not re.fullmatch(r"https?://\S+", text):
            self.error(
                path, f"`url` must be a web address starting with http:// or https://, not {text!r}"
            )
            return _INVALID
        return text

    def _sha256(self, field: Field, raw: Any, path: DocPath) -> Any:
        text = self._text(field, raw, path)
        if isinstance(text, str) and not _SHA256.fullmatch(text.lower()):
            self.error(path, "`sha256` must be 64 hexadecimal digits")
            return _INVALID
        return text.lower() if isinstance(text, str) else text

    def _entity_kind(self, field: Field, raw: Any, path: DocPath) -> Any:
        text = self._text(field, raw, path)
        if isinstance(text, str) and text not in ENTITY_KINDS:
            self.error(
                path,
                f"entity kind {text!r} is not one of {', '.join(ENTITY_KINDS)}"
                f"{_closest(text, list(ENTITY_KINDS))}",
            )
            return _INVALID
        return text

    def _texts(self, field: Field, raw: Any, path: DocPath) -> Any:
        if not isinstance(raw, list):
            self.error(path, f"`{field.name}` must be a list, not {_type_name(raw)}")
            return _INVALID
        items = [self._text(field, item, path + (i,)) for i, item in enumerate(raw)]
        return _INVALID if _INVALID in items else tuple(i for i in items if i)

    def _source_keys(self, field: Field, raw: Any, path: DocPath) -> Any:
        keys = self._texts(field, raw, path)
        if keys is _INVALID:
            return keys
        for index, key in enumerate(keys):
            if key not in SOURCE_KEYS:
                self.error(
                    path + (index,),
                    f"`inferred` lists {key!r}, which is not a key of "
                    f"a source{_closest(key, list(SOURCE_KEYS))}",
                )
        return keys

    # References ------------------------------------------------------------

    def _ref(self, raw: Any, kind: str, path: DocPath) -> Any:
        if not isinstance(raw, str) or not raw.strip():
            self.error(path, f"expected the id of {_a(kind)}, not {_type_name(raw)}")
            return _INVALID
        ref = self._shared(raw.strip())
        self._refs.append((path, ref, kind))
        return ref

    def _refs_list(self, field: Field, raw: Any, kind: str, path: DocPath) -> Any:
        if not isinstance(raw, list):
            self.error(path, f"`{field.name}` must be a list of {kind} ids, not {_type_name(raw)}")
            return _INVALID
        if len(raw) < field.minimum:
            self.error(
                path,
                f"`{field.name}` needs at least {field.minimum} {kind} id"
                f"{'s' if field.minimum > 1 else ''}",
            )
        ids = [self._ref(item, kind, path + (i,)) for i, item in enumerate(raw)]
        return _INVALID if _INVALID in ids else self._shared(tuple(ids))

    def _shared(self, value: _Shareable) -> _Shareable:
        """One object for equal ids and id lists: a large brief repeats the same few
        (`[t-ports]` thousands of times), and the cache then stores and loads each once."""
        return self._common.setdefault(value, value)  # type: ignore[return-value]

    def _check_references(self) -> None:
        for path, ref, wanted in self._refs:
            found = self._ids.get(ref)
            if found is None:
                same_kind = [i for i, (k, _) in self._ids.items() if k == wanted]
                self.error(path, f"no {wanted} has the id {ref!r}{_closest(ref, same_kind)}")
            elif found[0] != wanted:
                self.error(path, f"{ref!r} is {_a(found[0])}, not {_a(wanted)}")

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
            self.error(path, f"`{field.name}` must be a list, not {_type_name(raw)}")
            return _INVALID
        if len(raw) < field.minimum:
            self.error(path, f"`{field.name}` needs at least {field.minimum} {kind}")
        built = []
        for index, item in enumerate(raw):
            if not isinstance(item, dict):
                self.error(
                    path + (index,),
                    f"each of `{field.name}` must be a mapping with an id, not {_type_name(item)}",
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
                    f"{_a(other_kind)} ({_where(other_path)})",
                )
            else:
                self._ids[item_id] = (kind, path)
        if _INVALID in values.values():
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
        for char in find_unsafe(text, limit=5):
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
        self._source_texts[values["id"]] = SourceText(paragraphs)
        fields = {k: v for k, v in values.items() if k != "inferred"}
        return Source(
            path=resolved, paragraphs=paragraphs, inferred=values.get("inferred") or (), **fields
        )

    def _excerpt(self, values: dict[str, Any], path: DocPath) -> Excerpt | None:
        text = self._source_texts.get(values["source"])
        if text is None:
            return None  # an unknown source is reported with the references
        spans = text.locate(values["quote"])
        if spans is None:
            self.error(path + ("quote",), self._not_found(values, text))
            return None
        return Excerpt(spans=spans, **values)

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
            self.error(path, f"`positions` must be a list, not {_type_name(raw)}")
            return _INVALID
        if len(raw) < field.minimum:
            self.error(path, f"a dispute needs at least {field.minimum} positions")
        positions = []
        for index, item in enumerate(raw):
            if not isinstance(item, dict):
                self.error(
                    path + (index,), "each position is a mapping with `claim` and `excerpts`"
                )
                return _INVALID
            values = self._fields("position", item, path + (index,))
            if _INVALID in values.values():
                return _INVALID
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


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


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
def _plan(kind: str) -> tuple[dict[str, None], tuple[tuple[Field, Reader], ...]]:
    """A kind's key names and each field with its reader, worked out once (the hot path)."""
    fields = FIELDS[kind]
    return dict.fromkeys(f.name for f in fields), tuple((f, _reader(f)) for f in fields)


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
