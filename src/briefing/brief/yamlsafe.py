"""Read a brief's YAML safely and exactly as written, and point back into it on errors.

Every scalar stays the text it was written as (no YAML 1.1 guessing of booleans, octals,
dates or times); a plain `null`, `~` or nothing means "no value". Anchors, aliases, tags,
duplicate keys and more than one document are refused. Nesting is bounded before the C
parser sees the text, because the C loader can crash on very deep nesting.

The fast path keeps no positions: the document becomes plain dicts, lists and strings.
Only when a later check finds a problem is the text composed again to find its line.
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
_DEFAULT_TAGS = frozenset({_STR, _SEQ, _MAP})
# Anchors (&a), aliases (*a) and tags (!t) can only start a node, so only after white
# space, a flow indicator or the start of the text; text without such a character there
# needs no event-by-event scan.
_NODE_PROPERTY_MARKS = "&*!"
_BEFORE_NODE = frozenset(" \t\n\r\x85\u2028\u2029[]{},:?-")  # NEL, LS, PS end lines too
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


def _node_property_marks(text: str) -> set[int]:
    """Where an anchor, alias or tag may start (cheap to find; most such characters are
    in text, as in "Research & Development")."""
    found = set()
    for mark in _NODE_PROPERTY_MARKS:
        at = text.find(mark)
        while at >= 0:
            if at == 0 or text[at - 1] in _BEFORE_NODE:
                found.add(at)
            at = text.find(mark, at + 1)
    return found


def _starts_at_any(root: yaml.Node, offsets: set[int]) -> bool:
    """True when a node of the tree starts at one of the offsets: a node with an anchor or
    a tag starts at it, and an alias is the very node its anchor names, so the walk meets
    an anchored node before it could follow an alias twice."""
    pending = [root]
    while pending:
        node = pending.pop()
        if node.start_mark.index in offsets:
            return True
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                pending += (key, value)
        elif isinstance(node, yaml.SequenceNode):
            pending += node.value
    return False


def _refuse_node_properties(text: str) -> None:
    """Raise YamlRefused naming each anchor, alias and tag at its place, if there are any."""
    try:
        problems = _scan_node_properties(text)
    except yaml.YAMLError as error:
        raise _refusal(error, text) from None
    if problems:
        raise YamlRefused(problems)


def _scan_node_properties(text: str) -> list[YamlProblem]:
    """Find anchors, aliases and explicit tags, event by event (only run when suspected)."""
    problems: list[YamlProblem] = []
    for event in yaml.parse(text, Loader=_TextLoader):
        if isinstance(event, yaml.AliasEvent):
            problems.append(
                YamlProblem(
                    _place(event.start_mark),
                    f"alias *{event.anchor} is not allowed in a brief; write the value out",
                )
            )
            if len(problems) >= 50:
                break
            continue
        anchor = getattr(event, "anchor", None)
        tag = getattr(event, "tag", None)
        if anchor:
            problems.append(
                YamlProblem(_place(event.start_mark), f"anchor &{anchor} is not allowed in a brief")
            )
        if tag:
            problems.append(
                YamlProblem(
                    _place(event.start_mark),
                    f"tag {tag} is not allowed in a brief; every value is read as text",
                )
            )
        if len(problems) >= 50:
            break
    return problems


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
    if "expected a single document" in (error.context or ""):
        return YamlProblem(_place(mark), "a brief is one YAML document; a second one starts here")
    context = f" ({error.context})" if error.context else ""
    start = error.context_mark
    if error.context and start is not None and mark is not None and start.line != mark.line:
        context = f" ({error.context} that starts on line {start.line + 1})"
    return YamlProblem(_place(mark), f"not valid YAML: {problem}{context}")


def _convert(node: yaml.Node, seen: set[int], problems: list[YamlProblem]) -> Data:
    """Node to plain data, emptying the node's lists as it goes (the tree is spent);
    aliases (a node met twice) and explicit tags are problems."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag != _STR:
            problems.append(YamlProblem(_place(node.start_mark), f"tag {node.tag} is not allowed"))
        value: str = node.value
        return None if not node.style and value in _NULLS else value
    if id(node) in seen:
        problems.append(YamlProblem(_place(node.start_mark), "aliases are not allowed"))
        return None
    seen.add(id(node))
    if node.tag not in _DEFAULT_TAGS:
        problems.append(YamlProblem(_place(node.start_mark), f"tag {node.tag} is not allowed"))
    if isinstance(node, yaml.SequenceNode):
        # Each item's nodes are let go once it is converted: a 100k brief's node tree was
        # most of the memory its first check needs, held to the end of the conversion.
        children, converted = node.value, []
        for index, child in enumerate(children):
            converted.append(_convert(child, seen, problems))
            children[index] = None
        return converted
    assert isinstance(node, yaml.MappingNode)
    return _convert_mapping(node, seen, problems)


def _convert_mapping(
    node: yaml.MappingNode, seen: set[int], problems: list[YamlProblem]
) -> dict[str, Data]:
    mapping: dict[str, Data] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(YamlProblem(_place(key_node.start_mark), "a key must be plain text"))
            continue
        key = key_node.value
        if key in mapping:
            first = next(k for k, _ in node.value if k.value == key)
            problems.append(
                YamlProblem(
                    _place(key_node.start_mark),
                    f"key {key!r} is given twice (first on line {first.start_mark.line + 1})",
                )
            )
            continue
        mapping[key] = _convert(value_node, seen, problems)
    return mapping


def read_yaml(text: str) -> Data:
    """Parse a brief's text into plain data, or raise YamlRefused with every problem found."""
    guard_nesting(text)
    suspects = _node_property_marks(text)
    try:
        root = yaml.compose(text, Loader=_TextLoader)
    except yaml.YAMLError as error:
        if suspects:  # an alias to no anchor is refused as an alias, not a YAML error
            _refuse_node_properties(text)
        raise _refusal(error, text) from None
    if root is None:
        raise YamlRefused(
            [
                YamlProblem(
                    Place(1, 1),
                    "the file holds no YAML document; a brief "
                    "is a mapping starting with `format: briefing/1`",
                )
            ]
        )
    # Event by event is as slow as the parse itself, so only when a node starts at a mark
    # (a text's index is off by one after a second byte order mark: then always).
    if suspects and (text.startswith("\ufeff") or _starts_at_any(root, suspects)):
        _refuse_node_properties(text)
    problems: list[YamlProblem] = []
    data = _convert(root, set(), problems)
    if problems:
        raise YamlRefused(problems)
    return data


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
