"""`briefing add-source BRIEF ARTICLE…`: add one source per article to a brief.

The brief is edited as text: the new entries go at the end of `sources`, and every other
byte stays as written. The edit is checked before it replaces the file, and refused (the
file untouched) if it would add a problem.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from briefing.authoring.articles import ArticleError
from briefing.authoring.edit import EditRefused, add_items
from briefing.authoring.existing import read_existing
from briefing.authoring.scaffold import source_lines
from briefing.cli.common import say
from briefing.cli.edits import report_check, report_refused
from briefing.cli.new import new_sources


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options."""
    parser.add_argument("brief", type=Path, help="the brief file to add to")
    parser.add_argument("articles", nargs="+", type=Path, help="article files (plain text)")


def run(args: argparse.Namespace) -> int:
    """Add the sources, check, save; or say why not."""
    brief: Path = args.brief
    if not brief.is_file():
        say(f"briefing add-source: {brief}: no such brief (start one with `briefing new`)")
        return 1
    try:
        existing = read_existing(brief)
        for article in args.articles:
            already = existing.sources.get(article.resolve())
            if already is not None:
                raise ArticleError(f"{article}: already the source {already!r} of {brief}")
        sources = new_sources(brief, args.articles, sorted(existing.ids))
        result = add_items(brief, "sources", [source_lines(s) for s in sources])
    except ArticleError as error:
        say(f"briefing add-source: {error}; {brief} not changed")
        return 1
    except EditRefused as error:
        return report_refused(error)
    ids = ", ".join(s.id for s in sources)
    report_check(result, f"{brief}: added {ids}")
    return 0
