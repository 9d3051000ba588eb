"""An OptionList squeezed to no width crashes while wrapping a long option (ValueError).

Run: python optionlist_zero_width.py
A list beside a fixed-width pane in a terminal too narrow for both (a user shrinking the
window) gets a content width of zero; wrapping an option whose word is longer than that
raises "range() arg 3 must not be zero". Prints the outcome; exit status 1 when it crashed.
"""

import sys
import traceback

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import OptionList, Static


class Repro(App[None]):
    CSS = """
    #pane { width: 30; }
    OptionList { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static("a fixed-width pane", id="pane")
            yield OptionList("a-long-option-without-any-space-to-wrap-at", "short")


async def main() -> int:
    app = Repro()
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.resize_terminal(30, 10)  # the list keeps 0 columns (its border 2)
            await pilot.pause()
            await pilot.resize_terminal(31, 10)
            await pilot.pause()
    except Exception:
        print("REPRODUCED:")
        traceback.print_exc(limit=-6)
        return 1
    print("not reproduced: the list drew at every width")
    return 0


if __name__ == "__main__":
    import asyncio

    sys.exit(asyncio.run(main()))
