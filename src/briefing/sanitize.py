"""Make untrusted text safe to show in a terminal, and find what would have been unsafe.

Briefs and articles come from anywhere. Before any of their text reaches the screen, a
clipboard or an export, control characters become visible placeholders, so that no escape
sequence (CSI, OSC, DCS, ...) can reach the terminal and no bidirectional override can
reorder what the reader sees. The raw text stays in the model for quote verification.
"""

from __future__ import annotations

import functools
import re

from briefing.record import record

# C0 controls except tab and newline, DEL, and C1 controls.
_CONTROLS = "\x00-\x08\x0b-\x1f\x7f"
_C1 = "\x80-\x9f"
# Unicode format characters (category Cf, as of Unicode 15): bidirectional embeddings,
# overrides, isolates and marks (they reorder text on screen), zero-width spaces, the soft
# hyphen, tag characters (U+E0000 block) and the like, all invisible or able to hide text.
# ZWNJ and ZWJ (U+200C, U+200D) are kept: they are part of correct spelling in Indic and
# Persian scripts and in emoji. tests/core/test_sanitize.py checks the list against the
# running Python's Unicode tables.
_FORMAT = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u0891\u08e2\u180e\u200b\u200e\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
# Other characters that show as nothing or break lines behind the layout's back: line and
# paragraph separators, Hangul fillers, and lone surrogates (an undecodable file name's
# bytes, or a YAML escape), which no terminal encoding can even write.
_OTHER = "\u2028\u2029\u3164\uffa0\ud800-\udfff"


@functools.cache
def _unsafe() -> re.Pattern[str]:
    """The characters sanitising changes, compiled when first needed: compiling the class
    took a millisecond of every launch, and most text never needs it (`_plainly_safe`)."""
    return re.compile(f"[{_CONTROLS}{_C1}{_FORMAT}{_OTHER}]")


def _placeholder(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture", e.g. ␛ for ESC
    if code == 0x7F:
        return "␡"
    return f"⟨U+{code:04X}⟩"


def sanitize(text: str) -> str:
    """Return text with every control, format (bidi, invisible) character made visible.

    Newlines and tabs are kept. An escape sequence such as `ESC ] 52 ; ...` loses its ESC
    (shown as `␛`), so the rest is inert visible text; an invisible character such as
    U+200B is shown as `⟨U+200B⟩`, so nothing on screen hides or reorders text.
    """
    if _plainly_safe(text) or _plainly_safe(text.replace("\n", " ").replace("\t", " ")):
        return text
    return _unsafe().sub(lambda m: _placeholder(m.group()), text)


def one_line(text: str) -> str:
    """Sanitise and fold all white space to single spaces, for previews and titles."""
    return " ".join(sanitize(text).split())


@record
class UnsafeChar:
    """A character that sanitising would change, and where it stands (1-based)."""

    line: int
    column: int
    char: str

    @property
    def name(self) -> str:
        """A short description, e.g. `U+001B (escape)`."""
        names = {
            0x1B: "escape",
            0x07: "bell",
            0x9B: "CSI",
            0x9D: "OSC",
            0x202E: "RLO",
            0x200B: "zero width space",
            0x00AD: "soft hyphen",
        }
        code = ord(self.char)
        label = names.get(code)
        if label is None and 0xE0000 <= code <= 0xE007F:
            label = "tag"
        elif label is None and 0xD800 <= code <= 0xDFFF:
            label = "lone surrogate"
        return f"U+{code:04X}" + (f" ({label})" if label else "")


def _plainly_safe(text: str) -> bool:
    """True for text with no control, format or invisible character (checked in C): all
    that `_unsafe` matches is unprintable to Python but for the two Hangul fillers
    (tests/core/test_sanitize.py holds that)."""
    return text.isprintable() and "\u3164" not in text and "\uffa0" not in text


def printable(text: str) -> bool:
    """True when text holds nothing but printable characters, spaces, tabs and line
    breaks, so nothing sanitise() would change (checked in C over the whole text)."""
    return _plainly_safe(text.replace("\n", " ").replace("\t", " "))


def find_unsafe(text: str, limit: int = 20) -> list[UnsafeChar]:
    """The first `limit` characters that sanitise() would change, with line and column."""
    if printable(text):
        return []  # the common case
    found: list[UnsafeChar] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if _plainly_safe(line):
            continue
        for match in _unsafe().finditer(line):
            found.append(UnsafeChar(number, match.start() + 1, match.group()))
            if len(found) >= limit:
                return found
    return found


def unsafe_as_json_escapes(dumped: str) -> str:
    """JSON text with every character sanitise() would change written as a `\\uXXXX` escape.

    The value is unchanged for any JSON reader, and nothing unsafe reaches a terminal.
    """
    return _unsafe().sub(lambda m: _json_escape(m.group()), dumped)


def _json_escape(char: str) -> str:
    code = ord(char)
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


_LINK_SAFE = re.compile(r"https?://[^\s\"'<>\\^`{|}]+", re.IGNORECASE)


def web_link(url: str | None) -> str | None:
    """The URL if it is a plain http(s) link safe to hand the terminal as an OSC 8 target:
    no control character, no white space, no quote or bracket that could end the sequence;
    else None (the URL is then shown as text only, never made clickable)."""
    if not url:
        return None
    url = url.strip()
    if _unsafe().search(url) or not _LINK_SAFE.fullmatch(url) or not url.isprintable():
        return None
    return url
