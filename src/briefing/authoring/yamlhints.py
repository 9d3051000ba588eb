"""Plain-words hints for YAML syntax errors, from the parser's message and the line itself.

The parser says what it expected ("mapping values are not allowed in this context"); an
author needs to know what to change ("the value has `: ` in it: put it in quotes"). Each
hint looks at the offending line, so it can name the key and show the fix.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_STARTS_ON = re.compile(r"starts on line (\d+)")
_KEY_VALUE = re.compile(r"\s*(?:-\s+)?([A-Za-z_][\w-]*):\s+(.*)")
Hint = Callable[[str, list[str], int, int], str | None]


def yaml_hint(message: str, text: str, line: int, column: int) -> str | None:
    """A hint for a YAML syntax error at line and column (1-based), or None."""
    lines = text.split("\n")
    for pattern, hint in _HINTS:
        if pattern in message:
            found = hint(message, lines, line, column)
            if found is not None:
                return found
    return None


def _line(lines: list[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _colon_in_value(message: str, lines: list[str], line: int, column: int) -> str | None:
    found = _KEY_VALUE.fullmatch(_line(lines, line))
    if found is None:
        return "a value with `: ` (colon and space) in it must be put in quotes"
    key, value = found.groups()
    example = f"{key}: '{value.strip()}'" if len(value) <= 50 and "'" not in value else ""
    fix = f", e.g. {example}" if example else ""
    return f"the value of `{key}` has `: ` (colon and space) in it: put the value in quotes{fix}"


def _cannot_start(message: str, lines: list[str], line: int, column: int) -> str | None:
    char = _line(lines, line)[column - 1 : column]
    if char == "\t":
        return _tab(message, lines, line, column)
    if char:
        return f"a plain value cannot start with '{char}': put the value in quotes"
    return None


def _tab(message: str, lines: list[str], line: int, column: int) -> str:
    return "indent with spaces: YAML does not allow tabs for indentation"


def _unclosed_quote(message: str, lines: list[str], line: int, column: int) -> str | None:
    if "end of stream" not in message and "document separator" not in message:
        return None
    start = _STARTS_ON.search(message)
    where = f" on line {start.group(1)}" if start else ""
    return f"a quotation mark opened{where} is never closed"


def _escape(message: str, lines: list[str], line: int, column: int) -> str | None:
    return (
        'inside "…" a backslash starts an escape (\\n, \\"): write a backslash as \\\\, '
        "or put the value in single quotes, where a backslash is just a backslash"
    )


def _expected_key(message: str, lines: list[str], line: int, column: int) -> str | None:
    found = _KEY_VALUE.fullmatch(_line(lines, line))
    value = found.group(2).strip() if found else ""
    if value.startswith("'") and value.count("'") > 2:
        return "inside '…' an apostrophe is written twice ('It''s'); or use double quotes"
    if value.startswith('"') and value.count('"') > 2:
        return 'inside "…" write a quotation mark as \\" (or put the value in single quotes)'
    return "this line is not indented like the keys around it: line it up with its siblings"


def _list_indent(message: str, lines: list[str], line: int, column: int) -> str | None:
    return "the items of a list and the keys of an item must line up: check this line's indentation"


def _missing_colon(message: str, lines: list[str], line: int, column: int) -> str | None:
    start = _STARTS_ON.search(message)
    number = int(start.group(1)) if start else line
    return (
        f"line {number} has no `: ` after its key; write `key: value` (a value that runs on "
        "to the next line must be indented under its key)"
    )


def _flow(message: str, lines: list[str], line: int, column: int) -> str | None:
    closer = "]" if "']'" in message else "}"
    start = _STARTS_ON.search(message)
    where = f" opened on line {start.group(1)}" if start else ""
    return (
        f"the bracket{where} is not closed with `{closer}`, or a value in it has a comma, colon "
        "or bracket: put such values in quotes"
    )


_HINTS: tuple[tuple[str, Hint], ...] = (
    ("mapping values are not allowed", _colon_in_value),
    ("tab character", _tab),
    ("cannot start any token", _cannot_start),
    ("escape character", _escape),
    ("escape sequence", _escape),
    ("expected hexdecimal number", _escape),  # libyaml's spelling
    ("quoted scalar", _unclosed_quote),
    ("did not find expected key", _expected_key),
    ("expected '-' indicator", _list_indent),
    ("expected <block end>", _list_indent),
    ("could not find expected ':'", _missing_colon),
    ("expected ',' or ']'", _flow),
    ("expected ',' or '}'", _flow),
)
