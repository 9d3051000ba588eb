"""A reader's selection in a source, added to the brief as an excerpt (the reader's `A`).

The selection is where the reader saw it: a paragraph and a character range. When the
selected text occurs more than once in the article, `prefix`/`suffix` are written so that
the excerpt's ¶ is the one the reader was looking at.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from briefing.authoring.articles import ArticleError, read_article
from briefing.authoring.edit import EditRefused, add_excerpt
from briefing.authoring.existing import read_existing
from briefing.authoring.finder import passage_at, selector
from briefing.brief.loader import LoadResult


def add_selection(
    brief_path: Path,
    excerpt_id: str,
    source_id: str,
    selection: tuple[int, int, int],
    topics: Sequence[str],
    event: str | None = None,
    *,
    note: str | None = None,
) -> LoadResult:
    """Add the text a reader selected in a source as an excerpt: `selection` is
    (¶ from 1, start, end) in that paragraph as written. When the quote occurs more than
    once in the article, `prefix`/`suffix` say which occurrence; as add_excerpt otherwise."""
    existing = read_existing(brief_path)
    article = next((path for path, sid in existing.sources.items() if sid == source_id), None)
    if article is None:
        raise EditRefused(f"no source has the id {source_id!r} (or its file cannot be read)")
    try:
        paragraphs = read_article(article).paragraphs
        passage = passage_at(paragraphs, *selection)
    except (ArticleError, ValueError) as error:
        raise EditRefused(str(error)) from None
    prefix, suffix = selector(paragraphs, passage)
    return add_excerpt(
        brief_path,
        excerpt_id,
        source_id,
        passage.quote,
        topics,
        event,
        prefix=prefix,
        suffix=suffix,
        note=note,
    )
