"""Search hits as the user sees them: kind, id, a one-line preview around the match with
the matched character ranges, and where the item comes from (source and ¶, or its date).

Previews are cut from the original text, sanitised and folded onto one line, and the ranges
refer to that preview, so a screen highlights them without ever parsing the text as markup.
"""

from __future__ import annotations

import re
from dataclasses import asdict

from briefing.brief.labels import item_label
from briefing.brief.model import Brief, Dispute, Entity, Event, Excerpt, Figure, Item, Source, Topic
from briefing.brief.prose import plain
from briefing.record import record
from briefing.sanitize import one_line, sanitize
from briefing.search.query import fold, fold_with_map

PREVIEW_WIDTH = 100
LEAD = 24  # characters of context kept before the first match
Range = tuple[int, int]


@record
class Hit:
    """One search result."""

    kind: str
    id: str
    preview: str
    ranges: tuple[Range, ...]
    where: str
    source: str | None = None
    paragraph: int | None = None
    date: str | None = None
    rank: int = 0
    via: str | None = None
    title: str = ""
    """What a person calls the item (its title, name or question; an excerpt's quote)."""
    part: str | None = None
    """What the preview is when it is not the item's main text: `note` for the brief
    author's note on an excerpt (never to be taken for the quote)."""

    def as_dict(self) -> dict[str, object]:
        """A plain dict for `--json`."""
        found = asdict(self)
        found["ranges"] = [list(r) for r in self.ranges]
        return found


def make_hit(
    brief: Brief,
    item: Item,
    texts: tuple[str, ...],
    linked: tuple[str, ...],
    pattern: re.Pattern[str],
    rank: int,
) -> Hit:
    """The hit for an item: the best-matching text, windowed around its first match."""
    text, ranges = _best_text(texts, pattern)
    via = _via(linked, pattern, _coverage(pattern, fold(text)))
    via = None if via is None else one_line(via)
    preview, shown = window(text, ranges)
    where, source, paragraph, date = _where(brief, item)
    part = "note" if isinstance(item, Excerpt) and item.note and text == item.note else None
    title = item_label(brief, item)
    return Hit(
        item.item_kind,
        item.id,
        preview,
        shown,
        where,
        source,
        paragraph,
        date,
        rank,
        via,
        title,
        part,
    )


def _best_text(texts: tuple[str, ...], pattern: re.Pattern[str]) -> tuple[str, list[Range]]:
    """The text that shows most of the query (the first on a tie), and its ranges."""
    best: tuple[int, str, list[Range]] = (0, texts[0] if texts else "", [])
    for text in texts:
        folded, offsets = fold_with_map(text)
        matches = list(pattern.finditer(folded))
        distinct = sum(map(len, {m.group() for m in matches}))
        if distinct > best[0]:
            ranges = [(offsets[m.start()], offsets[m.end() - 1] + 1) for m in matches]
            best = (distinct, text, ranges)
    return best[1], best[2]


def _coverage(pattern: re.Pattern[str], folded: str) -> int:
    """How much of the query a text shows: the length of its distinct matches."""
    return sum(map(len, {m.group() for m in pattern.finditer(folded)}))


def _via(linked: tuple[str, ...], pattern: re.Pattern[str], shown: int) -> str | None:
    """The entity name or alias that matches more of the query than the item's own text."""
    return next((name for name in linked if _coverage(pattern, fold(name)) > shown), None)


def window(
    text: str, ranges: list[Range], width: int = PREVIEW_WIDTH
) -> tuple[str, tuple[Range, ...]]:
    """One sanitised line of at most about `width` characters around the first range.

    White space folds to single spaces; `…` marks text cut at either end. The returned
    ranges are positions in the returned line.
    """
    first = ranges[0][0] if ranges else 0
    start = 0 if first < width - LEAD else _word_start(text, first - LEAD)
    end = min(len(text), start + width)
    if end < len(text):
        cut = text.rfind(" ", start, end)
        end = cut if cut > max(start, first) else end
    line, positions = _one_line(text, start, end)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix)
    shown = tuple(
        (positions[a - start] + shift, positions[min(b, end) - start] + shift)
        for a, b in ranges
        if start <= a < end
    )
    return prefix + line.rstrip() + suffix, _trim(shown, len(line.rstrip()) + shift)


def _word_start(text: str, near: int) -> int:
    space = text.rfind(" ", 0, max(near, 0))
    return space + 1 if near - space < 12 else max(near, 0)


def _one_line(text: str, start: int, end: int) -> tuple[str, list[int]]:
    """text[start:end] sanitised with white space folded; and for each offset its position."""
    pieces: list[str] = []
    positions: list[int] = []
    length = 0
    for char in text[start:end]:
        positions.append(length)
        piece = " " if char.isspace() else sanitize(char)
        if piece == " " and (length == 0 or pieces[-1] == " "):
            continue
        pieces.append(piece)
        length += len(piece)
    positions.append(length)
    return "".join(pieces), positions


def _trim(ranges: tuple[Range, ...], limit: int) -> tuple[Range, ...]:
    return tuple((a, min(b, limit)) for a, b in ranges if a < min(b, limit))


def _where(brief: Brief, item: Item) -> tuple[str, str | None, int | None, str | None]:
    """Where an item comes from: an excerpt's source and paragraph, or a date."""
    if isinstance(item, Excerpt):
        source = brief.source(item.source)
        return one_line(f"{source.title} ¶{item.paragraph}"), source.id, item.paragraph, None
    date = None
    if isinstance(item, Event):
        date = item.date
    elif isinstance(item, Source):
        date = item.published
    elif isinstance(item, Figure):
        date = item.period
    shown = date.show() if date else None
    return shown or "", None, None, shown


# What of an item is searched and shown ---------------------------------------------


def item_texts(item: Item) -> tuple[str | None, ...]:
    """The texts of an item that a search looks into, the preview's default first; prose
    without its citation markers (an id is not a word of the text)."""
    if isinstance(item, Excerpt):
        return (item.quote, item.note)
    if isinstance(item, Event):
        return (item.title, plain(item.detail), item.date.show())
    if isinstance(item, Topic):
        return (item.title, plain(item.summary))
    if isinstance(item, Entity):
        return (item.name, *item.aliases, item.role)
    if isinstance(item, Figure):
        return (item.label, f"{item.shown_value} {item.unit}", plain(item.note))
    if isinstance(item, Dispute):
        return (item.question, *(plain(p.claim) for p in item.positions), plain(item.assessment))
    return (item.title, item.outlet, item.author)


def name_texts(item: Item) -> tuple[str, ...]:
    """The short texts that name an item: matching one whole ranks the item first."""
    texts = item_texts(item)
    if item.item_kind == "entity":
        return tuple(t for t in texts[:-1] if t)
    if item.item_kind == "source":
        return tuple(t for t in texts if t)
    return tuple(t for t in texts[:1] if t)


def linked_names(brief: Brief, item: Item) -> tuple[str, ...]:
    ids: tuple[str, ...] = getattr(item, "entities", ())
    names: list[str] = []
    for entity_id in ids:
        entity = brief.entity(entity_id)
        names.extend((entity.name, *entity.aliases))
    return tuple(names)
