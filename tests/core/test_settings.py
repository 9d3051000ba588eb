"""The config file: chosen style, and defaults with a warning for anything damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.store import settings
from briefing.store.settings import Settings, config_path, load


def _write(text: str | bytes) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_no_file_gives_the_default_style_without_warnings() -> None:
    assert load() == Settings(style=settings.DEFAULT_STYLE)
    assert load().warnings == ()


def test_config_file_chooses_the_style(user_folders: Path) -> None:
    path = _write('style = "apa"\n')
    assert path.is_relative_to(user_folders / "config")
    assert load().style == "apa"
    assert load().warnings == ()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('style = "harvard"\n', "'harvard' is not one of plain, markdown, apa"),
        ("style = 3\n", "3 is not one of"),
        ('style = "apa\n', "cannot be read"),
        (b"style = '\xff'\n", "cannot be read"),
        ('stlye = "mla"\n', "unknown setting 'stlye'"),
    ],
)
def test_damaged_or_unknown_values_give_defaults_and_a_warning(
    content: str | bytes, expected: str
) -> None:
    _write(content)
    loaded = load()
    assert loaded.style == settings.DEFAULT_STYLE
    assert len(loaded.warnings) == 1
    assert expected in loaded.warnings[0]
    assert str(config_path()) in loaded.warnings[0]


def test_a_folder_in_place_of_the_file_is_a_warning_not_a_crash() -> None:
    config_path().mkdir(parents=True)
    assert load().warnings[0].endswith("is not a regular file (a folder); using the defaults")


def test_keys_table_remaps_by_binding_id(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[keys]\n"briefing.copy" = "y"\n"briefing.search" = 3\n', encoding="utf-8")
    loaded = load(path)
    assert loaded.keys == {"briefing.copy": "y"}
    assert loaded.warnings == (
        f'{path}:3: keys."briefing.search" must be a key such as "y"; ignored',
    )


def test_unknown_ids_and_unusable_keys_are_left_out_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '[keys]\n"briefing.copyy" = "y"\n"briefing.search" = "ctrlf"\n"briefing.back" = "h"\n',
        encoding="utf-8",
    )
    loaded = load(path)
    assert loaded.keys == {"briefing.back": "h"}
    assert loaded.warnings == (
        f'{path}:2: keys."briefing.copyy" is not a binding id (did you mean briefing.copy?); '
        "ignored",
        f"{path}:3: keys.\"briefing.search\" 'ctrlf' is not a key name (such as y, ctrl+f, "
        "slash, f5, pageup); ignored",
    )


def test_an_id_written_without_quotes_is_still_the_id(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[keys]\nbriefing.copy = "y"\n', encoding="utf-8")
    assert load(path) == Settings(keys={"briefing.copy": "y"})


def test_keys_that_are_not_a_table_are_ignored_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('keys = "y"\n', encoding="utf-8")
    loaded = load(path)
    assert loaded.keys == {}
    assert "must be a table" in loaded.warnings[0]
