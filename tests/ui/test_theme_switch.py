"""Switching theme while reading redraws the detail pane in the new theme's colours."""

from __future__ import annotations

from textual.widgets import Static

from briefing.brief.model import Brief
from briefing.ui.app import BriefingApp


def _label_brightness(app: BriefingApp) -> int:
    body = app.screen.query_one("#detail-body", Static).render()
    colours = [span.style.foreground for span in body.spans]  # type: ignore[union-attr]
    label = next(c for c in colours if c is not None)
    return int(label.r + label.g + label.b)


async def test_labels_stay_legible_after_switching_to_a_light_theme(sample: Brief) -> None:
    app = BriefingApp(sample, overview=False)
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = "textual-dark"
        await pilot.pause()
        on_dark = _label_brightness(app)
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        on_light = _label_brightness(app)
    assert on_dark > 3 * 128  # light grey on a dark background
    assert on_light < 3 * 128  # dark grey on a light background
