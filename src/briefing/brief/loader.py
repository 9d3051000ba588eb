"""Turn a brief file into the model, collecting every problem as `FILE:LINE:COL: message`.

`load_brief` is the one entry point: it reads the file, refuses unsafe YAML, checks every
rule of the format page, verifies and locates every quote, and returns a `Brief` or raises
`BriefError` with all problems found. Positions are looked up only when there are problems.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.brief.model import Brief
from briefing.brief.problems import BriefError, Problem, Severity
from briefing.brief.sources import Articles, SourceError, decode_text, digest
from briefing.memory import paused_gc
from briefing.sanitize import find_unsafe
from briefing.store.files import FileRefused, read_regular

if TYPE_CHECKING:  # the checker (YAML, validation) is imported when a brief is checked:
    # a brief reopened from the cache, before the reader's first frame, needs none of it
    from briefing.brief.validate import Issue, Validator

MAX_BRIEF_BYTES = 256 * 1024 * 1024


@dataclass
class LoadResult:
    """What checking a brief found: the brief when valid, and every problem and warning."""

    path: Path
    brief: Brief | None
    problems: list[Problem] = field(default_factory=list)
    source_digests: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        """Problems that stop the brief from loading."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """Problems worth knowing that do not stop it."""
        return [p for p in self.problems if p.severity == "warning"]


def read_brief_bytes(path: Path) -> bytes:
    """The brief file's bytes, read once with a bound; raise BriefError saying why not.

    A FIFO, a device, a folder, a loop of links or an over-cap file is refused on the open
    descriptor before anything is read, so no brief path can hang or flood the reader.
    """
    try:
        return read_regular(path, MAX_BRIEF_BYTES, what="a brief")
    except FileRefused as refused:
        raise BriefError([Problem(str(path), 0, 0, str(refused))]) from None


def read_brief_text(path: Path, data: bytes | None = None) -> str:
    """The brief's text (from `data`, its bytes, when already read), strictly UTF-8;
    raise BriefError with a place when unreadable."""
    if data is None:
        data = read_brief_bytes(path)
    try:
        return decode_text(data, "the brief")
    except SourceError as error:
        offset = error.offset or 0
        line = data.count(b"\n", 0, offset) + 1
        column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
        raise BriefError([Problem(str(path), line, column, str(error))]) from None


def check_brief(
    path: Path,
    content: bytes | None = None,
    on_stage: Callable[[str], None] | None = None,
    *,
    warnings: bool = True,
) -> LoadResult:
    """Read (unless given its bytes) and check a brief; never raises for anything the file
    holds. `on_stage` is told each stage as it starts ("reading", "checking quotes").

    Without `warnings`, only what decides whether the brief opens is looked for: the
    reader shows a brief or its errors, and leaves warnings to `briefing check`. That
    spares, among others, searching the rest of each article for a second occurrence of
    each quote (a fourteenth of a first open at 100k excerpts)."""
    from briefing.brief.validate import Validator
    from briefing.brief.yamlsafe import YamlRefused, read_yaml

    label = str(path)
    try:
        text = read_brief_text(path, content)
    except BriefError as error:
        return LoadResult(path, None, list(error.problems))
    stage = on_stage or _no_stage
    with paused_gc(), Articles(path) as articles:
        try:
            stage("reading")
            data = read_yaml(text)
        except YamlRefused as refused:
            problems = [
                Problem(label, p.place.line, p.place.column, p.message) for p in refused.problems
            ]
            return LoadResult(path, None, problems)
        validator = Validator(path, _SourceLoader(articles), warnings=warnings)
        stage("checking quotes")
        brief = validator.run(data)
        if not warnings:
            validator.warnings.clear()
        problems = _place_problems(label, text, validator)
        if warnings:
            problems.extend(_unsafe_text_warnings(label, text))
            if "\\" in text:  # only a double-quoted escape can make a control character unseen
                problems.extend(_unsafe_value_warnings(label, text, data))
    problems.extend(validator.source_warnings)
    return LoadResult(
        path, brief if not validator.errors else None, problems, validator.source_digests
    )


def _no_stage(stage: str) -> None:
    """What `check_brief` tells of its stages when nobody asked."""


def _place_problems(label: str, text: str, validator: Validator) -> list[Problem]:
    """The validator's errors and warnings, each at its line and column in the file."""
    from briefing.brief.yamlsafe import Locator, Place

    if not validator.errors and not validator.warnings:
        return []
    locator = Locator(text)
    placed = []
    severities: tuple[tuple[Severity, list[Issue]], ...] = (
        ("error", validator.errors),
        ("warning", validator.warnings),
    )
    for severity, issues in severities:
        for issue in issues:
            place: Place = locator.place(issue.path, at_key=issue.at_key, needle=issue.needle)
            placed.append(Problem(label, place.line, place.column, issue.message, severity))
    placed.sort(key=lambda p: (p.line, p.column))
    return placed


def _unsafe_text_warnings(label: str, text: str) -> list[Problem]:
    return [
        Problem(
            label,
            c.line,
            c.column,
            f"contains {c.name}, a control or invisible character; it is shown as a placeholder",
            "warning",
        )
        for c in find_unsafe(text, limit=10)
    ]


def _unsafe_value_warnings(label: str, text: str, data: object) -> list[Problem]:
    """Warnings for keys and values that YAML escapes (`"\\e[2J"`) made control characters."""
    found: list[tuple[tuple[str | int, ...], str, bool]] = []  # (path, character, at key)
    pending: list[tuple[tuple[str | int, ...], object]] = [((), data)]
    while pending and len(found) < 10:
        path, value = pending.pop()
        if isinstance(value, dict):
            for key, child in value.items():
                found.extend((path + (key,), c.name, True) for c in find_unsafe(key, limit=1))
                pending.append((path + (key,), child))
        elif isinstance(value, list):
            pending.extend((path + (i,), v) for i, v in enumerate(value))
        elif isinstance(value, str):
            found.extend((path, c.name, False) for c in find_unsafe(value, limit=1))
    from briefing.brief.yamlsafe import Locator

    if not found:
        return []
    locator = Locator(text)
    warnings = []
    for path, name, at_key in found:
        place = locator.place(path, at_key=at_key)
        message = (
            f"{'a key' if at_key else 'a value'} contains {name}, a control or invisible "
            "character, written as an escape; it is shown as a placeholder"
        )
        warnings.append(Problem(label, place.line, place.column, message, "warning"))
    return sorted(warnings, key=lambda p: (p.line, p.column))


class _SourceLoader:
    """Reads each source file once, for the validator: text, digest and warnings."""

    def __init__(self, articles: Articles) -> None:
        self.articles = articles

    def load(self, file: str) -> tuple[Path, str, str]:
        """(resolved path, text, sha256) of a source file; raises SourceError."""
        path, data = self.articles.read(file)
        return path, decode_text(data, repr(file)), digest(data)


def load_brief(path: Path, *, use_cache: bool = True) -> Brief:
    """The checked brief at path, from the cache when it is current; raise BriefError.

    The file is read once, and the cache is asked only for an entry made from these very
    bytes; a miss checks them like `briefing check` does.
    """
    from briefing.brief import cache

    path = Path(path)
    data = read_brief_bytes(path)
    if use_cache:
        cached = cache.read(path, data, check_brief)
        if cached is not None:
            return cached
    result = check_brief(path, data, warnings=False)
    if result.brief is None:
        raise BriefError(result.errors)
    if use_cache:
        cache.write(path, data, result.brief, result.source_digests)
    return result.brief
