"""The user's own files, damaged in ways JSON and TOML parsers choke on, or unwritable.

A basket, recent-searches or settings file that nests thousands of levels deep or holds
a lone surrogate is damaged like any other: set aside (or, for settings, ignored) with a
warning, never a crash that repeats on every start. A read-only data folder still shows
the basket; changing it is an OSError the UI reports, never a lost file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.brief.model import Brief
from briefing.cite.basket import Basket, BasketUnreadable, basket_path, make_clip
from briefing.search.recent import load_recent, recent_path, remember
from briefing.store import settings

DEEP_JSON = "[" * 100_000 + "]" * 100_000
SURROGATE_BASKET = '{"format": "briefing-basket/1", "clips": [{"item_id": "\\ud800"}]}'


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "why"), [(DEEP_JSON, "it nests too deeply"), (SURROGATE_BASKET, "surrogates")]
)
def test_a_hostile_basket_is_set_aside_and_the_next_start_is_clean(
    text: str, why: str, sample: Brief
) -> None:
    _write(basket_path(), text)
    basket = Basket()
    warning = basket.reload()
    assert warning is not None and "it was kept as" in warning and why in warning
    assert basket.clips == ()
    assert list(basket_path().parent.glob("basket.json.damaged-*"))
    assert Basket().reload() is None  # the next start: nothing to warn about
    assert basket.add(make_clip(sample, "q-summit")) is None


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (DEEP_JSON, "it nests too deeply"),
        ('{"version": 1, "queries": ["oil", "\\udc80"]}', "surrogates"),
    ],
)
def test_hostile_recent_searches_are_set_aside(text: str, why: str) -> None:
    _write(recent_path(), text)
    recent = load_recent()
    assert recent.queries == ()
    assert recent.warning is not None and why in recent.warning
    assert load_recent().warning is None
    assert remember("oil").queries == ("oil",)


def test_a_deeply_nested_settings_file_is_ignored_with_a_warning() -> None:
    path = _write(settings.config_path(), "style = " + "[" * 100_000 + "\n")
    loaded = settings.load()
    assert loaded.style == settings.DEFAULT_STYLE
    assert loaded.warnings == (f"{path}: nests too deeply to read; using the defaults",)
    assert path.exists()  # the user's own config is never moved


def test_settings_warnings_quote_the_file_inertly() -> None:
    _write(settings.config_path(), 'style = "\\u001b]0;PWNED\\u0007\\u202e"\n')
    (warning,) = settings.load().warnings
    assert "\x1b" not in warning and "\u202e" not in warning


def test_a_settings_file_that_is_a_fifo_does_not_hang() -> None:
    settings.config_path().parent.mkdir(parents=True)
    os.mkfifo(settings.config_path())
    (warning,) = settings.load().warnings
    assert warning.endswith("is not a regular file (a FIFO); using the defaults")


@pytest.fixture
def read_only_data(sample: Brief) -> Iterator[Basket]:
    """A basket with one clip in a data folder that can no longer be written."""
    basket = Basket()
    basket.add(make_clip(sample, "q-summit"))
    folder = basket_path().parent
    for lock in folder.glob("*.lock"):
        lock.unlink()
    folder.chmod(0o500)
    try:
        yield basket
    finally:
        folder.chmod(0o700)


def test_a_read_only_data_folder_still_shows_the_basket(read_only_data: Basket) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    basket = Basket()
    assert basket.reload() is None
    assert [c.item_id for c in basket.clips] == ["q-summit"]
    with pytest.raises(OSError):
        basket.remove(basket.clips[0].id)
    assert len(json.loads(basket_path().read_text(encoding="utf-8"))["clips"]) == 1


def test_a_basket_that_cannot_be_read_is_never_replaced(sample: Brief) -> None:
    basket_path().parent.mkdir(parents=True)
    os.mkfifo(basket_path())
    with pytest.raises(BasketUnreadable, match=r"is not a regular file \(a FIFO\)"):
        Basket().add(make_clip(sample, "q-summit"))
    assert basket_path().is_fifo()


def test_recent_searches_that_cannot_be_read_are_never_replaced() -> None:
    recent_path().mkdir(parents=True)
    recent = load_recent()
    assert recent.warning is not None and "is not a regular file (a folder)" in recent.warning
    with pytest.raises(OSError, match="is not a regular file"):
        remember("oil")
    assert recent_path().is_dir()


def test_a_data_folder_that_refuses_every_write_still_shows_the_basket(
    sample: Brief, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a read-only or full file system does (root cannot be locked out by chmod)."""
    from briefing.cite import basket as basket_module

    Basket().add(make_clip(sample, "q-summit"))

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(basket_module, "locked", refuse)
    monkeypatch.setattr(basket_module, "write_atomic", refuse)
    basket = Basket()
    assert basket.reload() is None
    assert [c.item_id for c in basket.clips] == ["q-summit"]
    with pytest.raises(OSError, match="Read-only file system"):
        basket.add(make_clip(sample, "q-deal-signed"))
