"""What a person calls an item: its title, name, label or question; for an excerpt, the
start of its quote and where it is from. Shown in notifications, search hits and the
basket instead of ids."""

from __future__ import annotations

from briefing.brief.model import Brief, Dispute, Entity, Event, Excerpt, Figure, Item, Topic
from briefing.sanitize import one_line

QUOTE_WIDTH = 48
"""How much of a quote names its excerpt."""


def shortened(text: str, width: int) -> str:
    """One line of at most about `width` characters, cut at a word with `…`."""
    line = one_line(text).strip()
    if len(line) <= width:
        return line
    cut = line[: width - 1]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.–—-") + "…"


def item_label(brief: Brief, item: Item, width: int = QUOTE_WIDTH) -> str:
    """`“The port authority of Kaliningrad signed…” (Baltic Ledger ¶3)`, `Trade`, …"""
    if isinstance(item, Excerpt):
        source = brief.source(item.source)
        quote = shortened(item.quote.strip("“”\"‘’'"), width)
        where = shortened(source.outlet or source.title, 32)
        return f"“{quote}” ({where} ¶{item.paragraph})"
    if isinstance(item, Event | Topic):
        return shortened(item.title, width + 20)
    if isinstance(item, Entity):
        return shortened(item.name, width + 20)
    if isinstance(item, Figure):
        return shortened(item.label, width + 20)
    if isinstance(item, Dispute):
        return shortened(item.question, width + 20)
    return shortened(item.title, width + 20)
