"""`briefing quote ARTICLE "text as remembered"`: find the exact passage, ready to paste.

Prints the verbatim text, its paragraph (¶, the non-blank line from 1) and an excerpt
entry; with `--brief` adds the entry to the brief (a checked text edit). Exit 1 when
nothing in the article is close enough (saying how close the best was), when several
passages fit equally (listed, best first; `--paragraph N` picks one), or when the brief
refuses the edit.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing.authoring.articles import Article, ArticleError, read_article
from briefing.authoring.edit import EditRefused, add_excerpt, excerpt_lines
from briefing.authoring.existing import read_existing
from briefing.authoring.finder import Passage, Search, find_passage, selector
from briefing.authoring.scaffold import excerpt_id, source_id
from briefing.cite.references import nest_quotes
from briefing.cli.common import say
from briefing.cli.edits import report_check, report_refused
from briefing.cli.output import out
from briefing.sanitize import one_line, sanitize

MAX_LISTED = 10
"""Candidates listed at most when several passages fit."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options."""
    parser.add_argument("article", type=Path, help="the article file (plain text)")
    parser.add_argument("text", nargs="+", help="the passage as you remember it (`...` skips)")
    parser.add_argument("--brief", type=Path, help="add the excerpt to this brief")
    parser.add_argument("--id", help="the excerpt's id (default: made from its first words)")
    parser.add_argument("--topics", nargs="+", default=[], metavar="TOPIC", help="topic ids")
    parser.add_argument("--event", help="also list the excerpt under this event")
    parser.add_argument("--note", help="your comment on the excerpt")
    parser.add_argument(
        "--paragraph", type=int, metavar="N", help="when several passages fit: the one in ¶N"
    )


def run(args: argparse.Namespace) -> int:
    """Find the passage; print it, or add it to the brief."""
    typed = " ".join(args.text)
    try:
        article = read_article(args.article)
    except ArticleError as error:
        say(f"briefing quote: {error}")
        return 1
    search = find_passage(article.paragraphs, typed)
    passage = _chosen(search, args.article, args.paragraph)
    if passage is None:
        return 1
    runs_on = f" and runs on into ¶{passage.paragraph + 1}" * (passage.runs_over > 1)
    out(f"¶{passage.paragraph}{runs_on} ({passage.score:g}% alike what you typed):")
    out(sanitize(" … ".join(passage.verbatim)))
    prefix, suffix = selector(article.paragraphs, passage)
    if prefix or suffix:
        out(
            f"(the quote occurs more than once; `prefix`/`suffix` say it is the one in "
            f"¶{passage.paragraph})"
        )
    if args.brief is None:
        out()
        lines = excerpt_lines(
            args.id or excerpt_id(passage.quote, ()),
            source_id(args.article, ()),
            passage.quote,
            args.topics or ["TODO"],
            prefix=prefix,
            suffix=suffix,
            note=args.note,
        )
        out("\n".join(lines))
        return 0
    return _add(args, article, passage, (prefix, suffix))


def _chosen(search: Search, article: Path, paragraph: int | None) -> Passage | None:
    """The one passage meant, or None after saying why there is not one."""
    if not search.candidates:
        if search.closest is None:
            say(f"briefing quote: type some words of the passage to find in {article}")
        else:
            best = search.closest
            say(
                f"briefing quote: not in {article}: the closest passage, ¶{best.paragraph}, "
                f"is only {best.score:g}% alike: “{_preview(best)}”"
            )
        return None
    if paragraph is not None:
        for candidate in search.candidates:
            if candidate.paragraph == paragraph:
                return candidate
        _list(search, f"none of the passages that fit is in ¶{paragraph}:")
        return None
    if search.ambiguous:
        count = len(search.candidates)
        _list(search, f"{count} passages fit; say which with --paragraph N:")
        return None
    return search.candidates[0]


def _list(search: Search, heading: str) -> None:
    say(f"briefing quote: {heading}")
    for candidate in search.candidates[:MAX_LISTED]:
        say(f"  ¶{candidate.paragraph}  {candidate.score:g}%  “{_preview(candidate)}”")
    more = len(search.candidates) - MAX_LISTED
    if more > 0:
        say(f"  … and {more} more; type more of the passage to tell them apart")


def _preview(passage: Passage) -> str:
    """The passage shortened for a message, its own quotation marks made single (as
    inside the message's double ones)."""
    text = nest_quotes(one_line(passage.quote))
    return text if len(text) <= 100 else text[:99] + "…"


def _add(
    args: argparse.Namespace,
    article: Article,
    passage: Passage,
    context: tuple[str | None, str | None],
) -> int:
    brief: Path = args.brief
    try:
        existing = read_existing(brief)
        source = existing.sources.get(article.path.resolve())
        if source is None:
            raise EditRefused(
                f"{args.article} is not a source of {brief}; add it first: "
                f"briefing add-source {brief} {args.article}"
            )
        topics = args.topics or (existing.topics if len(existing.topics) == 1 else [])
        if not topics:
            raise EditRefused(
                f"say which topics with --topics (the brief's: "
                f"{', '.join(existing.topics) or 'none yet'})"
            )
        new_id = args.id or excerpt_id(passage.quote, existing.ids)
        prefix, suffix = context
        result = add_excerpt(
            brief,
            new_id,
            source,
            passage.quote,
            topics,
            args.event,
            prefix=prefix,
            suffix=suffix,
            note=args.note,
        )
    except EditRefused as error:
        return report_refused(error)
    report_check(result, f"{brief}: added excerpt {new_id} (¶{passage.paragraph})")
    return 0
