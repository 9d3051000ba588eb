"""Dates as the format page defines them: parsed, ordered and shown at their own precision."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.brief.dates import DateError, parse_date


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("2024", "2024"),
        ("2024-09", "Sep 2024"),
        ("2025-12-04", "4 Dec 2025"),
        ("~2021", "c. 2021"),
        ("~2021-03", "c. Mar 2021"),
        ("2025-12-04/2025-12-05", "4–5 Dec 2025"),
        ("2024-09/2024-12", "Sep–Dec 2024"),
        ("2025-11-28/2025-12-05", "28 Nov – 5 Dec 2025"),
        ("2020/2023", "2020–2023"),
        ("1990/1999", "1990s"),
        ("2024-12-30/2025-01-02", "30 Dec 2024 – 2 Jan 2025"),
        ("~2019/2021", "c. 2019 – 2021"),
    ],
)
def test_dates_are_shown_at_their_own_precision(text: str, shown: str) -> None:
    assert parse_date(text).show() == shown
    assert str(parse_date(text)) == shown


def test_a_month_is_never_shown_as_a_day() -> None:
    date = parse_date("2024-09")
    assert "1" not in date.show()
    assert date.first_day == dt.date(2024, 9, 1)
    assert date.last_day == dt.date(2024, 9, 30)


def test_an_unquoted_yaml_date_object_is_accepted_as_its_text() -> None:
    date = parse_date(dt.date(2025, 12, 4))
    assert date.text == "2025-12-04"
    assert date.show() == "4 Dec 2025"


def test_properties() -> None:
    assert parse_date("~2021").approximate
    assert not parse_date("2021").approximate
    assert parse_date("2021/2022").is_range
    assert parse_date("2021-05/2022").year == 2021
    assert parse_date("2024-02").last_day == dt.date(2024, 2, 29)


def test_sorting_by_first_day_then_less_precise_first() -> None:
    texts = ["2024-09-15", "2024-09", "2024", "2023-12-31", "2024-09-01", "2024/2026"]
    ordered = sorted(texts, key=lambda t: parse_date(t).sort_key)
    assert ordered == ["2023-12-31", "2024/2026", "2024", "2024-09", "2024-09-01", "2024-09-15"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1990s", "'1990s' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"),
        ("1990s", "a decade is a range, e.g. 1990/1999"),
        ("Sep 2024", "'Sep 2024' is not a date"),
        ("4–5 Dec 2025", "'4–5 Dec 2025' is not a date"),
        ("c. 2021", "'c. 2021' is not a date"),
        ("2024-13", "'2024-13' has no month 13: months run from 01 to 12"),
        ("2023-02-29", "'2023-02-29' is not a day: Feb has 28 days"),
        ("2024-9", "'2024-9' is not a date"),
        ("24-09-01", "'24-09-01' is not a date"),
        ("0000", "'0000' has year 0000, which is not a year"),
        ("2025-03/2024", "'2025-03/2024' ends before it starts"),
        ("2020/2021/2022", "a range has one `/` between START and END"),
        ("", "'' is not a date"),
    ],
)
def test_invalid_dates_are_refused_saying_what_is_expected(text: str, message: str) -> None:
    with pytest.raises(DateError) as raised:
        parse_date(text)
    assert message in str(raised.value)


def test_a_time_of_day_or_a_number_is_refused() -> None:
    with pytest.raises(DateError, match="has a time of day"):
        parse_date(dt.datetime(2025, 1, 1, 12, 0))
    with pytest.raises(DateError, match="a date must be text"):
        parse_date(2025)


def test_a_range_may_end_on_the_day_it_starts_or_within_the_start() -> None:
    assert parse_date("2024-09/2024-09-30").show() == "Sep 2024 – 30 Sep 2024"
    assert parse_date("2024/2024-06").last_day == dt.date(2024, 6, 30)


@pytest.mark.parametrize(
    "text",
    ["٢٠٢٤", "२०२४-०३", "２０２４-０１-０２", "2024-٠٣", "𝟚𝟘𝟚𝟜", "1990/٢٠٠٠"],
)
def test_digits_other_than_ascii_are_not_dates(text: str) -> None:
    with pytest.raises(DateError, match="is not a date"):
        parse_date(text)


def test_days_in_month_agrees_with_the_calendar_module() -> None:
    """Every month of four centuries, leap rules included (1900 no, 2000 yes)."""
    import calendar

    from briefing.brief.dates import days_in_month

    for year in range(1800, 2201):
        for month in range(1, 13):
            assert days_in_month(year, month) == calendar.monthrange(year, month)[1]
