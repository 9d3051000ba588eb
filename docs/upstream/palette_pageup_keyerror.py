"""Ctrl+P followed at once by PageUp crashes the command palette (KeyError).

Run: python palette_pageup_keyerror.py
The app posts both keys in one go, as a terminal delivers them when they arrive together
(fast typing, a key repeat, a macro). Prints the outcome; exit status 1 when it crashed.
"""

import sys
import traceback

from textual import events
from textual.app import App


class Repro(App[None]):
    def on_mount(self) -> None:
        self.post_message(events.Key("ctrl+p", None))
        self.post_message(events.Key("pageup", None))


async def main() -> int:
    app = Repro()
    try:
        async with app.run_test() as pilot:
            await pilot.pause()
            await pilot.pause()
    except Exception:
        print("REPRODUCED:")
        traceback.print_exc(limit=-6)
        return 1
    print("not reproduced: the palette opened and paged")
    return 0


if __name__ == "__main__":
    import asyncio

    sys.exit(asyncio.run(main()))
