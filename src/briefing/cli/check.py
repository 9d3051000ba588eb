"""`briefing check [BRIEF|FOLDER ...] [--watch] [--config]`: check briefs and verify every
quote, or the settings file; exit 1 on any problem.

A folder stands for every brief (`*.yaml`) in it. `--watch` checks once, then re-checks
whenever a brief or one of its articles is saved and prints only what changed: new
problems, fixed ones, and the summary when it changes. A YAML syntax error comes with a
hint in plain words.
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from pathlib import Path

from briefing.authoring.watch import Change, Watcher, briefs_in
from briefing.authoring.yamlhints import yaml_hint
from briefing.brief.bundled import briefs_dir
from briefing.brief.evidence import ClaimsReport, claims_report
from briefing.brief.loader import LoadResult, check_brief, read_brief_bytes
from briefing.brief.model import Brief
from briefing.brief.problems import BriefError
from briefing.cli.output import flush_output, out, out_json, say
from briefing.sanitize import sanitize
from briefing.store import settings
from briefing.wording import plural

POLL_SECONDS = 0.5
"""How often --watch looks at the files."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the options."""
    parser.add_argument(
        "briefs",
        nargs="*",
        type=Path,
        help="brief files or folders of briefs (default: the bundled briefs)",
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="keep checking: re-check on every save and print only what changed (Ctrl+C stops)",
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
        "--uncited",
        action="store_true",
        help="also list each sentence of the prose fields that cites no excerpt (FILE:LINE:COL: "
        "sentence), and count the claims that cite evidence and those resting on one source",
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
    parts = [f"{n} {plural(word, n)}" for n, word in counts]
    verified = len(brief.excerpts)
    return f"ok: {', '.join(parts)}; {verified} {plural('quote', verified)} verified"


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
        "claims": None if brief is None else _claims(result).as_dict(),
        "problems": [{**p.as_dict(), "message": sanitize(p.message)} for p in result.problems],
    }


def _claims(result: LoadResult) -> ClaimsReport:
    """The claims report of a valid brief (its file is read again for the places)."""
    assert result.brief is not None
    return claims_report(result.brief, result.path.read_text(encoding="utf-8"))


def print_uncited(result: LoadResult) -> None:
    """Each sentence that cites nothing, at its place, then the claims counts."""
    report = _claims(result)
    for claim in report.uncited:
        out(f"{result.path}:{claim.line}:{claim.column}: {claim.text}")
    out(f"{result.path}: {report.line()}")


def check_config() -> int:
    """Print every problem of the settings file (or that it is fine); 1 if any."""
    path = settings.config_path()
    warnings = settings.load(path).warnings
    for warning in warnings:
        say(warning)
    if not warnings:
        found = "ok" if path.exists() else "no settings file; the defaults apply"
        out(f"{path}: {found}")
    return 1 if warnings else 0


def run(args: argparse.Namespace) -> int:
    """Check each brief (or the settings); print a summary line or every problem."""
    status = check_config() if args.config else 0
    if args.config and not args.briefs:
        return status
    return max(status, check_briefs(args))


def check_briefs(args: argparse.Namespace) -> int:
    """Check each brief; print a summary line or every problem."""
    targets: list[Path] = args.briefs or [briefs_dir()]
    paths = briefs_in(targets)
    empty = [t for t in targets if t.is_dir() and not briefs_in([t])]
    if empty and not args.watch:
        say(f"briefing check: no briefs (*.yaml) in {empty[0]}")
        return 1
    if args.watch:
        if args.json:
            say("briefing check: --watch prints text; leave out --json")
            return 2
        return _watch(targets, args.excerpts)
    results = [check(path) for path in paths]
    if args.json:
        out_json([_as_json(r) for r in results])
    else:
        for result in results:
            _report(result, args.excerpts)
            if args.uncited and result.brief is not None:
                print_uncited(result)
    return 0 if all(r.brief is not None for r in results) else 1


def check(path: Path) -> LoadResult:
    """Check a brief, with a plain-words hint on a YAML syntax error."""
    result = check_brief(path)
    if not any(p.message.startswith("not valid YAML") for p in result.problems):
        return result
    try:
        text = read_brief_bytes(path).decode("utf-8", errors="replace")
    except BriefError:
        return result
    problems = []
    for problem in result.problems:
        hint = yaml_hint(problem.message, text, problem.line, problem.column)
        if hint is not None and problem.message.startswith("not valid YAML"):
            problem = dataclasses.replace(problem, message=f"{problem.message}; {hint}")
        problems.append(problem)
    return dataclasses.replace(result, problems=problems)


def _report(result: LoadResult, excerpts: bool) -> None:
    for problem in result.problems:
        if problem.severity == "error":
            say(str(problem))
        else:
            out(str(problem))
    _status(result, excerpts)


def _status(result: LoadResult, excerpts: bool = False) -> None:
    path = sanitize(str(result.path))
    if result.brief is not None:
        if excerpts:
            for x in result.brief.excerpts:
                out(f"{path}: {x.id}: ¶{x.paragraph}, offset {x.offset}")
        out(f"{path}: {summary(result.brief)}")
    else:
        count = len(result.errors)
        say(f"{path}: {count} problem{'' if count == 1 else 's'}; not a valid brief")


def _watch(targets: list[Path], excerpts: bool) -> int:
    """Check, then re-check on every change until interrupted (Ctrl+C: exit 0)."""
    watcher = Watcher(targets, check)
    for result in watcher.first():
        _report(result, excerpts)
    names = ", ".join(sanitize(str(t)) for t in targets)
    out(f"watching {names}; Ctrl+C stops")
    flush_output()
    polls = 0
    try:
        while True:
            time.sleep(POLL_SECONDS)
            polls += 1
            for change in watcher.poll(recheck_invalid=polls % 4 == 0):
                _report_change(change, excerpts)
            flush_output()
    except KeyboardInterrupt:
        return 0


def _report_change(change: Change, excerpts: bool) -> None:
    """Print what changed in one brief: new problems, fixed ones, its new status."""
    path = sanitize(str(change.result.path))
    stamp = time.strftime("%H:%M:%S")
    if change.removed:
        out(f"{stamp} {path}: gone")
        return
    out(f"{stamp} {path}: {'new' if change.appeared else 'changed'}")
    for problem in change.fixed:
        out(f"  fixed: {problem.message}")
    for problem in change.added:
        out(f"  {problem}")
    _status(change.result, excerpts)
