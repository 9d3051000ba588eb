"""A brief written with new → add-source → quote opens in the reader, quotes and all."""

from __future__ import annotations

from pathlib import Path

from screens_host import screen_text, words

from authoring_steps import write_brief
from briefing.brief.loader import load_brief
from briefing.ui.app import BriefingApp
from briefing.ui.screens.main import MainScreen


async def test_the_authored_brief_opens_on_the_main_screen(tmp_path: Path) -> None:
    brief = load_brief(write_brief(tmp_path), use_cache=False)
    app = BriefingApp(brief, style="plain", overview=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Harbour and fighter watch" in " ".join(words(screen_text(app)))
        if not isinstance(app.screen, MainScreen):  # it opens on the overview: t for the panes
            await pilot.press("t")
            await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        shown = " ".join(words(screen_text(app)))
        assert "Fighters" in shown and "Money" in shown
        assert "Excerpts · 5" in shown
        assert "“This agreement doubles our container" in shown
        assert "order “a hedge, not a commitment”" in shown
