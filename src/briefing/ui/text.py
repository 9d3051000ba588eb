"""The only way text from a brief or an article reaches a widget: sanitised `Text` objects.

Never pass such text to Textual or Rich as a string: a string is parsed as markup, so a
stray `[/]` would crash the app and `[@click=app.quit]` would run an action.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from briefing.sanitize import one_line, sanitize, web_link


def safe(text: str, style: str | Style = "") -> Text:
    """Untrusted text as a Text: control sequences neutralised, never parsed as markup."""
    return Text(sanitize(text), style=style, end="")


def safe_line(text: str, style: str | Style = "") -> Text:
    """Untrusted text folded onto one line, for titles, previews and list rows."""
    return Text(one_line(text), style=style, end="", no_wrap=True, overflow="ellipsis")


def link_text(url: str, shown: str | None = None) -> Text:
    """A URL (or `shown` in its place) on one line; a clickable OSC 8 link only when the
    URL is a plain http(s) one (`briefing.sanitize.web_link`), else text alone."""
    target = web_link(url)
    style = Style(underline=True, link=target) if target else Style(underline=True)
    return safe_line(shown or url, style)
