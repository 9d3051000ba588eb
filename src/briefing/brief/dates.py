"""Partial dates as the brief format defines them: parse, order and show at their own precision.

A date is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, optionally prefixed with `~` (approximately),
or a range `START/END` of two of those. The precision is part of the value: `2024-09` is
"some time in September 2024" and is always shown as such, never as a day.
"""

# Annotations are evaluated here (no `from __future__ import annotations`): the cache's
# codec reads these classes' field types on every launch, and as strings each had to
# be compiled first (`typing.get_type_hints`).
import datetime as dt
import re

from briefing.record import record

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_POINT = re.compile(r"(~)?([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")  # ASCII digits only
EN_DASH = "–"


def days_in_month(year: int, month: int) -> int:
    """The days of a month of the Gregorian calendar (as `calendar.monthrange` gives
    them; importing calendar took longer than the rest of this module)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


class DateError(ValueError):
    """A date string that does not follow the format; the message says what is expected."""


@record
class DatePoint:
    """One end of a date: a year, a month or a day, possibly approximate."""

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False

    @property
    def first_day(self) -> dt.date:
        """The earliest day this point could mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        """The latest day this point could mean."""
        if self.day is not None:
            return self.first_day
        month = self.month or 12
        return dt.date(self.year, month, days_in_month(self.year, month))

    def show(self, *, with_year: bool = True, with_month: bool = True) -> str:
        """Show the point at its own precision, e.g. `4 Dec 2025`, `Sep 2024`, `c. 2021`."""
        parts: list[str] = []
        if self.day is not None:
            parts.append(str(self.day))
        if self.month is not None and (with_month or self.day is None):
            parts.append(MONTHS[self.month - 1])
        if with_year or self.month is None:
            parts.append(str(self.year))
        text = " ".join(parts)
        return f"c. {text}" if self.approximate else text


@record
class BriefDate:
    """A date or a range of dates, exactly as precise as the brief says."""

    text: str
    start: DatePoint
    end: DatePoint | None = None

    @property
    def first_day(self) -> dt.date:
        """The earliest day the date could mean; the primary sort key."""
        return self.start.first_day

    @property
    def last_day(self) -> dt.date:
        """The latest day the date could mean."""
        return (self.end or self.start).last_day

    @property
    def approximate(self) -> bool:
        """True when either end is marked with `~`."""
        return self.start.approximate or (self.end is not None and self.end.approximate)

    @property
    def is_range(self) -> bool:
        """True for `START/END` dates."""
        return self.end is not None

    @property
    def sort_key(self) -> tuple[int, int]:
        """First possible day, then the less precise (longer) date first."""
        first = self.first_day.toordinal()
        return (first, first - self.last_day.toordinal())

    def __str__(self) -> str:
        return self.show()

    def show(self) -> str:
        """Human form at the date's own precision: `4–5 Dec 2025`, `1990s`, `c. 2021`."""
        start, end = self.start, self.end
        if end is None:
            return start.show()
        if _is_decade(start, end):
            return f"{start.year}s"
        if start.approximate or end.approximate:
            return f"{start.show()} {EN_DASH} {end.show()}"
        if _same_shape(start, end) and start.year == end.year and start.month is not None:
            if start.day is None:  # Sep–Dec 2024
                return f"{start.show(with_year=False)}{EN_DASH}{end.show()}"
            if start.month == end.month:  # 4–5 Dec 2025
                return f"{start.day}{EN_DASH}{end.show()}"
            return f"{start.show(with_year=False)} {EN_DASH} {end.show()}"  # 28 Nov – 5 Dec 2025
        if start.month is None and end.month is None:
            return f"{start.year}{EN_DASH}{end.year}"
        return f"{start.show()} {EN_DASH} {end.show()}"

    @property
    def year(self) -> int:
        """The year the date starts in, for grouping a timeline."""
        return self.start.year


def _is_decade(start: DatePoint, end: DatePoint) -> bool:
    return (
        start.month is None
        and end.month is None
        and start.year % 10 == 0
        and end.year == start.year + 9
        and not start.approximate
        and not end.approximate
    )


def _same_shape(a: DatePoint, b: DatePoint) -> bool:
    return (a.month is None) == (b.month is None) and (a.day is None) == (b.day is None)


def parse_point(text: str) -> DatePoint:
    """Parse one end of a date; raise DateError saying what is expected."""
    match = _POINT.fullmatch(text.strip())
    if match is None:
        raise DateError(
            f"{text!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, "
            "optionally starting with ~ for approximately (a decade is a range, e.g. 1990/1999)"
        )
    approx, year, month, day = match.groups()
    point = DatePoint(
        int(year), int(month) if month else None, int(day) if day else None, bool(approx)
    )
    if point.month is not None and not 1 <= point.month <= 12:
        raise DateError(f"{text!r} has no month {point.month}: months run from 01 to 12")
    if point.day is not None:
        assert point.month is not None
        last = days_in_month(point.year, point.month)
        if not 1 <= point.day <= last:
            raise DateError(f"{text!r} is not a day: {MONTHS[point.month - 1]} has {last} days")
    if point.year == 0:
        raise DateError(f"{text!r} has year 0000, which is not a year")
    return point


def parse_date(value: object) -> BriefDate:
    """Parse a brief date (text, or the date YAML makes of an unquoted `2025-12-04`)."""
    if isinstance(value, dt.datetime):
        raise DateError(f"{value!s} has a time of day; a brief date is a day at most")
    if isinstance(value, dt.date):
        value = value.isoformat()
    if not isinstance(value, str):
        raise DateError(f"a date must be text such as 2025-12-04, not {type(value).__name__}")
    text = value.strip()
    if text.count("/") > 1:
        raise DateError(f"{text!r} is not a date: a range has one `/` between START and END")
    if "/" in text:
        start_text, end_text = text.split("/")
        start, end = parse_point(start_text), parse_point(end_text)
        if end.last_day < start.first_day:
            raise DateError(f"{text!r} ends before it starts")
        return BriefDate(text, start, end)
    return BriefDate(text, parse_point(text))


def year_heading(date: BriefDate) -> str:
    """The heading a date is grouped under in a timeline: its year (`2024`), or its decade
    (`1990s`) for a date that is a decade."""
    decade = f"{date.year}s"
    return decade if date.show() == decade else str(date.year)


def show_within_year(date: BriefDate, year: int) -> str:
    """The date without its year when it lies wholly inside `year`, for rows under that
    year's heading: `24 Feb`, `Dec`, `4–5 Dec`, `c. Jun`; `""` for the year itself, and
    `c. 2024` for about that year (a bare `c.` would not say of what). A date reaching
    outside the year (`2009–2013`, `1990s`) keeps its full form."""
    start, end = date.start, date.end or date.start
    if start.year != year or end.year != year:
        return date.show()
    if start.month is None and end.month is None:
        return date.show() if date.approximate else ""
    if start.month is None or end.month is None:
        return date.show()  # a year to a month: no shorter form reads clearly
    if date.end is None:
        return start.show(with_year=False)
    if not date.approximate and _same_shape(start, end):
        if start.day is None:  # Sep–Dec
            return f"{start.show(with_year=False)}{EN_DASH}{end.show(with_year=False)}"
        if start.month == end.month:  # 4–5 Dec
            return f"{start.day}{EN_DASH}{end.show(with_year=False)}"
    return f"{start.show(with_year=False)} {EN_DASH} {end.show(with_year=False)}"
