"""An Input's key binding (ctrl+u) runs after the characters typed behind it.

Run: python input_binding_runs_late.py
The Input holds "ab"; the app posts ctrl+u and then x, y, z in one go, as a terminal
delivers them when they arrive together (tmux `send-keys C-u xyz`, a macro, fast typing).
Prints the Input's value; exit status 1 when the typed text was wiped.
"""

import sys

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Input


class Repro(App[None]):
    def compose(self) -> ComposeResult:
        yield Input("ab")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.query_one(Input).cursor_position = 2
        for key, character in (("ctrl+u", "\x15"), ("x", "x"), ("y", "y"), ("z", "z")):
            self.post_message(events.Key(key, character))


async def main() -> int:
    app = Repro()
    async with app.run_test() as pilot:
        for _ in range(5):
            await pilot.pause()
        value = app.query_one(Input).value
    if value != "xyz":
        print(f"REPRODUCED: value {value!r}, expected 'xyz' (ctrl+u ran after the typing)")
        return 1
    print("not reproduced: value 'xyz'")
    return 0


if __name__ == "__main__":
    import asyncio

    sys.exit(asyncio.run(main()))
