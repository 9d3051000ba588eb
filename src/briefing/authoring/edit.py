"""Edit a brief as text: insert list items and references, check, then replace atomically.

The brief is never re-dumped from parsed YAML: new lines go in at the right place and
every other byte stays as the author wrote it. An edit is written to a temporary file
beside the brief, checked there, and renamed over the brief only when it adds no problem;
an edit that would make the brief invalid (a quote not in the article, an unknown topic,
a duplicate id) is refused with the problems it would cause, and the file is untouched.

This is the one entry point for the command line (`briefing quote --brief`,
`briefing add-source`) and for the reader's `A`.
"""

from __future__ import annotations

import dataclasses
import os
import stat
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import yaml

from briefing.authoring.yamltext import (
    Lines,
    TextEditError,
    child,
    compose,
    indent_block,
    insert_at,
    is_empty,
    line_after,
    newline_of,
    past_own_comments,
    scalar,
)
from briefing.brief.loader import LoadResult, check_brief
from briefing.brief.problems import Problem
from briefing.store.files import fsync_folder, written_beside


class EditRefused(Exception):
    """An edit that was not made: why, in one line, and the problems it would have caused."""

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = tuple(problems)


def excerpt_lines(
    excerpt_id: str,
    source_id: str,
    quote: str,
    topics: Sequence[str],
    *,
    prefix: str | None = None,
    suffix: str | None = None,
    note: str | None = None,
) -> list[str]:
    """The lines of a new excerpt entry, unindented, every value safely quoted."""
    lines = [
        f"- id: {scalar(excerpt_id)}",
        f"  source: {scalar(source_id)}",
        f"  quote: {scalar(' '.join(quote.split()))}",
        f"  topics: [{', '.join(scalar(t) for t in topics)}]",
    ]
    if prefix:
        lines.append(f"  prefix: {scalar(prefix)}")
    if suffix:
        lines.append(f"  suffix: {scalar(suffix)}")
    if note:
        lines.append(f"  note: {scalar(' '.join(note.split()))}")
    return lines


def add_excerpt(
    brief_path: Path,
    excerpt_id: str,
    source_id: str,
    quote: str,
    topics: Sequence[str],
    event: str | None = None,
    *,
    prefix: str | None = None,
    suffix: str | None = None,
    note: str | None = None,
) -> LoadResult:
    """Add an excerpt to the brief (and its id to an event's excerpts), check, and save.

    Returns the check of the saved brief (its `brief` is the new model when valid).
    Raises EditRefused, leaving the file untouched, when the edit cannot be made or
    would add a problem; its `problems` say which.
    """
    if not topics:
        raise EditRefused("an excerpt needs at least one topic")
    text = read_brief_source(brief_path)
    lines = excerpt_lines(
        excerpt_id, source_id, quote, topics, prefix=prefix, suffix=suffix, note=note
    )
    try:
        edited = with_list_items(text, "excerpts", [lines])
        if event:
            edited = with_reference(edited, "events", event, "excerpts", excerpt_id)
    except TextEditError as error:
        raise EditRefused(str(error)) from None
    return apply_edit(brief_path, text, edited)


def add_items(brief_path: Path, key: str, items: Sequence[list[str]]) -> LoadResult:
    """Append items (each its unindented lines) to a top-level list, check, and save."""
    text = read_brief_source(brief_path)
    try:
        edited = with_list_items(text, key, items)
    except TextEditError as error:
        raise EditRefused(str(error)) from None
    return apply_edit(brief_path, text, edited)


def read_brief_source(path: Path) -> str:
    """The brief's text exactly as stored (line endings and a BOM kept), for editing."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise EditRefused(f"{path}: cannot be read ({error.strerror})") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise EditRefused(f"{path}: is not UTF-8 text; `briefing check` says where") from None


# Text edits ----------------------------------------------------------------


def with_list_items(text: str, key: str, items: Sequence[list[str]]) -> str:
    """The text with items appended to the top-level list `key` (created when absent)."""
    root = compose(text)
    newline = newline_of(text)
    found = child(root, key)
    if found is None:
        block = f"{key}:{newline}" + "".join(indent_block(i, 0, newline) for i in items)
        return insert_at(text, len(text), block)
    key_node, value = found
    if isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
        indent = value.start_mark.column
        block = "".join(indent_block(i, indent, newline) for i in items)
        return insert_at(text, past_own_comments(text, line_after(text, value), indent), block)
    if isinstance(value, yaml.SequenceNode) and value.flow_style and not value.value:
        text = _without_node(text, value)
    elif not is_empty(value):
        what = "a flow list `[...]`" if isinstance(value, yaml.SequenceNode) else "not a list"
        raise TextEditError(
            f"`{key}` (line {key_node.start_mark.line + 1}) is {what}; write it as a block "
            "list, one `- ` item per entry, so that items can be added to it"
        )
    block = "".join(indent_block(i, 0, newline) for i in items)
    return insert_at(text, line_after(text, key_node), block)


def _without_node(text: str, node: yaml.Node) -> str:
    """The text with a node's own characters (e.g. `[]`) and the spaces before them taken
    out of its line; a comment after them stays."""
    lines = Lines(text)
    start, end = lines.offset(node.start_mark), lines.offset(node.end_mark)
    return text[:start].rstrip(" ") + text[end:]


def with_reference(text: str, list_key: str, item_id: str, field: str, ref: str) -> str:
    """The text with `ref` added to the id list `field` of the item `item_id` of `list_key`."""
    root = compose(text)
    item = _item(root, list_key, item_id)
    newline = newline_of(text)
    found = child(item, field)
    if found is None:
        line = f"{field}: [{scalar(ref)}]"
        return insert_at(
            text, line_after(text, item), indent_block([line], item.start_mark.column, newline)
        )
    key_node, value = found
    lines = Lines(text)
    if is_empty(value):
        start, end = lines.offset(key_node.end_mark), lines.offset(value.end_mark)
        return text[:start] + f": [{scalar(ref)}]" + text[end:]
    if not isinstance(value, yaml.SequenceNode):
        raise TextEditError(f"`{field}` of {item_id!r} is not a list")
    if any(isinstance(v, yaml.ScalarNode) and v.value == ref for v in value.value):
        return text
    if value.flow_style:
        close = lines.offset(value.end_mark) - 1
        separator = ", " if value.value else ""
        return text[:close] + separator + scalar(ref) + text[close:]
    line = indent_block([f"- {scalar(ref)}"], value.start_mark.column, newline)
    return insert_at(text, line_after(text, value), line)


def _item(root: yaml.MappingNode, list_key: str, item_id: str) -> yaml.MappingNode:
    found = child(root, list_key)
    kind = list_key.removesuffix("s")
    if found is not None and isinstance(found[1], yaml.SequenceNode):
        for item in found[1].value:
            if isinstance(item, yaml.MappingNode):
                id_node = child(item, "id")
                if id_node is not None and id_node[1].value == item_id:
                    return item
    raise TextEditError(f"no {kind} has the id {item_id!r}")


# Checked, atomic replacement -------------------------------------------------


def apply_edit(brief_path: Path, before_text: str, after_text: str) -> LoadResult:
    """Replace the brief's text with after_text if that adds no problem; else EditRefused.

    A brief that already had problems may still be edited, as long as the edit adds none.
    """
    before = check_brief(brief_path)
    mode = stat.S_IMODE(brief_path.stat().st_mode)
    temporary = written_beside(brief_path, after_text.encode("utf-8"), mode)
    try:
        after = _relabelled(check_brief(temporary), temporary, brief_path)
        added = _added_errors(before, after)
        if added:
            count = len(added)
            raise EditRefused(
                f"{brief_path}: not changed; the edit would add {count} problem"
                f"{'s' if count != 1 else ''}",
                added,
            )
        if read_brief_source(brief_path) != before_text:
            raise EditRefused(f"{brief_path}: changed on disk during the edit; nothing written")
        os.replace(temporary, brief_path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_folder(brief_path.parent)
    return after


def _added_errors(before: LoadResult, after: LoadResult) -> list[Problem]:
    """The errors of `after` that `before` did not have (compared by message: lines move)."""
    known = Counter(p.message for p in before.errors)
    added = []
    for problem in after.errors:
        if known[problem.message]:
            known[problem.message] -= 1
        else:
            added.append(problem)
    return added


def _relabelled(result: LoadResult, temporary: Path, path: Path) -> LoadResult:
    """The result of checking the temporary file, as if the brief itself had been checked."""
    problems = [
        dataclasses.replace(p, file=str(path)) if p.file == str(temporary) else p
        for p in result.problems
    ]
    brief = None if result.brief is None else dataclasses.replace(result.brief, path=path)
    return LoadResult(path, brief, problems, result.source_digests)
