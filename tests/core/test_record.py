"""`record` behaves as a frozen dataclass does: equality, hashing, repr, immutability."""

from __future__ import annotations

import dataclasses
from dataclasses import field

import pytest

from briefing.record import record


@record
class Point:
    x: int
    y: int = 0
    note: str = field(default="", compare=False, repr=False)


@record
class Other:
    x: int
    y: int = 0


@record(slots=False)
class Loose:
    name: str

    def __repr__(self) -> str:
        return f"<{self.name}>"


def test_equal_fields_of_the_same_class_are_equal_and_hash_alike() -> None:
    assert Point(1, 2) == Point(1, 2)
    assert hash(Point(1, 2)) == hash(Point(1, 2))
    assert Point(1, 2) != Point(2, 1)
    assert len({Point(1, 2), Point(1, 2), Point(3)}) == 2


def test_fields_left_out_of_comparison_are_left_out() -> None:
    assert Point(1, 2, note="a") == Point(1, 2, note="b")
    assert hash(Point(1, 2, note="a")) == hash(Point(1, 2, note="b"))


def test_another_class_or_a_tuple_with_the_same_values_is_not_equal() -> None:
    assert Point(1, 2) != Other(1, 2)
    assert Point(1, 2) != (1, 2)


def test_repr_shows_the_shown_fields_and_a_class_keeps_its_own() -> None:
    assert repr(Point(1, 2, note="hidden")) == "Point(x=1, y=2)"
    assert repr(Loose("a")) == "<a>"


def test_a_record_is_frozen_slotted_and_still_a_dataclass() -> None:
    point = Point(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 2  # type: ignore[misc]
    assert not hasattr(point, "__dict__")
    assert hasattr(Loose("a"), "__dict__")
    assert [f.name for f in dataclasses.fields(point)] == ["x", "y", "note"]
    assert dataclasses.replace(point, y=5) == Point(1, 5)
