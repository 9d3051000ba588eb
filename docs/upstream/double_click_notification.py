"""A double click on a notification crashes the app (AttributeError in text selection).

Run: python double_click_notification.py
The first click closes the toast; the second press arrives before the next frame and is
routed to the toast, already removed, where starting a text selection looks up its
missing parent. Prints the outcome; exit status 1 when it crashed.
"""

import sys
import traceback

from textual import events
from textual.app import App
from textual.widgets._toast import Toast


class Repro(App[None]):
    pass


def press_at(app: App[None], x: int, y: int) -> None:
    """Mouse button down and up at a place on the screen, as a terminal reports them."""
    for kind in (events.MouseDown, events.MouseUp):
        app.post_message(kind(None, x, y, 0, 0, 1, False, False, False, x, y))


async def main() -> int:
    app = Repro()
    try:
        async with app.run_test(notifications=True) as pilot:
            app.notify("A notification long enough to click on", timeout=60)
            await pilot.pause()
            region = app.screen.query_one(Toast).region
            press_at(app, region.x + 2, region.y + 1)
            press_at(app, region.x + 2, region.y + 1)
            await pilot.pause()
            await pilot.pause()
    except Exception:
        print("REPRODUCED:")
        traceback.print_exc(limit=-6)
        return 1
    print("not reproduced: the notification closed")
    return 0


if __name__ == "__main__":
    import asyncio

    sys.exit(asyncio.run(main()))
