"""The first screen's CSS_PATH is never loaded.

Run: python default_screen_css_path.py
A screen given by `get_default_screen` is registered without `_load_screen_css`, which
push_screen and switch_screen call, so its CSS_PATH (and CSS) rules never apply. Prints
the outcome; exit status 1 when the rule is missing.
"""

import sys
import tempfile
from pathlib import Path

from textual.app import App
from textual.screen import Screen
from textual.widgets import Static

CSS = Path(tempfile.mkdtemp()) / "first.tcss"
CSS.write_text("#box { height: 7; }\n")


class First(Screen[None]):
    CSS_PATH = str(CSS)

    def compose(self):
        yield Static("box", id="box")


class Repro(App[None]):
    def get_default_screen(self) -> Screen[None]:
        return First()


async def main() -> int:
    app = Repro()
    async with app.run_test() as pilot:
        await pilot.pause()
        height = app.screen.query_one("#box").size.height
    if height != 7:
        print(f"REPRODUCED: #box is {height} high, not the 7 its screen's CSS_PATH sets")
        return 1
    print("not reproduced: the screen's CSS_PATH applies")
    return 0


if __name__ == "__main__":
    import asyncio

    sys.exit(asyncio.run(main()))
