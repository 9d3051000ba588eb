"""A source as the citation styles see it: names, dates and titles taken apart once.

`Reference.of(source)` reads a `Source` and records what is known, what is missing and
what was inferred, so that each style only decides how to show them. All text is cleaned
of control characters here, before any style touches it. `proper_nouns(brief)` gives the
words that sentence case (APA's titles) must keep capitalised: the brief's entities.
"""

from __future__ import annotations

import re

from briefing.brief.dates import BriefDate, DatePoint
from briefing.brief.model import Brief, Source
from briefing.cite.clipboard import clean
from briefing.record import record

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Words a headline leaves in lower case unless they open or close it: articles,
# coordinating conjunctions and prepositions of any length (Chicago 8.159, MLA 1.2).
_MINOR = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "but",
        "or",
        "nor",
        "for",
        "so",
        "yet",
        "as",
        "at",
        "by",
        "in",
        "of",
        "off",
        "on",
        "per",
        "to",
        "up",
        "via",
        "vs",
        "with",
        "from",
        "into",
        "onto",
        "upon",
        "over",
        "under",
        "after",
        "before",
        "about",
        "above",
        "across",
        "against",
        "along",
        "among",
        "around",
        "behind",
        "below",
        "beneath",
        "beside",
        "between",
        "beyond",
        "despite",
        "during",
        "except",
        "inside",
        "near",
        "since",
        "through",
        "toward",
        "towards",
        "until",
        "within",
        "without",
    ]
)


@record
class Name:
    """One author: a family name and, for people, given names ("" for an organisation)."""

    family: str
    given: str = ""

    @classmethod
    def parse(cls, text: str) -> Name:
        """Read "Given Family", "Family, Given" or a single word (kept whole)."""
        if "," in text:
            family, given = (part.strip() for part in text.split(",", 1))
            return cls(family, given)
        words = text.split()
        if len(words) < 2:
            return cls(text.strip())
        return cls(words[-1], " ".join(words[:-1]))

    @property
    def natural(self) -> str:
        """Given names first: `Ana Lúcio`."""
        return f"{self.given} {self.family}".strip()

    @property
    def inverted(self) -> str:
        """Family name first: `Lúcio, Ana`."""
        return f"{self.family}, {self.given}" if self.given else self.family

    @property
    def initials(self) -> str:
        """Family name and initials, as APA writes them: `Lúcio, A.`, `Verma, J. K.`."""
        if not self.given:
            return self.family
        parts = [
            "-".join(f"{piece[0]}." for piece in word.split("-") if piece)
            for word in self.given.split()
        ]
        return f"{self.family}, {' '.join(parts)}"


@record
class Published:
    """A publication date reduced to what all its days share, and how to write it."""

    year: str  # "2024", or "2024–2025" when a range crosses a year
    month: int | None = None
    day: int | None = None
    approximate: bool = False

    @classmethod
    def of(cls, date: BriefDate) -> Published:
        """The most precise date every day of a range shares (a range in one month: the month)."""
        start, end = date.start, date.end
        if end is None:
            return cls(str(start.year), start.month, start.day, start.approximate)
        approximate = start.approximate or end.approximate
        if start.year != end.year:
            return cls(f"{start.year}–{end.year}", approximate=approximate)
        if start.month is not None and start.month == end.month and start.day == end.day:
            return cls(str(start.year), start.month, start.day, approximate)
        if start.month is not None and start.month == end.month:
            return cls(str(start.year), start.month, approximate=approximate)
        return cls(str(start.year), approximate=approximate)

    @classmethod
    def of_point(cls, point: DatePoint) -> Published:
        """One end of a date, e.g. the brief's `as_of` used as an access date."""
        return cls(str(point.year), point.month, point.day, point.approximate)

    def iso_parts(self) -> list[int]:
        """Year, month, day as far as known, for BibTeX and CSL-JSON (`[2024, 9]`)."""
        parts = [int(self.year[:4])]
        if self.month is not None:
            parts.append(self.month)
            if self.day is not None:
                parts.append(self.day)
        return parts


@record
class Reference:
    """What a citation needs from a source; `None` means the brief does not know it."""

    key: str
    title: str
    authors: tuple[Name, ...]
    outlet: str | None
    published: Published | None
    url: str | None
    accessed: Published | None = None
    """When the article was read online: only a source's own `accessed`, never guessed."""
    outlet_inferred: bool = False
    published_inferred: bool = False
    title_inferred: bool = False
    short_title: str | None = None
    proper_nouns: frozenset[str] = frozenset()

    @classmethod
    def of(cls, source: Source, proper_nouns: frozenset[str] = frozenset()) -> Reference:
        """Read a source; `proper_nouns` are the words sentence case keeps capitalised."""
        authors = (clean(a).strip() for a in source.authors)
        return cls(
            key=source.id,
            title=clean(source.title).strip(),
            authors=tuple(Name.parse(a) for a in authors if a),
            outlet=clean(source.outlet).strip() if source.outlet else None,
            published=Published.of(source.published) if source.published else None,
            url=clean(source.url).strip() if source.url else None,
            accessed=Published.of_point(source.accessed.start) if source.accessed else None,
            outlet_inferred=source.is_inferred("outlet"),
            published_inferred=source.is_inferred("published"),
            title_inferred=source.is_inferred("title"),
            short_title=clean(source.short_title).strip() if source.short_title else None,
            proper_nouns=proper_nouns,
        )

    @property
    def short(self) -> str:
        """The title for an in-text citation: the brief's `short_title`, else the title
        shortened as APA and MLA ask (the words before a colon, or the first four)."""
        if self.short_title:
            return self.short_title
        if self.described:
            return f"[{shorten_title(self.description, words=6, mark='…')}]"
        return shorten_title(self.title)

    @property
    def described(self) -> bool:
        """True when the title is a description in square brackets, not a headline."""
        return self.title.startswith("[") and self.title.endswith("]")

    @property
    def description(self) -> str:
        """A descriptive title without its brackets (MLA writes it so)."""
        return self.title[1:-1] if self.described else self.title


def references_of(brief: Brief) -> dict[str, Reference]:
    """Every source of a brief as a Reference, by source id."""
    nouns = proper_nouns(brief)
    return {source.id: Reference.of(source, nouns) for source in brief.sources}


def proper_nouns(brief: Brief) -> frozenset[str]:
    """The capitalised words of the brief's entity names and aliases (`India`, `Putin`)."""
    names = (n for e in brief.entities for n in (e.name, *e.aliases))
    return frozenset(w for n in names for w in _WORD.findall(clean(n)) if w[:1].isupper())


_WORD = re.compile(r"[\w][\w’'-]*")
_SENTENCE_BREAK = re.compile(r"[:?!.—]\s*$")


def sentence_case(title: str, proper_nouns: frozenset[str] = frozenset()) -> str:
    """A headline in sentence case, as APA 7 writes article titles (6.17).

    Capitals stay on the first word, the first word after a colon, proper nouns (the
    brief's entities), acronyms and words with inner capitals (`S-400`, `iPhone`);
    every other capitalised word is lowered. A possessive keeps its noun's case.
    """
    shown: list[str] = []
    opening = True
    for word in title.split(" "):
        core = _WORD.search(word)
        if core is None or opening or _keeps_capital(core.group(), proper_nouns):
            shown.append(word)
        else:
            start = core.start()
            shown.append(word[:start] + word[start].lower() + word[start + 1 :])
        opening = (core is None and not word) or bool(_SENTENCE_BREAK.search(word))
    return " ".join(shown)


def _keeps_capital(word: str, proper_nouns: frozenset[str]) -> bool:
    stem = re.sub(r"[’']s$", "", word)
    if stem in proper_nouns or word in proper_nouns:
        return True
    if any(part in proper_nouns for part in stem.split("-")):
        return True
    letters = [c for c in stem if c.isalpha()]
    return (
        not letters
        or not stem[0].isupper()
        or any(c.isupper() for c in stem[1:])
        or any(c.isdigit() for c in stem)
    )


def shorten_title(title: str, *, words: int = 4, mark: str = "") -> str:
    """A title cut for an in-text citation: before a colon, else its first few words,
    never ending on a minor word (`Putin’s India Visit: A Strategic Reset` → `Putin’s
    India Visit`)."""
    head = re.split(r":\s| — | – |\?\s", title, maxsplit=1)[0].strip()
    kept = head.split()
    if len(kept) > words:
        kept = kept[:words]
        while len(kept) > 1 and kept[-1].lower().strip(",;") in _MINOR:
            kept.pop()
        return " ".join(kept).rstrip(",;") + mark
    return head if head != title else title


def headline_case(title: str, *, apa: bool = False) -> str:
    """Capitalise a headline's words as Chicago and MLA do; never lower-case anything.

    Minor words (articles, prepositions, coordinating conjunctions) stay as written unless
    they open or close the title; APA 7 (6.17) capitalises every word of four letters or
    more. Words already holding a capital (`iPhone`, `UK`) are left alone.
    """
    words = title.split(" ")
    last = len(words) - 1
    shown = []
    for index, word in enumerate(words):
        minor = word.lower() in _MINOR and 0 < index < last and not (apa and len(word) >= 4)
        keep = minor or not word[:1].islower() or word.lower() != word
        shown.append(word if keep else word[0].upper() + word[1:])
    return " ".join(shown)


def end_with(text: str, mark: str = ".") -> str:
    """Close a sentence with `mark` unless it already ends with ., ? or !."""
    return text if text.endswith((".", "?", "!")) else text + mark


def nest_quotes(quote: str) -> str:
    """Turn double quotes inside a quotation into single ones, as when it is enclosed."""
    return quote.replace("“", "‘").replace("”", "’").replace('"', "'")


def run_in(quote: str) -> str:
    """A quotation to run into a sentence: inner quotes made single, final period dropped.

    APA and MLA put the sentence's period after the parenthetical citation, so the
    quote's own closing period goes (a `?` or `!` stays).
    """
    text = nest_quotes(quote.strip())
    if text.endswith(".") and not text.endswith("..."):
        text = text[:-1]
    elif text.endswith(".’"):
        text = text[:-2] + "’"
    return f"“{text}”"
