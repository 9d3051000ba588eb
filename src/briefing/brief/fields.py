"""Reading each type of field in a brief: text, dates, numbers, ids and references.

`FieldReaders` checks one value at a time and records what is wrong as an `Issue` at its
path in the document; the `Validator` (briefing.brief.validate) builds items from them.
"""

from __future__ import annotations

import difflib
import math
import re
from typing import Any, TypeVar

from briefing.brief import claims
from briefing.brief.dates import DateError, parse_date
from briefing.brief.model import ENTITY_KINDS
from briefing.brief.slug import SLUG_PATTERN
from briefing.brief.spec import (
    DISPUTE_KINDS,
    FORMATS,
    SHA256_PATTERN,
    SOURCE_KEYS,
    Field,
)
from briefing.record import record

DocPath = tuple[str | int, ...]
_SLUG = re.compile(SLUG_PATTERN)
_SHA256 = re.compile(SHA256_PATTERN)
_Shareable = TypeVar("_Shareable", str, tuple[str, ...])
INVALID = object()
"""What a reader returns for a value it reported as wrong."""
MAX_TEXT = 200_000


def quoted(text: str, limit: int = 60) -> str:
    """A value quoted for a message, cut to `limit` characters so a huge one stays
    readable: `'99999…' (5,000 characters)`."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… ({len(text):,} characters)"


@record
class Issue:
    """A problem at a path in the document (at its key rather than its value when at_key).

    `needle`, when given, is text inside the value that the problem is about (a citation
    marker in a summary), so the report can point at it rather than at the value's start.
    """

    path: DocPath
    message: str
    at_key: bool = False
    needle: str | None = None


def closest(word: str, choices: list[str]) -> str:
    """` (did you mean `x`?)` for the choice nearest to word, or nothing."""
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.75)
    return f" (did you mean `{found[0]}`?)" if found else ""


def type_name(value: object) -> str:
    """How a message names the type of a value read from YAML."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return "text" if isinstance(value, str) else "nothing"


def a(kind: str) -> str:
    """`an excerpt`, `a topic`."""
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _looks_like_several(name: str) -> bool:
    """`Ana Lúcio, Jai Verma`, `A and B`, `A; B` (but not `Verma, Jai Kumar`)."""
    if ";" in name or " & " in name or re.search(r"\band\b", name):
        return True
    parts = [p.split() for p in name.split(",")]
    return len(parts) > 1 and sum(len(p) >= 2 for p in parts) >= 2


class FieldReaders:
    """The readers for each field type; subclasses add items and references."""

    def __init__(self) -> None:
        self.errors: list[Issue] = []
        self.warnings: list[Issue] = []
        # References to check once every id is known: (path, id, kind, needle) for one,
        # (path, ids, kind) for a list of them.
        self._refs: list[tuple[DocPath, str, str, str | None]] = []
        self._ref_lists: list[tuple[DocPath, tuple[str, ...], str]] = []
        self._common: dict[object, object] = {}

    def error(
        self, path: DocPath, message: str, *, at_key: bool = False, needle: str | None = None
    ) -> None:
        """Record a problem at path."""
        self.errors.append(Issue(path, message, at_key, needle))

    def warn(self, path: DocPath, message: str) -> None:
        """Record something worth knowing at path that does not stop the brief."""
        self.warnings.append(Issue(path, message))

    def _text(self, field: Field, raw: Any, path: DocPath) -> Any:
        if not isinstance(raw, str):
            self.error(path, f"`{field.name}` must be text, not {type_name(raw)}")
            return INVALID
        text = raw.strip()
        if not text:
            if field.required:
                self.error(path, f"`{field.name}` is empty")
                return INVALID
            return None
        if len(text) > MAX_TEXT:
            self.error(
                path,
                f"`{field.name}` is {len(text):,} characters long; "
                f"at most {MAX_TEXT:,} are allowed",
            )
            return INVALID
        return text

    def _line(self, field: Field, raw: Any, path: DocPath) -> Any:
        text = self._text(field, raw, path)
        if isinstance(text, str) and "\n" in text:
            self.error(path, f"`{field.name}` must be one line")
            return INVALID
        return text

    def _slug(self, field: Field, raw: Any, path: DocPath) -> Any:
        text = self._text(field, raw, path)
        if isinstance(text, str) and not _SLUG.fullmatch(text):
            self.error(
                path,
                f"{text!r} is not a valid id: use lowercase letters, digits and "
                "hyphens, starting with a letter or digit",
            )
            return INVALID
        return self._shared(text) if isinstance(text, str) else text

    def _date(self, field: Field, raw: Any, path: DocPath) -> Any:
        text = self._text(field, raw, path)
        if not isinstance(text, str):
            return text
        try:
            return parse_date(text)
        except DateError as error:
            self.error(path, f"`{field.name}`: {error}")
            return INVALID

    def _number(self, field: Field, raw: Any, path: DocPath) -> Any:
        text = self._text(field, raw, path)
        if not isinstance(text, str):
            return text
        try:  # ASCII only: float() and int() would take ١٢ or １２ for 12
            magnitude = float(text) if text.isascii() else math.nan
        except ValueError:
            magnitude = math.nan
        if not math.isfinite(magnitude):  # also refuses an integer beyond any float
            self.error(path, f"`{field.name}` must be a number such as 12.5, not {quoted(text)}")
            return INVALID
        return int(text) if re.fullmatch(r"[-+]?[0-9_]+", text) else magnitude

    def _format(self, field: Field, raw: Any, path: DocPath) -> Any:
        text = self._text(field, raw, path)
        if isinstance(text, str) and text not in FORMATS:
            known = " or ".join(f"`{f}`" for f in FORMATS)
            self.error(
                path,
                f"this reader understands {known}, not {text!r}"
                if text.startswith("briefing/")
                else f"`format` must be {known}, not {text!r}",
            )
            return INVALID
        return text

    def _url(self, field: Field, raw: Any, path: DocPath) -> Any:
        text = self._text(field, raw, path)
        if isinstance(text, str) and not re.fullmatch(r"https?://\S+", text):
            self.error(
                path, f"`url` must be a web address starting with http:// or https://, not {text!r}"
            )
            return INVALID
        return text

    def _sha256(self, field: Field, raw: Any, path: DocPath) -> Any:
        text = self._text(field, raw, path)
        if isinstance(text, str) and not _SHA256.fullmatch(text.lower()):
            self.error(path, "`sha256` must be 64 hexadecimal digits")
            return INVALID
        return text.lower() if isinstance(text, str) else text

    def _entity_kind(self, field: Field, raw: Any, path: DocPath) -> Any:
        return self._choice(field, raw, path, "entity kind", ENTITY_KINDS)

    def _texts(self, field: Field, raw: Any, path: DocPath) -> Any:
        if not isinstance(raw, list):
            self.error(path, f"`{field.name}` must be a list, not {type_name(raw)}")
            return INVALID
        items = [self._text(field, item, path + (i,)) for i, item in enumerate(raw)]
        return INVALID if INVALID in items else tuple(i for i in items if i)

    def _source_keys(self, field: Field, raw: Any, path: DocPath) -> Any:
        keys = self._texts(field, raw, path)
        if keys is INVALID:
            return keys
        for index, key in enumerate(keys):
            if key not in SOURCE_KEYS:
                self.error(
                    path + (index,),
                    f"`inferred` lists {key!r}, which is not a key of "
                    f"a source{closest(key, list(SOURCE_KEYS))}",
                )
        return keys

    def _ref(self, raw: Any, kind: str, path: DocPath) -> Any:
        ref = self._id(raw, kind, path)
        if ref is not INVALID:
            self._refs.append((path, ref, kind, None))
        return ref

    def _refs_list(self, field: Field, raw: Any, kind: str, path: DocPath) -> Any:
        if not isinstance(raw, list):
            self.error(path, f"`{field.name}` must be a list of {kind} ids, not {type_name(raw)}")
            return INVALID
        if len(raw) < field.minimum:
            self.error(
                path,
                f"`{field.name}` needs at least {field.minimum} {kind} id"
                f"{'s' if field.minimum > 1 else ''}",
            )
        ids = tuple([self._id(item, kind, path + (i,)) for i, item in enumerate(raw)])
        if INVALID in ids:
            return INVALID
        self._ref_lists.append((path, ids, kind))
        return self._shared(ids)

    def _id(self, raw: Any, kind: str, path: DocPath) -> Any:
        """The id of an item of that kind, as a reference to it (checked once every id is
        known, by the validator)."""
        ref = raw.strip() if isinstance(raw, str) else ""
        if not ref:
            self.error(path, f"expected the id of {a(kind)}, not {type_name(raw)}")
            return INVALID
        return self._common.setdefault(ref, ref)

    def _shared(self, value: _Shareable) -> _Shareable:
        """One object for equal ids and id lists: a large brief repeats the same few
        (`[t-ports]` thousands of times), and the cache then stores and loads each once."""
        return self._common.setdefault(value, value)  # type: ignore[return-value]

    def _dispute_kind(self, field: Field, raw: Any, path: DocPath) -> Any:
        return self._choice(field, raw, path, "dispute kind", DISPUTE_KINDS)

    def _choice(
        self, field: Field, raw: Any, path: DocPath, what: str, choices: tuple[str, ...]
    ) -> Any:
        """A text that must be one of a fixed set of words."""
        text = self._text(field, raw, path)
        if isinstance(text, str) and text not in choices:
            self.error(
                path,
                f"{what} {text!r} is not one of {', '.join(choices)}{closest(text, list(choices))}",
            )
            return INVALID
        return text

    def _names(self, field: Field, raw: Any, path: DocPath) -> Any:
        """One name as text, or a list of names; a text that looks like several is warned of."""
        if isinstance(raw, list):
            return self._texts(field, raw, path)
        name = self._line(field, raw, path)
        if isinstance(name, str):
            if _looks_like_several(name):
                self.warn(
                    path,
                    f"`{field.name}` {name!r} looks like several names; a text is one name, "
                    "so write a list to cite each: `author: [First Person, Second Person]`",
                )
            return (name,)
        return name

    def _prose(self, field: Field, raw: Any, path: DocPath) -> Any:
        """Text that may cite excerpts inline: `… to 2030 [@q-roadmap].`"""
        text = self._text(field, raw, path)
        if isinstance(text, str) and "[" in text:
            for written in claims.malformed(text):
                self.error(
                    path,
                    f"{written!r} is not a citation: write `[@excerpt-id]` or "
                    "`[@first-id; @second-id]`",
                    needle=written,
                )
            for citation in claims.citations(text):
                for excerpt_id in citation.ids:
                    self._refs.append((path, self._shared(excerpt_id), "excerpt", "@" + excerpt_id))
        return text
