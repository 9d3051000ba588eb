"""The model resolves every cross-link both ways, so views never search for them."""

from __future__ import annotations

import dataclasses

import pytest

from briefing.brief.model import Brief
from briefing.views.narrowing import Narrowing


def test_events_are_chronological_with_less_precise_first(sample: Brief) -> None:
    assert [e.date.show() for e in sample.events] == ["2021", "3 Mar 2024", "Sep 2024", "c. 2026"]


def test_excerpt_knows_source_paragraph_and_what_cites_it(sample: Brief) -> None:
    excerpt = sample.excerpt("q-su57-order")
    assert sample.source(excerpt.source).title == "[Report on fighter deliveries]"
    assert excerpt.paragraph == 2
    assert [e.id for e in sample.events_citing("q-su57-order")] == ["ev-order"]
    assert [f.id for f in sample.figures_citing("q-su57-order")] == ["fig-su57-units"]
    assert [t.id for t in sample.topics_keying("q-su57-order")] == ["t-fighters"]
    assert [d.id for d in sample.disputes_citing("q-triple")] == ["d-capacity"]


def test_topic_knows_subtopics_and_items_with_and_without_them(sample: Brief) -> None:
    assert [t.id for t in sample.root_topics()] == ["t-trade", "t-defence"]
    assert [t.id for t in sample.subtopics("t-defence")] == ["t-fighters"]
    assert sample.topic_and_descendants("t-defence") == ("t-defence", "t-fighters")
    defence = Narrowing(topic="t-defence")
    assert [e.id for e in defence.events(sample)] == ["ev-order", "ev-deliveries"]
    assert len(defence.excerpts(sample)) == 4
    assert [t.title for t in sample.topic_path("t-ports")] == ["Trade", "Ports"]


def test_entity_knows_everything_that_names_it(sample: Brief) -> None:
    assert [x.id for x in sample.entity_excerpts("su-57")] == ["q-su57-order", "q-first-jets"]
    assert [e.id for e in sample.entity_events("su-57")] == ["ev-order"]


def test_source_knows_its_excerpts_in_paragraph_order(sample: Brief) -> None:
    ids = [x.id for x in sample.source_excerpts("src-fighters")]
    assert ids == ["q-first-jets", "q-su57-order", "q-delays", "q-hedge"]
    paragraphs = [sample.excerpt(i).paragraph for i in ids]
    assert paragraphs == sorted(paragraphs)


def test_event_counts_its_distinct_sources(sample: Brief) -> None:
    assert [s.id for s in sample.event_sources(sample.event("ev-deal"))] == ["src-harbour"]


def test_elided_quote_is_located_part_by_part(sample: Brief) -> None:
    excerpt = sample.excerpt("q-deal-value")
    paragraph = sample.source("src-harbour").paragraphs[excerpt.paragraph - 1]
    parts = [paragraph[s.start : s.end] for s in excerpt.spans]
    assert parts == [
        "The deal is worth 1.2 billion euros",
        "according to the authority’s own statement.",
    ]


def test_figure_value_is_shown_without_noise(sample: Brief) -> None:
    assert sample.items["fig-su57-units"].shown_value == "12"  # type: ignore[union-attr]
    assert sample.items["fig-deal-value"].shown_value == "1.2"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (1e300, "1e+300"),  # not 301 digits of float noise
        (1e16, "1e+16"),
        (2.5e15, "2,500,000,000,000,000"),
        (-1e-28, "-1e-28"),
        (1234567.5, "1,234,567.5"),
        (10**40, "10,000,000,000,000,000,000,000,000,000,000,000,000,000"),  # written as digits
    ],
)
def test_a_figure_of_any_size_is_shown_as_written_not_as_float_noise(
    sample: Brief, value: float, shown: str
) -> None:
    figure = dataclasses.replace(sample.figures[0], value=value)
    assert figure.shown_value == shown


def test_each_link_table_is_built_on_first_use_and_then_kept(sample: Brief) -> None:
    fresh = dataclasses.replace(sample)  # a new Brief: nothing built yet
    assert fresh is not sample and fresh == sample
    assert fresh.links["source_excerpts"] is fresh.links["source_excerpts"]
    assert fresh.links["entity_events"] == sample.links["entity_events"]
    assert set(fresh.links) == set(sample.links) and len(fresh.links) == 10
    assert dict(fresh.links) == dict(sample.links)


def test_a_source_knows_its_excerpts_in_paragraph_order(sample: Brief) -> None:
    spots = [(x.paragraph, x.offset) for x in sample.source_excerpts("src-fighters")]
    assert spots == sorted(spots) and len(spots) >= 2


def test_events_given_out_of_order_are_sorted_and_linked_chronologically(
    sample: Brief,
) -> None:
    shuffled = dataclasses.replace(sample, events=tuple(reversed(sample.events)))
    assert shuffled.events == sample.events
    excerpt = sample.events[-1].excerpts[0]
    assert shuffled.events_citing(excerpt) == sample.events_citing(excerpt)
    assert shuffled.items.keys() == sample.items.keys()
