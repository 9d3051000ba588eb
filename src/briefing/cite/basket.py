"""The clip basket: quotes gathered while reading, kept across runs, left as a memo.

A clip is a snapshot: the item's text and its quotes' citations as they were when it was
added, so the memo still reads right if the brief changes or is gone. The basket lives
in `data_dir()/basket.json`. Every change locks the file, reads it, applies itself and
writes it back atomically (keeping a `.bak`), so two readers saving at once lose nothing.
A damaged file is renamed aside with a timestamp and reported, never silently replaced.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from dataclasses import asdict, field, replace
from pathlib import Path
from typing import Any

from briefing.brief.labels import item_label
from briefing.brief.model import Brief, Excerpt
from briefing.cite.citations import cite_gathered, cite_item
from briefing.cite.clipboard import clean
from briefing.cite.gathering import Gathered, gather, gather_passage
from briefing.cite.references import Reference, references_of
from briefing.cite.styles import (
    apa_in_text,
    apa_reference,
    chicago_bibliography,
    chicago_note,
    chicago_short_note,
    markdown_reference,
    mla_in_text,
    mla_works_cited,
    plain_reference,
)
from briefing.record import record
from briefing.store.files import (
    FileMissing,
    FileRefused,
    backup_path,
    data_dir,
    locked,
    read_regular,
    write_atomic,
)

FORMAT = "briefing-basket/1"
MAX_BASKET_BYTES = 64 * 1024 * 1024
_DAMAGE = (ValueError, TypeError, KeyError, AttributeError, RecursionError)
"""What a file that is not a basket raises when parsed (UnicodeError is a ValueError)."""


class BasketUnreadable(OSError):
    """The basket file exists but cannot be read or set aside; the message says why."""


@record
class Quote:
    """A quote, its footnote (Markdown, with ¶ locator) and its source's entry (Markdown),
    and how each memo style cites it (`cites`, see `quote_cites`; empty in older clips)."""

    text: str
    footnote: str
    reference: str
    cites: dict[str, str] = field(default_factory=dict)


@record
class Part:
    """Lines of the item's own text and the quotes behind them."""

    lines: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()


@record
class Clip:
    """One item put in the basket, as it was then, with the user's note."""

    item_id: str
    brief_id: str
    brief_title: str
    kind: str
    text: str
    parts: tuple[Part, ...]
    references: tuple[str, ...] = ()  # sources clipped on their own
    note: str = ""
    entries: tuple[dict[str, str], ...] = ()  # those sources' entries in each memo style
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    title: str = ""
    """What a person calls the item (`briefing.brief.labels`); empty in older baskets."""

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Clip:
        """Rebuild a clip from its JSON form; raise TypeError/KeyError if it is not one."""
        parts = tuple(
            Part(tuple(map(str, p["lines"])), tuple(Quote(**q) for q in p["quotes"]))
            for p in data["parts"]
        )
        entries = tuple(data.get("entries", ()))
        clip = cls(
            **{**data, "parts": parts, "references": tuple(data["references"]), "entries": entries}
        )
        texts = [clip.id, clip.item_id, clip.brief_id, clip.brief_title, clip.kind, clip.text]
        texts += [clip.note, clip.title, *clip.references]
        texts += [getattr(q, f) for p in parts for q in p.quotes for f in ("text", "footnote")]
        texts += [q.reference for p in parts for q in p.quotes]
        tables = [q.cites for p in parts for q in p.quotes] + list(entries)
        texts += [value for table in tables for pair in table.items() for value in pair]
        if not all(isinstance(t, str) for t in texts):
            raise TypeError("a clip holds text where it should")
        return clip


def make_clip(brief: Brief, item_id: str) -> Clip:
    """Snapshot an item of the brief as a clip (raises gathering.UnknownItem)."""
    item = brief.get(item_id)
    title = item_label(brief, item) if item is not None else ""
    return _clip(brief, gather(brief, item_id), cite_item(brief, item_id, "plain"), title)


def make_passage_clip(brief: Brief, passage: Excerpt) -> Clip:
    """Snapshot a passage chosen in the reader (not one of the brief's excerpts) as a clip."""
    gathered = gather_passage(passage)
    title = f"A passage of {brief.source(passage.source).title}, ¶{passage.paragraph}"
    return _clip(brief, gathered, cite_gathered(brief, gathered, "plain"), title)


def _clip(brief: Brief, gathered: Gathered, text: str, title: str) -> Clip:
    refs = references_of(brief)
    parts = tuple(
        Part(
            block.plain_lines,
            tuple(
                Quote(
                    clean(x.quote).strip(),
                    markdown_reference(refs[x.source], x.paragraph),
                    markdown_reference(refs[x.source]),
                    quote_cites(refs[x.source], x.paragraph),
                )
                for x in block.excerpts
            ),
        )
        for block in gathered.blocks
    )
    return Clip(
        item_id=gathered.item_id,
        brief_id=brief.id,
        brief_title=clean(brief.title),
        kind=gathered.kind,
        text=text,
        parts=parts,
        references=tuple(markdown_reference(refs[s.id]) for s in gathered.sources),
        title=clean(title),
        entries=tuple(entry_cites(refs[s.id]) for s in gathered.sources),
    )


def quote_cites(ref: Reference, paragraph: int) -> dict[str, str]:
    """What a memo needs to cite a quote in each style, kept in its clip when it is made:
    `STYLE.in_text`, `STYLE.entry`, Chicago's full and short notes, the plain footnote."""
    return {
        "plain.cite": plain_reference(ref, paragraph),
        "apa.in_text": apa_in_text(ref, paragraph),
        "mla.in_text": mla_in_text(ref, paragraph),
        "chicago.note": chicago_note(ref, paragraph),
        "chicago.short": chicago_short_note(ref, paragraph),
        **entry_cites(ref),
    }


def entry_cites(ref: Reference) -> dict[str, str]:
    """A source's entry in each style's closing list (`STYLE.entry`)."""
    return {
        "plain.entry": plain_reference(ref),
        "apa.entry": apa_reference(ref),
        "mla.entry": mla_works_cited(ref),
        "chicago.entry": chicago_bibliography(ref),
    }


def basket_path() -> Path:
    """Where the basket lives."""
    return data_dir() / "basket.json"


class Basket:
    """The clips on disk and in memory; each change is a locked read-merge-write."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or basket_path()
        self.clips: tuple[Clip, ...] = ()

    def reload(self) -> str | None:
        """Read the file; return a warning if it was damaged and set aside.

        A read-only or full data folder cannot hold the lock file; the basket is read all
        the same (changing it will then say why it cannot be saved).
        """
        try:
            with locked(self.path):
                clips, warning = self._read()
        except OSError:
            clips, warning = self._read()
        self.clips = tuple(clips)
        return warning

    def holds(self, clip: Clip) -> bool:
        """True when the basket (as last read) has this item from this brief, as it is now."""
        return any(
            (c.brief_id, c.item_id, c.text) == (clip.brief_id, clip.item_id, clip.text)
            for c in self.clips
        )

    def add(self, clip: Clip) -> str | None:
        """Append a clip."""
        return self._update(lambda clips: clips.append(clip))

    def restore(self, clip: Clip, index: int) -> str | None:
        """Put a removed clip back at its place (at the end if the list is shorter now)."""
        return self._update(lambda clips: clips.insert(min(index, len(clips)), clip))

    def remove(self, clip_id: str) -> str | None:
        """Remove a clip (nothing happens if another instance removed it already)."""

        def change(clips: list[Clip]) -> None:
            clips[:] = [c for c in clips if c.id != clip_id]

        return self._update(change)

    def move(self, clip_id: str, offset: int) -> str | None:
        """Move a clip up (negative offset) or down, staying within the list."""
        return self._update(lambda clips: _move(clips, clip_id, offset))

    def set_note(self, clip_id: str, note: str) -> str | None:
        """Attach a note to a clip, replacing any earlier one."""
        note = clean(note).strip()

        def change(clips: list[Clip]) -> None:
            clips[:] = [replace(c, note=note) if c.id == clip_id else c for c in clips]

        return self._update(change)

    def _update(self, change: Callable[[list[Clip]], None]) -> str | None:
        with locked(self.path):
            clips, warning = self._read()
            change(clips)
            document = {"format": FORMAT, "clips": [asdict(c) for c in clips]}
            text = json.dumps(document, ensure_ascii=False, indent=1)
            write_atomic(self.path, text.encode("utf-8"), keep_backup=True)
        self.clips = tuple(clips)
        return warning

    def _read(self) -> tuple[list[Clip], str | None]:
        """The clips on disk; a damaged file is set aside (with a warning to show).

        A file that cannot be read at all (a FIFO, too large, no permission) raises
        BasketUnreadable rather than being treated as empty, which a save would replace.
        """
        try:
            data = read_regular(self.path, MAX_BASKET_BYTES, what="a basket file")
        except FileMissing:
            return [], None
        except FileRefused as refused:
            raise BasketUnreadable(f"the basket file {self.path} {refused}") from None
        try:
            return _parse(data), None
        except _DAMAGE as error:
            return self._set_aside(error)

    def _set_aside(self, error: Exception) -> tuple[list[Clip], str | None]:
        why = "it nests too deeply" if isinstance(error, RecursionError) else str(error)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        try:
            self.path.rename(aside)
        except OSError as failure:
            raise BasketUnreadable(
                f"the basket file is damaged ({why}) and could not be set aside: {failure.strerror}"
            ) from None
        warning = f"The basket file could not be read ({why}); it was kept as {aside}."
        try:
            data = read_regular(backup_path(self.path), MAX_BASKET_BYTES)
            clips = _parse(data)
        except (FileRefused, *_DAMAGE):
            return [], warning + " The basket starts empty."
        return clips, warning + f" {len(clips)} clips were recovered from the backup."


def _parse(data: bytes) -> list[Clip]:
    document = json.loads(data.decode("utf-8"))
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} file")
    # A lone surrogate (a `\\ud800` escape) is no text: writing it back would fail.
    json.dumps(document, ensure_ascii=False).encode("utf-8")
    return [Clip.from_dict(c) for c in document["clips"]]


def _move(clips: list[Clip], clip_id: str, offset: int) -> None:
    index = next((i for i, c in enumerate(clips) if c.id == clip_id), None)
    if index is None:
        return
    target = max(0, min(len(clips) - 1, index + offset))
    clips.insert(target, clips.pop(index))
