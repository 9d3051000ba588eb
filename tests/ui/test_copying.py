"""`c` and `a`: what lands on the app's clipboard, what the notification says, the basket."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from briefing.brief.model import Brief
from briefing.cite import clipboard
from briefing.cite.basket import Basket
from briefing.cite.citations import cite_item
from briefing.ui.app import BriefingApp
from briefing.ui.copying import add_to_basket, copy_item


class Tiny(App[None]):
    """An app that records its notifications."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[tuple[str, str]] = []

    def notify(self, message: str, **options: Any) -> None:  # type: ignore[override]
        """Record, then notify as usual."""
        assert options.get("markup") is False
        self.messages.append((message, options.get("severity", "information")))
        super().notify(message, **options)


def _fake_xclip(folder: Path) -> Path:
    script = folder / "xclip"
    script.write_text(
        f"#!{sys.executable}\nimport sys, pathlib\n"
        "pathlib.Path(sys.argv[0]).with_name('xclip.in').write_bytes(sys.stdin.buffer.read())\n"
    )
    script.chmod(0o755)
    return folder / "xclip.in"


EXPECTED = {
    "q-deal-signed": "the excerpt “The port authority of Kaliningrad signed a…” (Baltic Ledger ¶3)",
    "ev-deal": "the event Kaliningrad port signs cargo deal with the Alliance",
    "t-fighters": "the topic Fighters",
    "fig-deal-value": "the figure Value of the cargo deal",
    "d-capacity": "the dispute How much container capacity does the deal add?",
    "nowak": "the entity Piotr Nowak",
    "src-notes": "the source [Notes from the summit]",
}
"""What a notification calls each item: its kind and title, never its id."""


@pytest.mark.parametrize("item_id", sorted(EXPECTED))
async def test_copy_puts_the_citation_on_the_clipboard(
    sample: Brief, tool_folder: Path, item_id: str
) -> None:
    app = Tiny()
    async with app.run_test() as pilot:
        copy_item(app, sample, item_id, "apa")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.clipboard == cite_item(sample, item_id, "apa")
        assert app.messages == [(f"Copied {EXPECTED[item_id]} (APA) via OSC 52", "information")]


async def test_copy_names_the_system_tool_that_took_it(sample: Brief, tool_folder: Path) -> None:
    received = _fake_xclip(tool_folder)
    app = Tiny()
    async with app.run_test() as pilot:
        copy_item(app, sample, "q-summit", "mla")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert received.read_text(encoding="utf-8") == cite_item(sample, "q-summit", "mla")
    assert app.messages == [
        (
            "Copied the excerpt “The summit took place in September 2024 and…” "
            "(Summit Wire ¶2) (MLA) via OSC 52 and xclip",
            "information",
        )
    ]


async def test_too_large_for_osc52_and_no_tool_goes_to_a_file(
    sample: Brief, tool_folder: Path, user_folders: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clipboard, "OSC52_LIMIT", 100)
    app = Tiny()
    async with app.run_test() as pilot:
        copy_item(app, sample, "ev-deal", "chicago")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.clipboard == ""
    ((message, severity),) = app.messages
    assert severity == "warning"
    said = "Saved the event Kaliningrad port signs cargo deal with the Alliance (Chicago) to "
    assert message.startswith(said)
    path = Path(message.removeprefix(said).split(" (")[0])
    assert path.parent == user_folders / "data" / "briefing" / "clips"
    assert path.read_text(encoding="utf-8") == cite_item(sample, "ev-deal", "chicago")


async def test_too_large_for_osc52_but_a_tool_took_it_says_both(
    sample: Brief, tool_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clipboard, "OSC52_LIMIT", 100)
    received = _fake_xclip(tool_folder)
    app = Tiny()
    async with app.run_test() as pilot:
        copy_item(app, sample, "ev-deal", "apa")
        await app.workers.wait_for_complete()
        await pilot.pause()
    ((message, severity),) = app.messages
    prefix = (
        "Copied the event Kaliningrad port signs cargo deal with the Alliance (APA) via xclip; "
        "too large for OSC 52, also saved to "
    )
    assert message.startswith(prefix) and severity == "information"
    saved = Path(message.removeprefix(prefix)).read_text(encoding="utf-8")
    assert saved == received.read_text(encoding="utf-8") == cite_item(sample, "ev-deal", "apa")


async def test_nothing_copied_contains_control_characters(sample: Brief, tool_folder: Path) -> None:
    from dataclasses import replace

    poisoned = replace(
        sample.excerpt("q-deal-signed"),
        quote="The port\x1b]52;c;ZXZpbA==\x07 authority\u202e\x9b2J",
    )
    excerpts = tuple(poisoned if x.id == "q-deal-signed" else x for x in sample.excerpts)
    brief = replace(sample, excerpts=excerpts)
    received = _fake_xclip(tool_folder)
    app = Tiny()
    async with app.run_test() as pilot:
        copy_item(app, brief, "ev-deal", "markdown")
        await app.workers.wait_for_complete()
        await pilot.pause()
        copied = app.clipboard
    for text in (copied, received.read_text(encoding="utf-8")):
        assert text.startswith("3 Mar 2024 — Kaliningrad port")
        assert "> The port authority[^q-deal-signed]" in text
        assert not [c for c in text if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0]
        assert "\u202e" not in text


async def test_unknown_item_is_an_error_notification(sample: Brief, tool_folder: Path) -> None:
    app = Tiny()
    async with app.run_test():
        copy_item(app, sample, "q-[b]nope[/b]", "apa")
    ((message, severity),) = app.messages
    assert severity == "error" and message.startswith("no item with id 'q-[b]nope[/b]'")


async def test_add_to_basket_saves_a_snapshot_and_counts(sample: Brief, tool_folder: Path) -> None:
    app = Tiny()
    async with app.run_test():
        add_to_basket(app, sample, "q-deal-signed")
        add_to_basket(app, sample, "d-capacity")
    assert app.messages[-1] == (
        "Added the dispute How much container capacity does the deal add? to the basket (2 clips)",
        "information",
    )
    basket = Basket()
    basket.reload()
    assert [c.item_id for c in basket.clips] == ["q-deal-signed", "d-capacity"]


async def test_add_to_a_damaged_basket_warns(sample: Brief, tool_folder: Path) -> None:
    path = Basket().path
    path.parent.mkdir(parents=True)
    path.write_text("{", encoding="utf-8")
    app = Tiny()
    async with app.run_test():
        add_to_basket(app, sample, "q-summit")
    (warning, severity), added = app.messages
    assert severity == "warning" and "could not be read" in warning
    assert added[0].startswith("Added the excerpt “The summit took place in September")
    assert added[0].endswith("(Summit Wire ¶2) to the basket (1 clip)")


async def test_c_in_the_reader_copies_the_selected_item(
    app: BriefingApp, sample: Brief, tool_folder: Path
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        item_id = screen.selected_item_id()
        assert item_id is not None
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.clipboard == cite_item(sample, item_id, "plain")
