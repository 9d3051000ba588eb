"""The commands declared once in briefing.keys, and what a `[keys]` table may remap."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing import keymap, keys
from briefing.keymap import KeyProblem, key_problem, keymap_problems, keys_problem


def test_one_id_is_one_command_wherever_it_appears() -> None:
    seen: dict[str, keys.Command] = {}
    for group in keys.GROUPS.values():
        for command in group:
            first = seen.setdefault(command.id, command)
            assert (command.keys, command.action) == (first.keys, first.action), command.id


def test_default_keys_are_all_usable() -> None:
    for command in keys.all_commands().values():
        assert keys_problem(command.keys) is None, command


@pytest.mark.parametrize(
    "key", ["y", "Y", "?", "ctrl+f", "ctrl+shift+f", "slash", "question_mark", "f5", "pageup"]
)
def test_usable_keys(key: str) -> None:
    assert key_problem(key) is None


@pytest.mark.parametrize(
    ("key", "why"),
    [
        ("ctrlf", "'ctrlf' is not a key name"),
        ("cmd+f", "'cmd' is not a modifier"),
        ("ctrl+", "has no key after its modifiers"),
        ("ctrl+/", "write 'slash' for '/'"),
        (" ", "' ' is not a key"),
    ],
)
def test_unusable_keys_say_why(key: str, why: str) -> None:
    assert why in (key_problem(key) or "")


def test_an_empty_key_in_a_list_is_unusable() -> None:
    assert keys_problem("y,") == "'y,' has an empty key"


def test_a_misspelt_id_names_the_closest_valid_one() -> None:
    problems = keymap_problems({"briefing.copyy": "y"})
    assert problems == [
        KeyProblem("briefing.copyy", "is not a binding id (did you mean briefing.copy?)")
    ]


def test_a_remap_onto_another_commands_key_is_reported_once_and_kept() -> None:
    problems = keymap_problems({"rows.down": "enter"})
    assert problems == [
        KeyProblem("rows.down", "'enter' is already rows.choose's key in lists", ignored=False)
    ]


def test_keys_swapped_between_two_commands_do_not_clash() -> None:
    assert keymap_problems({"briefing.copy": "s", "briefing.cycle_style": "c"}) == []


def test_a_good_keymap_has_no_problems() -> None:
    assert keymap_problems({"briefing.copy": "y", "briefing.search": "slash,ctrl+f"}) == []


def test_commands_sharing_a_remapped_key_keep_it() -> None:
    assert keymap.full_keymap({"briefing.back": "backspace"}) == {
        "briefing.back": "backspace",
        "briefing.overview": "escape",
    }
    assert keymap.full_keymap({"briefing.copy": "y"}) == {"briefing.copy": "y"}


def reference_rows() -> list[str]:
    """The rows of the table of binding ids in docs/KEYS.md, as they should read."""
    rows = []
    for command in keys.all_commands().values():
        places = [p for p, group in keys.GROUPS.items() if command.id in {c.id for c in group}]
        what = command.help or command.footer
        rows.append(f"| `{command.id}` | `{command.keys}` | {what} | {', '.join(places)} |")
    return rows


def test_the_documented_ids_are_the_declared_ones() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "KEYS.md").read_text(encoding="utf-8")
    documented = [line for line in doc.splitlines() if line.startswith("| `")]
    assert documented == reference_rows(), "\n".join(reference_rows())


def rewrite_reference() -> None:
    """Bring docs/KEYS.md's table in step: `python tests/core/test_keys.py`."""
    path = Path(__file__).parents[2] / "docs" / "KEYS.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("|---"))
    kept = [line for line in lines[first + 1 :] if not line.startswith("| `")]
    path.write_text("\n".join([*lines[: first + 1], *reference_rows(), *kept]) + "\n", "utf-8")


if __name__ == "__main__":
    rewrite_reference()
