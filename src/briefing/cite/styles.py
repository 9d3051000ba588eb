"""How each citation style writes a reference, an in-text citation and a note.

Locators: the paragraph in which the quote starts, written `¶ 4` in plain text, Markdown
and Chicago notes and `para. 4` in APA 7 (which allows counting paragraphs of an
unpaginated source). MLA 9 allows `par.` only where the source numbers its own
paragraphs, which news articles do not, so MLA citations carry no locator. What is
missing is shown as each style wants: no author puts the title first (in-text, a short
title: the source's `short_title`, else the words before a colon or the first few); no
date is `n.d.` (APA, Chicago, plain; MLA omits it); no URL means none. Values the brief
marks as inferred are put in square brackets (`[Summit Wire]`, `[2024, September]`). A
bracketed descriptive title stays bracketed, except in MLA, which writes a description
plainly. An access date is given only when the source states its own `accessed`, and
only where a style asks for one (an online source with no date). APA writes article
titles in sentence case, keeping the brief's entities (proper nouns) capitalised. Italics
cannot travel in plain text, so only the Markdown style marks the outlet so.
"""

from __future__ import annotations

import re

from briefing.brief.dates import MONTHS
from briefing.cite.references import (
    MONTH_NAMES,
    Name,
    Published,
    Reference,
    end_with,
    headline_case,
    sentence_case,
)
from briefing.views.details import bracket

MLA_MONTHS = [
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
_MARKDOWN_SPECIAL = "\\`*_[]<>|&~"  # & starts an entity (&amp;), ~~ strikes through
# What would start a heading, list or rule at a line start: `# `, `- `, `+ `, `1. `, `2) `.
_LINE_START = re.compile(r"^(\s*)([#+=-])|^(\s*\d+)([.)])(?=\s|$)")


def markdown_escape(text: str) -> str:
    """Backslash-escape Markdown's inline syntax, and line starts that would make a list
    or heading, so text shows as written."""
    escaped = "".join(f"\\{c}" if c in _MARKDOWN_SPECIAL else c for c in text)
    lines = (_LINE_START.sub(_escape_start, line) for line in escaped.split("\n"))
    return "\n".join(lines)


def markdown_autolink(url: str) -> str:
    """`<url>` with what would end the autolink or break it (space, `<`, `>`, controls)
    percent-encoded: CommonMark takes no backslash escapes inside an autolink."""
    return "<" + _AUTOLINK_UNSAFE.sub(lambda m: f"%{ord(m[0]):02X}", url) + ">"


_AUTOLINK_UNSAFE = re.compile(r"[\x00-\x20<>\x7f]")


def _escape_start(match: re.Match[str]) -> str:
    indent, mark = (match[1], match[2]) if match[2] else (match[3], match[4])
    return f"{indent}\\{mark}"


def sort_key(entry: str) -> str:
    """Alphabetical order for a reference list, ignoring opening quotes and brackets."""
    return entry.lstrip("“‘[\"'*\\").casefold()


# Dates -----------------------------------------------------------------------


def _date(published: Published | None, inferred: bool, style: str) -> str:
    if published is None:
        return "" if style == "mla" else "n.d."
    return bracket(_DATE_FORMATS[style](published), inferred)


def _plain_date(p: Published) -> str:
    parts = [str(p.day) if p.day else "", MONTHS[p.month - 1] if p.month else "", p.year]
    return ("c. " if p.approximate else "") + " ".join(x for x in parts if x)


def _apa_date(p: Published) -> str:
    if p.approximate:
        return f"ca. {p.year}"
    month = f", {MONTH_NAMES[p.month - 1]}" if p.month else ""
    return p.year + month + (f" {p.day}" if p.day and p.month else "")


def _chicago_date(p: Published) -> str:
    if p.month is None:
        return ("ca. " if p.approximate else "") + p.year
    day = f" {p.day}," if p.day else ""
    return ("ca. " if p.approximate else "") + f"{MONTH_NAMES[p.month - 1]}{day} {p.year}"


def _mla_date(p: Published) -> str:
    parts = [str(p.day) if p.day else "", MLA_MONTHS[p.month - 1] if p.month else "", p.year]
    return ("circa " if p.approximate else "") + " ".join(x for x in parts if x)


_DATE_FORMATS = {"plain": _plain_date, "apa": _apa_date, "chicago": _chicago_date}
_DATE_FORMATS["mla"] = _mla_date


def _year(ref: Reference, approximate: str) -> str:
    if ref.published is None:
        return "n.d."
    year = (
        f"{approximate} {ref.published.year}" if ref.published.approximate else ref.published.year
    )
    return bracket(year, ref.published_inferred)


# Authors ---------------------------------------------------------------------


def _series(items: list[str], conjunction: str = "and") -> str:
    if len(items) <= 2:
        return f" {conjunction} ".join(items)
    return ", ".join(items[:-1]) + f", {conjunction} {items[-1]}"


def _apa_authors(names: tuple[Name, ...]) -> str:
    initials = [n.initials for n in names]
    return initials[0] if len(initials) == 1 else ", ".join(initials[:-1]) + f", & {initials[-1]}"


def _inverted_authors(names: tuple[Name, ...], most: int) -> str:
    """First author family name first, the others given name first (Chicago, MLA)."""
    if len(names) > most:
        return f"{names[0].inverted}, et al."
    if len(names) == 1:
        return names[0].inverted
    rest = [n.natural for n in names[1:]]
    return f"{names[0].inverted}, " + ("and " + rest[0] if len(rest) == 1 else _series(rest))


def _short_authors(names: tuple[Name, ...], conjunction: str) -> str:
    if len(names) > 2:
        return f"{names[0].family} et al."
    return f" {conjunction} ".join(n.family for n in names)


# Plain text and Markdown -----------------------------------------------------


def plain_reference(ref: Reference, paragraph: int | None = None) -> str:
    """`Ana Lúcio, “Harbour deal …”, Baltic Ledger, 4 Mar 2024, ¶ 3, https://…`."""
    parts = [
        _series([n.natural for n in ref.authors]),
        ref.title if ref.described else f"“{ref.title}”",
        bracket(ref.outlet, ref.outlet_inferred) if ref.outlet else "",
        _date(ref.published, ref.published_inferred, "plain"),
        f"¶ {paragraph}" if paragraph else "",
        ref.url or "",
    ]
    return ", ".join(p for p in parts if p)


def markdown_reference(ref: Reference, paragraph: int | None = None) -> str:
    """The plain reference in Markdown: outlet in italics, the URL as a link, a full stop."""
    title = ref.title if ref.described else f"“{ref.title}”"
    parts = [
        markdown_escape(_series([n.natural for n in ref.authors])),
        markdown_escape(title),
        f"*{markdown_escape(bracket(ref.outlet, ref.outlet_inferred))}*" if ref.outlet else "",
        markdown_escape(_date(ref.published, ref.published_inferred, "plain")),
        f"¶ {paragraph}" if paragraph else "",
        markdown_autolink(ref.url) if ref.url else "",
    ]
    return end_with(", ".join(p for p in parts if p))


# APA 7 -------------------------------------------------------------------------


def apa_reference(ref: Reference) -> str:
    """An APA 7 reference-list entry for a news article (APA 7, 10.1)."""
    date = f"({_date(ref.published, ref.published_inferred, 'apa')})."
    title = end_with(ref.title if ref.described else sentence_case(ref.title, ref.proper_nouns))
    head = [end_with(_apa_authors(ref.authors)), date, title] if ref.authors else [title, date]
    outlet = [end_with(bracket(ref.outlet, ref.outlet_inferred))] if ref.outlet else []
    return " ".join([*head, *outlet, *([ref.url] if ref.url else [])])


def apa_in_text(ref: Reference, paragraph: int) -> str:
    """`(Lúcio, 2024, para. 3)`; with no author a short title: `(“Harbour Deal,” 2024, …)`."""
    if ref.authors:
        who = _short_authors(ref.authors, "&") + ","
    elif ref.described:
        who = ref.short + ","
    else:
        who = f"“{headline_case(ref.short, apa=True)},”"
    return f"({who} {_year(ref, 'ca.')}, para. {paragraph})"


# Chicago 17 (notes and bibliography) ---------------------------------------------


def _chicago_title(ref: Reference, mark: str, *, short: bool = False) -> str:
    """The title (or short title) closed by `mark`: inside the quotation marks for a headline."""
    title = ref.short if short else ref.title
    if ref.described:
        return title + mark
    return f"“{headline_case(title)}{mark}”"


def _chicago_details(ref: Reference, paragraph: int | None, *, note: bool) -> list[str]:
    details = [
        bracket(ref.outlet, ref.outlet_inferred) if ref.outlet else "",
        _date(ref.published, ref.published_inferred, "chicago"),
    ]
    if ref.published is None and ref.url and ref.accessed is not None:
        accessed = _chicago_date(ref.accessed)
        details.append(f"accessed {accessed}" if note else f"Accessed {accessed}")
    if paragraph:
        details.append(f"¶ {paragraph}")
    return [d for d in details if d]


def chicago_note(ref: Reference, paragraph: int) -> str:
    """A full first note: `Ana Lúcio, “Harbour Deal …,” Baltic Ledger, March 4, 2024, ¶ 3, URL.`"""
    authors = [n.natural for n in ref.authors]
    who = (f"{authors[0]} et al." if len(authors) > 3 else _series(authors)) + ", "
    who = who if authors else ""
    details = [*_chicago_details(ref, paragraph, note=True), *([ref.url] if ref.url else [])]
    if not details:
        return who + _chicago_title(ref, ".")
    return f"{who}{_chicago_title(ref, ',')} {', '.join(details)}."


def chicago_short_note(ref: Reference, paragraph: int) -> str:
    """A later note for the same source: `Lúcio, “Harbour Deal …,” ¶ 5.`"""
    who = _short_authors(ref.authors, "and") + ", " if ref.authors else ""
    return f"{who}{_chicago_title(ref, ',', short=True)} ¶ {paragraph}."


def chicago_bibliography(ref: Reference) -> str:
    """A bibliography entry: `Lúcio, Ana. “Harbour Deal ….” Baltic Ledger, March 4, 2024. URL.`"""
    sentences = [end_with(_inverted_authors(ref.authors, 10))] if ref.authors else []
    sentences.append(_chicago_title(ref, "."))
    details = _chicago_details(ref, None, note=False)
    accessed = [d for d in details if d.startswith("Accessed")]
    stated = [d for d in details if not d.startswith("Accessed")]
    sentences += [end_with(", ".join(stated))] if stated else []
    sentences += [end_with(a) for a in accessed]
    sentences += [end_with(ref.url)] if ref.url else []
    return " ".join(sentences)


# MLA 9 -------------------------------------------------------------------------


def mla_works_cited(ref: Reference) -> str:
    """A Works Cited entry: `Lúcio, Ana. “Harbour Deal ….” Baltic Ledger, 4 Mar. 2024, URL.`

    MLA 9 leaves out `https://`, writes a description without quotes or brackets, and adds
    an access date only for an online source that has no date (and only a stated one).
    """
    sentences = [end_with(_inverted_authors(ref.authors, 2))] if ref.authors else []
    title = ref.description if ref.described else f"“{headline_case(ref.title)}.”"
    sentences.append(end_with(title) if ref.described else title)
    container = [
        bracket(ref.outlet, ref.outlet_inferred) if ref.outlet else "",
        _date(ref.published, ref.published_inferred, "mla"),
        (ref.url or "").removeprefix("https://").removeprefix("http://"),
    ]
    if any(container):
        sentences.append(end_with(", ".join(c for c in container if c)))
    if ref.published is None and ref.url and ref.accessed is not None:
        sentences.append(f"Accessed {_mla_date(ref.accessed)}.")
    return " ".join(sentences)


def mla_in_text(ref: Reference, paragraph: int | None = None) -> str:
    """`(Lúcio)`; no author: a short title, `(“Harbour Deal”)`.

    No locator: MLA 9 (6.20) cites paragraph numbers only when the source numbers its
    own paragraphs, and news articles do not; `paragraph` is accepted and left out.
    """
    if ref.authors:
        return f"({_short_authors(ref.authors, 'and')})"
    if ref.described:
        return f"({ref.short.strip('[]')})"
    return f"(“{headline_case(ref.short)}”)"
