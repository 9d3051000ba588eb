"""The disputes screen: both sides' claims and excerpts, the assessment, Enter on an excerpt."""

from __future__ import annotations

import dataclasses

from screens_host import Host, screen_text

from briefing.brief.model import Brief
from briefing.ui.screens.disputes import DisputesScreen


async def test_shows_both_sides_side_by_side_and_the_assessment(sample: Brief) -> None:
    app = Host(DisputesScreen(sample))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "How much container capacity does the deal add?" in text
        claims = next(line for line in text.splitlines() if "It doubles capacity." in line)
        assert "It triples capacity." in claims  # the two sides share a row: columns
        assert "Side 1 of 2" in text and "Side 2 of 2" in text
        for excerpt_id in ("q-capacity", "q-triple"):
            assert " ".join(sample.excerpt(excerpt_id).quote.split()[:3]) in text
        assert "Harbour deal signed in Kaliningrad  ¶4" in text
        assert "[Notes from the summit]  ¶4" in text
        assert "The harbour master is on the record; the delegate is anonymous." in text


async def test_sides_stack_when_narrow(sample: Brief) -> None:
    app = Host(DisputesScreen(sample, "d-capacity"))
    async with app.run_test(size=(60, 30)) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
        first = next(i for i, line in enumerate(lines) if "It doubles capacity." in line)
        second = next(i for i, line in enumerate(lines) if "It triples capacity." in line)
        assert second > first
        assert "It triples" not in lines[first]


async def test_enter_on_an_excerpt_dismisses_with_its_id(sample: Brief) -> None:
    app = Host(DisputesScreen(sample, "d-capacity"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")  # on the dispute: go to its first side
        await pilot.press("tab", "enter")  # the second side's excerpt
        assert app.results == ["q-triple"]


async def test_mouse_click_on_an_excerpt_dismisses_with_its_id(sample: Brief) -> None:
    app = Host(DisputesScreen(sample))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.click(".dispute-excerpts", offset=(4, 1))
        assert app.results == ["q-capacity"]


async def test_escape_goes_back_without_a_choice(sample: Brief) -> None:
    app = Host(DisputesScreen(sample))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        assert app.results == [None]


async def test_many_sides_keep_their_width_and_scroll_sideways(sample: Brief) -> None:
    """Ten sides do not shrink to a few columns each (where every quote wrapped into
    hundreds of one-word lines): each keeps room to read, the row scrolls, and moving to
    a side off screen brings it into view."""
    dispute = sample.disputes[0]
    many = dataclasses.replace(dispute, positions=dispute.positions * 5)
    brief = dataclasses.replace(sample, disputes=(many, *sample.disputes[1:]))
    app = Host(DisputesScreen(brief, dispute.id))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        sides = list(app.screen.query(".dispute-side"))
        assert len(sides) == 10
        assert all(side.size.width >= 32 for side in sides)
        assert "Side 1 of 10" in screen_text(app) and "Side 10 of 10" not in screen_text(app)
        sides[-1].query(".dispute-excerpts").first().focus()
        await pilot.pause()  # focus asks for the scroll that brings it into view,
        await pilot.wait_for_scheduled_animations()  # which is animated
        await pilot.pause()
        assert "Side 10 of 10" in screen_text(app)
