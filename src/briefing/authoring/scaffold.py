"""The text of a new brief, of a source entry for an article, and ids that fit.

Every value that comes from an article goes through `scalar`, so it is quoted and escaped;
comments say what the author still has to do, and every placeholder left is an empty
value under a `TODO` comment, which the checker reports, so none can be forgotten.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from briefing.authoring.articles import Article, ArticleError, Metadata
from briefing.authoring.yamltext import scalar
from briefing.brief.sources import SourceError, resolve_source
from briefing.brief.spec import FORMAT
from briefing.record import record
from briefing.sanitize import one_line

_STOP_WORDS = frozenset(
    re.findall(
        r"\w+",
        "a an and are as at be by for from has have in is it its of on or said says that the "
        "their this to was were will with",
    )
)


def slug(text: str, limit: int = 40) -> str:
    """Lowercase letters, digits and hyphens only, at most `limit` characters."""
    words = re.findall(r"[a-z0-9]+", text.casefold())
    result = "-".join(words)[:limit].strip("-")
    return result


def unique(base: str, taken: Iterable[str]) -> str:
    """base, or base-2, base-3, ... whichever no item of the brief uses yet."""
    used = set(taken)
    if base not in used:
        return base
    number = 2
    while f"{base}-{number}" in used:
        number += 1
    return f"{base}-{number}"


def source_id(article: Path, taken: Iterable[str]) -> str:
    """`src-` and the article's file name, e.g. `src-harbour-report`."""
    return unique("src-" + (slug(article.stem, 30) or "article"), taken)


def excerpt_id(quote: str, taken: Iterable[str]) -> str:
    """`q-` and the first few telling words of the quote, e.g. `q-deal-worth-billion-euros`."""
    plain = re.sub(r"[’']", "", quote.casefold())  # "Alliance’s" is one word
    words = [w for w in re.findall(r"[a-z0-9]+", plain) if w not in _STOP_WORDS]
    return unique("q-" + (slug(" ".join(words[:4]), 36) or "excerpt"), taken)


def relative_file(brief_path: Path, article: Path) -> str:
    """The article's path relative to the brief's folder, as a source's `file` says it;
    raise ArticleError when the checker would refuse it (outside the allowed folder)."""
    brief_dir = brief_path.absolute().parent.resolve()
    file = Path(os.path.relpath(article.resolve(), brief_dir)).as_posix()
    try:
        resolve_source(brief_path.absolute(), file)
    except SourceError as error:
        raise ArticleError(
            f"{article}: cannot be a source of {brief_path}: {one_line(str(error))}"
        ) from None
    return file


@record(slots=False)
class NewSource:
    """An article about to become a source: its id, `file`, text and metadata."""

    id: str
    file: str
    article: Article
    metadata: Metadata


def source_lines(source: NewSource) -> list[str]:
    """The lines of a source entry, unindented; comments mark what to check or fill in."""
    meta = source.metadata
    lines = [f"- id: {source.id}"]
    if meta.title is not None:
        lines.append(f"  title: {scalar(meta.title)}" + _check(meta, "title"))
    else:
        opening = " ".join(one_line(source.article.paragraphs[0]).split()[:8])
        lines.append("  # TODO: no headline found; describe the article in square brackets")
        lines.append(f"  title: {scalar(f'[{opening} …]')}")
    for key in ("outlet", "author", "published", "url"):
        value = getattr(meta, key)
        if value is None:
            lines.append(f"  # {key}: not stated in the article; add it only if you know it")
        else:
            lines.append(f"  {key}: {scalar(value)}" + _check(meta, key))
    lines.append(f"  file: {scalar(source.file)}")
    lines.append(f"  sha256: {source.article.sha256}")
    if meta.inferred:
        lines.append(f"  inferred: [{', '.join(meta.inferred)}]")
    if meta.notes:
        lines.append(f"  notes: {scalar('; '.join(meta.notes) + '.')}")
    return lines


def _check(meta: Metadata, key: str) -> str:
    return "  # inferred: check it (see notes)" if key in meta.inferred else ""


def new_brief_text(
    brief_id: str,
    sources: Sequence[NewSource],
    *,
    title: str | None = None,
    topics: Sequence[tuple[str, str | None]] = (),
    today: dt.date | None = None,
) -> str:
    """The whole text of a new brief with these sources; placeholders marked TODO."""
    day = (today or dt.date.today()).isoformat()
    out = [
        "# A brief: see the brief format (docs/BRIEF-FORMAT.md); `briefing schema` prints its",
        "# JSON Schema for an editor. Written by `briefing new` on " + day + ".",
        "# Fill in every line marked TODO; `briefing check --watch .` re-checks on every save.",
        f"format: {FORMAT}",
        f"id: {brief_id}",
        "",
    ]
    if title:
        out.append(f"title: {scalar(one_line(title))}")
    else:
        out += ["# TODO: the brief's title, one line", "title:"]
    out += [
        "# subtitle: one line under the title (optional)",
        "# summary: the bottom line up front (optional; use `summary: |` for paragraphs)",
        f"as_of: '{day}'  # the day up to which the brief is current",
        "",
        "# One source per article. What an article states about itself is given as fact;",
        "# what was guessed is listed under `inferred`, and `notes` say from where: check it.",
        "sources:",
    ]
    for source in sources:
        out += source_lines(source)
    out += [
        "",
        "# Topics: every excerpt and event belongs to at least one (`parent:` nests).",
        "topics:",
    ]
    for topic_id, topic_title in topics or [("main", None)]:
        if topic_title:
            out += [f"- id: {scalar(topic_id)}", f"  title: {scalar(one_line(topic_title))}"]
        else:
            out += ["# TODO: give this topic a title", f"- id: {scalar(topic_id)}", "  title:"]
    out += [
        "",
        "# The timeline: `- id:`, `date:` (when it happened), `title:`, `topics: [...]`,",
        "# `excerpts: [...]` (`briefing quote ... --event ID` adds a quote's id to an event).",
        "events: []",
        "",
        "# TODO: the verbatim quotes. Find each in its article and add it with",
        '#   briefing quote ARTICLE "the words as you remember them" --brief THIS-FILE --topics ID',
        "excerpts: []",
    ]
    return "\n".join(out) + "\n"
