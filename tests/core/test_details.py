"""What the detail of each kind of item lists, and inferred values in square brackets."""

from __future__ import annotations

from briefing.brief.model import Brief
from briefing.brief.prose import dispute_kind, read_prose
from briefing.views.details import (
    Bullets,
    Field,
    Heading,
    Hint,
    Part,
    ProseBullets,
    Quote,
    bracket,
    brief_detail,
    detail,
    source_line,
    source_value,
)


def fields(parts: list[Part]) -> dict[str, str]:
    return {p.label: p.value for p in parts if isinstance(p, Field)}


def lists(parts: list[Part]) -> dict[str, tuple[str, ...]]:
    return {p.title: p.lines for p in parts if isinstance(p, Bullets)}


def hints(parts: list[Part]) -> list[str]:
    return [p.text for p in parts if isinstance(p, Hint)]


def test_an_inferred_value_is_bracketed_a_stated_one_is_not(sample: Brief) -> None:
    assert bracket("Summit Wire", True) == "[Summit Wire]"
    assert bracket("Summit Wire", False) == "Summit Wire"
    notes, harbour = sample.source("src-notes"), sample.source("src-harbour")
    assert source_value(notes, "outlet", "Summit Wire") == "[Summit Wire]"
    assert source_value(harbour, "outlet", "Baltic Ledger") == "Baltic Ledger"
    assert source_line(notes) == f"{notes.title} — [Summit Wire], [Sep 2024]"


def test_a_topic_counts_what_its_subtopics_hold(sample: Brief) -> None:
    parts = detail(sample, sample.topic("t-defence"))
    assert parts[0] == Heading(sample.topic("t-defence").title, "topic")
    assert hints(parts) == ["2 events, 4 excerpts; Enter filters by this topic"]
    assert lists(parts)["Subtopics"] == (sample.topic("t-fighters").title,)


def test_an_excerpt_opens_on_its_quote_and_names_its_source(sample: Brief) -> None:
    excerpt = sample.excerpt("q-summit")
    parts = detail(sample, excerpt)
    assert parts[0] == Quote(excerpt.quote)
    assert fields(parts)["Source"].endswith("— [Summit Wire], [Sep 2024]")
    assert fields(parts)["Paragraph"] == f"¶ {excerpt.paragraph}"
    assert hints(parts) == ["Enter or o opens the article at this paragraph"]


def test_an_event_lists_its_sources_and_excerpts(sample: Brief) -> None:
    parts = detail(sample, sample.event("ev-deal"))
    assert fields(parts)["Involves"] == "Kaliningrad, Northern Alliance"
    assert list(lists(parts)) == ["Single source"]
    assert hints(parts) == ["2 excerpts: Enter shows them"]


def test_a_figure_lists_value_and_period(sample: Brief) -> None:
    figure = sample.figures[0]
    parts = detail(sample, figure)
    assert parts[0] == Heading(figure.label, "figure")
    assert fields(parts)["Value"] == f"{figure.shown_value} {figure.unit}"
    assert ("Period" in fields(parts)) == (figure.period is not None)


def test_a_dispute_lists_its_kind_and_each_position(sample: Brief) -> None:
    dispute = sample.disputes[0]
    parts = detail(sample, dispute)
    assert parts[0] == Heading(dispute.question, "dispute")
    assert fields(parts)["Kind"] == dispute_kind(dispute.kind)
    positions = next(p for p in parts if isinstance(p, ProseBullets))
    assert positions.items == tuple(read_prose(sample, p.claim) for p in dispute.positions)
    assert len(positions.items) == len(dispute.positions) >= 2


def test_a_source_says_what_was_inferred_and_leaves_out_what_is_unknown(sample: Brief) -> None:
    notes = detail(sample, sample.source("src-notes"))
    assert fields(notes)["Inferred"] == "outlet, published"
    fighters = fields(detail(sample, sample.source("src-fighters")))
    assert "Outlet" not in fighters and "Author" not in fighters


def test_an_entity_counts_its_events_and_excerpts(sample: Brief) -> None:
    parts = detail(sample, sample.entity("su-57"))
    assert parts[0] == Heading("Su-57", sample.entity("su-57").kind)
    assert hints(parts) == ["1 event, 2 excerpts"]


def test_before_anything_is_selected_the_brief_itself(sample: Brief) -> None:
    parts = brief_detail(sample)
    assert parts[0] == Heading(sample.title, "brief")
    assert fields(parts)["As of"] == sample.as_of.show()


def test_a_topic_the_panes_are_narrowed_to_says_so(sample: Brief) -> None:
    parts = detail(sample, sample.topic("t-defence"), narrowed_topic="t-defence")
    assert hints(parts) == ["2 events, 4 excerpts; the panes are narrowed to it (Esc undoes)"]
