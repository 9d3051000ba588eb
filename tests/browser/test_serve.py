"""`briefing serve` in a real browser: headless Chromium driven by Playwright.

The server runs on 127.0.0.1 as a user would start it. The page is drawn on a canvas, so
what the browser received is read from the websocket frames the page got (the terminal
output, escape sequences removed), and copying is checked in the browser's own clipboard.
Without Chromium or Playwright these tests skip with a loud reason; under CI they fail,
because `.ci/run` installs both.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest

TIMEOUT = 60.0
pytestmark = pytest.mark.xdist_group("browser")  # under pytest-xdist, one worker and one server
_ESCAPES = re.compile(rb"\x1b\[[0-9;?$]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][AB0]")


def _missing(reason: str) -> None:
    message = f"BROWSER TESTS NOT RUN: {reason}"
    if os.environ.get("CI"):
        pytest.fail(message + " (.ci/run installs it; CI must run these tests)")
    pytest.skip(message)


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    _missing("no Chromium on this machine (Debian: apt-get install chromium)")
    raise AssertionError  # unreachable: _missing raises


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    pytest.importorskip("textual_serve", reason="the serve extra is not installed")
    port = _free_port()
    home = tmp_path_factory.mktemp("served-home")  # settings, basket and cache of its own
    folders = {f"XDG_{n.upper()}_HOME": str(home / n) for n in ("config", "data", "cache")}
    process = subprocess.Popen(
        [sys.executable, "-m", "briefing", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        env={**os.environ, **folders},
    )
    deadline = time.monotonic() + TIMEOUT
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.communicate(timeout=5)[0].decode(errors="replace")
                pytest.fail(f"briefing serve did not start:\n{output}")
            time.sleep(0.1)  # waiting for a port to open; nothing else to wait on
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.communicate(timeout=30)


class Page:
    """A browser tab on the served reader, with what its websocket has received."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.received = bytearray()
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload: bytes | str) -> None:
        self.received += payload if isinstance(payload, bytes) else payload.encode()

    def text(self, since: int = 0) -> str:
        return _ESCAPES.sub(b"", bytes(self.received[since:])).decode("utf-8", "replace")

    def wait_for(self, *needles: str, since: int = 0) -> None:
        """Wait until every needle has arrived in the page (after byte `since`)."""
        deadline = time.monotonic() + TIMEOUT
        while not all(n in self.text(since) for n in needles):
            if time.monotonic() > deadline:
                missing = [n for n in needles if n not in self.text(since)]
                tail = self.text(since)[-600:]
                pytest.fail(f"the page never showed {missing}; it last showed:\n{tail}")
            self.page.wait_for_timeout(50)

    def press(self, *keys: str) -> int:
        """Press keys in the terminal; the byte offset from which to look for their effect."""
        mark = len(self.received)
        for key in keys:
            self.page.keyboard.press(key)
        return mark

    def clipboard(self, needle: str) -> str:
        """The browser clipboard's text, once it holds the needle (or at the deadline)."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            text = str(self.page.evaluate("navigator.clipboard.readText()"))
            if needle in text or time.monotonic() > deadline:
                return text
            self.page.wait_for_timeout(50)


@pytest.fixture
def browser_page(server: str) -> Iterator[Page]:
    chromium = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright is not installed (it is in the test extra)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
        page = Page(context.new_page())
        page.page.goto(server)
        page.wait_for("India and Russia", "Summary")
        page.page.mouse.click(5, 5)  # the title line: focuses the terminal, does nothing else
        yield page
        browser.close()


def test_the_page_shows_the_brief_and_its_three_panes(browser_page: Page) -> None:
    browser_page.wait_for("Disputes", "Key figures")
    mark = browser_page.press("t")
    browser_page.wait_for("Topics", "Timeline", "Excerpts", since=mark)


def _search(page: Page, query: str) -> int:
    """Open search, wait for its box, type the query; the offset to look for hits from."""
    mark = page.press("/")
    page.wait_for("complete a filter", since=mark)
    mark = len(page.received)
    page.page.keyboard.type(query)
    return mark


def test_typing_a_search_shows_hits(browser_page: Page) -> None:
    mark = _search(browser_page, "kaliningrad")
    browser_page.wait_for("Kaliningrad", "excerpt", since=mark)


def test_copy_puts_the_quote_and_its_citation_in_the_browser_clipboard(
    browser_page: Page,
) -> None:
    mark = _search(browser_page, "first face-to-face discussion")
    browser_page.wait_for("2 hits", since=mark)
    mark = browser_page.press("Enter")  # the first hit: the dispute, side by side
    browser_page.wait_for("Side 1 of 2", since=mark)
    mark = browser_page.press("c")
    browser_page.wait_for("Copied", since=mark)
    copied = browser_page.clipboard("face-to-face")
    assert "first face-to-face discussion" in copied
    assert "¶" in copied  # the citation's paragraph locator came with it
