"""What a brief already holds (ids, sources, topics), read even when it does not check.

Authoring commands need it to pick ids that are free, to find the source of an article,
and to refuse adding an article twice; a brief with problems can still be added to.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from briefing.authoring.edit import EditRefused, read_brief_source
from briefing.brief.sources import SourceError, resolve_source
from briefing.brief.spec import LIST_KEYS
from briefing.brief.yamlsafe import YamlRefused, read_yaml


@dataclass
class Existing:
    """Every id in the brief, its sources by resolved article path, its topic ids."""

    ids: set[str] = field(default_factory=set)
    sources: dict[Path, str] = field(default_factory=dict)
    topics: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)


def read_existing(brief_path: Path) -> Existing:
    """What the brief holds; raise EditRefused when it is not readable YAML."""
    text = read_brief_source(brief_path)
    try:
        data = read_yaml(text)
    except YamlRefused as error:
        raise EditRefused(
            f"{brief_path}: not readable YAML ({error}); fix it first (`briefing check` says how)"
        ) from None
    found = Existing()
    if not isinstance(data, dict):
        return found
    for key in LIST_KEYS.values():
        items = data.get(key)
        for item in items if isinstance(items, list) else ():
            item_id = item.get("id") if isinstance(item, dict) else None
            if not isinstance(item_id, str):
                continue
            found.ids.add(item_id)
            if key == "topics":
                found.topics.append(item_id)
            elif key == "events":
                found.events.append(item_id)
            elif key == "sources" and isinstance(item, dict):
                _add_source(brief_path, item, item_id, found)
    return found


def _add_source(
    brief_path: Path, item: Mapping[str, object], item_id: str, found: Existing
) -> None:
    file = item.get("file")
    if not isinstance(file, str):
        return
    try:
        found.sources[resolve_source(brief_path, file)] = item_id
    except SourceError:
        return  # the checker reports it; it is not the article asked about
