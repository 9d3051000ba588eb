"""Keys typed into the command palette behind the key that closed it crash the app
(NoMatches raised in the palette's search worker).

Run: python palette_search_after_close.py
Keys that arrive together are all forwarded to the palette's input before it handles the
first. When one of them closes the palette (Escape, or Enter on a command), the ones after
it still change the input; the palette then starts a search whose worker looks up its
CommandList, already removed, and the NoMatches it raises ends the app. Prints the
outcome; exit status 1 when it crashed.
"""

import sys
import traceback

from textual import events
from textual.app import App


class Repro(App[None]):
    pass


def burst(app: App[None], *keys: str) -> None:
    """Post keys with no pause between them, as a terminal delivers a fast burst."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


async def main() -> int:
    app = Repro()
    try:
        async with app.run_test() as pilot:
            for _ in range(10):
                burst(app, "ctrl+p", "q", "escape", "x", "y")
                for _ in range(5):
                    await pilot.pause()
    except Exception:
        print("REPRODUCED:")
        traceback.print_exc(limit=-6)
        return 1
    print("not reproduced: ten bursts handled")
    return 0


if __name__ == "__main__":
    import asyncio

    sys.exit(asyncio.run(main()))
