"""Hostile briefs for the stress test, generated: every kind of value a valid brief can hold.

Each brief passes `briefing check` (the reader refuses the others before any screen opens),
so the screens see the values themselves: numbers of any size, dates from year 1 to 9999,
paragraphs and words hundreds of thousands of characters long with no space to wrap at,
right-to-left and bidirectional text, zero-width, tag and combining characters, text that
looks like markup, terminal escape sequences, and thousands of items. The output is
deterministic, so a seed replays on the same briefs.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

TAGS = "".join(chr(0xE0000 + ord(c)) for c in "hidden") + "\U000e0001\U000e007f"
NASTY = (
    "[bold]bold[/bold] [/] [@click=app.quit]quit[/] [red on blue]x [link=file:///etc/passwd]l",
    "\x1b]52;c;SEVMTE8=\x07 \x1b[2J\x1b[H \x1b]0;TITLE\x07 \x1bP1$qm\x1b\\ \x9b31m \x9d0;C1\x9c",
    "\u202eevil.exe\u202c \u2067rtl\u2069 \u200fRLM\u200e \u061c",
    "zero\u200bwidth\u200c\u200d\u2060\ufeff\u180e",
    f"tags{TAGS}here",
    "a" + "\u0301" * 300 + " z̴̡̢̛̗̘̙̜̝̞̟̠͇͈͉͍͎̿̀́͂̓̈́͆͊͋͌̕̚ͅ",
    "漢字かな한글 👩\u200d👩\u200d👧\u200d👦 🏳️\u200d🌈 \ufdfd \u2e3b",
    "مرحبا بالعالم שלום עולם ١٢٣٤٥ ۱۲۳",
    "tab\there\rreturn\x0bvt\x0cff\x85nel",
    "\\[escaped] {braces} $variable ${var} %s %(name)s {0} <b>html</b> &amp;",
)
WIDE_DATES = ("0001", "9999-12-31", "0001/9999", "~1000-01/~9999-12-31", "0001-01-01/9999-12")
HUGE_NUMBERS = (
    "0",
    "-0.0",
    "1e308",
    "-1.7976931348623157e308",
    "5e-324",
    "9" * 308,  # the longest integer the checker takes: it must fit a float
    "-" + "1" * 300,
)
LONG_WORD = "W" * 20_000
HUGE_WORD = "x" * 190_000
LONG_TEXT = " ".join(["lorem ipsum dolor"] * 10_000)
UNQUOTED = "y" * 1_000_000
"""A paragraph of the article no quote cites (a brief's values stop at 200,000 characters)."""


def _prose(text: str) -> str:
    """Text for a prose field (summaries, notes): there `[@id]` cites an excerpt, so the
    markup action `[@click=…]` would be refused by the checker as a bad citation."""
    return text.replace("[@", "[")


def _dq(text: str) -> str:
    """A double-quoted YAML scalar that spells every character out (astral ones too)."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F:
            out.append(char)
        elif code < 0x100:
            out.append(f"\\x{code:02x}")
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def _quotable(text: str) -> str:
    """Text as a paragraph can hold it: on one line (a paragraph is a line)."""
    return " ".join(text.replace("\x85", " ").split()) or "."


class _Writer:
    """Builds a brief's YAML and its one article; every quote is cut from the article."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.paragraphs: list[str] = []
        self.lines: list[str] = []
        self.excerpt_ids: list[str] = []

    def paragraph(self, text: str) -> int:
        """Add a paragraph to the article; returns its index."""
        self.paragraphs.append(_quotable(text))
        return len(self.paragraphs) - 1

    def excerpts(self, count: int, topics: str, *, entities: str = "") -> list[str]:
        """Excerpts quoting whole paragraphs, the nasty texts and the long ones first."""
        lines = []
        for number in range(count):
            index = number % len(self.paragraphs)
            excerpt_id = f"x{len(self.excerpt_ids)}"
            self.excerpt_ids.append(excerpt_id)
            lines += [
                f"  - id: {excerpt_id}",
                "    source: src",
                f"    quote: {_dq(self.paragraphs[index])}",
                f"    topics: [{topics}]",
            ]
            if entities:
                lines.append(f"    entities: [{entities}]")
            if number % 3 == 0:
                lines.append(f"    note: {_dq(_prose(NASTY[number % len(NASTY)]))}")
        return lines

    def write(self, folder: Path, body: Iterable[str]) -> Path:
        """Write the brief and its article under folder/briefs and folder/seeds."""
        (folder / "seeds").mkdir(parents=True, exist_ok=True)
        (folder / "briefs").mkdir(parents=True, exist_ok=True)
        article = folder / "seeds" / f"{self.name}.txt"
        article.write_text("\n\n".join(self.paragraphs) + "\n", encoding="utf-8")
        path = folder / "briefs" / f"{self.name}.yaml"
        path.write_text("\n".join(body) + "\n", encoding="utf-8")
        return path


def _head(name: str, title: str, *, subtitle: str = "", summary: str = "") -> list[str]:
    lines = ["format: briefing/1", f"id: {name}", f"title: {_dq(title)}", "as_of: '9999-12-31'"]
    if subtitle:
        lines.append(f"subtitle: {_dq(subtitle)}")
    if summary:
        lines.append(f"summary: {_dq(_prose(summary))}")
    return lines


def _source(name: str, title: str, **fields: str) -> list[str]:
    lines = ["sources:", "  - id: src", f"    title: {_dq(title)}"]
    lines.append(f"    file: ../seeds/{name}.txt")
    lines += [f"    {key}: {_dq(value)}" for key, value in fields.items()]
    return lines


def text_brief(folder: Path) -> Path:
    """Every text field full of markup, escapes, bidi, invisible and unbreakable text."""
    w = _Writer("hostile-text")
    for text in (*NASTY, LONG_WORD, HUGE_WORD, LONG_TEXT, " ".join(NASTY) * 50):
        w.paragraph(text)
    quoted = len(w.paragraphs)
    nasty = " ".join(NASTY)
    summary = f"{nasty}\n\n{LONG_TEXT}"[:199_000]
    body = [
        *_head("hostile-text", "[b unclosed " + nasty + LONG_WORD, subtitle=nasty, summary=summary),
        *_source(
            "hostile-text", nasty, outlet=nasty, author=LONG_WORD, url="https://e.x/" + LONG_WORD
        ),
        "    published: '0001/9999'",
        f"    notes: {_dq(_prose(nasty + LONG_WORD))}",
        "topics:",
    ]
    for number, text in enumerate((*NASTY, LONG_WORD)):
        body += [
            f"  - id: t{number}",
            f"    title: {_dq(text)}",
            f"    summary: {_dq(_prose(nasty))}",
        ]
    body += ["entities:"]
    for number, text in enumerate((*NASTY, LONG_WORD)):
        kind = ("person", "organisation", "place", "system", "other")[number % 5]
        body += [f"  - id: e{number}", f"    name: {_dq(text)}", f"    kind: {kind}"]
        body += [f"    aliases: [{_dq(NASTY[number % len(NASTY)])}, {_dq(LONG_WORD)}]"]
        body += [f"    role: {_dq(text)}"]
    excerpts = w.excerpts(quoted * 2, "t0, t1, t10", entities="e0, e3, e10")
    w.paragraph(UNQUOTED)
    body += ["events:"]
    for number, text in enumerate((*NASTY, LONG_WORD, LONG_TEXT[:199_000])):
        body += [
            f"  - id: ev{number}",
            f"    date: '{WIDE_DATES[number % len(WIDE_DATES)]}'",
            f"    title: {_dq(_quotable(text))}",
            f"    detail: {_dq(_prose(nasty))}",
            f"    topics: [t{number % 10}]",
            f"    excerpts: [x{number}, x{number + 1}]",
            f"    entities: [e{number % 11}]",
        ]
    body += ["excerpts:", *excerpts, *_figures_and_disputes(w.excerpt_ids, nasty)]
    return w.write(folder, body)


def _figures_and_disputes(excerpt_ids: list[str], text: str) -> list[str]:
    lines = ["figures:"]
    for number, value in enumerate(HUGE_NUMBERS):
        lines += [
            f"  - id: fig{number}",
            f"    label: {_dq(NASTY[number % len(NASTY)] + text[: 50 * number])}",
            f"    value: {value}",
            f"    unit: {_dq(NASTY[(number + 3) % len(NASTY)])}",
            f"    period: '{WIDE_DATES[number % len(WIDE_DATES)]}'",
            f"    excerpts: [{', '.join(excerpt_ids[number : number + 3])}]",
        ]
    lines.append("disputes:")
    for number in range(3):
        lines += [f"  - id: d{number}", f"    question: {_dq(text)}", "    positions:"]
        for side in range(2 + number * 5):
            cited = excerpt_ids[(number + side) % len(excerpt_ids)]
            claim = _dq(_prose(NASTY[side % len(NASTY)]))
            lines += [f"      - claim: {claim}", f"        excerpts: [{cited}]"]
        lines.append(f"    assessment: {_dq(_prose(text + LONG_WORD))}")
    return lines


def many_brief(folder: Path, count: int = 3000) -> Path:
    """Thousands of items, topics nested hundreds deep, many on one date."""
    w = _Writer("hostile-many")
    for number in range(count):
        w.paragraph(f"Paragraph {number} says {NASTY[number % len(NASTY)]} and more.")
    topics = ["topics:"]
    for number in range(count // 3):
        title = _dq(f"Topic {number} {NASTY[number % 10]}")
        topics += [f"  - id: t{number}", f"    title: {title}"]
        if number:
            parent = number - 1 if number < 400 else number // 2
            topics.append(f"    parent: t{parent}")
    entities = ["entities:"]
    for number in range(count // 3):
        entities += [f"  - id: e{number}", f"    name: Entity {number}", "    kind: other"]
        entities += [f"    aliases: [{', '.join(f'alias{number}-{a}' for a in range(20))}]"]
    excerpts = w.excerpts(count, f"t0, t{min(399, count // 3 - 1)}", entities="e0, e1")
    events = ["events:"]
    for number in range(count):
        date = "2025-12-04" if number % 2 else f"{1 + number % 9999:04d}"
        events += [
            f"  - id: ev{number}",
            f"    date: '{date}'",
            f"    title: {_dq(f'Event {number} {NASTY[number % 10]}')}",
            f"    topics: [t{number % (count // 3)}]",
            f"    excerpts: [x{number}]",
            f"    entities: [e{number % (count // 3)}]",
        ]
    figures = ["figures:"]
    for number in range(count // 5):
        figures += [f"  - id: fig{number}", f"    label: Figure {number}", f"    value: {number}"]
        figures += ["    unit: '%'", f"    excerpts: [x{number}]"]
    body = [
        *_head("hostile-many", "Thousands of items"),
        *_source("hostile-many", "The only source"),
        *topics,
        *entities,
        *events,
        "excerpts:",
        *excerpts,
        *figures,
    ]
    return w.write(folder, body)


def write_all(folder: Path) -> dict[str, Path]:
    """Write every hostile brief under folder (once; later calls reuse them)."""
    done = folder / ".written"
    paths = {
        "hostile-text": folder / "briefs" / "hostile-text.yaml",
        "hostile-many": folder / "briefs" / "hostile-many.yaml",
    }
    if not done.exists():
        text_brief(folder)
        many_brief(folder)
        done.write_text("ok\n", encoding="utf-8")
    return paths
