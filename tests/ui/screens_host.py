"""Helpers for the secondary screens' tests: a tiny app that pushes one screen, and the
screen's text exactly as a user would see it (read from Textual's own screenshot)."""

from __future__ import annotations

import html
import re
from typing import Any

from textual.app import App
from textual.screen import Screen

_TEXT = re.compile(
    r'<text [^>]*?x="([\d.]+)"[^>]*?clip-path="url\(#[\w-]+-line-(\d+)\)">([^<]*)</text>'
)
_CELL = 12.2  # the width of one cell in Textual's SVG screenshots


class Host(App[None]):
    """Pushes one screen on mount and records what it dismisses with."""

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self.first = screen
        self.results: list[object] = []

    def on_mount(self) -> None:
        """Show the screen under test."""
        self.push_screen(self.first, self.results.append)


def screen_lines(app: App[Any]) -> list[str]:
    """The terminal's lines as text (from the SVG screenshot: what a user sees)."""
    rows: dict[int, dict[int, str]] = {}
    for x, line, text in _TEXT.findall(app.export_screenshot()):
        column = round(float(x) / _CELL)
        for offset, char in enumerate(html.unescape(text).replace("\u00a0", " ")):
            rows.setdefault(int(line), {})[column + offset] = char
    height = app.size.height
    lines = []
    for number in range(height):
        cells = rows.get(number, {})
        lines.append("".join(cells.get(c, " ") for c in range(app.size.width)).rstrip())
    return lines


def screen_text(app: App[Any]) -> str:
    """All the terminal's text, lines joined by newlines."""
    return "\n".join(screen_lines(app))


def words(text: str) -> list[str]:
    """The words of a text, ignoring layout (wrapping, borders, padding)."""
    return text.replace("│", " ").split()
