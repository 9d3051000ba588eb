"""Remembered choices (the state file) and the fingerprints live reload compares."""

from __future__ import annotations

import os
from pathlib import Path

from briefing.brief.model import Brief
from briefing.brief.watch import fingerprint, watched_files
from briefing.sanitize import web_link
from briefing.store.state import Remembered, choose, load_state, remember, state_path


def test_a_choice_is_remembered_beside_the_others(user_folders: Path) -> None:
    remember("style", "apa", "plain")
    remember("theme", "nord", None)
    assert state_path() == user_folders / "data" / "briefing" / "state.json"
    found, warning = load_state()
    assert warning is None
    assert found == {"style": Remembered("apa", "plain"), "theme": Remembered("nord", None)}


def test_the_config_wins_once_it_changes_after_the_choice() -> None:
    remembered = {"style": Remembered("apa", "plain")}
    assert choose("style", "plain", remembered) == "apa"
    assert choose("style", "mla", remembered) == "mla"
    assert choose("theme", None, remembered) is None


def test_a_damaged_or_foreign_state_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    path.write_text('{"format": "other"}', encoding="utf-8")
    assert load_state(path)[1] is not None
    path.write_text("[", encoding="utf-8")
    found, warning = load_state(path)
    assert found == {} and warning is not None and "cannot be read" in warning


def test_a_fingerprint_changes_with_any_watched_file(sample: Brief, tmp_path: Path) -> None:
    files = watched_files(sample)
    assert files[0] == sample.path and len(files) == 1 + len(sample.sources)
    copy = tmp_path / "a.txt"
    copy.write_text("one", encoding="utf-8")
    before = fingerprint([copy])
    os.utime(copy, ns=(1, 1))
    assert fingerprint([copy]) != before
    assert fingerprint([tmp_path / "gone"]) == ((str(tmp_path / "gone"), -1, -1),)


def test_only_plain_web_links_are_made_clickable() -> None:
    assert web_link(" https://example.org/a?b=1 ") == "https://example.org/a?b=1"
    assert web_link("javascript:alert(1)") is None
    assert web_link("file:///etc/passwd") is None
    assert web_link("https://example.org/\x1b]8;;evil\x07") is None
    assert web_link("https://exa mple.org") is None
    assert web_link(None) is None
