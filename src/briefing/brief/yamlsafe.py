"""Read a brief's YAML safely and exactly as written, and point back into it on errors.

Every scalar stays the text it was written as (no YAML 1.1 guessing of booleans, octals,
dates or times); a plain `null`, `~` or nothing means "no value". Anchors, aliases, tags,
duplicate keys and more than one document are refused. Nesting is bounded before the C
parser sees the text, because the C loader can crash on very deep nesting.

The document becomes plain dicts, lists and strings straight from the parser's events,
keeping no positions; only when a later check finds a problem is the text composed into
nodes to find its line (`Locator`).
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from briefing.record import record
from briefing.sanitize import one_line

try:
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_DEPTH = 64
MAX_INDENT = 400
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
MAX_PROBLEMS = 50
# Indentation (with the indicators that nest blocks) of MAX_INDENT columns, after a newline:
# the literal "\n" lets the regex engine skip ahead, five times faster than `^` per line.
_DEEP_INDENT = re.compile(rf"\n[ \t?:-]{{{MAX_INDENT}}}")
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")

Path = tuple[str | int, ...]
Data = dict[str, "Data"] | list["Data"] | str | None


class _TextLoader(_BaseLoader):
    """A safe loader that resolves every scalar to text."""

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
        """Every node gets its default tag: no guessing (and no per-node lookups)."""
        if kind is yaml.ScalarNode:
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP


_TextLoader.yaml_implicit_resolvers = {}


@record
class Place:
    """A position in the file, 1-based."""

    line: int
    column: int


@record
class YamlProblem:
    """Something wrong with the YAML itself, at a place in the file."""

    place: Place
    message: str


class YamlRefused(Exception):
    """The YAML cannot be read as a brief; carries every problem found."""

    def __init__(self, problems: list[YamlProblem]) -> None:
        super().__init__(problems[0].message if problems else "unreadable YAML")
        self.problems = problems


def _place(mark: Any) -> Place:
    """The 1-based place of a PyYAML mark (pure-Python or libyaml), or the file's start."""
    return Place(mark.line + 1, mark.column + 1) if mark is not None else Place(1, 1)


def _flow_too_deep(text: str) -> bool:
    """True when brackets nest deeper than MAX_DEPTH, closed or not.

    Matched innermost pairs are peeled a round at a time (fast, in C); what cannot be
    peeled (unclosed or mismatched brackets, e.g. 50 000 `[` with no `]`, which made the
    C parser crash) is then walked, counting depth as the parser would meet it.
    """
    brackets = _NOT_BRACKET.sub("", text)
    for _ in range(MAX_DEPTH):
        peeled = brackets.replace("[]", "").replace("{}", "")
        if peeled == brackets:
            break
        brackets = peeled
    else:
        if "[]" in brackets or "{}" in brackets:
            return True
    depth = 0
    for char in brackets:
        depth = depth + 1 if char in "[{" else max(depth - 1, 0)
        if depth > MAX_DEPTH:
            return True
    return False


def guard_nesting(text: str) -> None:
    """Refuse text nested deeper than any brief needs, before a parser recurses into it."""
    deep = _DEEP_INDENT.search("\n" + text[:MAX_INDENT]) or _DEEP_INDENT.search(text)
    if deep is not None:
        line = 1 if deep.string is not text else text.count("\n", 0, deep.start()) + 2
        raise YamlRefused(
            [
                YamlProblem(
                    Place(line, 1),
                    f"nesting is deeper than a brief needs "
                    f"(more than {MAX_INDENT} columns of indentation)",
                )
            ]
        )
    if _flow_too_deep(text):
        place = _too_deep_flow_place(text)
        if place is not None:
            raise YamlRefused(
                [
                    YamlProblem(
                        place,
                        f"brackets nest deeper than {MAX_DEPTH} levels; a brief never needs that",
                    )
                ]
            )


def _too_deep_flow_place(text: str) -> Place | None:
    """Where flow brackets first nest deeper than MAX_DEPTH, as YAML's own scanner reads
    them (so brackets inside quoted or plain text do not count), or None.

    Only called when the cheap count says they might: the pure-Python scanner is slow but
    keeps no stack, so it cannot crash however deep the text goes.
    """
    depth = 0
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.FlowSequenceStartToken | yaml.FlowMappingStartToken):
                depth += 1
                if depth > MAX_DEPTH:
                    return Place(token.start_mark.line + 1, token.start_mark.column + 1)
            elif isinstance(token, yaml.FlowSequenceEndToken | yaml.FlowMappingEndToken):
                depth -= 1
    except yaml.YAMLError:
        return None  # the parse proper reports it, no deeper than the scanner got
    return None


def _refusal(error: yaml.YAMLError, text: str) -> YamlRefused:
    """The YamlRefused for any error PyYAML raises, at the best place it tells."""
    if isinstance(error, yaml.MarkedYAMLError):
        return YamlRefused([_describe(error)])
    if isinstance(error, yaml.reader.ReaderError):
        char = error.character if isinstance(error.character, int) else ord(error.character)
        at = text.find(chr(char))  # the first one is where the reader stopped
        at = at if at >= 0 else min(error.position, len(text))
        line = text.count("\n", 0, at) + 1
        column = at - (text.rfind("\n", 0, at) + 1) + 1
        message = f"contains U+{char:04X}, a control character YAML does not allow in a file"
        return YamlRefused([YamlProblem(Place(line, column), message)])
    return YamlRefused([YamlProblem(Place(1, 1), f"not valid YAML: {one_line(str(error))}")])


def _describe(error: yaml.MarkedYAMLError) -> YamlProblem:
    mark = error.problem_mark or error.context_mark
    problem = error.problem or "not valid YAML"
    context = f" ({error.context})" if error.context else ""
    start = error.context_mark
    if error.context and start is not None and mark is not None and start.line != mark.line:
        context = f" ({error.context} that starts on line {start.line + 1})"
    return YamlProblem(_place(mark), f"not valid YAML: {problem}{context}")


def read_yaml(text: str) -> Data:
    """Parse a brief's text into plain data, or raise YamlRefused with every problem found."""
    guard_nesting(text)
    parser = _TextLoader(text)
    try:
        parser.get_event()  # the stream's start
        if parser.check_event(yaml.StreamEndEvent):
            raise YamlRefused(
                [
                    YamlProblem(
                        Place(1, 1),
                        "the file holds no YAML document; a brief "
                        "is a mapping starting with `format: briefing/1`",
                    )
                ]
            )
        parser.get_event()  # the document's start
        problems: list[YamlProblem] = []
        data = _document(parser, problems)
        if len(problems) < MAX_PROBLEMS and not parser.check_event(yaml.StreamEndEvent):
            second: Any = parser.get_event()
            message = "a brief is one YAML document; a second one starts here"
            problems.append(YamlProblem(_place(second.start_mark), message))
    except yaml.YAMLError as error:
        raise _refusal(error, text) from None
    finally:
        parser.dispose()
    if problems:
        raise YamlRefused(problems)
    return data


_KEY = object()
"""In place of a mapping's pending key: the next value read is a key."""
_DROPPED = object()
"""In place of a pending key that was refused: the value read next is dropped."""


def _document(parser: _TextLoader, problems: list[YamlProblem]) -> Data:
    """The document's data, built from the parser's events up to the document's end.

    Built straight from the events, not from a tree of nodes composed first: a 100k
    brief's nodes took 540 MB and a quarter more time. Anchors, aliases and tags are
    problems at their place; an alias is read as nothing, so it can never expand. The
    stack is a list, so no nesting recurses (`guard_nesting` bounds it anyway).
    """
    # One entry per open list or mapping: [the container, its pending key (mappings
    # only: _KEY, _DROPPED or the key) and the line of each key (for duplicates)].
    stack: list[list[Any]] = []
    get_event = parser.get_event
    while len(problems) < MAX_PROBLEMS:
        event: Any = get_event()  # typed loosely by the stubs: Event | None
        kind = event.__class__
        if kind is yaml.ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                _property_problems(event, problems)
            value: Data = event.value
            if stack and stack[-1][1] is _KEY:  # a key: always its text as written
                _take_key(stack[-1], event, problems)
                continue
            if not event.style and value in _NULLS:
                value = None
        elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            if event.anchor is not None or event.tag is not None:
                _property_problems(event, problems)
            if stack and stack[-1][1] is _KEY:  # read, then dropped with its value (`_add`)
                problems.append(YamlProblem(_place(event.start_mark), "a key must be plain text"))
            mapping = kind is yaml.MappingStartEvent
            stack.append([{}, _KEY, {}] if mapping else [[], None, None])
            continue
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            value = stack.pop()[0]
        elif kind is yaml.AliasEvent:
            message = f"alias *{event.anchor} is not allowed in a brief; write the value out"
            problems.append(YamlProblem(_place(event.start_mark), message))
            value = None
        else:  # the document's end
            return None
        if not stack:
            get_event()  # the document's end
            return value
        _add(stack[-1], value)
    return None


def _take_key(top: list[Any], event: Any, problems: list[YamlProblem]) -> None:
    """A scalar read where a mapping expects a key: the key of the value read next."""
    key: str = event.value
    lines: dict[str, int] = top[2]
    if key in lines:
        problems.append(
            YamlProblem(
                _place(event.start_mark),
                f"key {key!r} is given twice (first on line {lines[key] + 1})",
            )
        )
        top[1] = _DROPPED
        return
    lines[key] = event.start_mark.line
    top[1] = key


def _add(top: list[Any], value: Data) -> None:
    """A value read into the open list or mapping."""
    container, key = top[0], top[1]
    if key is None:
        container.append(value)
    elif key is _KEY:  # a list, a mapping or an alias read as a key, refused already
        top[1] = _DROPPED
    else:
        if key is not _DROPPED:
            container[key] = value
        top[1] = _KEY


def _property_problems(event: Any, problems: list[YamlProblem]) -> None:
    """An anchor or a tag on a node: neither is allowed (a value is only ever text)."""
    place = _place(event.start_mark)
    if event.anchor is not None:
        problems.append(YamlProblem(place, f"anchor &{event.anchor} is not allowed in a brief"))
    tag = getattr(event, "tag", None)
    if tag is not None:
        message = f"tag {tag} is not allowed in a brief; every value is read as text"
        problems.append(YamlProblem(place, message))


class Locator:
    """Finds the place of a path like ("excerpts", 3, "quote") in a brief's text."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._root = yaml.compose(text, Loader=_TextLoader)

    def place(self, path: Path, *, at_key: bool = False, needle: str | None = None) -> Place:
        """The place of the node at path (its key, when at_key), or of its nearest parent.

        With a needle, the place of that text inside the node when it is written there
        (a citation marker in a summary); else the node's own place.
        """
        node = self._root
        if node is None:
            return Place(1, 1)
        for depth, step in enumerate(path, start=1):
            found = _child(node, step, at_key=at_key and depth == len(path))
            if found is None:
                break
            node = found
        if needle:
            at = self._text.find(needle, node.start_mark.index, node.end_mark.index)
            if at >= 0:
                line = self._text.count("\n", 0, at) + 1
                return Place(line, at - (self._text.rfind("\n", 0, at) + 1) + 1)
        return _place(node.start_mark)


def _child(node: yaml.Node, step: str | int, *, at_key: bool) -> yaml.Node | None:
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int):
        return node.value[step] if 0 <= step < len(node.value) else None
    if isinstance(node, yaml.MappingNode) and isinstance(step, str):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == step:
                return key if at_key else value
    return None
