"""An Input whose value holds a newline takes quadratic time per keystroke.

Run: python input_newline_quadratic.py
`Input.action_paste` (Ctrl+V) inserts the app's clipboard as it is, newlines included
(the Paste event keeps only the first line, Ctrl+V does not). Every cursor move then
measures the value with `expand_tabs.get_tab_widths`, whose pattern `(.*?\t|.+?$)` cannot
match `$` at an inner newline and retries from every position: quadratic in the length.
A 130,000-character value froze the app for minutes on one key. Prints the time of one
Ctrl+V and one key at three sizes; exit status 1 when doubling costs over 2.5 times more
(linear: 2).
"""

import sys
import time

from textual.app import App, ComposeResult
from textual.widgets import Input


class Repro(App[None]):
    def compose(self) -> ComposeResult:
        yield Input()


async def seconds(length: int) -> float:
    app = Repro()
    async with app.run_test() as pilot:
        app.copy_to_clipboard("x" * length + "\nsecond line")
        started = time.perf_counter()
        await pilot.press("ctrl+v", "left")
        return time.perf_counter() - started


async def main() -> int:
    timings = []
    for length in (4_000, 8_000, 16_000):
        timings.append(await seconds(length))
        print(f"{length:6} characters: {timings[-1]:7.2f} s")
    growth = timings[-1] / max(timings[-2], 1e-9)
    if growth > 2.5:
        print(f"REPRODUCED: doubling the value cost {growth:.1f} times more")
        return 1
    print(f"not reproduced: doubling the value cost {growth:.1f} times more")
    return 0


if __name__ == "__main__":
    import asyncio

    sys.exit(asyncio.run(main()))
