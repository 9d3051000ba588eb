"""`briefing check [BRIEF ...]`: check briefs and verify every quote; exit 1 on any error."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from briefing.brief.bundled import briefs_dir
from briefing.brief.loader import LoadResult, check_brief
from briefing.brief.model import Brief
from briefing.sanitize import sanitize


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options."""
    parser.add_argument(
        "briefs", nargs="*", type=Path, help="brief files (default: the bundled briefs)"
    )
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object per run, for editors and CI"
    )
    parser.add_argument(
        "--excerpts",
        action="store_true",
        help="also print where each quote stands: its paragraph and character offset",
    )


def summary(brief: Brief) -> str:
    """One line of counts for a valid brief."""
    counts = [
        (len(brief.sources), "source"),
        (len(brief.topics), "topic"),
        (len(brief.events), "event"),
        (len(brief.excerpts), "excerpt"),
        (len(brief.figures), "figure"),
        (len(brief.disputes), "dispute"),
        (len(brief.entities), "entity"),
    ]
    parts = [f"{n} {_plural(word, n)}" for n, word in counts]
    verified = len(brief.excerpts)
    return f"ok: {', '.join(parts)}; {verified} {_plural('quote', verified)} verified"


def _plural(word: str, n: int) -> str:
    if n == 1:
        return word
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


def _as_json(result: LoadResult) -> dict[str, object]:
    brief = result.brief
    return {
        "file": str(result.path),
        "ok": brief is not None,
        "counts": None
        if brief is None
        else {
            "sources": len(brief.sources),
            "topics": len(brief.topics),
            "events": len(brief.events),
            "excerpts": len(brief.excerpts),
            "figures": len(brief.figures),
            "disputes": len(brief.disputes),
            "entities": len(brief.entities),
            "quotes_verified": len(brief.excerpts),
        },
        "excerpts": None
        if brief is None
        else {x.id: {"paragraph": x.paragraph, "offset": x.offset} for x in brief.excerpts},
        "problems": [{**p.as_dict(), "message": sanitize(p.message)} for p in result.problems],
    }


def run(args: argparse.Namespace) -> int:
    """Check each brief; print a summary line or every problem."""
    paths: list[Path] = args.briefs or sorted(briefs_dir().glob("*.yaml"))
    results = [check_brief(path) for path in paths]
    if args.json:
        json.dump([_as_json(r) for r in results], sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        for result in results:
            for problem in result.problems:
                stream = sys.stderr if problem.severity == "error" else sys.stdout
                print(sanitize(str(problem)), file=stream)
            if result.brief is not None:
                if args.excerpts:
                    for x in result.brief.excerpts:
                        print(f"{result.path}: {x.id}: ¶{x.paragraph}, offset {x.offset}")
                print(f"{result.path}: {summary(result.brief)}")
            else:
                print(
                    f"{result.path}: {len(result.errors)} problem"
                    f"{'' if len(result.errors) == 1 else 's'}; not a valid brief",
                    file=sys.stderr,
                )
    return 0 if all(r.brief is not None for r in results) else 1
