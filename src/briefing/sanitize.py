"""Make untrusted text safe to show in a terminal, and find what would have been unsafe.

Briefs and articles come from anywhere. Before any of their text reaches the screen, a
clipboard or an export, control characters become visible placeholders, so that no escape
sequence (CSI, OSC, DCS, ...) can reach the terminal and no bidirectional override can
reorder what the reader sees. The raw text stays in the model for quote verification.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# C0 controls except tab and newline, DEL, and C1 controls.
_CONTROLS = "".join(chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F))
_C1 = "".join(chr(c) for c in range(0x80, 0xA0))
# Bidirectional embeddings, overrides and isolates: they reorder text on screen.
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Invisible characters that can hide text. ZWJ and ZWNJ (U+200D, U+200C) are kept: they
# are part of correct spelling in Indic and Persian scripts and in emoji.
_INVISIBLE = "\u200b\u2060\ufeff\u180e"

_UNSAFE = re.compile(f"[{re.escape(_CONTROLS + _C1 + _BIDI + _INVISIBLE)}]")


def _placeholder(char: str) -> str:
    code = ord(char)
    if char in _INVISIBLE:
        return ""
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture", e.g. ␛ for ESC
    if code == 0x7F:
        return "␡"
    return f"⟨U+{code:04X}⟩"


def sanitize(text: str) -> str:
    """Return text with every control, bidi override and hiding character made harmless.

    Newlines and tabs are kept. An escape sequence such as `ESC ] 52 ; ...` loses its ESC
    (shown as `␛`), so the rest is inert visible text.
    """
    if not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(lambda m: _placeholder(m.group()), text)


def one_line(text: str) -> str:
    """Sanitise and fold all white space to single spaces, for previews and titles."""
    return " ".join(sanitize(text).split())


@dataclass(frozen=True, slots=True)
class UnsafeChar:
    """A character that sanitising would change, and where it stands (1-based)."""

    line: int
    column: int
    char: str

    @property
    def name(self) -> str:
        """A short description, e.g. `U+001B (escape)`."""
        names = {0x1B: "escape", 0x07: "bell", 0x9B: "CSI", 0x9D: "OSC", 0x202E: "RLO"}
        code = ord(self.char)
        label = names.get(code)
        return f"U+{code:04X}" + (f" ({label})" if label else "")


def find_unsafe(text: str, limit: int = 20) -> list[UnsafeChar]:
    """The first `limit` characters that sanitise() would change, with line and column."""
    if text.replace("\n", " ").replace("\t", " ").isprintable():
        return []  # the common case, checked in C over the whole text
    found: list[UnsafeChar] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.isprintable():  # fast path: no control, format or invisible character
            continue
        for match in _UNSAFE.finditer(line):
            found.append(UnsafeChar(number, match.start() + 1, match.group()))
            if len(found) >= limit:
                return found
    return found
