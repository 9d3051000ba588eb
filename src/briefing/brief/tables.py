"""Frozen dataclasses to plain JSON tables and back, generically and without running code.

The cache stores a checked brief as data only: decoding builds nothing but the model's
own classes, chosen by this module from the type hints, never by the data. Every
dataclass and every `tuple[X, ...]` reachable from the root gets a table; a field holding
one stores an index into that table, so an object repeated across the brief (a date, a
topic list `[t-ports]` cited thousands of times) is stored and rebuilt once, as the
loader shares it. A dataclass table is stored by columns, one list per field, so that
each column is checked and converted by C loops (`map`, `set`, `min`) rather than one
Python step per value.

Types are read from `dataclasses.fields` and the type hints, so a field added to the
model is stored without a change here. A type this module does not know raises
`Unsupported` when the codec is made; `schema` names every table and field with its type,
so an entry written for another shape of the model never decodes as this one.
"""

from __future__ import annotations

import dataclasses
import itertools
import types
import typing
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from briefing.record import record

JSON = Any
"""A value json.loads returns (or json.dumps takes)."""


class Unsupported(TypeError):
    """A field's type that the codec cannot store as plain data."""


class Damaged(ValueError):
    """Tables that do not hold what the codec wrote: a damaged or foreign entry."""


_ATOMS: dict[object, frozenset[type]] = {
    str: frozenset({str}),
    int: frozenset({int}),
    float: frozenset({int, float}),
    bool: frozenset({bool}),
    type(None): frozenset({type(None)}),
}


@record(slots=False)
class _Kind:
    """How one field type is stored: inline (`atoms`) or as an index into `table`."""

    name: str
    atoms: frozenset[type] = frozenset()
    literals: frozenset[object] | None = None
    path: bool = False
    table: str | None = None
    optional: bool = False


class Codec:
    """Encodes a root dataclass (and everything it holds) as tables, and decodes them.

    `derived` names fields, per class, that are not stored: the caller supplies their
    column when decoding (the cache splits a source's paragraphs again from its file).
    """

    def __init__(self, root: type[Any], derived: dict[type[Any], tuple[str, ...]]) -> None:
        self.root = root
        self.derived = {cls.__name__: names for cls, names in derived.items()}
        self.classes: dict[str, type[Any]] = {}
        self.fields: dict[str, list[tuple[str, _Kind]]] = {}
        self.tuples: dict[str, _Kind] = {}
        self.order: list[str] = []  # tables, each after the tables it refers to
        self._visit_class(root, ())

    # Reading the types ----------------------------------------------------------

    def _visit_class(self, cls: type[Any], seen: tuple[str, ...]) -> str:
        name = cls.__name__
        if name in seen:
            raise Unsupported(f"{name} refers to itself")
        if name in self.classes:
            if self.classes[name] is not cls:
                raise Unsupported(f"two classes are named {name}")
            return name
        hints = typing.get_type_hints(cls)
        stored = []
        for field in dataclasses.fields(cls):
            if field.name in self.derived.get(name, ()):
                continue
            stored.append((field.name, self._kind(hints[field.name], (*seen, name))))
        self.classes[name] = cls
        self.fields[name] = stored
        self.order.append(name)
        return name

    def _kind(self, hint: object, seen: tuple[str, ...]) -> _Kind:
        optional = False
        if typing.get_origin(hint) in (typing.Union, types.UnionType):
            members = [m for m in typing.get_args(hint) if m is not type(None)]
            optional = len(members) < len(typing.get_args(hint))
            if len(members) != 1:
                return self._atoms(members, optional)
            hint = members[0]
        kind = self._plain_kind(hint, seen)
        if optional:
            atoms = kind.atoms | {type(None)} if kind.atoms else frozenset()
            literals = None if kind.literals is None else kind.literals | {None}
            return dataclasses.replace(
                kind, name=f"{kind.name} | None", atoms=atoms, literals=literals, optional=True
            )
        return kind

    def _atoms(self, members: list[object], optional: bool) -> _Kind:
        if not all(m in _ATOMS for m in members):
            raise Unsupported(f"a union of {members}")
        atoms = frozenset().union(*(_ATOMS[m] for m in members))
        if optional:
            atoms |= {type(None)}
        return _Kind(" | ".join(sorted(t.__name__ for t in atoms)), atoms=atoms)

    def _plain_kind(self, hint: object, seen: tuple[str, ...]) -> _Kind:
        if hint in _ATOMS:
            return _Kind(getattr(hint, "__name__", "None"), atoms=_ATOMS[hint])
        if hint is Path:
            return _Kind("Path", atoms=_ATOMS[str], path=True)
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin is typing.Literal and all(type(a) in (str, int, bool) for a in args):
            atoms = frozenset(type(a) for a in args)
            return _Kind(f"Literal{sorted(map(repr, args))}", atoms=atoms, literals=frozenset(args))
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
            element = self._kind(args[0], seen)
            name = f"tuple[{element.name}, ...]"
            self.tuples.setdefault(name, element)
            if name not in self.order:
                self.order.append(name)
            return _Kind(name, table=name)
        if isinstance(hint, type) and dataclasses.is_dataclass(hint):
            return _Kind(hint.__name__, table=self._visit_class(hint, seen))
        raise Unsupported(f"cannot store a field of type {hint!r}")

    @property
    def schema(self) -> str:
        """Every table with its fields and their types: equal only for the same model."""
        lines = [
            f"{n}: " + ", ".join(f"{f} {k.name}" for f, k in self.fields[n]) for n in self.fields
        ]
        lines.extend(f"{n}: {k.name}" for n, k in self.tuples.items())
        return "\n".join(lines)

    # Encoding ------------------------------------------------------------------------

    def encode(self, root: object) -> dict[str, JSON]:
        """The tables holding root, ready for json.dumps; row 0 of the root's table is root."""
        rows: dict[str, dict[object, int]] = {name: {} for name in self.order}
        encoded: dict[str, list[JSON]] = {name: [] for name in self.order}

        def store(table: str, value: object) -> int:
            known = rows[table]
            number = known.get(value)
            if number is None:
                number = known[value] = len(known)
                encoded[table].append(None)  # reserve the row; fill it after its parts
                encoded[table][number] = encode_row(table, value)
            return number

        def encode_value(kind: _Kind, value: object) -> JSON:
            if value is None and kind.optional:
                return None if kind.table is None else -1
            if kind.table is not None:
                return store(kind.table, value)
            return str(value) if kind.path else value

        def encode_row(table: str, value: Any) -> JSON:
            if table in self.tuples:
                element = self.tuples[table]
                return [encode_value(element, v) for v in value]
            return [encode_value(k, getattr(value, f)) for f, k in self.fields[table]]

        store(self.root.__name__, root)
        return {name: self._columns(name, encoded[name]) for name in self.order}

    def _columns(self, table: str, rows: list[JSON]) -> JSON:
        if table in self.tuples:
            return rows
        names = [f for f, _ in self.fields[table]]
        columns = [list(c) for c in zip(*rows, strict=True)] if rows else [[] for _ in names]
        return dict(zip(names, columns, strict=True))

    # Decoding ------------------------------------------------------------------------

    def decode(self, tables: JSON, supplied: dict[str, dict[str, list[Any]]]) -> Any:
        """The root object the tables hold; raise Damaged when they hold anything else.

        `supplied[class][field]` is the column of each derived field, one value a row.
        """
        if not isinstance(tables, dict) or tables.keys() != set(self.order):
            raise Damaged("not this model's tables")
        built: dict[str, list[Any]] = {}
        for name in self.order:
            if name in self.tuples:
                built[name] = self._decode_tuples(name, tables[name], built)
            else:
                built[name] = self._decode_class(name, tables[name], built, supplied)
        root = built[self.root.__name__]
        if len(root) != 1:
            raise Damaged("the root table must hold one row")
        return root[0]

    def _decode_tuples(self, name: str, rows: JSON, built: dict[str, list[Any]]) -> list[Any]:
        _check_types(rows, frozenset({list}))
        element = self.tuples[name]
        flat = list(itertools.chain.from_iterable(rows))
        convert = self._converter(element, flat, built)
        if convert is None:
            return list(map(tuple, rows))
        return list(map(tuple, map(map, itertools.repeat(convert), rows)))

    def _decode_class(
        self,
        name: str,
        columns: JSON,
        built: dict[str, list[Any]],
        supplied: dict[str, dict[str, list[Any]]],
    ) -> list[Any]:
        stored = self.fields[name]
        extra = supplied.get(name, {})
        if extra.keys() != set(self.derived.get(name, ())):
            raise Damaged(f"{name}: derived fields not supplied")
        if not isinstance(columns, dict) or columns.keys() != {f for f, _ in stored}:
            raise Damaged(f"{name}: not this model's fields")
        values: dict[str, list[Any]] = dict(extra)
        for field, kind in stored:
            column = columns[field]
            if type(column) is not list:
                raise Damaged(f"{name}.{field} is not a column")
            convert = self._converter(kind, column, built)
            values[field] = column if convert is None else list(map(convert, column))
        if len({len(c) for c in values.values()}) > 1:
            raise Damaged(f"{name}: columns of different lengths")
        cls = self.classes[name]
        order = [f.name for f in dataclasses.fields(cls)]
        try:
            return _build(cls, [values[f] for f in order])
        except (TypeError, ValueError, KeyError, AttributeError) as error:
            raise Damaged(f"{name}: {error}") from None

    def _converter(
        self, kind: _Kind, values: list[Any], built: dict[str, list[Any]]
    ) -> Callable[[Any], Any] | None:
        """Check every value of a column for this kind; how to convert one, if needed."""
        if kind.table is None:
            _check_types(values, kind.atoms)
            if kind.literals is not None and not set(values) <= kind.literals:
                raise Damaged(f"a value outside {kind.name}")
            return _path if kind.path else None
        _check_types(values, frozenset({int, type(None)}) if kind.optional else frozenset({int}))
        rows = built[kind.table]
        numbers = [v for v in values if v is not None] if kind.optional else values
        low = -1 if kind.optional else 0
        if numbers and (min(numbers) < low or max(numbers) >= len(rows)):
            raise Damaged(f"an index outside table {kind.table}")
        if kind.optional:
            # -1 (None) picks the None appended at the end.
            return [*rows, None].__getitem__
        return rows.__getitem__


def _build(cls: type[Any], columns: list[list[Any]]) -> list[Any]:
    """One object of `cls` a row. A frozen dataclass with slots and no `__post_init__` is
    filled slot by slot, one C loop a column, rather than through `__init__`, whose
    `object.__setattr__` per field made 100,000 excerpts take twice as long."""
    fields = dataclasses.fields(cls)
    slots = [cls.__dict__.get(f.name) for f in fields]
    members = [slot for slot in slots if isinstance(slot, types.MemberDescriptorType)]
    if not columns or len(members) != len(fields) or hasattr(cls, "__post_init__"):
        return list(map(cls, *columns))
    made = list(map(object.__new__, itertools.repeat(cls, len(columns[0]))))
    for slot, column in zip(members, columns, strict=True):
        any(map(slot.__set__, made, column))  # each returns None: fills the whole column
    return made


def _path(text: str) -> Path:
    return Path(text)


def _check_types(values: Iterable[Any], allowed: frozenset[type]) -> None:
    if not set(map(type, values)) <= allowed:
        raise Damaged("a value of the wrong type")
