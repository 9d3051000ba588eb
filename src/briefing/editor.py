"""Opening the brief in the user's editor at an item's line.

`$VISUAL`, else `$EDITOR`, else `vi`, is split like a shell would split it, and given
`+LINE FILE`, which vi, Vim, Neovim, nano, Emacs, micro, kak and joe all understand.
Editors that take the line another way get it as `FILE:LINE` (VS Code, Sublime, Helix,
Zed) or not at all.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Mapping
from pathlib import Path

_COLON_LINE = {"code", "codium", "subl", "hx", "helix", "zed"}
_GOTO_FLAG = {"code", "codium"}


def editor_command(path: Path, line: int | None, environ: Mapping[str, str]) -> list[str]:
    """The command that opens `path` at `line` (1-based) in the user's editor."""
    chosen = environ.get("VISUAL") or environ.get("EDITOR") or "vi"
    try:
        command = shlex.split(chosen)
    except ValueError:
        command = [chosen]
    command = command or ["vi"]
    name = Path(command[0]).name
    if line is None:
        return [*command, str(path)]
    if name in _COLON_LINE:
        flag = ["--goto"] if name in _GOTO_FLAG and "--goto" not in command else []
        return [*command, *flag, f"{path}:{line}"]
    return [*command, f"+{line}", str(path)]


def item_line(text: str, item_id: str) -> int | None:
    """The line (from 1) of the item's `id:` in a brief's text, if any.

    Read as text, not YAML, so that it is quick on a large brief and still works on one
    that no longer parses (which is when the user most needs the editor). Ids are slugs
    and unique in a brief, so a line `- id: ITEM` or `id: ITEM` names exactly one item.
    """
    quoted = re.escape(item_id)
    pattern = re.compile(
        rf"^[ \t]*(?:-[ \t]+)?id:[ \t]*([\"']?){quoted}\1[ \t]*(?:#.*)?\r?$", re.MULTILINE
    )
    found = pattern.search(text)
    return None if found is None else text.count("\n", 0, found.start()) + 1
