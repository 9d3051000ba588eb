"""The entities screen: grouped by kind with aliases and roles, what names the selected one,
Enter to filter by it, and Enter on a mention to go there."""

from __future__ import annotations

from screens_host import Host, screen_text

from briefing.brief.model import Brief
from briefing.ui.screens.entities import EntitiesScreen

SIZE = (120, 40)


async def test_lists_entities_by_kind_with_aliases_and_roles(sample: Brief) -> None:
    app = Host(EntitiesScreen(sample))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        for heading in ("People (2)", "Organisations (1)", "Places (1)", "Systems (1)"):
            assert heading in text
        assert "Su-57 · fifth-generation fighter" in text
        assert "also: Sukhoi-57" in text
        assert "also: the Alliance" in text
        assert "Piotr Nowak · harbour master of Kaliningrad" in text


async def test_selected_entity_shows_everything_that_names_it(sample: Brief) -> None:
    app = Host(EntitiesScreen(sample, "su-57"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Also called: Sukhoi-57" in text
        assert "Named in 2 excerpts and 1 event" in text
        assert "Excerpts (2)" in text and "Events (1)" in text
        assert "The Su-57 order, placed in 2021" in text
        assert "The air force has received the first two Sukhoi-57 jets" in text
        assert "2021  Su-57 order placed" in text


async def test_moving_down_changes_the_entity_shown(sample: Brief) -> None:
    app = Host(EntitiesScreen(sample))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Named in 1 excerpt and 0 events" in screen_text(app)  # Piotr Nowak
        await pilot.press("j", "j")  # past Mira Sen and the Organisations heading
        text = screen_text(app)
        assert "Northern Alliance  (organisation)" in text
        assert "3 Mar 2024  Kaliningrad port signs cargo deal" in text


async def test_enter_dismisses_with_the_entity_id(sample: Brief) -> None:
    app = Host(EntitiesScreen(sample, "northern-alliance"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert app.results == ["northern-alliance"]


async def test_tab_then_enter_on_a_mention_dismisses_with_its_id(sample: Brief) -> None:
    app = Host(EntitiesScreen(sample, "su-57"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "enter")
        assert app.results == ["q-su57-order"]
    app = Host(EntitiesScreen(sample, "su-57"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "down", "down", "enter")  # skips the Events heading
        assert app.results == ["ev-order"]


async def test_kind_filter_cycles_through_the_kinds(sample: Brief) -> None:
    app = Host(EntitiesScreen(sample))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        text = screen_text(app)
        assert "Entities · People" in text
        assert "Mira Sen" in text and "Organisations (1)" not in text
        await pilot.press("f", "f", "f", "f")
        assert "Entities ─" in screen_text(app)  # back to all kinds
        assert "Systems (1)" in screen_text(app)
