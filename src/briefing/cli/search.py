"""`briefing search QUERY`: the ranked hits of a query in a brief, as text or JSON.

Exit status 0 with hits, 1 with none or when the brief cannot be loaded. Plain Python: no
Textual import on this path.
"""

from __future__ import annotations

import argparse

from briefing.cli.common import add_brief_argument, open_brief
from briefing.cli.output import out, out_json, say
from briefing.search.hits import Hit


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


VALUE_OPTIONS = ("--brief", "--limit")
FLAGS = ("--json", "--help")


def prepare_argv(args: list[str]) -> list[str]:
    """The arguments with every query word after `--`, in order, so that an exclusion
    (`briefing search oil -russia`, `-hezbollah`) is a query word, never an option.

    Options are `--brief`, `--limit` (with their values, also as `--limit=5` or an
    abbreviation such as `--lim`), `--json` and `-h`/`--help`; anything else is the query.
    An unknown `--option` is left for argparse to refuse.
    """
    options: list[str] = []
    words: list[str] = []
    tokens = iter(args)
    for token in tokens:
        if token == "--":
            words.extend(tokens)
        elif token == "-h" or token.startswith("--"):
            options.append(token)
            if "=" not in token and _takes_value(token):
                value = next(tokens, None)
                if value is not None:
                    options.append(value)
        else:
            words.append(token)
    return [*options, "--", *words] if words else options


def _takes_value(option: str) -> bool:
    """True when `option` names (or abbreviates) one taking a value, and no flag."""
    return any(o.startswith(option) for o in VALUE_OPTIONS) and not any(
        f.startswith(option) for f in FLAGS
    )


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options."""
    parser.add_argument(
        "query",
        nargs="+",
        help='words (all must match), "a phrase", -excluded (as in `oil -russia`), and '
        "filters topic:, source:, entity:, kind:, year:",
    )
    add_brief_argument(parser)
    parser.add_argument("--limit", type=_positive, default=20, help="at most N hits (default 20)")
    parser.add_argument("--json", action="store_true", help="print the hits as a JSON list")


def run(args: argparse.Namespace) -> int:
    """Load the brief, search it, print the hits."""
    from briefing.search.index import index_for
    from briefing.search.query import parse_query
    from briefing.search.ranking import search

    brief = open_brief(args.brief, refused="nothing searched")
    if brief is None:
        return 1
    query = " ".join(args.query)
    index = index_for(brief)  # kept with the cache entry
    hits = search(index, query, limit=args.limit)
    if args.json:
        out_json([hit.as_dict() for hit in hits])
    else:
        for hit in hits:
            out(_shown(hit))
    if not hits:
        unknown = index.unknown_filters(parse_query(query))
        for problem in unknown:
            say(f"briefing search: {problem}")
        if not unknown:
            say(f"no hits for {query!r} in {brief.title}")
    return 0 if hits else 1


def _shown(hit: Hit) -> str:
    """Two lines per hit: kind, id and where; then the preview (and the alias it matched)."""
    head = f"{hit.kind:<8} {hit.id}" + (f"  ({hit.where})" if hit.where else "")
    via = f"  [names {hit.via}]" if hit.via else ""
    note = "note: " if hit.part == "note" else ""  # the brief author's, not the quote
    return f"{head}\n    {note}{hit.preview}{via}"
