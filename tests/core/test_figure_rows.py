"""The figures as table rows: a range once, values with their units, sort orders."""

from __future__ import annotations

from dataclasses import replace

from briefing.brief.dates import parse_date
from briefing.brief.figures import figure_rows, label_stem, sort_rows
from briefing.brief.model import Brief, Figure


def figure(fid: str, label: str, value: float, unit: str = "%", period: str = "2025") -> Figure:
    return Figure(fid, label, value, unit, ("q-deal-value",), parse_date(period))


def with_figures(sample: Brief, *figures: Figure) -> Brief:
    return replace(sample, figures=figures)


def test_the_two_ends_of_a_range_are_one_row(sample: Brief) -> None:
    brief = with_figures(
        sample,
        figure("low", "Hardware from Russia (lower end of “60–70%”)", 60),
        figure("other", "Tariff", 50),
        figure("high", "Hardware from Russia (upper end of “60–70%”)", 70),
    )
    rows = figure_rows(brief)
    assert [(r.label, r.amount) for r in rows] == [
        ("Hardware from Russia", "60–70%"),
        ("Tariff", "50%"),
    ]
    assert rows[0].id == "low"


def test_figures_that_differ_in_period_or_label_stay_apart(sample: Brief) -> None:
    brief = with_figures(
        sample,
        figure("a", "Arms share, 2009-2013", 76, period="2009/2013"),
        figure("b", "Arms share, 2009-2013", 36, period="2019/2023"),
        figure("c", "Reactors operational (article 001)", 2, unit="reactors"),
        figure("d", "Reactors planned (article 001)", 6, unit="reactors"),
    )
    assert [r.amount for r in figure_rows(brief)] == ["76%", "36%", "2 reactors", "6 reactors"]


def test_label_stem_drops_only_a_closing_aside() -> None:
    assert label_stem("Trade (FY) in 2024 (article 002)") == "Trade (FY) in 2024"
    assert label_stem("(only an aside)") == "(only an aside)"


def test_rows_sort_by_value_label_and_period(sample: Brief) -> None:
    brief = with_figures(
        sample,
        figure("a", "beta", 5, period="2024"),
        figure("b", "Alpha", 50, period="2020"),
        figure("c", "gamma", 7, period="2022"),
    )
    rows = figure_rows(brief)
    assert [r.id for r in sort_rows(rows, "value")] == ["b", "c", "a"]
    assert [r.id for r in sort_rows(rows, "label")] == ["b", "a", "c"]
    assert [r.id for r in sort_rows(rows, "period")] == ["b", "c", "a"]
    assert [r.id for r in sort_rows(rows, "brief")] == ["a", "b", "c"]


def test_either_end_of_a_range_is_cited_and_exported_as_the_range(sample: Brief) -> None:
    """What is copied or exported is what the table shows: `60–70%`, not one end."""
    from briefing.cite.citations import cite_item
    from briefing.cite.export import render

    brief = with_figures(
        sample,
        figure("low", "Hardware from Russia (lower end of “60–70%”)", 60),
        figure("high", "Hardware from Russia (upper end of “60–70%”)", 70),
        figure("tariff", "Tariff", 50),
    )
    for end in ("low", "high"):
        assert cite_item(brief, end, "plain").startswith("Hardware from Russia: 60–70% (2025)\n")
    assert cite_item(brief, "tariff", "plain").startswith("Tariff: 50% (2025)\n")
    table = render(brief, "markdown")
    assert "| Hardware from Russia | 60–70% | 2025 |" in table
    assert "| 60% |" not in table and "| Tariff | 50% |" in table
