"""What a `[keys]` table in config.toml may remap, checked against `briefing.keys`.

`keymap_problems` says what cannot be used as given: an id that names no command (with
the closest one), a key Textual would never deliver, or a key that takes another
command's key on the same screen. `full_keymap` is the keymap to give the app. No Textual
here: `briefing check --config` uses it too.
"""

from __future__ import annotations

import difflib
import string
import unicodedata
from collections.abc import Iterable, Mapping

from briefing.keys import GROUPS, Command, all_commands
from briefing.record import record


def full_keymap(keymap: Mapping[str, str]) -> dict[str, str]:
    """The keymap to give the app: the user's, plus the default keys of every command that
    shares a key with a remapped one on some screen. Textual takes a remapped command's
    old key away from every command bound to it, so remapping `briefing.back` would
    otherwise leave Escape doing nothing where `briefing.overview` shares it."""
    full = dict(keymap)
    for group in GROUPS.values():
        for command in group:
            if command.id not in keymap:
                continue
            old = set(_effective_keys(command, {}))
            for other in group:
                if other.id not in full and old & set(_effective_keys(other, {})):
                    full[other.id] = other.keys
    return full


# Checking a [keys] table ---------------------------------------------------------------

MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
NAMED_KEYS = frozenset(
    {
        *[
            "escape",
            "enter",
            "tab",
            "space",
            "backspace",
            "delete",
            "insert",
            "home",
            "end",
            "pageup",
            "pagedown",
        ],
        *["up", "down", "left", "right"],
        *(f"f{n}" for n in range(1, 25)),
    }
)
"""Keys with names of their own; the rest are characters or their names (`slash`)."""
RENAMED = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}


def character_name(character: str) -> str:
    """How Textual names a punctuation key: `/` -> `slash`, `?` -> `question_mark`."""
    name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    return RENAMED.get(name, name)


CHARACTER_NAMES = frozenset(character_name(c) for c in string.punctuation)


def key_problem(key: str) -> str | None:
    """Why Textual would never deliver this one key (`ctrl+f`, `y`, `slash`), or None."""
    if len(key) == 1:
        return None if key.isprintable() and not key.isspace() else f"{key!r} is not a key"
    *modifiers, base = key.split("+")
    unknown = [m for m in modifiers if m not in MODIFIERS]
    if unknown:
        return f"{unknown[0]!r} is not a modifier ({', '.join(MODIFIERS)})"
    if not base:
        return f"{key!r} has no key after its modifiers"
    if (len(base) == 1 and base.isalnum()) or base in NAMED_KEYS or base in CHARACTER_NAMES:
        return None
    if len(base) == 1 and base in string.punctuation:
        return f"{key!r}: write {character_name(base)!r} for {base!r} after a modifier"
    return f"{base!r} is not a key name (such as y, ctrl+f, slash, f5, pageup)"


def keys_problem(keys: str) -> str | None:
    """Why a comma-separated list of keys cannot be used, or None."""
    parts = [part.strip() for part in keys.split(",")]
    if not all(parts):
        return f"{keys!r} has an empty key"
    return next((p for p in map(key_problem, parts) if p), None)


def closest_id(binding_id: str) -> str:
    """The known binding id closest to a misspelt one."""
    ids = list(all_commands())
    found = difflib.get_close_matches(binding_id, ids, n=1, cutoff=0.0)
    return found[0] if found else ids[0]


@record
class KeyProblem:
    """What is wrong with one entry of a `[keys]` table; `ignored` when it cannot be used
    at all (a key taken from another command still works, and is kept)."""

    binding_id: str
    why: str
    ignored: bool = True


def keymap_problems(keymap: Mapping[str, str]) -> list[KeyProblem]:
    """Each entry of a `[keys]` table that cannot be used as given, once: an unknown id
    (with the closest known one), an unusable key, a key another command of the same
    screen already has."""
    known = all_commands()
    problems: list[KeyProblem] = []
    for binding_id, keys in keymap.items():
        if binding_id not in known:
            closest = closest_id(binding_id)
            problems.append(
                KeyProblem(binding_id, f"is not a binding id (did you mean {closest}?)")
            )
        elif why := keys_problem(keys):
            problems.append(KeyProblem(binding_id, why))
    usable = {i: k for i, k in keymap.items() if i in known and not keys_problem(k)}
    problems.extend(KeyProblem(i, why, ignored=False) for i, why in _clashes(usable))
    return problems


def _effective_keys(command: Command, keymap: Mapping[str, str]) -> list[str]:
    keys = keymap.get(command.id, command.keys)
    return [_normalise(k.strip()) for k in keys.split(",")]


def _normalise(key: str) -> str:
    return character_name(key) if len(key) == 1 and not key.isalnum() else key


def _clashes(keymap: Mapping[str, str]) -> Iterable[tuple[str, str]]:
    """A remapped key that another command of the same group answers to (Textual would
    silently take it from that command). Commands running the same action (a list's
    Enter and the timeline's) are one command to the user and never clash."""
    known = all_commands()
    said: set[str] = set()
    for place, group in GROUPS.items():
        for binding_id in sorted(keymap.keys() & {c.id for c in group} - said):
            command = known[binding_id]
            new_keys = set(_effective_keys(command, keymap)) - set(_effective_keys(command, {}))
            for other in group:
                taken = sorted(new_keys & set(_effective_keys(other, keymap)))
                if taken and other.action != command.action and binding_id not in said:
                    said.add(binding_id)
                    yield binding_id, f"{taken[0]!r} is already {other.id}'s key in {place}"
