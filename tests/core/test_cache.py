"""The cache of checked briefs: used when current, never when stale or damaged."""

from __future__ import annotations

import gc
import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.brief import cache
from briefing.brief.loader import load_brief
from briefing.brief.model import Brief
from briefing.brief.problems import BriefError
from briefing.brief.sources import digest
from briefing.store.files import cache_dir

SAMPLE = Path(__file__).parents[1] / "fixtures" / "sample"


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    """A private copy of the sample brief and its seeds, free to edit."""
    shutil.copytree(SAMPLE, tmp_path / "sample")
    return tmp_path / "sample" / "briefs" / "sample.yaml"


def _entries() -> list[Path]:
    return sorted(cache_dir().glob("*.entry")) if cache_dir().exists() else []


def _read(brief: Path) -> Brief | None:
    """The cache's brief for the file as it is now."""
    return cache.read(brief, brief.read_bytes())


def test_a_loaded_brief_is_cached_and_reloaded_equal(brief: Path) -> None:
    first = load_brief(brief)
    assert len(_entries()) == 1
    again = _read(brief)
    assert again is not None and again is not first
    assert again == first
    assert again.links == first.links and again.items.keys() == first.items.keys()
    assert again.excerpt("q-deal-value").spans == first.excerpt("q-deal-value").spans
    assert again.events[0].date.show() == first.events[0].date.show()


def test_use_cache_false_neither_reads_nor_writes(brief: Path) -> None:
    load_brief(brief, use_cache=False)
    assert _entries() == []


def test_an_edited_brief_is_checked_again(brief: Path) -> None:
    load_brief(brief)
    brief.write_text(
        brief.read_text("utf-8").replace("title: Harbours and fighters", "title: Ports"), "utf-8"
    )
    assert _read(brief) is None
    assert load_brief(brief).title == "Ports"
    assert len(_entries()) == 1  # the earlier version's entry is gone


def test_an_edited_source_makes_the_entry_stale(brief: Path) -> None:
    load_brief(brief)
    seed = brief.parents[1] / "seeds" / "fighters.txt"
    seed.write_text(seed.read_text("utf-8").replace("twelve aircraft", "ten aircraft"), "utf-8")
    assert _read(brief) is None
    with pytest.raises(BriefError) as raised:
        load_brief(brief)
    assert "does not occur in source 'src-fighters'" in str(raised.value)


def test_a_deleted_source_makes_the_entry_stale(brief: Path) -> None:
    load_brief(brief)
    (brief.parents[1] / "seeds" / "summit-notes.txt").unlink()
    assert _read(brief) is None


@pytest.mark.parametrize(
    "damage", ["truncate", "flip", "empty", "garbage", "not-json", "header", "nul-path", "schema"]
)
def test_a_damaged_entry_is_ignored_and_replaced(brief: Path, damage: str) -> None:
    good = load_brief(brief)
    (entry,) = _entries()
    blob = entry.read_bytes()
    damaged = {
        "truncate": blob[: len(blob) // 2],
        "flip": blob[:-100] + bytes([blob[-100] ^ 1]) + blob[-99:],
        "empty": b"",
        "garbage": cache.MAGIC + b"{}\n" + b"0" * 64 + b"\n" + b"not json",
        "not-json": cache.MAGIC + b'{"payload": "' + digest(b"x").encode() + b'"}\nx',
        "header": blob.replace(b'{"', b'["', 1),
        "nul-path": blob.replace(b'"sources": [["', b'"sources": [["\\u0000', 1),
        "schema": blob.replace(b'"schema": "', b'"schema": "0', 1),
    }[damage]
    entry.write_bytes(damaged)
    assert _read(brief) is None
    assert load_brief(brief) == good
    assert _read(brief) == good


def test_deleting_the_cache_folder_is_safe(brief: Path) -> None:
    good = load_brief(brief)
    shutil.rmtree(cache_dir())
    assert load_brief(brief) == good
    assert len(_entries()) == 1


def test_an_unwritable_cache_folder_does_not_stop_loading(
    brief: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert load_brief(brief).id == "sample"


def test_the_same_text_at_another_path_gets_its_own_entry(brief: Path, tmp_path: Path) -> None:
    load_brief(brief)
    other = shutil.copytree(brief.parents[1], tmp_path / "other")
    loaded = load_brief(other / "briefs" / "sample.yaml")
    assert loaded.path == other / "briefs" / "sample.yaml"
    assert len(_entries()) == 2


def test_the_entry_keeps_neither_paragraphs_nor_derived_tables(brief: Path) -> None:
    first = load_brief(brief)
    (entry,) = _entries()
    blob = entry.read_bytes()
    written = brief.read_text("utf-8")
    paragraph = next(p for s in first.sources for p in s.paragraphs if p not in written)
    assert paragraph.encode() not in blob  # split again from the file on reading
    assert b"excerpt_events" not in blob and b'"items"' not in blob
    again = _read(brief)
    assert again is not None
    assert [s.paragraphs for s in again.sources] == [s.paragraphs for s in first.sources]
    assert paragraph in {p for s in again.sources for p in s.paragraphs}


def test_a_reopened_brief_shows_the_article_as_checked_even_if_it_changes_later(
    brief: Path,
) -> None:
    """Articles are read once, at open; their paragraphs are split from those very bytes
    when first shown, so they always agree with the excerpts' places."""
    first = load_brief(brief)
    again = _read(brief)
    assert again is not None
    seed = brief.parents[1] / "seeds" / "fighters.txt"
    seed.write_text("Something else entirely.\n", "utf-8")
    source = again.source("src-fighters")
    assert source.paragraphs == first.source("src-fighters").paragraphs
    excerpts = again.source_excerpts("src-fighters")
    assert excerpts
    for excerpt in excerpts:
        span = excerpt.spans[0]
        shown = source.paragraphs[span.paragraph - 1][span.start : span.end]
        assert " ".join(shown.split()) in " ".join(excerpt.quote.split())
    assert _read(brief) is None  # the change is seen at the next open


def test_a_source_with_crlf_and_a_bom_reloads_the_same_paragraphs(brief: Path) -> None:
    seed = brief.parents[1] / "seeds" / "fighters.txt"
    seed.write_bytes(b"\xef\xbb\xbf" + seed.read_bytes().replace(b"\n", b"\r\n"))
    first = load_brief(brief)
    again = _read(brief)
    assert again is not None and again.sources == first.sources


def test_an_entry_naming_a_source_it_did_not_check_is_ignored(brief: Path) -> None:
    load_brief(brief)
    (entry,) = _entries()
    blob = entry.read_bytes()
    seed = b"../seeds/fighters.txt"
    assert seed in blob
    entry.write_bytes(blob.replace(seed, seed + b"x", 1))  # header only
    assert _read(brief) is None


@pytest.fixture
def background(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every entry is written in the background, whatever the brief's size."""
    monkeypatch.setattr(cache, "BACKGROUND_FROM", 0)
    yield
    cache.wait_for_writers()


@pytest.mark.usefixtures("background")
def test_a_forked_child_writes_a_large_briefs_entry(brief: Path) -> None:
    if threading.active_count() > 1:
        pytest.skip("another thread runs in this test process, so the cache never forks")
    first = load_brief(brief)
    assert cache.wait_for_writers() == 1
    assert len(_entries()) == 1
    assert _read(brief) == first


@pytest.mark.usefixtures("background")
def test_with_other_threads_running_the_entry_is_written_before_returning(
    brief: Path,
) -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        first = load_brief(brief)
        assert len(_entries()) == 1
        assert cache.wait_for_writers() == 0
    finally:
        stop.set()
        other.join()
    assert _read(brief) == first


@pytest.mark.usefixtures("background")
def test_a_forked_writer_that_cannot_write_does_not_stop_loading(
    brief: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", "utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert load_brief(brief).id == "sample"
    cache.wait_for_writers()
    assert load_brief(brief).id == "sample"


def test_reading_an_entry_leaves_the_collector_as_it_was(brief: Path) -> None:
    load_brief(brief)
    assert _read(brief) is not None and gc.isenabled()
    gc.disable()
    try:
        assert _read(brief) is not None and not gc.isenabled()
    finally:
        gc.enable()


def test_what_a_killed_writer_left_behind_is_removed_by_the_next_write(brief: Path) -> None:
    load_brief(brief)
    (entry,) = _entries()
    place = entry.name.split("-")[0]
    abandoned = cache_dir() / f".{place}-old.entry.abc123.tmp"
    in_progress = cache_dir() / f".{place}-new.entry.def456.tmp"
    abandoned.write_bytes(b"half an entry")
    in_progress.write_bytes(b"being written")
    old = time.time() - cache.ABANDONED_AFTER - 60
    os.utime(abandoned, (old, old))
    brief.write_text(brief.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    load_brief(brief)  # an edited brief: a new entry is written
    assert not abandoned.exists()
    assert in_progress.exists()
