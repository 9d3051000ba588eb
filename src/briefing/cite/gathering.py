"""An item of a brief taken apart for citing: its own lines (prose whose claims cite
excerpts inline, or plain text) and the excerpts that stand behind them.

An excerpt stands for itself. An event's and a figure's own excerpts stand behind them (a
figure that is one end of a range is the range the reader shows), a topic's key quotes
(or, when it lists none, every excerpt filed under it and its subtopics), a dispute's
positions each with their excerpts, an entity's name and role with the excerpts that name
it. A source is cited on its own. `briefing.cite.citations` lays them out in a style.
"""

from __future__ import annotations

import difflib

from briefing.brief.figures import row_of
from briefing.brief.model import Brief, Dispute, Entity, Event, Excerpt, Figure, Item, Source, Topic
from briefing.brief.prose import Prose, plain, read_prose
from briefing.cite.clipboard import clean
from briefing.record import record
from briefing.views.narrowing import Narrowing


class UnknownItem(KeyError):
    """No item has this id; `closest` holds the most similar ids."""

    def __init__(self, item_id: str, closest: list[str]) -> None:
        super().__init__(item_id)
        self.item_id = item_id
        self.closest = closest

    def __str__(self) -> str:
        hint = f"; closest: {', '.join(self.closest)}" if self.closest else ""
        return f"no item with id {self.item_id!r}{hint}"


@record
class CitedText:
    """Prose whose claims cite excerpts inline (a summary, a detail, an assessment)."""

    prose: Prose
    prefix: str = ""

    @property
    def excerpts(self) -> tuple[Excerpt, ...]:
        """The excerpts its claims cite, in order."""
        return tuple(x for evidence in self.prose.backed for x in evidence.excerpts)


Line = str | CitedText


@record
class Block:
    """Lines of the item's own text, followed by the excerpts that stand behind them."""

    lines: tuple[Line, ...]
    excerpts: tuple[Excerpt, ...] = ()

    @property
    def plain_lines(self) -> tuple[str, ...]:
        """The lines as words only, the prose without its citations."""
        return tuple(x if isinstance(x, str) else x.prefix + x.prose.plain for x in self.lines)


@record
class Gathered:
    """An item taken apart for citing: its blocks, and sources cited on their own."""

    item_id: str
    kind: str
    blocks: tuple[Block, ...]
    sources: tuple[Source, ...] = ()

    @property
    def excerpts(self) -> tuple[Excerpt, ...]:
        """Every excerpt, in order: those the prose cites, then the block's own."""
        return tuple(
            x
            for block in self.blocks
            for x in (*(y for c in block.lines if isinstance(c, CitedText) for y in c.excerpts),)
            + block.excerpts
        )


def closest_ids(brief: Brief, item_id: str, n: int = 3) -> list[str]:
    """The ids most like a mistyped one."""
    return difflib.get_close_matches(item_id, list(brief.items), n=n, cutoff=0.4)


def find_item(brief: Brief, item_id: str) -> Item:
    """The item with this id; raise UnknownItem naming the closest ids."""
    item = brief.get(item_id)
    if item is None:
        raise UnknownItem(item_id, closest_ids(brief, item_id))
    return item


def gather(brief: Brief, item_id: str) -> Gathered:
    """The item's own lines and the excerpts behind it."""
    item = find_item(brief, item_id)
    if isinstance(item, Excerpt):
        return Gathered(item_id, "excerpt", (Block((), (item,)),))
    if isinstance(item, Source):
        return Gathered(item_id, "source", (), (item,))
    if isinstance(item, Dispute):
        return Gathered(item_id, "dispute", _dispute_blocks(brief, item))
    return Gathered(item_id, item.item_kind, (Block(_lines(brief, item), _behind(brief, item)),))


def _lines(brief: Brief, item: Event | Topic | Figure | Entity) -> tuple[Line, ...]:
    if isinstance(item, Event):
        head, prose = f"{item.date.show()} — {item.title}", item.detail
    elif isinstance(item, Topic):
        head, prose = " › ".join(t.title for t in brief.topic_path(item.id)), item.summary
    elif isinstance(item, Figure):
        row = row_of(brief, item)  # one end of a range is cited as the range the table shows
        period = f" ({row.period.show()})" if row.period else ""
        notes = dict.fromkeys(f.note for f in row.figures if f.note)
        head, prose = f"{row.label}: {row.amount}{period}", " ".join(notes) or None
    else:
        head, prose = f"{item.name} — {item.role or item.kind}", None
    cited = cited_text(brief, prose)
    return (clean(head).strip(), *((cited,) if cited else ()))


def cited_text(brief: Brief, text: str | None, prefix: str = "") -> CitedText | None:
    """The prose read for citing, or None when there is none."""
    prose = read_prose(brief, clean(text or ""))
    return CitedText(prose, prefix) if prose.sentences else None


def _behind(brief: Brief, item: Event | Topic | Figure | Entity) -> tuple[Excerpt, ...]:
    if isinstance(item, Entity):
        return brief.entity_excerpts(item.id)
    if isinstance(item, Topic) and not item.excerpts:
        return Narrowing(topic=item.id).excerpts(brief)
    return brief.excerpts_of(item.excerpts)


def _dispute_blocks(brief: Brief, dispute: Dispute) -> tuple[Block, ...]:
    blocks = [Block((clean(dispute.question).strip(),))]
    for number, position in enumerate(dispute.positions, 1):
        claim = f"Position {number}: {clean(plain(position.claim)).strip()}"
        blocks.append(Block((claim,), brief.excerpts_of(position.excerpts)))
    assessment = cited_text(brief, dispute.assessment, "Assessment: ")
    if assessment:
        blocks.append(Block((assessment,)))
    return tuple(blocks)


def gather_passage(passage: Excerpt) -> Gathered:
    """A passage chosen in the reader (see `briefing.brief.passage`), cited as an excerpt is."""
    return Gathered(passage.id, "passage", (Block((), (passage,)),))
