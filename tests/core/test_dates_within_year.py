"""`show_within_year`: a date under its year's heading drops the year it would repeat."""

from __future__ import annotations

import pytest

from briefing.brief.dates import parse_date, show_within_year, year_heading


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("2022-02-24", "24 Feb"),
        ("2022-12", "Dec"),
        ("~2022-06", "c. Jun"),
        ("~2022-06-03", "c. 3 Jun"),
        ("2022-12-04/2022-12-05", "4–5 Dec"),
        ("2022-11-28/2022-12-05", "28 Nov – 5 Dec"),
        ("2022-09/2022-12", "Sep–Dec"),
        ("2022-04/2022-12-05", "Apr – 5 Dec"),
        ("~2022-06/2022-08", "c. Jun – Aug"),
    ],
)
def test_a_date_inside_the_year_drops_the_year(text: str, shown: str) -> None:
    assert show_within_year(parse_date(text), 2022) == shown


def test_the_year_itself_leaves_the_cell_empty_or_says_about_which_year() -> None:
    assert show_within_year(parse_date("2022"), 2022) == ""
    assert show_within_year(parse_date("~2022"), 2022) == "c. 2022"


def test_a_decade_heads_its_group_as_a_decade() -> None:
    assert year_heading(parse_date("1990/1999")) == "1990s"
    assert year_heading(parse_date("1990")) == "1990"
    assert year_heading(parse_date("~2024")) == "2024"


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2009/2013", 2009),
        ("1990/1999", 1990),
        ("2024-11/2025-12-05", 2024),
        ("2021-12-30/2022-01-02", 2021),
        ("2022-03-01", 2023),
        ("2022/2022-06", 2022),
    ],
)
def test_a_date_reaching_outside_the_year_keeps_its_full_form(text: str, year: int) -> None:
    date = parse_date(text)
    assert show_within_year(date, year) == date.show()


def test_examples_read_as_the_full_form_less_the_year() -> None:
    for text in ("2022-02-24", "2022-12-04/2022-12-05", "2022-09/2022-12", "~2022-06"):
        date = parse_date(text)
        assert f"{show_within_year(date, 2022)} 2022" == date.show()
