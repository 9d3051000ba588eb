"""Any value a brief can hold is refused by `check` with a clear message, or accepted.

Numbers of any size or script, date ranges as wide as the calendar, and the generated
adversarial briefs of benchmarks/adversarial.py (which measures how checking grows).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from briefing.brief.loader import check_brief

sys.path.insert(0, str(Path(__file__).parents[2] / "benchmarks"))
import adversarial


def _check(tmp_path: Path, brief: str, article: str = adversarial.ARTICLE) -> list[str]:
    (tmp_path / "briefs").mkdir(parents=True)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(article, encoding="utf-8")
    path = tmp_path / "briefs" / "b.yaml"
    path.write_text(brief, encoding="utf-8")
    return [p.message for p in check_brief(path).problems]


def _figure(value: str) -> str:
    return (
        adversarial.HEAD
        + adversarial.SOURCE
        + adversarial.TOPIC
        + "events: []\nexcerpts:\n"
        + adversarial._excerpt(0)
        + f"figures:\n  - id: fig-a\n    label: A\n    value: {value}\n    unit: u\n"
        + "    period: '2024'\n    excerpts: [q-0]\n"
    )


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("'١٢'", "'١٢'"),
        ("'１２.５'", "'１２.５'"),
        ("1e309", "'1e309'"),
        ("9" * 5_000, "'" + "9" * 60 + "'… (5,000 characters)"),
        (".nan", "'.nan'"),
    ],
)
def test_a_number_no_float_can_hold_or_not_in_ascii_digits_is_refused_briefly(
    tmp_path: Path, value: str, shown: str
) -> None:
    assert _check(tmp_path, _figure(value)) == [
        f"`value` must be a number such as 12.5, not {shown}"
    ]


@pytest.mark.parametrize("value", ["12", "-7", "1_000", "1e308", "0.000001"])
def test_ordinary_numbers_are_accepted(tmp_path: Path, value: str) -> None:
    assert _check(tmp_path, _figure(value)) == []


def test_date_ranges_as_wide_as_the_calendar_are_accepted(tmp_path: Path) -> None:
    brief, article = adversarial.date_ranges(8)
    assert _check(tmp_path, brief, article) == []


@pytest.mark.parametrize("shape", sorted(adversarial.SHAPES))
def test_every_adversarial_shape_checks_without_a_crash(tmp_path: Path, shape: str) -> None:
    brief, article = adversarial.SHAPES[shape](3)
    problems = _check(tmp_path, brief, article)
    assert all(len(p) < 300 for p in problems), problems


def test_problems_are_each_reported_once_at_any_count(tmp_path: Path) -> None:
    small = _check(tmp_path / "1", *adversarial.problems(30))
    large = _check(tmp_path / "10", *adversarial.problems(300))
    assert (len(small), len(large)) == (30, 300)
