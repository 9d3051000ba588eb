"""switch_screen from an app's first screen raises IndexError.

Run: python switch_from_default_screen.py
The screen `get_default_screen` returns is pushed with no result callback, yet
`switch_screen` pops one from the screen it replaces. Prints the outcome; exit status 1
when it raised.
"""

import sys
import traceback

from textual.app import App
from textual.screen import Screen
from textual.widgets import Static


class First(Screen[None]):
    def compose(self):
        yield Static("first")


class Second(Screen[None]):
    def compose(self):
        yield Static("second")


class Repro(App[None]):
    def get_default_screen(self) -> Screen[None]:
        return First()


async def main() -> int:
    app = Repro()
    try:
        async with app.run_test() as pilot:
            await app.switch_screen(Second())
            await pilot.pause()
            shown = type(app.screen).__name__
    except Exception:
        print("REPRODUCED:")
        traceback.print_exc(limit=-4)
        return 1
    print(f"not reproduced: {shown} shows")
    return 0


if __name__ == "__main__":
    import asyncio

    sys.exit(asyncio.run(main()))
