"""Article files as authors bring them: read safely, and what they state about themselves.

An article is UTF-8 plain text, one paragraph per line; paragraphs are its non-blank lines
numbered from 1, exactly as the checker counts them. The headline, when the article has
one, is line 1 (¶1): the file reads from the top as the page does, so a paragraph number
is the same whether the file was imported or pasted by hand. `briefing import` writes the
headline there, and `new` and `add-source` read line 1 as the headline.

Metadata comes from two places. A `NAME.meta.json` beside `NAME.txt` (written by
`briefing import` from the page's own markup) states it. Without one, lines near the top
of the text are read: a line that is only a web address states the URL, and a line
`By NAME` states the author. Anything guessed (line 1 taken as the headline, a date near
the top taken as the publication date, the outlet taken from the web address's domain)
is marked as inferred, and the notes say where it came from.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from briefing.brief.dates import DateError, parse_date
from briefing.brief.sources import (
    MAX_SOURCE_BYTES,
    SourceError,
    decode_text,
    digest,
    split_paragraphs,
)
from briefing.record import record
from briefing.sanitize import one_line
from briefing.store.files import FileRefused, read_regular

HEADER_LINES = 6
"""How many lines from the top may hold a byline, web address or date."""
MAX_HEADLINE = 200
_URL = re.compile(r"https?://[^\s<>\"]+")
_BYLINE = re.compile(r"(?:By|BY|by)\s+(\S.{1,80})")
_MONTHS = {
    name: number
    for number, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"([A-Za-z]{3,9})\.?"
_DATES = (
    (re.compile(rf"\b(\d{{1,2}})\s+{_MONTH},?\s+(\d{{4}})\b"), ("day", "month", "year")),
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}}),?\s+(\d{{4}})\b"), ("month", "day", "year")),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), ("year", "month", "day")),
)
META_KEYS = ("title", "author", "outlet", "published", "url")


class ArticleError(Exception):
    """An article file that cannot be used; the message says why in one line."""


@record(slots=False)
class Article:
    """An article's text, its paragraphs and its digest."""

    path: Path
    paragraphs: tuple[str, ...]
    sha256: str


def read_article(path: Path) -> Article:
    """Read an article file; raise ArticleError saying why when it cannot be used."""
    name = str(path)
    if not path.exists():
        raise ArticleError(f"{name}: no such file")
    if not path.is_file():
        raise ArticleError(f"{name}: not a regular file")
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise ArticleError(
                f"{name}: {size:,} bytes; an article may be at most {MAX_SOURCE_BYTES:,}"
            )
        data = read_regular(path, MAX_SOURCE_BYTES, what="an article")
        text = decode_text(data, name)
    except FileRefused as refused:
        raise ArticleError(f"{name}: {refused}") from None
    except SourceError as error:
        raise ArticleError(one_line(str(error))) from None
    except OSError as error:
        raise ArticleError(f"{name}: cannot be read ({error.strerror})") from None
    if "\x00" in text:
        raise ArticleError(f"{name}: holds NUL bytes; it is not a text file")
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        raise ArticleError(f"{name}: has no text (an article is one paragraph per line)")
    return Article(path, paragraphs, digest(data))


@dataclass
class Metadata:
    """What an article says about itself; `inferred` lists the keys that were guessed."""

    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    inferred: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def set(self, key: str, value: str | None, note: str | None = None) -> None:
        """Set a key once (the first finding wins); with a note, it was inferred."""
        if value is None or getattr(self, key) is not None:
            return
        setattr(self, key, value)
        if note is not None:
            self.inferred.append(key)
            self.notes.append(f"{key}: {note}")


def sidecar_path(article: Path) -> Path:
    """Where `briefing import` keeps what the page stated about itself."""
    return article.with_name(article.stem + ".meta.json")


def metadata(article: Article) -> Metadata:
    """The metadata an article states about itself, and what can fairly be guessed."""
    found = Metadata()
    _from_sidecar(sidecar_path(article.path), found)
    _from_text(article.paragraphs, found)
    return found


def _from_sidecar(path: Path, found: Metadata) -> None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return  # no sidecar (or an unreadable one): the text alone speaks
    if not isinstance(data, dict):
        return
    for key in META_KEYS:
        value = data.get(key)
        if isinstance(value, str):
            found.set(key, clean_value(key, value))
    inferred = data.get("inferred")
    for key, note in inferred.items() if isinstance(inferred, dict) else ():
        if key in META_KEYS and getattr(found, key) is not None and isinstance(note, str):
            found.inferred.append(key)
            found.notes.append(f"{key}: {one_line(note)}")
    found.notes.insert(0, f"metadata from {path.name}, written by `briefing import`")


def clean_value(key: str, value: str) -> str | None:
    """A metadata value fit for the brief, or None when it is not one."""
    text = one_line(value)
    if not text or len(text) > 500:
        return None
    if key == "url":
        return text if _URL.fullmatch(text) else None
    if key == "published":
        try:
            parse_date(text)
        except DateError:
            return None
    return text


def _from_text(paragraphs: tuple[str, ...], found: Metadata) -> None:
    header = [one_line(p) for p in paragraphs[:HEADER_LINES]]
    for number, line in enumerate(header, start=1):
        if _URL.fullmatch(line):
            found.set("url", line)
        byline = _BYLINE.fullmatch(line)
        if byline and len(byline.group(1).split()) <= 6:
            found.set("author", byline.group(1).rstrip(" ,."))
        date = find_date(line if len(line) <= 80 else line[:40])  # a dateline starts a line
        if date is not None:
            found.set(
                "published", date, f"the date on line {number}, taken as the day of publication"
            )
    headline = header[0]
    if _looks_like_headline(headline):
        found.set("title", headline, "line 1, taken as the headline")
    if found.url is not None:
        host = (urlsplit(found.url).hostname or "").removeprefix("www.")
        found.set("outlet", host or None, "the web address's domain; name the publisher")


def _looks_like_headline(line: str) -> bool:
    return (
        0 < len(line) <= MAX_HEADLINE
        and not line.endswith(".")
        and not _URL.fullmatch(line)
        and not _BYLINE.fullmatch(line)
    )


def find_date(line: str) -> str | None:
    """The first full date written in a line, as `YYYY-MM-DD`, or None."""
    for pattern, order in _DATES:
        for match in pattern.finditer(line):
            parts = dict(zip(order, match.groups(), strict=True))
            month = parts["month"]
            number = int(month) if month.isdigit() else _MONTHS.get(month.lower())
            try:
                day = dt.date(int(parts["year"]), number or 0, int(parts["day"]))
            except ValueError:
                continue
            return day.isoformat()
    return None
