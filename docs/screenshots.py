"""Regenerate the README's screenshots from the real app: `python docs/screenshots.py`.

Each is the bundled brief at 120x40 in the default theme, driven by the same keys a user
would press, saved as SVG in docs/screenshots/. Run it after any change to the screens,
and look at the pictures before committing them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

from briefing.brief.bundled import default_brief
from briefing.brief.loader import load_brief
from briefing.ui.app import BriefingApp

OUT = Path(__file__).with_name("screenshots")
SIZE = (120, 40)
Steps = Callable[[Pilot[None]], Awaitable[None]]


async def overview(pilot: Pilot[None]) -> None:
    """The first screen: the bottom line, the disputes and the key figures."""


async def panes(pilot: Pilot[None]) -> None:
    """Topics, Timeline and Excerpts, narrowed to a topic."""
    await pilot.press("t", "down", "down", "enter")


async def disputes(pilot: Pilot[None]) -> None:
    """Where the sources disagree, side by side."""
    await pilot.press("d", "down")


async def source_reader(pilot: Pilot[None]) -> None:
    """An article with its quotes highlighted."""
    await pilot.press("t", "tab", "tab", "down", "o")


async def search(pilot: Pilot[None]) -> None:
    """Fuzzy search as you type, with a typo."""
    await pilot.press("slash")
    await pilot.pause()
    await pilot.press(*"sanctons russian oil")


SHOTS: dict[str, Steps] = {
    "overview": overview,
    "panes": panes,
    "disputes": disputes,
    "source-reader": source_reader,
    "search": search,
}


async def shoot(name: str, steps: Steps) -> Path:
    """Run the app, press the keys, save the screen as docs/screenshots/NAME.svg."""
    app = BriefingApp(load_brief(default_brief()), style="apa")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await steps(pilot)
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        return Path(app.save_screenshot(f"{name}.svg", str(OUT)))


async def main() -> None:
    """Every screenshot, in turn."""
    OUT.mkdir(exist_ok=True)
    for name, steps in SHOTS.items():
        print(await shoot(name, steps))


if __name__ == "__main__":
    asyncio.run(main())
