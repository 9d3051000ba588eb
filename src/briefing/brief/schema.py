"""A JSON Schema of the brief format, generated from the field table in `spec`.

A YAML language server given this schema validates a brief while it is being written.
The schema checks shape only; `briefing check` also verifies references and quotes.
"""

from __future__ import annotations

from typing import Any

from briefing.brief.model import ENTITY_KINDS
from briefing.brief.slug import SLUG_PATTERN
from briefing.brief.spec import (
    DISPUTE_KINDS,
    FIELDS,
    FORMATS,
    PROSE_FIELDS,
    SHA256_PATTERN,
    SOURCE_KEYS,
    Field,
)

PROSE_NOTE = "text that may cite excerpts after a claim: `… [@excerpt-id; @other-id].`"
_POINT = r"~?\d{4}(-\d{2}(-\d{2})?)?"
DATE_PATTERN = rf"^{_POINT}(/{_POINT})?$"


def _slug() -> dict[str, Any]:
    return {"type": "string", "pattern": f"^{SLUG_PATTERN}$"}


def _type(field: Field) -> dict[str, Any]:
    kind, _, target = field.type.partition(":")
    simple: dict[str, dict[str, Any]] = {
        "slug": _slug(),
        "text": {"type": "string"},
        "line": {"type": "string", "pattern": "^[^\\n]*\\n?$"},
        "file": {"type": "string"},
        "date": {"type": "string", "pattern": DATE_PATTERN},
        "number": {"type": "number"},
        "format": {"enum": list(FORMATS)},
        "url": {"type": "string", "pattern": "^https?://\\S+$"},
        "sha256": {"type": "string", "pattern": f"^{SHA256_PATTERN}$"},
        "entity-kind": {"enum": list(ENTITY_KINDS)},
        "dispute-kind": {"enum": list(DISPUTE_KINDS)},
        "names": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
        "texts": {"type": "array", "items": {"type": "string"}},
        "source-keys": {"type": "array", "items": {"enum": list(SOURCE_KEYS)}},
        "ref": {**_slug(), "description": f"the id of a {target}"},
    }
    if kind in simple:
        return simple[kind]
    if kind == "refs":
        items = {**_slug(), "description": f"the id of a {target}"}
        return {"type": "array", "items": items, "minItems": field.minimum}
    target = target or "position"
    return {"type": "array", "items": {"$ref": f"#/$defs/{target}"}, "minItems": field.minimum}


def _object(kind: str) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for field in FIELDS[kind]:
        schema = _type(field)
        if field.name in PROSE_FIELDS.get(kind, ()):
            schema = {**schema, "description": PROSE_NOTE}
        if field.description:
            schema = {**schema, "description": field.description}
        properties[field.name] = schema if field.required else {"anyOf": [schema, {"type": "null"}]}
    return {
        "type": "object",
        "properties": properties,
        "required": [f.name for f in FIELDS[kind] if f.required],
        "patternProperties": {"^x-": {}},
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """The whole schema, as a dict ready for json.dump."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://briefing.invalid/schema/briefing-1.json",
        "title": "A brief, format briefing/1.1",
        **_object("brief"),
        "$defs": {kind: _object(kind) for kind in FIELDS if kind != "brief"},
    }
