"""The brief format, version 1.1, as data: every kind of item and its fields.

The validator checks briefs against this table and `briefing schema` turns it into a
JSON Schema, so the two can never disagree.
"""

from __future__ import annotations

from briefing.record import record

FORMAT = "briefing/1.1"
FORMATS = ("briefing/1", "briefing/1.1")
"""Every version this reader understands: 1.1 only adds optional fields, so a 1 brief is valid."""
SHA256_PATTERN = r"[0-9a-f]{64}"


@record
class Field:
    """One key of a mapping.

    `type` is one of: slug, text, line, date, number, format, url, sha256, file,
    entity-kind, dispute-kind, names, texts, source-keys, ref:KIND, refs:KIND, items:KIND,
    positions. `since` is the format version that added the field.
    `minimum` is the least number of entries for list types.
    """

    name: str
    type: str
    required: bool = False
    minimum: int = 0
    description: str = ""
    since: str = "1"


SOURCE_KEYS = (
    "title",
    "short_title",
    "outlet",
    "author",
    "published",
    "accessed",
    "url",
    "file",
    "sha256",
)
DISPUTE_KINDS = ("sources", "outside-knowledge", "interpretation")
"""`sources`: the sources disagree; `outside-knowledge`: a source against facts outside the
brief's articles; `interpretation`: a question of reading, not of fact."""

FIELDS: dict[str, tuple[Field, ...]] = {
    "brief": (
        Field("format", "format", True, description="the format and its version"),
        Field("id", "slug", True),
        Field("title", "line", True),
        Field("subtitle", "line"),
        Field("summary", "text", description="the bottom line up front"),
        Field("as_of", "date", True, description="the day up to which the brief is current"),
        Field("sources", "items:source", True, 1),
        Field("topics", "items:topic", True, 1),
        Field("events", "items:event", True),
        Field("excerpts", "items:excerpt", True, 1),
        Field("figures", "items:figure"),
        Field("disputes", "items:dispute"),
        Field("entities", "items:entity"),
    ),
    "source": (
        Field("id", "slug", True),
        Field("title", "line", True),
        Field(
            "short_title", "line", description="a short title for in-text citations", since="1.1"
        ),
        Field("outlet", "line"),
        Field("author", "names", description="one name, or a list of names"),
        Field("published", "date"),
        Field("accessed", "date", description="when the article was read online", since="1.1"),
        Field("url", "url", description="only when the article states it"),
        Field("file", "file", True, description="the article's text, relative to the brief"),
        Field("sha256", "sha256"),
        Field("inferred", "source-keys", description="keys inferred rather than stated"),
        Field("notes", "text"),
    ),
    "topic": (
        Field("id", "slug", True),
        Field("title", "line", True),
        Field("summary", "text"),
        Field("parent", "ref:topic"),
        Field("excerpts", "refs:excerpt", description="key quotes, in reading order"),
    ),
    "event": (
        Field("id", "slug", True),
        Field("date", "date", True, description="when it happened, not when reported"),
        Field("title", "line", True),
        Field("detail", "text"),
        Field("topics", "refs:topic", True, 1),
        Field("excerpts", "refs:excerpt", True, 1),
        Field("entities", "refs:entity"),
    ),
    "excerpt": (
        Field("id", "slug", True),
        Field("source", "ref:source", True),
        Field("quote", "text", True, description="verbatim text of the source"),
        Field("topics", "refs:topic", True, 1),
        Field("entities", "refs:entity"),
        Field("note", "text"),
        Field("prefix", "text", description="the text just before the quote", since="1.1"),
        Field("suffix", "text", description="the text just after the quote", since="1.1"),
    ),
    "figure": (
        Field("id", "slug", True),
        Field("label", "line", True),
        Field("value", "number", True),
        Field("unit", "line", True),
        Field("period", "date"),
        Field("excerpts", "refs:excerpt", True, 1),
        Field("note", "text", since="1.1"),
    ),
    "dispute": (
        Field("id", "slug", True),
        Field("question", "line", True),
        Field("kind", "dispute-kind", description="what the disagreement is", since="1.1"),
        Field("positions", "positions", True, 2),
        Field("assessment", "text"),
    ),
    "position": (
        Field("claim", "text", True),
        Field("excerpts", "refs:excerpt", True, 1),
    ),
    "entity": (
        Field("id", "slug", True),
        Field("name", "line", True),
        Field("kind", "entity-kind"),
        Field("aliases", "texts"),
        Field("role", "line"),
    ),
}

# The top-level key that holds each kind of item, and back.
LIST_KEYS = {
    "source": "sources",
    "topic": "topics",
    "event": "events",
    "excerpt": "excerpts",
    "figure": "figures",
    "dispute": "disputes",
    "entity": "entities",
}


def field_names(kind: str) -> list[str]:
    """The keys a mapping of this kind may have."""
    return [f.name for f in FIELDS[kind]]


PROSE_FIELDS: dict[str, tuple[str, ...]] = {
    "brief": ("summary",),
    "topic": ("summary",),
    "event": ("detail",),
    "figure": ("note",),
    "dispute": ("assessment",),
    "position": ("claim",),
}
"""The text fields that may cite excerpts inline after a claim: `… to 2030 [@q-roadmap].`"""
