"""The bounded stress run of the normal suite: several seeds, over 5,000 events in all.

Each seed runs in a child process (`python -m tests.stress --seed N`) with a deadline and
a folder of its own, several at a time (`seeds_at_once`: three alone on two cores, as each
waits on the app between events and a third keeps the cores busier); a seed fails on any
exception or hang, and its report names the seed, the last events and the command that
replays them. The engine waits for the app to be at rest after every event, so a seed
walks the same way however busy the machine is: a failure here replays with the command it
prints. Together the seeds must have shown every screen the app defines, so a new screen
that no key reaches fails here until one does. The whole run: `python -m pytest -q
tests/stress` (see the README's Reliability section for its time).
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import os
import pkgutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Static

import briefing.ui.screens

from .briefs import write_all
from .engine import Driver, Hang, Journal, run
from .supervise import Outcome, run_child

SEEDS = (3, 1, 5, 0, 4, 7, 2)
"""seed % 4 picks the brief: bundled (0, 4), hostile text (1, 5), many items (2), the
picker over a folder of briefs (3, 7). The costliest start first (seed 3 opens the hostile
briefs from the picker, 1 and 5 are on hostile text), so the short ones fill the end."""
EVENTS = 740
"""Per seed: 7 x 740 = 5,180 events."""
EVENT_TIMEOUT = 30.0
"""Seconds one event may take before the run counts as hung (CI machines are slower)."""
DEADLINE = 600.0
"""Seconds a whole seed may take before it is killed and reported."""
NOT_DRIVEN = {"ItemsScreen", "OnTop", "ModalOnTop", "LoadingScreen"}
"""Screen classes that are only bases of others, and the screen shown while a brief is
checked before its first frame (the stress test opens briefs already loaded)."""
pytestmark = pytest.mark.xdist_group("stress")
"""Under pytest-xdist every test here runs in one worker, so the seeds run once."""


def seeds_at_once(session: pytest.Session) -> int:
    """How many seeds run side by side: one more busy process than there are cores (a
    seed waits on its app between events, so on two cores three run faster than two),
    counting the pytest-xdist workers that run the suite's other tests meanwhile; two at
    least. On two cores: three alone, two beside one other worker."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    others = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1")) - 1
    if all(item.path == Path(__file__) for item in session.items):
        others = 0  # only this file runs: the other workers have nothing to do
    return max(2, cores + 1 - others)


@pytest.fixture(scope="module")
def outcomes(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[int, Outcome]]:
    """Every seed's outcome, several at a time (`seeds_at_once`)."""
    workdir = tmp_path_factory.mktemp("stress")
    with ThreadPoolExecutor(max_workers=seeds_at_once(request.session)) as pool:
        runs = {
            seed: pool.submit(
                run_child, seed, EVENTS, workdir, timeout=EVENT_TIMEOUT, deadline=DEADLINE
            )
            for seed in SEEDS
        }
        yield {seed: run.result() for seed, run in runs.items()}


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_survives(outcomes: dict[int, Outcome], seed: int) -> None:
    """No exception, no hang, every event handled."""
    outcome = outcomes[seed]
    assert outcome.ok, outcome.output
    assert outcome.result is not None
    print(outcome.result)  # shown by `pytest -rP`: the screens seen, the slowest event, CPU
    assert outcome.result["events"] == EVENTS


def app_screens() -> set[str]:
    """The names of every concrete screen class the app defines."""
    names: set[str] = set()
    for module in pkgutil.iter_modules(briefing.ui.screens.__path__):
        loaded = importlib.import_module(f"briefing.ui.screens.{module.name}")
        for name, value in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(value, Screen) and value.__module__ == loaded.__name__:
                names.add(name)
    return names - NOT_DRIVEN


def test_every_screen_was_driven(outcomes: dict[int, Outcome]) -> None:
    """The seeds together reached every screen (and over 5,000 events were sent)."""
    seen: set[str] = set()
    events = 0
    for outcome in outcomes.values():
        if outcome.result is not None:
            seen.update(outcome.result["screens"])  # type: ignore[arg-type]
            events += outcome.result["events"]  # type: ignore[operator]
    assert app_screens() - seen == set()
    assert events >= 5000


def test_hostile_briefs_pass_the_checker(tmp_path: Path) -> None:
    """The generated briefs are valid: the reader opens them rather than refusing them."""
    from briefing.brief.loader import load_brief

    for path in write_all(tmp_path).values():
        assert load_brief(path, use_cache=False).excerpts


class Fragile(App[None]):
    """An app that breaks on the first key it is sent."""

    def compose(self) -> ComposeResult:
        """Something to click on."""
        yield Static("fragile")

    def on_key(self) -> None:
        """Crash."""
        raise RuntimeError("broken by a key")


class Stuck(App[None]):
    """An app that takes far too long over its first key."""

    def compose(self) -> ComposeResult:
        """Something to click on."""
        yield Static("stuck")

    def __init__(self) -> None:
        super().__init__()
        self.released = asyncio.Event()

    async def on_key(self) -> None:
        """Hang until released (for longer than the engine's timeout)."""
        await self.released.wait()


async def test_a_crash_is_reported_with_its_seed_and_replay() -> None:
    """The engine lets the app's exception through, and the report replays it."""
    journal = Journal(7, "fragile")
    with pytest.raises(RuntimeError, match="broken by a key"):
        await run(Fragile, journal, 200)
    report = journal.report()
    assert "seed 7" in report
    assert f"python -m tests.stress --seed 7 --events {journal.count}" in report
    assert journal.last[-1].startswith(f"#{journal.count} ")


async def test_a_hang_is_reported() -> None:
    """An event not handled within the timeout is a Hang, named in the journal."""
    journal = Journal(3, "stuck")
    app = Stuck()
    async with app.run_test() as pilot:
        with pytest.raises(Hang):
            await Driver(pilot, journal, timeout=0.5).keys(["x"])
        app.released.set()
        await pilot.pause()
    assert journal.last[-1] == "#1 key x"
