"""Prose drawn for the screen: sentences as `Text`, each backed claim followed by its compact
marker (`[○]` one source, `[●3]` three), never the raw `[@…]` the brief holds."""

from __future__ import annotations

from rich.style import Style
from rich.text import Span, Text

from briefing.brief.prose import Evidence, Prose
from briefing.ui.text import safe


def marker_text(evidence: Evidence) -> str:
    """A claim's marker as shown after it."""
    return f"[{evidence.label}]"


def prose_text(
    prose: Prose,
    style: str | Style = "",
    marker_style: str | Style = "bold",
    selected: int | None = None,
    selected_style: str | Style = "reverse",
    click: str | None = None,
    first: int = 0,
) -> Text:
    """The prose as one Text: paragraphs separated by a blank line, each backed claim's
    marker right after it; the claim numbered `selected` has its marker highlighted.

    With `click`, a click on a marker runs that action of the widget showing the text,
    with the claim's number (`click="claim"` runs `action_claim(3)`). Claims are numbered
    from `first + 1`, for text that shows several pieces of prose one after another."""
    shown = Text(end="")
    for index, paragraph in enumerate(prose.paragraphs):
        if index:
            shown.append("\n\n")
        for position, sentence in enumerate(paragraph):
            if position:
                shown.append(" ")
            shown.append_text(safe(sentence.text, style))
            if sentence.evidence is not None:
                number = first + sentence.evidence.number
                look = _style(selected_style if number == selected else marker_style)
                if click:
                    look += Style.from_meta({"@click": f"{click}({number})"})
                shown.append(marker_text(sentence.evidence), look)
    return shown


def _style(style: str | Style) -> Style:
    return Style.parse(style) if isinstance(style, str) else style


def marker_end(text: Text, number: int) -> int:
    """Where the marker of claim `number` ends in text drawn with `click` (else its end)."""
    found = _marker_span(text, number)
    return len(text) if found is None else found.end


def has_marker(text: Text, number: int) -> bool:
    """Whether text drawn with `click` holds (part of) the marker of claim `number`."""
    return _marker_span(text, number) is not None


def _marker_span(text: Text, number: int) -> Span | None:
    for span in text.spans:
        style = span.style
        if isinstance(style, Style) and style.meta.get("@click", "").endswith(f"({number})"):
            return span
    return None
