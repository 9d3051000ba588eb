"""The only way text from a brief or an article reaches a widget: sanitised `Text` objects.

Never pass such text to Textual or Rich as a string: a string is parsed as markup, so a
stray `[/]` would crash the app and `[@click=app.quit]` would run an action.

A value may hold up to 200,000 characters. Widgets show at most `MAX_SHOWN` of one (and a
line at most `MAX_LINE`), saying how much is left out: wrapping a whole 200,000-character
title again on every resize took seconds. Articles are shown whole by the reader, which
wraps only the lines on screen.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from briefing.sanitize import one_line, sanitize, web_link

MAX_TYPED = 2000
"""The most characters a text box takes (a path, a note, an id, a find): a paste of a
whole article into one would make every keystroke and redraw walk it."""

MAX_SHOWN = 20_000
"""The most characters of one value that a widget shows (about ten pages)."""
MAX_LINE = 2_000
"""The most characters of one value folded onto a line (wider than any terminal)."""
MAX_ENTRY = 1_500
"""The most characters of one value in a list entry (a dozen lines or so): Textual's
option lists draw every line of an entry whenever they redraw it, and entries of 20,000
characters cost seconds a key on the disputes screen."""


def clipped(text: str, limit: int = MAX_SHOWN) -> str:
    """The text, or its first `limit` characters and how many more there are."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit:,} more characters)"


def shown(text: str) -> str:
    """Text any terminal can be sent: controls and lone surrogates (the bytes of a file
    name that is not UTF-8, or a YAML escape) made visible as `⟨U+DC80⟩`, exactly as the
    command line prints them (see briefing.sanitize)."""
    return sanitize(text)


def safe(text: str, style: str | Style = "") -> Text:
    """Untrusted text as a Text: control sequences neutralised, never parsed as markup."""
    return Text(shown(clipped(text)), style=style, end="")


def safe_entry(text: str, style: str | Style = "") -> Text:
    """Untrusted text for a list entry: as `safe`, at most `MAX_ENTRY` characters."""
    return Text(shown(clipped(text, MAX_ENTRY)), style=style, end="")


def safe_line(text: str, style: str | Style = "") -> Text:
    """Untrusted text folded onto one line, for titles, previews and list rows."""
    line = one_line(shown(clipped(text, MAX_LINE)))
    return Text(line, style=style, end="", no_wrap=True, overflow="ellipsis")


def link_text(url: str, shown: str | None = None) -> Text:
    """A URL (or `shown` in its place) on one line; a clickable OSC 8 link only when the
    URL is a plain http(s) one (`briefing.sanitize.web_link`), else text alone."""
    target = web_link(url)
    style = Style(underline=True, link=target) if target else Style(underline=True)
    return safe_line(shown or url, style)
