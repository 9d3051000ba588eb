"""The stress test's engine: a seeded random walk of keys, bursts, pastes, resizes and clicks.

Event number `i` of seed `s` is drawn from its own generator (`Random(f"{s}:{i}")`), so a
run replays exactly: the same seed gives the same events on the same brief. Where an event
names "a key the screen binds", the draw picks a position in the screen's live bindings,
so new screens and new keys are exercised without this file knowing them.

Events go in as a terminal would send them: keys and mouse buttons posted to the app (it
turns a press and release into a click, as it does for a real driver), pastes as one
Paste event, resizes as the driver's Resize. After each event the engine waits until the
app is at rest (`Driver.settle`: no sleeping) and draws the screen, the only frames drawn
(see setup.frames_by_the_engine); a burst posts all its keys first and waits once.
"""

from __future__ import annotations

import asyncio
import random
import string
import time
import unicodedata
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App
from textual.geometry import Size
from textual.message_pump import MessagePump
from textual.pilot import Pilot
from textual.worker import WorkerState

from .briefs import NASTY

BRIEFS = ("bundled", "hostile-text", "hostile-many", "picker")
"""What seed `s` runs on: BRIEFS[s % 4]."""

NAVIGATION = (
    *("tab", "shift+tab", "enter", "escape", "space", "backspace", "delete"),
    *("up", "down", "left", "right", "pageup", "pagedown", "home", "end"),
    *("ctrl+p", "question_mark", "slash", "shift+up", "shift+down", "ctrl+a", "ctrl+e"),
    *("ctrl+k", "ctrl+u", "ctrl+w", "ctrl+left", "ctrl+right", "shift+home", "shift+end"),
    *("f1", "insert", "ctrl+c", "ctrl+x", "ctrl+v", "ctrl+z", "ctrl+y"),
)
QUIT_KEYS = frozenset({"q", "Q", "ctrl+q"})
"""Keys that end the app: kept rare, or a run spends its time starting up."""
TYPED = string.ascii_letters + string.digits + string.punctuation + " " * 8
WEIRD = "éßø漢字👍\u202e\u200b\u0301\x1b\x00\x7f\x9b\ufeff" + "".join(
    chr(0xE0000 + c) for c in range(0x20, 0x7F, 17)
)
SETTLE_ROUNDS = 6
"""Rounds of waiting after an event before the next is sent anyway (a blinking cursor's
timer queues a message now and then, so "nothing queued" is not always reached)."""
NOTIFICATION_EVENTS = 8
"""Notifications stay on screen (where clicks can land on them) until the next event whose
number is a multiple of this; Textual's own expiry goes by the clock."""
BURST_SEEDS = ("topic:abcdef", "source:", "entity:x", "kind:event", "year:2020-2024", '"a phrase"')


@dataclass
class Journal:
    """The last events, for the failure report, and the screens seen."""

    seed: int
    brief: str
    last: deque[str] = field(default_factory=lambda: deque(maxlen=30))
    count: int = 0
    screens: set[str] = field(default_factory=set)
    slowest: tuple[float, str] = (0.0, "")
    path: Path | None = None
    """A file the journal is appended to as it goes (for a supervisor that kills a hang)."""

    def add(self, line: str, *, event: bool = True) -> None:
        """Record an event before it is sent (or, with event=False, a note)."""
        self.count += event
        entry = f"#{self.count} {line}" if event else f"   {line}"
        self.last.append(entry)
        if self.path is not None:
            with self.path.open("a", encoding="utf-8", errors="backslashreplace") as log:
                log.write(entry + "\n")

    def report(self) -> str:
        """Seed, brief, the last events and how to replay them."""
        lines = [
            f"stress: seed {self.seed} on brief {self.brief!r}, "
            f"failed at event {self.count}; the last events:",
            *(f"  {entry}" for entry in self.last),
            f"replay: python -m tests.stress --seed {self.seed} --events {self.count}",
        ]
        return "\n".join(lines)


class Hang(Exception):
    """The app did not finish handling an event in time."""


def key_event(key: str) -> events.Key:
    """A Key event as a terminal would produce it (printable keys carry their character)."""
    if len(key) == 1:
        name = key if key.isalnum() else _char_name(key)
        return events.Key(name, key)
    try:
        char: str | None = unicodedata.lookup(key.replace("_", " "))
    except KeyError:
        char = {"space": " ", "tab": "\t", "enter": "\r", "escape": "\x1b"}.get(key)
    return events.Key(key, char if char is None or char.isprintable() or key != char else None)


def _char_name(char: str) -> str:
    try:
        return unicodedata.name(char).lower().replace(" ", "_").replace("-", "_")
    except ValueError:
        return f"u{ord(char):04x}"


def paste_text(rng: random.Random) -> str:
    """A paste of up to 1 MB: typed text, nasty text, one long word, or many lines."""
    size = min(1_000_000, int(2 ** rng.uniform(0, 20)))
    shape = rng.random()
    if shape < 0.25:
        piece = rng.choice(NASTY)
    elif shape < 0.5:
        piece = rng.choice(BURST_SEEDS) + " "
    elif shape < 0.75:
        piece = rng.choice("xW漢\u0301")
    else:
        piece = "line\n" + rng.choice(WEIRD)
    return (piece * (size // len(piece) + 1))[:size]


def _waiting(node: MessagePump) -> bool:
    """Whether the node's message loop waits for a message with nothing queued (or has
    ended). Read from Textual's queue: its loop waits on the queue's `ready_event`, which
    a message sets."""
    if node._closed:
        return True
    ready = node._message_queue.ready_event
    return not ready.is_set() and any(not waiter.done() for waiter in ready._waiters)  # type: ignore[attr-defined]


class Driver:
    """Sends one seed's events to a running app and waits for each to be handled."""

    def __init__(self, pilot: Pilot[object], journal: Journal, timeout: float) -> None:
        self.pilot = pilot
        self.app: App[object] = pilot.app
        self.journal = journal
        self.timeout = timeout
        self.number = 0
        """The event being sent; its mouse events carry it as their time."""

    async def settle(self) -> None:
        """Wait until the app is at rest: every node of every open screen has handled what
        was queued, every worker has finished, the screen has refreshed (which runs the
        callbacks queued for after a refresh), and the round left nothing new queued. What
        the next event meets then depends on the events so far, not on how busy the
        machine was. Raise Hang after the timeout."""
        deadline = time.monotonic() + self.timeout
        for _ in range(SETTLE_ROUNDS):
            if not self.app.is_running:
                return
            await self._handled(deadline)
            await self._workers_finished(deadline)
            await self._animations_finished(deadline)
            await self._updates_resumed(deadline)
            if not self.app.is_running:
                return
            # As Pilot.pause does: the refresh Textual would run on its next frame, now.
            self.app.screen._on_timer_update()
            await self._handled(deadline)
            if self._at_rest():
                return

    def _nodes(self) -> list[MessagePump]:
        """The app and every node of every screen in its stack."""
        nodes: list[MessagePump] = [self.app]
        for screen in self.app.screen_stack:
            nodes.extend(screen.walk_children(with_self=True))
        return nodes

    def _busy(self) -> list[MessagePump]:
        """The nodes not waiting for their next message with nothing queued."""
        return [node for node in self._nodes() if not _waiting(node)]

    def _at_rest(self) -> bool:
        """Every node waiting for a message, no worker still running, updates not held."""
        if self.app._batch_count or any(not w.is_finished for w in self.app.workers):
            return False
        return not self._busy()

    async def _handled(self, deadline: float) -> None:
        """Wait until every node waits for its next message with nothing queued: the busy
        ones are sent a callback queued behind their messages, until none is busy. (Idle
        nodes, most of them after most events, are left alone: a callback to each of
        them after every event was a fifth of the run.)"""
        while busy := self._busy():
            if not await self._called_back(busy, deadline):
                return

    async def _called_back(self, nodes: list[MessagePump], deadline: float) -> bool:
        """Wait until each node has run a callback queued behind its messages; False if
        none could take one (all closing)."""
        done = asyncio.Event()
        waiting: set[int] = set()

        def finish(node: object) -> None:
            waiting.discard(id(node))
            if not waiting:
                done.set()

        for node in nodes:
            if node.call_later(finish, node):
                waiting.add(id(node))
        if not waiting:
            return False
        while waiting and self.app.is_running:  # a crash ends the app: stop waiting then
            try:
                await asyncio.wait_for(done.wait(), 0.05)
            except TimeoutError:
                if time.monotonic() > deadline:
                    raise Hang(f"not handled within {self.timeout} s") from None
        return self.app.is_running

    async def _updates_resumed(self, deadline: float) -> None:
        """Wait for `App.delay_update` to end (the command palette holds the screen's
        updates for 50 ms, by a timer, when it runs a command): a key sent before then met
        a screen not yet laid out on a fast machine and a laid-out one on a slow one."""
        while self.app._batch_count and self.app.is_running:
            if time.monotonic() > deadline:
                raise Hang(f"screen updates still held after {self.timeout} s")
            await asyncio.sleep(0.01)

    async def _animations_finished(self, deadline: float) -> None:
        """Wait for scrolling and other animations to end (at their next frame: see
        `unhurried`)."""
        try:
            await asyncio.wait_for(
                self.app.animator.wait_until_complete(), max(0.0, deadline - time.monotonic())
            )
        except TimeoutError:
            raise Hang(f"animations still running after {self.timeout} s") from None

    async def _workers_finished(self, deadline: float) -> None:
        """Wait for every started worker (threads included) to finish, however it ends."""
        running = [w for w in self.app.workers if w.state == WorkerState.RUNNING]
        if not running:
            return
        tasks = [asyncio.ensure_future(worker.wait()) for worker in running]
        _, pending = await asyncio.wait(tasks, timeout=max(0.0, deadline - time.monotonic()))
        for task in tasks:
            if task.done() and not task.cancelled():
                task.exception()  # a worker's failure is the app's to report, not ours
            else:
                task.cancel()
        if pending:
            names = ", ".join(sorted(worker.name for worker in running))
            raise Hang(f"workers still running after {self.timeout} s: {names}")

    async def step(self, number: int) -> None:
        """Draw event `number` of the seed, record it, send it and wait for it."""
        rng = random.Random(f"{self.journal.seed}:{number}")
        self.number = number
        if number % NOTIFICATION_EVENTS == 0:
            self.app.clear_notifications()
        roll = rng.random()
        started = time.monotonic()
        if roll < 0.40:
            await self.keys([self._bound_key(rng)])
        elif roll < 0.62:
            await self.keys([rng.choice(NAVIGATION)])
        elif roll < 0.75:
            await self.keys([rng.choice(TYPED if rng.random() < 0.9 else WEIRD)])
        elif roll < 0.82:
            await self._burst(rng)
        elif roll < 0.85:
            await self._paste(rng)
        elif roll < 0.88:
            await self._resize(rng)
        elif roll < 0.96:
            await self._click(rng)
        else:
            await self._scroll(rng)
        took = time.monotonic() - started
        if took > self.journal.slowest[0]:
            self.journal.slowest = (took, self.journal.last[-1] if self.journal.last else "")
        self.journal.screens.add(type(self.app.screen).__name__)

    def _bound_key(self, rng: random.Random) -> str:
        """A key the current screen (or the focused widget, or the app) binds."""
        keys = sorted(self.app.screen.active_bindings)
        key = keys[int(rng.random() * len(keys))] if keys else "escape"
        if key in QUIT_KEYS and rng.random() < 0.9:
            return "escape"
        return key

    async def keys(self, keys: list[str], label: str = "key") -> None:
        """Send keys with no pause between them, then wait for them to be handled."""
        self.journal.add(f"{label} {' '.join(keys)}")
        for key in keys:
            self.app.post_message(key_event(key))
        await self.settle()

    async def _burst(self, rng: random.Random) -> None:
        """Keys with no pause between them: an opening key, then typing (a paste by hand),
        then a few keys that move or choose. Typing starts searches whose hits a worker
        lists as they come (the palette's by the clock), so the moving keys wait until
        the typing is handled; with no typing they follow the opener at once."""
        opener = rng.choice(("slash", "ctrl+p", "question_mark", self._bound_key(rng), "tab"))
        typed = rng.choice(BURST_SEEDS) if rng.random() < 0.5 else ""
        typed += "".join(rng.choices(TYPED, k=rng.randint(0, 40)))
        tail = rng.choices(("pageup", "pagedown", "up", "down", "enter", "tab", "escape"), k=3)
        moves = tail[: rng.randint(0, 3)]
        if not typed:
            await self.keys([k for k in (opener, *moves) if k not in QUIT_KEYS], label="burst")
            return
        keys = [k for k in (opener, *typed) if k not in QUIT_KEYS]
        self.journal.add(f"burst {' '.join(keys)}" + (f" | then {' '.join(moves)}" * bool(moves)))
        for group in (keys, moves):
            for key in group:
                self.app.post_message(key_event(key))
            await self.settle()

    async def _paste(self, rng: random.Random) -> None:
        text = paste_text(rng)
        self.journal.add(f"paste {len(text)} chars: {text[:40]!r}")
        self.app.post_message(events.Paste(text))
        await self.settle()

    async def _resize(self, rng: random.Random) -> None:
        shape = rng.random()
        if shape < 0.3:
            width, height = rng.randint(1, 12), rng.randint(1, 6)
        elif shape < 0.4:
            width, height = rng.randint(250, 300), rng.randint(80, 100)
        else:
            width, height = rng.randint(20, 160), rng.randint(5, 50)
        self.journal.add(f"resize {width}x{height}")
        await self.resize(width, height)

    async def resize(self, width: int, height: int) -> None:
        """As the terminal sends a resize (and Pilot.resize_terminal does), without the
        wait: Textual passes the new size on to the screens 1/120 s after the last
        resize, by a timer; the engine does that at once, when the app has taken it in."""
        size = Size(width, height)
        self.app._driver._size = size  # type: ignore[union-attr]
        self.app.post_message(events.Resize(size, size))
        await self._handled(time.monotonic() + self.timeout)
        if self.app._resize_timer is not None:
            self.app._check_resize()
        await self.settle()

    def _mouse(self, kind: type[events.MouseEvent], x: int, y: int, button: int) -> None:
        """Post a mouse event stamped with the event's number rather than the clock, so
        two clicks make a double click when they are one event ("twice") and never when
        they are two events, however long the machine took between them."""
        event = kind(None, x, y, 0, 0, button, False, False, False, x, y)
        event.time = self.number * 10.0
        self.app.post_message(event)

    async def _click(self, rng: random.Random) -> None:
        size: Size = self.app.size
        x, y = rng.randrange(max(size.width, 1)), rng.randrange(max(size.height, 1))
        times = 2 if rng.random() < 0.2 else 1
        self.journal.add(f"click {x},{y}" + (" twice" if times == 2 else ""))
        for _ in range(times):
            self._mouse(events.MouseDown, x, y, 1)
            self._mouse(events.MouseUp, x, y, 1)
        await self.settle()

    async def _scroll(self, rng: random.Random) -> None:
        size: Size = self.app.size
        x, y = rng.randrange(max(size.width, 1)), rng.randrange(max(size.height, 1))
        down = rng.random() < 0.6
        kind = events.MouseScrollDown if down else events.MouseScrollUp
        count = rng.randint(1, 20)
        self.journal.add(f"scroll {'down' if down else 'up'} x{count} at {x},{y}")
        for _ in range(count):
            self._mouse(kind, x, y, 0)
        await self.settle()


AppFactory = Callable[[], App[object]]


def unhurried(app: App[object]) -> None:
    """Take the clock out of what the app shows: animations end at their next frame (the
    engine waits for that), and notifications stay until the engine clears them (see
    NOTIFICATION_EVENTS) instead of expiring after so many seconds."""
    app.animation_level = "none"
    notify = app.notify

    def notify_until_cleared(message: str, **options: Any) -> None:
        notify(message, **{**options, "timeout": 1e6})

    app.notify = notify_until_cleared  # type: ignore[method-assign]


async def run(
    make_app: AppFactory,
    journal: Journal,
    events_count: int,
    *,
    timeout: float = 10.0,
    on_step: Callable[[], None] | None = None,
    on_hang: Callable[[Hang], None] | None = None,
) -> None:
    """Send `events_count` events to apps made by `make_app` (a new one whenever one quits).

    Raises whatever the app raised, or Hang (after calling `on_hang`, which may end the
    process at once: closing a stuck app can take as long as it stays stuck)."""
    number = 0
    while number < events_count:
        app = make_app()
        unhurried(app)
        size = random.Random(f"{journal.seed}:size:{number}").choice(((80, 24), (120, 40)))
        async with app.run_test(size=size, notifications=True) as pilot:
            driver = Driver(pilot, journal, timeout)
            journal.screens.add(type(app.screen).__name__)
            while number < events_count and app.is_running:
                try:
                    await driver.step(number)
                except Hang as hang:
                    if on_hang is not None:
                        on_hang(hang)
                    raise
                number += 1
                if on_step is not None:
                    on_step()
            if app.is_running:
                await pilot.pause()  # let the last frame render before closing
        if number < events_count:
            journal.add("(the app quit; starting it again)", event=False)
