"""`briefing check [BRIEF ...] [--config]`: check briefs and verify every quote, or the
settings file; exit 1 on any problem."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from briefing.brief.bundled import briefs_dir
from briefing.brief.loader import LoadResult, check_brief
from briefing.brief.model import Brief
from briefing.sanitize import sanitize
from briefing.store import settings


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
    parser.add_argument(
        "--config",
        action="store_true",
        help="check the settings file (config.toml) instead: unknown settings, binding ids "
        "and keys; with BRIEF arguments, check those too",
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


def check_config() -> int:
    """Print every problem of the settings file (or that it is fine); 1 if any."""
    path = settings.config_path()
    warnings = settings.load(path).warnings
    for warning in warnings:
        print(sanitize(warning), file=sys.stderr)
    if not warnings:
        found = "ok" if path.exists() else "no settings file; the defaults apply"
        print(sanitize(f"{path}: {found}"))
    return 1 if warnings else 0


def run(args: argparse.Namespace) -> int:
    """Check each brief (or the settings); print a summary line or every problem."""
    status = check_config() if args.config else 0
    if args.config and not args.briefs:
        return status
    return max(status, check_briefs(args))


def check_briefs(args: argparse.Namespace) -> int:
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
