"""Recent searches: newest first, saved across sessions, a damaged file set aside."""

from __future__ import annotations

from briefing.search.recent import MAX_RECENT, load_recent, recent_path, remember


def test_recent_searches_newest_first_without_repeats() -> None:
    assert load_recent().queries == ()
    remember("kaliningrad")
    remember("  su-57   order ")
    remember("kaliningrad")
    assert load_recent().queries == ("kaliningrad", "su-57 order")
    assert load_recent().warning is None


def test_blank_queries_are_not_kept_and_the_list_is_bounded() -> None:
    remember("   ")
    assert load_recent().queries == ()
    for n in range(MAX_RECENT + 5):
        remember(f"query {n}")
    queries = load_recent().queries
    assert len(queries) == MAX_RECENT
    assert queries[0] == f"query {MAX_RECENT + 4}"


def test_damaged_file_is_set_aside_with_a_warning() -> None:
    path = recent_path()
    path.parent.mkdir(parents=True)
    path.write_text('{"version": 1, "queries": [', encoding="utf-8")
    loaded = load_recent()
    assert loaded.queries == ()
    assert loaded.warning is not None and "damaged" in loaded.warning
    aside = list(path.parent.glob("recent-searches.json.damaged-*"))
    assert [p.read_text(encoding="utf-8") for p in aside] == ['{"version": 1, "queries": [']
    assert not path.exists()
    remember("deal")
    assert load_recent().queries == ("deal",)


def test_wrong_shape_is_damaged_too() -> None:
    path = recent_path()
    path.parent.mkdir(parents=True)
    path.write_text('{"version": 1, "queries": [1, 2]}', encoding="utf-8")
    assert load_recent().warning is not None
    assert len(list(path.parent.glob("*.damaged-*"))) == 1
