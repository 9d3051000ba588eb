"""`briefing new PATH ARTICLE…`: write a new brief with one source per article.

The brief is written only when every article can be read and can be its source; what the
articles state about themselves is given as fact, what was guessed is marked `inferred`.
Exit 0 when the brief was written (its remaining TODOs are listed), 1 when it was not.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from briefing.authoring.articles import ArticleError, metadata, read_article
from briefing.authoring.scaffold import NewSource, new_brief_text, relative_file, slug, source_id
from briefing.brief.loader import check_brief
from briefing.brief.slug import SLUG_PATTERN
from briefing.cli.common import say
from briefing.cli.edits import report_check
from briefing.store.files import write_atomic


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options."""
    parser.add_argument("path", type=Path, help="the brief file to write (e.g. briefs/ports.yaml)")
    parser.add_argument("articles", nargs="+", type=Path, help="article files (plain text)")
    parser.add_argument("--title", help="the brief's title (otherwise left as a TODO)")
    parser.add_argument(
        "--topic",
        action="append",
        default=[],
        metavar="ID[=TITLE]",
        help="a topic, e.g. --topic t-ports=Ports (repeat for more; default: one TODO topic)",
    )


def run(args: argparse.Namespace) -> int:
    """Read every article, then write the brief atomically and check it."""
    path: Path = args.path
    refusal = _refusal(path)
    topics = _topics(args.topic)
    if refusal is None and isinstance(topics, str):
        refusal = topics
    if refusal is not None:
        say(f"briefing new: {refusal}")
        return 1
    assert not isinstance(topics, str)
    try:
        sources = new_sources(path, args.articles, [t for t, _ in topics])
    except ArticleError as error:
        say(f"briefing new: {error}; no brief written")
        return 1
    brief_id = slug(path.stem) or "brief"
    text = new_brief_text(brief_id, sources, title=args.title, topics=topics)
    write_atomic(path, text.encode("utf-8"), private=False)
    count = len(sources)
    report_check(check_brief(path), f"wrote {path}: {count} source{'s' if count != 1 else ''}")
    return 0


def _refusal(path: Path) -> str | None:
    if path.exists():
        return f"{path} exists; not overwritten (add articles to it with `briefing add-source`)"
    if path.suffix not in (".yaml", ".yml"):
        return f"{path}: a brief's file name ends in .yaml"
    if not path.absolute().parent.is_dir():
        return f"{path.parent} is not a folder"
    return None


def _topics(specs: list[str]) -> list[tuple[str, str | None]] | str:
    """(id, title) of each --topic, or the reason one is not usable."""
    topics: list[tuple[str, str | None]] = []
    for spec in specs:
        topic_id, _, title = spec.partition("=")
        if not re.fullmatch(SLUG_PATTERN, topic_id.strip()):
            return f"--topic {spec!r}: an id is lowercase letters, digits and hyphens"
        topics.append((topic_id.strip(), title.strip() or None))
    return topics


def new_sources(brief_path: Path, articles: list[Path], taken: list[str]) -> list[NewSource]:
    """A source for each article (read, located and described); raise ArticleError."""
    sources: list[NewSource] = []
    seen: set[Path] = set()
    used = set(taken)
    for file in articles:
        article = read_article(file)
        if file.resolve() in seen:
            raise ArticleError(f"{file}: given twice")
        seen.add(file.resolve())
        relative = relative_file(brief_path, file)
        new = NewSource(source_id(file, used), relative, article, metadata(article))
        used.add(new.id)
        sources.append(new)
    return sources
