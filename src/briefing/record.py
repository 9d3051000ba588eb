"""`record`: a frozen dataclass that costs less to define.

Python 3.11's `dataclass` writes each method it adds as source text and compiles it when
the class is defined: six methods for a frozen class with equality. The reader defines
some thirty such classes before its first frame, and compiling their methods took a
tenth of the time our code adds to a bare Textual app's start. A record is a frozen
dataclass (with slots, unless asked otherwise) whose `__eq__`, `__hash__` and `__repr__`
are the generic ones below, compiled once with this module. They behave as dataclass's
own: equal when of the same class with equal compared fields, hashed by those fields,
shown as `Name(field=value, ...)`. A class that writes one of them keeps its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, slots: bool = True) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True)
def record(cls: type[T] | None = None, /, *, slots: bool = True) -> Any:
    """`@record` or `@record(slots=False)` (for a class that needs a `__dict__`, such as
    one with cached properties)."""

    def make(cls: type[T]) -> type[T]:
        for name, method in (("__eq__", _eq), ("__hash__", _hash), ("__repr__", _repr)):
            if name not in cls.__dict__:
                setattr(cls, name, method)
        return dataclass(frozen=True, slots=slots, eq=False, repr=False)(cls)

    return make if cls is None else make(cls)


_compared: dict[type, tuple[str, ...]] = {}  # each record class's compared fields
_shown: dict[type, tuple[str, ...]] = {}  # and those its repr shows


def _values(item: Any) -> tuple[Any, ...]:
    cls = type(item)
    names = _compared.get(cls)
    if names is None:
        names = _compared[cls] = tuple(f.name for f in fields(item) if f.compare)
    return tuple(getattr(item, name) for name in names)


def _eq(self: Any, other: object) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented  # type: ignore[no-any-return]  # as dataclass's __eq__
    return _values(self) == _values(other)


def _hash(self: Any) -> int:
    return hash(_values(self))


def _repr(self: Any) -> str:
    cls = type(self)
    names = _shown.get(cls)
    if names is None:
        names = _shown[cls] = tuple(f.name for f in fields(self) if f.repr)
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
    return f"{cls.__qualname__}({shown})"
