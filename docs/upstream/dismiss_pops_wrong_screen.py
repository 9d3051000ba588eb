"""`Screen.dismiss()` on a screen that is no longer on top pops the screen that is.

Run: python dismiss_pops_wrong_screen.py
A screen that dismisses itself when an option is chosen gets two Enters at once (a key
repeat, fast typing). Both are forwarded to its list before it handles the first, so it
dismisses twice: the second pops whatever is on top by then, the screen below it, here
the base screen (ScreenStackError: "Can't pop screen; there must be at least one screen
on the stack"). On a deeper stack it silently closes a screen the user did not close.
Prints the outcome; exit status 1 when it crashed or closed the wrong screen.
"""

import sys
import traceback

from textual import events
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Label, OptionList


class Chooser(Screen[str]):
    def compose(self) -> ComposeResult:
        yield OptionList("one", "two")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(str(event.option.prompt))


class Repro(App[None]):
    def compose(self) -> ComposeResult:
        yield Label("the base screen")


async def main() -> int:
    app = Repro()
    try:
        async with app.run_test() as pilot:
            below = Screen[None]()
            await app.push_screen(below)
            await app.push_screen(Chooser())
            await pilot.pause()
            app.post_message(events.Key("enter", "\r"))
            app.post_message(events.Key("enter", "\r"))
            await pilot.pause()
            await pilot.pause()
            if below not in app.screen_stack:
                print("REPRODUCED: the second dismiss closed the screen below the chooser")
                print(f"screen stack now: {app.screen_stack}")
                return 1
    except Exception:
        print("REPRODUCED:")
        traceback.print_exc(limit=-6)
        return 1
    print("not reproduced: only the chooser closed")
    return 0


if __name__ == "__main__":
    import asyncio

    sys.exit(asyncio.run(main()))
