"""What a narrowing lets through: a topic with all its descendants, an entity, an event;
each change a new value; the undo stack takes changes back, latest first."""

from __future__ import annotations

from briefing.brief.model import Brief
from briefing.views.narrowing import Narrowing, NarrowingHistory, topic_scope


def ids(items: tuple[object, ...]) -> list[str]:
    return [str(getattr(item, "id", item)) for item in items]


def test_a_topic_selects_itself_and_every_descendant(sample: Brief) -> None:
    assert topic_scope(sample, "t-trade") == {"t-trade", "t-ports"}
    assert topic_scope(sample, "t-ports") == {"t-ports"}
    narrowed = Narrowing(topic="t-defence")  # only its subtopic has events
    assert ids(narrowed.events(sample)) == ["ev-order", "ev-deliveries"]
    assert ids(narrowed.excerpts(sample)) == ["q-su57-order", "q-first-jets", "q-delays", "q-hedge"]


def test_topic_and_entity_combine(sample: Brief) -> None:
    narrowed = Narrowing(topic="t-defence", entity="su-57")
    assert ids(narrowed.events(sample)) == ["ev-order"]
    assert ids(narrowed.excerpts(sample)) == ["q-su57-order", "q-first-jets"]
    assert ids(Narrowing(entity="sen").excerpts(sample)) == ["q-hedge"]


def test_an_event_narrows_the_excerpts_to_its_own_but_not_the_events(sample: Brief) -> None:
    narrowed = Narrowing(topic="t-trade").with_event("ev-deal")
    assert ids(narrowed.excerpts(sample)) == ["q-deal-signed", "q-deal-value"]
    assert ids(narrowed.events(sample)) == ["ev-deal", "ev-summit"]


def test_nothing_narrowed_lets_everything_through(sample: Brief) -> None:
    assert Narrowing().events(sample) == sample.events
    assert Narrowing().excerpts(sample) == sample.excerpts
    assert Narrowing().labels(sample) == []


def test_changes_are_taken_back_latest_first() -> None:
    history = NarrowingHistory()
    none, trade = Narrowing(), Narrowing(topic="t-trade")
    jumped = Narrowing(entity="su-57")
    history.record(none, trade)
    history.record(trade, trade)  # not a change: nothing to take back
    history.record(trade, jumped)
    assert history.undo() == trade
    assert history.undo() == none
    assert history.undo() is None and not history


def test_the_undo_stack_keeps_the_latest_hundred() -> None:
    history = NarrowingHistory()
    for number in range(150):
        history.record(Narrowing(topic=f"t{number}"), Narrowing(topic=f"t{number + 1}"))
    taken = [history.undo() for _ in range(101)]
    assert taken[0] == Narrowing(topic="t149") and taken[99] == Narrowing(topic="t50")
    assert taken[100] is None


def test_a_narrowing_is_true_when_anything_is_narrowed() -> None:
    assert not Narrowing() and Narrowing(event="ev-deal")


def test_revealing_drops_only_what_hides_the_item(sample: Brief) -> None:
    narrowed = Narrowing(topic="t-defence", entity="su-57", event="ev-order")
    hedge = sample.excerpt("q-hedge")  # under t-defence, names Mira Sen, in no event
    assert narrowed.revealing(sample, hedge) == Narrowing(topic="t-defence")
    jets = sample.excerpt("q-first-jets")  # t-fighters, Su-57, not ev-order's
    assert narrowed.revealing(sample, jets) == Narrowing("t-defence", "su-57")
    summit = sample.event("ev-summit")
    assert narrowed.revealing(sample, summit) == Narrowing(event="ev-order")
    assert narrowed.admits(sample, jets) and not narrowed.admits(sample, summit)


def test_labels_name_each_part_for_the_filter_bar(sample: Brief) -> None:
    narrowed = Narrowing(topic="t-ports", entity="kaliningrad", event="ev-deal")
    labels = narrowed.labels(sample)
    assert [label for label, _ in labels] == ["Topic", "Entity", "Event"]
    assert labels[0][1] == "Trade › Ports" and labels[1][1] == "Kaliningrad"
    assert labels[2][1].endswith(sample.event("ev-deal").title)
