"""YAML as text: scalars written safely, and the places in a brief where lines go in.

Untrusted text (a quote from an article, a headline) becomes a quoted scalar that reads
back as exactly that text: control and invisible characters are written as escapes, never
raw, so nothing in an article can break the YAML or reach an editor's screen unescaped.
"""

from __future__ import annotations

import re

import yaml

from briefing.brief.yamlsafe import _TextLoader

_PLAIN = re.compile(r"[a-z][a-z0-9-]*")
_YAML_WORDS = frozenset({"null", "true", "false", "yes", "no", "on", "off", "y", "n"})


class TextEditError(Exception):
    """The brief's text cannot be edited as asked; the message says why in one line."""


def scalar(text: str) -> str:
    """A YAML scalar that reads back as exactly `text`, on one line.

    Ids stay plain; printable text is single-quoted; anything else is double-quoted with
    every control, format or invisible character (and line break) written as an escape.
    """
    if _PLAIN.fullmatch(text) and text not in _YAML_WORDS:
        return text
    if text.isprintable():
        return "'" + text.replace("'", "''") + "'"
    return '"' + "".join(_escaped(char) for char in text) + '"'


def _escaped(char: str) -> str:
    if char in '"\\':
        return "\\" + char
    if char.isprintable():
        return char
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def newline_of(text: str) -> str:
    """The line ending the file uses, so that inserted lines match it."""
    return "\r\n" if "\r\n" in text else "\n"


def compose(text: str) -> yaml.MappingNode:
    """The brief's node tree (with positions); refuses text that is not a YAML mapping."""
    try:
        root = yaml.compose(text, Loader=_TextLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise TextEditError(
            f"the brief is not valid YAML ({where}{getattr(error, 'problem', None) or error}); "
            "fix it first (`briefing check` says how)"
        ) from None
    if not isinstance(root, yaml.MappingNode):
        raise TextEditError("the brief is not a YAML mapping (format, id, title, ...)")
    return root


class Lines:
    """A text's line starts, to turn PyYAML marks (line and column) into offsets."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self.starts = [0]
        at = text.find("\n")
        while at >= 0:
            self.starts.append(at + 1)
            at = text.find("\n", at + 1)

    def offset(self, mark: yaml.Mark) -> int:
        """The offset in the text of a mark (its line and column count characters)."""
        if mark.line >= len(self.starts):
            return self.length
        return min(self.starts[mark.line] + mark.column, self.length)


def child(mapping: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The (key node, value node) of a key in a mapping node, or None."""
    for key_node, value_node in mapping.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return key_node, value_node
    return None


def is_empty(node: yaml.Node) -> bool:
    """True for a value written as nothing, `null` or `~`."""
    return isinstance(node, yaml.ScalarNode) and not node.style and node.value in ("", "~", "null")


def _last_leaf(node: yaml.Node) -> yaml.Node:
    """The node written last inside node (the end of its text)."""
    while isinstance(node, yaml.CollectionNode) and not node.flow_style and node.value:
        last = node.value[-1]
        if isinstance(node, yaml.MappingNode):
            key, value = last
            last = key if is_empty(value) else value
        node = last
    return node


def line_after(text: str, node: yaml.Node, lines: Lines | None = None) -> int:
    """The offset of the line just after the text of node (trailing blank lines and
    comments that follow it stay after anything inserted there)."""
    leaf = _last_leaf(node)
    end = (lines or Lines(text)).offset(leaf.end_mark)
    if leaf.end_mark.column == 0 and end > 0:  # a block scalar ends at the next line's start
        keeps_blank_lines = isinstance(leaf, yaml.ScalarNode) and leaf.value.endswith("\n\n")
        while not keeps_blank_lines and end > 0 and _blank_line_before(text, end):
            end = text.rfind("\n", 0, end - 1) + 1
        return end
    newline = text.find("\n", end)
    return len(text) if newline < 0 else newline + 1


def past_own_comments(text: str, offset: int, indent: int) -> int:
    """Offset moved past comment lines indented deeper than `indent`: they belong to the
    item above (its commented-out keys), so a new item goes after them."""
    while offset < len(text):
        end = text.find("\n", offset)
        end = len(text) if end < 0 else end + 1
        line = text[offset:end]
        stripped = line.lstrip(" ")
        if not stripped.startswith("#") or len(line) - len(stripped) <= indent:
            break
        offset = end
    return offset


def _blank_line_before(text: str, end: int) -> bool:
    start = text.rfind("\n", 0, end - 1) + 1
    return start < end and not text[start:end].strip()


def insert_at(text: str, offset: int, block: str) -> str:
    """Insert whole lines at offset (the start of a line, or the end of the text)."""
    newline = newline_of(text)
    if offset == len(text) and text and not text.endswith("\n"):
        block = newline + block
    return text[:offset] + block + text[offset:]


def indent_block(lines: list[str], indent: int, newline: str) -> str:
    """The lines of one list item (`- key: value` then `  key: value`), indented."""
    pad = " " * indent
    return "".join(pad + line + newline for line in lines)
