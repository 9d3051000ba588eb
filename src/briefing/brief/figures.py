"""The key figures as rows of a table: the two ends of a range (`60–70%`) as one row,
and the orders a reader can sort them in."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from briefing.brief.dates import BriefDate
from briefing.brief.model import Brief, Figure
from briefing.record import record

TIGHT_UNITS = frozenset({"%", "‰", "°", "pp"})
"""Units written against the number (`36%`); every other unit follows a space."""
_TRAILING_ASIDE = re.compile(r"\s*\([^()]*\)\s*$")


@record
class FigureRow:
    """One row: a figure, or the figures that are the ends of one range."""

    figures: tuple[Figure, ...]
    label: str

    @property
    def id(self) -> str:
        """The first figure's id (the row's key)."""
        return self.figures[0].id

    @property
    def unit(self) -> str:
        """The unit all the row's figures share."""
        return self.figures[0].unit

    @property
    def period(self) -> BriefDate | None:
        """The period all the row's figures share."""
        return self.figures[0].period

    @property
    def excerpts(self) -> tuple[str, ...]:
        """The excerpts that state the figure (the same for every end of a range)."""
        return self.figures[0].excerpts

    @property
    def low(self) -> float:
        """The value, or the low end of the range."""
        return min(f.value for f in self.figures)

    @property
    def value(self) -> str:
        """`68.7`, or `60–70` for a range."""
        ends = sorted(self.figures, key=lambda f: f.value)
        if len(ends) == 1:
            return ends[0].shown_value
        return f"{ends[0].shown_value}–{ends[-1].shown_value}"

    @property
    def amount(self) -> str:
        """The value with its unit: `68.7 USD bn`, `60–70%`."""
        gap = "" if self.unit in TIGHT_UNITS else " "
        return f"{self.value}{gap}{self.unit}"


def label_stem(label: str) -> str:
    """The label without a closing aside in brackets: what the two ends of a range share
    (`Share … from Russia (lower end of “around 60–70%”)` -> `Share … from Russia`)."""
    return _TRAILING_ASIDE.sub("", label) or label


def figure_rows(brief: Brief) -> tuple[FigureRow, ...]:
    """The figures in brief order, each range once: figures with the same label (but for
    a closing aside), unit, period and excerpts, and different values, are one range."""
    groups: dict[tuple[object, ...], list[Figure]] = {}
    for figure in brief.figures:
        key = (label_stem(figure.label), figure.unit, figure.period, frozenset(figure.excerpts))
        groups.setdefault(key, []).append(figure)
    rows: list[FigureRow] = []
    for (stem, *_), members in groups.items():
        if len(members) > 1 and len({f.value for f in members}) == len(members):
            rows.append(FigureRow(tuple(members), str(stem)))
        else:
            rows.extend(FigureRow((f,), f.label) for f in members)
    order = {f.id: n for n, f in enumerate(brief.figures)}
    return tuple(sorted(rows, key=lambda row: order[row.id]))


def row_of(brief: Brief, figure: Figure) -> FigureRow:
    """The row a figure is shown in: the whole range when it is one end of one."""
    return next(
        (row for row in figure_rows(brief) if figure in row.figures),
        FigureRow((figure,), figure.label),
    )


def _by_period(row: FigureRow) -> tuple[int, tuple[int, ...]]:
    return (0, row.period.sort_key) if row.period else (1, ())


SORTS: dict[str, Callable[[FigureRow], Any]] = {
    "brief": lambda row: 0,
    "value": lambda row: -row.low,
    "label": lambda row: row.label.casefold(),
    "period": _by_period,
}
"""The orders the table can show, in the order `s` cycles through them."""


def sort_rows(rows: tuple[FigureRow, ...], order: str) -> tuple[FigureRow, ...]:
    """The rows in one of the SORTS (stable, so ties keep the brief's order)."""
    return tuple(sorted(rows, key=SORTS[order]))
