"""Closing the command palette and opening it again at once raises DuplicateIds.

Run: python palette_duplicate_ids.py
`App.action_command_palette` pushes `CommandPalette(id="--command-palette")`. A palette
that was just dismissed is popped from the stack at once but removed from the DOM later,
so a second palette pushed before that (Escape then Ctrl+P handled in one go) has the
same id as one still mounted. Prints the outcome; exit status 1 when it crashed.
"""

import sys
import traceback

from textual.app import App


class Repro(App[None]):
    pass


async def main() -> int:
    app = Repro()
    try:
        async with app.run_test() as pilot:
            await pilot.press("ctrl+p")
            app.screen.dismiss()  # what Escape does: popped now, removed later
            app.action_command_palette()  # what Ctrl+P does, before that removal
            await pilot.pause()
            await pilot.pause()
    except Exception:
        print("REPRODUCED:")
        traceback.print_exc(limit=-6)
        return 1
    print("not reproduced: a second palette opened")
    return 0


if __name__ == "__main__":
    import asyncio

    sys.exit(asyncio.run(main()))
